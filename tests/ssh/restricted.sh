#!/bin/sh
# Restricted mode over a real SSH login whose only command is the
# reader, as on a shared host: a throwaway sshd on 127.0.0.1 with
# ForceCommand running kuaibao --restricted (tests/ssh/lib.sh).  TAP.
#   - a command sent with ssh runs the reader instead (no shell);
#   - the user's configuration (which would switch to English and source
#     a file) is not read;
#   - :source, a key bound to source, | and e (which pipe and export)
#     each refuse with one message on the status line; o copies the URL
#     over SSH and runs no browser; once set clipboard off, y and o
#     refuse too and set clipboard on is refused; ! and ^Z do nothing;
#     what was typed after them reaches no shell (the marker files stay
#     absent) and the reader never has a child process;
#   - q ends the session with status 0.
#
#   sh tests/ssh/restricted.sh   (from the top of the tree, after make)
SSHD_EXTRA='ForceCommand sh @TMP@/force.sh'
. tests/ssh/lib.sh

# The forced command: the reader, restricted, with this run's state and
# configuration, and a BROWSER and PAGER that would leave a mark.
mkdir -p "$tmp/state" "$tmp/cfg/kuaibao"
printf 'set language en\nsource %s\n' "$tmp/cfg/other" >"$tmp/cfg/kuaibao/config"
printf 'bind z quit\n' >"$tmp/cfg/other"
chmod 600 "$tmp/cfg/kuaibao/config" "$tmp/cfg/other"
printf '#!/bin/sh\ntouch %s\n' "$(q "$tmp/ran-browser")" >"$tmp/browser"
chmod 755 "$tmp/browser"
cat >"$tmp/force.sh" <<EOF
echo \$\$ >$(q "$tmp/remote-r.pid")
exec env LANG=C.UTF-8 XDG_STATE_HOME=$(q "$tmp/state") \\
    XDG_CONFIG_HOME=$(q "$tmp/cfg") BROWSER=$(q "$tmp/browser") \\
    PAGER=$(q "$tmp/browser") SHELL=$(q "$tmp/browser") \\
    $(q "$kb") --restricted -d $(q "$db")
EOF

escaped() {	# the marks a shell or a browser would have left
	ls "$tmp" | grep -E '^(escaped|ran-browser)' | tr '\n' ' '
}

# ---- a command sent with ssh ----
kbssh -T "$user@127.0.0.1" "touch $(q "$tmp/escaped-cmd")" </dev/null \
    >"$tmp/cmd.out" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "not a terminal" "$tmp/cmd.out" &&
    [ -z "$(escaped)" ]; then
	ok "ssh HOST COMMAND runs the reader, not the command (exit $rc)"
else
	notok "ssh HOST COMMAND runs the reader, not the command (exit $rc)"
	diag <"$tmp/cmd.out"
	echo "left: $(escaped)" | diag
fi

pty_probe
if [ "$interactive" = 0 ]; then
	echo "1..$n"
	exit 0
fi

echo ignored >"$tmp/remote-r.cmd"
tm new-session -d -s r -x 100 -y 30 "sh $(q "$tmp/client.sh") r"
if until_re r 10 '│' && until_re r 3 '[?]:帮助'; then
	ok "ssh -t: the reader, in Chinese: the user's configuration is not read"
else
	notok "ssh -t: the reader, in Chinese: the user's configuration is not read"
	diag <"$scr"
	diagf "$tmp/sshd.log"
	echo "1..$n"
	exit 1
fi
rpid=$(cat "$tmp/remote-r.pid" 2>/dev/null)

# children: the reader's child processes (none, ever)
children() {
	[ -n "$rpid" ] && pgrep -P "$rpid" | tr '\n' ' '
}

# refused DESC: the status line says restricted mode refused, once
refused() {
	if until_re r 3 '受限模式下不可用' &&
	    [ "$(grep -c '受限模式下不可用' "$scr")" = 1 ] &&
	    [ -z "$(escaped)" ] && [ -z "$(children)" ]; then
		ok "$1: refused in one message"
	else
		notok "$1: refused in one message"
		diag <"$scr"
		echo "left: $(escaped); children: $(children)" | diag
	fi
	key r Escape
}

# an article with a URL in its notes: found by its title
key r /
tm send-keys -t r -l "美国创新与竞争法案"
key r Enter
until_re r 3 ' 1/[0-9]+ '
key r Enter
until_re r 3 '[0-9]+%'
key r :
tm send-keys -t r -l "source /etc/passwd"
key r Enter
refused ":source /etc/passwd"
key r :
tm send-keys -t r -l "bind F5 source /etc/passwd"
key r Enter
key r F5
refused "a key bound to source"
# bound: whether key $1 is a default key of this build
bound() {
	"$kb" --list-commands | cut -f3 | tr ' ' '\n' | grep -qxF -- "$1"
}
for k in '|' e; do
	if ! bound "$k"; then
		skip "$k is no key of this build"
		continue
	fi
	key r "$k"
	refused "$k"
	# had it asked for a command or a path, this would leave a mark
	tm send-keys -t r -l "touch $tmp/escaped-$k"
	tm send-keys -t r Enter Escape Escape
	sleep 0.3
	if [ -z "$(escaped)" ] && [ -z "$(children)" ]; then
		ok "$k: what is typed after it runs nothing"
	else
		notok "$k: what is typed after it runs nothing"
		echo "left: $(escaped); children: $(children)" | diag
	fi
done

# o over SSH copies the URL (OSC 52) rather than opening it: allowed
# while copying is; nothing runs
if bound o; then
	key r o
	tm send-keys -t r Enter
	if until_re r 3 '已复制：(https?|ftp)://' && [ -z "$(escaped)" ] &&
	    [ -z "$(children)" ]; then
		ok "o over SSH: the chosen URL copied, no browser run"
	else
		notok "o over SSH: the chosen URL copied, no browser run"
		diag <"$scr"
		echo "left: $(escaped); children: $(children)" | diag
	fi
	key r Escape
else
	skip "o is no key of this build"
fi
key r :
tm send-keys -t r -l "set clipboard off"
key r Enter
for k in y o; do
	if ! bound "$k"; then
		skip "$k is no key of this build"
		continue
	fi
	key r "$k"
	refused "$k after set clipboard off"
done
key r :
tm send-keys -t r -l "set clipboard on"
key r Enter
refused "set clipboard on after off"

for k in '!' C-z; do
	tm send-keys -t r "$k"
	tm send-keys -t r -l "touch $tmp/escaped-bang"
	tm send-keys -t r Enter Escape
done
sleep 0.5
tm send-keys -t r j
if until_re r 3 '│' && [ -z "$(escaped)" ] && [ -z "$(children)" ] &&
    [ -n "$rpid" ] && kill -0 "$rpid" 2>/dev/null &&
    [ "$(ps -o stat= -p "$rpid" | cut -c1)" != T ]; then
	ok "! and ^Z: no shell, the reader runs on (not stopped)"
else
	notok "! and ^Z: no shell, the reader runs on (not stopped)"
	diag <"$scr"
	echo "left: $(escaped); children: $(children);" \
	    "state: $(ps -o stat= -p "${rpid:-0}")" | diag
fi

tm send-keys -t r q
if until_re r 5 '^kb-ssh-exit=0$'; then
	ok "q ends the reader and the session (exit 0)"
else
	notok "q ends the reader and the session (exit 0)"
	diag <"$scr"
fi

echo "1..$n"
[ $fails -eq 0 ]

#!/bin/sh
# The reader over a real SSH session: a throwaway OpenSSH server on
# 127.0.0.1, the reader run with ssh -t inside a detached tmux, keys,
# a resize, q, and two dropped connections (ssh client killed, sshd
# session killed) after which the remote reader must have got SIGHUP,
# exited and saved its position.  TAP output.
#
#   sh tests/ssh/ssh.sh          (from the top of the tree, after make)
#
# Runs as root (CI) or as a normal user; tests/ssh/lib.sh starts sshd.
. tests/ssh/lib.sh

out=$(kbssh -T "$user@127.0.0.1" 'echo "kb-ssh-login $(id -un) LANG=$LANG"' \
    </dev/null 2>"$tmp/ssh.err")
if [ "$out" = "kb-ssh-login $user LANG=C.UTF-8" ]; then
	ok "ssh login as $user with the throwaway key; SendEnv LANG arrives"
else
	notok "ssh login as $user with the throwaway key; SendEnv LANG arrives"
	echo "$out" | diag
	diag <"$tmp/ssh.err"
	diagf "$tmp/sshd.log"
	echo "1..$n"
	exit 1
fi

kbq=$(q "$kb")
dbq=$(q "$db")
kbssh -T "$user@127.0.0.1" "$kbq --list -d $dbq" </dev/null \
    >"$tmp/list-remote" 2>"$tmp/ssh.err"
"$kb" --list -d "$db" >"$tmp/list" 2>&1
if [ -s "$tmp/list" ] && cmp -s "$tmp/list" "$tmp/list-remote"; then
	ok "kuaibao --list over ssh prints what it prints locally"
else
	notok "kuaibao --list over ssh prints what it prints locally"
	diff "$tmp/list" "$tmp/list-remote" | head -10 | diag
	diag <"$tmp/ssh.err"
fi

kbssh -T "$user@127.0.0.1" "env LANG=C.UTF-8 $kbq -d $dbq" </dev/null \
    >"$tmp/notty.out" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "not a terminal" "$tmp/notty.out"; then
	ok "without ssh -t the reader says it needs a terminal (exit $rc)"
else
	notok "without ssh -t the reader says it needs a terminal (exit $rc)"
	diag <"$tmp/notty.out"
fi

# ---------------------------------------------------------------- tmux

# start NAME: a tmux session running the reader over ssh, its own state
start() {
	mkdir -p "$tmp/state-$1"
	printf 'echo $$ >%s && exec env LANG=C.UTF-8 XDG_STATE_HOME=%s %s -d %s\n' \
	    "$(q "$tmp/remote-$1.pid")" "$(q "$tmp/state-$1")" "$kbq" "$dbq" \
	    >"$tmp/remote-$1.cmd"
	tm new-session -d -s "$1" -x 100 -y 30 "sh $(q "$tmp/client.sh") $1"
}

# the display column of the first │ on each line (one per line)
borders() {
	while IFS= read -r line; do
		case $line in *│*) ;; *) continue ;; esac
		printf '%s\n' "${line%%│*}" | wc -L
	done <"$scr" | sort -u
}

pct() { status | grep -Eo '[0-9]+%' | tail -n 1 | tr -d %; }

issue_re='[0-9]{4}-[0-9]{2}-[0-9]{2} 第[0-9]+期'
target=

# open NAME: from the first screen, open the first article of the
# dated issue (2021-08-05 第08期 when the corpus has it)
open() {
	s=$1
	rm -f "$tmp/why"
	if [ -z "$target" ]; then
		target=$(grep -Eo "[+] $issue_re" "$scr" | grep -m1 -F '2021-08-05')
		[ -n "$target" ] ||
		    target=$(grep -Eo "[+] $issue_re" "$scr" | head -n 1)
		target=${target#+ }
	fi
	[ -n "$target" ] || { echo "no collapsed dated issue" >"$tmp/why"; return 1; }
	key "$s" G
	i=0
	while ! status | grep -q "^$target · "; do
		i=$((i + 1))
		[ $i -gt 60 ] && { echo "did not reach $target" >"$tmp/why"; return 1; }
		key "$s" k || { echo "k did nothing" >"$tmp/why"; return 1; }
	done
	key "$s" Enter && grep -q -- "- $target" "$scr" ||
	    { echo "Enter did not expand $target" >"$tmp/why"; return 1; }
	key "$s" j && key "$s" j && key "$s" Enter ||
	    { echo "j j Enter did nothing" >"$tmp/why"; return 1; }
	# wait for the article and the position in the status line
	until_re "$s" 3 '[0-9]+%' || { echo "no position" >"$tmp/why"; return 1; }
	title=$(head -n 1 "$scr" | sed 's/^[^│]*│ *//; s/ *$//')
	[ -n "$title" ] && ! grep -q "Choose an article" "$scr" ||
	    { echo "no article title" >"$tmp/why"; return 1; }
	return 0
}

# the keys in the --list output of the articles with this title
keys_for() {
	grep -F -- "$1" "$tmp/list" | awk 'NF > 1 && $1 ~ /^[0-9a-f]+$/ { print $1 }'
}

# saved NAME: "article scroll" from the state database
saved() {
	sqlite3 "$tmp/state-$1/kuaibao/state.db" \
	    "SELECT article || ' ' || place FROM positions" 2>&1
}

# left NAME PID: the remote readers of session NAME still running: PID
# unless gone or a zombie, and what pgrep -f finds running the reader
# with this session's XDG_STATE_HOME
pat=$(printf '%s' "$kb -d $db" | sed 's/[][\.*^$+?(){}|]/\\&/g')
left() {
	st=$(ps -o stat= -p "$2" 2>/dev/null) &&
	    case $st in Z*) ;; *) echo "$2" ;; esac
	for p in $(pgrep -f -- "$pat"); do
		tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" |
		    grep -qxF "XDG_STATE_HOME=$tmp/state-$1" && echo "$p"
	done | sort -u
}
remote_alive() { [ -n "$(left "$1" "$2")" ]; }

# gone NAME PID SECS: wait until the remote reader has exited
gone() {
	g_end=$(($(now) + $3))
	while remote_alive "$1" "$2"; do
		[ "$(now)" -ge $g_end ] && return 1
		sleep 0.1
	done
	return 0
}

# ---------------------------------------------------------------- read

pty_probe

main() {
	start main
	if until_re main 10 '│' && until_re main 3 "$issue_re" &&
	    grep -q "?:帮助" "$scr"; then
		ok "ssh -t in tmux: the reader's first screen (sidebar │, issues)"
	else
		notok "ssh -t in tmux: the reader's first screen (sidebar │, issues)"
		diag <"$scr"
		diagf "$tmp/sshd.log"
		echo "# the reader did not come up: skipping the rest"
		interactive=0
		return
	fi
	b100=$(borders)
	rpid=$(cat "$tmp/remote-main.pid" 2>/dev/null)
	echo "# remote reader pid ${rpid:-?}, border at column $b100 of 100"

	if open main; then
		ok "move down and Enter open an article: $title"
		p0=$(pct)
		key main Space
		p1=$(pct)
		if [ -n "$p0" ] && [ -n "$p1" ] && [ "$p1" -gt "$p0" ]; then
			ok "Space pages the article: ${p0}% -> ${p1}%"
		else
			notok "Space pages the article: ${p0:-?}% -> ${p1:-?}%"
			diag <"$scr"
		fi
	else
		notok "move down and Enter open an article"
		[ -f "$tmp/why" ] && diag <"$tmp/why"
		diag <"$scr"
		title=
	fi

	tm resize-window -t main -x 80 -y 24 >/dev/null 2>&1
	r_end=$(($(now) + 5))
	resized=0
	while :; do
		cap main
		b80=$(borders)
		lines=$(wc -l <"$scr")
		if [ "$lines" -eq 24 ] && [ "$(echo "$b80" | wc -l)" -eq 1 ] &&
		    [ -n "$b80" ] && [ "$b80" != "$b100" ] &&
		    [ "$(wc -L <"$scr")" -le 80 ] && grep -q '?:帮助' "$scr"
		then
			resized=1
			break
		fi
		[ "$(now)" -ge $r_end ] && break
		sleep 0.1
	done
	if [ $resized = 1 ]; then
		ok "resize to 80x24 over ssh re-lays out: border column" \
		    "$b100 -> $b80"
	else
		notok "resize to 80x24 over ssh re-lays out: border column" \
		    "$b100 -> $(printf '%s ' $b80)"
		diag <"$scr"
	fi

	tm send-keys -t main q
	if until_re main 5 '^kb-ssh-exit=0$'; then
		ok "q ends the reader and the ssh session (exit 0)"
	else
		notok "q ends the reader and the ssh session (exit 0)"
		diag <"$scr"
	fi
	if [ -n "$rpid" ] && gone main "$rpid" 3; then
		ok "the remote reader has exited"
	else
		notok "the remote reader has exited (pid ${rpid:-?})"
		still=$(left main "${rpid:-0}")
		[ -n "$still" ] &&
		    ps -o pid,stat,args -p "$(echo $still | tr ' ' ,)" | diag
	fi
	if [ $have_sqlite = 0 ]; then
		skip "no sqlite3"
	elif [ -n "$title" ]; then
		s=$(saved main)
		if keys_for "$title" | grep -qx "${s% *}"; then
			ok "the position was saved on q: $s"
		else
			notok "the position was saved on q: $s"
			echo "title: $title" | diag
		fi
	fi
}

# drop NAME HOW: open an article, page, cut the connection
drop() {
	start "$1"
	if ! until_re "$1" 10 "$issue_re" || ! open "$1"; then
		notok "$2: the reader came up and opened an article"
		[ -f "$tmp/why" ] && diag <"$tmp/why"
		diag <"$scr"
		return
	fi
	key "$1" Space
	rp=$(cat "$tmp/remote-$1.pid" 2>/dev/null)
	if [ -z "$rp" ] || ! remote_alive "$1" "$rp"; then
		notok "$2: the remote reader is running"
		return
	fi
	case $1 in
	drop-client)
		pane=$(tm display-message -p -t "$1" '#{pane_pid}')
		for p in $(descendants "$pane"); do
			[ "$(ps -o comm= -p "$p")" = ssh ] || continue
			echo "# kill -9 $p (the ssh client)"
			kill -9 "$p"
		done ;;
	drop-sshd)
		# the sshd processes of this connection, not the reader
		for p in $(descendants "$sshd_pid"); do
			[ "$p" = "$rp" ] && continue
			[ "$(ps -o comm= -p "$p")" = sshd ] || continue
			echo "# kill -9 $(ps -o pid=,args= -p "$p")"
			kill -9 "$p"
		done ;;
	esac
	if gone "$1" "$rp" 5; then
		ok "$2: the remote reader was hung up (SIGHUP) and exited"
	else
		notok "$2: the remote reader was hung up (SIGHUP) and exited"
		still=$(left "$1" "$rp")
		[ -n "$still" ] &&
		    ps -o pid,ppid,stat,args -p "$(echo $still | tr ' ' ,)" | diag
		diagf "$tmp/sshd.log" 10
		kill -9 $still 2>/dev/null
	fi
	if [ $have_sqlite = 0 ]; then
		skip "no sqlite3"
		return
	fi
	s=$(saved "$1")
	if keys_for "$title" | grep -qx "${s% *}" &&
	    [ "${s#* }" -gt 0 ] 2>/dev/null; then
		ok "$2: the open article and its scroll were saved: $s"
	else
		notok "$2: the open article and its scroll were saved: $s"
		echo "title: $title" | diag
	fi
}

title=
[ $interactive = 1 ] && main
if [ $interactive = 1 ]; then
	drop drop-client "ssh client killed (SIGKILL)"
	drop drop-sshd "sshd session killed (SIGKILL)"
fi

if grep -q "Accepted publickey for $user" "$tmp/sshd.log"; then
	ok "sshd log: publickey logins for $user"
else
	notok "sshd log: publickey logins for $user"
	diagf "$tmp/sshd.log"
fi

echo "1..$n"
[ $fails -eq 0 ]

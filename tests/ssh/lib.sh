# A throwaway OpenSSH server on 127.0.0.1 for the tests of tests/ssh
# (sourced, not run): host and user keys made for the run, sshd as root
# or as the user running the tests (it then lets only that user in), on
# a free port; then kbssh runs ssh to it.  SSHD_EXTRA, set before
# sourcing, holds more lines of sshd_config (e.g. ForceCommand), with
# @TMP@ for the run's directory $tmp.  Skips
# the whole script when sshd, ssh or tmux is missing.
# KB_BUILD names the build directory (default build); KB_SSHD the server
# (default /usr/sbin/sshd, which must be an absolute path).
set -u

top=$(pwd)
build=${KB_BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
kb=$build/kuaibao
db=$top/data/kuaibao.db
sshd=${KB_SSHD:-/usr/sbin/sshd}

. tests/lib/tap.sh
diag() { sed 's/^/# /'; }		# stdin as diagnostics
diagf() { [ -f "$1" ] && tail -n "${2:-20}" "$1" | diag; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }

[ -x "$sshd" ] || skip_all "no sshd ($sshd)"
for c in ssh ssh-keygen ssh-keyscan; do
	command -v $c >/dev/null 2>&1 || skip_all "no $c"
done
command -v tmux >/dev/null 2>&1 || skip_all "no tmux"
command -v pgrep >/dev/null 2>&1 || skip_all "no pgrep"
if [ ! -x "$kb" ] || [ ! -f "$db" ]; then
	notok "$kb and $db exist (run make first)"
	echo "1..$n"
	exit 1
fi
user=$(id -un)
uid=$(id -u)
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1

# tmux, grep and wc -L need a UTF-8 locale; ssh sends LANG on.
LANG=C.UTF-8
LC_ALL=C.UTF-8
export LANG LC_ALL
unset TMUX TMUX_PANE

tmp=$(mktemp -d /tmp/kb-ssh.XXXXXX) || exit 1
sshd_pid=
made_run_sshd=0
tmuxsock=$tmp/tmux

# every process below PID, deepest last
descendants() {
	for c in $(pgrep -P "$1" 2>/dev/null); do
		echo "$c"
		descendants "$c"
	done
}

cleanup() {
	trap '' INT TERM
	tmux -S "$tmuxsock" kill-server >/dev/null 2>&1
	for f in "$tmp"/remote-*.pid; do
		[ -s "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null
	done
	if [ -n "$sshd_pid" ]; then
		for p in $(descendants "$sshd_pid"); do
			kill -9 "$p" 2>/dev/null
		done
		kill "$sshd_pid" 2>/dev/null
		wait "$sshd_pid" 2>/dev/null
	fi
	[ "$made_run_sshd" = 1 ] && rmdir /run/sshd 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE	# e.g. sh tests/ssh/ssh.sh | head

# 'quoted' for sh
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# ---------------------------------------------------------------- sshd

ssh-keygen -q -t ed25519 -N '' -C kb-ssh-host -f "$tmp/host_key" \
    >/dev/null 2>&1 &&
    ssh-keygen -q -t ed25519 -N '' -C kb-ssh-user -f "$tmp/user_key" \
    >/dev/null 2>&1 || { notok "ssh-keygen"; echo "1..$n"; exit 1; }
cp "$tmp/user_key.pub" "$tmp/authorized_keys"
chmod 600 "$tmp/authorized_keys"

usepam=no
if [ "$uid" = 0 ]; then
	# sshd (as root) needs its privilege separation directory.
	if [ ! -d /run/sshd ]; then
		mkdir -m 0755 /run/sshd && made_run_sshd=1
	fi
	# Without PAM, sshd refuses an account whose password is locked
	# ("!..." in /etc/shadow); PAM only checks expiry.
	pw=$(getent shadow "$user" 2>/dev/null | cut -d: -f2)
	case $pw in
	'!'*)
		if [ -f /etc/pam.d/sshd ]; then
			usepam=yes
			echo "# $user's password is locked: using UsePAM yes"
		fi ;;
	esac
fi

write_config() {	# write_config PORT
	cat >"$tmp/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $1
HostKey $tmp/host_key
PidFile $tmp/sshd.pid
AuthorizedKeysFile $tmp/authorized_keys
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM $usepam
StrictModes no
PermitRootLogin prohibit-password
AcceptEnv LANG LC_*
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
PrintLastLog no
LoginGraceTime 30
LogLevel VERBOSE
EOF
	# @TMP@ in SSHD_EXTRA: this run's directory
	printf '%s\n' "${SSHD_EXTRA:-}" | sed "s|@TMP@|$tmp|g" \
	    >>"$tmp/sshd_config"
}

# A random base port, then a few more: a port in use makes sshd exit.
r=$(od -An -N2 -tu2 /dev/urandom 2>/dev/null | tr -dc 0-9)
base=$((20000 + ${r:-$$} % 30000))
port=
hostkey=$(cut -d' ' -f2 "$tmp/host_key.pub")
for try in 0 1 2 3 4 5 6 7; do
	p=$((base + try * 97))
	write_config "$p"
	if ! "$sshd" -t -f "$tmp/sshd_config" >"$tmp/sshd-t.log" 2>&1; then
		notok "sshd accepts the test configuration"
		diag <"$tmp/sshd-t.log"
		echo "1..$n"
		exit 1
	fi
	: >"$tmp/sshd.log"
	"$sshd" -D -f "$tmp/sshd_config" -E "$tmp/sshd.log" </dev/null &
	sshd_pid=$!
	i=0
	while [ $i -lt 100 ]; do
		if ! kill -0 "$sshd_pid" 2>/dev/null; then
			wait "$sshd_pid" 2>/dev/null
			sshd_pid=
			break
		fi
		if grep -q "Server listening on 127.0.0.1 port $p" \
		    "$tmp/sshd.log" && ssh-keyscan -T 2 -t ed25519 -p "$p" \
		    127.0.0.1 2>/dev/null | grep -qF "$hostkey"; then
			port=$p
			break
		fi
		i=$((i + 1))
		sleep 0.1
	done
	[ -n "$port" ] && break
	if [ -n "$sshd_pid" ]; then	# up but not answering: give up
		break
	fi
	grep -q "Address already in use" "$tmp/sshd.log" || break
	echo "# port $p is in use"
done
if [ -z "$port" ]; then
	notok "sshd listens on 127.0.0.1 and answers with the throwaway host key"
	diagf "$tmp/sshd.log"
	echo "1..$n"
	exit 1
fi
ok "sshd listens on 127.0.0.1:$port and answers with the throwaway host key"

# ---------------------------------------------------------------- ssh

sshopts="-F /dev/null -i $(q "$tmp/user_key") -p $port \
-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
-o IdentitiesOnly=yes -o BatchMode=yes -o SendEnv=LANG \
-o ConnectTimeout=10 -o LogLevel=ERROR"
kbssh() { eval "ssh $sshopts" '"$@"'; }

# ---------------------------------------------------------------- tmux

cat >"$tmp/client.sh" <<EOF
#!/bin/sh
# client.sh NAME: the reader over ssh -t; then the exit status
ssh $sshopts -t $(q "$user@127.0.0.1") "\$(cat $(q "$tmp")/remote-\$1.cmd)"
echo "kb-ssh-exit=\$?"
exec sleep 3600
EOF

tm() { tmux -S "$tmuxsock" "$@"; }

scr=$tmp/screen
cap() { tm capture-pane -p -t "$1" >"$scr" 2>/dev/null; }
status() { tail -n 1 "$scr"; }

now() { date +%s; }

# until NAME SECS ERE: poll the pane until a line matches
until_re() {
	u_end=$(($(now) + $2))
	while :; do
		cap "$1"
		grep -Eq -- "$3" "$scr" && return 0
		grep -q '^kb-ssh-exit=' "$scr" && return 1	# ssh ended
		[ "$(now)" -ge $u_end ] && return 1
		sleep 0.1
	done
}

# key NAME KEY...: send the keys, wait (up to 3 s) for the screen to change
key() {
	s=$1
	shift
	cap "$s"
	cp "$scr" "$scr.old"
	tm send-keys -t "$s" "$@"
	k_end=$(($(now) + 3))
	while :; do
		cap "$s"
		cmp -s "$scr" "$scr.old" || { sleep 0.05; cap "$s"; return 0; }
		[ "$(now)" -ge $k_end ] && return 1
		sleep 0.1
	done
}

# pty_probe: interactive=1 when sshd can give this user a pty, else 0
# (with a skip line saying why).
pty_probe() {
	# The tmux server, with a pane that only shows which group a new pty
	# gets.  An unprivileged sshd must hand the pty to group tty itself and
	# cannot when devpts is mounted without gid=5 (some containers): then
	# the pty tests are skipped, as sshd would fail with "chown(/dev/pts/N,
	# UID, 5) failed".
	tm -f /dev/null new-session -d -s probe -x 100 -y 30 'exec sleep 3600'
	interactive=1
	ttygid=$(getent group tty 2>/dev/null | cut -d: -f3)
	ptty=$(tm display-message -p -t probe '#{pane_tty}' 2>/dev/null)
	if [ "$uid" != 0 ] && [ -n "$ttygid" ] && [ -n "$ptty" ] &&
	    [ "$(stat -c %g "$ptty" 2>/dev/null)" != "$ttygid" ]; then
		skip "sshd as $user cannot give a pty to group tty ($ptty is" \
		    "group $(stat -c %g "$ptty"); devpts is mounted without gid=$ttygid)"
		interactive=0
	fi
}

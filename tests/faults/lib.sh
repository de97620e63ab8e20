# Shared helpers for the reliability and security tests of the reader
# (tests/faults/*.sh; sourced, not run).  What it shares with
# tests/e2e/lib.sh is in tests/lib/tmux.sh: every script has its own tmux
# server on a socket in its own temporary directory, its own HOME and XDG
# directories, and cleans up after itself (plus $CLEANUP, for the
# processes a script starts).  Nothing sleeps blindly: wait_* poll until
# a condition holds, or give up after $KB_WAIT seconds.
#
# Output is TAP: ok N - desc / not ok N - desc, then "# " lines.

# the sanitizers: no leak report at exit of the interactive reader (it
# is killed by signals on purpose), every other error fatal and loud
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=86}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=87}

. tests/lib/tmux.sh
# The server as in tests/lib/tmux.sh, and applications may set the
# clipboard (so a leaked OSC 52 would show up as a paste buffer).
tm_setup faults '' \; set -g set-clipboard on \; set -g history-limit 0

KB_WAIT=${KB_WAIT:-10}
T_DIAG_LINES=60
TM_QUIET=1
FAULTS=$KB_TOP/tests/faults

# verdict DESC WHY: ok when WHY is empty, else not ok with WHY
verdict() {
	if [ -z "$2" ]; then
		pass "$1"
	else
		fail "$1" "$2"
	fi
}

# is_asan: the reader is built with AddressSanitizer
is_asan() {
	nm -an "$KB" 2>/dev/null | grep -q __asan_init ||
	    ldd "$KB" 2>/dev/null | grep -q libasan
}

need_binaries() {
	for _b in "$KB" "$KB_IMPORT"; do
		if [ ! -x "$_b" ]; then
			echo "not ok 1 - $_b is not built (make${KB_BUILD#build})"
			echo "1..1"
			exit 1
		fi
	done
	if ! command -v tmux >/dev/null 2>&1; then
		echo "1..0 # SKIP tmux is missing"
		exit 0
	fi
}

# ---- sessions --------------------------------------------------------

# start NAME W H [VAR=VALUE...] -- COMMAND [ARG...]
# A session of W x H cells running COMMAND in a clean environment; a
# small sh around it writes its exit status to $TMP/rc.NAME and its
# stderr goes to $TMP/err.NAME.  With KB_GATE=1 among the variables,
# COMMAND starts only when a line is typed (keys NAME Enter): the pane
# can be set up first.
start() {
	_s1=$1 _s2=$2 _s3=$3
	shift 3
	rm -f "$TMP/err.$_s1"
	session "$_s1" "$_s2" "$_s3" \
	    '[ -z "${KB_GATE:-}" ] || read _gate; "$@" 2>"$0.err"; echo $? >"$0.tmp"; mv "$0.tmp" "$0"' \
	    "$@"
	# the stderr file is rc.NAME.err; give it its short name
	ln -sf "$TMP/rc.$_s1.err" "$TMP/err.$_s1"
}

# shell NAME W H [VAR=VALUE...]: an interactive dash (which leaves the
# terminal modes alone, so what a program leaves behind shows) with the
# prompt "KBSH$ ".
shell() {
	_sname=$1 _sw_=$2 _sh_=$3
	shift 3
	_cmd="exec $(envcmd "PS1=KBSH\$ " "$@") /bin/sh -i"
	tm new-session -d -s "$_sname" -x "$_sw_" -y "$_sh_" "$_cmd"
	wait_for "$_sname" 'KBSH$'
}

pane_pid() {	# pane_pid NAME: the pid of the pane's first process
	tm display -p -t "$1" '#{pane_pid}'
}

tfmt() {	# tfmt NAME FORMAT
	tm display -p -t "$1" "$2"
}

# ---- waiting ---------------------------------------------------------

# wait_status_not NAME ERE [SECONDS]: the last row no longer matches
wait_status_not() {
	_poll "$1" "${3:-}" _not _last_row_is "$2"
}

# wait_size NAME W H [SECONDS]: until the reader has redrawn at W x H:
# the screen is H rows, the status line (padded to W - 1 columns, one
# less when a wide character does not fit) is drawn at that width, no
# row is wider than W, (W >= 60) the border is straight at the column
# for W, and two captures in a row are the same
wait_size() {
	_d=$(_deadline "${4:-}")
	: >"$TMP/size.prev"
	while :; do
		capture "$1" "$TMP/size.cap" 2>/dev/null
		_sw=$(tail -n 1 "$TMP/size.cap" | wc -L)
		if [ "$(wc -l <"$TMP/size.cap")" -eq "$3" ] &&
		    [ "$_sw" -ge $(($2 - 2)) ] && [ "$_sw" -le $(($2 - 1)) ] &&
		    cmp -s "$TMP/size.cap" "$TMP/size.prev" &&
		    layout_ok "$1" "$2" "$3" "$TMP/size.cap" >/dev/null; then
			cp "$TMP/size.cap" "$LAST"
			return 0
		fi
		cp "$TMP/size.cap" "$TMP/size.prev"
		_before "$_d" || { cp "$TMP/size.cap" "$LAST"; return 1; }
		sleep 0.05
	done
}

# quit_why NAME [SECONDS]: q to the reader started with start NAME;
# prints nothing when it ends with status 0 and nothing on stderr, else
# what went wrong
quit_why() {
	keys "$1" q
	_qs=$(wait_dead "$1" "${2:-}") || _qs="no answer to q"
	[ "$_qs" = 0 ] || echo "status $_qs"
	head -c 500 "$TMP/err.$1" 2>/dev/null
}

# wait_pid_gone PID [SECONDS]
wait_pid_gone() {
	_d=$(_deadline "${2:-}")
	while kill -0 "$1" 2>/dev/null; do
		_before "$_d" || return 1
		sleep 0.05
	done
	return 0
}

# await WAIT-COMMAND...: runs a wait_*; when it times out, says so in a
# diagnostic (with the last screen's last line) and returns 1, so a
# test that goes on regardless still shows where it stalled.
await() {
	"$@" >/dev/null && return 0
	echo "# timed out: $*"
	echo "#   last row: $(tail -n 1 "$LAST" 2>/dev/null)"
	return 1
}

# ---- the reader ------------------------------------------------------

# The reader's first screen: the status line ends with ?:帮助
wait_reader() {	# wait_reader NAME [SECONDS]
	wait_status "$1" '\?:帮助 *$' "${2:-}"
}

# the system's python3 starts faster than a version manager's shim
if [ -x /usr/bin/python3 ]; then
	PY=/usr/bin/python3
else
	PY=python3
fi
check_py() {
	"$PY" "$FAULTS/check.py" "$@"
}

# layout NAME W H [FILE]: the screen in FILE (default: a fresh capture)
# is H lines, none wider than W, and (W >= 60, sidebar shown) the
# border straight on every body row; prints what is wrong.
layout_ok() {
	_f=${4:-$TMP/layout.cap}
	[ -n "${4:-}" ] || capture "$1" "$_f"
	if [ "$2" -ge 60 ]; then
		check_py layout "$2" "$3" "$_f" --border "$(side_width "$2")"
	else
		check_py layout "$2" "$3" "$_f"
	fi
}

# stty_sane NAME: in a shell session, stty -a shows echo and icanon
# (prints the modes seen when not)
stty_sane() {
	keys "$1" C-u
	type_text "$1" 'clear; stty -a | tr " ;" "\n\n" | grep -E "^-?(echo|icanon|isig|icrnl|opost)\$" | tr "\n" " "; echo STTY-END'
	keys "$1" Enter
	if ! wait_re "$1" '^(-?[a-z]+ )+STTY-END'; then
		echo "no answer from stty -a in the shell"
		return 1
	fi
	_modes=$(grep -E '^(-?[a-z]+ )+STTY-END' "$LAST" | tail -n 1)
	for _m in echo icanon; do
		case " $_modes" in
		*" $_m "*) ;;
		*) echo "terminal modes: ${_modes% STTY-END}"; return 1 ;;
		esac
	done
	return 0
}

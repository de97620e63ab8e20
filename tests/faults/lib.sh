# Shared helpers for the reliability and security tests of the reader
# (tests/faults/*.sh; sourced, not run).  Modelled on tests/e2e/lib.sh,
# but self-contained: every script has its own tmux server on a socket in
# its own temporary directory, its own HOME and XDG directories, and
# cleans up after itself.  Nothing sleeps blindly: wait_* poll until a
# condition holds, or give up after $KB_WAIT seconds.
#
# Output is TAP: ok N - desc / not ok N - desc, then "# " lines.

set -u

KB_BUILD=${KB_BUILD:-build}
KB_TOP=${KB_TOP:-$(pwd)}
cd "$KB_TOP" || exit 1
KB=$KB_TOP/$KB_BUILD/kuaibao
KB_IMPORT=$KB_TOP/$KB_BUILD/kuaibao-import
KB_DB=$KB_TOP/data/kuaibao.db
KB_WAIT=${KB_WAIT:-10}
FAULTS=$KB_TOP/tests/faults
export LC_ALL=C.UTF-8
# the sanitizers: no leak report at exit of the interactive reader (it
# is killed by signals on purpose), every other error fatal and loud
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=86}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=87}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kb-faults.XXXXXX") || exit 1
mkdir -p "$TMP/state" "$TMP/data" "$TMP/home"
SOCK=$TMP/tmux.sock
LAST=$TMP/last		# the last screen a wait_* looked at

tm() {
	tmux -S "$SOCK" -f /dev/null "$@"
}

# Extra cleanup a script needs (processes it started): set CLEANUP.
CLEANUP=:
cleanup() {
	eval "$CLEANUP"
	tm kill-server >/dev/null 2>&1
	chmod -R u+rwx "$TMP" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# The server: no status bar, dead panes stay (to read their screen),
# and applications may set the clipboard (so a leaked OSC 52 would show
# up as a paste buffer).
tm start-server \; set -g status off \; set -g remain-on-exit on \; \
    set -g exit-empty off \; set -g default-terminal tmux-256color \; \
    set -g set-clipboard on \; set -g history-limit 0 >/dev/null 2>&1

# ---- TAP -------------------------------------------------------------

T_N=0
T_FAILED=0

pass() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1"
}

fail() {	# fail DESC [diagnostic text...]
	T_N=$((T_N + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_N - $1"
	shift
	for _dg in "$@"; do
		printf '%s\n' "$_dg" | head -n 60 | sed 's/^/# /'
	done
}

skip() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1 # SKIP ${2:-}"
}

# verdict DESC WHY: ok when WHY is empty, else not ok with WHY
verdict() {
	if [ -z "$2" ]; then
		pass "$1"
	else
		fail "$1" "$2"
	fi
}

diag() {	# lines on stdin, as TAP diagnostics
	sed 's/^/# /'
}

diag_screen() {	# diag_screen [FILE]: the screen, framed
	echo "# ---- screen ----"
	sed 's/^/# |/' "${1:-$LAST}" | head -n 60
	echo "# ----------------"
}

finish() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
	exit $?
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

# quote WORD: the word, single-quoted for sh
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# envcmd [VAR=VALUE...]: "env -i ..." with a clean environment: TERM,
# LANG, this script's HOME and XDG directories, the sanitizer options;
# VAR=VALUE override them.
envcmd() {
	_e="env -i PATH=$(quote "$PATH") TERM=tmux-256color LANG=C.UTF-8"
	_e="$_e HOME=$(quote "$TMP/home") XDG_STATE_HOME=$(quote "$TMP/state")"
	_e="$_e XDG_DATA_HOME=$(quote "$TMP/data")"
	for _v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
		eval "_val=\${$_v:-}"
		[ -n "$_val" ] && _e="$_e $_v=$(quote "$_val")"
	done
	for _a in "$@"; do
		_e="$_e $(quote "$_a")"
	done
	printf '%s' "$_e"
}

# start NAME W H [VAR=VALUE...] -- COMMAND [ARG...]
# A session of W x H cells running COMMAND in a clean environment; a
# small sh around it writes its exit status to $TMP/rc.NAME and its
# stderr goes to $TMP/err.NAME.  With KB_GATE=1 among the variables,
# COMMAND starts only when a line is typed (keys NAME Enter): the pane
# can be set up first.
start() {
	_sname=$1 _sw_=$2 _sh_=$3
	shift 3
	rm -f "$TMP/rc.$_sname" "$TMP/err.$_sname"
	_envs=
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_envs="$_envs $(quote "$1")"
		shift
	done
	[ $# -gt 0 ] && shift
	_cmd="exec $(eval "envcmd $_envs")"
	_cmd="$_cmd sh -c $(quote '[ -z "${KB_GATE:-}" ] || read _gate; "$@" 2>"$0.err"; echo $? >"$0.tmp"; mv "$0.tmp" "$0"')"
	_cmd="$_cmd $(quote "$TMP/rc.$_sname")"
	for _a in "$@"; do
		_cmd="$_cmd $(quote "$_a")"
	done
	tm new-session -d -s "$_sname" -x "$_sw_" -y "$_sh_" "$_cmd"
	# the stderr file is rc.NAME.err; give it its short name
	ln -sf "$TMP/rc.$_sname.err" "$TMP/err.$_sname"
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

keys() {	# keys NAME KEY...: tmux key names (Enter, Space, C-l, j ...)
	_k=$1
	shift
	tm send-keys -t "$_k" "$@"
}

type_text() {	# type_text NAME TEXT: literal text (Chinese too)
	tm send-keys -t "$1" -l "$2"
}

capture() {	# capture NAME [FILE]: the visible screen, plain text
	tm capture-pane -p -t "$1" >"${2:-$LAST}"
}

capture_e() {	# capture_e NAME [FILE]: with the SGR escapes
	tm capture-pane -p -e -t "$1" >"${2:-$LAST}"
}

resize() {	# resize NAME W H
	tm resize-window -t "$1" -x "$2" -y "$3"
}

pane_pid() {	# pane_pid NAME: the pid of the pane's first process
	tm display -p -t "$1" '#{pane_pid}'
}

tfmt() {	# tfmt NAME FORMAT
	tm display -p -t "$1" "$2"
}

kill_session() {
	tm kill-session -t "$1" >/dev/null 2>&1
}

ended() {	# ended NAME: the program started with start NAME has ended
	[ -s "$TMP/rc.$1" ]
}

# ---- waiting ---------------------------------------------------------

_now() {
	date +%s.%N 2>/dev/null | cut -c1-14
}

_deadline() {
	awk -v n="$(_now)" -v w="${1:-$KB_WAIT}" 'BEGIN { printf "%.3f", n + w }'
}

_before() {	# _before DEADLINE: true while now < deadline
	awk -v n="$(_now)" -v d="$1" 'BEGIN { exit !(n < d) }'
}

# wait_for NAME TEXT [SECONDS]: until the screen holds TEXT (fixed
# string); 1 on timeout, the last screen in $LAST.
wait_for() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1" 2>/dev/null
		grep -qF -- "$2" "$LAST" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_re NAME ERE [SECONDS]
wait_re() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1" 2>/dev/null
		grep -qE -- "$2" "$LAST" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_gone NAME TEXT [SECONDS]
wait_gone() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1" 2>/dev/null
		grep -qF -- "$2" "$LAST" || return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_status NAME ERE [SECONDS]: the last row matches ERE
wait_status() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1" 2>/dev/null
		tail -n 1 "$LAST" | grep -qE -- "$2" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_status_not NAME ERE [SECONDS]: the last row no longer matches
wait_status_not() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1" 2>/dev/null
		tail -n 1 "$LAST" | grep -qE -- "$2" || return 0
		_before "$_d" || return 1
		sleep 0.05
	done
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

# wait_dead NAME [SECONDS]: until the program started with start NAME
# has ended; prints its exit status ("signal N" when killed)
wait_dead() {
	_d=$(_deadline "${2:-}")
	while :; do
		if [ -s "$TMP/rc.$1" ]; then
			capture "$1" 2>/dev/null
			_code=$(cat "$TMP/rc.$1")
			if [ "$_code" -gt 128 ]; then
				echo "signal $((_code - 128))"
			else
				echo "$_code"
			fi
			return 0
		fi
		_before "$_d" || { capture "$1" 2>/dev/null; return 1; }
		sleep 0.05
	done
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

# wait_file FILE [SECONDS]: until FILE exists and is not empty
wait_file() {
	_d=$(_deadline "${2:-}")
	while :; do
		[ -s "$1" ] && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_stable NAME [SECONDS]: until two captures in a row are the same
wait_stable() {
	_d=$(_deadline "${2:-}")
	capture "$1" "$TMP/stable.a" 2>/dev/null
	while :; do
		sleep 0.05
		capture "$1" 2>/dev/null
		cmp -s "$LAST" "$TMP/stable.a" && return 0
		cp "$LAST" "$TMP/stable.a"
		_before "$_d" || return 1
	done
}

# wait_change NAME FILE [SECONDS]: until the screen differs from FILE
wait_change() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1" 2>/dev/null
		cmp -s "$LAST" "$2" || return 0
		_before "$_d" || return 1
		sleep 0.05
	done
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

# The sidebar's width (border excluded) at COLS columns: 35 %, 24-40;
# below 60 columns one pane at a time (no border).
side_width() {
	_w=$(($1 * 35 / 100))
	[ "$_w" -lt 24 ] && _w=24
	[ "$_w" -gt 40 ] && _w=40
	echo "$_w"
}

# The reader's first screen: the status line ends with ?:help
wait_reader() {	# wait_reader NAME [SECONDS]
	wait_status "$1" '\?:help *$' "${2:-}"
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

# What tests/e2e/lib.sh and tests/faults/lib.sh share (sourced by them,
# not by the scripts): the binaries, a temporary directory with the
# HOME and XDG directories the programs get, a private tmux server, TAP
# output, sessions, and waits that poll the screen (capture-pane) until
# a condition holds or $KB_WAIT seconds have passed.  Nothing sleeps
# blindly.
#
# A suite's lib.sh sources this file from the top of the tree, calls
# tm_setup, sets KB_WAIT and, if it wants them, these:
#   T_BUDGET      seconds after which every wait gives up after 1 s
#                 (empty: no budget)
#   T_DIAG_LINES  at most this many lines of one diagnostic (empty: all)
#   TM_QUIET      non-empty: the captures of the waits say nothing on
#                 stderr (a session that is gone)
#   CLEANUP       a command run at exit, before the server is killed

set -u

KB_BUILD=${KB_BUILD:-build}
KB_TOP=${KB_TOP:-$(pwd)}
cd "$KB_TOP" || exit 1
case $KB_BUILD in
/*) KB_BIN=$KB_BUILD ;;
*) KB_BIN=$KB_TOP/$KB_BUILD ;;
esac
KB=$KB_BIN/kuaibao
KB_IMPORT=$KB_BIN/kuaibao-import
KB_DB=$KB_TOP/data/kuaibao.db
export LC_ALL=C.UTF-8

T_BUDGET=
T_DIAG_LINES=
TM_QUIET=
CLEANUP=:

# ---- the server ------------------------------------------------------

# tm_setup SUITE NAME [\; set -g OPTION VALUE...]: the temporary directory
# $TMP (kb-SUITE.XXXXXX) with state/, data/ and home/, removed at exit;
# the tmux server, on the socket NAME (tmux -L) or, when NAME is empty,
# on a socket in $TMP (tmux -S).  The server: no status bar (the pane is
# the whole window), a pane stays after its program ends (its last
# screen can be read), the server stays up between sessions, and any
# more options given.
tm_setup() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/kb-$1.XXXXXX") || exit 1
	mkdir -p "$TMP/state" "$TMP/data" "$TMP/home"
	LAST=$TMP/last		# the last screen a wait_* looked at
	if [ -n "$2" ]; then
		TM_FLAG=-L SOCK=$2
	else
		TM_FLAG=-S SOCK=$TMP/tmux.sock
	fi
	shift 2
	trap cleanup EXIT
	trap 'exit 130' INT TERM HUP
	tm start-server \; set -g status off \; set -g remain-on-exit on \; \
	    set -g exit-empty off \; set -g default-terminal tmux-256color \
	    "$@" >/dev/null 2>&1
}

tm() {
	tmux "$TM_FLAG" "$SOCK" -f /dev/null "$@"
}

cleanup() {
	eval "$CLEANUP"
	tm kill-server >/dev/null 2>&1
	chmod -R u+rwx "$TMP" 2>/dev/null
	rm -rf "$TMP"
}

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
		printf '%s\n' "$_dg" | _diag_lines | sed 's/^/# /'
	done
}

skip() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1 # SKIP ${2:-}"
}

diag() {	# lines on stdin, as TAP diagnostics
	sed 's/^/# /'
}

diag_screen() {	# diag_screen [FILE]: the screen, framed
	echo "# ---- screen ----"
	sed 's/^/# |/' "${1:-$LAST}" | _diag_lines
	echo "# ----------------"
}

_diag_lines() {	# stdin, cut to $T_DIAG_LINES lines when that is set
	if [ -n "$T_DIAG_LINES" ]; then
		head -n "$T_DIAG_LINES"
	else
		cat
	fi
}

finish() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
	exit $?
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

# session NAME W H SCRIPT [VAR=VALUE...] [--] COMMAND [ARG...]
# A session of exactly W x H cells running, in the clean environment of
# envcmd, sh -c SCRIPT with $0 the file $TMP/rc.NAME and "$@" COMMAND
# and its arguments.  SCRIPT runs COMMAND and writes its exit status to
# $0 when it ends (tmux does not always collect a pane's exit status).
session() {
	_sname=$1 _sw_=$2 _sh_=$3 _script=$4
	shift 4
	rm -f "$TMP/rc.$_sname"
	_envs=
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_envs="$_envs $(quote "$1")"
		shift
	done
	[ $# -gt 0 ] && shift
	_cmd="exec $(eval "envcmd $_envs") sh -c $(quote "$_script")"
	_cmd="$_cmd $(quote "$TMP/rc.$_sname")"
	for _a in "$@"; do
		_cmd="$_cmd $(quote "$_a")"
	done
	tm new-session -d -s "$_sname" -x "$_sw_" -y "$_sh_" "$_cmd"
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
KB_START=$(_now)

# _deadline [SECONDS]: now + SECONDS (default $KB_WAIT); 1 s once the
# script has run for more than $T_BUDGET seconds (when that is set), so
# that a broken reader cannot hold a script for long.
_deadline() {
	awk -v n="$(_now)" -v w="${1:-$KB_WAIT}" -v s="$KB_START" \
	    -v b="$T_BUDGET" 'BEGIN { if (b != "" && n - s > b && w > 1) w = 1
	    printf "%.3f", n + w }'
}

# elapsed T0 [T1 [DIGITS]]: seconds from T0 to T1 (default: now), both
# from _now, with DIGITS decimals (default 1)
elapsed() {
	awk -v a="$1" -v b="${2:-$(_now)}" -v d="${3:-1}" \
	    'BEGIN { printf "%." d "f", b - a }'
}

within() {	# within SECONDS LIMIT: true when SECONDS <= LIMIT
	awk -v s="$1" -v m="$2" 'BEGIN { exit !(s <= m) }'
}

_before() {	# _before DEADLINE: true while now < deadline
	awk -v n="$(_now)" -v d="$1" 'BEGIN { exit !(n < d) }'
}

_look() {	# _look NAME [FILE]: capture for a wait (see TM_QUIET)
	if [ -n "$TM_QUIET" ]; then
		capture "$@" 2>/dev/null
	else
		capture "$@"
	fi
}

_not() {	# _not COMMAND...: true when COMMAND fails
	! "$@"
}

# _poll NAME SECONDS TEST...: captures NAME into $LAST until the command
# TEST succeeds; 1 when SECONDS (empty: $KB_WAIT) have passed first.
_poll() {
	_pn=$1
	_d=$(_deadline "$2")
	shift 2
	while :; do
		_look "$_pn"
		"$@" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

_last_row_is() {	# _last_row_is ERE: the last row of $LAST matches
	tail -n 1 "$LAST" | grep -qE -- "$1"
}

# wait_for NAME TEXT [SECONDS]: until the screen holds TEXT (fixed
# string); 1 on timeout, the last screen in $LAST.
wait_for() {
	_poll "$1" "${3:-}" grep -qF -- "$2" "$LAST"
}

# wait_re NAME ERE [SECONDS]
wait_re() {
	_poll "$1" "${3:-}" grep -qE -- "$2" "$LAST"
}

# wait_gone NAME TEXT [SECONDS]: until TEXT is no longer on the screen
wait_gone() {
	_poll "$1" "${3:-}" _not grep -qF -- "$2" "$LAST"
}

# wait_status NAME ERE [SECONDS]: the status line (the last row) matches
wait_status() {
	_poll "$1" "${3:-}" _last_row_is "$2"
}

# wait_change NAME FILE [SECONDS]: until the screen differs from FILE
wait_change() {
	_poll "$1" "${3:-}" _not cmp -s "$LAST" "$2"
}

# wait_stable NAME [SECONDS]: until two captures in a row are the same
# (the terminal has drawn all it was sent)
wait_stable() {
	_d=$(_deadline "${2:-}")
	_look "$1" "$TMP/stable.a"
	while :; do
		sleep 0.05
		_look "$1"
		cmp -s "$LAST" "$TMP/stable.a" && return 0
		cp "$LAST" "$TMP/stable.a"
		_before "$_d" || return 1
	done
}

# wait_dead NAME [SECONDS]: until the program started with start NAME
# has ended; prints its exit status ("signal N" when killed by signal N)
wait_dead() {
	wait_file "$TMP/rc.$1" "${2:-}" || { _look "$1"; return 1; }
	capture "$1" 2>/dev/null
	_code=$(cat "$TMP/rc.$1")
	if [ "$_code" -gt 128 ]; then
		echo "signal $((_code - 128))"
	else
		echo "$_code"
	fi
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

# ---- the reader ------------------------------------------------------

# The sidebar's width (border excluded) at COLS columns: 35 %, 24-40;
# below 60 columns one pane at a time (no border).
side_width() {
	_sw2=$(($1 * 35 / 100))
	[ "$_sw2" -lt 24 ] && _sw2=24
	[ "$_sw2" -gt 40 ] && _sw2=40
	echo "$_sw2"
}

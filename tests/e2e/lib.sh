# Shared helpers for the end-to-end tests of the reader (sourced, not run).
#
# Every script drives the real binary in a real terminal emulator: a
# private tmux server (tmux -L kbtest$$ -f /dev/null), sessions of a
# fixed size, keys sent with send-keys, and what a person would see read
# back with capture-pane.  Nothing sleeps blindly: wait_* poll the screen
# until a marker shows up, or give up after $KB_WAIT seconds and report
# the last screen.
#
# Output is TAP: ok N - desc / not ok N - desc, then "# " lines.

set -u
unset TMUX TMUX_PANE	# run from inside tmux too: our own server only

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
KB_WAIT=${KB_WAIT:-5}
E2E=$KB_TOP/tests/e2e
SCREEN_PY=$E2E/screen.py
export LC_ALL=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1	# no __pycache__ in tests/e2e

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kb-e2e.XXXXXX")
mkdir -p "$TMP/state" "$TMP/data" "$TMP/home"
SOCK=kbtest$$
LAST=$TMP/last		# the last screen a wait_* looked at

tm() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# The server: no status bar (the pane is the whole window), a pane
# stays after its program ends (its last screen can be read), and the
# server stays up between sessions.
tm start-server \; set -g status off \; set -g remain-on-exit on \; \
    set -g exit-empty off \; set -g default-terminal tmux-256color \
    >/dev/null 2>&1

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
		printf '%s\n' "$_dg" | sed 's/^/# /'
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
	sed 's/^/# |/' "${1:-$LAST}"
	echo "# ----------------"
}

# check DESC COMMAND...: ok when the command succeeds; on failure its
# output (or the last screen) is the diagnostic.
check() {
	_desc=$1
	shift
	if _out=$("$@" 2>&1); then
		pass "$_desc"
	else
		fail "$_desc"
		if [ -n "$_out" ]; then
			printf '%s\n' "$_out" | head -40 | diag
		else
			diag_screen
		fi
	fi
}

finish() {
	echo "1..$T_N"
	[ "$T_FAILED" -eq 0 ]
	exit $?
}

for _b in "$KB" "$KB_IMPORT"; do
	if [ ! -x "$_b" ]; then
		fail "$_b is built (make)"
		finish
	fi
done
for _t in tmux python3; do
	if ! command -v "$_t" >/dev/null 2>&1; then
		fail "$_t is installed (tests/deps.sh)"
		finish
	fi
done

# ---- sessions --------------------------------------------------------

# start NAME W H [VAR=VALUE...] [--] COMMAND [ARG...]
# A session of exactly W x H cells running COMMAND with a clean,
# explicit environment: TERM=tmux-256color, LANG=C.UTF-8 and this
# script's own HOME and XDG directories (VAR=VALUE override them).
# A small sh around COMMAND writes its exit status to $TMP/rc.NAME when
# it ends (tmux does not always collect a pane's exit status).
start() {
	_sname=$1 _sw_=$2 _sh_=$3
	shift 3
	rm -f "$TMP/rc.$_sname"
	_cmd="exec env -i PATH=$(quote "$PATH") TERM=tmux-256color LANG=C.UTF-8"
	_cmd="$_cmd HOME=$(quote "$TMP/home") XDG_STATE_HOME=$(quote "$TMP/state")"
	_cmd="$_cmd XDG_DATA_HOME=$(quote "$TMP/data")"
	for _v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
		eval "_val=\${$_v:-}"
		[ -n "$_val" ] && _cmd="$_cmd $_v=$(quote "$_val")"
	done
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_cmd="$_cmd $(quote "$1")"
		shift
	done
	[ $# -gt 0 ] && shift
	_cmd="$_cmd sh -c $(quote '"$@"; echo $? >"$0.tmp"; mv "$0.tmp" "$0"')"
	_cmd="$_cmd $(quote "$TMP/rc.$_sname")"
	for _a in "$@"; do
		_cmd="$_cmd $(quote "$_a")"
	done
	tm new-session -d -s "$_sname" -x "$_sw_" -y "$_sh_" "$_cmd"
}

# quote WORD: the word, single-quoted for sh
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# reader NAME W H [VAR=VALUE...] [-- ARGS]: the reader on the corpus
# database, with any extra arguments.
reader() {
	_name=$1 _w=$2 _h=$3
	shift 3
	_n=0
	for _a in "$@"; do
		[ "$_a" = "--" ] && break
		_n=$((_n + 1))
	done
	# VAR=VALUE... -- KB ARGS: rebuild "$@" with the binary in between
	_envs=
	_i=0
	for _a in "$@"; do
		_i=$((_i + 1))
		[ "$_i" -le "$_n" ] || break
		_envs="$_envs $(quote "$_a")"
	done
	shift "$_n"
	[ $# -gt 0 ] && shift
	eval "start \"\$_name\" \"\$_w\" \"\$_h\" $_envs -- \"\$KB\" -d \"\${DB:-\$KB_DB}\" \"\$@\""
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

ended() {	# ended NAME: the program in session NAME has ended
	[ -s "$TMP/rc.$1" ]
}

# ---- waiting ---------------------------------------------------------

_now() {
	date +%s.%N 2>/dev/null | cut -c1-14
}
KB_START=$(_now)

# After $KB_BUDGET seconds (a script with many failing waits) every
# wait gives up after 1 s, so that a broken reader cannot hold a
# script much beyond a minute.
KB_BUDGET=${KB_BUDGET:-45}
_deadline() {
	awk -v n="$(_now)" -v w="${1:-$KB_WAIT}" -v s="$KB_START" \
	    -v b="$KB_BUDGET" 'BEGIN { if (n - s > b && w > 1) w = 1
	    printf "%.3f", n + w }'
}

_before() {	# _before DEADLINE: true while now < deadline
	awk -v n="$(_now)" -v d="$1" 'BEGIN { exit !(n < d) }'
}

# wait_for NAME TEXT [SECONDS]: until the screen holds TEXT (fixed
# string); 1 on timeout, the last screen in $LAST.
wait_for() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1"
		grep -qF -- "$2" "$LAST" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_re NAME ERE [SECONDS]
wait_re() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1"
		grep -qE -- "$2" "$LAST" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_gone NAME TEXT [SECONDS]: until TEXT is no longer on the screen
wait_gone() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1"
		grep -qF -- "$2" "$LAST" || return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_line NAME LINE ERE [SECONDS]: until line LINE (1-based, or
# "last") of the screen matches ERE
wait_line() {
	_d=$(_deadline "${4:-}")
	while :; do
		capture "$1"
		if [ "$2" = last ]; then
			_l=$(tail -n 1 "$LAST")
		else
			_l=$(sed -n "${2}p" "$LAST")
		fi
		printf '%s\n' "$_l" | grep -q "${KB_GREP:--E}" -- "$3" && return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_status NAME ERE: the status line (the last row) matches
wait_status() {
	wait_line "$1" last "$2" "${3:-}"
}

# wait_dead NAME [SECONDS]: until the program in session NAME has
# ended; prints its exit status ("signal N" when killed by signal N)
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
		_before "$_d" || { capture "$1"; return 1; }
		sleep 0.05
	done
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

# ---- the screen ------------------------------------------------------

# status_line [FILE]: the last row (the reader's status line)
status_line() {
	tail -n 1 "${1:-$LAST}"
}

screen_py() {
	python3 "$SCREEN_PY" "$@"
}

# The sidebar's width (border excluded) at COLS columns: 35 %, 24-40.
side_width() {
	_sw2=$(($1 * 35 / 100))
	[ "$_sw2" -lt 24 ] && _sw2=24
	[ "$_sw2" -gt 40 ] && _sw2=40
	echo "$_sw2"
}

# quit NAME: q, then wait for the reader to end; fails when it does not
quit_reader() {
	keys "$1" q
	if ! _st=$(wait_dead "$1"); then
		echo "# the reader did not end within ${KB_WAIT}s of q"
		return 1
	fi
	[ "$_st" = 0 ] && return 0
	echo "# the reader ended with status '$_st'"
	return 1
}

kill_session() {
	tm kill-session -t "$1" >/dev/null 2>&1
}

# ---- the corpus ------------------------------------------------------

# The importer's dump of data/corpus: what the reader must show.
CORPUS=$TMP/corpus.json
corpus_json() {
	[ -s "$CORPUS" ] && return 0
	"$KB_IMPORT" --json --data-dir data data/corpus/* >"$CORPUS" 2>"$TMP/import.err"
}

expect() {	# expect WHAT ARGS...: see screen.py expect
	screen_py expect "$CORPUS" "$@"
}

# wait_change NAME FILE [SECONDS]: until the screen differs from FILE
wait_change() {
	_d=$(_deadline "${3:-}")
	while :; do
		capture "$1"
		cmp -s "$LAST" "$2" || return 0
		_before "$_d" || return 1
		sleep 0.05
	done
}

# wait_stable NAME: until two captures in a row are the same (the
# terminal has drawn all it was sent)
wait_stable() {
	_d=$(_deadline "${2:-}")
	capture "$1" "$TMP/stable.a"
	while :; do
		sleep 0.05
		capture "$1"
		cmp -s "$LAST" "$TMP/stable.a" && return 0
		cp "$LAST" "$TMP/stable.a"
		_before "$_d" || return 1
	done
}

# page_through NAME X0 ROWS OUT: the open article, shown from its top,
# read to its end with Space; the pane's lines (display columns >= X0,
# ROWS rows) of every screen merged into OUT.  The end is the screen G
# shows (it does not rely on the status line); 1 when it is not reached
# within 80 pages.
page_through() {
	capture "$1" "$TMP/page.top"
	keys "$1" G
	wait_change "$1" "$TMP/page.top" || return 1
	wait_stable "$1" || return 1
	cp "$LAST" "$TMP/page.end"
	keys "$1" g
	wait_change "$1" "$TMP/page.end" || return 1
	wait_stable "$1" || return 1
	_p=0
	cp "$LAST" "$TMP/page.$_p"
	_pages="$TMP/page.$_p"
	while ! cmp -s "$LAST" "$TMP/page.end"; do
		_p=$((_p + 1))
		[ "$_p" -le 80 ] || return 1
		keys "$1" Space
		wait_change "$1" "$TMP/page.$((_p - 1))" || return 1
		wait_stable "$1" || return 1
		cp "$LAST" "$TMP/page.$_p"
		_pages="$_pages $TMP/page.$_p"
	done
	# shellcheck disable=SC2086
	screen_py merge "$4" "$2" "$3" $_pages
}

# open_article NAME SIDE_W ROWS KEY: from the sidebar at start (cursor
# on the first row), open article KEY the way a person would: collapse
# the open issue, j down to the article's issue, Enter, j down to the
# article, Enter.  Waits for its title in the pane.
open_article() {
	_s=$1 _sw=$2 _rows=$3 _key=$4
	capture "$_s"
	if head -n 1 "$LAST" | grep -q '^- '; then
		keys "$_s" Enter
		wait_re "$_s" '^\+ ' || return 1
		wait_stable "$_s" || return 1
	fi
	_label=$(expect article "$_key" issue)
	_row=$(screen_py issue-row "$LAST" "$_sw" "$_rows" "$_label") || return 1
	while [ "$_row" -gt 0 ]; do
		keys "$_s" j
		_row=$((_row - 1))
	done
	keys "$_s" Enter
	wait_for "$_s" "- $(title_start "$_label")" || return 1
	_off=$(expect article "$_key" offset)
	while [ "$_off" -gt 0 ]; do
		keys "$_s" j
		_off=$((_off - 1))
	done
	keys "$_s" Enter
	_title=$(expect article "$_key" title)
	KB_GREP=-F
	wait_line "$_s" 1 "$(title_start "$_title")" || { KB_GREP=-E; return 1; }
	KB_GREP=-E
	wait_stable "$_s"
}

# title_start TITLE: its first 8 characters (shown even in a narrow pane)
title_start() {
	python3 -c 'import sys; print(sys.argv[1][:8])' "$1"
}

# pane_x SIDE_W: the first column of the article text with the sidebar
# shown (the border, then a margin)
pane_x() {
	echo $(($1 + 2))
}

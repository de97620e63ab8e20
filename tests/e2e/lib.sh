# Shared helpers for the end-to-end tests of the reader (sourced, not run).
#
# Every script drives the real binary in a real terminal emulator: a
# private tmux server (tmux -L kbtest$$ -f /dev/null), sessions of a
# fixed size, keys sent with send-keys, and what a person would see read
# back with capture-pane.  Nothing sleeps blindly: wait_* poll the screen
# until a marker shows up, or give up after $KB_WAIT seconds and report
# the last screen.  What tests/faults shares is in tests/lib/tmux.sh.
#
# Output is TAP: ok N - desc / not ok N - desc, then "# " lines.

unset TMUX TMUX_PANE	# run from inside tmux too: our own server only
. tests/lib/tmux.sh
tm_setup e2e "kbtest$$"

KB_WAIT=${KB_WAIT:-5}
# After $KB_BUDGET seconds (a script with many failing waits) every
# wait gives up after 1 s, so that a broken reader cannot hold a
# script much beyond a minute.
T_BUDGET=${KB_BUDGET:-45}
E2E=$KB_TOP/tests/e2e
SCREEN_PY=$E2E/screen.py
export PYTHONDONTWRITEBYTECODE=1	# no __pycache__ in tests/

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

# outcome STATUS DESC: ok DESC when STATUS (the $? of a condition) is 0,
# else not ok DESC with the last screen; returns 1 then.
#	wait_for $S 'x' && wait_stable $S
#	outcome $? "x shows" || return 1
outcome() {
	if [ "$1" -eq 0 ]; then
		pass "$2"
	else
		fail "$2" "$(diag_screen)"
		return 1
	fi
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
	_s1=$1 _s2=$2 _s3=$3
	shift 3
	session "$_s1" "$_s2" "$_s3" \
	    '"$@"; echo $? >"$0.tmp"; mv "$0.tmp" "$0"' "$@"
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

# ---- waiting ---------------------------------------------------------

# wait_line NAME LINE ERE [SECONDS]: until line LINE (1-based, or
# "last") of the screen matches ERE
wait_line() {
	_poll "$1" "${4:-}" _line_is "$2" "$3"
}

_line_is() {	# _line_is LINE ERE: line LINE of $LAST matches ERE
	if [ "$1" = last ]; then
		_l=$(tail -n 1 "$LAST")
	else
		_l=$(sed -n "${1}p" "$LAST")
	fi
	printf '%s\n' "$_l" | grep -q "${KB_GREP:--E}" -- "$2"
}

# ---- the screen ------------------------------------------------------

# status_line [FILE]: the last row (the reader's status line)
status_line() {
	tail -n 1 "${1:-$LAST}"
}

screen_py() {
	python3 "$SCREEN_PY" "$@"
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

# open_by_title NAME KEY: open article KEY by its title, whatever the
# labels of the issues and the language of the status line: / and the
# first 12 characters of the title (a word of its own), Enter: the result
# list; j down to the result showing the title, Enter: the article.
# Waits for its title in the pane.  Uses $SW (screen_size).
open_by_title() {
	_t=$(expect article "$2" title)
	_w=$(python3 -c 'import sys; print(sys.argv[1][:12])' "$_t")
	wait_for "$1" '?:' && wait_stable "$1" || return 1
	keys "$1" /
	type_text "$1" "$_w"
	keys "$1" Enter
	wait_status "$1" ' 1/[0-9]+ ' && wait_stable "$1" || return 1
	_row=$(python3 - "$LAST" "$SW" "$_t" <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
from screen import sidebar_rows
rows = sidebar_rows(sys.argv[1], int(sys.argv[2]), 40)
for i, r in enumerate(rows):
    # the title is what follows the marks and the date, as far as it fits
    t = r.split(" ", 1)[-1].strip() if r[2:3] != " " else r[2:].strip()
    t = t.split(" ", 1)[-1].strip().rstrip("\u2026")
    if t and sys.argv[3].startswith(t):
        print(i)
        sys.exit(0)
sys.exit(1)
PY
) || return 1
	while [ "$_row" -gt 0 ]; do
		keys "$1" j
		_row=$((_row - 1))
	done
	keys "$1" Enter
	KB_GREP=-F
	wait_line "$1" 1 "$(title_start "$_t")" || { KB_GREP=-E; return 1; }
	KB_GREP=-E
	wait_stable "$1"
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

# screen_size W H: the sidebar's width SW, the rows above the status
# line ROWS and the article text's first column X at that size
screen_size() {
	SW=$(side_width "$1")
	ROWS=$(($2 - 1))
	X=$(pane_x "$SW")
}

# Every script needs the corpus dump: stop here when it cannot be made.
corpus_json || { fail "kuaibao-import --json dumps the corpus" "$(cat "$TMP/import.err")"; finish; }

#!/bin/sh
# Limits: a 10 MB paragraph, a 5,000-character title, 100,000 articles
# in one issue.
#
# The documents are generated (tests/faults/check.py gen-limits) and
# imported; the title is also set in the database directly, since the
# importer rightly does not take a 5,000-character line for a title.
# Then the reader, in tmux, step by step, each step within $STEP
# seconds: on the huge issue, start, expand it, G to its bottom, open
# the last article, search a word that all 100,000 articles have and go
# to the last result; on the 10 MB paragraph, open it, page a few
# screens, G and g, search a word that occurs once deep inside it and
# jump to the match, resize; on the long title, open it (no row wider
# than the pane, border straight).  --list, --cat and --search of them
# within the same limit.  The reader's peak RSS (VmHWM) is read from
# /proc before it quits, reported, and must stay under $MAXRSS kB.
. tests/faults/lib.sh
need_binaries

STEP=${KB_STEP:-30}
MAXRSS=${KB_MAXRSS:-512000}	# kB: 500 MB
L=$TMP/lim
mkdir -p "$L"
check_py gen-limits "$L"
# A sanitized reader's RSS holds ASan's shadow memory and quarantine:
# the quarantine is kept small, and the figures are marked.
ASAN=
if is_asan; then
	ASAN=" (ASan build: shadow memory included)"
	export ASAN_OPTIONS="$ASAN_OPTIONS:quarantine_size_mb=16"
fi
why=
for f in big title huge; do
	t0=$(_now)
	if ! "$KB_IMPORT" -q --new --data-dir data -o "$L/$f.db" "$L/$f.txt" 2>"$TMP/imp.err"; then
		why="$why
$f.txt: $(head -c 300 "$TMP/imp.err")"
	fi
	echo "# import $f.txt ($(wc -c <"$L/$f.txt") bytes): $(elapsed "$t0") s"
done
n=$(sqlite3 "$L/huge.db" 'SELECT count(*) FROM articles' 2>/dev/null)
[ "$n" = 100000 ] || why="$why
huge.txt: $n articles, not 100000"
big=$(sqlite3 "$L/big.db" 'SELECT max(length(CAST(text AS BLOB))) FROM blocks' 2>/dev/null)
[ "${big:-0}" -ge 10000000 ] || why="$why
big.txt: the longest paragraph is ${big:-0} bytes, not 10 MB"
sqlite3 "$L/title.db" "UPDATE articles SET title = CAST(readfile('$L/long-title.txt') AS TEXT)" ||
    why="$why
cannot set the long title"
tl=$(sqlite3 "$L/title.db" 'SELECT length(title) FROM articles')
verdict "the limit documents imported (100000 articles; a $big-byte paragraph; a title of $tl characters)" "$why"

# timed DESC COMMAND...: runs a wait (or anything) and says how long it
# took; not ok when it failed or took more than $STEP seconds
timed() {
	_desc=$1
	shift
	_t0=$(_now)
	"$@" >/dev/null
	_rc=$?
	_s=$(elapsed "$_t0" "" 2)
	if [ "$_rc" -eq 0 ] && within "$_s" "$STEP"; then
		pass "$_desc (${_s} s)"
	else
		fail "$_desc (${_s} s, limit ${STEP} s)" "$(diag_screen)"
		return 1
	fi
}

# rss NAME DESC: the reader's peak RSS, under the limit
rss() {
	_pid=$(pgrep -P "$(pane_pid "$1")" | head -n 1)
	_hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$_pid/status" 2>/dev/null)
	if [ -z "$_hwm" ]; then
		fail "$2: peak RSS" "no /proc/$_pid/status"
		return
	fi
	echo "# peak RSS, $2: $_hwm kB ($((_hwm / 1024)) MB)$ASAN"
	if [ "$_hwm" -le "$MAXRSS" ]; then
		pass "$2: peak RSS $((_hwm / 1024)) MB <= $((MAXRSS / 1024)) MB"
	else
		fail "$2: peak RSS $((_hwm / 1024)) MB > $((MAXRSS / 1024)) MB"
	fi
}

quit() {	# quit NAME DESC
	verdict "$2: q quits with status 0, nothing on stderr" \
	    "$(quit_why "$1" "$STEP")"
	kill_session "$1"
}

W=120 H=40
SIDE=$(side_width $W)

# ---- 100,000 articles in one issue ---------------------------------

KB_WAIT=$STEP
# (a section gives up at its first step that fails to come: the steps
# after it would only wait out their time)
huge() {
start h $W $H -- "$KB" -d "$L/huge.db"
timed "huge issue: the reader starts" wait_reader h || return 1
# the first issue is shown expanded at start; if not, expand it
capture h
if head -n 1 "$LAST" | grep -q '^+ '; then
	keys h Enter
fi
timed "huge issue: expanded, its articles listed" wait_re h '^ +\*? ?美国发布第0号测试文件' || return 1
keys h G
timed "huge issue: G to the bottom" wait_re h '美国发布第99999号测试文件' || return 1
keys h Enter
timed "huge issue: the last article opens" wait_re h "│ 美国发布第99999号测试文件" || return 1
capture h "$TMP/s"
verdict "huge issue: the screen fits, border straight" "$(layout_ok h $W $H "$TMP/s")"
keys h /
wait_status h '^/:'
type_text h '测试文件'
keys h Enter
timed "huge issue: a search all 100,000 articles match: its results" wait_status h '^结果 1/' || return 1
# the count may come after the first results, between keys
timed "huge issue: ... and their count, 100000" wait_status h '\[/测试文件 100000\]'
keys h G
# on failure (still loading) the reader is killed below, not asked to quit
timed "huge issue: G to the last of the 100,000 results" wait_re h '美国发布第0号测试文件 *│' || return 1
rss h "huge issue"
quit h "huge issue"
}
huge || { rss h "huge issue"; kill_session h; }

# ---- a 10 MB paragraph ------------------------------------------------

big_para() {
rm -rf "$TMP/state/kuaibao"
start b $W $H -- "$KB" -d "$L/big.db"
timed "10 MB paragraph: the reader starts" wait_reader b || return 1
keys b j j Enter
timed "10 MB paragraph: the article opens" wait_re b "│ 美国发布超长段落测试文件" || return 1
wait_status b '[0-9]+%'
why=
for i in 1 2 3 4 5; do
	capture b "$TMP/prev"
	keys b Space
	wait_change b "$TMP/prev" "$STEP" || why="page $i: no change"
done
wait_stable b
capture b "$TMP/s"
o=$(layout_ok b $W $H "$TMP/s") || why="$why
$o"
verdict "10 MB paragraph: five pages down, the screen fits" "$why"
keys b G
timed "10 MB paragraph: G to its end" wait_status b '· 100%' || return 1
keys b g
timed "10 MB paragraph: g to its top" wait_status b '· 0%' || return 1
keys b /
wait_status b '^/:'
type_text b '深海探测'
keys b Enter
timed "10 MB paragraph: a search for a word deep inside it" wait_status b '\[/深海探测 1\]' || return 1
keys b Enter
timed "10 MB paragraph: the result opens at the match" wait_re b '│ .*深海探测' || return 1
capture b "$TMP/s"
st=$(tail -n 1 "$TMP/s")
case $st in
*" 0%"*) fail "10 MB paragraph: the match is far from the top" "status line: $st" ;;
*) pass "10 MB paragraph: the match is far from the top ($(printf '%s' "$st" | grep -oE '[0-9]+%'))" ;;
esac
resize b 90 30
timed "10 MB paragraph: resized to 90x30, laid out again" wait_size b 90 30 || return 1
resize b $W $H
wait_size b $W $H
rss b "10 MB paragraph"
quit b "10 MB paragraph"
}
big_para || { rss b "10 MB paragraph"; kill_session b; }

# ---- a title of 5,000 characters ------------------------------------

long_title() {
rm -rf "$TMP/state/kuaibao"
start t $W $H -- "$KB" -d "$L/title.db"
timed "long title: the reader starts" wait_reader t || return 1
keys t j j Enter
timed "long title: the article opens" wait_re t "│ 长标题" || return 1
wait_stable t
capture t "$TMP/s"
verdict "long title: the screen fits, border straight" "$(layout_ok t $W $H "$TMP/s")"
keys t G
timed "long title: G to the article's end" wait_status t '· 100%' || return 1
wait_stable t
capture t "$TMP/s"
verdict "long title: at the article's end, the screen fits" "$(layout_ok t $W $H "$TMP/s")"
resize t 40 12
timed "long title: at 40x12" wait_size t 40 12
rss t "long title"
quit t "long title"
}
long_title || { rss t "long title"; kill_session t; }

# ---- printing ----------------------------------------------------------

KEYB=$(sqlite3 "$L/big.db" 'SELECT key FROM articles LIMIT 1')
KEYT=$(sqlite3 "$L/title.db" 'SELECT key FROM articles LIMIT 1')
pr() {	# pr DESC MINLINES ARGS...
	_d=$1 _min=$2
	shift 2
	_t0=$(_now)
	"$KB" "$@" >"$TMP/p.out" 2>"$TMP/p.err"
	_rc=$?
	_s=$(elapsed "$_t0" "" 2)
	_n=$(wc -l <"$TMP/p.out")
	if [ "$_rc" -eq 0 ] && [ ! -s "$TMP/p.err" ] && [ "$_n" -ge "$_min" ] &&
	    within "$_s" "$STEP"; then
		pass "$_d: $_n lines in $_s s"
	else
		fail "$_d: status $_rc, $_n lines (>= $_min wanted) in $_s s (limit $STEP s)" \
		    "$(head -c 500 "$TMP/p.err")"
	fi
}
pr "--list of the huge issue" 100002 -d "$L/huge.db" --list
pr "--search in the huge issue" 100 -d "$L/huge.db" --search 测试文件 --limit 100000
pr "--cat of the 10 MB paragraph" 80000 -d "$L/big.db" --cat "$KEYB" --width 80
pr "--cat of the long title at width 10" 100 -d "$L/title.db" --cat "$KEYT" --width 10

finish

#!/bin/sh
# The reader under valgrind's memcheck: no invalid read or write, no use
# of uninitialised memory, no definite leak.
#
# valgrind --tool=memcheck --leak-check=full
#     --errors-for-leak-kinds=definite --error-exitcode=99
# The interactive reader in tmux (short, it is slow): start, open an
# article, page, search, open a result and step through the matches,
# filter by country, clear, quit; its exit status must be 0 (99 is
# valgrind's on error) and its log must say 0 errors and no bytes
# definitely lost.  Then --cat, --list and --search, the same way, and
# --cat and --list of the hostile database of injection.sh.
# Skipped when valgrind is missing (or the build has ASan, which
# valgrind cannot run).
. tests/faults/lib.sh
need_binaries

if ! command -v valgrind >/dev/null 2>&1; then
	echo "ok 1 - valgrind # SKIP valgrind is missing"
	echo "1..1"
	exit 0
fi
if is_asan; then
	echo "ok 1 - valgrind # SKIP $KB_BUILD is built with AddressSanitizer"
	echo "1..1"
	exit 0
fi

KB_WAIT=${KB_VG_WAIT:-60}
VG="valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 --num-callers=30"
DB=$TMP/kb.db
cp "$KB_DB" "$DB"
KEY=$("$KB" -d "$DB" --list | awk 'NR > 1 && /^    / { print $1; exit }')
results=

# vg_log DESC LOG STATUS: the verdict from valgrind's log
vg_log() {
	_why=
	[ "$3" = 0 ] || _why="exit status $3 (99: valgrind found errors)"
	if ! grep -q 'ERROR SUMMARY: 0 errors' "$2"; then
		_why="$_why
$(grep 'ERROR SUMMARY' "$2")"
	fi
	if grep -qE 'definitely lost: [1-9]' "$2"; then
		_why="$_why
$(grep -E 'definitely lost' "$2")"
	fi
	_sum=$(grep -E 'ERROR SUMMARY|definitely lost|in use at exit' "$2" | sed 's/^==[0-9]*== //' | tr '\n' ';')
	results="$results
# $1: $_sum"
	if [ -z "$_why" ]; then
		pass "$1: valgrind: no errors, no definite leaks"
	else
		# the first error reports, for the one who fixes it
		fail "$1: valgrind: no errors, no definite leaks" "$_why" \
		    "$(grep -E '^==[0-9]+== (Invalid|Conditional|Use of|Syscall|Mismatched|[0-9,]+ bytes in [0-9,]+ blocks are definitely)|^==[0-9]+==    (at|by) ' "$2" | head -n 40)"
	fi
}

# ---- the interactive reader ------------------------------------------

# shellcheck disable=SC2086
start vg 100 30 -- $VG --log-file="$TMP/vg.tty.log" "$KB" -d "$DB"
step() {	# step DESC WAIT-COMMAND...
	_d=$1
	shift
	if ! "$@" >/dev/null; then
		fail "under valgrind: $_d" "$(diag_screen)"
		return 1
	fi
	return 0
}
ok=1
step "the reader starts" wait_reader vg || ok=
if [ -n "$ok" ]; then
	keys vg j j Enter
	step "an article opens" wait_re vg '│ ─────' || ok=
fi
if [ -n "$ok" ]; then
	keys vg Space
	step "it pages" wait_status vg '[0-9]+%'
	keys vg /
	step "the search prompt" wait_status vg '^/:'
	type_text vg 美国
	keys vg Enter
	step "search results" wait_status vg '\[/美国 [0-9]+\]'
	keys vg Enter
	step "a result opens" wait_status vg '· [0-9]+%'
	keys vg n
	step "the next match" wait_status vg '^匹配 '
	keys vg x
	step "cleared" wait_status vg '已清除'
	keys vg c
	step "the country prompt" wait_status vg '^国家'
	type_text vg jp
	keys vg Enter
	step "the country filter" wait_status vg '\[国家 日本'
	keys vg x
	step "cleared again" wait_status vg '已清除'
	keys vg q
fi
st=$(wait_dead vg) || { st="still running"; keys vg q; kill_session vg; }
[ -n "$ok" ] && pass "under valgrind: the scenario ran to the end"
vg_log "the interactive reader (open, page, search, matches, country filter, clear, quit)" "$TMP/vg.tty.log" "$st"

# ---- printing --------------------------------------------------------

for mode in cat list search; do
	case $mode in
	cat) set -- --cat "$KEY" --width 72 ;;
	list) set -- --list ;;
	search) set -- --search '美国 芯片' ;;
	esac
	# shellcheck disable=SC2086
	$VG --log-file="$TMP/vg.$mode.log" "$KB" -d "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	vg_log "--$mode" "$TMP/vg.$mode.log" "$rc"
done
# the hostile database of injection.sh: sanitising every kind of
# control, escape and invalid byte
check_py hostile-doc "$TMP/h.txt" >/dev/null
if "$KB_IMPORT" -q --new --data-dir data -o "$TMP/h.db" "$TMP/h.txt" 2>/dev/null ||
    [ -s "$TMP/h.db" ]; then
	check_py doctor "$TMP/h.db" >/dev/null
	HKEY=$(sqlite3 "$TMP/h.db" 'SELECT key FROM articles ORDER BY id LIMIT 1 OFFSET 3')
	for mode in cat list; do
		case $mode in
		cat) set -- --cat "$HKEY" --width 40 ;;
		list) set -- --list ;;
		esac
		# shellcheck disable=SC2086
		$VG --log-file="$TMP/vg.h$mode.log" "$KB" -d "$TMP/h.db" "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		vg_log "--$mode of a hostile database" "$TMP/vg.h$mode.log" "$rc"
	done
else
	fail "the hostile database of injection.sh is built"
fi
printf '%s\n' "$results" | grep .
finish

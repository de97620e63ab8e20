#!/bin/sh
# A state database that another process holds (issue 13, item 6): a
# second program (python's sqlite3, BEGIN IMMEDIATE: the write lock of a
# WAL database, as a long write of another tool or session takes it)
# holds state.db while the reader runs.
#   - the reader starts, opens an article (which marks it read) and
#     flags it with m, each key answered within a second (the old reader
#     froze 3 s on each, waiting for the lock);
#   - the status line says, and keeps saying, that changes wait to be
#     saved (not just "flagged");
#   - the flag is shown in the sidebar meanwhile, after moving away and
#     back (the marks not yet written are the reader's marks);
#   - the lock released, the reader writes them by itself within a few
#     seconds, without a key: sqlite3 finds the read mark and the flag,
#     and the status line no longer complains;
#   - locked again, a flag and then q: the reader ends within a second
#     and a half, status 1, with one line on stderr that names the state
#     file and says what was not saved; nothing is left running.
. tests/faults/lib.sh
need_binaries
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is missing"; exit 0; }

DB=$TMP/kb.db
# the status line's words, in Chinese, the reader's default (tui/msg.c)
LOCKED='\[状态被占用：[0-9]+ 项未保存\]'
ready() { wait_status "$1" '\?:帮助 *$'; }
cp "$KB_DB" "$DB"
STATE=$TMP/state/kuaibao/state.db
# the newest issue's first two articles: j j Enter opens the first
FIRST=$("$KB" -d "$DB" --list | awk 'NR > 1 && /^    / { print $1; exit }')
TITLE=$("$KB" -d "$DB" --list | awk 'NR > 1 && /^    / { $1 = ""; sub(/^ +/, ""); print; exit }')
T8=$(printf '%s' "$TITLE" | cut -c1-12)
LOCKER=
CLEANUP='[ -z "$LOCKER" ] || { touch "$TMP/release"; wait "$LOCKER" 2>/dev/null; }'

# lock: another process takes the state's write lock and holds it until
# unlock; returns when it holds it
lock() {
	rm -f "$TMP/release" "$TMP/held"
	"$PY" - "$STATE" "$TMP/release" "$TMP/held" <<'EOF' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[3], "w").close()
while not os.path.exists(sys.argv[2]):
    time.sleep(0.05)
c.execute("ROLLBACK")
EOF
	LOCKER=$!
	wait_file "$TMP/held"
}

unlock() {
	touch "$TMP/release"
	wait "$LOCKER" 2>/dev/null
	LOCKER=
}

# timed NAME KEY WAIT-COMMAND...: sends KEY, runs the wait, prints the
# seconds it took (or "never")
timed() {
	_tn=$1 _tk=$2
	shift 2
	_t0=$(_now)
	keys "$_tn" "$_tk"
	if "$@" >/dev/null; then
		elapsed "$_t0"
	else
		echo never
	fi
}

marks() {	# marks KEY: "read flagged" in the state database
	sqlite3 "$STATE" "SELECT read, flagged FROM marks WHERE key = '$1'" 2>&1 | tr '|' ' '
}

# a state made by a first session, as a user has one
start r0 80 24 -- "$KB" -d "$DB"
ready r0 && verdict "a first session makes the state" "$(quit_why r0)"
kill_session r0
[ -s "$STATE" ] || { fail "the state database exists" "$(ls -la "$TMP/state/kuaibao")"; finish; }

lock
start r 80 24 -- "$KB" -d "$DB"
if ready r && wait_stable r; then
	pass "the reader starts while another process holds the state"
else
	fail "the reader starts while another process holds the state" "$(diag_screen)"
	finish
fi
keys r j j
wait_stable r
t=$(timed r Enter wait_status r " · [0-9]+%")
if [ "$t" != never ] && within "$t" 1.0; then
	pass "Enter opens the article in ${t}s, the state locked"
else
	fail "Enter opens the article within a second, the state locked" "took: $t" "$(diag_screen)"
fi
t=$(timed r m wait_status r '^已加星标')
if [ "$t" != never ] && within "$t" 1.0; then
	pass "m flags it in ${t}s"
else
	fail "m flags it within a second" "took: $t" "$(diag_screen)"
fi
if wait_status r "$LOCKED" 2 && keys r j && wait_stable r &&
    tail -n 1 "$LAST" | grep -Eq "$LOCKED"; then
	pass "the status line says the changes wait, and keeps saying it: $(tail -n 1 "$LAST" | sed 's/  */ /g')"
else
	fail "the status line says the changes wait, and keeps saying it" "$(diag_screen)"
fi
keys r ']'
wait_status r ' 1/' >/dev/null
keys r '['
keys r Tab
if wait_re r "^ *!  *$T8|^ *! *$T8" && wait_stable r; then
	pass "after ] and [, the sidebar shows the flag that is not yet saved"
else
	fail "after ] and [, the sidebar shows the flag that is not yet saved" "$(diag_screen)"
fi
verdict "nothing of it in the database yet (it is locked)" \
    "$([ "$(marks "$FIRST")" != "1 1" ] || echo "the flag is there")"

unlock
_d=$(_deadline 5)
got=
while _before "$_d"; do
	got=$(marks "$FIRST")
	[ "$got" = "1 1" ] && break
	sleep 0.1
done
if [ "$got" = "1 1" ]; then
	pass "the lock released: the reader writes the read mark and the flag by itself"
else
	fail "the lock released: the reader writes the read mark and the flag by itself" "marks: '$got'"
fi
if wait_status_not r '未保存' 3; then
	pass "the status line no longer says that changes wait"
else
	fail "the status line no longer says that changes wait" "$(diag_screen)"
fi

lock
keys r ']'
wait_status r ' 1/1 ' >/dev/null
keys r m
wait_status r "^已加星标.*$LOCKED" >/dev/null
t0=$(_now)
keys r q
st=$(wait_dead r 5) || st=never
t=$(elapsed "$t0")
err=$(cat "$TMP/err.r" 2>/dev/null)
why=
[ "$st" = 1 ] || why="status $st"
within "$t" 1.5 || why="$why; q took ${t}s"
[ "$(printf '%s\n' "$err" | grep -c .)" = 1 ] || why="$why; $(printf '%s\n' "$err" | grep -c .) lines on stderr"
printf '%s\n' "$err" | grep -q "^kuaibao: $STATE: .*not saved: marks" ||
    why="$why; the line does not name $STATE and the marks not saved"
verdict "q while locked: ends in ${t}s, status 1, one line: $err" "$why"
unlock
pgrep -f "$DB" >/dev/null 2>&1 && fail "no reader left running" "$(pgrep -af "$DB")" ||
    pass "no reader left running"

finish

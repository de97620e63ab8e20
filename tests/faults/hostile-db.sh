#!/bin/sh
# A database from elsewhere (issue 13 item 4): each one made with
# sqlite3 from a copy of data/kuaibao.db.
#
# - NULL in an issue's title or key, a column's name, an article's title
#   or key, and in every text column at once: --list, --cat and --search
#   end with status 0 or 1 and no crash or sanitizer report, --list
#   lists every article; the interactive reader (typed in a shell in
#   tmux) opens the first article, flags it and quits with status 0, and
#   the shell has a sane terminal (stty -a: echo icanon).
# - issues a view (a recursive query that never ends), an issue id of
#   2^43, an article id of -1, a country id of 2^40: refused by --list, --cat, --search and
#   the reader with status 1 and one line naming the file, at once; the
#   terminal sane.
# - 2,000 issues whose titles take near a second each to compute (a
#   generated column: no view, so not refused): --list and the reader
#   stop after the time limit (10 s; allowed 40 on a busy machine) with
#   status 1 and one line naming the file; SIGTERM, SIGHUP, SIGINT and
#   ^C typed stop the reader stuck in that query within 5 s, with the
#   terminal sane; a pane that is closed leaves no reader running.
. tests/faults/lib.sh
need_binaries

mkdir -p "$TMP/db"
good=$TMP/db/good.db
cp "$KB_DB" "$good"
# an article's key, title and count, from the database itself
KEY=$(sqlite3 "$good" 'SELECT key FROM articles ORDER BY id DESC LIMIT 1')
NART=$(sqlite3 "$good" 'SELECT count(*) FROM articles')

# nullable DB TABLE.COLUMN...: the columns lose NOT NULL (the schema text
# edited in place), then hold NULL in every row
nullable() {
	_db=$1
	shift
	for _tc in "$@"; do
		_t=${_tc%.*} _c=${_tc#*.}
		sqlite3 "$_db" "PRAGMA writable_schema = ON;
		    UPDATE sqlite_schema SET sql = replace(sql,
		    '$_c TEXT NOT NULL', '$_c TEXT') WHERE name = '$_t';
		    PRAGMA writable_schema = OFF;" || return 1
		sqlite3 "$_db" "UPDATE $_t SET $_c = NULL" || return 1
	done
}

# mk NAME: makes $TMP/db/NAME.db
mk() {
	p=$TMP/db/$1.db
	cp "$good" "$p"
	case $1 in
	null-issue-title) nullable "$p" issues.title ;;
	null-issue-key) nullable "$p" issues.key ;;
	null-column-name) nullable "$p" sections.name ;;
	null-article-title) nullable "$p" articles.title ;;
	null-article-key) nullable "$p" articles.key ;;
	null-all)
		nullable "$p" issues.key issues.title issues.kind \
		    sections.name articles.key articles.title \
		    articles.authors blocks.type blocks.text footnotes.text \
		    footnotes.urls fields.name fields.value countries.name \
		    countries.code themes.name &&
		    sqlite3 "$p" "UPDATE issues SET date = NULL, number =
			NULL, year = NULL; UPDATE articles SET date = NULL,
			date_text = NULL"
		;;
	view-issues)
		sqlite3 "$p" "PRAGMA legacy_alter_table = ON;
		    ALTER TABLE issues RENAME TO issues_t;
		    CREATE VIEW issues AS WITH RECURSIVE c(x) AS (SELECT 1
		    UNION ALL SELECT x + 1 FROM c) SELECT i.* FROM issues_t i,
		    c WHERE c.x < 0;"
		;;
	issue-id-2p43)
		sqlite3 "$p" "UPDATE issues SET id = 8796093022208 WHERE id =
		    (SELECT max(id) FROM issues)"
		;;
	article-id-negative)
		sqlite3 "$p" "UPDATE articles SET id = -1 WHERE id =
		    (SELECT max(id) FROM articles)"
		;;
	country-id-2p40)
		sqlite3 "$p" "UPDATE countries SET id = 1099511627776 WHERE id
		    = (SELECT max(id) FROM countries)"
		;;
	slow-title)
		# 2,000 more issues, whose title is a generated column that
		# takes 1,500 printf() and replace() of 64 KiB a row (near a
		# second; the first screen's issues take more than 10 s): no
		# view, nothing out of range, just slow.  Made a plain column, then
		# the schema's text changed (SQLite would compute it on
		# INSERT); the SQL is too long for an argument: on stdin.
		_heavy=$(awk 'BEGIN { for (k = 0; k < 15; k++) {
		    printf "%smax(", k ? ", " : ""
		    for (i = 0; i < 100; i++)
			printf "%slength(replace(printf(%c%c%%.*c%c%c," \
			    " 65536, t0), %c%c%d%c%c, %c%cx%c%c))",
			    i ? ", " : "", 39, 39, 39, 39, 39, 39,
			    (i + k) % 10, 39, 39, 39, 39, 39, 39
		    printf ")" } }')
		_cols="id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
		    source TEXT NOT NULL, source_name TEXT NOT NULL, kind TEXT
		    NOT NULL, year INTEGER, date TEXT, number TEXT, day INTEGER
		    NOT NULL, narticles INTEGER NOT NULL, t0 TEXT"
		printf '%s\n' "PRAGMA legacy_alter_table = ON;
		    CREATE TABLE issues_new($_cols);
		    INSERT INTO issues_new SELECT id, key, source, source_name,
		    kind, year, date, number, day, narticles, title FROM issues;
		    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM
		    n WHERE i < 2000) INSERT INTO issues_new SELECT 1000 + i,
		    'k' || i, 's', 's', 'bulletin', 2020, NULL, NULL, 0, 0, '0'
		    FROM n;
		    DROP TABLE issues;
		    ALTER TABLE issues_new RENAME TO issues;
		    PRAGMA writable_schema = ON;
		    UPDATE sqlite_schema SET sql = 'CREATE TABLE issues($_cols,
		    title TEXT GENERATED ALWAYS AS (substr(t0, 1, 60 + 0 *
		    max($_heavy))) VIRTUAL)' WHERE name = 'issues';" |
		    sqlite3 "$p"
		;;
	esac
}

# one_line FILE PATH: FILE is one line "kuaibao: ...PATH..."
one_line() {
	_nl=$(wc -l <"$1")
	if [ "$_nl" -ne 1 ]; then
		echo "$_nl lines on stderr: $(head -n 4 "$1")"
		return 1
	fi
	grep -q "^kuaibao: .*$(basename "$2")" "$1" ||
	    { echo "not 'kuaibao: ...$(basename "$2")...': $(cat "$1")"; return 1; }
}

# printing MODE: the arguments of a printing mode in "$@"
printing() {
	case $1 in
	list) set -- --list ;;
	cat) set -- --cat "$KEY" --width 80 ;;
	search) set -- --search 美国 ;;
	esac
	# (a reader that hangs is stopped: 124)
	timeout 60 "$KB" -d "$p" "$@" >"$TMP/out" 2>"$TMP/err"
}

# in_shell SESSION COMMAND: types COMMAND; echo RC=$? in the shell
in_shell() {
	keys "$1" C-u
	type_text "$1" "clear; $2; echo \"RC=\$?\""
	keys "$1" Enter
}

# shell_rc SESSION [SECONDS]: the RC= the shell printed, or nothing
shell_rc() {
	wait_re "$1" '^RC=[0-9]+' "${2:-}" || return 1
	grep -E '^RC=[0-9]+' "$LAST" | tail -n 1 | cut -d= -f2
}

# back_to_shell SESSION: the reader did not come back: make it
back_to_shell() {
	keys "$1" q
	wait_re "$1" '^RC=[0-9]+' 3 >/dev/null && return
	kill_session "$1"
	shell "$1" 200 50
}

shell sh 200 50 || { fail "a shell in tmux" "$(diag_screen)"; finish; }

# ---- NULL where text was ----------------------------------------------

for b in null-issue-title null-issue-key null-column-name \
    null-article-title null-article-key null-all; do
	mk "$b" || { fail "$b: made with sqlite3"; continue; }
	for mode in list cat search; do
		printing "$mode"
		rc=$?
		why=
		[ "$rc" -le 1 ] || why="exit status $rc"
		grep -q 'Sanitizer\|runtime error' "$TMP/err" &&
		    why="$why; $(grep -m1 'Sanitizer\|runtime error' "$TMP/err")"
		if [ "$mode" = list ]; then
			[ "$rc" -eq 0 ] && [ ! -s "$TMP/err" ] ||
			    why="$why; status $rc, stderr: $(head -c 200 "$TMP/err")"
			# the article lines: four spaces in
			n=$(grep -c '^    ' "$TMP/out")
			[ "$n" -eq "$NART" ] ||
			    why="$why; $n article lines, not $NART"
		fi
		verdict "$b: --$mode does not crash" "$why"
	done
	in_shell sh "$KB -d '$p'"
	why=
	if wait_reader sh; then
		# the first issue is expanded: its first column, first article
		keys sh j j Enter
		wait_re sh '│ ─────' || why="no article opened: $(diag_screen)"
		keys sh m
		sleep 0.2
		keys sh q
		if rc=$(shell_rc sh); then
			[ "$rc" -eq 0 ] || why="$why exit status $rc"
		else
			why="$why the reader did not quit: $(diag_screen)"
			back_to_shell sh
		fi
	else
		why="no reader screen: $(diag_screen)"
		back_to_shell sh
	fi
	o=$(stty_sane sh) || why="$why; $o"
	verdict "$b: the reader opens and flags an article, quits with 0, the terminal sane" "$why"
done

# ---- refused at once --------------------------------------------------

refusal() {	# refusal NAME WORDS: the words the one line must hold (ERE)
	mk "$1" || { fail "$1: made with sqlite3"; return; }
	for mode in list cat search; do
		t0=$(_now)
		printing "$mode"
		rc=$?
		why=
		[ "$rc" -eq 1 ] || why="exit status $rc"
		o=$(one_line "$TMP/err" "$p") || why="$why; $o"
		grep -qE "$2" "$TMP/err" || why="$why; no '$2' in: $(cat "$TMP/err")"
		within "$(elapsed "$t0")" 2 || why="$why; took $(elapsed "$t0") s"
		[ -s "$TMP/out" ] && why="$why; printed: $(head -c 200 "$TMP/out")"
		verdict "$1: --$mode refuses it at once with one line" "$why"
	done
	in_shell sh "$KB -d '$p'"
	why=
	if rc=$(shell_rc sh 3); then
		[ "$rc" -eq 1 ] || why="exit status $rc"
		sed -n '/^RC=/q;p' "$LAST" | sed '/^KBSH\$ *$/d; /^$/d' >"$TMP/shown"
		o=$(one_line "$TMP/shown" "$p") || why="$why; on the screen: $o"
	else
		why="the reader did not come back to the shell: $(diag_screen)"
		back_to_shell sh
	fi
	o=$(stty_sane sh) || why="$why; $o"
	verdict "$1: the reader refuses it with one line, the terminal sane" "$why"
}

refusal view-issues 'issues is a view'
refusal issue-id-2p43 'out of range'
refusal article-id-negative 'out of range'
refusal country-id-2p40 'out of range'

# ---- a query that does not end ---------------------------------------

mk slow-title || fail "slow-title: made with sqlite3"
t0=$(_now)
printing list
rc=$?
t=$(elapsed "$t0")
why=
[ "$rc" -eq 1 ] || why="exit status $rc"
o=$(one_line "$TMP/err" "$p") || why="$why; $o"
grep -q 'over 10 s' "$TMP/err" || why="$why; no 'over 10 s'"
within "$t" 40 || why="$why; took $t s"
verdict "slow-title: --list stops after the time limit with one line ($t s)" "$why"

in_shell sh "$KB -d '$p'"
t0=$(_now)
why=
if rc=$(shell_rc sh 40); then
	t=$(elapsed "$t0")
	[ "$rc" -eq 1 ] || why="exit status $rc"
	sed -n '/^RC=/q;p' "$LAST" | sed '/^KBSH\$ *$/d; /^$/d' >"$TMP/shown"
	o=$(one_line "$TMP/shown" "$p") || why="$why; on the screen: $o"
	within "$t" 40 || why="$why; took $t s"
else
	why="the reader did not stop: $(diag_screen)"
	back_to_shell sh
fi
o=$(stty_sane sh) || why="$why; $o"
verdict "slow-title: the reader stops after the time limit with one line, the terminal sane" "$why"

# reader_pid SESSION: the reader's pid, a child of the pane's shell
reader_pid() {
	_d=$(_deadline 3)
	while :; do
		_rp=$(pgrep -P "$(pane_pid "$1")" 2>/dev/null | head -n 1)
		[ -n "$_rp" ] && { echo "$_rp"; return 0; }
		_before "$_d" || return 1
		sleep 0.05
	done
}

for how in TERM HUP INT C-c; do
	in_shell sh "$KB -d '$p'"
	why=
	if ! rp=$(reader_pid sh); then
		fail "slow-title: SIG$how: the reader started" "$(diag_screen)"
		continue
	fi
	sleep 1		# in the query by now
	t0=$(_now)
	case $how in
	C-c) keys sh C-c ;;
	*) kill -"$how" "$rp" ;;
	esac
	# (any status: 128 + the signal when the 2 s backstop ended it,
	# as on a slow machine with the sanitizers)
	if rc=$(shell_rc sh 5); then
		t=$(elapsed "$t0")
	else
		why="still running 5 s after it: $(diag_screen)"
		kill -KILL "$rp" 2>/dev/null
		shell_rc sh 3 >/dev/null
	fi
	o=$(stty_sane sh) || why="$why; $o"
	[ "$(tfmt sh '#{alternate_on}')" = 0 ] || why="$why; the alternate screen is still on"
	verdict "slow-title: ${how#C-} stops the reader stuck in a query${t:+ (in $t s)}, the terminal sane" "$why"
	t=
done

# the pane closes under it: SIGHUP, and no terminal to read
start hup 100 30 -- "$KB" -d "$p"
rp=
_d=$(_deadline 3)
while [ -z "$rp" ] && _before "$_d"; do
	rp=$(pgrep -f "^$KB -d $p\$" | head -n 1)
	sleep 0.05
done
if [ -z "$rp" ]; then
	fail "slow-title: the reader started in a pane" "$(diag_screen)"
else
	sleep 1
	kill_session hup
	if wait_pid_gone "$rp" 5; then
		pass "slow-title: the pane closed under the stuck reader: it ended"
	else
		fail "slow-title: the pane closed under the stuck reader: it ended" \
		    "still running: $(ps -o pid,stat,pcpu,args -p "$rp" | tail -n 1)"
		kill -KILL "$rp" 2>/dev/null
	fi
fi

finish

#!/bin/sh
# Bad databases and bad state.
#
# The main database (-d): missing, empty, the first 4096 bytes and the
# first half of data/kuaibao.db, random bytes, a text file, schema
# version 999 (newer) and 0, the full-text index dropped, unreadable
# (chmod 000, as an ordinary user: root reads anything), a directory.
# Each one, for --list, --cat and the interactive reader (typed in a
# shell in tmux): a non-zero exit status and exactly one line on stderr
# that starts "kuaibao: " and names the file, no sanitizer report; for
# the interactive reader the line is on the screen, the shell prompt
# comes back, the normal screen (not the alternate one) is up, and
# stty -a shows echo and icanon.  A database in a read-only directory
# and a read-only file (chmod 555 / 444, checked as an ordinary user
# when run as root) must simply work, and nothing is created beside
# them.
#
# The state database: garbage bytes in state.db, state.db a directory,
# a state directory that cannot be created (its parent is a file), and
# as an ordinary user a read-only state directory and a read-only
# state.db: the reader starts, says on the status line that marks will
# not be kept, opens and pages an article, quits with status 0, and the
# main database is untouched (same checksum, no journal, WAL or lock
# file beside it).
. tests/faults/lib.sh
need_binaries

mkdir -p "$TMP/db"
good=$TMP/db/good.db
cp "$KB_DB" "$good"
KEY=$("$KB" -d "$good" --list | awk 'NF == 2 && $1 ~ /^[0-9a-f]+$/ { print $1; exit }')
[ -n "$KEY" ] || KEY=$(sqlite3 "$good" 'SELECT key FROM articles LIMIT 1')
size=$(wc -c <"$good")
nfaults=0

# an ordinary user, to make permissions mean something when run as root
NOBODY=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$TMP"
fi

# ---- the bad ones ----------------------------------------------------

mk() {	# mk NAME: makes $TMP/db/NAME.db (or the path to give) in $p
	p=$TMP/db/$1.db
	case $1 in
	missing) p=$TMP/db/missing.db ;;
	empty) : >"$p" ;;
	trunc4k) head -c 4096 "$good" >"$p" ;;
	trunchalf) head -c $((size / 2)) "$good" >"$p" ;;
	random) head -c 65536 /dev/urandom >"$p" ;;
	text) cp README.md "$p" ;;
	v999 | v0)
		cp "$good" "$p"
		sqlite3 "$p" "UPDATE meta SET value = '${1#v}' WHERE key = 'schema_version'"
		;;
	nofts)
		# DROP TABLE fts needs the kuaibao tokenizer: take the
		# virtual table out of the schema, then its shadow tables
		cp "$good" "$p"
		sqlite3 "$p" "PRAGMA writable_schema = ON;
		    DELETE FROM sqlite_schema WHERE name = 'fts';
		    PRAGMA writable_schema = OFF;" &&
		sqlite3 "$p" "DROP TABLE fts_data; DROP TABLE fts_idx;
		    DROP TABLE fts_config; VACUUM;"
		;;
	unreadable) cp "$good" "$p"; chmod 000 "$p" ;;
	directory) p=$TMP/db/adir; mkdir -p "$p" ;;
	esac
}

# The words a clear message has for each fault (ERE, any case)
clear_words() {
	case $1 in
	missing) echo 'no such|not found|does not exist' ;;
	empty) echo 'empty' ;;
	trunc*) echo 'corrupt|damaged|truncated|incomplete' ;;
	random | text) echo 'not a database|corrupt|not a kuaibao' ;;
	v999) echo 'newer' ;;
	v0) echo 'older' ;;
	nofts) echo 'full-text|index' ;;
	directory) echo 'directory|not a regular file' ;;
	unreadable) echo 'permission|denied|cannot read|not readable|unreadable' ;;
	esac
}

# one_line FILE PATH: FILE is one line "kuaibao: ...PATH..." and no
# sanitizer report; prints what is wrong
one_line() {
	_nl=$(wc -l <"$1")
	if [ "$_nl" -ne 1 ]; then
		echo "$_nl lines on stderr:"
		head -n 8 "$1"
		return 1
	fi
	if ! grep -q "^kuaibao: .*$(basename "$2")" "$1"; then
		echo "not 'kuaibao: ...$(basename "$2")...': $(cat "$1")"
		return 1
	fi
	return 0
}

BAD="missing empty trunc4k trunchalf random text v999 v0 nofts directory"
[ -n "$NOBODY" ] && BAD="$BAD unreadable"

shell sh 200 50 || { fail "a shell in tmux" "$(diag_screen)"; finish; }

for b in $BAD; do
	mk "$b"
	WORDS=$(clear_words "$b")
	pre=
	[ "$b" = unreadable ] && pre=$NOBODY
	# printing
	for mode in list cat search; do
		case $mode in
		list) set -- --list ;;
		cat) set -- --cat "$KEY" --width 80 ;;
		search) set -- --search 美国 ;;
		esac
		nfaults=$((nfaults + 1))
		$pre "$KB" -d "$p" "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		why=
		[ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] || why="exit status $rc"
		o=$(one_line "$TMP/err" "$p") || why="$why${why:+; }$o"
		[ -s "$TMP/out" ] && why="$why${why:+; }printed on stdout: $(head -c 200 "$TMP/out")"
		verdict "$b: --$mode fails with one line on stderr" "$why"
	done
	# (the file's own name does not count)
	if sed "s|$p||g" "$TMP/err" | grep -qiE "$WORDS"; then
		pass "$b: the message says what is wrong: $(sed "s|$TMP|\$TMP|" "$TMP/err")"
	else
		fail "$b: the message says what is wrong ('$WORDS')" \
		    "it says: $(cat "$TMP/err")"
	fi
	# interactive, typed in a shell
	nfaults=$((nfaults + 1))
	keys sh C-u
	type_text sh "clear; $pre $KB -d '$p'; echo \"RC=\$?\""
	keys sh Enter
	why=
	if wait_re sh '^RC=[0-9]+'; then
		rc=$(grep -E '^RC=[0-9]+' "$LAST" | tail -n 1 | cut -d= -f2)
		[ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] || why="exit status $rc"
		sed -n '/^RC=/q;p' "$LAST" | sed '/^KBSH\$ *$/d; /^$/d' >"$TMP/shown"
		o=$(one_line "$TMP/shown" "$p") || why="$why${why:+; }on the screen: $o"
		wait_re sh '^KBSH\$ *$' || why="$why${why:+; }no shell prompt after it"
		[ "$(tfmt sh '#{alternate_on}')" = 0 ] || why="$why${why:+; }the alternate screen is still on"
		o=$(stty_sane sh) || why="$why${why:+; }$o"
	else
		why="the reader did not come back to the shell: $(diag_screen)"
		keys sh q
		wait_re sh '^RC=[0-9]+' || { kill_session sh; shell sh 200 50; }
	fi
	verdict "$b: the interactive reader fails with one line on the screen, the terminal sane" "$why"
	chmod 644 "$p" 2>/dev/null
done
WORDS=

# ---- read-only places must just work -------------------------------

ro_check() {	# ro_check NAME PATH [PREFIX]: works, creates nothing
	_name=$1 _path=$2 _pre=${3:-}
	_dir=$(dirname "$_path")
	ls -A "$_dir" >"$TMP/before"
	_sum=$(cksum <"$_path")
	why=
	for mode in list cat; do
		case $mode in
		list) set -- --list ;;
		cat) set -- --cat "$KEY" --width 80 ;;
		esac
		$_pre "$KB" -d "$_path" "$@" >"$TMP/out" 2>"$TMP/err"
		rc=$?
		[ "$rc" -eq 0 ] || why="$why --$mode: status $rc $(head -c 300 "$TMP/err");"
		[ -s "$TMP/err" ] && why="$why --$mode: stderr $(head -c 300 "$TMP/err");"
		[ -s "$TMP/out" ] || why="$why --$mode: printed nothing;"
	done
	# and the interactive reader, from the shell
	keys sh C-u
	type_text sh "clear; $_pre env XDG_STATE_HOME=$TMP/rostate $KB -d '$_path'; echo \"RC=\$?\""
	keys sh Enter
	if wait_status sh '\?:帮助 *$'; then
		keys sh q
		wait_re sh '^RC=0' || why="$why interactive: no RC=0 after q;"
	else
		why="$why interactive: no reader screen: $(tail -n 3 "$LAST");"
		keys sh q
		wait_re sh '^RC=' 
	fi
	ls -A "$_dir" >"$TMP/after"
	cmp -s "$TMP/before" "$TMP/after" || why="$why created beside it: $(diff "$TMP/before" "$TMP/after" | grep '^>' | tr '\n' ' ');"
	[ "$(cksum <"$_path")" = "$_sum" ] || why="$why the database changed;"
	verdict "$_name: the reader works (--list, --cat, interactive) and writes nothing there" "$why"
}

mkdir -p "$TMP/rodir" "$TMP/rostate"
chmod 777 "$TMP/rostate"
cp "$good" "$TMP/rodir/kb.db"
chmod 555 "$TMP/rodir"
nfaults=$((nfaults + 2))
if [ -n "$NOBODY" ]; then
	ro_check "a database in a read-only directory (as uid 65534)" "$TMP/rodir/kb.db" "$NOBODY"
else
	ro_check "a database in a read-only directory" "$TMP/rodir/kb.db"
fi
chmod 755 "$TMP/rodir"
cp "$good" "$TMP/db/ro.db"
chmod 444 "$TMP/db/ro.db"
if [ -n "$NOBODY" ]; then
	ro_check "a read-only database file (as uid 65534)" "$TMP/db/ro.db" "$NOBODY"
else
	[ "$(id -u)" -eq 0 ] && echo "# as root the chmod does not stop writes; checked: nothing is written"
	ro_check "a read-only database file" "$TMP/db/ro.db"
fi

# ---- bad state -----------------------------------------------------

# state_case NAME XDG_STATE_HOME [PREFIX]: the reader starts with a
# warning, works, quits; the main database untouched
state_case() {
	_st=$2
	_sum=$(cksum <"$good")
	ls -A "$TMP/db" >"$TMP/before"
	nfaults=$((nfaults + 1))
	why=
	keys sh C-u
	type_text sh "clear; ${3:-} env XDG_STATE_HOME='$_st' $KB -d '$good'; echo \"RC=\$?\""
	keys sh Enter
	if wait_status sh '阅读标记不会保存'; then
		echo "# $1: $(tail -n 1 "$LAST" | sed 's/  *$//')"
	else
		why="$why no warning on the status line: '$(tail -n 1 "$LAST")';"
	fi
	# the first issue is expanded: its first column, its first article
	keys sh j j Enter
	if wait_re sh '│ ─────'; then
		keys sh Space Space j
		wait_status sh '[0-9]+%' || why="$why paging: no position on the status line;"
		keys sh m
		wait_status sh '已加星标' || why="$why m: no '已加星标' (flagged);"
	else
		why="$why no article opened: $(diag_screen);"
	fi
	keys sh q
	if wait_re sh '^RC=[0-9]+'; then
		rc=$(grep -E '^RC=[0-9]+' "$LAST" | tail -n 1 | cut -d= -f2)
		[ "$rc" = 0 ] || why="$why exit status $rc: $(grep -v '^RC=' "$LAST" | grep . | tail -n 4);"
	else
		why="$why the reader did not quit;"
		keys sh q q
	fi
	o=$(stty_sane sh) || why="$why $o;"
	[ "$(cksum <"$good")" = "$_sum" ] || why="$why the main database changed;"
	ls -A "$TMP/db" >"$TMP/after"
	cmp -s "$TMP/before" "$TMP/after" || why="$why created beside the main database: $(diff "$TMP/before" "$TMP/after" | grep '^>' | tr '\n' ' ');"
	verdict "$1: the reader warns, works, quits, and leaves the main database alone" "$why"
}

mkdir -p "$TMP/st1/kuaibao"
head -c 20000 /dev/urandom >"$TMP/st1/kuaibao/state.db"
sum1=$(cksum <"$TMP/st1/kuaibao/state.db")
state_case "garbage bytes in state.db" "$TMP/st1"
if [ "$(cksum <"$TMP/st1/kuaibao/state.db")" = "$sum1" ]; then
	pass "the garbage state.db was left as it was (not overwritten)"
else
	fail "the garbage state.db was left as it was (not overwritten)"
fi

mkdir -p "$TMP/st2/kuaibao/state.db"
state_case "state.db is a directory" "$TMP/st2"

: >"$TMP/st3"
state_case "the state directory cannot be made (XDG_STATE_HOME is a file)" "$TMP/st3/x"

if [ -n "$NOBODY" ]; then
	mkdir -p "$TMP/st4/kuaibao"
	chmod 555 "$TMP/st4/kuaibao"
	state_case "a read-only state directory, no state.db (as uid 65534)" "$TMP/st4" "$NOBODY"
	mkdir -p "$TMP/st5/kuaibao"
	chmod 777 "$TMP/st5/kuaibao"
	"$KB" -d "$good" --list >/dev/null	# nothing; state.db is made below
	sqlite3 "$TMP/st5/kuaibao/state.db" 'CREATE TABLE marks(key TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0, flagged INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL) WITHOUT ROWID;'
	chmod 444 "$TMP/st5/kuaibao/state.db"
	chmod 555 "$TMP/st5/kuaibao"
	state_case "a read-only state.db in a read-only directory (as uid 65534)" "$TMP/st5" "$NOBODY"
else
	skip "read-only state as an ordinary user" "not root, or no setpriv"
fi

echo "# faults injected: $nfaults (bad databases x --list/--cat/--search/interactive, read-only places, bad state)"
finish

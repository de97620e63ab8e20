#!/bin/sh
# Atomic, deterministic database updates by kuaibao-import (TAP).  Run
# from the top of the tree; the importer is ${KB_BUILD:-build}/kuaibao-import.
#
# Determinism, several files in one run, adding and replacing files,
# --new, readers undisturbed by repeated imports, SIGKILL at random
# points (the old database intact, stale temporary files removed by the
# next run), SIGTERM (temporary file removed at once), and a read-only
# target directory (one FATAL line, exit 3).
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "1..0 # SKIP the sqlite3 shell is needed"
	exit 0
fi

corpus=$(ls data/corpus/*.txt data/corpus/*.md 2>/dev/null)
set -- $corpus
ncorpus=$#
if [ "$ncorpus" -lt 3 ]; then
	echo "1..0 # SKIP fewer than 3 corpus files"
	exit 0
fi
c1=$1 c2=$2 c3=$3

q() { sqlite3 -batch "$1" "$2" 2>&1; }	# q DB SQL
dump() { sqlite3 -batch "$1" .dump | grep -v "^INSERT INTO meta VALUES('built',"; }
# The content that does not depend on row ids: issues with their article
# counts, and every article's key and title.
content() {
	q "$1" "SELECT i.source_name, i.key, i.title, count(a.id)
	    FROM issues i LEFT JOIN articles a ON a.issue_id = i.id
	    GROUP BY i.id ORDER BY i.source_name;
	    SELECT a.key, a.title FROM articles a ORDER BY a.key;"
}
narticles() { q "$1" 'SELECT count(*) FROM articles;'; }
nissues() { q "$1" 'SELECT count(*) FROM issues;'; }
tmpfiles() { ls -A "$1" | grep '\.tmp-' ; }
# has_tmp DIR DB PID: the importer PID's temporary directory for DB,
# .DB.tmp-PID-XXXXXX, is in DIR
has_tmp() {
	for _t in "$1/.$2.tmp-$3-"*; do
		[ -e "$_t" ] && return 0
	done
	return 1
}
# ms: a clock in milliseconds (GNU date), else in whole seconds.
ms() {
	t=$(date +%s%N 2>/dev/null)
	case "$t" in
	*N|'') echo $(($(date +%s) * 1000)) ;;
	*) echo $((t / 1000000)) ;;
	esac
}
rnd() { od -An -N2 -tu2 /dev/urandom | tr -d ' \n'; }	# 0..65535

mkdir -p "$tmp/d"
imp_q() { "$imp" -q --data-dir "$data" "$@" 2>"$tmp/err"; }

# 1. Determinism: two fresh builds give the same dump (but for the
# 'built' time), and the JSON dump is the same twice.
imp_q --new -o "$tmp/d/a.db" $corpus || fail "first build: $(cat "$tmp/err")"
sleep 1		# a different 'built' second
imp_q --new -o "$tmp/d/b.db" $corpus || fail "second build: $(cat "$tmp/err")"
dump "$tmp/d/a.db" >"$tmp/a.dump"
dump "$tmp/d/b.db" >"$tmp/b.dump"
[ -s "$tmp/a.dump" ] || fail "empty dump"
cmp -s "$tmp/a.dump" "$tmp/b.dump" ||
    fail "dumps differ: $(diff "$tmp/a.dump" "$tmp/b.dump" | head -n 4 |
    cut -c1-150)"
"$imp" -q --json --data-dir "$data" $corpus >"$tmp/j1" 2>/dev/null
"$imp" -q --json --data-dir "$data" $corpus >"$tmp/j2" 2>/dev/null
cmp -s "$tmp/j1" "$tmp/j2" || fail "--json outputs differ"
check "determinism: two builds give the same database and JSON"
total=$(narticles "$tmp/d/a.db")

# 2. Several files in one run: every file is an issue, and the articles
# add up to those of the files imported one by one.
sum=0
for f in $corpus; do
	imp_q --new -o "$tmp/d/one.db" "$f"
	sum=$((sum + $(narticles "$tmp/d/one.db")))
done
[ "$(nissues "$tmp/d/a.db")" = "$ncorpus" ] ||
    fail "$(nissues "$tmp/d/a.db") issues for $ncorpus files"
[ "$total" = "$sum" ] || fail "$total articles in one run, $sum one by one"
[ "$(q "$tmp/d/a.db" 'PRAGMA integrity_check;')" = ok ] ||
    fail "integrity_check failed"
check "$ncorpus files in one run: $ncorpus issues, $total articles"

# 3. Re-importing the same files into the database changes nothing.
cp "$tmp/d/a.db" "$tmp/d/re.db"
imp_q -o "$tmp/d/re.db" $corpus || fail "re-import: $(cat "$tmp/err")"
content "$tmp/d/a.db" >"$tmp/c.a"
content "$tmp/d/re.db" >"$tmp/c.re"
cmp -s "$tmp/c.a" "$tmp/c.re" || fail "content differs after re-import"
check "re-importing the same files keeps the same content"

# 4. Adding a file keeps the others: c1 c2, then c3 == c1 c2 c3.
imp_q --new -o "$tmp/d/add.db" "$c1" "$c2"
n2=$(nissues "$tmp/d/add.db")
imp_q -o "$tmp/d/add.db" "$c3" || fail "adding: $(cat "$tmp/err")"
imp_q --new -o "$tmp/d/all3.db" "$c1" "$c2" "$c3"
[ "$n2" = 2 ] || fail "$n2 issues after two files"
content "$tmp/d/add.db" >"$tmp/c.add"
content "$tmp/d/all3.db" >"$tmp/c.all3"
cmp -s "$tmp/c.add" "$tmp/c.all3" ||
    fail "adding a file: $(diff "$tmp/c.all3" "$tmp/c.add" | head -n 4)"
check "adding a file to a database keeps the others"

# 5. Replacing a file replaces its issue: the same path imported again
# after it was cut to its first third (a different issue key).
mkdir -p "$tmp/src"
b3=$(basename "$c3")
src=$tmp/src/$b3
cp "$c3" "$src"
imp_q --new -o "$tmp/d/rep.db" "$c1" "$c2" "$src"
lines=$(wc -l <"$c3")
head -n $((lines / 3)) "$c3" >"$src"
imp_q -o "$tmp/d/rep.db" "$src"
[ $? -le 1 ] || fail "replacing: $(cat "$tmp/err")"
imp_q --new -o "$tmp/d/short.db" "$src"
short=$(narticles "$tmp/d/short.db")
want=$(($(narticles "$tmp/d/all3.db") - $(q "$tmp/d/all3.db" "SELECT
    narticles FROM issues WHERE source_name = '$b3';") + short))
[ "$(nissues "$tmp/d/rep.db")" = 3 ] ||
    fail "$(nissues "$tmp/d/rep.db") issues, expected 3"
[ "$(narticles "$tmp/d/rep.db")" = "$want" ] ||
    fail "$(narticles "$tmp/d/rep.db") articles, expected $want"
got=$(q "$tmp/d/rep.db" "SELECT count(*) FROM issues WHERE source = '$src';")
[ "$got" = 1 ] || fail "$got issues from $src, expected 1"
check "replacing a file replaces its issue ($short articles now)"

# 6. --new starts afresh.
imp_q --new -o "$tmp/d/rep.db" "$c2"
[ "$(nissues "$tmp/d/rep.db")" = 1 ] ||
    fail "$(nissues "$tmp/d/rep.db") issues after --new with one file"
[ "$(q "$tmp/d/rep.db" 'SELECT source_name FROM issues;')" = \
    "$(basename "$c2")" ] || fail "not the file given"
check "--new starts from an empty database"

# 7. Readers keep working while imports run again and again: one holds
# its connection (the old file) open, one opens the database anew for
# every query.
db=$tmp/d/live.db
cp "$tmp/d/a.db" "$db"
rm -f "$tmp/stop"
( while [ ! -e "$tmp/stop" ]; do
	echo 'SELECT count(*) FROM articles;'
	sleep 0.02
done ) | sqlite3 -batch "$db" >"$tmp/reader1" 2>&1 &
bgpids="$bgpids $!"
( while [ ! -e "$tmp/stop" ]; do
	sqlite3 -batch "$db" 'SELECT count(*) FROM articles;' 2>&1 ||
	    echo "sqlite3 exit status $?"
done ) >"$tmp/reader2" 2>&1 &
r2=$!
bgpids="$bgpids $r2"
i=0
while [ $i -lt 6 ]; do
	imp_q -o "$db" $corpus || fail "import $i: $(cat "$tmp/err")"
	i=$((i + 1))
done
touch "$tmp/stop"
wait
bgpids=
bad1=$(grep -v -x "$total" "$tmp/reader1" | head -n 3)
bad2=$(grep -v -x "$total" "$tmp/reader2" | head -n 3)
[ -s "$tmp/reader1" ] || fail "the open reader read nothing"
[ -s "$tmp/reader2" ] || fail "the reopening reader read nothing"
[ -z "$bad1" ] || fail "open reader: $bad1"
[ -z "$bad2" ] || fail "reopening reader: $bad2"
[ -z "$(tmpfiles "$tmp/d")" ] || fail "left: $(tmpfiles "$tmp/d")"
check "readers during 6 imports: $(wc -l <"$tmp/reader1" | tr -d ' ') +" \
    "$(wc -l <"$tmp/reader2" | tr -d ' ') queries, all $total, no error"

# A big input so that an import runs long enough to be killed: copies of
# the corpus under other names (issues with the same key replace each
# other, so the database keeps the same articles).
copies=${KB_ATOMIC_COPIES:-10}
mkdir -p "$tmp/big"
i=0
while [ $i -lt "$copies" ]; do
	for f in $corpus; do
		ln -s "$top/$f" "$tmp/big/copy$i-$(basename "$f")"
	done
	i=$((i + 1))
done
db=$tmp/d/kill.db
cp "$tmp/d/a.db" "$db"
t0=$(ms)
imp_q -o "$db" "$tmp"/big/*
rc=$?
t1=$(ms)
dur=$((t1 - t0))
[ "$dur" -gt 0 ] || dur=1000
[ $rc -le 1 ] || fail "the big import: status $rc: $(head -n 3 "$tmp/err")"
[ "$(narticles "$db")" = "$total" ] ||
    fail "big import: $(narticles "$db") articles, expected $total"
check "a big import ($((copies * ncorpus)) files, ${dur} ms)"

# 8. SIGKILL at random points: the database is the old one or a whole
# new one, never damaged; the temporary file stays (nothing can remove
# it) until the next run, which removes it.
rounds=${KB_ATOMIC_KILLS:-8}
i=0
mid=0
early=0
late=0
while [ $i -lt "$rounds" ]; do
	sum0=$(cksum <"$db")
	# uniform over the whole run, plus a little: some kills land
	# while the database is copied, indexed, or renamed.
	delay=$(( $(rnd) % (dur * 11 / 10 + 1) ))
	"$imp" -q -o "$db" --data-dir "$data" "$tmp"/big/* 2>/dev/null &
	pid=$!
	sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
	left_before=$(tmpfiles "$tmp/d")
	if kill -KILL $pid 2>/dev/null; then
		if [ -n "$left_before" ]; then
			mid=$((mid + 1))
		else
			early=$((early + 1))
		fi
	else
		late=$((late + 1))	# it had finished
	fi
	{ wait $pid; } 2>/dev/null
	ic=$(q "$db" 'PRAGMA integrity_check;')
	na=$(narticles "$db")
	[ "$ic" = ok ] || fail "kill after ${delay} ms: integrity_check: $ic"
	[ "$na" = "$total" ] ||
	    fail "kill after ${delay} ms: $na articles, expected $total"
	if [ "$(cksum <"$db")" != "$sum0" ] && [ -n "$left_before" ]; then
		: # killed after the rename: a whole new database
	fi
	i=$((i + 1))
done
check "SIGKILL at $rounds random points ($early before the temporary" \
    "file, $mid with it, $late after the end): database intact"

# The next run removes the dead importers' temporary files.
: >"$tmp/d/.kill.db.tmp-999999999"	# no such process
: >"$tmp/d/.kill.db.tmp-999999999-journal"
imp_q -o "$db" "$c1"
[ $? -le 1 ] || fail "run after the kills: $(cat "$tmp/err")"
[ -z "$(tmpfiles "$tmp/d")" ] || fail "left: $(tmpfiles "$tmp/d")"
[ "$(q "$db" 'PRAGMA integrity_check;')" = ok ] || fail "integrity_check"
check "the next run leaves no .kill.db.tmp-* file behind"

# 9. SIGTERM removes the temporary file at once (and SIGINT, SIGHUP):
# sent a third of the way into the import.
for sig in TERM INT HUP; do
	# an import that ends before the signal (a loaded machine that made
	# the measured time long) proves nothing: again, sooner
	delay=$((dur / 3))
	try=0
	while :; do
		sum0=$(cksum <"$db")
		"$imp" -q -o "$db" --data-dir "$data" "$tmp"/big/* 2>/dev/null &
		pid=$!
		seen=0
		i=0
		while [ $i -lt 500 ]; do	# up to 10 s for the temp file
			if has_tmp "$tmp/d" kill.db $pid; then
				seen=1
				break
			fi
			kill -0 $pid 2>/dev/null || break
			sleep 0.02
			i=$((i + 1))
		done
		sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
		kill -$sig $pid 2>/dev/null
		{ wait $pid; } 2>/dev/null
		rc=$?
		try=$((try + 1))
		[ $rc -le 1 ] && [ $seen -eq 1 ] && [ $try -lt 5 ] || break
		delay=$((delay / 2))
		rm -rf "$tmp/d"/.kill.db.tmp-*
	done
	if [ $seen -eq 0 ]; then
		fail "SIG$sig: no temporary file seen (status $rc)"
	else
		[ -z "$(tmpfiles "$tmp/d")" ] ||
		    fail "SIG$sig: left $(tmpfiles "$tmp/d" | tr '\n' ' ')"
		[ "$(cksum <"$db")" = "$sum0" ] ||
		    fail "SIG$sig: the database changed"
		[ $rc -gt 128 ] || fail "SIG$sig: exit status $rc"
	fi
	rm -rf "$tmp/d"/.kill.db.tmp-*	# so that the next round starts clean
done
check "SIGTERM, SIGINT, SIGHUP remove the temporary file at once"

# 10. SIGTERM at the very start, while the existing database is being
# copied into the temporary one (a busy wait for the temporary file):
# nothing is left, not even a journal.
sum0=$(cksum <"$db")
"$imp" -q -o "$db" --data-dir "$data" "$tmp"/big/* 2>/dev/null &
pid=$!
seen=0
i=0
while [ $i -lt 300000 ]; do
	if has_tmp "$tmp/d" kill.db $pid; then
		kill -TERM $pid
		seen=1
		break
	fi
	i=$((i + 1))
done
{ wait $pid; } 2>/dev/null
rc=$?
if [ $seen -eq 0 ]; then
	skip "SIGTERM at the start: the temporary file was never seen"
else
	[ -z "$(tmpfiles "$tmp/d")" ] ||
	    fail "left $(tmpfiles "$tmp/d" | tr '\n' ' ')"
	[ "$(cksum <"$db")" = "$sum0" ] || fail "the database changed"
	[ $rc -gt 128 ] || fail "exit status $rc"
	check "SIGTERM at the very start: nothing left, not even a journal"
fi
rm -rf "$tmp/d"/.kill.db.tmp-*

# 11. Two importers on one database at once: neither loses the other's
# issue (the second waits for the first).
db=$tmp/d/two.db
cp "$tmp/d/a.db" "$db"
"$imp" -q -o "$db" --data-dir "$data" "$tmp"/big/* 2>/dev/null &
pid=$!
i=0
while ! has_tmp "$tmp/d" two.db $pid && [ $i -lt 500 ] &&
    kill -0 $pid 2>/dev/null; do
	sleep 0.02
	i=$((i + 1))
done
extra=$tmp/src/extra.txt
printf '原子性测试专用文章\n\n这是一段只为本测试写的正文，不会与语料重复。\n' >"$extra"
imp_q -o "$db" "$extra"
rc2=$?
wait $pid
rc1=$?
[ $rc1 -le 1 ] || fail "the first importer: exit status $rc1"
[ $rc2 -le 1 ] || fail "the second importer: exit status $rc2"
got=$(q "$db" "SELECT count(*) FROM issues WHERE source = '$extra';")
[ "$got" = 1 ] || fail "the second importer's issue was lost"
[ "$(nissues "$db")" = $((ncorpus + 1)) ] ||
    fail "$(nissues "$db") issues, expected $((ncorpus + 1))"
[ -z "$(tmpfiles "$tmp/d")" ] || fail "left: $(tmpfiles "$tmp/d")"
check "two importers at once on one database: both issues kept"

# 12. A read-only target directory: one FATAL line naming it, exit 3,
# nothing left.  As root, without the capability that overrides
# permissions.
ro=$tmp/ro
mkdir -p "$ro"
cp "$tmp/d/a.db" "$ro/kb.db"
sum0=$(cksum <"$ro/kb.db")
chmod 555 "$ro"
pre=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 && setpriv \
	    --bounding-set=-dac_override,-dac_read_search true 2>/dev/null; then
		pre="setpriv --bounding-set=-dac_override,-dac_read_search"
	else
		pre=none
	fi
fi
if [ "$pre" = none ]; then
	skip "read-only target directory: running as root without setpriv"
else
	for target in "$ro/kb.db" "$ro/new.db"; do
		$pre "$imp" -o "$target" --data-dir "$data" "$c1" \
		    >/dev/null 2>"$tmp/err"
		rc=$?
		[ $rc -eq 3 ] || fail "$target: exit status $rc, expected 3"
		nl=$(wc -l <"$tmp/err" | tr -d ' ')
		[ "$nl" -eq 1 ] || fail "$target: $nl lines on stderr"
		# the directory, where the new file is made, and why not
		grep -q "^kuaibao-import: $ro: FATAL: .*Permission denied" \
		    "$tmp/err" || fail "$target: not one FATAL line naming $ro\
		    and the system error: $(cat "$tmp/err")"
	done
	[ "$(cksum <"$ro/kb.db")" = "$sum0" ] || fail "the database changed"
	[ "$(ls -A "$ro")" = kb.db ] || fail "left: $(ls -A "$ro")"
	check "read-only target directory: one FATAL line, exit 3"
fi
chmod 755 "$ro"

# 13. The next monthly issue into a larger archive (it brings less than
# a tenth of the archive's articles: the copy made at the start is the
# compacted one, the index merged only where FTS5 would): every issue is
# kept, the new one added and found by a search, the file whole, and the
# index, after 16 such updates, in few segments (one after --new).
# segments DB: the number of segments of the full-text index, read from
# its structure record (fts5_index.c: a 4-byte cookie, perhaps the
# 4-byte V2 marker, then varints: levels, segments)
segments() {
	python3 - "$1" <<'PY'
import sqlite3, sys
rec = sqlite3.connect(sys.argv[1]).execute(
    "SELECT block FROM fts_data WHERE id = 10").fetchone()[0]
i = 8 if rec[4:8] == b"\xff\x00\x00\x01" else 4
vals = []
while len(vals) < 2:
    v = 0
    while True:
        v = (v << 7) | (rec[i] & 0x7f)
        i += 1
        if rec[i - 1] < 0x80:
            break
    vals.append(v)
print(vals[1])
PY
}
mkdir -p "$tmp/months"
big=$tmp/d/big.db
imp_q --new -o "$big" "$c1" "$c2"
nseg=$(segments "$big")
[ "$nseg" = 1 ] || fail "$nseg index segments after --new, expected 1"
y=2001
while [ $y -le 2016 ]; do
	cp "$c1" "$tmp/months/$y.txt"
	imp_q -o "$big" --date "$y-01-05" "$tmp/months/$y.txt" ||
	    fail "update $y: $(cat "$tmp/err")"
	y=$((y + 1))
done
imp_q --new -o "$tmp/d/c3.db" "$c3"
na0=$(narticles "$big") ni0=$(nissues "$big") na3=$(narticles "$tmp/d/c3.db")
[ $((na3 * 10)) -lt "$na0" ] ||
    fail "the archive ($na0 articles) is too small for $c3 ($na3)"
content "$big" >"$tmp/c.before"
imp_q -o "$big" "$c3" || fail "the monthly update: $(cat "$tmp/err")"
[ "$(nissues "$big")" = $((ni0 + 1)) ] ||
    fail "$(nissues "$big") issues, expected $((ni0 + 1))"
[ "$(narticles "$big")" = $((na0 + na3)) ] ||
    fail "$(narticles "$big") articles, expected $na0 + $na3"
content "$tmp/d/c3.db" | cat "$tmp/c.before" - | sort >"$tmp/c.expect"
content "$big" | sort >"$tmp/c.got"
cmp -s "$tmp/c.expect" "$tmp/c.got" ||
    fail "content: $(diff "$tmp/c.expect" "$tmp/c.got" | head -n 4)"
[ "$(q "$big" 'PRAGMA integrity_check;')" = ok ] || fail "integrity_check"
[ "$(q "$big" 'PRAGMA freelist_count;')" = 0 ] ||
    fail "$(q "$big" 'PRAGMA freelist_count;') free pages"
# a two-character word: the start of the first title that opens with one
first="FROM articles WHERE unicode(title) BETWEEN 19968 AND 40959 AND
    unicode(substr(title, 2)) BETWEEN 19968 AND 40959 ORDER BY id LIMIT 1"
key=$(q "$tmp/d/c3.db" "SELECT key $first;")
word=$(q "$tmp/d/c3.db" "SELECT substr(title, 1, 2) $first;")
HOME=$tmp "${KB_BUILD:-build}/kuaibao" -d "$big" --search "$word" --limit 1000 \
    >"$tmp/found" 2>&1 || fail "--search $word: $(head -n 2 "$tmp/found")"
grep -q "^$key " "$tmp/found" ||
    fail "--search $word does not find $key: $(head -n 3 "$tmp/found")"
nseg=$(segments "$big")
[ "$nseg" -le 6 ] || fail "$nseg index segments after 17 updates"
check "17 small updates: all issues kept, the new one searchable, $nseg index segments"

# 14. A database that cannot be read past its header: one FATAL line
# naming it, exit 3, the file unchanged, nothing left beside it.
mkdir -p "$tmp/bad"
cp "$tmp/d/a.db" "$tmp/bad/kb.db"
python3 -c 'import sys
f = open(sys.argv[1], "r+b"); f.seek(8192); f.write(b"\xff" * 65536)' \
    "$tmp/bad/kb.db"
sum0=$(cksum <"$tmp/bad/kb.db")
"$imp" -o "$tmp/bad/kb.db" --data-dir "$data" "$c1" >/dev/null 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] || fail "exit status $rc, expected 3"
[ "$(wc -l <"$tmp/err" | tr -d ' ')" -eq 1 ] &&
    grep -q "^kuaibao-import: $tmp/bad/kb.db: FATAL: " "$tmp/err" ||
    fail "not one FATAL line naming the database: $(cat "$tmp/err")"
[ "$(cksum <"$tmp/bad/kb.db")" = "$sum0" ] || fail "the database changed"
[ "$(ls -A "$tmp/bad")" = kb.db ] || fail "left: $(ls -A "$tmp/bad")"
check "a malformed database: one FATAL line, exit 3, unchanged"

echo "1..$n"
[ "$fails" -eq 0 ]

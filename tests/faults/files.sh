#!/bin/sh
# Files on a shared host: what another user can do to kuaibao-import's
# temporary files and lock, to the reader's state directory, and what
# a database path can smuggle into SQLite's URI.
#
# As root, two ordinary users are made if missing (kbtest-mallory, the
# hostile one, and kbtest-alice, who imports); without root the tests
# that need them are skipped.
#
#  1. In a 1777 directory mallory plants symbolic links to a database
#     of alice's under the temporary names the importer used to take
#     (.k.db.tmp-PID and .k.db.tmp-PID.packed, for the next 3000 PIDs);
#     alice's import into that directory leaves her database, and her
#     directory, exactly as they were, and makes k.db, a regular file
#     of hers.  strace shows why: the temporary files are made in a
#     directory with a random name (.k.db.tmp-PID-XXXXXX, mode 0700)
#     and with O_CREAT|O_EXCL|O_NOFOLLOW, and no file is opened by an
#     old name or outside the temporary directory but the database
#     itself.  Two runs draw different names.
#  2. A dead importer's temporary directory that cannot be removed
#     stops the import: exit 3, one line naming it, the database as
#     it was.
#  3. state.db a symbolic link to another database: the reader says
#     on its status line that marks will not be kept and why, and the
#     other database is unchanged (same checksum, no -wal or -shm).
#  4. A state directory of mode 0777, and (as root) one owned by
#     mallory: refused with one line on the status line naming it and
#     the reason; nothing is written in it.  The reader works, as it
#     does in a read-only state directory of alice's own.
#  5. -d 's.db#/k.db', where s.db is another database with a hot
#     journal: k.db is read, and s.db and its journal are untouched.
#     -d 'a#b/k.db' creates no file a.
#  6. A directory held with flock -x: the import gives up after
#     KUAIBAO_LOCK_WAIT=1 seconds with one FATAL line naming the
#     holder (its pid and "flock").
#  7. A target of mode 0640 with another group, and one of mode 0444,
#     keep their mode and group after an import.
#  8. A target that is a symbolic link is refused (exit 3, one line,
#     the link and its file unchanged); with --follow the file it
#     points to is updated and the link stays.
. tests/faults/lib.sh
need_binaries

set -- data/corpus/*.txt
C1=$1 C2=$2 C3=$3
good=$TMP/good.db
cp "$KB_DB" "$good"

ROOT=
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 &&
    command -v useradd >/dev/null 2>&1 && ROOT=1
MALLORY=kbtest-mallory
ALICE=kbtest-alice
# as USER COMMAND...: COMMAND as USER, with that user's groups
as() {
	_u=$1
	shift
	setpriv --reuid="$_u" --regid="$_u" --init-groups "$@"
}
if [ -n "$ROOT" ]; then
	for _u in $MALLORY $ALICE; do
		id "$_u" >/dev/null 2>&1 || useradd --system --user-group \
		    --no-create-home --shell /usr/sbin/nologin "$_u" ||
		    ROOT=
	done
fi
if [ -n "$ROOT" ]; then
	# the other users reach their directories, and the sources
	chmod 711 "$TMP"
	mkdir -p "$TMP/src"
	cp "$C1" "$C2" "$C3" data/countries.tsv data/themes.tsv "$TMP/src"
	chmod -R a+rX "$TMP/src"
	C1=$TMP/src/$(basename "$C1") C2=$TMP/src/$(basename "$C2")
	C3=$TMP/src/$(basename "$C3")
	DATA=$TMP/src
	ALICE_UID=$(id -u $ALICE)
else
	DATA=data
fi
imp() { "$KB_IMPORT" -q --data-dir "$DATA" "$@"; }
sum() { cksum <"$1"; }
nissues() { sqlite3 -batch "$1" 'SELECT count(*) FROM issues' 2>&1; }
# lines FILE: its number of lines
lines() { wc -l <"$1" | tr -d ' '; }
# one_fatal ERE COMMAND...: COMMAND exits 3 with one line on stderr,
# matching ERE; why not, in $why (reset first)
one_fatal() {
	_re=$1
	shift
	"$@" >/dev/null 2>"$TMP/err"
	_rc=$?
	why=
	[ "$_rc" -eq 3 ] || why="$why exit status $_rc, expected 3;"
	[ "$(lines "$TMP/err")" -eq 1 ] || why="$why $(lines "$TMP/err") lines on stderr;"
	grep -qE -- "$_re" "$TMP/err" ||
	    why="$why not the FATAL line expected ($_re): $(cat "$TMP/err");"
}

# ---- 1. the temporary files in a shared directory ----------------

# asuser: the prefix that runs a command as alice when root (root may
# remove anything), else nothing
asuser=
[ -n "$ROOT" ] && asuser="setpriv --reuid=$ALICE --regid=$ALICE --init-groups"
shared=$TMP/shared
home=$TMP/alice
mkdir -p "$shared" "$home"
chmod 1777 "$shared"
if [ -n "$ROOT" ]; then
	chown $ALICE: "$home"
	# alice's own database, of another program
	as $ALICE "$PY" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE notes(t)")
c.execute("INSERT INTO notes VALUES (\x27mine\x27)")
c.commit()' "$home/victim.db"
	victim=$(sum "$home/victim.db")
	ls -A "$home" >"$TMP/home.before"
	next=$(($(cat /proc/sys/kernel/ns_last_pid) + 1))
	max=$(cat /proc/sys/kernel/pid_max)
	as $MALLORY "$PY" - "$shared" "$home/victim.db" "$next" "$max" <<'EOF'
import os, sys
shared, victim, first, pid_max = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for i in range(3000):
    pid = (first + i) % pid_max
    for name in (".k.db.tmp-%d" % pid, ".k.db.tmp-%d.packed" % pid,
                 ".k.db.tmp-%d-journal" % pid):
        os.symlink(victim, os.path.join(shared, name))
EOF
fi
nplanted=$(ls -A "$shared" | wc -l)
if command -v strace >/dev/null 2>&1; then
	trace="strace -f -qq -o $TMP/trace -e trace=openat,open,creat,mkdir,mkdirat"
else
	trace=
fi
$trace $asuser "$KB_IMPORT" -q --data-dir "$DATA" -o "$shared/k.db" "$C2" \
    2>"$TMP/err"
rc=$?
if [ -n "$ROOT" ]; then
	why=
	[ "$rc" -le 1 ] || why="$why exit status $rc: $(head -c 300 "$TMP/err");"
	[ "$(sum "$home/victim.db")" = "$victim" ] ||
	    why="$why alice's victim.db was written to;"
	ls -A "$home" >"$TMP/home.after"
	cmp -s "$TMP/home.before" "$TMP/home.after" ||
	    why="$why made in alice's directory: $(comm -13 "$TMP/home.before" "$TMP/home.after" | tr '\n' ' ');"
	if [ -L "$shared/k.db" ] || [ ! -f "$shared/k.db" ]; then
		why="$why k.db is not a regular file;"
	elif [ "$(stat -c %u "$shared/k.db")" != "$ALICE_UID" ]; then
		why="$why k.db is not alice's;"
	elif [ "$(nissues "$shared/k.db")" != 1 ]; then
		why="$why k.db holds $(nissues "$shared/k.db") issues, not 1;"
	fi
	left=$(ls -A "$shared" | grep -v '^k\.db$' | wc -l)
	[ "$left" -eq "$nplanted" ] ||
	    why="$why $nplanted links planted, $left files beside k.db after;"
	verdict "symbolic links planted for the temporary files ($nplanted, by another user in a 1777 directory): alice's database and directory unchanged, k.db hers" "$why"
else
	skip "symbolic links planted for the temporary files" "not root: no second user"
fi

if [ -z "$trace" ]; then
	skip "the temporary files: a random directory, O_EXCL|O_NOFOLLOW" "strace is missing"
else
	why=
	[ "$rc" -le 1 ] || why="$why exit status $rc: $(head -c 300 "$TMP/err");"
	# the directory made for the temporary files, 0700
	tdir=$(grep -E "mkdir(at)?\(.*\"$shared/\.k\.db\.tmp-[0-9]+-[A-Za-z0-9]{6}\", 0700\) = 0" "$TMP/trace" |
	    sed -E 's/.*"([^"]*)".*/\1/' | head -n 1)
	if [ -z "$tdir" ]; then
		why="$why no mkdir of $shared/.k.db.tmp-PID-XXXXXX with mode 0700;"
	else
		# every file the importer creates: in it, exclusively,
		# following no link
		grep -E 'open(at)?\(.*O_CREAT' "$TMP/trace" |
		    grep -F "\"$shared/" >"$TMP/creat"
		grep -vF "\"$tdir/" "$TMP/creat" >"$TMP/outside"
		[ -s "$TMP/outside" ] &&
		    why="$why files created outside $tdir: $(head -n 2 "$TMP/outside");"
		# (the first open of each: SQLite opens them again)
		grep -E "\"$tdir/[^\"]*\", [^)]*O_CREAT" "$TMP/creat" |
		    grep -v -- '-journal"' |
		    awk -F'"' '!seen[$2]++' >"$TMP/made"
		[ -s "$TMP/made" ] || why="$why no file created in $tdir;"
		grep -v 'O_EXCL' "$TMP/made" | grep -q . &&
		    why="$why created without O_EXCL: $(grep -v O_EXCL "$TMP/made" | head -n 1);"
		grep -v 'O_NOFOLLOW' "$TMP/made" | grep -q . &&
		    why="$why created without O_NOFOLLOW: $(grep -v O_NOFOLLOW "$TMP/made" | head -n 1);"
	fi
	# nothing is opened by an old name, nor in alice's directory
	grep -E "\"$shared/\.k\.db\.tmp-[0-9]+(\.packed|-journal)?\"" "$TMP/trace" >"$TMP/old"
	[ -s "$TMP/old" ] && why="$why opened by a predictable name: $(head -n 1 "$TMP/old");"
	grep -F "\"$home/" "$TMP/trace" >"$TMP/inhome"
	[ -s "$TMP/inhome" ] && why="$why opened in alice's directory: $(head -n 1 "$TMP/inhome");"
	# a second run draws another name
	$trace $asuser "$KB_IMPORT" -q --data-dir "$DATA" -o "$shared/k.db" \
	    "$C3" 2>/dev/null
	tdir2=$(grep -E "mkdir(at)?\(.*\"$shared/\.k\.db\.tmp-" "$TMP/trace" |
	    sed -E 's/.*"([^"]*)".*/\1/' | head -n 1)
	[ -n "$tdir" ] && [ "${tdir##*-}" = "${tdir2##*-}" ] &&
	    why="$why two runs drew the same name (${tdir##*-});"
	verdict "the temporary files: in a directory of a random name ($(basename "${tdir:-none}")), 0700, made with O_CREAT|O_EXCL|O_NOFOLLOW; no old name opened" "$why"
fi

# ---- 2. a temporary file that cannot be removed --------------------

st=$TMP/stale
mkdir -p "$st"
imp --new -o "$st/k.db" "$C1"
mkdir "$st/.k.db.tmp-999999999-AbCdEf"
: >"$st/.k.db.tmp-999999999-AbCdEf/new.db"
[ -n "$ROOT" ] && chown -R $ALICE: "$st"
chmod 500 "$st/.k.db.tmp-999999999-AbCdEf"
s0=$(sum "$st/k.db")
one_fatal "^kuaibao-import: $st/\.k\.db\.tmp-999999999-AbCdEf: FATAL: " \
    $asuser "$KB_IMPORT" -q --data-dir "$DATA" -o "$st/k.db" "$C2"
[ "$(sum "$st/k.db")" = "$s0" ] || why="$why the database changed;"
verdict "a dead importer's file that cannot be removed: exit 3, one FATAL line naming it" "$why"
chmod 700 "$st/.k.db.tmp-999999999-AbCdEf"

# ---- 3, 4. the state directory -------------------------------------

# state_refused NAME XDG_STATE_HOME ERE [PREFIX...]: the reader (run
# by PREFIX) starts with a warning on its status line matching ERE
# (after "阅读标记不会保存：", marks will not be kept), flags an article,
# quits with status 0 and nothing on stderr
state_refused() {
	_name=$1 _st=$2 _re=$3
	shift 3
	why=
	start "$_name" 220 30 XDG_STATE_HOME="$_st" -- "$@" "$KB" -d "$good"
	if wait_status "$_name" "阅读标记不会保存：.*$_re"; then
		echo "# $(tail -n 1 "$LAST" | sed 's/  *$//')"
	else
		why="$why no warning matching '$_re' on the status line: '$(tail -n 1 "$LAST" | sed 's/  *$//')';"
	fi
	keys "$_name" j j Enter
	wait_re "$_name" '│ ─────' >/dev/null && keys "$_name" m
	o=$(quit_why "$_name")
	[ -z "$o" ] || why="$why $o;"
}

# 3. state.db a link to another database
sl=$TMP/sl/kuaibao
mkdir -p "$sl"
chmod 700 "$sl"
other=$TMP/other.db
cp "$good" "$other"
ln -s "$other" "$sl/state.db"
s0=$(sum "$other")
state_refused link "$TMP/sl" "state\.db: a symbolic link"
[ "$(sum "$other")" = "$s0" ] || why="$why the database it points to changed;"
[ -e "$other-wal" ] || [ -e "$other-shm" ] && why="$why a -wal or -shm file beside it;"
[ -L "$sl/state.db" ] || why="$why state.db is no longer the link;"
verdict "state.db a symbolic link to another database: not followed, the warning on the status line, the other database unchanged" "$why"

# 4. a state directory of mode 0777, and one owned by another user
mkdir -p "$TMP/s777/kuaibao"
chmod 777 "$TMP/s777/kuaibao"
state_refused s777 "$TMP/s777" "$TMP/s777/kuaibao: writable by others"
[ -z "$(ls -A "$TMP/s777/kuaibao")" ] || why="$why written in it: $(ls -A "$TMP/s777/kuaibao");"
verdict "a state directory of mode 0777: refused with one line naming it and why, nothing written in it" "$why"
if [ -n "$ROOT" ]; then
	mkdir -p "$TMP/smal/kuaibao"
	chown $MALLORY: "$TMP/smal/kuaibao"
	state_refused smal "$TMP/smal" "$TMP/smal/kuaibao: owned by uid $(id -u $MALLORY)"
	[ -z "$(ls -A "$TMP/smal/kuaibao")" ] || why="$why written in it: $(ls -A "$TMP/smal/kuaibao");"
	verdict "a state directory owned by another user: refused with one line naming it and why, nothing written in it" "$why"
	# and one of alice's own that she cannot write in: as before
	mkdir -p "$TMP/sro/kuaibao"
	chown $ALICE: "$TMP/sro/kuaibao"
	chmod 500 "$TMP/sro/kuaibao"
	state_refused sro "$TMP/sro" "sro/kuaibao/state\.db: " \
	    setpriv --reuid=$ALICE --regid=$ALICE --init-groups
	verdict "a read-only state directory of one's own (as another user): the reader warns and works" "$why"
else
	skip "a state directory owned by another user" "not root"
	skip "a read-only state directory of one's own" "not root"
fi

# ---- 5. '#' in the database path ---------------------------------

u=$TMP/uri
mkdir -p "$u/s.db#" "$u/a#b"
cp "$good" "$u/s.db#/k.db"
cp "$good" "$u/a#b/k.db"
# s.db: a database with a hot journal (a transaction that spilled to
# the file, copied with its journal while it was open)
"$PY" - "$u" <<'EOF'
import os, shutil, sqlite3, sys
d = sys.argv[1]
src = os.path.join(d, "src.db")
c = sqlite3.connect(src, isolation_level=None)
c.executescript("PRAGMA journal_mode=DELETE; CREATE TABLE t(x);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<400)"
    " INSERT INTO t SELECT randomblob(1000) FROM n;")
c.execute("PRAGMA cache_size=1")
c.execute("BEGIN")
c.execute("UPDATE t SET x = randomblob(1000)")
for ext in ("", "-journal"):
    shutil.copyfile(src + ext, os.path.join(d, "s.db" + ext))
    shutil.copyfile(src + ext, os.path.join(d, "hot.db" + ext))
c.execute("ROLLBACK")
EOF
# the journal is hot: SQLite, opening hot.db, rolls it back
sqlite3 "$u/hot.db" 'SELECT count(*) FROM t' >/dev/null 2>&1
if [ -e "$u/hot.db-journal" ] || [ "$(sum "$u/hot.db")" = "$(sum "$u/s.db")" ]; then
	fail "'#' in -d: s.db's journal is hot (test set-up)" "hot.db-journal was not rolled back"
else
	s0=$(sum "$u/s.db")
	j0=$(sum "$u/s.db-journal")
	why=
	(cd "$u" && "$KB" -d 's.db#/k.db' --list >"$TMP/out" 2>"$TMP/err")
	rc=$?
	[ "$rc" -eq 0 ] || why="$why exit status $rc: $(head -c 300 "$TMP/err");"
	"$KB" -d "$good" --list >"$TMP/want"
	cmp -s "$TMP/out" "$TMP/want" || why="$why not the listing of s.db#/k.db;"
	[ "$(sum "$u/s.db")" = "$s0" ] || why="$why s.db changed;"
	if [ -e "$u/s.db-journal" ]; then
		[ "$(sum "$u/s.db-journal")" = "$j0" ] || why="$why s.db-journal changed;"
	else
		why="$why s.db-journal is gone (rolled back);"
	fi
	verdict "-d 's.db#/k.db': k.db is read; s.db and its hot journal are untouched" "$why"
fi
why=
(cd "$u" && "$KB" -d 'a#b/k.db' --list >"$TMP/out" 2>"$TMP/err")
rc=$?
[ "$rc" -eq 0 ] || why="$why exit status $rc: $(head -c 300 "$TMP/err");"
[ -e "$u/a" ] && why="$why a file 'a' was made;"
verdict "-d 'a#b/k.db': read, and no file 'a' made" "$why"

# ---- 6. a lock held by someone else ----------------------------------

lk=$TMP/lock
mkdir -p "$lk"
imp --new -o "$lk/k.db" "$C1"
s0=$(sum "$lk/k.db")
flock -x "$lk" sleep 60 </dev/null >/dev/null 2>&1 &
holder=$!
# stop_holder: the sleep first; flock ends with it
stop_holder() {
	kill $(ps -o pid= --ppid $holder) $holder 2>/dev/null
}
CLEANUP=stop_holder
i=0
while ! grep -q " FLOCK .* $holder " /proc/locks 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
t0=$(_now)
KUAIBAO_LOCK_WAIT=1 timeout 10 "$KB_IMPORT" --data-dir "$DATA" \
    -o "$lk/k.db" "$C2" >/dev/null 2>"$TMP/err"
rc=$?
t=$(elapsed "$t0")
stop_holder
why=
[ "$rc" -eq 3 ] || why="$why exit status $rc, expected 3 (124: still waiting after 10 s);"
within 1 "$t" && within "$t" 5 || why="$why it took $t s;"
nf=$(grep -c 'FATAL' "$TMP/err")
[ "$nf" -eq 1 ] || why="$why $nf FATAL lines;"
grep -v -e ': NOTICE: waiting for another' -e ': FATAL: ' "$TMP/err" | grep -q . &&
    why="$why other lines on stderr;"
grep -q "^kuaibao-import: $lk: FATAL: .*pid $holder (flock)" "$TMP/err" ||
    why="$why the FATAL line names not $lk and the holder, pid $holder (flock);"
[ "$(sum "$lk/k.db")" = "$s0" ] || why="$why the database changed;"
[ -z "$(ls -A "$lk" | grep -v '^k\.db$')" ] || why="$why left: $(ls -A "$lk");"
verdict "a lock held with flock -x: gives up after 1 s (${t} s) with one FATAL line naming the holder" "$why"
sed 's/^/# /' "$TMP/err"

# ---- 7. the target's mode and group ----------------------------------

md=$TMP/mode
mkdir -p "$md"
imp --new -o "$md/k.db" "$C1"
imp --new -o "$md/r.db" "$C1"
grp=
if [ -n "$ROOT" ]; then
	grp=$MALLORY
else
	for g in $(id -G); do
		[ "$g" != "$(id -g)" ] && grp=$g && break
	done
fi
[ -n "$grp" ] && chgrp "$grp" "$md/k.db"
chmod 640 "$md/k.db"
chmod 444 "$md/r.db"
g0=$(stat -c %g "$md/k.db")
why=
imp -o "$md/k.db" "$C2" 2>"$TMP/err" || why="$why k.db: exit status $?: $(head -c 200 "$TMP/err");"
imp -o "$md/r.db" "$C2" 2>"$TMP/err" || why="$why r.db: exit status $?: $(head -c 200 "$TMP/err");"
[ "$(stat -c %a "$md/k.db")" = 640 ] || why="$why k.db: mode $(stat -c %a "$md/k.db"), not 640;"
[ "$(stat -c %g "$md/k.db")" = "$g0" ] || why="$why k.db: group $(stat -c %g "$md/k.db"), not $g0;"
[ "$(stat -c %a "$md/r.db")" = 444 ] || why="$why r.db: mode $(stat -c %a "$md/r.db"), not 444;"
[ "$(nissues "$md/k.db")" = 2 ] || why="$why k.db: not updated;"
verdict "targets of mode 0640 (group ${grp:-unchanged}) and 0444 keep their mode and group" "$why"

# ---- 8. a target that is a symbolic link -----------------------------

sy=$TMP/sym
mkdir -p "$sy"
imp --new -o "$sy/real.db" "$C1"
ln -s real.db "$sy/link.db"
s0=$(sum "$sy/real.db")
one_fatal "^kuaibao-import: $sy/link\.db: FATAL: .*symbolic link.*--follow" \
    "$KB_IMPORT" --data-dir "$DATA" -o "$sy/link.db" "$C2"
[ -L "$sy/link.db" ] || why="$why link.db is no longer a link;"
[ "$(sum "$sy/real.db")" = "$s0" ] || why="$why real.db changed;"
[ "$(ls -A "$sy" | tr '\n' ' ')" = "link.db real.db " ] || why="$why left: $(ls -A "$sy");"
verdict "a target that is a symbolic link: refused, exit 3, one line; the link and its file unchanged" "$why"
why=
"$KB_IMPORT" -q --follow --data-dir "$DATA" -o "$sy/link.db" "$C2" 2>"$TMP/err" ||
    why="$why exit status $?: $(head -c 200 "$TMP/err");"
[ -L "$sy/link.db" ] || why="$why link.db is no longer a link;"
[ "$(nissues "$sy/real.db")" = 2 ] || why="$why real.db holds $(nissues "$sy/real.db") issues, not 2;"
verdict "--follow: the file the link points to is updated, the link stays" "$why"

finish

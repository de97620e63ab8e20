#!/bin/sh
# Many readers on one database while kuaibao-import rebuilds it.
#
# 16 printing loops (kuaibao --list, --cat KEY, --search WORD, at
# random) and 4 interactive readers in tmux paging through articles,
# all on one database, while kuaibao-import replaces it round after
# round for 20 s at least (12 imports a round, alternately --new and
# adding files: the corpus, renamed copies, a copy given another date;
# the readers run at nice 10, so that the importer gets its share of
# the CPUs and the imports come fast).  Every database state the imports go
# through is built beforehand by replaying the same imports elsewhere,
# and every output it gives is recorded: each output a reader printed
# during the race must be one of them, byte for byte (no torn data:
# --list is a whole listing of one state, --cat KEY a whole article),
# and no reader ever failed (exit status 0, nothing on stderr).  The
# interactive readers are alive at the end, their screens intact, and
# quit with status 0.  Afterwards the database passes PRAGMA
# integrity_check.
#
# Then --list again and again while two databases of different sizes
# are renamed over the path in a tight loop: never an error.
#
# Then two interactive sessions of the same user (one XDG_STATE_HOME)
# flag different articles at the same time, key by key interleaved;
# after both quit, every flag is in the state database.
. tests/faults/lib.sh
need_binaries
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 is missing"; exit 0; }

NLOOPS=${KB_LOOPS:-16}
NTTY=4
RACE=${KB_RACE:-20}	# seconds: the plan is imported again until then

SRC=$TMP/src
mkdir -p "$SRC" "$TMP/live" "$TMP/replay" "$TMP/exp" "$TMP/loops"
set -- data/corpus/*.txt
C0=$1 C1=$2 C2=$3 C3=$4
for i in 0 1 2 3; do
	eval "cp \"\$C$i\" \"$SRC/renamed-$i.txt\""
done
R0=$SRC/renamed-0.txt R1=$SRC/renamed-1.txt R2=$SRC/renamed-2.txt R3=$SRC/renamed-3.txt
DATED=$SRC/dated-3.txt
cp "$C3" "$DATED"

# The imports, one a line: "new|add FILE...".  $C1's issue is in every
# state, so its articles can be asked for at any time.
cat >"$TMP/plan" <<EOF
new $C0 $C1 $C2 $C3
add $R0
new $C1 $C3
add $C0
add $R2
new $R0 $R1 $R2 $R3
add --date 2031-02-03 $DATED
new $C1
add $C2 $C0
new $C0 $C1 $C2 $C3
add $R1
new $C1 $C2
EOF

# run_import DB LINE
run_import() {
	_db=$1
	# shellcheck disable=SC2086
	set -- $2
	case $1 in
	new) shift; "$KB_IMPORT" -q --new --data-dir data -o "$_db" "$@" ;;
	add) shift; "$KB_IMPORT" -q --data-dir data -o "$_db" "$@" ;;
	esac
}

# The words searched for, the keys printed (from $C1's issue)
WORDS="美国 芯片 量子 人工智能 合作"
"$KB_IMPORT" -q --new --data-dir data -o "$TMP/c1.db" "$C1"
KEYS=$("$KB" -d "$TMP/c1.db" --list | awk '/^    / { print $1 }' | head -n 6 | tr '\n' ' ')

# ---- the expected outputs, state by state --------------------------

nstates=0
record() {	# record DB: every output of this state, by checksum
	"$KB" -d "$1" --list | cksum >>"$TMP/exp/list"
	for w in $WORDS; do
		"$KB" -d "$1" --search "$w" --limit 0 | cksum >>"$TMP/exp/search.$w"
	done
	for k in $KEYS; do
		"$KB" -d "$1" --cat "$k" --width 72 | cksum >>"$TMP/exp/cat.$k"
	done
}
# (the plan starts with --new: importing it again goes through the
# same states)
why=
while read -r line; do
	if ! run_import "$TMP/replay/kb.db" "$line" 2>"$TMP/imp.err"; then
		why="$why
replay: $line: $(head -c 300 "$TMP/imp.err")"
	fi
	record "$TMP/replay/kb.db"
	nstates=$((nstates + 1))
done <"$TMP/plan"
for f in "$TMP"/exp/*; do
	sort -u "$f" -o "$f"
done
verdict "the $nstates database states replayed ($(wc -l <"$TMP/exp/list") distinct listings)" "$why"
for k in $KEYS; do
	[ "$(wc -l <"$TMP/exp/cat.$k")" -eq 1 ] ||
	    echo "# note: --cat $k differs between states ($(wc -l <"$TMP/exp/cat.$k") versions)"
done

# ---- the race --------------------------------------------------------

DB=$TMP/live/kb.db
run_import "$DB" "$(head -n 1 "$TMP/plan")"

# a printing loop: until the stop file, a random command; each output
# checked against the expected ones; a failure keeps its output
cat >"$TMP/loop.sh" <<'EOF'
id=$1 kb=$2 db=$3 exp=$4 out=$5 keys=$6 words=$7
n=0 bad=0
seed=$id
while [ ! -e "$out/stop" ]; do
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	case $((seed / 65536 % 3)) in
	0) what=list; set -- --list ;;
	1) set -- $keys; shift $(( seed / 7 % $# )); what=cat.$1
	   set -- --cat "$1" --width 72 ;;
	2) set -- $words; shift $(( seed / 7 % $# )); what=search.$1
	   set -- --search "$1" --limit 0 ;;
	esac
	"$kb" -d "$db" "$@" >"$out/$id.out" 2>"$out/$id.err"
	rc=$?
	# a search that finds nothing exits 1, as grep
	[ "$rc" -eq 1 ] && [ "$what" != "${what#search.}" ] && [ ! -s "$out/$id.out" ] && rc=0
	n=$((n + 1))
	sum=$(cksum <"$out/$id.out")
	if [ "$rc" -ne 0 ] || [ -s "$out/$id.err" ] || ! grep -qxF "$sum" "$exp/$what"; then
		bad=$((bad + 1))
		{
			echo "kuaibao $*: status $rc"
			head -c 300 "$out/$id.err"
			grep -qxF "$sum" "$exp/$what" || echo "output not one of the expected ($(wc -c <"$out/$id.out") bytes)"
		} >>"$out/$id.bad"
		cp "$out/$id.out" "$out/$id.bad.$bad.out"
	fi
done
echo "$n $bad" >"$out/$id.count"
EOF

PIDS=
CLEANUP='touch "$TMP/loops/stop"; for _p in $PIDS; do kill "$_p" 2>/dev/null; done'
i=0
while [ $i -lt "$NLOOPS" ]; do
	nice -n 10 sh "$TMP/loop.sh" "$i" "$KB" "$DB" "$TMP/exp" "$TMP/loops" "$KEYS" "$WORDS" &
	PIDS="$PIDS $!"
	i=$((i + 1))
done

# the interactive readers: each pages through articles while it can
i=0
while [ $i -lt $NTTY ]; do
	start "tty$i" 100 30 "XDG_STATE_HOME=$TMP/state$i" -- "$KB" -d "$DB"
	i=$((i + 1))
done
i=0
while [ $i -lt $NTTY ]; do
	wait_reader "tty$i" || fail "interactive reader $i starts" "$(diag_screen)"
	keys "tty$i" j j Enter
	i=$((i + 1))
done

# the imports, while all that runs
nimp=0
impfail=
r=0
t0=$(_now)
tend=$(_deadline "$RACE")
while [ $r -lt 5 ]; do
	while read -r line; do
		if ! run_import "$DB" "$line" 2>"$TMP/imp.err"; then
			impfail="$impfail
$line: $(head -c 300 "$TMP/imp.err")"
		fi
		nimp=$((nimp + 1))
		# the interactive readers move on meanwhile
		i=0
		while [ $i -lt $NTTY ]; do
			keys "tty$i" Space ']' j
			i=$((i + 1))
		done
	done <"$TMP/plan"
	r=$((r + 1))
	_before "$tend" || break
done
t1=$(_now)
# let the readers overlap the last state a little, then stop them
sleep 1
touch "$TMP/loops/stop"
for p in $PIDS; do
	wait "$p"
done
PIDS=
verdict "kuaibao-import rebuilt the database $nimp times under the readers" "$impfail"

runs=0
bad=0
for f in "$TMP"/loops/*.count; do
	read -r n b <"$f"
	runs=$((runs + n))
	bad=$((bad + b))
done
if [ "$bad" -eq 0 ] && [ "$runs" -gt 0 ]; then
	pass "$runs printing runs by $NLOOPS loops: every one status 0, nothing on stderr, a complete expected output"
else
	fail "$runs printing runs by $NLOOPS loops: every one status 0, nothing on stderr, a complete expected output" \
	    "$bad failed:" "$(cat "$TMP"/loops/*.bad 2>/dev/null | head -n 30)"
fi

why=
i=0
while [ $i -lt $NTTY ]; do
	if ended "tty$i"; then
		why="$why
reader $i ended: status $(cat "$TMP/rc.tty$i"): $(head -c 300 "$TMP/err.tty$i")"
	else
		keys "tty$i" C-l
		wait_stable "tty$i"
		o=$(layout_ok "tty$i" 100 30) || why="$why
reader $i: $o"
		o=$(quit_why "tty$i")
		[ -z "$o" ] || why="$why
reader $i: $o"
	fi
	i=$((i + 1))
done
verdict "$NTTY interactive readers paged through the rebuilds: alive, screens intact, quit with status 0" "$why"

ic=$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1)
verdict "afterwards the database passes PRAGMA integrity_check" "$([ "$ic" = ok ] || echo "$ic")"
left=$(ls -A "$TMP/live" | grep -v '^kb\.db$')
verdict "no temporary or lock file left beside the database" "$left"

echo "# survived: $((NLOOPS + NTTY)) readers ($NLOOPS printing loops, $runs runs; $NTTY interactive) x $nimp imports in $(elapsed "$t0" "$t1") s"

# ---- renames as fast as they come ----------------------------------

# The importer replaces the database by rename.  Here a bigger and a
# smaller database are renamed over the path in a tight loop (link and
# rename, nothing else), while a reader runs --list on it again and
# again: every run must succeed with one of the two listings.
R=$TMP/rename
mkdir -p "$R"
cp "$TMP/c1.db" "$R/small.db"
cp "$KB_DB" "$R/big.db"
cp "$R/small.db" "$R/kb.db"
{ "$KB" -d "$R/small.db" --list | cksum; "$KB" -d "$R/big.db" --list | cksum; } >"$TMP/exp/rename"
"$PY" -c '
import os, sys
d = sys.argv[1]
while not os.path.exists(d + "/stop"):
    for src in ("big.db", "small.db"):
        try:
            os.unlink(d + "/t")
        except FileNotFoundError:
            pass
        os.link(d + "/" + src, d + "/t")
        os.rename(d + "/t", d + "/kb.db")
' "$R" &
SWAP=$!
CLEANUP='touch "$TMP/rename/stop"; kill $SWAP 2>/dev/null'
n=0
bad=0
badmsg=
NREN=${KB_RENAME_RUNS:-300}
while [ $n -lt "$NREN" ]; do
	"$KB" -d "$R/kb.db" --list >"$R/out" 2>"$R/err"
	rc=$?
	n=$((n + 1))
	sum=$(cksum <"$R/out")
	echo "$sum" >>"$R/seen"
	if [ "$rc" -ne 0 ] || [ -s "$R/err" ] || ! grep -qxF "$sum" "$TMP/exp/rename"; then
		bad=$((bad + 1))
		[ -n "$badmsg" ] || badmsg="status $rc: $(head -c 300 "$R/err")"
	fi
done
touch "$R/stop"
wait $SWAP
swap=$?
CLEANUP=:
# (the renames really went on: the swapper ran to the end, and the runs
# read both databases)
nseen=$(sort -u "$R/seen" | wc -l)
verdict "$n --list runs while two databases are renamed over the path non-stop: no error" \
    "$([ $bad -eq 0 ] || echo "$bad of $n failed; the first: $badmsg")$([ $swap -eq 0 ] || echo "
the renaming loop failed (status $swap)")$([ "$nseen" -ge 2 ] || echo "
the runs saw $nseen listing(s), not both databases")"

# ---- two sessions of one user, marking at once -----------------------

M=$TMP/mark.db
cp "$KB_DB" "$M"
rm -rf "$TMP/state/kuaibao"
start ma 100 30 -- "$KB" -d "$M"
start mb 100 30 -- "$KB" -d "$M"
wait_reader ma
wait_reader mb
# ma: the first issue (expanded at start), its first article, then on;
# mb: the last issue, its first article, then on
NM=8
FIRST=$("$KB" -d "$M" --list | awk '/^[^ ]/ { n++ } n == 1 && /^    / { print $1 }' | head -n $NM)
LASTI=$("$KB" -d "$M" --list | awk '/^[^ ]/ { n++ } END { print n }')
LASTK=$("$KB" -d "$M" --list | awk -v l="$LASTI" '/^[^ ]/ { n++ } n == l && /^    / { print $1 }' | head -n $NM)
keys ma j j Enter
keys mb G Enter
wait_re mb '^- ' && keys mb j j Enter
wait_re ma '│ .*' && wait_re mb '│ .*'
k=0
while [ $k -lt $NM ]; do
	keys ma m
	keys mb m
	k=$((k + 1))
	[ $k -lt $NM ] || break
	keys ma ']'
	keys mb ']'
done
keys ma q
keys mb q
sa=$(wait_dead ma) || sa="no answer to q"
sb=$(wait_dead mb) || sb="no answer to q"
why=
[ "$sa" = 0 ] && [ "$sb" = 0 ] || why="exit status $sa and $sb"
flagged=$(sqlite3 "$TMP/state/kuaibao/state.db" 'SELECT key FROM marks WHERE flagged' 2>&1)
missing=
for key in $FIRST $LASTK; do
	printf '%s\n' "$flagged" | grep -qx "$key" || missing="$missing $key"
done
[ -z "$missing" ] || why="$why
not flagged in the state database:$missing
flagged: $(printf '%s\n' "$flagged" | tr '\n' ' ')"
n=$(printf '%s\n' $FIRST $LASTK | grep -c .)
verdict "two sessions of one user flagged $n articles at once: every flag is in the state database" "$why"

finish

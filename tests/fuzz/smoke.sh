#!/bin/sh
# Fuzz smoke test (TAP), run from the top of the tree by tests/run.sh:
# builds the libFuzzer targets (tests/fuzz/build.sh), replays every seed
# (data/corpus chunks, tests/fuzz/seeds/, the small databases) and every
# saved crash in tests/fuzz/regressions/ and regressions-db/ through
# each target, then fuzzes each target for FUZZ_SMOKE_SECONDS (default
# 12) with -max_len=65536 (or its own, targets.sh), from its seeds.
# The regressions also go through the real programs ($KB_BUILD, default
# build), which need no clang: regressions/ through the importer,
# regressions-db/ through the reader's --list, --cat and --search.
# Without clang/libFuzzer the fuzzing tests are skipped ("ok # SKIP").
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
imp=${KB_BUILD:-build}/kuaibao-import
kb=${KB_BUILD:-build}/kuaibao
secs=${FUZZ_SMOKE_SECONDS:-12}
out=build-fuzz
. tests/fuzz/targets.sh
. tests/lib/tap.sh

echo "1..$((3 + 2 * $(echo $targets | wc -w)))"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kb-fuzz-smoke.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

# real DESC DIR MAXRC COMMAND...: each file F of DIR through COMMAND F:
# no crash, no sanitizer report, a status of at most MAXRC (one the
# manual documents).
real() {
	_desc=$1 _dir=$2 _max=$3
	shift 3
	if [ ! -x "$1" ] && [ "$1" != read_db ]; then
		notok "$_desc: $1 is not built"
		return
	fi
	bad=
	for f in "$_dir"/*; do
		[ -f "$f" ] || continue
		"$@" "$f" >/dev/null 2>"$tmp/err"
		rc=$?
		if [ "$rc" -gt "$_max" ] ||
		    grep -q 'Sanitizer\|runtime error:' "$tmp/err"; then
			bad="$bad $(basename "$f")(rc=$rc)"
			sed 's/^/# /' "$tmp/err" | head -20
		fi
	done
	if [ -z "$bad" ]; then
		ok "$_desc"
	else
		notok "$_desc:$bad"
	fi
}

# read_db DB: the reader's --list, --cat and --search on it; the worst
# status
read_db() {
	[ -x "$kb" ] || return 126
	_key=$(sqlite3 "$1" 'SELECT key FROM articles LIMIT 1' 2>/dev/null)
	_worst=0
	for _args in "--list" "--cat ${_key:-x}" "--search 美国"; do
		# shellcheck disable=SC2086
		timeout 60 "$kb" -d "$1" $_args 2>>"$tmp/err.db"
		_rc=$?
		[ "$_rc" -gt "$_worst" ] && _worst=$_rc
	done
	cat "$tmp/err.db" >&2
	rm -f "$tmp/err.db"
	return "$_worst"
}

# 1: every saved crash through the importer itself; 2: every saved
# database through the reader (status 1: refused, in one line)
real "regressions through $imp" tests/fuzz/regressions 3 \
    "$imp" -q --json --data-dir data
real "database regressions through $kb" tests/fuzz/regressions-db 1 read_db

# 3: build
sh tests/fuzz/build.sh >"$tmp/build.log" 2>&1
rc=$?
if [ "$rc" -eq 77 ]; then
	why=$(tail -n 1 "$tmp/build.log")
	for t in build $targets $targets; do
		skip "$t: $why"
	done
	exit 0
elif [ "$rc" -ne 0 ]; then
	notok "build the fuzz targets"
	sed 's/^/# /' "$tmp/build.log" | tail -30
	exit 1
fi
ok "build the fuzz targets"

# Then: replay
inputs=$(find "$out/seeds" "$out/seeds-db" tests/fuzz/seeds \
    tests/fuzz/regressions tests/fuzz/regressions-db -type f ! -name '.*' \
    2>/dev/null | sort)
for t in $targets; do
	# shellcheck disable=SC2086
	if "$out/$t" -timeout=20 -rss_limit_mb=4096 $inputs \
	    >"$tmp/$t.replay" 2>&1; then
		ok "$t: replay $(echo "$inputs" | wc -l | tr -d ' ') seeds" \
		    "and regressions"
	else
		notok "$t: replay seeds and regressions"
		grep -B2 -A25 'ERROR\|Running: .*\|fuzz:' "$tmp/$t.replay" |
		    grep -v '^Running:' | tail -40 | sed 's/^/# /'
	fi
done

# Then: fuzz each target briefly, from the seeds only (the long runs'
# corpus in build-fuzz/corpus/ would take longer than that to load).
for t in $targets; do
	mkdir -p "$tmp/corpus-$t" "$out/artifacts"
	# shellcheck disable=SC2046
	"$out/$t" -max_len=65536 -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=4096 -print_final_stats=1 $(target_flags "$t") \
	    -artifact_prefix="$out/artifacts/$t-" \
	    "$tmp/corpus-$t" $(target_seeds "$t") \
	    >"$tmp/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log")
	if [ "$rc" -eq 0 ]; then
		ok "$t: fuzzed ${secs}s, ${runs:-?} runs, no crash"
	else
		art=$(sed -n 's/.*Test unit written to //p' "$tmp/$t.log")
		notok "$t: fuzzing found a crash: ${art:-?}"
		grep -A25 '==ERROR\|^fuzz:\|SUMMARY\|ALARM\|out-of-memory' \
		    "$tmp/$t.log" | head -40 | sed 's/^/# /'
	fi
done
[ "$fails" -eq 0 ]

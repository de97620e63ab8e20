#!/bin/sh
# Long fuzzing runs for `make fuzz`, from the top of the tree:
#   sh tests/fuzz/run.sh long [TARGET...]
# fuzzes each target (default: all of targets.sh) for FUZZ_SECONDS (default 600)
# with -max_len=65536 (FUZZ_MAX_LEN), FUZZ_JOBS targets at a time
# (default 1), and prints per target the executions, exec/s, coverage
# and crashes.  The corpus is kept in build-fuzz/corpus/TARGET, crash
# inputs go to build-fuzz/artifacts/ and the logs to build-fuzz/logs/;
# tests/fuzz/kuaibao.dict is the dictionary.
# Save a crash in tests/fuzz/regressions/ once it is fixed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
mode=${1:-long}
[ $# -gt 0 ] && shift
case "$mode" in
long) secs=${FUZZ_SECONDS:-600} ;;
short) secs=${FUZZ_SECONDS:-20} ;;
*) echo "usage: sh tests/fuzz/run.sh long|short [TARGET...]" >&2; exit 3 ;;
esac
maxlen=${FUZZ_MAX_LEN:-65536}
jobs=${FUZZ_JOBS:-1}
. tests/fuzz/targets.sh
targets=${*:-$targets}
out=build-fuzz

sh tests/fuzz/build.sh
rc=$?
if [ "$rc" -eq 77 ]; then
	echo "fuzz: skipped: no clang with libFuzzer"
	exit 0
fi
[ "$rc" -eq 0 ] || exit 1
mkdir -p "$out/logs" "$out/artifacts"

fuzz_one() {	# target
	t=$1
	mkdir -p "$out/corpus/$t"
	"$out/$t" -max_len="$maxlen" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=4096 -print_final_stats=1 -fork=0 \
	    -ignore_crashes=0 -dict=tests/fuzz/kuaibao.dict \
	    -artifact_prefix="$out/artifacts/$t-" \
	    "$out/corpus/$t" "$out/seeds" tests/fuzz/seeds \
	    >"$out/logs/$t.log" 2>&1
	echo $? >"$out/logs/$t.rc"
}

echo "fuzzing ${secs}s per target, max_len $maxlen: $targets"
running=0
for t in $targets; do
	fuzz_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

status=0
printf '%-22s %12s %8s %6s %7s %7s %s\n' target executions exec/s cov ft \
    corpus crashes
for t in $targets; do
	log=$out/logs/$t.log
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	ncorp=$(find "$out/corpus/$t" -type f | wc -l | tr -d ' ')
	# this run's crash, leak, timeout or OOM inputs (not another
	# run's, which may share the artifacts directory)
	new=$(sed -n 's/.*Test unit written to //p' "$log")
	ncrash=$(echo "$new" | grep -c .)
	printf '%-22s %12s %8s %6s %7s %7s %s\n' "$t" "${runs:-?}" \
	    "${eps:-?}" "${cov:-?}" "${ft:-?}" "$ncorp" "$ncrash"
	if [ "$(cat "$out/logs/$t.rc")" -ne 0 ] || [ "$ncrash" -gt 0 ]; then
		status=1
		for a in $new; do
			echo "  crash: $a"
		done
		grep -m1 'SUMMARY\|^fuzz:\|ALARM\|out-of-memory' "$log" |
		    sed 's/^/  /'
	fi
done
exit $status

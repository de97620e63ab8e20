#!/bin/sh
# The fuzzing campaign of `make fuzz`, from the top of the tree:
#   sh tests/fuzz/run.sh long [TARGET...]
# runs FUZZ_RUNS executions (default 1,000,000) of each target (default:
# all of targets.sh), FUZZ_JOBS targets at a time (default 2, one a
# core: the next target starts as soon as one ends), each from its seeds
# and with its flags (targets.sh), inputs of at most FUZZ_MAX_LEN bytes
# (default 65536) unless the target says less; FUZZ_SECONDS (default:
# none) caps each target's time.  `run.sh short` is 20 s a target.  It
# prints per target the executions, exec/s, coverage and crashes, and
# the time it all took.  The corpus is kept in build-fuzz/corpus/TARGET,
# crash inputs go to build-fuzz/artifacts/ and the logs to
# build-fuzz/logs/.  Save a crash in tests/fuzz/regressions/ once it is
# fixed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
mode=${1:-long}
[ $# -gt 0 ] && shift
case "$mode" in
long) runs=${FUZZ_RUNS:-1000000} secs=${FUZZ_SECONDS:-0} ;;
short) runs=-1 secs=${FUZZ_SECONDS:-20} ;;
*) echo "usage: sh tests/fuzz/run.sh long|short [TARGET...]" >&2; exit 3 ;;
esac
maxlen=${FUZZ_MAX_LEN:-65536}
jobs=${FUZZ_JOBS:-2}
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
	# shellcheck disable=SC2046
	"$out/$t" -max_len="$maxlen" -runs="$runs" -max_total_time="$secs" \
	    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -fork=0 \
	    -ignore_crashes=0 $(target_flags "$t") \
	    -artifact_prefix="$out/artifacts/$t-" \
	    "$out/corpus/$t" $(target_seeds "$t") \
	    >"$out/logs/$t.log" 2>&1
	echo $? >"$out/logs/$t.rc"
}

# A lane: takes the targets no other lane has taken yet, one by one.
lane() {
	for t in $targets; do
		mkdir "$out/logs/$t.taken" 2>/dev/null || continue
		fuzz_one "$t"
	done
}

echo "fuzzing $([ "$runs" -gt 0 ] && echo "$runs runs" ||
    echo "${secs}s") per target, $jobs at a time, max_len $maxlen: $targets"
start=$(date +%s)
for t in $targets; do
	rm -rf "$out/logs/$t.taken"
done
i=0
while [ "$i" -lt "$jobs" ]; do
	lane &
	i=$((i + 1))
done
wait
for t in $targets; do
	rm -rf "$out/logs/$t.taken"
done

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
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(( ($(date +%s) - start) / 60 )) min," \
    "$(nproc 2>/dev/null || echo ?) cores: FUZZ_RUNS=$runs FUZZ_JOBS=$jobs" \
    "sh tests/fuzz/run.sh $mode"
exit $status

#!/bin/sh
# Runs every test suite and sums their TAP results into one line:
#   N passed, N failed
# A "not ok … # TODO" line (a known shortfall, tests/import/shortfalls) is
# no failure, as TAP has it; they are counted on a line of their own.
# usage: sh tests/run.sh BUILD-DIR   (from the top of the tree)
# A suite that exits non-zero without reporting a failure counts as one.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
logdir=$build/test-logs
mkdir -p "$logdir"
passed=0
failed=0
todo=0
export LC_ALL=C.UTF-8 KB_BUILD="$build" KB_TOP="$top"

suite() {	# suite NAME COMMAND...
	name=$1
	shift
	log=$logdir/$(echo "$name" | tr / -).log
	printf '%-28s ' "$name"
	"$@" >"$log" 2>&1
	rc=$?
	ok=$(grep -c '^ok ' "$log")
	known=$(grep '^not ok ' "$log" | grep -c ' # TODO')
	nok=$(($(grep -c '^not ok ' "$log") - known))
	if [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then
		nok=1
		echo "not ok - $name exited with status $rc" >>"$log"
	fi
	passed=$((passed + ok))
	failed=$((failed + nok))
	todo=$((todo + known))
	shortfalls=
	[ "$known" -eq 0 ] || shortfalls=", $known known shortfalls"
	if [ "$nok" -eq 0 ]; then
		echo "$ok passed$shortfalls"
	else
		echo "$ok passed$shortfalls, $nok FAILED (see $log)"
		grep -v ' # TODO' "$log" | grep -A3 '^not ok' | head -40 |
		    sed 's/^/    /'
	fi
}

for t in "$build"/tests/test-*; do
	[ -x "$t" ] || continue
	suite "unit/$(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done
suite import/corpus python3 tests/import/check-expect.py \
    --importer "$build/kuaibao-import" tests/import/corpus/*.expect
suite import/unseen python3 tests/import/check-expect.py \
    --importer "$build/kuaibao-import" tests/import/unseen/*.expect
suite import/cases python3 tests/import/check-expect.py \
    --importer "$build/kuaibao-import" tests/import/cases/*.expect
suite import/guides python3 tests/import/check-expect.py \
    --importer "$build/kuaibao-import" tests/import/guides/*.expect
suite import/reflow python3 tests/import/check-reflow.py \
    --importer "$build/kuaibao-import" data/corpus/*
suite import/variants python3 tests/import/check-variants.py --importer "$build/kuaibao-import"
for t in tests/import/*.sh tests/e2e/*.sh tests/faults/*.sh tests/ssh/*.sh \
    tests/man/*.sh \
    tests/fuzz/smoke.sh; do
	[ -f "$t" ] || continue
	case "$t" in */lib.sh) continue ;; esac
	suite "$(basename "$(dirname "$t")")/$(basename "$t" .sh)" sh "$t"
done

[ "$todo" -eq 0 ] ||
    echo "($todo known shortfalls of the importer, not failures: tests/import/shortfalls)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

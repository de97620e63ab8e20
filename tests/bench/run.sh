#!/bin/sh
# make bench: sh tests/bench/run.sh BUILD
#
# Benchmarks kuaibao against the baselines a user would pick instead
# (a stock SQLite FTS5 trigram index, LIKE scans, less, neomutt), on
# generated archives of ~1k and ~100k articles.  Everything it makes goes
# under build/bench/ (archives, databases and their build times are
# cached there by content stamps); the report is printed and written to
# build/bench/report.md, raw figures to build/bench/results.json.
#
#   BENCH_QUICK=1   1k archive only, 3 runs: for CI, well under 2 minutes
#   see tests/bench/README.md for the other BENCH_* variables
set -eu

BUILD=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

missing=""
for tool in python3 sqlite3 less cc pkg-config; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	echo "bench: missing:$missing (apt-get install python3 sqlite3 less gcc pkg-config)" >&2
	exit 1
fi
if [ ! -x "$BUILD/kuaibao-import" ] || [ ! -f "$BUILD/libkb.a" ]; then
	echo "bench: $BUILD/kuaibao-import or $BUILD/libkb.a missing: run make first" >&2
	exit 1
fi
if ! python3 -c "import sqlite3; sqlite3.connect(':memory:').execute(\"create virtual table t using fts5(x, tokenize='trigram')\")" 2>/dev/null; then
	echo "bench: Python's sqlite3 lacks FTS5 with the trigram tokenizer (SQLite >= 3.34 needed)" >&2
	exit 1
fi
command -v neomutt >/dev/null 2>&1 ||
	echo "bench: neomutt not installed: its baseline is skipped (apt-get install neomutt)" >&2

mkdir -p build/bench
start=$(date +%s)
python3 "$here/bench.py" --build "$BUILD" --out build/bench
echo "bench: done in $(( $(date +%s) - start )) s; report in build/bench/report.md" >&2

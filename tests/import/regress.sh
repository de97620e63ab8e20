#!/bin/sh
# The importer's regression tree (TAP): every case of
# tests/import/regress/RULE/CASE.{txt,md}, checked against its
# CASE.expect by check-expect.py, one test per assertion, each named
# RULE/CASE (see tests/import/regress/README).  Run from anywhere; the
# importer is ${KB_BUILD:-build}/kuaibao-import.
. "$(dirname "$0")/lib.sh"

set -- tests/import/regress/*/*.expect
if [ ! -f "$1" ]; then
	echo "1..1"
	echo "not ok 1 - no cases in tests/import/regress"
	exit 1
fi
python3 tests/import/check-expect.py --importer "$imp" "$@"

#!/usr/bin/env python3
"""usage: shortfall.py NAME PASSED TOTAL

The verdict of tests/import/shortfalls on NAME passing PASSED of TOTAL
checks, for the shell tests: prints the suffix of its TAP line (empty,
or " # TODO known shortfall, …"); exit status 1 if it is a failure."""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importcheck import Shortfalls  # noqa: E402

if len(sys.argv) != 4:
    sys.exit(__doc__)
failed, note = Shortfalls().verdict(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
print(note)
sys.exit(1 if failed else 0)

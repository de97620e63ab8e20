#!/usr/bin/env python3
"""Imports every standard variant (tests/import/variants.py) of every
document that has hand-written expectations and checks the dump against
the ORIGINAL document's .expect, with check-expect.py's checks.  Issue 10:
the importer must give the same articles, columns, titles, editors, dates,
headings, tables, footnotes and URLs whatever the extraction looks like.

usage: check-variants.py [--importer PATH] [--quick] [--seed N]
                         [--variant NAME] [--keep DIR] [-v] [EXPECT...]

EXPECT defaults to tests/import/corpus/*.expect and
tests/import/unseen/*.expect.  Output is TAP, one line per variant:

    ok 3 - 000 blank=none,trail=none,...,w=36,notew=54 : 276/276 checks
    not ok 4 - 000 ... : 201/276 checks
    not ok 5 - 000 ... : 270/276 checks # TODO known shortfall, floor 270

A variant listed in tests/import/shortfalls with the checks it passed
when it was listed is a known shortfall ("# TODO": no failure) while it
passes at least as many; below that, or short of all when not listed,
it fails.

followed, for a failure, by "# " lines with the first failed assertions
(all of them with -v).  The first test is the generator's own self-test
(variants-selftest.py).  Variant files are written to a temporary
directory and removed (--keep DIR keeps them).  --quick runs a few
variants per document; --variant NAME only that one.  Exit status 1 if
anything failed.
"""

import argparse
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import variants as V  # noqa: E402
from importcheck import Shortfalls, Tap, default_importer, expect_documents, load_script  # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--importer", default=default_importer())
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--variant")
    ap.add_argument("--keep", metavar="DIR")
    ap.add_argument("-v", action="store_true", help="list every failed assertion")
    ap.add_argument("expects", nargs="*")
    a = ap.parse_args(argv)
    importer = os.path.abspath(a.importer)
    ce = load_script("check-expect")
    shortfalls = Shortfalls()
    plan = []
    for tag, expect, src in expect_documents(a.expects):
        s = V.Source(src)
        names = [V.canonical(V.parse_name(a.variant, s.markdown), s.markdown)] if a.variant \
            else s.names(a.seed, a.quick)
        plan.extend((tag, expect, s, n) for n in names)
    print("1..%d" % (len(plan) + (0 if a.variant else 1)), flush=True)
    failed = 0
    known = 0
    n = 0
    if not a.variant:
        st = load_script("variants-selftest")
        tap = st.run([], a.quick)
        bad = [r for r in tap.results if not r[0]]
        n += 1
        print("%s %d - variants.py self-test : %d/%d checks"
              % ("not ok" if bad else "ok", n, len(tap.results) - len(bad), len(tap.results)))
        for ok, desc, com, skip in bad[:8]:
            print("# " + desc)
            for c in com:
                print("#   " + c.strip())
        failed += bool(bad)
    tmp = a.keep or tempfile.mkdtemp(prefix="kb-variants-")
    os.makedirs(tmp, exist_ok=True)
    try:
        for i, (tag, expect, s, name) in enumerate(plan):
            ext = os.path.splitext(s.path)[1] or ".txt"
            path = os.path.join(tmp, "%s-%02d%s" % (tag, i, ext))
            with open(path, "wb") as f:
                f.write(s.render(name).encode("utf-8"))
            tap = Tap()
            warnings = []
            ce.check_file(tap, importer, expect, source=path, warnings=warnings)
            good = sum(1 for ok, d, c, skip in tap.results if ok and not skip)
            total = len(tap.results)
            ok = good == total
            bad, note = shortfalls.verdict("%s %s" % (tag, name), good, total)
            n += 1
            print("%s %d - %s %s : %d/%d checks%s%s" % ("ok" if ok else "not ok", n, tag, name, good, total,
                                                       ", %d warnings" % len(warnings) if warnings else "", note))
            failed += bad
            known += not ok and not bad
            if not ok:
                for w in warnings[:2]:
                    print("# importer: " + w.replace(path, os.path.basename(path))[:200])
                shown = 0
                for r_ok, desc, com, skip in tap.results:
                    if r_ok or skip:
                        continue
                    if not a.v and shown == 8:
                        print("#   … (-v lists every failure)")
                        break
                    print("# " + desc.replace("\n", " ")[:200])
                    if com:
                        print("#   " + "  ".join(c.strip() for c in com)[:300])
                    shown += 1
            sys.stdout.flush()
            if not a.keep:
                os.unlink(path)
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print("# %d variants, %d failed, %d known shortfalls" % (n, failed, known))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

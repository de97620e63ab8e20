#!/usr/bin/env python3
"""A development metric, not a test: how much of a funding guide the
importer finds (issue 14), against the guide's hand-written .expect.

    guide-score.py [--variants] [--quick] [--pdf DIR] EXPECT...

For each EXPECT (a guide's: tests/import/guides/*.expect,
tests/import/corpus/004_*.expect), the document it names is imported,
and with --variants every standard extraction of it (variants.py), and
with --pdf the PDF of it that tests/import/pdf.sh leaves in DIR
(KB_PDF_DIR=DIR).  Figures:
    parts   F1 of the articles (the preamble, the parts, the directions,
            the closing parts) against the titles the .expect lists
    cols    matched articles in the column the .expect puts them in
    fields  the "field NAME VALUE" lines of the .expect that hold
            (a field so named whose value starts with VALUE)
Targets (issue 14): parts >= 0.98, fields >= 0.95 ("!" marks a miss).
"""

import argparse
import os
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import variants as V  # noqa: E402
from importcheck import ROOT, default_importer, norm, run_importer  # noqa: E402

import importlib.util  # noqa: E402
_spec = importlib.util.spec_from_file_location("check_expect", os.path.join(HERE, "check-expect.py"))
CE = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(CE)

TARGETS = {"parts": 0.98, "fields": 0.95}


def reference(expect):
    """(source, [(column, title)], [(title, name, value)]) of an .expect."""
    src, _, sections, arts, _, _ = CE.parse_expect(expect)
    parts = []
    for _, name, _, titles in sections:
        for t in titles or []:
            parts.append((norm(name), norm(t)))
    fields = []
    for _, title, asserts in arts:
        for _, key, arg in asserts:
            if key == "field":
                name, _, val = arg.partition(" ")
                fields.append((norm(title), norm(name), norm(val)))
    return src, parts, fields


def found(dump):
    issue = dump["issues"][0]
    out = {}
    for s in issue.get("sections") or []:
        for a in s.get("articles") or []:
            out.setdefault(norm(a["title"]), (norm(s["name"]), a))
    return out


def score(parts, fields, dump):
    got = found(dump)
    titles = [t for _, t in parts]
    hit = [t for t in titles if t in got]
    p = len(hit) / len(got) if got else 0.0
    r = len(hit) / len(titles) if titles else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    cols = sum(1 for c, t in parts if t in got and got[t][0] == c)
    ok = 0
    for title, name, val in fields:
        a = got.get(title)
        if a and any(norm(f.get("name")) == name and norm(f.get("value")).startswith(val)
                     for f in a[1].get("fields") or []):
            ok += 1
    return {"parts": f1, "cols": cols / len(hit) if hit else 0.0,
            "fields": ok / len(fields) if fields else 1.0,
            "n": (len(titles), len(got), len(hit), len(fields), ok)}


def fmt(sc):
    out = []
    for k in ("parts", "cols", "fields"):
        mark = "!" if k in TARGETS and sc[k] < TARGETS[k] - 1e-9 else " "
        out.append("%s %5.3f%s" % (k, sc[k], mark))
    return "  ".join(out) + "   (%d parts, %d found, %d matched; %d fields, %d found)" % sc["n"]


def dump_of(importer, path):
    dump, err = run_importer(importer, os.path.abspath(path), [])
    if err:
        raise RuntimeError("%s: %s" % (path, err))
    return dump


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("expects", nargs="+")
    ap.add_argument("--importer", default=default_importer())
    ap.add_argument("--variants", action="store_true")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--pdf", metavar="DIR")
    a = ap.parse_args(argv)
    importer = os.path.abspath(a.importer)
    allsc = []
    for e in a.expects:
        src, parts, fields = reference(e)
        src = os.path.join(ROOT, src)
        tag = os.path.basename(e).split("_")[0].replace(".expect", "")
        runs = [("text", src)]
        tmp = tempfile.mkdtemp(prefix="kb-gscore-")
        if a.variants:
            s = V.Source(src)
            for i, name in enumerate(s.names(a.seed, a.quick)):
                path = os.path.join(tmp, "%s-%02d.txt" % (tag, i))
                with open(path, "wb") as f:
                    f.write(s.render(name).encode("utf-8"))
                runs.append((name, path))
        if a.pdf:
            pdf = os.path.join(a.pdf, tag + ".pdf")
            if os.path.exists(pdf):
                runs.append(("pdf", pdf))
        print("%s  %s" % (tag, os.path.relpath(src, ROOT)))
        perfect = 0
        for label, path in runs:
            try:
                sc = score(parts, fields, dump_of(importer, path))
            except RuntimeError as err:
                print("  %-8s %s" % (label[:8], err))
                continue
            allsc.append(sc)
            if label in ("text", "pdf"):
                print("  %-8s %s" % (label, fmt(sc)))
            elif sc["parts"] < 1 or sc["fields"] < 1:
                print("  variant  %s  %s" % (fmt(sc), label))
            else:
                perfect += 1
        if a.variants:
            print("  variants: %d of %d with every part and field" % (perfect, len(runs) - 1 -
                                                                      (1 if a.pdf and runs[-1][0] == "pdf" else 0)))
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)
    if allsc:
        mean = {k: sum(s[k] for s in allsc) / len(allsc) for k in ("parts", "cols", "fields")}
        low = {k: min(s[k] for s in allsc) for k in ("parts", "cols", "fields")}
        print("all, %d imports: mean parts %.3f cols %.3f fields %.3f; min parts %.3f fields %.3f"
              % (len(allsc), mean["parts"], mean["cols"], mean["fields"], low["parts"], low["fields"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""A development metric, not a test: how close the importer's dump of an
extraction is to a reference dump, in the figures issue 10 asks for.

    score.py --ref ORIGINAL FILE        FILE against ORIGINAL
    score.py SRC --variant NAME         a variant of SRC against SRC
    score.py --variants [--quick] [EXPECT...]
                                        every standard variant of every
                                        document with expectations

FILE and ORIGINAL are documents (imported with --importer, default
$KB_BUILD/kuaibao-import) or dumps (*.json).  The reference should be a
dump that passes its .expect: by default the original document's.

Figures (articles are matched one to one by normalised title, exactly or
with a difflib ratio >= 0.9):
    F1      of the articles (precision: matched / found, recall: matched /
            reference)
    col     matched articles in the right column
    ed      matched articles with the same list of editors
    date    matched articles with the same date
    url     per matched article with footnote URLs, the fraction of its
            reference URLs found in its footnotes; the mean
    subj    subject countries of the matched articles found as subjects
            (recall)
Targets (issue 10): F1 and col >= 0.98, ed and date >= 0.95, url >= 0.95,
subj >= 0.9.  A figure below its target is marked with "!".
"""

import argparse
import difflib
import json
import os
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import variants as V  # noqa: E402
from importcheck import default_importer, expect_documents, norm, run_importer  # noqa: E402

METRICS = ("F1", "col", "ed", "date", "url", "subj")
TARGETS = {"F1": 0.98, "col": 0.98, "ed": 0.95, "date": 0.95, "url": 0.95, "subj": 0.9}


class ScoreError(Exception):
    pass


def dump_of(importer, path):
    """The dump of a document, or a dump file as is."""
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    dump, err = run_importer(importer, os.path.abspath(path), [])
    if err:
        raise ScoreError("%s: %s" % (path, err))
    return dump


def articles(dump):
    out = []
    for issue in dump.get("issues") or []:
        for sec in issue.get("sections") or []:
            for a in sec.get("articles") or []:
                urls = set()
                for fn in a.get("footnotes") or []:
                    urls.update(u for u in (fn.get("urls") or []) if u)
                    if fn.get("url"):
                        urls.add(fn["url"])
                out.append({
                    "title": norm(a.get("title") or ""),
                    "column": norm(sec.get("name") or ""),
                    "authors": [norm(x) for x in a.get("authors") or []],
                    "date": a.get("date"),
                    "urls": urls,
                    "subjects": {norm(c.get("name")) for c in a.get("countries") or []
                                 if c.get("role") == "subject"},
                })
    return out


def match(ref, got):
    """Pairs (reference article, article found), one to one: equal titles
    first, then the most similar with a ratio of at least 0.9."""
    pairs, used_r, used_g = [], set(), set()
    for i, r in enumerate(ref):
        for j, g in enumerate(got):
            if j not in used_g and g["title"] == r["title"]:
                pairs.append((i, j))
                used_r.add(i)
                used_g.add(j)
                break
    cands = []
    for i, r in enumerate(ref):
        if i in used_r:
            continue
        for j, g in enumerate(got):
            if j in used_g:
                continue
            ratio = difflib.SequenceMatcher(None, r["title"], g["title"], autojunk=False).ratio()
            if ratio >= 0.9:
                cands.append((-ratio, i, j))
    for _, i, j in sorted(cands):
        if i not in used_r and j not in used_g:
            pairs.append((i, j))
            used_r.add(i)
            used_g.add(j)
    return [(ref[i], got[j]) for i, j in pairs]


def _mean(xs):
    return sum(xs) / len(xs) if xs else None


def score(ref_dump, dump):
    """The figures of dump against ref_dump (None where nothing counts)."""
    ref, got = articles(ref_dump), articles(dump)
    pairs = match(ref, got)
    n = len(pairs)
    p = n / len(got) if got else 0.0
    r = n / len(ref) if ref else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    subj_ref = sum(len(a["subjects"]) for a, _ in pairs)
    subj_hit = sum(len(a["subjects"] & b["subjects"]) for a, b in pairs)
    if not pairs:                       # nothing matched: nothing found either
        return {"F1": f1, "col": 0.0, "ed": 0.0, "date": 0.0,
                "url": 0.0 if any(a["urls"] for a in ref) else None,
                "subj": 0.0 if any(a["subjects"] for a in ref) else None, "n": (len(ref), len(got), 0)}
    return {
        "F1": f1,
        "col": _mean([a["column"] == b["column"] for a, b in pairs]),
        "ed": _mean([a["authors"] == b["authors"] for a, b in pairs]),
        "date": _mean([a["date"] == b["date"] for a, b in pairs]),
        "url": _mean([len(a["urls"] & b["urls"]) / len(a["urls"]) for a, b in pairs if a["urls"]]),
        "subj": subj_hit / subj_ref if subj_ref else None,
        "n": (len(ref), len(got), n),
    }


def cell(v, k):
    if v is None:
        return "    -"
    return "%5.3f%s" % (v, "!" if v < TARGETS[k] - 1e-9 else " ")


def row(label, sc, width):
    return "%-*s %s" % (width, label, " ".join(cell(sc.get(k), k) for k in METRICS))


def summary(scores):
    """Mean and minimum of every figure over a list of scores."""
    mean, low = {}, {}
    for k in METRICS:
        vals = [s[k] for s in scores if s.get(k) is not None]
        mean[k] = _mean(vals)
        low[k] = min(vals) if vals else None
    return mean, low


def header(width):
    return "%-*s %s" % (width, "", " ".join("%5s " % k for k in METRICS))


def all_variants(importer, expects, quick, seed):
    everything = []
    tmp = tempfile.mkdtemp(prefix="kb-score-")
    try:
        for tag, expect, src in expect_documents(expects):
            s = V.Source(src)
            ref = dump_of(importer, src)
            names = s.names(seed, quick)
            width = max(len(n) for n in names)
            print("%s  %s, %d variants (reference: %d articles)"
                  % (tag, os.path.relpath(src), len(names), len(articles(ref))))
            print(header(width))
            scores = []
            for i, name in enumerate(names):
                path = os.path.join(tmp, "%s-%02d%s" % (tag, i, os.path.splitext(src)[1] or ".txt"))
                with open(path, "wb") as f:
                    f.write(s.render(name).encode("utf-8"))
                try:
                    sc = score(ref, dump_of(importer, path))
                except ScoreError as e:
                    print("%-*s %s" % (width, name, e))
                    sc = {k: 0.0 for k in METRICS}
                os.unlink(path)
                scores.append(sc)
                print(row(name, sc, width))
            mean, low = summary(scores)
            print(row("mean", mean, width))
            print(row("min", low, width))
            print()
            everything += scores
    finally:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)
    mean, low = summary(everything)
    print("all documents, %d variants" % len(everything))
    print(header(8))
    print(row("mean", mean, 8))
    print(row("min", low, 8))
    print(row("target", TARGETS, 8))
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description="Score an extraction's import against a reference (issue 10).")
    ap.add_argument("file", nargs="*", help="FILE (with --ref), SRC (with --variant) or EXPECT (with --variants)")
    ap.add_argument("--importer", default=default_importer())
    ap.add_argument("--ref", help="the reference: a document or a dump (.json)")
    ap.add_argument("--variant", help="score this variant of SRC against SRC")
    ap.add_argument("--variants", action="store_true", help="the table of every standard variant")
    ap.add_argument("--quick", action="store_true", help="with --variants: a few variants per document")
    ap.add_argument("--seed", type=int, default=10)
    a = ap.parse_args(argv)
    importer = os.path.abspath(a.importer)
    try:
        if a.variants:
            return all_variants(importer, [os.path.abspath(f) for f in a.file], a.quick, a.seed)
        if len(a.file) != 1 or not (a.ref or a.variant):
            ap.error("FILE --ref REF, SRC --variant NAME, or --variants")
        if a.variant:
            s = V.Source(a.file[0])
            ref = dump_of(importer, a.file[0])
            with tempfile.NamedTemporaryFile(suffix=os.path.splitext(a.file[0])[1] or ".txt") as f:
                f.write(s.render(a.variant).encode("utf-8"))
                f.flush()
                got = dump_of(importer, f.name)
            label = a.variant
        else:
            ref = dump_of(importer, a.ref)
            got = dump_of(importer, a.file[0])
            label = os.path.basename(a.file[0])
    except (ScoreError, V.VariantError, OSError, ValueError) as e:
        sys.stderr.write("score.py: %s\n" % e)
        return 2
    sc = score(ref, got)
    width = max(len(label), 8)
    print(header(width))
    print(row(label, sc, width))
    print("# articles: %d in the reference, %d found, %d matched" % sc["n"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

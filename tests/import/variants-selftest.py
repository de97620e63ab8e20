#!/usr/bin/env python3
"""Checks tests/import/variants.py itself (TAP): for every document it
derives variants from, that

  - the model round-trips: the variant with every dimension as the
    original is the source, byte for byte;
  - every variant of the standard set (and extra widths) keeps the text:
    its body lines, without whitespace, are the original's body, and its
    note lines the original's notes; the output is exactly its lines and
    blank lines; it is the same when rendered twice;
  - a rewrapped line is at most W columns (notes notew) unless it is one
    unbreakable piece, starts with no closing punctuation and ends with no
    opening punctuation;
  - a paragraph that the original interrupts (page break, notes,
    furniture) is interrupted after a full line: rewrapping the line
    before the interruption together with the one after gives the same
    first line;
  - Markdown variants keep every non-space character, and a wrapped line
    starts no block.

usage: variants-selftest.py [SRC...]   (default: the corpus and unseen)
"""

import glob
import os
import re
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import variants as V  # noqa: E402
from importcheck import ROOT, Tap  # noqa: E402

EXTRA = ("blank=none,trail=none,w=21,notew=21", "blank=para,trail=all,ff=1,furn=pages,w=33",
         "blank=corpus,furn=none,lead=none,w=57,notew=86", "w=80,notew=80", "w=20,furn=pages,ff=1")
WS = re.compile(r"[\s\f]+")
LEADER = re.compile(r"\.{3,}")


def squeeze(s):
    """Without whitespace; a dot leader of any length is three dots."""
    return LEADER.sub("...", WS.sub("", s))


def content(emitted, kinds):
    return squeeze("".join(s for s, r in emitted if r.kind in kinds))


def check_output_is_rows(text, emitted, v, src):
    """The text is the emitted rows, in order, with only blank lines
    between them (and the final form feed)."""
    eol = "\r\n" if v["eol"] == "crlf" else "\n"
    exact = v["blank"] == "corpus" and v["w"] == "orig" and v["furn"] == "corpus"
    if v["ff"] == "1":
        if not text.endswith("\f"):
            return "no final form feed"
        text = text[:-1]
    if text.endswith(eol):
        text = text[:-len(eol)]
    elif not (exact and not src.endswith("\n")):
        return "no final line end"
    lines = text.split(eol)
    if eol == "\n" and any("\r" in l for l in lines):
        return "CR in an LF variant"
    rows = [l for l in lines if l != ""]
    want = [s for s, r in emitted if s != ""]
    if rows != want:
        for i, (a, b) in enumerate(zip(rows, want)):
            if a != b:
                return "line %d is %r, row %r" % (i + 1, a[:40], b[:40])
        return "%d lines, %d rows" % (len(rows), len(want))
    return None


def unbreakable(s, limit):
    toks = [t for t in V.tokenize(s, limit) if t.kind != "sp"]
    return len(toks) <= 1 or all(t.kind == "w" for t in toks) and " " not in s


def check_widths(emitted, v):
    """Problems of the rewrapped lines: width, punctuation, interruptions."""
    bad = []
    if v["w"] == "orig":
        return bad
    w, nw = int(v["w"]), int(v["notew"])
    body = [(s, r) for s, r in emitted if r.kind in ("body", "note") and r.wrapped]
    for s, r in body:
        t = s.lstrip("\f")
        if r.lead and v["lead"] == "orig":
            t = t[1:]
        t = t.rstrip(" ")
        limit = w if r.kind == "body" else nw
        hung = t.rstrip("".join(c for c in V.CLOSE if V.is_wide(c)))   # hanging punctuation
        if V.width(hung) > limit and not unbreakable(t.strip(), limit):
            bad.append("%d columns > %d: %r" % (V.width(t), limit, t[:50]))
        lt = t.lstrip(" ")
        if lt and lt[0] in V.CLOSE and V.is_wide(lt[0]):
            bad.append("starts with closing punctuation: %r" % t[:30])
        if t and t[-1] in V.OPEN:
            bad.append("ends with opening punctuation: %r" % t[-30:])
    # interruptions after a full line
    rows = [(s, r) for s, r in emitted]
    for i, (s, r) in enumerate(rows):
        if r.kind != "body" or not r.wrapped or r.span is None:
            continue
        j = i + 1
        while j < len(rows) and rows[j][1].unit is not r.unit:
            j += 1
        if j == i + 1 or j == len(rows):
            continue
        text = r.unit.text()
        first = V.wrap(text[r.span[0]:], w)[0][0]
        if first != text[r.span[0]:r.span[1]]:
            bad.append("interrupted after a short line %r (would be %r)" % (text[r.span[0]:r.span[1]][-20:], first[-20:]))
    return bad


def check_pdf_text(tap, tag, s, quick=False):
    src = s.src
    tap.add(s.render("orig") == src, "%s: the model renders the source byte for byte" % tag)
    names = s.names()
    tap.add(len(names) >= 25 and len(set(names)) == len(names),
            "%s: %d standard variants, all different" % (tag, len(names)))
    orig = s.rows("orig")
    want_body = content(orig, ("body",))
    want_notes = content(orig, ("note",))
    want_runhead = content(orig, ("runhead", "head", "pageno", "footer"))
    if quick:
        names = s.names(quick=True)
    for name in names + [V.canonical(V.parse_name(n)) for n in EXTRA]:
        v = V.parse_name(name)
        problems = []
        if V.canonical(V.parse_name(name)) != name:
            problems.append("name does not parse back")
        text = s.render(name)
        if s.render(name) != text:
            problems.append("not deterministic")
        emitted = s.rows(name)
        err = check_output_is_rows(text, emitted, v, src)
        if err:
            problems.append(err)
        if content(emitted, ("body",)) != want_body:
            problems.append("body text differs")
        if content(emitted, ("note",)) != want_notes:
            problems.append("note text differs")
        if v["furn"] == "corpus" and content(emitted, ("runhead", "head", "pageno", "footer")) != want_runhead:
            problems.append("furniture differs")
        problems += check_widths(emitted, v)
        tap.add(not problems, "%s %s" % (tag, name), extra=problems[:8])


def check_markdown(tap, tag, s, quick=False):
    tap.add(s.render("orig") == s.src, "%s: the Markdown source is rendered unchanged" % tag)
    for name in s.names():
        v = V.parse_name(name, True)
        text = s.render(name)
        problems = []
        if squeeze(text) != squeeze(s.src):
            problems.append("non-space characters differ")
        if v["eol"] == "crlf" and text.replace("\r\n", "").count("\n"):
            problems.append("LF without CR")
        if v["w"] != "orig":
            lim = int(v["w"])
            srclines = set(s.src.split("\n"))
            for l in text.replace("\r\n", "\n").split("\n"):
                if l.rstrip(" ") in srclines or l in srclines:
                    continue
                if V.width(l.rstrip(" ")) > lim and not unbreakable(l, lim) and " " in l.strip():
                    # only an atom (link, <sup>, **…**) may overflow
                    if not V.RE_MD_ATOM.search(l):
                        problems.append("%d columns: %r" % (V.width(l), l[:40]))
                if V.RE_MD_BLOCKSTART.match(l):
                    problems.append("a wrapped line starts a block: %r" % l[:40])
        tap.add(not problems, "%s %s" % (tag, name), extra=problems[:8])


def run(argv, quick=False):
    """The checks, as a Tap not yet printed (quick: on fewer variants)."""
    srcs = argv or sorted(glob.glob(os.path.join(ROOT, "data/corpus/*"))) + \
        sorted(f for f in glob.glob(os.path.join(ROOT, "tests/import/unseen/*")) if not f.endswith(".expect"))
    tap = Tap()
    # the line breaker on its own
    rows = [r[0] for r in V.wrap("美国发布《国家标准战略》，重申了标准对于美国的重要性。", 10)]
    tap.add(all(not r[0] in V.CLOSE for r in rows) and all(V.width(r) <= 10 for r in rows),
            "wrap: no line starts with closing punctuation", "≤ 10 columns, no leading 。，》", rows)
    rows = [r[0] for r in V.wrap("see https://www.example.org/a/very/long/path/name.pdf now", 20)]
    tap.add(rows[0] == "see https://www.exam" and all(V.width(r) <= 20 for r in rows),
            "wrap: a URL breaks anywhere", "see https://www.exam…", rows)
    rows = [r[0] for r in V.wrap("alpha beta gamma Internationalisation two", 12)]
    want = ["alpha beta", "gamma Intern", "ationalisati", "on two"]
    tap.add(rows == want, "wrap: only a word longer than W is broken", want, rows)
    for path in srcs:
        tag = os.path.basename(path).split("_")[0]
        try:
            s = V.Source(path)
        except (OSError, UnicodeDecodeError) as e:
            tap.add(False, "%s: read" % tag, extra=[str(e)])
            continue
        if s.markdown:
            check_markdown(tap, tag, s, quick)
        else:
            check_pdf_text(tap, tag, s, quick)
    return tap


def main(argv):
    return 1 if run(argv).emit() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Golden tests for the kuaibao importer: compare `kuaibao-import --json`
against expectations that were read by hand from the source documents.

Usage (from anywhere; the importer is run from the repository root):

    tests/import/check-expect.py --importer build/kuaibao-import \
        tests/import/corpus/*.expect

For every FILE.expect the script runs

    IMPORTER --data-dir data --json <file named in the expect file>

or, with `--source SRC`, on SRC instead (the same document in another
form, e.g. typeset as a PDF: tests/import/pdf.sh).

with the repository root as working directory, parses the JSON dump
(format "kuaibao-dump/1") and checks every assertion.  Output is TAP:
`1..N`, then `ok n - desc` / `not ok n - desc`; a failure is followed by
`#   expected: ...` and `#   got:      ...` (one line each).  Exit status 1
if anything failed.  If the importer crashes, times out or prints invalid
JSON, that is ONE failed test for that expect file (no traceback).

The expectations were NOT produced by running the importer: they were
copied from the documents.  If the importer disagrees with the document,
the importer is wrong.

Expect file format
==================

UTF-8, one assertion per line.  Blank lines and lines whose first
non-blank character is '#' are ignored.  Keywords are separated from their
argument by whitespace; the argument is the rest of the line.  "-" stands
for null / empty.

Issue-level lines (not indented):

    file PATH               source file, relative to the repository root
                            (must come first)
    kind bulletin|guide
    title TEXT
    year N
    status draft|final|-    a guide's status (征求意见稿 or final)
    totals N M FUNDING      a guide's totals as its front matter prints
                            them: directions, projects, 国拨经费 ("5.9亿元");
                            "-" for one it does not print
    date YYYY-MM-DD | -
    number TEXT | -
    sections N              number of sections
    section NAME COUNT      the next section, in order: its name and its
                            number of articles.  May be followed by
                            indented lines "- TITLE", which then give the
                            exact list of that section's article titles in
                            order.
    articles N              number of articles in the whole issue
    footnotes N             number of footnotes in the whole issue
    nowhere TEXT            no article title and no block of any article
                            contains TEXT (used for covers, tables of
                            contents and back matter that are not
                            articles)
    diag LEVEL TEXT         the importer's standard error has a line
                            holding ": LEVEL: " and TEXT; TEXT may be
                            several parts separated by " … ", which must
                            occur in that order in the one line
                            ("diag WARNING footnote 3 … no marker")
    nodiag LEVEL            no line of standard error holds ": LEVEL: "

    article TITLE           starts a sampled article (looked up by title);
                            the indented lines below it are its assertions:

      section NAME          the section the article is in
      date YYYY-MM-DD | -
      date_text TEXT | -
      authors NAME... | -   exact list of editors, in order
      first PREFIX          the first paragraph block starts with PREFIX
      last SUFFIX           the last paragraph block ends with SUFFIX
      paragraphs N          number of paragraph blocks
      heading TEXT          some heading block equals TEXT
      headings N            number of heading blocks
      tables N              number of table blocks
      table PREFIX          some table block's first row starts with PREFIX
                            (cells are tab-separated; after normalisation,
                            see below, "目标 建议" matches "目标\t建议")
      table-cell TEXT       some cell of some table block equals TEXT
      table-row A | B …     some row of some table block has exactly these cells
                            ("-" for an empty one)
      last-block TYPE       type of the article's last block
      paragraph-contains T  some paragraph block contains T
      contains T            some block (any type) or field value contains T
      footnotes N           number of footnotes of the article
      footnote N URL        footnote N exists and its "url" is exactly URL
      footnote N -          footnote N exists and has no URL at all
      footnote-urls N U...  footnote N's "urls" list is exactly U...
      footnote-text N PRE   footnote N's text starts with PRE
      country NAME [ROLE]   countries has NAME (with ROLE subject|mentioned
                            if given)
      nocountry NAME        countries does not have NAME
      theme NAME            themes contains NAME
      first-theme NAME      themes[0] is NAME
      notheme NAME          themes does not contain NAME
      field NAME PREFIX     some field called NAME has a value starting
                            with PREFIX
      field-lines NAME N    the (first) field called NAME has a value of N
                            non-empty lines (list items joined with "\\n")

An expect file without diag or nodiag lines expects no warnings: if the
importer prints any (exit status 1), that is one failed test listing
them.  With such lines, the warnings are what they say.

The tests of an expect file under tests/import/regress/RULE/ are named
RULE/CASE; others by the file name up to its first "_".

Text comparison
===============

Titles, names, date_text, paragraph/heading/table/field/footnote texts are
compared after normalising BOTH sides the same way: whitespace adjacent to
a CJK character or full-width punctuation is deleted, other whitespace
runs become one space, and the ends are trimmed.  So "4 月 20 日" equals
"4月20日" and expectations can be copied from the documents as printed.
URLs, dates, kinds, types and numbers are compared exactly.
"""

import os
import re
import sys

sys.dont_write_bytecode = True      # no __pycache__ in tests/import
from importcheck import main, norm, run_importer  # noqa: E402


# ---------------------------------------------------------------- parsing


class ExpectError(Exception):
    pass


def parse_expect(path):
    """Returns (file, issue_asserts, sections, articles, nowhere, diags)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    src = None
    issue = []          # (lineno, key, arg)
    sections = []       # [lineno, name, count, titles or None]
    articles = []       # [lineno, title, [(lineno, key, arg)]]
    nowhere = []        # (lineno, text)
    diags = []          # (lineno, level, text or None for nodiag)
    cur = None          # current section or article (what indented lines attach to)
    for no, raw in enumerate(lines, 1):
        if not raw.strip() or raw.strip().startswith("#"):
            continue
        indented = raw[0] in " \t"
        line = raw.strip()
        key, _, arg = line.partition(" ")
        arg = arg.strip()
        if indented:
            if cur is None:
                raise ExpectError("%s:%d: indented line outside a section/article" % (path, no))
            if cur[0] == "section":
                if key != "-":
                    raise ExpectError("%s:%d: expected '- TITLE' under section" % (path, no))
                if cur[1][3] is None:
                    cur[1][3] = []
                cur[1][3].append(arg)
            else:
                cur[1][2].append((no, key, arg))
            continue
        cur = None
        if key == "file":
            src = arg
        elif key in ("kind", "title", "year", "date", "number", "sections", "articles", "footnotes",
                     "status", "totals"):
            issue.append((no, key, arg))
        elif key == "section":
            m = re.match(r"^(.*\S)\s+(\d+)$", arg)
            if not m:
                raise ExpectError("%s:%d: section needs NAME COUNT" % (path, no))
            sec = [no, m.group(1), int(m.group(2)), None]
            sections.append(sec)
            cur = ("section", sec)
        elif key == "nowhere":
            nowhere.append((no, arg))
        elif key in ("diag", "nodiag"):
            level, _, text = arg.partition(" ")
            if not level or (key == "diag") != bool(text.strip()):
                raise ExpectError("%s:%d: expected %s" % (path, no, "diag LEVEL TEXT" if key == "diag" else "nodiag LEVEL"))
            diags.append((no, level, text.strip() if key == "diag" else None))
        elif key == "article":
            art = [no, arg, []]
            articles.append(art)
            cur = ("article", art)
        else:
            raise ExpectError("%s:%d: unknown keyword %r" % (path, no, key))
    if not src:
        raise ExpectError("%s: no 'file' line" % path)
    return src, issue, sections, articles, nowhere, diags


# ---------------------------------------------------------------- checks


def pick_issue(dump, src):
    issues = [i for i in dump["issues"] if isinstance(i, dict)]
    base = os.path.basename(src)
    for i in issues:
        if str(i.get("source") or "").endswith(base):
            return i
    if len(issues) == 1:
        return issues[0]
    return None


def blocks_of(art, typ=None):
    bl = [b for b in (art.get("blocks") or []) if isinstance(b, dict)]
    if typ is None:
        return bl
    return [b for b in bl if b.get("type") == typ]


def excerpt_around(texts, needle):
    """For a failed 'contains': show where the best partial match is."""
    n = norm(needle)
    for anchor in (n[:8], n[-8:], n[:4]):
        if not anchor:
            continue
        for t in texts:
            nt = norm(t)
            k = nt.find(anchor)
            if k >= 0:
                start = max(0, k - 10) if anchor != n[-8:] else max(0, k + 8 - len(n) - 10)
                return "…" + nt[start:start + len(n) + 20] + "…"
    return "(no such text)"


def find_footnote(art, n):
    for fn in art.get("footnotes") or []:
        if isinstance(fn, dict) and str(fn.get("n")) == str(n):
            return fn
    return None


def check_article(tap, tag, art, asserts):
    short = art.get("title") or ""
    short = norm(short)
    if len(short) > 22:
        short = short[:21] + "…"
    pre = "%s 《%s》" % (tag, short)
    paras = [b.get("text") or "" for b in blocks_of(art, "paragraph")]
    heads = [b.get("text") or "" for b in blocks_of(art, "heading")]
    tabs = [b.get("text") or "" for b in blocks_of(art, "table")]
    fields = [f for f in (art.get("fields") or []) if isinstance(f, dict)]
    countries = [c for c in (art.get("countries") or []) if isinstance(c, dict)]
    themes = list(art.get("themes") or [])
    for no, key, arg in asserts:
        desc = "%s: %s %s" % (pre, key, arg if len(arg) <= 40 else arg[:39] + "…")
        try:
            _check_one(tap, desc, art, key, arg, paras, heads, tabs, fields, countries, themes)
        except ExpectError as e:
            tap.add(False, desc, extra=["bad assertion at line %d: %s" % (no, e)])


def _num(arg):
    try:
        return int(arg)
    except ValueError:
        raise ExpectError("not a number: %r" % arg)


def _check_one(tap, desc, art, key, arg, paras, heads, tabs, fields, countries, themes):
    if key == "section":
        got = art.get("_section")
        tap.add(norm(got) == norm(arg), desc, arg, got)
    elif key == "date":
        exp = None if arg == "-" else arg
        got = art.get("date")
        tap.add(got == exp, desc, exp, got)
    elif key == "date_text":
        exp = None if arg == "-" else arg
        got = art.get("date_text")
        ok = (got is None and exp is None) or (got is not None and exp is not None and norm(got) == norm(exp))
        if exp is None and got == "":
            ok = True
        tap.add(ok, desc, exp, got)
    elif key == "authors":
        exp = [] if arg == "-" else arg.split()
        got = art.get("authors") or []
        tap.add([norm(a) for a in got] == [norm(a) for a in exp], desc, exp, got)
    elif key == "first":
        got = paras[0] if paras else None
        ok = got is not None and norm(got).startswith(norm(arg))
        tap.add(ok, desc, arg, "(no paragraphs)" if got is None else norm(got)[:len(norm(arg)) + 20])
    elif key == "last":
        got = paras[-1] if paras else None
        ok = got is not None and norm(got).endswith(norm(arg))
        tap.add(ok, desc, arg, "(no paragraphs)" if got is None else "…" + norm(got)[-(len(norm(arg)) + 20):])
    elif key == "paragraphs":
        tap.add(len(paras) == _num(arg), desc, arg, len(paras))
    elif key == "heading":
        ok = any(norm(h) == norm(arg) for h in heads)
        tap.add(ok, desc, arg, " | ".join(norm(h) for h in heads) or "(no headings)")
    elif key == "headings":
        tap.add(len(heads) == _num(arg), desc, arg,
                "%d: %s" % (len(heads), " | ".join(norm(h) for h in heads)))
    elif key == "tables":
        tap.add(len(tabs) == _num(arg), desc, arg, len(tabs))
    elif key == "table":
        rows = [norm(t.split("\n")[0]) for t in tabs]
        ok = any(r.startswith(norm(arg)) for r in rows)
        tap.add(ok, desc, arg, " | ".join(rows) or "(no tables)")
    elif key == "table-cell":
        cells = [c for t in tabs for row in t.split("\n") for c in row.split("\t")]
        ok = any(norm(c) == norm(arg) for c in cells)
        near = [norm(c) for c in cells if norm(arg)[:4] and norm(arg)[:4] in norm(c)]
        tap.add(ok, desc, arg, " | ".join(near) if near else "(no similar cell; %d cells)" % len(cells))
    elif key == "table-row":
        # the cells of one row, " | " between them, "-" for an empty one
        want = [norm(c) for c in arg.split(" | ")]
        want = ["" if c == "-" else c for c in want]
        rows = [[norm(c) for c in row.split("\t")] for t in tabs for row in t.split("\n")]
        near = [" | ".join(r) for r in rows if r and want[-1][:4] and want[-1][:4] in r[-1]]
        tap.add(want in rows, desc, arg, " / ".join(near) if near else "(no such row; %d rows)" % len(rows))
    elif key == "last-block":
        bl = blocks_of(art)
        got = bl[-1].get("type") if bl else None
        tap.add(got == arg, desc, arg, got)
    elif key == "paragraph-contains":
        ok = any(norm(arg) in norm(p) for p in paras)
        tap.add(ok, desc, arg, None if ok else excerpt_around(paras, arg))
    elif key == "contains":
        texts = [b.get("text") or "" for b in blocks_of(art)] + [str(f.get("value") or "") for f in fields]
        ok = any(norm(arg) in norm(t) for t in texts)
        tap.add(ok, desc, arg, None if ok else excerpt_around(texts, arg))
    elif key == "footnotes":
        fns = art.get("footnotes") or []
        tap.add(len(fns) == _num(arg), desc, arg,
                "%d: %s" % (len(fns), " ".join(str(f.get("n")) for f in fns if isinstance(f, dict))))
    elif key == "footnote":
        n, _, url = arg.partition(" ")
        url = url.strip()
        fn = find_footnote(art, n)
        if fn is None:
            tap.add(False, desc, "footnote %s" % n, "(no footnote %s in this article)" % n)
        elif url == "-":
            ok = fn.get("url") is None and not fn.get("urls")
            tap.add(ok, desc, "url null, urls []", {"url": fn.get("url"), "urls": fn.get("urls")})
        else:
            tap.add(fn.get("url") == url, desc, url, fn.get("url"))
    elif key == "footnote-urls":
        parts = arg.split()
        if not parts:
            raise ExpectError("footnote-urls needs N URL...")
        fn = find_footnote(art, parts[0])
        if fn is None:
            tap.add(False, desc, "footnote %s" % parts[0], "(no footnote %s in this article)" % parts[0])
        else:
            tap.add(list(fn.get("urls") or []) == parts[1:], desc, parts[1:], fn.get("urls"))
    elif key == "footnote-text":
        n, _, text = arg.partition(" ")
        fn = find_footnote(art, n)
        if fn is None:
            tap.add(False, desc, "footnote %s" % n, "(no footnote %s in this article)" % n)
        else:
            got = norm(fn.get("text") or "")
            tap.add(got.startswith(norm(text)), desc, text, got[:len(norm(text)) + 20])
    elif key == "country":
        parts = arg.split()
        name = parts[0] if parts else ""
        role = parts[1] if len(parts) > 1 else None
        hits = [c for c in countries if norm(c.get("name")) == norm(name)]
        ok = bool(hits) and (role is None or any(c.get("role") == role for c in hits))
        tap.add(ok, desc, arg, " ".join("%s/%s" % (c.get("name"), c.get("role")) for c in countries) or "(none)")
    elif key == "nocountry":
        ok = not any(norm(c.get("name")) == norm(arg) for c in countries)
        tap.add(ok, desc, "no " + arg, " ".join("%s/%s" % (c.get("name"), c.get("role")) for c in countries))
    elif key == "theme":
        tap.add(arg in themes, desc, arg, " ".join(themes) or "(none)")
    elif key == "notheme":
        tap.add(arg not in themes, desc, "no " + arg, " ".join(themes) or "(none)")
    elif key == "first-theme":
        got = themes[0] if themes else None
        tap.add(got == arg, desc, arg, " ".join(themes) or "(none)")
    elif key == "field":
        name, _, val = arg.partition(" ")
        vals = [str(f.get("value") or "") for f in fields if norm(f.get("name")) == norm(name)]
        ok = any(norm(v).startswith(norm(val)) for v in vals)
        got = " || ".join(norm(v)[:len(norm(val)) + 20] for v in vals) if vals else "(no field %s; fields: %s)" % (
            name, " ".join(str(f.get("name")) for f in fields) or "none")
        tap.add(ok, desc, val, got)
    elif key == "field-lines":
        name, _, n = arg.partition(" ")
        vals = [str(f.get("value") or "") for f in fields if norm(f.get("name")) == norm(name)]
        if not vals:
            tap.add(False, desc, n, "(no field %s)" % name)
        else:
            lines = [l for l in vals[0].split("\n") if l.strip()]
            tap.add(len(lines) == _num(n.strip()), desc, n.strip(),
                    "%d: %s" % (len(lines), " ⏎ ".join(norm(l)[:16] for l in lines)))
    else:
        raise ExpectError("unknown assertion %r" % key)


def check_diags(tap, tag, diags, lines):
    """diag/nodiag lines against the importer's standard error; without
    any, one failed test if it printed warnings."""
    if not diags:
        warn = [l for l in lines if ": WARNING: " in l]
        if warn:
            tap.add(False, "%s: no warnings" % tag, extra=warn[:10])
        return
    for no, level, text in diags:
        mark = ": %s: " % level
        hits = [l for l in lines if mark in l]
        if text is None:
            tap.add(not hits, "%s: nodiag %s" % (tag, level), "no %s" % level, " | ".join(hits))
            continue
        parts = text.split(" … ")

        def has(line):
            k = 0
            for part in parts:
                k = line.find(part, k)
                if k < 0:
                    return False
                k += len(part)
            return True
        tap.add(any(has(l) for l in hits), "%s: diag %s %s" % (tag, level, text), text,
                " | ".join(hits) or "(no %s)" % level)


def check_file(tap, importer, path, source=None, warnings=None):
    """Checks the document an expect file names, or source (another
    extraction of it) against the expect file; with a list for the
    importer's warnings, these are collected instead of failing."""
    tag = os.path.basename(path)
    if tag.endswith(".expect"):
        tag = tag[:-7]
    rule = os.path.dirname(os.path.abspath(path))
    if os.path.basename(os.path.dirname(rule)) == "regress":
        tag = os.path.basename(rule) + "/" + tag
    else:
        tag = tag.split("_")[0]
    try:
        src, iasserts, sections, articles, nowhere, diags = parse_expect(path)
    except (OSError, ExpectError, UnicodeDecodeError) as e:
        tap.add(False, "%s: read expect file" % tag, extra=[str(e)])
        return
    src = source or src
    stderr_lines = []
    dump, err = run_importer(importer, src, stderr_lines)
    if err:
        tap.add(False, "%s: import %s" % (tag, src), extra=[err])
        return
    issue = pick_issue(dump, src)
    if issue is None:
        tap.add(False, "%s: import %s" % (tag, src),
                extra=["no issue with source %s among %d issues" % (os.path.basename(src), len(dump["issues"]))])
        return
    tap.add(dump.get("format") == "kuaibao-dump/1", "%s: format" % tag, "kuaibao-dump/1", dump.get("format"))
    if warnings is None:
        check_diags(tap, tag, diags, stderr_lines)
    else:
        # the caller counts the warnings; only the expected ones are checked
        warnings.extend(l for l in stderr_lines if ": WARNING: " in l)
        if diags:
            check_diags(tap, tag, diags, stderr_lines)

    secs = [s for s in (issue.get("sections") or []) if isinstance(s, dict)]
    all_arts = []
    for s in secs:
        for a in s.get("articles") or []:
            if isinstance(a, dict):
                a["_section"] = s.get("name")
                all_arts.append(a)

    for no, key, arg in iasserts:
        desc = "%s: issue %s" % (tag, key)
        if key in ("kind", "title"):
            got = issue.get(key)
            ok = norm(got) == norm(arg) if key == "title" else got == arg
            tap.add(ok, desc, arg, got)
        elif key == "year":
            got = issue.get("year")
            tap.add(str(got) == arg, desc, arg, got)
        elif key in ("date", "number"):
            exp = None if arg == "-" else arg
            got = issue.get(key)
            ok = (got == exp) if key == "date" else (norm(got) == norm(exp) if exp is not None else got in (None, ""))
            tap.add(ok, desc, exp, got)
        elif key == "status":
            exp = None if arg == "-" else arg
            tap.add(issue.get("status") == exp, desc, exp, issue.get("status"))
        elif key == "totals":
            t = issue.get("totals") or {}
            got = " ".join("-" if t.get(k) is None else str(t.get(k))
                           for k in ("directions", "projects", "funding"))
            tap.add(norm(got) == norm(arg), desc, arg, got)
        elif key == "sections":
            tap.add(len(secs) == int(arg), desc, arg,
                    "%d: %s" % (len(secs), " ".join("%s(%d)" % (s.get("name"), len(s.get("articles") or [])) for s in secs)))
        elif key == "articles":
            tap.add(len(all_arts) == int(arg), desc, arg, len(all_arts))
        elif key == "footnotes":
            n = sum(len(a.get("footnotes") or []) for a in all_arts)
            tap.add(n == int(arg), desc, arg, n)

    for i, (no, name, count, titles) in enumerate(sections):
        s = secs[i] if i < len(secs) else None
        desc = "%s: section %d is %s with %d articles" % (tag, i + 1, name, count)
        if s is None:
            tap.add(False, desc, name, "(only %d sections)" % len(secs))
            continue
        arts = [a for a in (s.get("articles") or []) if isinstance(a, dict)]
        ok = norm(s.get("name")) == norm(name) and len(arts) == count
        tap.add(ok, desc, "%s %d" % (name, count), "%s %d" % (s.get("name"), len(arts)))
        if titles is not None:
            got = [norm(a.get("title")) for a in arts]
            tap.add(got == [norm(t) for t in titles], "%s: section %s article titles" % (tag, name),
                    " | ".join(titles), " | ".join(got))

    for no, text in nowhere:
        hits = []
        for a in all_arts:
            for t in [a.get("title") or ""] + [b.get("text") or "" for b in blocks_of(a)]:
                if norm(text) in norm(t):
                    hits.append(norm(a.get("title"))[:20])
                    break
        tap.add(not hits, "%s: nowhere %s" % (tag, text), "not in any article", "found in: " + ", ".join(hits))

    by_title = {}
    for a in all_arts:
        by_title.setdefault(norm(a.get("title")), a)
    for no, title, asserts in articles:
        a = by_title.get(norm(title))
        desc = "%s: article %s" % (tag, title)
        if a is None:
            near = [t for t in by_title if t and (t[:6] == norm(title)[:6] or t[-6:] == norm(title)[-6:])]
            tap.add(False, desc, title, "not found" + (" (similar: %s)" % " | ".join(near) if near else ""))
            for _, key, arg in asserts:
                tap.add(True, "%s 《%s》: %s %s" % (tag, norm(title)[:21], key, arg[:39]), skip="article not found")
            continue
        tap.add(True, desc)
        check_article(tap, tag, a, asserts)


if __name__ == "__main__":
    args = sys.argv[1:]
    source = None   # --source SRC: import SRC instead of the expect file's
    if "--source" in args[:-1]:
        k = args.index("--source")
        source = os.path.abspath(args[k + 1])
        del args[k:k + 2]
    sys.exit(main(args, __doc__, "check-expect.py --importer PATH [--source SRC] FILE.expect...",
                  lambda tap, imp, path: check_file(tap, imp, path, source)))

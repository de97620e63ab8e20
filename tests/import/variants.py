#!/usr/bin/env python3
"""Derives other extractions of one document, so that the importer can be
tested on every layout a PDF-to-text tool or a Markdown converter may give
(issue 10).  Python 3 standard library only.

    variants.py SRC --list               the standard set, one name a line
    variants.py SRC --variant NAME -o OUT

SRC is a document in the corpus's PDF-text form (data/corpus/000, 002, 004,
tests/import/unseen/2024-05.txt) or in Markdown (003, 2024-06.md).

PDF text is first read into a neutral model, using the cues of that one
extraction (the only place they may be used): a physical line with a
trailing space ends a logical line (for a document without trailing spaces
the end is inferred from the line's width and the next line's numbering);
the blank line after every line is noise; a line with exactly one leading
space and no blank line before it is a page's first line; a line of spaces
opens a footnote block ("N text", URLs split anywhere) that lasts to the
next page; "科技政策与咨询快报" followed by a page number, a lone "— N —",
a line of one space after them and, at the top of a page in the middle of
a paragraph, the article's own title are page furniture.  The model is a
sequence of units: logical paragraph (its physical lines and the points
where a page break, a footnote block or furniture interrupted it), note,
separator, furniture and page break.  It is rendered back with these
independent dimensions (a variant's name lists them, e.g.
"blank=none,trail=none,eol=crlf,ff=1,furn=corpus,lead=orig,w=36,notew=54"):

    blank   corpus (a blank line after every line) | para (only after a
            block: a paragraph or its part before an interruption, a note,
            a furniture line) | none
    trail   corpus (a space at the end of a logical line) | none | all
    eol     lf | crlf
    ff      0 | 1 (pdftotext: a form feed before each page's first line and
            one at the end)
    furn    corpus | none (no header, page number or title header) | pages
            (the running header at the top and the page number at the
            bottom of every numbered page; a document without furniture
            gets the bulletin's header, one with "— N —" numbers none)
    lead    orig (a space before a page's first line) | none
    w       orig | 20..80: paragraphs rewrapped at W columns (CJK and
            full-width characters 2, others 1; a Latin word is broken only
            if longer than W, a URL anywhere; no line starts with closing
            punctuation or ends with opening punctuation).  A paragraph
            interrupted in the original is interrupted after a full line,
            at the line boundary nearest to the original proportion.
            Narrow lines (cells of a flattened table) keep their breaks
            while they fit; page furniture is not rewrapped, the
            footnote rule is W spaces wide.
    notew   orig (with w=orig) | N: footnotes rewrapped at N columns
            (default round(1.5 W): notes are set in smaller type)

"blank=corpus,...,w=orig" with every dimension as the original reproduces
the source byte for byte (checked for every document by
variants-selftest.py).

Markdown is only varied in ways CommonMark keeps meaning: eol=crlf,
trail=none|all (trailing spaces stripped or one added to every line; note
that stripping turns "  " hard breaks into soft ones), w=40 (one-line
paragraphs hard-wrapped; a soft line break stays in the paragraph) and
hblank=none (no blank line before an ATX heading: CommonMark 0.31 §4.2,
"ATX headings need not be separated from surrounding content by blank
lines, and they can interrupt paragraphs").
"""

import argparse
import os
import random
import re
import sys
import unicodedata

# ---------------------------------------------------------------- widths

# Punctuation the documents set full-width although Unicode calls it
# ambiguous: curly quotes, dashes, ellipsis, middle dot, circled numbers
# (the same set as importcheck.norm's).
_WIDE_AMBIGUOUS = re.compile("[\u2014\u2015\u2018-\u201f\u2026\u00b7\u2460-\u24ff\u2776-\u2793]")


def cw(ch):
    """Columns of one character: CJK and full-width 2, others 1."""
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F") or _WIDE_AMBIGUOUS.match(ch):
        return 2
    return 1


def width(s):
    return sum(cw(c) for c in s)


def is_wide(ch):
    return cw(ch) == 2


# A line does not start with these (Chinese line-breaking rule) ...
CLOSE = set("。，、；：？！）》〉」』】〕〗”’…·%％,.;:!?)]}>")
# ... nor end with these.
OPEN = set("（《〈「『【〔〖“‘")

# ---------------------------------------------------------------- model


class Line:
    """One physical line of the original: page lead (one space before a
    page's first line), other leading spaces, text, trailing spaces, and
    the number of blank lines after it."""

    __slots__ = ("lead", "pre", "text", "trail", "blanks", "no")

    def __init__(self, raw, no, lead):
        self.no = no
        self.lead = lead
        body = raw[1:] if lead else raw
        stripped = body.rstrip(" ")
        self.trail = body[len(stripped):]
        self.text = stripped.lstrip(" ")
        self.pre = stripped[:len(stripped) - len(self.text)]
        self.blanks = 0

    def raw(self):
        return (" " if self.lead else "") + self.pre + self.text + self.trail


class Unit:
    """kind: para | note | sep | furn | pb.
    para: lines, inter {k: [units]} (interruption after line k), joins
    (one string per boundary: "" or " "), narrow, credit/leader layout.
    note: lines, num.  furn: sub (head, pageno, footer, space, runhead),
    lines (one), carrier (a space line carrying the page lead).
    pb: page break before the next line."""

    def __init__(self, kind, **kw):
        self.kind = kind
        self.lines = []
        self.inter = {}
        self.joins = []
        self.narrow = False
        self.sub = None
        self.num = None
        self.carrier = False
        self.__dict__.update(kw)

    def text(self):
        out = []
        for i, ln in enumerate(self.lines):
            if i:
                out.append(self.joins[i - 1])
            out.append((ln.pre if i == 0 else "") + ln.text)
        return "".join(out)

    def offsets(self):
        """Offset in text() of the end of each physical line."""
        offs, n = [], 0
        for i, ln in enumerate(self.lines):
            if i:
                n += len(self.joins[i - 1])
            n += len((ln.pre if i == 0 else "") + ln.text)
            offs.append(n)
        return offs


class Doc:
    def __init__(self):
        self.units = []
        self.lead_blanks = 0
        self.final_newline = True
        self.header = None              # running header text, if any
        self.pageno_fmt = "%d"
        self.page_offset = 1            # number of the page the text starts on
        self.body_width = 60
        self.has_trail = True           # whether a trailing space ends a logical line
        self.trail = " "                # what ends a logical line (corpus form)


DEFAULT_HEADER = "科技政策与咨询快报"
RE_PAGENO = re.compile(r"^\d{1,3}$")
RE_FOOTER = re.compile(r"^— ?(\d{1,3}) ?—$")
RE_NOTE = re.compile(r"^(\d{1,3}) \S")
RE_CREDIT = re.compile(r"^(.*?)( {2,})(（[\u4e00-\u9fff·]{2,6}(?: [\u4e00-\u9fff·]{2,6})*）)$")
RE_LEADER = re.compile(r"^(.*\S) (\.{4,}) (\d{1,3})$")
# Numbering that starts a logical line (for documents without the
# trailing-space cue): 一、 （一） （1） 1. 1、 1.1 and labels such as 领域方向：
RE_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）"
                     r"|\d+(?:\.\d+)*(?:[、.．]\s?(?=\D)|\s?(?=[\u4e00-\u9fff]))"
                     r"|[\u4e00-\u9fff]{2,6}[一二三四五六七八九十]?：)")
RE_SENTENCE_END = re.compile(r"[。；：！？）》”]$")


def _is_page_first(lines, i):
    l = lines[i]
    return len(l) > 1 and l[0] == " " and l[1] != " " and (i == 0 or lines[i - 1] != "")


def _next_content(lines, i):
    j = i + 1
    while j < len(lines) and lines[j] == "":
        j += 1
    return j


def read_pdf_text(src):
    """The model of a document in the corpus's PDF-text form."""
    doc = Doc()
    lines = src.split("\n")
    doc.final_newline = lines[-1] == ""
    if doc.final_newline:
        lines.pop()
    while doc.lead_blanks < len(lines) and lines[doc.lead_blanks] == "":
        doc.lead_blanks += 1
    content = [l for l in lines if l.strip()]
    doc.has_trail = sum(1 for l in content if l.endswith(" ")) > 0.2 * len(content)
    doc.trail = " " if doc.has_trail else ""
    items = _classify(lines, doc)
    if doc.header is None and doc.pageno_fmt == "%d":
        doc.header = DEFAULT_HEADER     # a bulletin without furniture: its running header
    _group(items, doc)
    for u in _all_units(doc.units):
        if u.kind == "para" and len(u.lines) >= 2:
            u.narrow = max(width(ln.text) for ln in u.lines[:-1]) <= 0.75 * doc.body_width
    return doc


def _classify(lines, doc):
    """The physical lines as (kind, Line, extra): pb (extra: the page
    lead), sep, note (extra: its number), note+ (a note's next line), furn
    (extra: head, pageno, footer, space, carrier, runhead) and body."""
    items = []
    last = None
    note_mode = False
    next_note = None
    page = 0                # pages started so far
    numbered = None         # (page index, printed number)
    titles = set()          # texts of one-line logical lines so far
    prev_body = None
    for i in range(doc.lead_blanks, len(lines)):
        raw = lines[i]
        if raw == "":
            last.blanks += 1
            continue
        first = _is_page_first(lines, i)
        ln = last = Line(raw, i + 1, first)
        if first:
            items.append(("pb", None, True))
            page += 1
            note_mode = False
        text = ln.text
        j = _next_content(lines, i)
        if raw.strip() == "":
            if len(raw) >= 20:
                items.append(("sep", ln, None))
                note_mode = True
            else:           # a line of one space; after a page number it starts the page
                after_number = bool(items) and items[-1][0] == "furn" and items[-1][2] == "pageno"
                items.append(("furn", ln, "carrier" if after_number else "space"))
        elif (not first and len(text) <= 20 and j < len(lines) and RE_PAGENO.match(lines[j].strip())
              and not RE_ENUM.match(text) and "。" not in text):
            items += [("pb", None, False), ("furn", ln, "head")]
            page += 1
            doc.header = text
            note_mode = False
        elif items and items[-1][2] == "head" and RE_PAGENO.match(text):
            items.append(("furn", ln, "pageno"))
            numbered = numbered or (page, int(text))
        elif RE_FOOTER.match(text):
            items += [("furn", ln, "footer"), ("pb", None, False)]
            doc.pageno_fmt = "— %d —"
            numbered = numbered or (page, int(RE_FOOTER.match(text).group(1)))
            page += 1
            note_mode = False
        elif note_mode:
            m = RE_NOTE.match(text)
            if m and (next_note is None or int(m.group(1)) == next_note):
                next_note = int(m.group(1)) + 1
                items.append(("note", ln, int(m.group(1))))
            else:
                items.append(("note+", ln, None))
        elif first and prev_body is not None and not prev_body.trail and text in titles and ln.trail:
            items.append(("furn", ln, "runhead"))     # the article's title atop a page
        else:
            if ln.trail and (prev_body is None or prev_body.trail):
                titles.add(text)
            items.append(("body", ln, None))
            prev_body = ln
    if numbered:
        doc.page_offset = numbered[1] - numbered[0] + (1 if items and items[0][0] == "pb" else 0)
    return items


def _ends(ln, after, doc):
    """Whether a body line ends its logical line, and the join if not
    ("" or, between two Latin words, " ")."""
    if after is None:
        return True, ""
    if doc.has_trail:
        if not ln.trail:
            return False, ""
        if re.search(r"[A-Za-z0-9,;:.\-]$", ln.text) and re.match(r"[A-Za-z(]", after.text):
            return False, " "           # "Weiyi " / "Shi": a wrap between words
        return True, ""
    # No trailing spaces: a short line ends, and so does a sentence
    # before numbering or a label.
    if ln.pre or width(ln.text) < 0.85 * doc.body_width:
        return True, ""
    return bool(RE_SENTENCE_END.search(ln.text) and RE_ENUM.match(after.text)), ""


def _group(items, doc):
    """doc.units from the classified lines: body lines joined into
    logical lines, what comes while one is open kept as its
    interruption."""
    body = [ln for k, ln, _ in items if k == "body"]
    widths = sorted(width(ln.text) for ln in body)
    full = [w for w in widths if w >= 0.6 * widths[-1]]
    doc.body_width = full[len(full) // 2] if full else 60
    after = dict(zip(map(id, body), body[1:]))
    para = None             # the open paragraph
    pending = []            # units met while it is open
    note = None
    for kind, ln, extra in items:
        if kind == "body":
            if para is None:
                para = Unit("para")
                doc.units.append(para)
            elif pending:
                para.inter[len(para.lines) - 1] = pending
                pending = []
            para.lines.append(ln)
            done, join = _ends(ln, after.get(id(ln)), doc)
            if done:
                para = None
            else:
                para.joins.append(join)
            continue
        target = pending if para is not None else doc.units
        if kind == "note+" and note is not None:
            note.lines.append(ln)
            continue
        if kind == "pb":
            u = Unit("pb", lead=extra)
        elif kind == "sep":
            u = Unit("sep")
        elif kind in ("note", "note+"):
            u = Unit("note", num=extra)
        else:
            u = Unit("furn", sub="space" if extra == "carrier" else extra, carrier=(extra == "carrier"))
        if ln is not None:
            u.lines.append(ln)
        note = u if u.kind == "note" else None
        target.append(u)


def _all_units(units):
    for u in units:
        yield u
        if u.kind == "para":
            for k in sorted(u.inter):
                yield from _all_units(u.inter[k])


# ---------------------------------------------------------------- wrapping


class Tok:
    __slots__ = ("s", "w", "kind", "off")

    def __init__(self, s, kind, off):
        self.s, self.kind, self.off = s, kind, off
        self.w = width(s)


RE_URL_START = re.compile(r"https?://|www\.")


def tokenize(text, limit):
    """Spaces (sp), wide characters (cj), Latin words (w) and URL or
    over-long word characters (u, breakable anywhere)."""
    toks = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == " ":
            j = i
            while j < n and text[j] == " ":
                j += 1
            toks.append(Tok(text[i:j], "sp", i))
        elif is_wide(c):
            j = i + 1
            if c in "—…":               # —— and …… are not split
                while j < n and text[j] == c:
                    j += 1
            toks.append(Tok(text[i:j], "cj", i))
        else:
            j = i
            while j < n and text[j] != " " and not is_wide(text[j]):
                j += 1
            run = text[i:j]
            m = RE_URL_START.search(run)
            word = run[:m.start()] if m else run
            if word:
                if width(word) > limit:
                    toks.extend(Tok(ch, "u", i + k) for k, ch in enumerate(word))
                else:
                    toks.append(Tok(word, "w", i))
            if m:
                toks.extend(Tok(ch, "u", i + m.start() + k) for k, ch in enumerate(run[m.start():]))
        i = j
    return toks


def _can_break(left, right, space):
    """May a line end with token left and the next start with token right
    (the last and first tokens that are not spaces; space: whether spaces
    were between them)?"""
    if right.kind == "cj" and right.s[0] in CLOSE:
        return False                    # 。，）》 never start a line
    if right.kind in ("w", "u") and left.kind == "cj" and right.s[0] in CLOSE:
        return False
    if left.s[-1] in OPEN:
        return False                    # （《“ never end one
    if space:
        return True
    if left.kind == "cj" and right.kind == "w" and right.s.isdigit():
        return False                    # a footnote marker stays with its word
    if left.kind == "w" and right.kind == "w":
        return False
    return True


def _break_at(toks, k):
    """Whether toks may be broken before index k."""
    i = k - 1
    while i >= 0 and toks[i].kind == "sp":
        i -= 1
    j = k
    while j < len(toks) and toks[j].kind == "sp":
        j += 1
    if i < 0 or j >= len(toks):
        return False
    return _can_break(toks[i], toks[j], j > i + 1)


def wrap(text, limit):
    """Lines of text wrapped at limit columns, each as (string, offset of
    its first character, offset after its last): greedy, breaking at the
    last legal point before the line overflows (one character back when
    the next line would start with closing punctuation)."""
    toks = tokenize(text, limit)
    rows = []
    start = 0                           # first token of the current line
    while start < len(toks):
        while start < len(toks) and toks[start].kind == "sp":
            start += 1
        if start == len(toks):
            break
        w = 0
        end = start
        while end < len(toks) and (w + toks[end].w <= limit or toks[end].kind == "sp"):
            w += toks[end].w
            end += 1
        if end == len(toks):
            rows.append(toks[start:end])
            break
        k = end
        while k > start and not _break_at(toks, k):
            k -= 1
        if k == start:
            # No legal break: closing punctuation hangs past the end of the
            # line (as typesetters do) rather than start the next one;
            # otherwise the width wins.
            k = end if end > start else start + 1
            while k < len(toks) and toks[k].kind == "cj" and toks[k].s[0] in CLOSE:
                k += 1
        rows.append(toks[start:k])
        start = k
    out = []
    for r in rows:
        while r and r[-1].kind == "sp":
            r = r[:-1]
        if r:
            out.append(("".join(x.s for x in r), r[0].off, r[-1].off + len(r[-1].s)))
    return out


# ---------------------------------------------------------------- rendering


class Row:
    """One output line before the dimensions are applied."""

    __slots__ = ("text", "trail", "lead", "pb", "kind", "blanks", "block_end", "unit", "wrapped", "span")

    def __init__(self, text, trail, lead, kind, blanks=None, block_end=False, unit=None, wrapped=False):
        self.text, self.trail, self.lead, self.kind = text, trail, lead, kind
        self.blanks, self.block_end, self.unit, self.wrapped = blanks, block_end, unit, wrapped
        self.pb = False
        self.span = None                # (start, end) in the unit's logical text


DIMENSIONS = ("blank", "trail", "eol", "ff", "furn", "lead", "w", "notew")
CHOICES = {
    "blank": ("corpus", "para", "none"),
    "trail": ("corpus", "none", "all"),
    "eol": ("lf", "crlf"),
    "ff": ("0", "1"),
    "furn": ("corpus", "none", "pages"),
    "lead": ("orig", "none"),
}
ORIGINAL = {"blank": "corpus", "trail": "corpus", "eol": "lf", "ff": "0", "furn": "corpus",
            "lead": "orig", "w": "orig", "notew": "orig"}
MD_DIMENSIONS = ("eol", "trail", "w", "hblank")
MD_ORIGINAL = {"eol": "lf", "trail": "corpus", "w": "orig", "hblank": "corpus"}


class VariantError(Exception):
    pass


def note_width(w):
    return int(w * 1.5 + 0.5)


def parse_name(name, markdown=False):
    """The parameters of a variant name ("orig" or k=v,...; omitted
    dimensions are as the original)."""
    dims = MD_DIMENSIONS if markdown else DIMENSIONS
    v = dict(MD_ORIGINAL if markdown else ORIGINAL)
    if name not in ("", "orig"):
        for part in name.split(","):
            k, eq, val = part.partition("=")
            if not eq or k not in dims:
                raise VariantError("unknown dimension %r in %r (dimensions: %s)" % (part, name, ", ".join(dims)))
            v[k] = val
    if markdown:
        ok = (v["eol"] in ("lf", "crlf") and v["trail"] in ("corpus", "none", "all")
              and v["hblank"] in ("corpus", "none") and (v["w"] == "orig" or v["w"].isdigit()))
        if not ok:
            raise VariantError("bad Markdown variant %r" % name)
        return v
    for k, vals in CHOICES.items():
        if v[k] not in vals:
            raise VariantError("%s=%s: not one of %s" % (k, v[k], "|".join(vals)))
    if v["w"] != "orig":
        if not v["w"].isdigit() or not 10 <= int(v["w"]) <= 200:
            raise VariantError("w=%s: orig or a width" % v["w"])
        if v["notew"] == "orig" or "notew=" not in name:
            v["notew"] = str(note_width(int(v["w"]))) if v["notew"] == "orig" else v["notew"]
        if not v["notew"].isdigit() or not 10 <= int(v["notew"]) <= 300:
            raise VariantError("notew=%s: a width" % v["notew"])
    elif v["notew"] != "orig":
        raise VariantError("notew needs w other than orig")
    return v


def canonical(v, markdown=False):
    return ",".join("%s=%s" % (k, v[k]) for k in (MD_DIMENSIONS if markdown else DIMENSIONS))


def _credit_row(credit, limit):
    return " " * max(0, limit - width(credit)) + credit


def layout_para(u, v, doc):
    """Rows of a paragraph and its interruptions."""
    rows = []
    if v["w"] == "orig":
        for i, ln in enumerate(u.lines):
            last = i == len(u.lines) - 1 or i in u.inter
            rows.append(Row(ln.pre + ln.text, ln.trail, ln.lead, "body", ln.blanks, last, u))
            if i in u.inter:
                rows.extend(layout(u.inter[i], v, doc))
        return rows
    limit = int(v["w"])
    text = u.text()
    pieces, kept = para_lines(u, text, limit)
    # Map each interruption to the full-line boundary nearest to its
    # proportion of the original.
    offs = u.offsets()
    total = max(1, len(text))
    bounds = []                         # boundary j: after piece j-1
    prev = 1
    for k in sorted(u.inter):
        if len(pieces) < 2 or k == len(u.lines) - 1:
            j = len(pieces)
        else:
            target = offs[k] / total
            cands = range(max(prev, 1), len(pieces))
            if not cands:
                j = len(pieces)
            else:
                j = min(cands, key=lambda c: (abs(pieces[c - 1][2] / total - target), c))
        prev = j
        bounds.append((j, k))
    at = {}
    for j, k in bounds:
        at.setdefault(j, []).append(k)
    trail = " " if u.lines[-1].trail else ""
    pending_lead = u.lines[0].lead
    for j, (s, a, b) in enumerate(pieces, 1):
        end = j == len(pieces)
        brk = j in at
        rows.append(Row(s, trail if end else "", pending_lead, "body", None, end or brk, u, not kept))
        rows[-1].span = (a, b)
        pending_lead = False
        if brk:
            for k in at[j]:
                rows.extend(layout(u.inter[k], v, doc))
                if k + 1 < len(u.lines) and u.lines[k + 1].lead:
                    pending_lead = True
    return rows


def para_lines(u, text, limit):
    """The lines of a paragraph at limit columns, each (string, start,
    end), and whether they are the original's (narrow lines that fit)."""
    if u.narrow and all(width(ln.text) <= limit for ln in u.lines):
        out, offs, start = [], u.offsets(), 0
        for i, ln in enumerate(u.lines):
            s = (ln.pre if i == 0 else "") + ln.text
            out.append((s, start, offs[i]))
            start = offs[i] + (len(u.joins[i]) if i < len(u.joins) else 0)
        return out, True
    return _layout_text(text, limit), False


def _layout_text(text, limit):
    """A logical line wrapped at limit columns; a contents entry keeps its
    dot leader and an editor credit is set flush right."""
    m = RE_LEADER.match(text)
    if m:
        rows = wrap(m.group(1), limit)
        num = m.group(3)
        last, a, b = rows[-1]
        dots = limit - width(last) - 2 - width(num)
        if dots >= 3:
            rows[-1] = (last + " " + "." * dots + " " + num, a, len(text))
        else:
            rows.append(("." * max(3, limit - 1 - width(num)) + " " + num, b, len(text)))
        return rows
    m = RE_CREDIT.match(text)
    if m and width(m.group(3)) <= limit:
        main, credit = m.group(1).strip(), m.group(3)
        rows = wrap(main, limit) if main else []
        if rows and width(rows[-1][0]) + 2 + width(credit) <= limit:
            s, a, b = rows[-1]
            rows[-1] = (s + " " * (limit - width(s) - width(credit)) + credit, a, len(text))
        else:
            rows.append((_credit_row(credit, limit), m.start(3), len(text)))
        return rows
    return wrap(text, limit)


def layout_note(u, v):
    """Rows of a note: its lines, or its text wrapped at notew."""
    if v["w"] == "orig":
        return [Row(ln.pre + ln.text, ln.trail, ln.lead, "note", ln.blanks, i == len(u.lines) - 1, u)
                for i, ln in enumerate(u.lines)]
    text = "".join(ln.text + (" " if ln.trail and i < len(u.lines) - 1 else "")
                   for i, ln in enumerate(u.lines))
    pieces = wrap(text, int(v["notew"]))
    trail = " " if u.lines[-1].trail else ""
    return [Row(s, trail if i == len(pieces) - 1 else "", u.lines[0].lead and i == 0, "note",
                None, i == len(pieces) - 1, u, True)
            for i, (s, a, b) in enumerate(pieces)]


def layout(units, v, doc):
    """Rows of a sequence of units; a page break marks the next row."""
    rows = []
    pb_pending = False
    for u in units:
        if u.kind == "pb":
            pb_pending = True
            continue
        if u.kind == "para":
            new = layout_para(u, v, doc)
        elif u.kind == "note":
            new = layout_note(u, v)
        else:
            ln = u.lines[0]
            kind = "sep" if u.kind == "sep" else u.sub
            trail = ln.trail
            if kind == "sep" and v["w"] != "orig":
                trail = " " * int(v["w"])       # the rule is as wide as the text
            new = [Row(ln.pre + ln.text, trail, ln.lead, kind,
                       ln.blanks if v["w"] == "orig" else None, True, u)]
        if pb_pending and new:
            new[0].pb = True
            pb_pending = False
        rows.extend(new)
    if pb_pending:
        rows.append(Row("", "", False, "eof"))
        rows[-1].pb = True
    return rows


FURNITURE = ("head", "pageno", "footer", "space", "runhead")


def _drop(rows, keep):
    """rows without those keep() refuses; a dropped row's page break and
    page lead (a space line's too) go to the next row kept."""
    out = []
    carry_pb = carry_lead = False
    for r in rows:
        if keep(r):
            if carry_pb:
                r.pb = True
            if carry_lead:
                r.lead = True
            carry_pb = carry_lead = False
            out.append(r)
        else:
            carry_pb = carry_pb or r.pb
            carry_lead = carry_lead or r.lead or (r.kind == "space" and r.unit is not None and r.unit.carrier)
    if carry_pb:
        r = Row("", "", False, "eof")
        r.pb = True
        out.append(r)
    return out


def apply_furniture(rows, v, doc):
    """The rows with the page furniture of v["furn"]."""
    if v["furn"] == "corpus":
        return rows
    rows = _drop(rows, lambda r: r.kind not in FURNITURE)
    if v["furn"] == "none":
        return rows
    # pages: header at the top, page number at the bottom of each page
    out = []
    page = doc.page_offset - (1 if rows and rows[0].pb else 0)

    def bottom():
        if page >= 1:
            out.append(Row(doc.pageno_fmt % page, doc.trail, False, "pageno", None, True))

    def top(first):
        if page >= 1 and doc.header:
            h = Row(doc.header, doc.trail, first.lead, "head", None, True)
            h.pb, first.pb, first.lead = first.pb, False, False
            out.append(h)

    for i, r in enumerate(rows):
        if r.pb:
            if out:
                bottom()
            page += 1
            if r.kind == "eof":
                out.append(r)
                continue
            top(r)
        elif i == 0:
            top(r)
        out.append(r)
    if rows and rows[-1].kind != "eof":
        bottom()
    return out


def render_rows(doc, v):
    rows = layout(doc.units, v, doc)
    return apply_furniture(rows, v, doc)


def serialize(doc, rows, v):
    exact = v["blank"] == "corpus" and v["w"] == "orig" and v["furn"] == "corpus"
    out = []
    eol = "\r\n" if v["eol"] == "crlf" else "\n"
    ff = v["ff"] == "1"
    emitted = []                        # (string, kind) for the self-test
    if exact:
        out.extend([""] * doc.lead_blanks)
    carry_pb = False
    for i, r in enumerate(rows):
        if r.kind == "eof":
            carry_pb = carry_pb or r.pb
            continue
        lead = " " if v["lead"] == "orig" and r.lead else ""
        if v["trail"] == "corpus":
            trail = r.trail
        elif v["trail"] == "none":
            trail = ""
        else:
            trail = r.trail or (" " if r.text or lead else "")
        s = lead + r.text + trail
        if v["trail"] == "none":
            s = s.rstrip(" ")
        pb = (r.pb or carry_pb) and bool(emitted)
        if s == "" and v["blank"] != "corpus":
            carry_pb = carry_pb or r.pb
            continue
        carry_pb = False
        if ff and pb:
            s = "\f" + s
        out.append(s)
        emitted.append((s, r))
        # blank lines after this row
        if v["blank"] == "para":
            if r.block_end:
                out.append("")
        elif v["blank"] == "corpus":
            if exact:
                out.extend([""] * (r.blanks or 0))
            elif r.kind != "sep" and i + 1 < len(rows) and not rows[i + 1].pb:
                out.append("")      # none after a separator or before a page's first line
    text = eol.join(out)
    if doc.final_newline or not exact:
        text += eol
    if ff:
        text += "\f"
    return text, emitted


def render(doc, v):
    """The text of variant v (a parameter dict) of a PDF-text document."""
    text, _ = serialize(doc, render_rows(doc, v), v)
    return text


# ---------------------------------------------------------------- Markdown

RE_MD_BLOCKSTART = re.compile(r"^(?: {0,3})(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|=+\s*$|-+\s*$"
                              r"|```|~~~|<|\||\t| {4})")
RE_MD_ATOM = re.compile(r"<sup>[^<]*</sup>|<[a-z]+:[^>\s]*>|\[[^\]]*\]\([^)]*\)|\[[^\]]*\]|\*\*|\\.|`[^`]*`")


def _md_atoms(line):
    """(string, kind): sp, wide, latin, or markup (a link, an autolink,
    <sup>, code, an escape or **), with whether a line may start with it."""
    atoms = []
    pos = 0
    for m in list(RE_MD_ATOM.finditer(line)) + [None]:
        stop = m.start() if m else len(line)
        for ch in line[pos:stop]:
            atoms.append((ch, "sp" if ch == " " else "wide" if is_wide(ch) else "latin"))
        if m:
            atoms.append((m.group(0), "markup"))
            pos = m.end()
    out = []
    for i, (s, kind) in enumerate(atoms):
        if i == 0:
            brk = False
        elif kind == "sp":
            brk = True
        else:
            pk = atoms[i - 1][1]
            ps = atoms[i - 1][0]
            if kind == "markup" or pk == "markup":
                brk = False
            elif kind == "wide" and s in CLOSE or ps[-1] in OPEN:
                brk = False
            elif pk == "sp":
                brk = True
            else:
                brk = not (kind == "latin" and pk == "latin")
        out.append((s, kind, brk))
    return out


def md_wrap(line, limit):
    """A one-line Markdown paragraph hard-wrapped at limit columns with
    soft line breaks where its meaning cannot change: not inside a link,
    an autolink, <sup>, code or an escape, not next to **, not inside a
    Latin word, and never so that a line starts like a block (list,
    heading, quote, HTML)."""
    atoms = _md_atoms(line)
    rows = []
    start = 0
    n = len(atoms)
    while start < n:
        while start < n and atoms[start][1] == "sp":
            start += 1
        w, end = 0, start
        while end < n and (w + width(atoms[end][0]) <= limit or atoms[end][1] == "sp"):
            w += width(atoms[end][0])
            end += 1
        if end >= n:
            rows.append("".join(a[0] for a in atoms[start:]).rstrip(" "))
            break
        k = end
        while k > start:
            if atoms[k][2]:
                rest = "".join(a[0] for a in atoms[k:]).lstrip(" ")
                if not RE_MD_BLOCKSTART.match(rest):
                    break
            k -= 1
        if k == start:                  # no safe break: the line overflows
            k = end + 1
            while k < n and not atoms[k][2]:
                k += 1
        rows.append("".join(a[0] for a in atoms[start:k]).rstrip(" "))
        start = k
    return [r for r in rows if r]


def render_markdown(src, v):
    lines = src.split("\n")
    final = lines[-1] == ""
    if final:
        lines.pop()
    out = []
    for i, l in enumerate(lines):
        single = (l.strip() and (i == 0 or not lines[i - 1].strip())
                  and (i + 1 == len(lines) or not lines[i + 1].strip()))
        if (v["w"] != "orig" and single and "\t" not in l and not RE_MD_BLOCKSTART.match(l)
                and not l.startswith("<sup>") and not l.endswith("  ")):
            out.extend(md_wrap(l, int(v["w"])))
        else:
            out.append(l)
    if v["hblank"] == "none":
        kept = []
        for i, l in enumerate(out):
            nxt = out[i + 1] if i + 1 < len(out) else ""
            if (l == "" and re.match(r"^#{1,6}\s", nxt) and kept and kept[-1].strip()
                    and not re.match(r"^ {0,3}(?:-+|=+)\s*$", nxt)):
                continue
            kept.append(l)
        out = kept
    if v["trail"] == "none":
        out = [l.rstrip(" \t") for l in out]
    elif v["trail"] == "all":
        out = [l + " " if l and not l.endswith(" ") else l for l in out]
    eol = "\r\n" if v["eol"] == "crlf" else "\n"
    return eol.join(out) + (eol if final else "")


# ---------------------------------------------------------------- the standard set

COMPACT_WIDTHS = (20, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80)


def is_markdown(src):
    return re.search(r"^#{1,6} \S", src, re.M) is not None


def random_mix(rng):
    v = {k: rng.choice(vals) for k, vals in CHOICES.items()}
    if rng.random() < 0.2:
        v["w"], v["notew"] = "orig", "orig"
    else:
        w = rng.randint(20, 80)
        v["w"] = str(w)
        v["notew"] = str(note_width(w) if rng.random() < 0.5 else w)
    return v


def standard_set(path, src, seed=10, quick=False):
    """Names of the standard variants of a document."""
    if is_markdown(src):
        names = ["orig", "eol=crlf", "trail=none", "trail=all", "w=40", "hblank=none",
                 "eol=crlf,trail=all,w=40,hblank=none"]
        names = [canonical(parse_name(n, True), True) for n in names]
        return names[:3] if quick else names
    names = ["orig"]
    singles = ["blank=para", "blank=none", "trail=none", "trail=all", "eol=crlf", "ff=1",
               "furn=none", "furn=pages", "lead=none", "w=48", "w=48,notew=48"]
    names += singles
    names.append("blank=none,trail=none")
    names += ["blank=none,trail=none,eol=lf,w=%d" % w for w in COMPACT_WIDTHS]
    rng = random.Random("%d:%s" % (seed, os.path.basename(path)))
    mixes = [random_mix(rng) for _ in range(10)]
    out = [canonical(parse_name(n)) for n in names] + [canonical(m) for m in mixes]
    if quick:
        keep = ("orig", "blank=none,trail=none", "blank=none,trail=none,eol=lf,w=20",
                "blank=none,trail=none,eol=lf,w=36", "blank=none,trail=none,eol=lf,w=80")
        out = [canonical(parse_name(n)) for n in keep] + [canonical(m) for m in mixes[:2]]
    seen = set()
    return [n for n in out if not (n in seen or seen.add(n))]


class Source:
    """A document read once, rendered into any number of variants."""

    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as f:
            self.src = f.read()
        self.markdown = is_markdown(self.src)
        self.doc = None if self.markdown else read_pdf_text(self.src)

    def names(self, seed=10, quick=False):
        return standard_set(self.path, self.src, seed, quick)

    def render(self, name):
        v = parse_name(name, self.markdown)
        if self.markdown:
            return render_markdown(self.src, v)
        return render(self.doc, v)

    def rows(self, name):
        """(string, Row) of every line of a PDF-text variant (self-test)."""
        v = parse_name(name)
        return serialize(self.doc, render_rows(self.doc, v), v)[1]


def print_model(doc, units=None, depth=0):
    """One line per unit, interruptions indented."""
    if units is None:
        print("# header %r, page numbers %r from %d, body width %d"
              % (doc.header, doc.pageno_fmt, doc.page_offset, doc.body_width))
        units = doc.units
    ind = "    " * depth
    for u in units:
        if u.kind == "pb":
            print("%s-- page break%s" % (ind, " (lead)" if u.lead else ""))
            continue
        no = u.lines[0].no
        if u.kind == "para":
            flags = ("narrow " if u.narrow else "") + ("soft " if " " in u.joins else "")
            print("%s%5d para %d lines %s%s" % (ind, no, len(u.lines), flags, u.text()[:60]))
            for k in sorted(u.inter):
                print("%s      interrupted after line %d (%d):" % (ind, k + 1, u.lines[k].no))
                print_model(doc, u.inter[k], depth + 1)
        elif u.kind == "note":
            print("%s%5d note %s (%d lines) %s" % (ind, no, u.num, len(u.lines), u.lines[0].text[:50]))
        elif u.kind == "sep":
            print("%s%5d separator" % (ind, no))
        else:
            print("%s%5d furniture %s%s %r" % (ind, no, u.sub, " (carrier)" if u.carrier else "",
                                             u.lines[0].text))


def main(argv):
    ap = argparse.ArgumentParser(description="Derive other extractions of a document (issue 10).")
    ap.add_argument("src")
    ap.add_argument("--list", action="store_true", help="print the standard set")
    ap.add_argument("--quick", action="store_true", help="with --list: a small subset")
    ap.add_argument("--seed", type=int, default=10, help="seed of the random mixes (default 10)")
    ap.add_argument("--variant", help="a variant name (see --list)")
    ap.add_argument("-o", dest="out", help="output file (default stdout)")
    ap.add_argument("--model", action="store_true", help="print the model read from SRC (debugging)")
    a = ap.parse_args(argv)
    try:
        s = Source(a.src)
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write("variants.py: %s: %s\n" % (a.src, e))
        return 2
    if a.model and s.doc is not None:
        print_model(s.doc)
        return 0
    if a.list:
        for n in s.names(a.seed, a.quick):
            print(n)
        return 0
    if not a.variant:
        ap.error("--list or --variant NAME")
    try:
        text = s.render(a.variant)
    except VariantError as e:
        sys.stderr.write("variants.py: %s\n" % e)
        return 2
    data = text.encode("utf-8")
    if a.out:
        with open(a.out, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        sys.exit(1)

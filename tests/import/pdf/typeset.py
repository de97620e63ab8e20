#!/usr/bin/env python3
"""Typesets a document as the PDF of a real issue, for tests/import/pdf.sh.

    typeset.py DUMP.json OUT.pdf     the first issue of a kuaibao-dump/1
    typeset.py --encrypted OUT.pdf   a page of text behind a user password
    typeset.py --image-only OUT.pdf  a page that is only a picture of text

The dump (`kuaibao-import --json` of a corpus document) is the model of the
document: its columns, titles, paragraphs, headings, tables, footnotes,
editors, and a guide's parts, directions and fields.  A bulletin is set as
the issues are printed: A4; a cover with the masthead, the issue's number
and date when the dump has them, 本期要目 and the institute; 目录 with dot
leaders and the real page numbers (the body is laid out first); running
headers (the masthead on the left, the column on the right) and page
numbers at the foot; column names as headings; titles bold and centred;
body paragraphs justified with a two-character indent, a quarter-em gap
between Chinese and Latin text (as word processors leave); footnote
markers as superscript digits and the notes in small type at the foot of
the page where their marker falls, their URLs broken across lines; the
editors flush right after each article; tables ruled, their header row
bold; and a back page with the institute, the product series and the
address.  A guide gets a title page, then its preamble, parts (一、) and
groups, directions (1.1) and labelled fields (合作协议：…; not 类别, the
category its title ends with), with "— N —" page numbers.

The output is the same on every run (ReportLab's invariant mode: fixed
dates and document ids).  Exit status 77 when ReportLab or a CJK TrueType
font is missing: the caller skips.  Bold is the word processors' fake
bold (the glyphs filled and stroked), since the one CJK font ReportLab can
embed here (WenQuanYi Micro Hei; Noto CJK has PostScript outlines, which
ReportLab cannot embed) has no bold face.
"""

import json
import re
import sys

SKIP = 77
try:
    from reportlab.lib.colors import Color, black
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
except ImportError:
    print("typeset.py: ReportLab is missing (Debian: python3-reportlab)", file=sys.stderr)
    sys.exit(SKIP)

FONTS = [   # (file, index in a collection): TrueType outlines only
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
]
FONT = "KB"
FONT_FILE = None
RED = Color(0.75, 0.08, 0.1)
PAGE_W, PAGE_H = A4
INSTITUTE = "中国科学院科技战略咨询研究院"
MASTHEAD = "科技政策与咨询快报"


def load_font():
    global FONT_FILE
    for path, index in FONTS:
        try:
            pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=index))
        except Exception:
            continue
        FONT_FILE = (path, index)
        return
    print("typeset.py: no CJK TrueType font (Debian: fonts-wqy-microhei)", file=sys.stderr)
    sys.exit(SKIP)


def width(s, size):
    return pdfmetrics.stringWidth(s, FONT, size)


# ------------------------------------------------------------ line breaking

_WIDE = re.compile("[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f"
                   "\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                   "\ufe30-\ufe4f\uff00-\uffef\u2014\u2015\u2018-\u201f"
                   "\u2026\u2460-\u24ff]")
NO_START = set("，。、；：？！）》」』”’…—%·,.;:?!)]}")
NO_END = set("（《「『“‘([{")
MARK = re.compile(r"\[\^(\d+)\]")


def wide(ch):
    return bool(_WIDE.match(ch))


class Atom:
    """A piece of a line that is never broken: a Chinese character, a
    Latin word, a character of a URL, or a footnote marker."""

    def __init__(self, text, size, bold=False, rise=0.0, note=None):
        self.text, self.size, self.bold, self.rise, self.note = text, size, bold, rise, note
        self.width = width(text, size)
        self.gap = 0.0          # space before it, unless it opens a line
        self.breakable = False  # a line may start with it
        self.stretch = False    # justification may widen the space before it


def atoms_of(text, size, bold=False):
    """The atoms of a text in which footnote markers are written [^n]."""
    out = []
    pos = 0
    for m in MARK.finditer(text):
        _words(out, text[pos:m.start()], size, bold)
        a = Atom(m.group(1), size * 0.6, bold, size * 0.38, int(m.group(1)))
        out.append(a)       # glued to the word before it
        pos = m.end()
    _words(out, text[pos:], size, bold)
    return out


def _words(out, s, size, bold):
    space = False
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isspace():
            space = True
            i += 1
            continue
        if wide(ch):
            pieces, i = [ch], i + 1
        else:
            j = i
            while j < len(s) and not s[j].isspace() and not wide(s[j]):
                j += 1
            word, i = s[i:j], j
            # URLs (and words too long for a line) break anywhere
            pieces = list(word) if word.startswith("http") or len(word) > 30 else [word]
        for k, p in enumerate(pieces):
            a = Atom(p, size, bold)
            prev = out[-1] if out else None
            if prev is None:
                pass
            elif space and k == 0:
                a.gap, a.breakable, a.stretch = width(" ", size), True, True
            elif k > 0:
                a.breakable = True          # inside a URL
            elif prev.note is not None or wide(p[0]) or wide(prev.text[-1]):
                if wide(p[0]) != wide(prev.text[-1]) and p[0].isalnum() and prev.text[-1].isalnum():
                    a.gap = size * 0.25     # between Chinese and Latin text
                a.breakable = a.stretch = True
            if a.breakable and (p[0] in NO_START or (prev and prev.text[-1] in NO_END)):
                a.breakable = False
            out.append(a)
        space = False


class Line:
    def __init__(self, atoms, leading):
        self.atoms = atoms      # [(x, Atom)]
        self.leading = leading
        self.notes = [a.note for _, a in atoms if a.note is not None]
        self.width = atoms[-1][0] + atoms[-1][1].width if atoms else 0


def break_lines(atoms, measure, leading, indent=0.0, justify=True, align="left"):
    """Greedy line breaking with the usual rules for Chinese (no line starts
    with a closing mark or ends with an opening one), justified but the
    last line."""
    groups = []
    i = 0
    while i < len(atoms):
        limit = measure - (indent if not groups else 0)
        cur, x = [], 0.0
        while i < len(atoms):
            a = atoms[i]
            end = x + (a.gap if cur else 0) + a.width
            if cur and end > limit + 0.01:
                cut = len(cur) if a.breakable else None
                if cut is None:
                    cut = next((k for k in range(len(cur) - 1, 0, -1) if cur[k].breakable), len(cur))
                i -= len(cur) - cut
                cur = cur[:cut]
                break
            cur.append(a)
            x = end
            i += 1
        groups.append(cur)
    lines = []
    for n, g in enumerate(groups):
        limit = measure - (indent if n == 0 else 0)
        natural = sum(a.width for a in g) + sum(a.gap for a in g[1:])
        extra = limit - natural
        nstretch = sum(1 for a in g[1:] if a.stretch)
        add = extra / nstretch if justify and n < len(groups) - 1 and nstretch else 0
        # a line that would be spaced out is left short, as pdftotext would
        # read wide gaps as spaces (Word squeezes its punctuation instead)
        add = min(add, g[0].size * 0.08 if g else 0)
        x = indent if n == 0 else 0.0
        if align == "center":
            x += max(0.0, extra) / 2
        elif align == "right":
            x += max(0.0, extra)
        placed = []
        for k, a in enumerate(g):
            if k:
                x += a.gap + (add if a.stretch else 0)
            placed.append((x, a))
            x += a.width
        lines.append(Line(placed, leading))
    return lines


# ------------------------------------------------------------ pages


class Geometry:
    def __init__(self, size, leading, measure, top, bottom, note_size, note_leading):
        self.size, self.leading, self.measure = size, leading, measure
        self.left = (PAGE_W - measure) / 2
        self.top, self.bottom = top, bottom
        self.note_size, self.note_leading = note_size, note_leading


class Page:
    def __init__(self, number, column=None):
        self.number, self.column = number, column
        self.ops = []       # ("text", x, y, text, size, bold, color) | ("rule", x1, y1, x2, y2, w, color) | ("fill", …)
        self.notes = []     # [Line] of the footnotes, top down

    def text(self, x, y, s, size, bold=False, color=black):
        self.ops.append(("text", x, y, s, size, bold, color))

    def rule(self, x1, y1, x2, y2, w=0.5, color=black):
        self.ops.append(("rule", x1, y1, x2, y2, w, color))

    def line(self, line, x0, baseline, color=black):
        for x, a in line.atoms:
            self.text(x0 + x, baseline + a.rise, a.text, a.size, a.bold, color)


NOTE_SEP = 10.0     # the rule above the notes and the space around it


class Flow:
    """Fills pages with lines top down; footnotes go to the foot of the page
    on which their marker is set, and push the body up."""

    def __init__(self, geom, notes=None, column=None):
        self.g = geom
        self.notes = notes or {}    # number -> text of the note
        self.done = set()
        self.pages = []
        self.column = column
        self.new_page()

    def new_page(self):
        self.page = Page(len(self.pages) + 1, self.column)
        self.pages.append(self.page)
        self.y = self.g.top
        self.notes_h = 0.0

    def note_lines(self, n):
        body = self.notes.get(n, "")
        atoms = atoms_of(body, self.g.note_size)
        if atoms:
            atoms[0].gap = self.g.note_size / 2
        # superscript, but not so high that pdftotext sets it on a line
        # of its own (Word's footnote numbers come out "1 Text")
        num = Atom(str(n), self.g.note_size * 0.75, rise=self.g.note_size * 0.25)
        return break_lines([num] + atoms, self.g.measure, self.g.note_leading, justify=False)

    def room(self):
        return self.y - self.g.bottom - (self.notes_h + NOTE_SEP if self.notes_h else 0)

    def keep(self, need):
        """A new page unless need points fit (a heading and what follows it)."""
        if self.room() < need and self.y < self.g.top:
            self.new_page()

    def fits(self, h, notes):
        """Whether h points of body and the notes first cited there fit."""
        new = [n for n in notes if n in self.notes and n not in self.done]
        nh = sum(l.leading for n in new for l in self.note_lines(n))
        return self.room() >= h + nh + (NOTE_SEP if nh and not self.notes_h else 0)

    def place(self, line, x0=0.0, color=black, notes=None):
        notes = line.notes if notes is None else notes
        if not self.fits(line.leading, notes) and self.y < self.g.top:
            self.new_page()
        new = [n for n in notes if n in self.notes and n not in self.done]
        note_lines = [l for n in new for l in self.note_lines(n)]
        nh = sum(l.leading for l in note_lines)
        top = self.y
        self.y -= line.leading
        baseline = top - line.leading / 2 - line_size(line) * 0.35
        self.page.line(line, self.g.left + x0, baseline, color)
        self.page.notes.extend(note_lines)
        self.notes_h += nh
        self.done.update(new)
        return top

    def space(self, h):
        if self.y < self.g.top:
            self.y -= h

    def leftover_notes(self, numbers):
        """Notes whose marker was never set join the page the article ends on."""
        for n in numbers:
            if n in self.notes and n not in self.done:
                for l in self.note_lines(n):
                    self.page.notes.append(l)
                    self.notes_h += l.leading
                self.done.add(n)


def line_size(line):
    return max((a.size for _, a in line.atoms if a.note is None), default=10)


# ------------------------------------------------------------ the body


class Body:
    """Lays out a bulletin's or a guide's body; remembers where each title
    went for the table of contents."""

    def __init__(self, issue, guide):
        self.issue, self.guide = issue, guide
        if guide:
            self.g = Geometry(16, 28.9, 28 * 16, PAGE_H - 80, 90, 10.5, 14)
        else:
            self.g = Geometry(12, 20, 33 * 12, PAGE_H - 80, 72, 9, 12)
        self.toc = []       # (column, title, page number)

    def run(self):
        notes = {}
        for s in self.issue["sections"]:
            for a in s["articles"]:
                for fn in a.get("footnotes") or []:
                    urls = fn.get("urls") or ([fn["url"]] if fn.get("url") else [])
                    notes[fn["n"]] = " ".join([fn.get("text") or ""] + urls).strip()
        self.flow = Flow(self.g, notes)
        for s in self.issue["sections"]:
            if self.guide:
                self.guide_part(s)
                continue
            self.flow.column = s["name"]
            if self.flow.page.column is None:
                self.flow.page.column = s["name"]
            self.column_head(s["name"])
            for a in s["articles"]:
                self.article(s["name"], a)
        return self.flow.pages

    def lines(self, text, size=None, bold=False, indent=None, justify=True, align="left", leading=None):
        size = size or self.g.size
        indent = 2 * size if indent is None else indent
        return break_lines(atoms_of(text, size, bold), self.g.measure, leading or self.g.leading,
                           indent, justify, align)

    def column_head(self, name):
        f = self.flow
        f.keep(self.g.leading * 6)
        f.space(10)
        size = self.g.size * 1.25
        top = f.place(self.lines(name, size, True, 0, False, leading=size * 1.8)[0], color=RED)
        y = top - size * 1.8
        f.page.rule(self.g.left, y, self.g.left + self.g.measure, y, 1.5, RED)
        f.space(6)

    def title(self, column, text):
        f = self.flow
        size = self.g.size * 4 / 3
        lines = self.lines(text, size, True, 0, False, "center", size * 1.5)
        f.keep(sum(l.leading for l in lines) + 3 * self.g.leading)
        f.space(8)
        for k, l in enumerate(lines):
            f.place(l)
            if k == 0:
                self.toc.append((column, text, f.page.number))
        f.space(6)

    def paragraph(self, text, size=None, bold=False, align="left", indent=None):
        for l in self.lines(text, size, bold, indent, align == "left", align):
            self.flow.place(l)

    def heading(self, text):
        lines = self.lines(text, bold=True, justify=False)
        self.flow.keep(sum(l.leading for l in lines) + 2 * self.g.leading)
        for l in lines:
            self.flow.place(l)

    def article(self, column, a):
        self.title(column, a["title"])
        blocks = a.get("blocks") or []
        for k, b in enumerate(blocks):
            t = b.get("text") or ""
            if k + 1 < len(blocks) and blocks[k + 1]["type"] == "table" and re.match(r"表\s*\d", t):
                self.flow.keep(5 * self.g.leading)      # a caption, centred, with its table
                self.paragraph(t, self.g.size * 0.9, True, "center", 0)
            elif b["type"] == "heading":
                self.heading(t)
            elif b["type"] == "table":
                self.table(t)
            else:
                self.paragraph(t)
        self.flow.leftover_notes([fn["n"] for fn in a.get("footnotes") or []])
        if a.get("authors"):
            credit = "（%s）" % " ".join(a["authors"])
            self.paragraph(credit, align="right", indent=0)
        self.flow.space(self.g.leading)

    def table(self, text):
        """A ruled table: columns as wide as their text needs, within the
        measure; the header row bold and shaded, repeated on a new page."""
        f = self.flow
        size = self.g.size * 0.875
        leading = size * 1.45
        pad = 4.0
        rows = [r.split("\t") for r in text.split("\n")]
        ncol = max(len(r) for r in rows)
        rows = [r + [""] * (ncol - len(r)) for r in rows]
        natural = [max(width(MARK.sub("", r[c]), size) for r in rows) + 2 * pad for c in range(ncol)]
        natural = [min(max(w, 3 * size + 2 * pad), self.g.measure * 0.6) for w in natural]
        widths = [w * self.g.measure / sum(natural) for w in natural]
        xs = [sum(widths[:c]) for c in range(ncol + 1)]

        def cells(r, bold):
            return [break_lines(atoms_of(r[c], size, bold), widths[c] - 2 * pad, leading, 0, False)
                    for c in range(ncol)]

        head = cells(rows[0], True)
        f.space(4)
        f.keep(self.row_height(head, leading, pad) * 2)
        self.row(head, xs, leading, pad, True)
        for r in rows[1:]:
            body = cells(r, False)
            notes = [n for c in body for l in c for n in l.notes]
            if not f.fits(self.row_height(body, leading, pad), notes):
                f.new_page()
                self.row(head, xs, leading, pad, True)
            self.row(body, xs, leading, pad, False)
        f.space(6)

    @staticmethod
    def row_height(cells, leading, pad):
        return max(len(c) for c in cells) * leading + 2 * pad

    def row(self, cells, xs, leading, pad, head):
        f = self.flow
        h = self.row_height(cells, leading, pad)
        notes = [n for c in cells for l in c for n in l.notes]
        # the row is one tall line for the flow: its notes go to this page
        top = f.place(Line([], h), notes=notes)
        left = self.g.left
        if head:
            f.page.ops.append(("fill", left, top - h, xs[-1], h, Color(0.88, 0.88, 0.88)))
        for c, lines in enumerate(cells):
            y = top - pad
            for l in lines:
                baseline = y - l.leading / 2 - line_size(l) * 0.35
                f.page.line(l, left + xs[c] + pad, baseline)
                y -= l.leading
        for x in xs:
            f.page.rule(left + x, top, left + x, top - h)
        f.page.rule(left, top, left + xs[-1], top)
        f.page.rule(left, top - h, left + xs[-1], top - h)

    # --- a guide: parts, directions and their labelled fields

    def guide_part(self, s):
        # a group's heading: a column of directions, no article of its own
        if s["name"] != "前言" and all(a["title"] != s["name"] for a in s["articles"]):
            self.heading(s["name"])
        for a in s["articles"]:
            if a["title"] not in ("前言", s["name"]):
                self.direction(a)
                continue
            if a["title"] != "前言":
                self.heading(s["name"])
            for b in a.get("blocks") or []:
                self.paragraph(b.get("text") or "")

    def direction(self, a):
        self.heading(a["title"])
        for b in a.get("blocks") or []:
            self.paragraph(b.get("text") or "")
        for fld in a.get("fields") or []:
            name, value = fld["name"], fld.get("value") or ""
            if name == "类别":
                continue        # the category the title ends with

            first, _, rest = value.partition("\n")
            # "领域方向" with "方向一：…" was printed "领域方向一：…"
            if re.match(r"%s[一二三四五六七八九十]+：" % re.escape(name[-2:]), first):
                label, first = name[:-2] + first[:first.index("：") + 1], first[first.index("：") + 1:]
            else:
                label = name + "："
            atoms = atoms_of(label, self.g.size, True) + atoms_of(first, self.g.size)
            if len(atoms) > len(label) and atoms[len(label)].gap == 0:
                atoms[len(label)].breakable = atoms[len(label)].stretch = True
            for l in break_lines(atoms, self.g.measure, self.g.leading, 2 * self.g.size):
                self.flow.place(l)
            for item in rest.split("\n") if rest else []:
                self.paragraph(item)


# ------------------------------------------------------------ cover, contents, back page


def cover(issue, toc):
    p = Page(None)
    mid = PAGE_W / 2

    def centre(y, s, size, bold=False, color=black):
        p.text(mid - width(s, size) / 2, y, s, size, bold, color)

    centre(PAGE_H - 90, "国家高端智库", 14, True, RED)
    centre(PAGE_H - 170, MASTHEAD, 40, True, RED)
    centre(PAGE_H - 200, "Science & Technology Policy & Consulting Newsletter", 12, False, RED)
    p.rule(70, PAGE_H - 220, PAGE_W - 70, PAGE_H - 220, 2.5, RED)
    y = PAGE_H - 245
    if issue.get("number"):
        p.text(75, y, issue["number"], 12)
    if issue.get("date"):
        yy, mm, dd = (int(x) for x in issue["date"].split("-"))
        s = "%d年%d月%d日" % (yy, mm, dd)
        p.text(PAGE_W - 75 - width(s, 12), y, s, 12)
    p.rule(70, PAGE_H - 255, PAGE_W - 70, PAGE_H - 255, 0.75, RED)
    # 本期要目: the first article of each column
    y = PAGE_H - 320
    centre(y, "本期要目", 18, True)
    y -= 40
    seen = set()
    for column, title, _ in toc:
        if column in seen or len(seen) == 8:
            continue
        seen.add(column)
        for l in break_lines(atoms_of(title, 13), PAGE_W - 220, 22, justify=False):
            p.line(l, 110, y)
            y -= 22
        y -= 8
    centre(70, INSTITUTE, 16, True)
    return p


def contents(toc, geom):
    """目录: the columns and their titles, dot leaders, page numbers."""
    size = 12
    g = Geometry(size, 24, geom.measure, PAGE_H - 140, 80, 9, 12)
    f = Flow(g)
    title = "目  录"
    f.page.text(PAGE_W / 2 - width(title, 20) / 2, PAGE_H - 100, title, 20, True)
    column = None
    dot = width(".", size)
    for col, text, page in toc:
        if col != column:
            column = col
            f.space(6)
            f.place(break_lines(atoms_of(col, size + 1, True), g.measure, g.leading)[0])
        num = str(page)
        lines = break_lines(atoms_of(text, size), g.measure - 2 * size - 3 * size, g.leading, 0, False)
        for k, l in enumerate(lines):
            f.place(l, 2 * size)
            if k == len(lines) - 1:
                baseline = f.y + g.leading / 2 - size * 0.35
                x0 = g.left + 2 * size + l.width + dot
                x1 = g.left + g.measure - width(num, size) - dot
                ndots = int((x1 - x0) / dot)
                if ndots > 0:
                    f.page.text(x1 - ndots * dot, baseline, "." * ndots, size)
                f.page.text(g.left + g.measure - width(num, size), baseline, num, size)
    for p in f.pages:
        p.number = None
    return f.pages


# Wording of the corpus's back pages (data/corpus/003, tests/import/unseen/2024-05.txt).
SERIES = ("《科技政策与咨询快报》：监测分析国内外科技发展的新战略、新思想、新政策、新举措，"
          "洞察科技与经济、社会、文化、可持续发展互动的新趋势、新规律，为科技决策者、科技管理者、"
          "战略科学家等提供决策参考。")
COLOPHON = [
    "《科技政策与咨询快报》编辑部",
    "主　办：中国科学院发展规划局",
    "　　　　中国科学院科技战略咨询研究院",
    "地　址：北京市中关村北四环西路 33 号，100190",
    "电　话：（010）82626611-6640",
    "邮　箱：publications@casisd.cn",
]


def back_page(geom):
    p = Page(None)
    y = PAGE_H - 120
    for s, size in ((INSTITUTE, 18), ("科技动态类产品系列简介", 14)):
        p.text(PAGE_W / 2 - width(s, size) / 2, y, s, size, True)
        y -= 40
    for l in break_lines(atoms_of(SERIES, 11), geom.measure, 20, 22):
        p.line(l, geom.left, y)
        y -= 20
    y = 230
    p.rule(geom.left, y + 30, geom.left + geom.measure, y + 30, 1, RED)
    for s in COLOPHON:
        p.text(geom.left, y, s, 11, s == COLOPHON[0])
        y -= 22
    return p


def title_page(issue):
    p = Page(None)
    title = issue.get("title") or ""
    m = re.match(r"^(.*?)(（[^（）]*）)$", title)
    main, sub = (m.group(1), m.group(2)) if m else (title, "")
    y = PAGE_H - 250
    for l in break_lines(atoms_of(main, 22, True), 400, 36, justify=False, align="center"):
        p.line(l, (PAGE_W - 400) / 2, y)
        y -= 36
    if sub:
        p.text(PAGE_W / 2 - width(sub, 16) / 2, y - 10, sub, 16)
    return p


# ------------------------------------------------------------ drawing


def draw(c, pages, header, footer):
    for p in pages:
        if p.number is not None:
            header(c, p)
            footer(c, p)
        for op in p.ops:
            if op[0] == "text":
                _, x, y, s, size, bold, color = op
                # bold is the glyphs filled and stroked; the graphics
                # state is saved since the mode outlives the text object
                c.saveState()
                c.setFillColor(color)
                c.setStrokeColor(color)
                c.setLineWidth(size * 0.04)
                t = c.beginText(x, y)
                t.setFont(FONT, size)
                t.setTextRenderMode(2 if bold else 0)
                t.textOut(s)
                c.drawText(t)
                c.restoreState()
            elif op[0] == "rule":
                _, x1, y1, x2, y2, w, color = op
                c.setStrokeColor(color)
                c.setLineWidth(w)
                c.line(x1, y1, x2, y2)
            elif op[0] == "fill":
                _, x, y, w, h, color = op
                c.setFillColor(color)
                c.rect(x, y, w, h, stroke=0, fill=1)
        if p.notes:
            g = p.geom
            y = g.bottom + sum(l.leading for l in p.notes)
            c.setStrokeColor(black)
            c.setLineWidth(0.5)
            c.line(g.left, y + NOTE_SEP / 2, g.left + g.measure / 3, y + NOTE_SEP / 2)
            for l in p.notes:
                baseline = y - l.leading / 2 - line_size(l) * 0.35
                for x, a in l.atoms:
                    c.setFillColor(black)
                    c.setFont(FONT, a.size)
                    c.drawString(g.left + x, baseline + a.rise, a.text)
                y -= l.leading
        c.showPage()


def typeset(dump_path, out):
    with open(dump_path, encoding="utf-8") as f:
        issue = json.load(f)["issues"][0]
    guide = issue.get("kind") == "guide"
    body = Body(issue, guide)
    pages = body.run()
    g = body.g
    for p in pages:
        p.geom = g

    def bulletin_header(c, p):
        y = PAGE_H - 52
        c.setFillColor(RED)
        c.setFont(FONT, 10.5)
        c.drawString(g.left, y, MASTHEAD)
        if p.column:
            c.drawRightString(g.left + g.measure, y, p.column)
        c.setStrokeColor(RED)
        c.setLineWidth(0.75)
        c.line(g.left, y - 6, g.left + g.measure, y - 6)

    def bulletin_footer(c, p):
        c.setFillColor(black)
        c.setFont(FONT, 10.5)
        c.drawCentredString(PAGE_W / 2, 40, str(p.number))

    def guide_footer(c, p):
        c.setFillColor(black)
        c.setFont(FONT, 14)
        c.drawCentredString(PAGE_W / 2, 50, "— %d —" % p.number)

    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setTitle(issue.get("title") or MASTHEAD)
    c.setAuthor(INSTITUTE)
    c.setCreator("kuaibao tests/import/pdf/typeset.py")
    if guide:
        draw(c, [title_page(issue)], None, None)
        draw(c, pages, lambda c, p: None, guide_footer)
    else:
        front = [cover(issue, body.toc)] + contents(body.toc, g)
        draw(c, front, None, None)
        draw(c, pages, bulletin_header, bulletin_footer)
        draw(c, [back_page(g)], None, None)
    c.save()


# ------------------------------------------------------------ the bad ones

SAMPLE = ["科技政策与咨询快报", "美国发布促进清洁能源发展的《美国国家创新路径》",
          "4 月 20 日，美国白宫科技政策办公室（OSTP）、能源部（DOE）、",
          "国务院（DOS）联合发布《美国国家创新路径》，旨在加快推进清洁",
          "能源关键技术创新。"]


def encrypted(out):
    from reportlab.lib.pdfencrypt import StandardEncryption
    enc = StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128)
    c = canvas.Canvas(out, pagesize=A4, invariant=1, encrypt=enc)
    y = PAGE_H - 100
    for s in SAMPLE:
        c.setFont(FONT, 12)
        c.drawString(90, y, s)
        y -= 24
    c.save()


def image_only(out):
    """A scan: one page that is a picture of text, with no text layer."""
    from PIL import Image, ImageDraw, ImageFont
    dpi = 100
    img = Image.new("L", (int(PAGE_W / 72 * dpi), int(PAGE_H / 72 * dpi)), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT_FILE[0], 20, index=FONT_FILE[1])
    y = 120
    for s in SAMPLE:
        d.text((120, y), s, font=font, fill=0)
        y += 36
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(img), 0, 0, PAGE_W, PAGE_H)
    c.save()


def main(argv):
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    load_font()
    if argv[0] == "--encrypted":
        encrypted(argv[1])
    elif argv[0] == "--image-only":
        image_only(argv[1])
    else:
        typeset(argv[0], argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

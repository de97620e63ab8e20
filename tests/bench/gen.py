#!/usr/bin/env python3
"""Deterministic synthetic archive of 科技政策与咨询快报 issues.

    gen.py [--issues N] [--seed S] [--corpus DIR] [--md-every K] OUTDIR

Recombines the articles of data/corpus into N issues written in the
corpus's own source formats: PDF-extracted text (.txt, like 000_/002_:
physical lines separated by blank lines, a trailing space ending a
paragraph, page headers and footnotes left where the extraction put
them) and Markdown (.md, like 003_: cover, 本期要目, 目录, ## columns,
### titles, <sup>n</sup> footnotes, the back page).

Each issue gets a cover of its own (masthead, date, 总第N期 第K期, 本期要目,
目录), which gives the importer a distinct date and number and so a
distinct issue key.  Issues are dated newest first from 2024-12: one a
month while N <= 240, otherwise several a month on distinct days.  An
issue carries 18-22 articles (20 on average) drawn from the format's
pool, grouped under their own columns in the usual column order, in a
shuffled order within each column; every issue carries a 专题评述 (the
long lead features), and the newest issue leads with the longest one (a
reader benchmark opens it and scrolls it).  Titles vary: the subject country is
swapped with another one throughout the article (title and body, both
ways), and some titles get a short prefix.  Markdown footnotes are
renumbered per issue; PDF-text footnote numbers are left as they were
(the digits are glued to the text they mark).

Same arguments and same corpus give byte-identical output (a seeded
random.Random; nothing depends on the clock, the locale or dict order).
The 004_ funding guide is a different kind of document and is not
recombined.

OUTDIR receives one file per issue (NNNNN_YYYY-MM-DD.txt|.md) and
MANIFEST (one line per file: name, format, article count).  Files
already in OUTDIR are overwritten; other files are left alone.
"""

import argparse
import math
import os
import re
import sys

import random

COLUMNS = ["专题评述", "战略规划", "创新政策", "智库观点", "体制机制",
           "科技评估", "科技投入", "科技人才", "国际合作", "科学与社会"]

# Countries a title's subject may be rotated to.  Two-way swap, so the
# text stays self-consistent.  中国 is never touched.
ROTATE = ["美国", "日本", "英国", "德国", "法国", "韩国", "俄罗斯", "澳大利亚",
          "加拿大", "印度", "巴西", "意大利", "以色列", "新加坡", "瑞典", "荷兰",
          "芬兰", "西班牙", "瑞士", "欧盟"]
ROTATE_RE = re.compile("|".join(sorted(ROTATE, key=len, reverse=True)))

PREFIXES = ["快讯：", "动态：", "综述：", "观察："]

# The editors' parenthesis that closes an article: （张三 李四） or (张三).
EDITORS_RE = re.compile(r"[（(]\s*[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4})*\s*[)）]\s*$")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
SUP_RE = re.compile(r"<sup>(\d+)</sup>")


def squeeze(s):
    return re.sub(r"\s", "", s)


class Article:
    __slots__ = ("column", "title", "lines", "tline", "source")

    def __init__(self, column, title, lines, tline, source):
        self.column = column        # column name
        self.title = title          # title text as written (squeezed)
        self.lines = lines          # raw lines, title line first
        self.tline = tline          # index of the title line in lines
        self.source = source


def title_like(s, sq):
    """A line that may be a title: not page furniture, not a footnote."""
    if sq == "科技政策与咨询快报" or re.match(r"^[0-9]", s) or \
            len(sq) > 60 or not re.search(r"[\u4e00-\u9fff]", s):
        return False
    return not re.search(r"https?://|www\.", s)


def split_pdf_text(path, text):
    """Articles of a PDF-text bulletin: title line .. before next title."""
    lines = text.split("\n")
    arts = []
    column = None
    expect = False          # after a column name or editors' parenthesis
    cur = None
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            if cur is not None:
                cur.append(raw)
            continue
        sq = squeeze(s)
        if sq in COLUMNS:
            column = sq
            expect = True
            cur = None
            continue
        if expect and column is not None and title_like(s, sq):
            cur = [raw]
            arts.append(Article(column, sq, cur, 0, path))
            expect = False
            continue
        if cur is not None:
            cur.append(raw)
        if EDITORS_RE.search(s):
            expect = True
    return arts


def split_markdown(path, text):
    """Articles of a Markdown bulletin, and its back page."""
    lines = text.split("\n")
    # The body starts at the first column heading followed by a heading.
    start = None
    for i, raw in enumerate(lines):
        m = MD_HEADING_RE.match(raw)
        if not m or squeeze(m.group(2)) not in COLUMNS:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines):
            m2 = MD_HEADING_RE.match(lines[j])
            if m2 and squeeze(m2.group(2)) not in COLUMNS:
                start = i
                break
    if start is None:
        raise SystemExit("gen.py: %s: no Markdown body found" % path)
    arts = []
    column = None
    expect = False
    cur = None
    trailer = []
    for i in range(start, len(lines)):
        raw = lines[i]
        s = raw.strip()
        m = MD_HEADING_RE.match(raw)
        if m and len(m.group(1)) == 1 and arts:
            # A level-1 heading after the articles: the back page.
            trailer = lines[i:]
            break
        if not s:
            if cur is not None:
                cur.append(raw)
            continue
        if m and squeeze(m.group(2)) in COLUMNS:
            column = squeeze(m.group(2))
            expect = True
            cur = None
            continue
        if expect and m:
            cur = [raw]
            arts.append(Article(column, squeeze(m.group(2)), cur, 0, path))
            expect = False
            continue
        if cur is not None:
            cur.append(raw)
        if EDITORS_RE.search(s):
            expect = True
    # Strip trailing blank lines of each chunk; the writer adds its own.
    for a in arts:
        while a.lines and not a.lines[-1].strip():
            a.lines.pop()
    while trailer and not trailer[-1].strip():
        trailer.pop()
    move_md_notes(arts)
    return arts, trailer


DEF_RE = re.compile(r"^\s*<sup>(\d+)</sup>")


def move_md_notes(arts):
    """A footnote printed at the foot of a page can follow the next
    article's title; move each definition to the article citing it, so
    that an article carries its own notes wherever it is put."""
    cites = {}
    for k, a in enumerate(arts):
        for l in a.lines:
            body = DEF_RE.sub("", l, count=1)
            for n in SUP_RE.findall(body):
                cites.setdefault(n, k)
    moved = {}
    for k, a in enumerate(arts):
        keep = []
        for l in a.lines:
            m = DEF_RE.match(l)
            if m and cites.get(m.group(1), k) != k:
                moved.setdefault(cites[m.group(1)], []).append(l)
            else:
                keep.append(l)
        a.lines = keep
    for k, defs in moved.items():
        a = arts[k]
        while a.lines and not a.lines[-1].strip():
            a.lines.pop()
        a.lines += ["", "---", ""]
        for l in defs:
            a.lines += [l, ""]
        a.lines.pop()
    for a in arts:
        # a separator left with no note after it
        out = []
        for i, l in enumerate(a.lines):
            if l.strip() == "---":
                nxt = next((x for x in a.lines[i + 1:] if x.strip()), "")
                if not DEF_RE.match(nxt):
                    continue
            out.append(l)
        while out and not out[-1].strip():
            out.pop()
        a.lines = out


def is_markdown(path, text):
    if path.endswith(".md"):
        return True
    n = sum(1 for l in text.split("\n") if re.match(r"^#{1,3} ", l))
    return n >= 3


def load_corpus(corpus):
    pdf, md, trailer = [], [], None
    for name in sorted(os.listdir(corpus)):
        if not (name.endswith(".txt") or name.endswith(".md")):
            continue
        path = os.path.join(corpus, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if is_markdown(path, text):
            arts, tr = split_markdown(name, text)
            if len(arts) >= 5:
                md.extend(arts)
                if trailer is None:
                    trailer = tr
        else:
            arts = split_pdf_text(name, text)
            if len(arts) >= 5:      # the funding guide has no columns
                pdf.extend(arts)
    if not pdf or not md:
        raise SystemExit("gen.py: corpus %s lacks PDF-text or Markdown "
                         "bulletins" % corpus)
    for a in pdf:
        while a.lines and not a.lines[-1].strip():
            a.lines.pop()
        # The editors' parenthesis ends a paragraph, and so its line
        # ends with the extraction's trailing space (one source misses
        # it at its very end, where nothing follows).
        a.lines = [l + " " if EDITORS_RE.search(l) and not l.endswith(" ")
                   else l for l in a.lines]
        if a.lines and not EDITORS_RE.search(a.lines[-1].strip()):
            # It ended in footnotes at the foot of the source's last
            # page: close the page, as the extraction does between pages.
            a.lines += ["", "", "", "科技政策与咨询快报 ", "", "%d " % (
                len(a.lines) // 40 + 2), "", " "]
    return pdf, md, trailer or []


def issue_dates(n):
    """Newest first from 2024-12; one a month, or several on distinct days."""
    per = max(1, math.ceil(n / 240))
    per = min(per, 28)
    out = []
    for i in range(n):
        month = i // per
        slot = i % per
        y = 2024 - month // 12
        m = 12 - month % 12
        if per == 1:
            d = 5 + (i * 7) % 20
        else:
            d = 28 - slot * 28 // per       # newest first within a month
        out.append((y, m, d))
    return out


def swap_countries(text, a, b):
    if a == b:
        return text
    return ROTATE_RE.sub(lambda m: b if m.group(0) == a else
                         a if m.group(0) == b else m.group(0), text)


class Variants:
    """Cached article texts per (article, rotation)."""

    def __init__(self):
        self.cache = {}

    def get(self, art, idx, a, b, prefix):
        key = (idx, a, b, prefix)
        v = self.cache.get(key)
        if v is None:
            lines = list(art.lines)
            if a is not None:
                lines = [swap_countries(l, a, b) for l in lines]
            title_line = lines[0]
            if prefix:
                # Insert after the Markdown hashes / leading space.
                m = re.match(r"^(\s*#*\s*)(.*)$", title_line)
                title_line = m.group(1) + prefix + m.group(2)
            lines[0] = title_line
            title = squeeze(re.sub(r"^\s*#+\s*", "", title_line))
            v = (title, lines)
            self.cache[key] = v
        return v


def pick(rng, pool, count):
    """count articles from pool: distinct while possible, then repeats."""
    idx = list(range(len(pool)))
    rng.shuffle(idx)
    chosen = idx[:count]
    while len(chosen) < count:
        chosen.append(rng.randrange(len(pool)))
    return chosen


def vary(rng, art):
    """A rotation (a, b) and a prefix for one article in one issue."""
    a = b = None
    m = ROTATE_RE.search(art.title)
    r = rng.random()
    if m and r < 0.75:
        a = m.group(0)
        b = ROTATE[rng.randrange(len(ROTATE))]
    prefix = PREFIXES[rng.randrange(len(PREFIXES))] if rng.random() < 0.2 \
        else ""
    return a, b, prefix


def longest_lead(pool, variants, items):
    """The newest issue leads with the longest 专题评述 feature, so that a
    reader benchmark that opens its first article can scroll it even at
    200x60 without the sidebar.  Uses no random numbers: the other issues
    stay as they are."""
    k = max((k for k, a in enumerate(pool) if a.column == COLUMNS[0]),
            key=lambda k: sum(len(l) for l in pool[k].lines))
    title, lines = variants.get(pool[k], k, None, None, "")
    if any(it[2] is lines or it[1] == title for it in items):
        return items
    for n, it in enumerate(items):
        if it[0] == COLUMNS[0]:
            items[n] = (COLUMNS[0], title, lines)
            return items
    return items


def choose(rng, pool, variants, count):
    """(column, title, lines) for count articles, titles distinct.

    Every issue leads with a 专题评述 feature, as the bulletin does: the
    longest articles, and the ones a reader benchmark scrolls through."""
    items, titles = [], set()
    ks = pick(rng, pool, count)
    lead = [k for k, a in enumerate(pool) if a.column == COLUMNS[0]]
    if lead and not any(pool[k].column == COLUMNS[0] for k in ks):
        ks[rng.randrange(len(ks))] = lead[rng.randrange(len(lead))]
    for k in ks:
        art = pool[k]
        for attempt in range(20):
            a, b, prefix = vary(rng, art)
            if attempt >= 10 and not prefix:
                prefix = PREFIXES[rng.randrange(len(PREFIXES))]
            title, lines = variants.get(art, k, a, b, prefix)
            if title not in titles:
                break
        titles.add(title)
        items.append((art.column, title, lines))
    return items


def group(chosen_items):
    """[(column, [items])] in the usual column order."""
    cols = {}
    for it in chosen_items:
        cols.setdefault(it[0], []).append(it)
    order = [c for c in COLUMNS if c in cols] + \
        sorted(c for c in cols if c not in COLUMNS)
    return [(c, cols[c]) for c in order]


def issue_groups(rng, pool, variants, newest):
    """An issue's articles: 18 to 22, by column, shuffled within each;
    (groups, count)."""
    count = 18 + rng.randrange(5)
    items = choose(rng, pool, variants, count)
    if newest:
        items = longest_lead(pool, variants, items)
    groups = group(items)
    for _, its in groups:
        rng.shuffle(its)
    return groups, count


def pdf_issue(rng, pool, variants, date, total_no, year_no, newest=False):
    y, m, d = date
    groups, count = issue_groups(rng, pool, variants, newest)
    out = []

    def line(s=""):
        out.append(s + " \n\n" if s else "\n")

    line("科技政策与咨询快报")
    line("Science & Technology Policy & Consulting")
    line("国家高端智库")
    line("中国科学院科技战略咨询研究院")
    line("%d 年 %d 月 %d 日" % (y, m, d))
    line("总第%03d期 第%02d期" % (total_no, year_no))
    line("本期要目")
    for _, its in groups[:7]:
        line(its[0][1])
    line("目  录")
    page = 1
    for col, its in groups:
        line(col)
        for _, title, lines in its:
            line("%s %s %d" % (title, "." * 20, page))
            page += max(1, sum(len(l) for l in lines) // 1500)
    out.append("\n")
    for col, its in groups:
        line(col)
        for _, title, lines in its:
            out.append("\n".join(lines))
            out.append("\n\n")
    return "".join(out), count


def renumber(lines, counter):
    """Markdown footnote numbers <sup>n</sup>: sequential in the issue."""
    mapping = {}

    def sub(m):
        n = m.group(1)
        if n not in mapping:
            counter[0] += 1
            mapping[n] = str(counter[0])
        return "<sup>%s</sup>" % mapping[n]

    return [SUP_RE.sub(sub, l) if "<sup>" in l else l for l in lines]


def md_issue(rng, pool, variants, trailer, date, total_no, year_no,
             newest=False):
    y, m, d = date
    groups, count = issue_groups(rng, pool, variants, newest)
    out = ["\n\n# Science & Technology Policy & Consulting\n\n",
           "# 科技政策与咨询快报\n\n",
           "国家高端智库  \n中国科学院\n\n",
           "%d年%d月%d日\n\n" % (y, m, d),
           "## 本期要目\n\n"]
    for _, its in groups[:7]:
        out.append("- %s\n" % its[0][1])
    out.append("\n%d年  \n总第%03d期 第%02d期\n\n# 目 录\n\n" %
               (y, total_no, year_no))
    page = 1
    for col, its in groups:
        out.append("## %s\n\n" % col)
        for _, title, lines in its:
            out.append("%s .....\t%d\n" % (title, page))
            page += max(1, sum(len(l) for l in lines) // 1500)
        out.append("%s\t%s\n\n" % ("-" * 30, "---"))
    counter = [0]
    for col, its in groups:
        out.append("## %s\n\n" % col)
        for _, title, lines in its:
            out.append("\n".join(renumber(lines, counter)))
            out.append("\n\n")
    out.append("\n".join(trailer))
    out.append("\n")
    return "".join(out), count


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--issues", type=int, default=50)
    ap.add_argument("--seed", type=int, default=20241201)
    ap.add_argument("--md-every", type=int, default=3,
                    help="every K-th issue is Markdown (0: none)")
    ap.add_argument("--corpus", default=None,
                    help="default: data/corpus beside tests/")
    ap.add_argument("--list-pool", action="store_true",
                    help="print the article pools and exit")
    ap.add_argument("outdir", nargs="?")
    o = ap.parse_args(argv)
    corpus = o.corpus or os.path.join(os.path.dirname(os.path.abspath(
        __file__)), "..", "..", "data", "corpus")
    pdf, md, trailer = load_corpus(corpus)
    if o.list_pool:
        for a in pdf + md:
            print("%s\t%s\t%s\t%d" % (a.source, a.column, a.title,
                                      len(a.lines)))
        return 0
    if not o.outdir:
        ap.error("OUTDIR is required")
    os.makedirs(o.outdir, exist_ok=True)
    rng = random.Random(o.seed)
    dates = issue_dates(o.issues)
    # Numbers: 总第 counts from the oldest; 第K期 within its year.
    year_no = [0] * o.issues
    seen = {}
    for i in range(o.issues - 1, -1, -1):
        y = dates[i][0]
        seen[y] = seen.get(y, 0) + 1
        year_no[i] = seen[y]
    vp, vm = Variants(), Variants()
    manifest = []
    total_articles = total_bytes = 0
    for i in range(o.issues):
        y, m, d = dates[i]
        total_no = o.issues - i
        markdown = o.md_every > 0 and i % o.md_every == o.md_every - 1
        if markdown:
            text, n = md_issue(rng, md, vm, trailer, dates[i], total_no,
                               year_no[i], newest=i == 0)
            ext = "md"
        else:
            text, n = pdf_issue(rng, pdf, vp, dates[i], total_no, year_no[i],
                                newest=i == 0)
            ext = "txt"
        name = "%05d_%04d-%02d-%02d.%s" % (i, y, m, d, ext)
        data = text.encode("utf-8")
        with open(os.path.join(o.outdir, name), "wb") as f:
            f.write(data)
        manifest.append("%s\t%s\t%d\n" % (name, ext, n))
        total_articles += n
        total_bytes += len(data)
    with open(os.path.join(o.outdir, "MANIFEST"), "w", encoding="utf-8") as f:
        f.write("# file\tformat\tarticles\n")
        f.writelines(manifest)
    sys.stderr.write("gen.py: %d issues, %d articles, %.1f MB in %s\n" %
                     (o.issues, total_articles, total_bytes / 1e6, o.outdir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

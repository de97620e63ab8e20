#!/usr/bin/env python3
"""Checks on captured tmux screens for the kuaibao end-to-end tests.

Screens come from `tmux capture-pane -p` (plain) or `-p -e` (with SGR).
Display width is counted as a terminal counts it: East Asian Wide and
Fullwidth characters take 2 columns, combining marks and format
characters 0, everything else 1 (tmux in a UTF-8 locale counts the
ambiguous width characters “ ” · … ─ │ as 1).

Expectations about the corpus are derived from the importer's JSON dump
(`kuaibao-import --json data/corpus/*`), which tests/import checks
against the source documents by hand-read golden files: the reader must
show what the importer stored.

Every subcommand prints what is wrong and exits 1, or exits 0.

  widths W FILE [--urls]    no line wider than W columns (--urls: but
                            a footnote URL's, printed whole on its line)
  border COL ROWS FILE [--char C]
                            display column COL holds │ (or C) on rows 1..ROWS
  cols X0 X1 FILE           display columns [X0, X1) of every line
  unwritten OUT X0 X1 ROWS SCREEN...
                            none of the text of display columns [X0, X1)
                            of the first SCREEN (rows 1..ROWS; runs of 4
                            or more characters without a space, found
                            nowhere else on any SCREEN, the status line
                            below row ROWS included) is in the file
                            OUT: what the reader wrote for a key
  sgr FILE ROW TEXT         SGR state of the cells of TEXT on row ROW
  colour FILE               no colour SGR in a capture -e
  highlight FILE X0 ROWS WORD [--min N] [--searched]
                            every occurrence of WORD in the pane
                            (display columns >= X0, rows 1..ROWS) is drawn
                            with an SGR that differs from both neighbours;
                            at least N occurrences (default 1); with
                            --searched, only those in the text the search
                            reads: one in the header's issue line or tags
                            (above the rule) or in a URL is drawn as the
                            text around it
  merge OUT X0 ROWS PAGE... the pane lines (columns >= X0, rows 1..ROWS)
                            of screens paged through in order, overlaps
                            removed, into OUT
  sidebar FILE SIDE_W ROWS CORPUS [options]
                            the sidebar rows equal the expected tree:
      --expand K,K          issue keys shown expanded (default: the first)
      --country NAME [--mentions] | --theme NAME | --flagged
      --read KEY,KEY  --flag KEY,KEY   marks (a fresh state: the
                            issues before the newest read,
                            but --unread KEY,KEY)
      --top N               the first row shown is tree row N (0-based)
      --cursor-on TEXT      (only checked: the tree is otherwise the same)
  results FILE SIDE_W ROWS CORPUS WORD
                            the sidebar is the search result list for WORD
  expect CORPUS WHAT ...    prints expectations for the shell:
      issues                the issue labels, newest first
      search WORD           count of articles matching WORD
      country NAME [mentions] | theme NAME
                            "N" articles, then "label count" per issue
      article KEY FIELD     title, section, issue, issue-key, urls,
                            offset, position
      occurrences KEY WORD [shown]
                            occurrences of WORD in the text the search
                            reads (text_of), or in all the pane shows
"""
import json
import os
import signal
import re
import sys
from datetime import date

sys.dont_write_bytecode = True      # no __pycache__ in tests/lib
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
from termtext import cw, width, is_url_line, read_lines as lines  # noqa: E402


# ---------------------------------------------------------------- widths

def cells(line):
    """[(column, char, width)] of a plain line."""
    out, x = [], 0
    for ch in line:
        w = cw(ch)
        out.append((x, ch, w))
        x += w
    return out


def cut(line, x0, x1=None):
    """Display columns [x0, x1) of a line; a wide character cut in two
    becomes "?"."""
    out = []
    for x, ch, w in cells(line):
        if x >= x0 and (x1 is None or x + w <= x1):
            out.append(ch)
        elif (x1 is None or x < x1) and x + w > x0:
            out.append("?")
    return "".join(out)


def at(line, col):
    for x, ch, w in cells(line):
        if x == col:
            return ch
        if x < col < x + w:
            return "<half of %s>" % ch
    return ""


def fit(s, cols):
    """The longest prefix of s at most cols wide."""
    out, x = [], 0
    for ch in s:
        if x + cw(ch) > cols:
            break
        out.append(ch)
        x += cw(ch)
    return "".join(out)


def show(rows):
    return "\n".join("|" + r for r in rows)


# ---------------------------------------------------------------- screens

def cmd_unwritten(out, x0, x1, rows, screens):
    runs = set()
    for l in lines(screens[0])[:rows]:
        runs.update(r for r in re.split(r"[\s\u2502]+", cut(l, x0, x1))
                    if len(r) >= 4)
    # a run also shown elsewhere may be written for that place
    elsewhere = []
    for path in screens:
        for l in lines(path)[:rows]:
            elsewhere.append(cut(l, 0, x0) + "\n" + cut(l, x1))
        # and the status line below the panes (the issue's name, say)
        elsewhere += lines(path)[rows:]
    elsewhere = "\n".join(elsewhere)
    runs = sorted(r for r in runs if r not in elsewhere)
    with open(out, "rb") as f:
        written = f.read().decode("utf-8", "replace")
    again = [r for r in runs if r in written]
    if not runs:
        print("no text in columns %d..%d to look for" % (x0, x1))
        return 1
    if again:
        print("written again (%d of %d runs): %s" % (
            len(again), len(runs), " ".join(again[:5])))
        return 1
    return 0


def cmd_widths(w, path, urls=False):
    bad = 0
    for i, l in enumerate(lines(path), 1):
        if width(l) > w and not (urls and is_url_line(l)):
            print("row %d is %d columns wide (> %d): %s" % (i, width(l), w, l))
            bad = 1
    return bad


def cmd_border(col, rows, path, char="\u2502"):
    ls = lines(path)
    bad = 0
    for i in range(rows):
        l = ls[i] if i < len(ls) else ""
        c = at(l, col)
        if c != char:
            print("row %d: column %d holds %r: %s" % (i + 1, col, c, l))
            bad = 1
    return bad


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
ESC = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


def apply_sgr(state, params):
    ps = params.replace(":", ";").split(";") if params else ["0"]
    state = dict(state)
    j = 0
    while j < len(ps):
        p = ps[j] or "0"
        n = int(p) if p.isdigit() else -1
        if n == 0:
            state = {}
        elif n in (38, 48, 58):
            key = {38: "fg", 48: "bg", 58: "ul"}[n]
            if j + 1 < len(ps) and ps[j + 1] == "5":
                state[key] = "5;" + (ps[j + 2] if j + 2 < len(ps) else "")
                j += 2
            else:
                state[key] = "2;" + ";".join(ps[j + 2:j + 5])
                j += 4
        elif 30 <= n <= 37 or 90 <= n <= 97:
            state["fg"] = str(n)
        elif n == 39:
            state.pop("fg", None)
        elif 40 <= n <= 47 or 100 <= n <= 107:
            state["bg"] = str(n)
        elif n == 49:
            state.pop("bg", None)
        elif n == 22:
            state.pop("1", None)
            state.pop("2", None)
        elif 23 <= n <= 29:
            state.pop(str(n - 20), None)
        elif n > 0:
            state[str(n)] = True
        j += 1
    return state


def sgr_cells(line):
    """[(char, state)] of a capture -e line; state is a sorted tuple."""
    out, state, i = [], {}, 0
    while i < len(line):
        m = SGR.match(line, i)
        if m:
            state = apply_sgr(state, m.group(1))
            i = m.end()
            continue
        if line[i] == "\x1b":
            m = ESC.match(line, i)
            i = m.end() if m else i + 1
            continue
        out.append((line[i], tuple(sorted("%s=%s" % kv for kv in state.items()))))
        i += 1
    return out


def cmd_sgr(path, row, text):
    cs = sgr_cells(lines(path)[row - 1])
    plain = "".join(c for c, _ in cs)
    k = plain.find(text)
    if k < 0:
        print("%r is not on row %d: %s" % (text, row, plain))
        return 1
    for j in range(max(0, k - 2), min(len(cs), k + len(text) + 2)):
        c, st = cs[j]
        print("%s%s\t%s" % ("*" if k <= j < k + len(text) else " ", c, " ".join(st)))
    return 0


def cmd_colour(path):
    found = set()
    for l in lines(path):
        for _, st in sgr_cells(l):
            for s in st:
                if s.startswith(("fg=", "bg=", "ul=")):
                    found.add(s)
    for s in sorted(found):
        print("colour used: %s" % s)
    return 1 if found else 0


def pane_sgr_rows(path, x0, rows):
    """The pane part of each row of a capture -e: [(char, state)]."""
    out = []
    for l in lines(path)[:rows]:
        cs, x = [], 0
        for c, st in sgr_cells(l):
            if x >= x0:
                cs.append((c, st))
            x += cw(c)
        out.append(cs)
    return out


TAG_LABELS = ("日期", "编辑", "国家", "提及", "主题")


def unsearched_rows(rows):
    """Rows of the pane the search does not read: in the header (above
    its rule) the issue line and the tags, and the URLs of the notes."""
    out = set()
    plain = ["".join(c for c, _ in cs) for cs in rows]
    rule = next((i for i, p in enumerate(plain) if p.strip().startswith("───")), -1)
    for i, p in enumerate(plain):
        t = p.strip()
        if i < rule and (t.startswith(TAG_LABELS) or " · " in p
                         or p.startswith("  ")):
            out.add(i)
        if t.startswith(("http://", "https://")):
            out.add(i)
    return out


def cmd_highlight(path, x0, rows, word, minimum=1, searched=False):
    found, bad = 0, 0
    srows = pane_sgr_rows(path, x0, rows)
    skip = unsearched_rows(srows) if searched else set()
    for r, cs in enumerate(srows, 1):
        plain = "".join(c for c, _ in cs)
        k = plain.find(word)
        while k >= 0:
            inner = {cs[j][1] for j in range(k, k + len(word))}
            before = cs[k - 1][1] if k > 0 else None
            after = cs[k + len(word)][1] if k + len(word) < len(cs) else None
            st = next(iter(inner))
            if r - 1 in skip:
                if len(inner) != 1 or (before is not None and st != before):
                    bad += 1
                    print("row %d: %r is drawn as a match where the search does not read:" % (r, word))
                    print("   the row: %s" % plain)
                k = plain.find(word, k + len(word))
                continue
            found += 1
            if len(inner) != 1 or st == before or st == after:
                bad += 1
                print("row %d: %r is not set apart from its neighbours:" % (r, word))
                for j in range(max(0, k - 2), min(len(cs), k + len(word) + 2)):
                    print("   %s %s" % (cs[j][0], " ".join(cs[j][1]) or "(plain)"))
                print("   the row: %s" % plain)
            k = plain.find(word, k + len(word))
    if found < minimum:
        print("%d occurrence(s) of %r in the pane, expected at least %d" % (found, word, minimum))
        return 1
    return 1 if bad else 0


def pane_rows(path, x0, rows):
    return [cut(l, x0).rstrip() for l in (lines(path) + [""] * rows)[:rows]]


def cmd_merge(out, x0, rows, pages):
    acc = []
    for p in pages:
        page = pane_rows(p, x0, rows)
        while page and page[-1] == "":
            page.pop()
        if not acc:
            acc = page
            continue
        best = 0
        for k in range(min(len(acc), len(page)), 0, -1):
            if acc[-k:] == page[:k]:
                best = k
                break
        acc += page[best:]
    with open(out, "w", encoding="utf-8") as f:
        for l in acc:
            f.write(l + "\n")
    return 0


# ---------------------------------------------------------------- corpus

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["issues"]


def issue_day(iss):
    if iss.get("date"):
        return iss["date"]
    if iss.get("year"):
        return "%04d-07-01" % iss["year"]
    return "0000-00-00"


def issue_label(iss):
    """An issue as --list names it: date and number (第08期 of 总第086期
    第08期), or date and title, or year and title; a guide as a guide."""
    if iss.get("kind") == "guide":
        # kuaibao(1): a guide's year, 指南 and its status, then its title
        # without the status it ends with
        draft = iss.get("status") == "draft"
        title = iss["title"]
        if draft and title.endswith("（征求意见稿）"):
            title = title[:-len("（征求意见稿）")]
        return "%s指南·%s %s" % ("%d " % iss["year"] if iss.get("year") else "",
                               "征求意见稿" if draft else "正式稿", title)
    if iss.get("date") and iss.get("number"):
        return "%s %s" % (iss["date"], iss["number"].split(" ")[-1])
    if iss.get("date"):
        return "%s %s" % (iss["date"], iss["title"])
    if iss.get("year"):
        return "%d %s" % (iss["year"], iss["title"])
    return iss["title"]


def row_label(iss):
    """An issue's row in the sidebar: as --list names it, but a bulletin's
    issue with neither date nor number, which bears the title all the
    others bear, is told apart by the first 4 characters of its key after
    the year (kuaibao(1))."""
    if iss.get("kind") != "guide" and not iss.get("date") and not iss.get("number"):
        short = iss["key"].rsplit("-", 1)[-1][:4]
        if iss.get("year"):
            return "%d %s %s" % (iss["year"], short, iss["title"])
        return "%s %s" % (short, iss["title"])
    return issue_label(iss)


def cut_label(label, cols):
    """label as a row of cols columns shows it: whole if it fits, else
    cut with an ellipsis (…, one column) at the end."""
    if width(label) <= cols:
        return label
    return fit(label, cols - 1) + "\u2026"


def short_date(d):
    """A result row's date: 21-08 for 2021-08-05, else the year."""
    if re.match(r"^\d{4}-\d\d-\d\d$", d):
        return "%s-%s" % (d[2:4], d[5:7])
    return d


def ordered(issues, shown=None):
    """Newest first.  Issues of the same day may come in any order: with
    shown (the issue labels on the screen, in order) they are taken in
    the order the screen has them."""
    def on_screen(iss):
        lab = row_label(iss)
        for i, t in enumerate(shown or ()):
            if t and lab.startswith(t):
                return i
        return None
    days = sorted({issue_day(i) for i in issues}, reverse=True)
    out = []
    for d in days:
        tied = [i for i in issues if issue_day(i) == d]
        if all(on_screen(i) is not None for i in tied):
            tied.sort(key=on_screen)
        else:
            # the later document first (the importer numbers the
            # issues in the order of its files)
            tied.reverse()
        out += tied
    return out


def articles(iss):
    for s in iss["sections"]:
        for a in s["articles"]:
            yield s, a


def predicate(opts):
    if opts.get("keys") is not None:
        # the articles a filter expression must leave (tests/e2e/views.sh)
        keys = set(opts["keys"])
        return lambda a: a["key"] in keys
    if opts.get("country"):
        name, ment = opts["country"], opts.get("mentions")
        return lambda a: any(c["name"] == name and (ment or c["role"] == "subject")
                             for c in a["countries"])
    if opts.get("theme"):
        return lambda a: opts["theme"] in a["themes"]
    if opts.get("flagged"):
        return lambda a: a["key"] in opts.get("flag", ())
    return lambda a: True


def text_of(a):
    """What the full-text index holds: title, blocks, notes, fields."""
    parts = [a["title"]]
    parts += [b["text"] for b in a["blocks"]]
    parts += [n["text"] for n in a.get("footnotes", [])]
    parts += [f["value"] for f in a.get("fields", [])]
    return "\n".join(parts)


def matches(a, word):
    return word.lower() in text_of(a).lower()


def count_text(unread, n):
    return "%d/%d" % (unread, n) if unread < n else "%d" % n


def expected_tree(issues, opts, shown=None):
    """[(kind, depth, mark, label, count, key)] rows of the sidebar."""
    ok = predicate(opts)
    read = set(opts.get("read", ()))
    # a fresh state counts the issues dated before the newest as read
    # (kuaibao(5): read_before), but for those marked unread
    newest = max((issue_day(i) for i in issues), default="")
    read |= {a["key"] for i in issues if issue_day(i) < newest
             for s in i["sections"] for a in s["articles"]}
    read -= set(opts.get("unread", ()))
    flag = set(opts.get("flag", ()))
    expand = opts.get("expand")
    rows = []
    kept = []
    for iss in ordered(issues, shown):
        secs = []
        for s in iss["sections"]:
            arts = [a for a in s["articles"] if ok(a)]
            if arts:
                secs.append((s, arts))
        if secs:
            kept.append((iss, secs))
    for i, (iss, secs) in enumerate(kept):
        n = sum(len(a) for _, a in secs)
        unread = sum(1 for _, arts in secs for a in arts if a["key"] not in read)
        exp = (i == 0) if expand is None else (iss["key"] in expand or
                                               (i == 0 and opts.get("expand-first")))
        rows.append(("issue", 0, "-" if exp else "+", row_label(iss),
                     count_text(unread, n), iss["key"]))
        if not exp:
            continue
        for s, arts in secs:
            un = sum(1 for a in arts if a["key"] not in read)
            rows.append(("section", 1, "-", s["name"], count_text(un, len(arts)), None))
            for a in arts:
                mark = ("!" if a["key"] in flag else " ") + (" " if a["key"] in read else "*")
                rows.append(("article", 2, mark, a["title"], None, a["key"]))
    return rows


def check_row(shown, exp, side_w):
    """None, or why the sidebar row shown is not the expected row."""
    kind, depth, mark, label, count, _ = exp
    prefix = " " * (2 * depth) + (mark + " " if kind != "article" else mark)
    tail = " " + count if count is not None else ""
    if width(shown) != side_w:
        return "the row is %d columns wide, not %d" % (width(shown), side_w)
    if not shown.startswith(prefix):
        return "does not start with %r" % prefix
    if count is not None and not shown.endswith(tail):
        return "does not end with the count %r (right-aligned)" % tail
    body = shown[len(prefix):len(shown) - len(tail)] if tail else shown[len(prefix):]
    avail = side_w - width(prefix) - width(tail)
    text = body.rstrip(" ")
    want = cut_label(label, avail)
    if text != want.rstrip(" "):
        return "shows %r where %r fits" % (text, want)
    return None


def sidebar_rows(path, side_w, rows):
    out = []
    for l in (lines(path) + [""] * rows)[:rows]:
        left = cut(l, 0, side_w)
        out.append(left + " " * (side_w - width(left)))
    return out


def cmd_sidebar(path, side_w, rows, corpus, opts):
    got = sidebar_rows(path, side_w, rows)
    # --skip N: the first N rows are not the tree's (the saved views)
    skip = int(opts.get("skip", "0"))
    got, rows = got[skip:], rows - skip
    shown = [re.sub(r"\s+\d+(/\d+)?$", "", r[2:]).rstrip().rstrip("\u2026") for r in got
             if r[:2] in ("+ ", "- ")]
    exp = expected_tree(load(corpus), opts, shown)
    top = opts.get("top", "0")
    if top == "auto":
        # the sidebar scrolled to keep the cursor on the screen: the
        # first expected row that is the first row shown
        top = next((t for t in range(len(exp)) if not check_row(got[0], exp[t], side_w)), 0)
    top = int(top)
    exp = exp[top:top + rows]
    bad = []
    for i in range(rows):
        if i < len(exp):
            why = check_row(got[i], exp[i], side_w)
            if why:
                bad.append("row %d: %s\n   expected %s %r %s\n   shown    %r" % (
                    i + 1, why, exp[i][0], exp[i][3], exp[i][4] or "", got[i]))
        elif got[i].strip() and not (i == 0 and "nothing matches" in got[i]):
            bad.append("row %d: expected nothing, shown %r" % (i + 1, got[i]))
    if bad:
        print("\n".join(bad[:12]))
        print("expected rows:")
        for e in exp:
            print("   %s%s %s  %s" % ("  " * e[1], e[2], e[3], e[4] or ""))
        return 1
    return 0


def cmd_results(path, side_w, rows, corpus, word):
    issues = load(corpus)
    hits = []
    for iss in issues:
        for _, a in articles(iss):
            if matches(a, word):
                hits.append((issue_day(iss), iss, a))
    got = [r.rstrip() for r in sidebar_rows(path, side_w, rows)]
    got = [r for r in got if r]
    bad = []
    if len(got) != min(len(hits), rows):
        bad.append("%d result rows shown, expected %d" % (len(got), min(len(hits), rows)))
    # flag and read marks, the short date in 5 columns, a space, the title
    pat = re.compile(r"^([ !])([* ])(\S{2,5}) {1,4}(\S.*)$")
    titles = {a["title"]: (day, iss) for day, iss, a in hits}
    last_day = "9999"
    seen = set()
    for i, r in enumerate(got, 1):
        m = pat.match(r)
        if not m:
            bad.append("row %d is not a result row: %r" % (i, r))
            continue
        text = m.group(4).rstrip()
        if r[7:8] != " " or r[8:9] == " ":
            bad.append("row %d: the title does not start at column 8: %r" % (i, r))
        avail = side_w - 8
        cands = [t for t in titles if cut_label(t, avail) == text and t not in seen]
        if not cands:
            bad.append("row %d: %r is not the title (cut with … to %d columns) of an article with %r" % (i, text, avail, word))
            continue
        day, iss = titles[cands[0]]
        seen.add(cands[0])
        dlabel = short_date(iss.get("date") or str(iss.get("year")))
        if m.group(3) != dlabel:
            bad.append("row %d: date %r, expected %r" % (i, m.group(3), dlabel))
        if day > last_day:
            bad.append("row %d: %s is newer than the row above (not newest first)" % (i, day))
        last_day = day
    if bad:
        print("\n".join(bad))
        print("expected (any order within a day):")
        for day, iss, a in sorted(hits, key=lambda h: h[0], reverse=True):
            print("   %s %s" % (day, a["title"]))
        return 1
    return 0


def find_article(issues, key):
    for iss in issues:
        for s, a in articles(iss):
            if a["key"] == key:
                return iss, s, a
    raise SystemExit("no article %s in the corpus" % key)


def shown_text(iss, s, a):
    """Everything the pane shows of an article, as one string per part."""
    parts = [a["title"], iss["title"], s["name"]]
    parts += [a.get("date") or "", a.get("date_text") or ""]
    parts += a["authors"] + [c["name"] for c in a["countries"]] + a["themes"]
    parts += [f["name"] + "\n" + f["value"] for f in a.get("fields", [])]
    parts += [b["text"] for b in a["blocks"]]
    for n in a.get("footnotes", []):
        parts.append(n["text"])
        parts += n.get("urls", [])
    return parts


def paragraphs(ls):
    """Blank-line separated groups of lines: [(first line index, [lines])]."""
    out, cur, start = [], [], 0
    for i, l in enumerate(ls + [""]):
        if l.strip() == "":
            if cur:
                out.append((start, cur))
            cur = []
        else:
            if not cur:
                start = i
            cur.append(l)
    return out


def markers(t):
    return re.sub(r"\[\^(\d)", r"[\1", t)


def join_text(parts):
    """Wrapped lines back into one text: a space where the break was
    between two ASCII words, nothing between CJK characters."""
    out = ""
    for p in parts:
        if out and p and out[-1].isascii() and p[0].isascii() and out[-1] != " ":
            out += " "
        out += p
    return out


def notes_shown(ls):
    """{n: (text, [urls])} from the lines after 注释: a note's label and
    its text, its lines hanging under the text, each URL on lines of its
    own under the text too, a long one going on at the left edge."""
    try:
        k = max(i for i, l in enumerate(ls) if l.strip() == "注释")
    except ValueError:
        return None
    notes, cur, in_url, hang = {}, None, False, 4
    for l in ls[k + 1:]:
        m = re.match(r"^(\[(\d+)\] +)(.*)$", l)
        if m:
            cur = int(m.group(2))
            hang = len(m.group(1))
            notes[cur] = ([m.group(3)], [])
            in_url = False
        elif cur is not None and l.startswith(" " * hang):
            t = l[hang:]
            if t.startswith(("http://", "https://")):
                notes[cur][1].append(t)
                in_url = True
            else:
                notes[cur][0].append(t)
                in_url = False
        elif cur is not None and in_url and l.strip():
            notes[cur][1][-1] += l
        else:
            in_url = False
    return {n: (join_text(v[0]), v[1]) for n, v in notes.items()}


def cmd_article(merged, corpus, key, pane_w):
    """The pane's lines of a whole article (merged pages) against the
    corpus: title, meta, rule, the last paragraph, the notes and URLs,
    widths."""
    iss, s, a = find_article(load(corpus), key)
    ls = lines(merged)
    bad = []
    for i, l in enumerate(ls, 1):
        if width(l) > pane_w and not is_url_line(l):
            bad.append("pane line %d is %d columns wide (> %d): %s" % (i, width(l), pane_w, l))
    rule = [i for i, l in enumerate(ls) if l and set(l) == {"\u2500"}]
    if not rule:
        bad.append("no rule (a line of ─) under the header")
        head = ls[:6]
    else:
        head = ls[:rule[0]]
        if width(ls[rule[0]]) != pane_w:
            bad.append("the rule is %d columns wide, the pane %d" % (width(ls[rule[0]]), pane_w))
    k = next((i for i, l in enumerate(head) if l.startswith(iss["title"][:6])), None)
    if k is None or "".join(head[:k]) != a["title"]:
        bad.append("the title %r is not the first line(s): %r" % (a["title"], head[:k or 2]))
    meta = "".join(head[k or 0:])
    want = [iss["title"], s["name"]] + a["authors"]
    if a.get("date"):
        want.append(a["date"])
    want += [c["name"] for c in a["countries"] if c["role"] == "subject"]
    for w in want:
        if w not in meta:
            bad.append("the meta lines do not show %r: %r" % (w, head[k or 0:]))
    paras = ["".join(p) for _, p in paragraphs(ls)]
    last = markers([b for b in a["blocks"] if b["type"] == "paragraph"][-1]["text"])
    if last not in paras:
        near = [p for p in paras if p[:8] == last[:8]]
        bad.append("the last paragraph is not shown whole:\n   expected %s\n   shown    %s" % (last, near[0] if near else "(not found)"))
    if a.get("footnotes"):
        notes = notes_shown(ls)
        if notes is None:
            bad.append("no 注释 heading")
        else:
            for n in a["footnotes"]:
                got = notes.get(n["n"])
                if got is None:
                    bad.append("note [%d] is missing" % n["n"])
                    continue
                if got[0] != n["text"]:
                    bad.append("note [%d] text:\n   expected %r\n   shown    %r" % (n["n"], n["text"], got[0]))
                if got[1] != n.get("urls", []):
                    bad.append("note [%d] URLs:\n   expected %r\n   shown    %r" % (n["n"], n.get("urls"), got[1]))
    if bad:
        print("\n".join(bad))
        return 1
    return 0


def cmd_expect(corpus, what, args):
    issues = load(corpus)
    if what == "issues":
        for iss in ordered(issues):
            print("%s\t%s" % (issue_day(iss), row_label(iss)))
    elif what == "first-issue":
        # the newest issue's key, then "row key" for each of its articles
        # (row: below the issue row, every column expanded)
        iss = ordered(issues)[0]
        print(iss["key"])
        n = 0
        for sec in iss["sections"]:
            n += 1
            for a in sec["articles"]:
                n += 1
                print("%d %s" % (n, a["key"]))
    elif what == "search":
        print(sum(1 for iss in issues for _, a in articles(iss) if matches(a, args[0])))
    elif what in ("country", "theme"):
        opts = {what: args[0], "mentions": len(args) > 1}
        ok = predicate(opts)
        print(sum(1 for iss in issues for _, a in articles(iss) if ok(a)))
        for iss in ordered(issues):
            n = sum(1 for _, a in articles(iss) if ok(a))
            if n:
                print("%s\t%d" % (row_label(iss), n))
    elif what == "article":
        iss, s, a = find_article(issues, args[0])
        f = args[1]
        if f == "title":
            print(a["title"])
        elif f == "section":
            print(s["name"])
        elif f == "issue":
            print(row_label(iss))
        elif f == "issue-key":
            print(iss["key"])
        elif f == "urls":
            for n in a.get("footnotes", []):
                for u in n.get("urls", []):
                    print(u)
        elif f == "offset":
            # rows below the issue row, every column expanded
            n = 0
            for sec in iss["sections"]:
                n += 1
                for b in sec["articles"]:
                    n += 1
                    if b["key"] == a["key"]:
                        print(n)
        elif f == "position":
            arts = s["articles"]
            print("%d/%d" % ([b["key"] for b in arts].index(a["key"]) + 1, len(arts)))
        else:
            raise SystemExit("unknown field " + f)
    elif what == "occurrences":
        iss, s, a = find_article(issues, args[0])
        w = args[1].lower()
        if len(args) > 2 and args[2] == "shown":
            print(sum(p.lower().count(w) for p in shown_text(iss, s, a)))
        else:
            print(text_of(a).lower().count(w))
    else:
        raise SystemExit("unknown expectation " + what)
    return 0


# ---------------------------------------------------------------- main

def options(argv):
    opts = {}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--mentions", "--flagged", "--expand-first"):
            opts[a[2:]] = True
        elif a in ("--expand", "--read", "--unread", "--flag", "--keys"):
            opts[a[2:]] = [k for k in argv[i + 1].split(",") if k]
            i += 1
        else:
            opts[a[2:]] = argv[i + 1]
            i += 1
        i += 1
    return opts


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    c, a = argv[1], argv[2:]
    if c == "widths":
        return cmd_widths(int(a[0]), a[1], "--urls" in a[2:])
    if c == "border":
        # --char x: a terminal drawing lines with the DEC line set (vt100)
        # leaves "x" in capture-pane -p
        ch = a[4] if len(a) > 4 and a[3] == "--char" else "\u2502"
        return cmd_border(int(a[0]), int(a[1]), a[2], char=ch)
    if c == "cols":
        for l in lines(a[2]):
            print(cut(l, int(a[0]), int(a[1])).rstrip())
        return 0
    if c == "unwritten":
        return cmd_unwritten(a[0], int(a[1]), int(a[2]), int(a[3]), a[4:])
    if c == "sgr":
        return cmd_sgr(a[0], int(a[1]), a[2])
    if c == "colour":
        return cmd_colour(a[0])
    if c == "highlight":
        mn = int(a[a.index("--min") + 1]) if "--min" in a else 1
        return cmd_highlight(a[0], int(a[1]), int(a[2]), a[3], mn,
                             "--searched" in a)
    if c == "merge":
        return cmd_merge(a[0], int(a[1]), int(a[2]), a[3:])
    if c == "sidebar":
        return cmd_sidebar(a[0], int(a[1]), int(a[2]), a[3], options(a[4:]))
    if c == "results":
        return cmd_results(a[0], int(a[1]), int(a[2]), a[3], a[4])
    if c == "article":
        return cmd_article(a[0], a[1], a[2], int(a[3]))
    if c == "result-key":
        # the key of the article on result row N (1-based) of the sidebar
        r = sidebar_rows(a[0], int(a[1]), int(a[2]))[int(a[4]) - 1].rstrip()
        m = re.match(r"^[ !][* ]\S{2,5} {1,4}(\S.*)$", r)
        for iss in load(a[3]):
            for _, art in articles(iss):
                if m and m.group(1) and art["title"].startswith(m.group(1).rstrip("\u2026")):
                    print(art["key"])
                    return 0
        print("no article for result row %s: %r" % (a[4], r))
        return 1
    if c == "issue-row":
        # the 0-based row of the issue row showing (the start of) LABEL
        for i, r in enumerate(sidebar_rows(a[0], int(a[1]), int(a[2]))):
            m = re.match(r"^[+-] (.*?)\s+\d+(/\d+)?$", r)
            if m and a[3].startswith(m.group(1).rstrip("\u2026")):
                print(i)
                return 0
        print("no issue row for %s" % a[3])
        return 1
    if c == "expect":
        return cmd_expect(a[0], a[1], a[2:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main(sys.argv))

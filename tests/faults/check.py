#!/usr/bin/env python3
"""Helpers for tests/faults: hostile inputs, and checks on what the
reader printed or what tmux shows.  Every check prints what is wrong
and exits 1, or exits 0.

  hostile-doc OUT          the hostile source document; prints the number
                           of hostile inputs (payload x place) in it
  doctor DB                puts every payload into every text column of
                           DB the reader shows; prints the number of
                           hostile inputs
  payloads                 the payload names, one a line
  raw OUT                  every payload, raw, for a control run
  layout W H FILE [--border COL [--rows N]]
                           H lines, none wider than W display columns;
                           display column COL holds the border on rows
                           1..H-1 (1..N)
  sgr FILE                 the SGR sequences in a capture -e are only
                           those the reader draws with, and nothing else
                           is an escape sequence
  bytes FILE               printed output: no byte < 0x20 but \\n, no DEL,
                           no C1 control, no bidi control, valid UTF-8
  same A B                 two captures are the same
  gen-limits DIR           the limit documents (see limits.sh)
"""
import os
import re
import sys

sys.dont_write_bytecode = True      # no __pycache__ in tests/lib
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))
from termtext import cw, width, read_lines  # noqa: E402

E = "\x1b"

# name, payload.  NUL is last: the reader's strings end there.
PAYLOADS = [
    ("OSC 0 window title", E + "]0;PWNED-T0\x07"),
    ("OSC 2 window title", E + "]2;PWNED-T2" + E + "\\"),
    ("OSC 1 icon name", E + "]1;PWNED-ICON\x07"),
    ("ESC k window name", E + "kPWNED-WIN" + E + "\\"),
    ("SGR colours", E + "[35;45m" + E + "[38;5;201m" + E + "[48;2;255;0;255m"),
    ("SGR blink/conceal", E + "[5m" + E + "[8m" + E + "[9m"),
    ("CSI cursor home, clear", E + "[H" + E + "[2J" + E + "[K"),
    ("CSI cursor moves", E + "[5;5H" + E + "[3A" + E + "[40C" + E + "7" + E + "8"),
    ("CSI scroll region", E + "[3;5r"),
    ("CSI insert mode", E + "[4h"),
    ("DEC modes", E + "[?25h" + E + "[?1049l" + E + "[?1000h" + E + "[?1h" + E + "[?7l"),
    ("charset switch", E + "(0" + "\x0e"),
    ("RIS full reset", E + "c"),
    ("OSC 8 hyperlink", E + "]8;;https://evil.example/" + E + "\\LINK" + E + "]8;;" + E + "\\"),
    ("DCS tmux passthrough", E + "Ptmux;" + E + E + "]2;PWNED-DCS\x07" + E + "\\"),
    ("DCS DECRQSS", E + "P$qm" + E + "\\"),
    ("OSC 52 clipboard", E + "]52;c;UFdORUQtQ0xJUA==\x07"),
    ("OSC 52 primary", E + "]52;p;UFdORUQtUFJJTQ==" + E + "\\"),
    ("APC/PM/SOS", E + "_apc" + E + "\\" + E + "^pm" + E + "\\" + E + "Xsos" + E + "\\"),
    ("C0 BEL BS VT SI DEL", "\x07\x08\x0b\x0f\x7f"),
    ("C0 CR", "a\rb"),
    ("C0 FF", "a\x0cb"),
    ("C0 HT LF", "a\tb\nc"),
    ("C1 CSI/OSC/ST/NEL/DCS", "\u009b35m\u009d2;PWNED-C1\u009c\u0085\u0090x\u009c"),
    ("raw C1 bytes", "RAWC1"),     # invalid UTF-8, written as bytes
    ("bidi overrides", "\u202eRTL\u2066LRI\u2067RLI\u2068FSI\u2069\u202c\u200f"),
    ("zero-width", "Z\u200b\u200c\u200d\ufeff\u2060Z"),
    ("combining pile", "e" + "\u0301" * 30),
    ("NUL", "\x00"),
]
RAW_C1 = b"\x9b35m\x9d2;PWNED-RAW\x9c"


def payload_bytes(p):
    b = p.encode("utf-8")
    return b.replace(b"RAWC1", RAW_C1)


def all_bytes(skip=()):
    return b"".join(payload_bytes(v) for k, v in PAYLOADS if k not in skip)


# ---------------------------------------------------------------- documents

def cmd_hostile_doc(out):
    """A bulletin-shaped document: one column, and for each payload an
    article carrying it in the title, the body, the editors, a
    footnote's text and the footnote's URL.  Payloads that end a line
    or a paragraph in the source (LF, CR, FF, NUL) are in the body only,
    where they cannot change the shape of the document; the importer
    refuses bytes that are not UTF-8, so raw C1 bytes are left to
    hostile-sql."""
    shape = {"C0 HT LF", "C0 CR", "C0 FF", "NUL"}
    parts = [" 专题评述 ".encode()]
    count = 0
    note = 0
    for i, (k, v) in enumerate(PAYLOADS):
        if k == "raw C1 bytes":
            continue
        p = payload_bytes(v)
        note += 1
        if k in shape:
            t = e = u = b""
            count += 1
        else:
            t = e = u = p
            count += 6
        parts += [
            ("美国发布量子测试%d号" % i).encode() + t + "文件标题 ".encode(),
            ("4 月 20 日，美国白宫科技政策办公室发布《量子路径》%d，旨在加快推进清洁" % note).encode(),
            "能源关键技术创新。".encode() + p + "报告指出，这是第一段。 ".encode(),
            "第二段的内容在这里，美国政府努力加强量子计算关键材料的供应链安全。".encode() + t + " ".encode(),
            "               （张三".encode() + e + " 李四） ".encode(),
            b" " * 61,
            ("%d National Innovation" % note).encode() + t + b" Pathway. https://www.example.org/wp-" + u + b"content/US.pdf ",
        ]
    with open(out, "wb") as f:
        f.write(b"\n\n".join(parts) + b"\n\n")
    print(count)


def cmd_doctor(path):
    """Every payload into every text column of the database the reader
    shows, whatever the importer's parsing kept clean: issue title and
    number, column, article title, editors, date text, paragraphs,
    headings and tables, guide fields, footnote text and URLs, country
    and theme names.  Adapts to the schema (columns that do not exist
    are left out).  Prints the number of hostile inputs."""
    import sqlite3
    db = sqlite3.connect(path)
    db.text_factory = bytes
    h = sqlite3.Binary(all_bytes())

    def cols(t):
        return [r[1].decode() if isinstance(r[1], bytes) else r[1]
                for r in db.execute("PRAGMA table_info(%s)" % t)]

    def schema(t):
        r = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()
        return (r[0].decode() if isinstance(r[0], bytes) else r[0]) if r else ""

    places = 0

    def upd(t, c, expr, where=""):
        nonlocal places
        if c not in cols(t):
            return
        db.execute("UPDATE %s SET %s = %s %s" % (t, c, expr, where), {"h": h})
        places += 1

    cat = "CAST(:h AS TEXT)"
    upd("issues", "title", "title || %s || '期刊'" % cat)
    upd("issues", "number", "'第01期' || %s" % cat)
    upd("sections", "name", "name || %s || '栏目'" % cat)
    upd("articles", "title", "title || %s || '尾'" % cat)
    upd("articles", "authors", "'王五' || %s || ' 赵六'" % cat)
    upd("articles", "date_text", "'4月' || %s" % cat)
    upd("blocks", "text", "text || %s || '段尾'" % cat)
    sch = schema("blocks")
    if "type" in cols("blocks"):
        head, table = ("heading", "table") if "'heading'" in sch else ("h", "t")
        key = "rowid" if "WITHOUT ROWID" not in sch.upper() else cols("blocks")[0]
        db.execute("UPDATE blocks SET type = :t, text = '小标题' || %s WHERE %s %% 3 = 1" % (cat, key),
                   {"t": head, "h": h})
        db.execute("UPDATE blocks SET type = :t, text = '表头' || %s || char(9) || '列二' || char(10)"
                   " || '格' || %s || char(9) || '格二' WHERE %s %% 3 = 2" % (cat, cat, key),
                   {"t": table, "h": h})
        places += 3
    if {"article_id", "seq", "name", "value"} <= set(cols("fields")):
        db.execute("INSERT OR IGNORE INTO fields(article_id, seq, name, value) SELECT id, 1000,"
                   " '领域方向' || %s, '值' || %s FROM articles" % (cat, cat), {"h": h})
        places += 2
    upd("footnotes", "text", "text || %s" % cat)
    upd("footnotes", "urls", "'https://evil.example/' || %s || char(10) || urls" % cat)
    if "country_id" in cols("article_countries"):
        upd("countries", "name", "name || %s" % cat,
            "WHERE id IN (SELECT country_id FROM article_countries)")
    if "theme_id" in cols("article_themes"):
        upd("themes", "name", "name || %s" % cat,
            "WHERE id IN (SELECT theme_id FROM article_themes)")
    db.commit()
    db.close()
    print(places * len(PAYLOADS))


def cmd_raw(out):
    with open(out, "wb") as f:
        f.write(all_bytes(skip={"NUL", "C0 HT LF", "C0 CR", "C0 FF", "RIS full reset",
                                "DEC modes", "CSI scroll region"}))


# ---------------------------------------------------------------- screens

def at(line, col):
    """The character at display column col, or None."""
    x = 0
    for ch in line:
        w = cw(ch)
        if x == col and w > 0:
            return ch
        if x <= col < x + w:
            return ch
        x += w
    return None


def cmd_layout(w, h, path, border=None, border_rows=None):
    ls = read_lines(path)
    bad = []
    # tmux leaves trailing empty rows out of nothing; be exact
    if len(ls) != h:
        bad.append("%d lines, not %d" % (len(ls), h))
    for i, l in enumerate(ls):
        if width(l) > w:
            bad.append("row %d is %d columns wide (> %d): %r" % (i + 1, width(l), w, l[:60]))
    if border is not None:
        for i, l in enumerate(ls[:border_rows or h - 1]):
            c = at(l, border)
            if c != "\u2502":
                bad.append("row %d: column %d holds %r, not the border" % (i + 1, border, c))
    if bad:
        print("\n".join(bad[:20]))
        print("---- screen ----")
        for l in ls:
            print("|" + l)
        sys.exit(1)


# The SGR parameters the reader's looks produce (ui.c setup_looks):
# bold, underline, reverse, their resets, the 8 colours it uses (no
# magenta) as foreground and background, the defaults.
SGR_OK = {0, 1, 4, 7, 22, 24, 27, 30, 31, 32, 33, 34, 36, 37, 39,
          40, 41, 42, 43, 44, 46, 47, 49}


def cmd_sgr(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    bad = []
    i = 0
    while True:
        i = text.find("\x1b", i)
        if i < 0:
            break
        m = re.compile(r"\x1b\[([0-9;:]*)m").match(text, i)
        if m is None:
            bad.append("an escape sequence that is not SGR: %r" % text[i:i + 16])
            i += 1
            continue
        params = m.group(1)
        ps = [p for p in re.split("[;:]", params)] if params else ["0"]
        j = 0
        while j < len(ps):
            p = int(ps[j]) if ps[j] else 0
            if p in (38, 48, 58):
                bad.append("SGR %r: extended colour the reader never draws" % params)
                break
            if p not in SGR_OK:
                bad.append("SGR %r: parameter %d the reader never draws" % (params, p))
            j += 1
        i = m.end()
    if bad:
        print("\n".join(sorted(set(bad))[:20]))
        sys.exit(1)


BIDI = {0x061c, 0x200e, 0x200f} | set(range(0x202a, 0x202f)) | set(range(0x2066, 0x206a))


def cmd_bytes(path):
    with open(path, "rb") as f:
        data = f.read()
    bad = []
    for i, b in enumerate(data):
        if (b < 0x20 and b != 0x0a) or b == 0x7f:
            bad.append("byte 0x%02x at offset %d: %r" % (b, i, data[max(0, i - 20):i + 20]))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad.append("not UTF-8: %s" % e)
        text = data.decode("utf-8", errors="replace")
    for i, ch in enumerate(text):
        c = ord(ch)
        if 0x80 <= c <= 0x9f:
            bad.append("C1 control U+%04X at character %d" % (c, i))
        elif c in BIDI:
            bad.append("bidi control U+%04X at character %d" % (c, i))
    if bad:
        print("%d bad: " % len(bad) + "\n".join(bad[:10]))
        sys.exit(1)


# ---------------------------------------------------------------- limits

def cmd_gen_limits(d):
    """big.txt: one article whose one paragraph is 10 MB; title.txt: a
    title of 5,000 characters (and long-title.txt, that title alone); huge.txt: one issue, one column, 100,000
    short articles (title, a paragraph, editors)."""
    han = "科技政策与咨询快报量子计算人工智能半导体芯片氢能储能碳中和创新战略"
    # 10 MB: Chinese (3 bytes a character) with ASCII words and
    # punctuation, on lines of 33 characters (a PDF's column), no
    # paragraph break (no trailing space, no blank line between them)
    chunk = []
    n = 0
    i = 0
    while n < 10 * 1024 * 1024:
        body = "".join(han[(i * 7 + k) % len(han)] for k in range(30))
        line = body + ("，" if i % 3 else "。") + ("Mark%d" % i if i % 97 == 0 else "")
        if i == 80000:      # some 7.6 MB in
            line += "深海探测"
        chunk.append(line)
        n += len(line.encode()) + 2
        i += 1
    with open(d + "/big.txt", "w", encoding="utf-8") as f:
        f.write(" 专题评述 \n\n美国发布超长段落测试文件 \n\n")
        f.write("\n\n".join(chunk))
        f.write("。 \n\n               （张三 李四） \n\n")
    title = "".join(han[k % len(han)] for k in range(4990))
    # the title as the database gets it: exactly 5,000 characters
    with open(d + "/long-title.txt", "w", encoding="utf-8") as f:
        f.write("长标题" + (han * 200)[:4991] + "标题尾部结束")
    with open(d + "/title.txt", "w", encoding="utf-8") as f:
        f.write(" 专题评述 \n\n美国发布" + title + "标题尾部 \n\n")
        f.write("4 月 20 日，美国白宫科技政策办公室发布长标题测试。 \n\n")
        f.write("               （张三 李四） \n\n")
    with open(d + "/huge.txt", "w", encoding="utf-8") as f:
        f.write(" 专题评述 \n\n")
        for k in range(100000):
            f.write("美国发布第%d号测试文件 \n\n" % k)
            f.write("4 月 20 日，美国白宫发布第%d号文件，内容简短。 \n\n" % k)
            f.write("               （张三 李四） \n\n")


def cmd_same(a, b):
    """Two captures of a screen are the same; prints the rows that
    differ."""
    la, lb = read_lines(a), read_lines(b)
    bad = []
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else None
        y = lb[i] if i < len(lb) else None
        if x != y:
            bad.append("row %d:\n  shown    %r\n  redrawn  %r" % (i + 1, x, y))
    if bad:
        print("%d rows differ:" % len(bad))
        print("\n".join(bad[:6]))
        sys.exit(1)


def main(argv):
    cmd = argv[1]
    if cmd == "hostile-doc":
        cmd_hostile_doc(argv[2])
    elif cmd == "doctor":
        cmd_doctor(argv[2])
    elif cmd == "payloads":
        for k, v in PAYLOADS:
            print(k)
    elif cmd == "raw":
        cmd_raw(argv[2])
    elif cmd == "layout":
        border = rows = None
        if len(argv) > 6 and argv[5] == "--border":
            border = int(argv[6])
        if len(argv) > 8 and argv[7] == "--rows":
            rows = int(argv[8])
        cmd_layout(int(argv[2]), int(argv[3]), argv[4], border, rows)
    elif cmd == "same":
        cmd_same(argv[2], argv[3])
    elif cmd == "sgr":
        cmd_sgr(argv[2])
    elif cmd == "bytes":
        cmd_bytes(argv[2])
    elif cmd == "gen-limits":
        cmd_gen_limits(argv[2])
    else:
        sys.exit("check.py: unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)

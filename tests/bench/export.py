#!/usr/bin/env python3
"""Exports the articles of an archive for the baselines.

    export.py --importer BIN --data-dir DIR OUTDIR FILE...

Reads the articles as kuaibao-import parses them, from its documented
dump (`kuaibao-import --json`, format kuaibao-dump/1, kuaibao(5)), in
batches of files, rather than from the database, whose tables are the
reader's business and change with it.  Writes:

  texts.jsonl   one article a line: {"id", "title", "body"}; body is what
                kuaibao-import puts in its FTS body column (blocks, then
                footnotes, then fields, joined by newlines, [^n] markers
                removed), for the trigram baseline
  articles.txt  the plain text of every article (title, issue, date and
                editors, paragraphs, notes), blank-line separated, for less
  articles.mbox the same articles as one message each, for neomutt
  keys.txt      article keys in the same order

Articles come in file order (gen.py names files newest issue first), in
issue order within a file, as a reader lists them.
"""

import base64
import json
import os
import re
import subprocess
import sys
import time

BATCH = 100

MARK_RE = re.compile(r"\[\^(\d+)\]")


def fts_body(parts):
    return "\n".join(MARK_RE.sub("", p) for p in parts)


def rfc2047(s):
    return "=?UTF-8?B?%s?=" % base64.b64encode(s.encode("utf-8")).decode()


def articles(importer, data_dir, files):
    """(issue, section name, article) in order, from the dump."""
    for i in range(0, len(files), BATCH):
        p = subprocess.run([importer, "-q", "--json", "--data-dir", data_dir]
                           + files[i:i + BATCH], stdout=subprocess.PIPE,
                           check=True)
        dump = json.loads(p.stdout)
        for iss in dump["issues"]:
            for sec in iss["sections"]:
                for a in sec["articles"]:
                    yield iss, sec["name"], a


def main(argv):
    args = list(argv)
    opts = {}
    while args and args[0] in ("--importer", "--data-dir"):
        opts[args[0]] = args[1]
        del args[:2]
    if len(args) < 2 or "--importer" not in opts:
        sys.stderr.write("usage: export.py --importer BIN --data-dir DIR "
                         "OUTDIR FILE...\n")
        return 2
    out, files = args[0], args[1:]
    os.makedirs(out, exist_ok=True)
    base = time.mktime((2000, 1, 1, 0, 0, 0, 0, 0, 0))
    n = 0
    with open(os.path.join(out, "texts.jsonl"), "w", encoding="utf-8") as tj, \
            open(os.path.join(out, "articles.txt"), "w",
                 encoding="utf-8") as tx, \
            open(os.path.join(out, "articles.mbox"), "w",
                 encoding="utf-8") as mb, \
            open(os.path.join(out, "keys.txt"), "w", encoding="utf-8") as ks:
        for iss, section, a in articles(opts["--importer"],
                                        opts.get("--data-dir", "data"), files):
            k = n
            n += 1
            title = a["title"]
            b = [x["text"] for x in a.get("blocks", [])]
            nt = [(x["n"], " ".join([x.get("text") or ""] +
                                    x.get("urls", [])).strip())
                  for x in a.get("footnotes", [])]
            fl = [(x["name"], x["value"]) for x in a.get("fields", [])]
            body = fts_body(b + [x.get("text") or "" for x in
                                 a.get("footnotes", [])] +
                            [v for _, v in fl])
            # ids fall with the position, so the newest has the largest,
            # as in kuaibao (ORDER BY rowid DESC lists the newest first)
            tj.write(json.dumps({"id": 1000000000 - k, "title": title,
                                 "body": body},
                                ensure_ascii=False))
            tj.write("\n")
            ks.write(a["key"] + "\n")
            authors = " ".join(a.get("authors") or [])
            date = a.get("date") or a.get("date_text") or ""
            idate = iss.get("date") or str(iss.get("year") or "")
            # Plain text: what a person would page through.
            lines = [title, "%s  %s %s  %s" % (iss.get("title", ""), idate,
                                               iss.get("number") or "",
                                               section)]
            if date or authors:
                lines.append(" ".join(x for x in (date, authors) if x))
            lines.append("")
            paras = [MARK_RE.sub(lambda m: "[%s]" % m.group(1), p)
                     for p in b]
            paras += ["[%s] %s" % (num, t) for num, t in nt]
            paras += ["%s：%s" % (nm, v) for nm, v in fl]
            plain = "\n".join(lines) + "\n" + "\n\n".join(paras) + "\n"
            tx.write(plain)
            tx.write("\n\n")
            # mbox (mboxrd quoting of From_ lines).
            t = time.gmtime(base + k * 60)
            msg = ["From kuaibao@example.invalid %s" %
                   time.strftime("%a %b %d %H:%M:%S %Y", t),
                   "From: %s <kuaibao@example.invalid>" % rfc2047(
                       authors or iss.get("title", "kuaibao")),
                   "Subject: %s" % rfc2047(title),
                   "Date: %s" % time.strftime("%a, %d %b %Y %H:%M:%S +0000",
                                              t),
                   "Message-ID: <%s.%d@kuaibao.invalid>" % (a["key"], k),
                   "MIME-Version: 1.0",
                   "Content-Type: text/plain; charset=utf-8",
                   "Content-Transfer-Encoding: 8bit",
                   ""]
            for l in plain.split("\n"):
                if re.match(r"^>*From ", l):
                    l = ">" + l
                msg.append(l)
            mb.write("\n".join(msg))
            mb.write("\n")
    sys.stderr.write("export.py: %d articles from %d files\n" % (n, len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Baseline: a plain SQLite FTS5 trigram index of the same article texts.

    trigram.py TEXTS.jsonl OUT.db

Loads texts.jsonl (from export.py) into memory first, untimed, then
times what a user of stock SQLite would do to get full-text search over
the same text: create

    CREATE VIRTUAL TABLE tri USING fts5(title, body, tokenize='trigram')

insert every article in one transaction, and merge the index with the
'optimize' command, as kuaibao-import does for its own index.  The
database is created fresh (OUT.db is removed first) with SQLite's
defaults except journal_mode=OFF (kuaibao-import writes a new file and
renames it, so neither pays for a rollback journal that matters).

Prints one JSON line: {"seconds", "bytes", "articles", "text_bytes"}.
"""

import json
import os
import sqlite3
import sys
import time


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: trigram.py TEXTS.jsonl OUT.db\n")
        return 2
    src, out = argv
    rows = []
    text_bytes = 0
    with open(src, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            rows.append((d["id"], d["title"], d["body"]))
            text_bytes += len(d["title"].encode()) + len(d["body"].encode())
    for p in (out, out + "-journal", out + "-wal"):
        if os.path.exists(p):
            os.unlink(p)
    t0 = time.monotonic()
    con = sqlite3.connect(out, isolation_level=None)
    for p in ("journal_mode = OFF", "synchronous = OFF", "temp_store = MEMORY",
              "cache_size = -65536", "locking_mode = EXCLUSIVE"):
        con.execute("PRAGMA " + p)
    con.execute("BEGIN")
    con.execute("CREATE VIRTUAL TABLE tri USING fts5(title, body, "
                "tokenize='trigram')")
    con.executemany("INSERT INTO tri(rowid, title, body) VALUES (?,?,?)",
                    rows)
    con.execute("INSERT INTO tri(tri) VALUES ('optimize')")
    con.execute("COMMIT")
    con.close()
    t1 = time.monotonic()
    print(json.dumps({"seconds": round(t1 - t0, 4),
                      "bytes": os.path.getsize(out),
                      "articles": len(rows), "text_bytes": text_bytes}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

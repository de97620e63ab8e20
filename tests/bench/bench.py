#!/usr/bin/env python3
"""kuaibao benchmarks: measure, compare with baselines, report.

    bench.py --build BUILD [--out DIR] [--sizes 1k,100k] [--runs N]
             [--only import,search,reader] [--quick]

Called by tests/bench/run.sh (make bench); see README.md beside this file
for what every figure means.  Environment (run.sh passes it through):

  BENCH_QUICK=1            1k archive only, 3 runs (CI)
  BENCH_RUNS=N             runs per figure (default 5; 3 when quick)
  BENCH_SIZES=1k,100k      which archives
  BENCH_ONLY=import,search,reader
  BENCH_IMPORT_RUNS_100K=N import/trigram builds at 100k (default 1: one
                           build is ~4-10 min; see README.md)
  BENCH_NEOMUTT=0          skip neomutt
  BENCH_NEOMUTT_RUNS_100K  neomutt sessions at 100k (default 3)
  BENCH_REBUILD=1          ignore every cache under build/bench
"""

import argparse
import glob
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def _load_pty():
    """tests/bench/pty.py, by path (the stdlib has a pty module too),
    leaving no __pycache__ in the source tree."""
    import importlib.util
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location(
        "kb_bench_pty", os.path.join(HERE, "pty.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ptyh = _load_pty()

SIZES = {"1k": 50, "100k": 5000}           # name -> issues for gen.py
QUERIES = [("1", "芯"), ("2", "芯片"), ("3", "半导体"), ("4", "人工智能")]
TERMS = [(80, 24), (200, 60)]


T0 = time.time()


def log(msg):
    sys.stderr.write("bench: [%4.0fs] %s\n" % (time.time() - T0, msg))
    sys.stderr.flush()


def env_int(name, default):
    v = os.environ.get(name, "")
    return int(v) if v.strip() else default


def sha_files(paths, extra=""):
    h = hashlib.sha256(extra.encode())
    for p in paths:
        h.update(p.encode() if not os.path.isabs(p) else
                 os.path.relpath(p, ROOT).encode())
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def write_json(path, obj):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
    os.replace(tmp, path)


def set_stamp(d, stamp):
    """Marks directory d as made for stamp (see Bench.stamped)."""
    with open(os.path.join(d, "STAMP"), "w") as f:
        f.write(stamp + "\n")


def stats(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    return {"median": statistics.median(vals), "min": min(vals),
            "max": max(vals), "n": len(vals), "missing":
            len(values) - len(vals)}


def fmt_num(v, digits=None):
    if v is None:
        return "—"
    if digits is None:
        a = abs(v)
        digits = 0 if a >= 100 else 1 if a >= 10 else 2 if a >= 1 else 3
    return "%.*f" % (digits, v)


def fmt_stat(s, digits=None, scale=1.0):
    if s is None:
        return "—"
    if s["n"] == 1:
        return "%s (n=1)" % fmt_num(s["median"] * scale, digits)
    return "%s (%s–%s)" % (fmt_num(s["median"] * scale, digits),
                           fmt_num(s["min"] * scale, digits),
                           fmt_num(s["max"] * scale, digits))


def ratio(a, b):
    if a is None or b is None or not b["median"]:
        return None
    return a["median"] / b["median"]


def fmt_ratio(r):
    return "—" if r is None else "%.2f×" % r


def verdict(ok):
    return "—" if ok is None else ("PASS" if ok else "FAIL")


class Bench:
    def __init__(self, o):
        self.o = o
        self.build = os.path.abspath(o.build)
        self.out = os.path.abspath(o.out)
        os.makedirs(self.out, exist_ok=True)
        self.rebuild = os.environ.get("BENCH_REBUILD") == "1"
        self.runs = o.runs
        self.snapshot()
        self.results = {"meta": {}, "import": {}, "search": {},
                        "reader": {}, "notes": []}
        self.home = tempfile.mkdtemp(prefix="kb-bench-home-")
        self.data = os.path.join(ROOT, "data")

    def snapshot(self):
        """Copies the binaries under test to build/bench/bin first: the
        tree is rebuilt by others while a run lasts (tens of minutes at
        100k), and a reader newer than the database it is given refuses
        it."""
        bindir = os.path.join(self.out, "bin")
        os.makedirs(bindir, exist_ok=True)
        for name in ("kuaibao", "kuaibao-import", "libkb.a"):
            src = os.path.join(self.build, name)
            dst = os.path.join(bindir, name)
            if os.path.exists(dst):
                os.unlink(dst)
            if os.path.exists(src):
                shutil.copy2(src, dst)
        self.importer = os.path.join(bindir, "kuaibao-import")
        self.reader = os.path.join(bindir, "kuaibao")
        self.libkb = os.path.join(bindir, "libkb.a")

    def shown(self, name):
        """How to name a binary under test in the report: where it was
        copied from."""
        p = os.path.join(self.build, name)
        r = os.path.relpath(p, ROOT)
        return p if r.startswith("..") else r

    def note(self, msg):
        log(msg)
        self.results["notes"].append(msg)

    # -- archives ------------------------------------------------------------
    def archive(self, size):
        issues = SIZES[size]
        d = os.path.join(self.out, "archive-%d" % issues)
        corpus = sorted(glob.glob(os.path.join(self.data, "corpus", "*")))
        stamp = sha_files([os.path.join(HERE, "gen.py")] + corpus,
                          "issues=%d" % issues)
        if self.stamped(d, stamp):
            return d, stamp
        log("generating %s archive (%d issues) in %s" % (size, issues, d))
        if os.path.isdir(d):
            shutil.rmtree(d)
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"),
                        "--issues", str(issues), d], check=True)
        set_stamp(d, stamp)
        return d, stamp

    def stamped(self, d, stamp):
        """Directory d was made for stamp (its STAMP file says so)."""
        sf = os.path.join(d, "STAMP")
        return not self.rebuild and os.path.exists(sf) and \
            open(sf).read().strip() == stamp

    def build_runs(self, size):
        """Timed builds: BENCH_IMPORT_RUNS_100K (default 1) at 100k."""
        return self.runs if size != "100k" else \
            env_int("BENCH_IMPORT_RUNS_100K", 1)

    def cached(self, meta, db, stamp, runs):
        """The figures in meta when they were measured for stamp, with
        db still there and at least runs runs; else None."""
        old = read_json(meta)
        if not self.rebuild and old and old.get("stamp") == stamp and \
                os.path.exists(db) and len(old.get("seconds", [])) >= runs:
            old["cached"] = True
            return old
        return None

    def archive_files(self, d):
        return sorted(glob.glob(os.path.join(d, "*.txt")) +
                      glob.glob(os.path.join(d, "*.md")))

    # -- import --------------------------------------------------------------
    def timed(self, argv, **kw):
        """Runs argv; returns (seconds, peak RSS kB or None)."""
        tf = None
        if os.path.exists("/usr/bin/time"):
            tf = tempfile.NamedTemporaryFile(prefix="kb-time-", delete=False)
            tf.close()
            argv = ["/usr/bin/time", "-f", "%M", "-o", tf.name] + argv
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, **kw)
        t = time.perf_counter() - t0
        rss = None
        if tf:
            try:
                rss = int(open(tf.name).read().split()[-1])
            except (OSError, ValueError, IndexError):
                pass
            os.unlink(tf.name)
        return t, rss

    def kuaibao_db(self, size, adir, astamp):
        """Builds (and times) the kuaibao database; cached by stamp."""
        issues = SIZES[size]
        db = os.path.join(self.out, "kb-%d.db" % issues)
        meta = os.path.join(self.out, "kb-%d.json" % issues)
        files = self.archive_files(adir)
        stamp = sha_files([self.importer,
                           os.path.join(self.data, "countries.tsv"),
                           os.path.join(self.data, "themes.tsv")],
                          astamp)
        runs = self.build_runs(size)
        old = self.cached(meta, db, stamp, runs)
        if old:
            return db, old, stamp
        src_bytes = sum(os.path.getsize(f) for f in files)
        secs, rss = [], []
        for i in range(runs):
            log("kuaibao-import %s archive, run %d/%d" % (size, i + 1, runs))
            t, r = self.timed([self.importer, "-q", "--new", "--data-dir",
                               self.data, "-o", db] + files)
            secs.append(t)
            rss.append(r)
        # Parse only (--json to /dev/null), once per run at 1k: where the
        # time goes.
        parse = []
        if size != "100k":
            for i in range(runs):
                with open(os.devnull, "w") as dn:
                    t, _ = self.timed([self.importer, "-q", "--json",
                                       "--data-dir", self.data] + files,
                                      stdout=dn)
                parse.append(t)
        nart = niss = None
        try:        # the schema is the reader's; the counts are a check
            con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
            nart = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            niss = con.execute("SELECT count(*) FROM issues").fetchone()[0]
            con.close()
        except sqlite3.Error as e:
            self.note("cannot count the articles of %s: %s" % (db, e))
        res = {"stamp": stamp, "seconds": secs, "rss_kb": rss,
               "parse_seconds": parse, "articles": nart, "issues": niss,
               "files": len(files), "source_bytes": src_bytes,
               "db_bytes": os.path.getsize(db),
               "measured": time.strftime("%Y-%m-%d %H:%M"), "cached": False}
        write_json(meta, res)
        return db, res, stamp

    def update(self, db):
        """The next monthly issue (a corpus bulletin) added to a copy of
        the built archive, against copying the database file: the least
        any update that never touches the file in use has to do."""
        issue = sorted(glob.glob(os.path.join(self.data, "corpus",
                                              "*.txt")))[0]
        work = os.path.join(self.out, "update.db")
        secs, rss, copies = [], [], []
        for i in range(self.runs):
            log("kuaibao-import: one issue into a copy, run %d/%d" %
                (i + 1, self.runs))
            t0 = time.perf_counter()
            shutil.copyfile(db, work)
            copies.append(time.perf_counter() - t0)
            t, r = self.timed([self.importer, "-q", "--data-dir",
                               self.data, "-o", work, issue])
            secs.append(t)
            rss.append(r)
        os.unlink(work)
        return {"file": os.path.basename(issue), "seconds": secs,
                "rss_kb": rss, "copy_seconds": copies}

    def export(self, size, adir, astamp):
        """The articles as kuaibao-import parses them (its --json dump),
        as text for the baselines.  Cached on the archive, not on the
        importer: a change to the importer barely moves the text, and the
        export costs ~2 min at 100k."""
        issues = SIZES[size]
        d = os.path.join(self.out, "export-%d" % issues)
        stamp = sha_files([os.path.join(HERE, "export.py")], astamp)
        if self.stamped(d, stamp):
            return d
        log("exporting %s articles for the baselines" % size)
        sf = os.path.join(d, "STAMP")
        if os.path.exists(sf):
            os.unlink(sf)
        subprocess.run([sys.executable, os.path.join(HERE, "export.py"),
                        "--importer", self.importer, "--data-dir", self.data,
                        d] + self.archive_files(adir), check=True)
        set_stamp(d, stamp)
        return d

    def trigram(self, size, exp, astamp):
        """The trigram baseline; cached on the archive, not the importer
        (the exported texts barely move when the importer changes, and
        a build at 100k costs minutes)."""
        issues = SIZES[size]
        db = os.path.join(self.out, "trigram-%d.db" % issues)
        meta = os.path.join(self.out, "trigram-%d.json" % issues)
        stamp = sha_files([os.path.join(HERE, "trigram.py"),
                           os.path.join(HERE, "export.py")],
                          astamp + sqlite3.sqlite_version)
        runs = self.build_runs(size)
        old = self.cached(meta, db, stamp, runs)
        if old:
            return db, old
        secs = []
        last = None
        for i in range(runs):
            log("trigram baseline %s, run %d/%d" % (size, i + 1, runs))
            p = subprocess.run([sys.executable, os.path.join(HERE,
                                "trigram.py"), os.path.join(exp,
                                "texts.jsonl"), db], check=True,
                               stdout=subprocess.PIPE, text=True)
            last = json.loads(p.stdout)
            secs.append(last["seconds"])
        res = {"stamp": stamp, "seconds": secs, "db_bytes": last["bytes"],
               "text_bytes": last["text_bytes"], "articles": last["articles"],
               "measured": time.strftime("%Y-%m-%d %H:%M"), "cached": False}
        write_json(meta, res)
        return db, res

    # -- search ----------------------------------------------------------------
    def kbq(self):
        if hasattr(self, "_kbq"):
            return self._kbq
        exe = os.path.join(self.out, "kbq")
        src = os.path.join(HERE, "kbq.c")
        lib = self.libkb
        cc = os.environ.get("CC", "cc")
        libs = subprocess.run(["pkg-config", "--libs", "sqlite3"],
                              stdout=subprocess.PIPE, text=True).stdout.split()
        libs = libs or ["-lsqlite3"]
        self._kbq = (None, False)
        base = [cc, "-O2", "-std=c11", "-o", exe, src]
        try:
            subprocess.run(base[:-1] + ["-DWITH_KB", "-I",
                           os.path.join(ROOT, "tui"), src, lib] + libs +
                           ["-lunistring"], check=True,
                           stderr=subprocess.PIPE)
            self._kbq = (exe, True)
        except (subprocess.CalledProcessError, OSError):
            self.note("kbq: could not link %s: the kuaibao index is not "
                      "queried through libkb" % lib)
            try:
                subprocess.run(base + libs, check=True)
                self._kbq = (exe, False)
            except (subprocess.CalledProcessError, OSError):
                self.note("kbq: cannot build the SQL timing helper")
        return self._kbq

    def query(self, db, sql, param, kb=False, runs=None):
        exe, haskb = self.kbq()
        if exe is None or (kb and not haskb):
            return None
        argv = [exe, "-n", str(runs or self.runs)] + (["-k"] if kb else []) + \
            [db, sql] + ([param] if param is not None else [])
        p = subprocess.run(argv, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            self.note("kbq failed: %s: %s" % (sql, p.stderr.strip()))
            return None
        return json.loads(p.stdout)

    def cli_search(self, db, q):
        """Baseline for kuaibao --search: the sqlite3 shell on the trigram
        database, the phrase (>= 3 characters) or LIKE (below), newest
        20, as a process."""
        sqlite = shutil.which("sqlite3")
        if not sqlite:
            return None
        if len(q) >= 3:
            sql = ("SELECT rowid FROM tri WHERE tri MATCH '\"%s\"' "
                   "ORDER BY rowid DESC LIMIT 20;" % q)
        else:
            sql = ("SELECT rowid FROM tri WHERE title LIKE '%%%s%%' OR "
                   "body LIKE '%%%s%%' ORDER BY rowid DESC LIMIT 20;" % (q, q))
        ms, lines = [], 0
        for _ in range(self.runs):
            t0 = time.perf_counter()
            p = subprocess.run([sqlite, "-readonly", db, sql],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            ms.append((time.perf_counter() - t0) * 1000)
            lines = len(p.stdout.splitlines())
        return {"ms": ms, "rows": lines}

    def reader_search(self, db, q):
        if not self.has_search:
            return None
        ms, lines = [], 0
        for _ in range(self.runs):
            t0 = time.perf_counter()
            p = subprocess.run([self.reader, "--search", q, "-d", db],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            ms.append((time.perf_counter() - t0) * 1000)
            if p.returncode != 0:
                self.note("kuaibao --search %s failed (exit %d)" %
                          (q, p.returncode))
                return None
            lines = len(p.stdout.splitlines())
        return {"ms": ms, "rows": lines}

    def search(self, size, kbdb, tridb):
        """Newest 20 articles containing the word, as kuaibao --search
        lists them (article ids grow with the issue date in both
        databases: kuaibao's by design, the trigram one by export order)."""
        res = {}
        scan_runs = min(self.runs, 3) if size == "100k" else self.runs
        for n, q in QUERIES:
            r = {"query": q}
            r["reader"] = self.reader_search(kbdb, q)
            r["cli"] = self.cli_search(tridb, q)
            # The kuaibao index through SQL: a lone character is a prefix
            # query; a longer word the AND of its bigrams (the index keeps
            # no positions, so this is the lookup without the check of
            # adjacency that the reader adds).
            if len(q) == 1:
                fts_q = q + "*"
            else:
                fts_q = " AND ".join(q[i:i + 2] for i in range(len(q) - 1))
            r["kb_sql"] = self.query(
                kbdb, "SELECT rowid FROM fts WHERE fts MATCH ?1 "
                "ORDER BY rowid DESC LIMIT 20", fts_q, kb=True)
            r["kb_count"] = self.query(
                kbdb, "SELECT count(*) FROM fts WHERE fts MATCH ?1", fts_q,
                kb=True, runs=1)
            if len(q) >= 3:
                r["tri_match"] = self.query(
                    tridb, "SELECT rowid FROM tri WHERE tri MATCH ?1 "
                    "ORDER BY rowid DESC LIMIT 20", '"%s"' % q)
                r["tri_rank"] = self.query(
                    tridb, "SELECT rowid FROM tri WHERE tri MATCH ?1 "
                    "ORDER BY rank LIMIT 20", '"%s"' % q)
            r["like20"] = self.query(
                tridb, "SELECT rowid FROM tri WHERE title LIKE ?1 OR "
                "body LIKE ?1 ORDER BY rowid DESC LIMIT 20", "%" + q + "%")
            r["scan"] = self.query(
                tridb, "SELECT count(*) FROM tri_content WHERE c0 LIKE ?1 "
                "OR c1 LIKE ?1", "%" + q + "%", runs=scan_runs)
            res[n] = r
        return res

    # -- reader and the pagers ---------------------------------------------------
    def sessions(self, prog, argv, scen_name, scen, cols, rows, runs, env=None,
                 timeout=60.0):
        out = []
        for i in range(runs):
            state = tempfile.mkdtemp(prefix="kb-bench-state-")
            e = dict(env or {})
            e["XDG_STATE_HOME"] = state
            if prog == "kuaibao":
                # a user's state database exists after the first start
                # (made once, in WAL mode); start and quit once so that
                # the figures are those of every later start
                ptyh.run_scenario(argv, {"steps": [], "quit": "q"},
                                  rows=rows, cols=cols, timeout=timeout,
                                  env=e)
            r = ptyh.run_scenario(argv, scen, rows=rows, cols=cols,
                                  timeout=timeout, env=e)
            shutil.rmtree(state, ignore_errors=True)
            r["scenario"] = scen_name
            if scen.get("quit") and not r["quit_clean"]:
                self.note("%s %s: did not quit on %r (killed)" % (
                    prog, scen_name, scen.get("quit")))
            out.append(r)
        return out

    def aggregate(self, sessions, start_scenarios=None):
        agg = {"first_screen_ms": [], "first_screen_bytes": [],
               "rss_kb": [], "steps": {}, "incomplete": 0, "sessions":
               len(sessions)}
        for s in sessions:
            st = s["start"]
            if start_scenarios is None or s["scenario"] in start_scenarios:
                agg["first_screen_ms"].append(st["last_byte_ms"])
                agg["first_screen_bytes"].append(st["bytes"])
            agg["rss_kb"].append(s["peak_rss_kb"] or None)
            if not st["complete"]:
                agg["incomplete"] += 1
            for step in s["steps"]:
                if not step.get("measure", True):
                    continue
                sid = step.get("id") or step["label"]
                d = agg["steps"].setdefault(sid, {
                    "label": step["label"], "last_byte_ms": [],
                    "quiet_ms": [], "first_byte_ms": [], "bytes": [],
                    "new_text_bytes": [], "no_reaction": 0})
                d["last_byte_ms"].append(step["last_byte_ms"])
                d["quiet_ms"].append(step["quiet_ms"])
                d["first_byte_ms"].append(step["first_byte_ms"])
                d["bytes"].append(step["bytes"])
                d["new_text_bytes"].append(step.get("new_text_bytes"))
                if step["last_byte_ms"] is None:
                    d["no_reaction"] += 1
        return agg

    def reader_bench(self, size, kbdb, exp):
        scens = read_json(os.path.join(HERE, "scenarios.json"))
        res = {}
        home = self.home
        muttrc = os.path.join(home, "muttrc")
        with open(muttrc, "w") as f:
            f.write(MUTTRC)
        # neomutt asks to create ~/Mail when it is missing
        os.makedirs(os.path.join(home, "Mail"), exist_ok=True)
        base_env = {"HOME": home, "LESSHISTFILE": "-", "LESS": "",
                    "ESCDELAY": "25"}
        neomutt = shutil.which("neomutt") if \
            os.environ.get("BENCH_NEOMUTT", "1") != "0" else None
        reader_ok = self.has_reader
        if reader_ok:
            p = subprocess.run([self.reader, "--list", "-d", kbdb],
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
            reader_ok = p.returncode == 0
            if not reader_ok:
                self.note("kuaibao --list -d %s failed (%s): reader "
                          "scenarios skipped at %s" % (
                              os.path.relpath(kbdb, ROOT),
                              p.stderr.strip().splitlines()[-1:] or
                              "exit %d" % p.returncode, size))
        for cols, rows in TERMS:
            key = "%dx%d" % (cols, rows)
            r = res[key] = {}
            if reader_ok:
                sess = []
                for name, sc in scens["kuaibao"].items():
                    if name.startswith("_"):
                        continue
                    log("kuaibao %s %s %s x%d" % (size, key, name, self.runs))
                    sess += self.sessions("kuaibao", [self.reader, "-d", kbdb],
                                          name, sc, cols, rows, self.runs,
                                          env=base_env)
                r["kuaibao"] = self.aggregate(sess)
                r["kuaibao_screen"] = sess[0]["screen"] if sess else None
            log("less %s %s x%d" % (size, key, self.runs))
            sess = self.sessions("less", ["less", os.path.join(
                exp, "articles.txt")], "browse", scens["less"]["browse"], cols,
                rows, self.runs, env=base_env)
            r["less"] = self.aggregate(sess)
            if neomutt and (size != "100k" or (cols, rows) == TERMS[0]):
                n = self.runs if size != "100k" else \
                    min(self.runs, env_int("BENCH_NEOMUTT_RUNS_100K", 3))
                log("neomutt %s %s x%d" % (size, key, n))
                sess = self.sessions("neomutt", [
                    neomutt, "-n", "-R", "-F", muttrc, "-f",
                    os.path.join(exp, "articles.mbox")], "browse",
                    scens["neomutt"]["browse"], cols, rows, n, env=base_env,
                    timeout=300.0 if size == "100k" else 60.0)
                r["neomutt"] = self.aggregate(sess)
        return res

    # -- driver --------------------------------------------------------------------
    def detect(self):
        def ok(argv):
            try:
                p = subprocess.run(argv, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True,
                                   timeout=10)
                return p.returncode == 0, p.stdout
            except (OSError, subprocess.TimeoutExpired):
                return False, ""
        self.has_reader, ver = ok([self.reader, "--version"])
        hok, helptext = ok([self.reader, "--help"])
        self.has_search = self.has_reader and "--search" in helptext
        m = self.results["meta"]
        m["reader"] = ver.strip().splitlines()[0] if self.has_reader and \
            ver.strip() else None
        m["reader_search"] = self.has_search
        if not self.has_reader:
            self.note("reader not ready (%s --version failed): reader "
                      "scenarios skipped; less and neomutt baselines still "
                      "measured" % self.shown("kuaibao"))
        if not self.has_search:
            self.note("kuaibao --search not offered (%s --help): the reader "
                      "search column is empty; the kuaibao index is timed "
                      "through SQL with libkb's tokenizer (kbq -k) instead" %
                      self.shown("kuaibao"))

    def run(self):
        o = self.o
        m = self.results["meta"]
        m.update({"date": time.strftime("%Y-%m-%d %H:%M:%S"),
                  "host": platform.node(), "cpus": os.cpu_count(),
                  "python": platform.python_version(),
                  "sqlite": sqlite3.sqlite_version, "runs": self.runs,
                  "sizes": o.sizes, "quick": o.quick})
        try:
            m["git"] = subprocess.run(["git", "-C", ROOT, "describe",
                                       "--always", "--dirty"],
                                      stdout=subprocess.PIPE, text=True,
                                      stderr=subprocess.DEVNULL).stdout.strip()
        except OSError:
            pass
        self.detect()
        only = set(o.only.split(",")) if o.only else \
            {"import", "search", "reader"}
        for size in o.sizes:
            adir, astamp = self.archive(size)
            kbdb, imp, kbstamp = self.kuaibao_db(size, adir, astamp)
            exp = self.export(size, adir, astamp)
            if imp.get("articles") is None:
                with open(os.path.join(exp, "keys.txt")) as f:
                    imp["articles"] = sum(1 for _ in f)
                imp["issues"] = imp["files"]
            if only & {"import", "search"}:    # the reader needs none
                tridb, tri = self.trigram(size, exp, astamp)
            if "import" in only:
                self.results["import"][size] = {"kuaibao": imp,
                                                "trigram": tri,
                                                "update": self.update(kbdb)}
            if "search" in only:
                log("search %s" % size)
                self.results["search"][size] = self.search(size, kbdb, tridb)
            if "reader" in only:
                self.results["reader"][size] = self.reader_bench(size, kbdb, exp)
        write_json(os.path.join(self.out, "results.json"), self.results)
        text = Report(self.results).render()
        with open(os.path.join(self.out, "report.md"), "w",
                  encoding="utf-8") as f:
            f.write(text)
        sys.stdout.write(text)
        shutil.rmtree(self.home, ignore_errors=True)
        return 0


MUTTRC = """\
# Throwaway muttrc for the benchmark: no caches, no checks, no prompts.
set header_cache=""
set message_cachedir=""
unset mark_old
set read_inc=0
set write_inc=0
set time_inc=0
set mail_check=0
set timeout=0
unset beep
unset wait_key
set quit=yes
set move=no
set sort=unsorted
set charset="utf-8"
set sidebar_visible=no
set mbox_type=mbox
unset confirmappend
unset confirmcreate
set check_mbox_size=no
unset help
"""


class Report:
    def __init__(self, res):
        self.r = res
        self.lines = []
        self.checks = []

    def p(self, s=""):
        self.lines.append(s)

    def table(self, head, rows):
        self.p("| " + " | ".join(head) + " |")
        self.p("|" + "|".join("---" for _ in head) + "|")
        for row in rows:
            self.p("| " + " | ".join(str(c) for c in row) + " |")
        self.p()

    def check(self, what, target, value, ok):
        self.checks.append((what, target, value, verdict(ok)))

    def render(self):
        m = self.r["meta"]
        self.p("# kuaibao benchmark report")
        self.p()
        self.p("%s · %s · %s CPUs · Python %s · SQLite %s · %s · "
               "runs per figure: %s%s" % (
                   m.get("date"), m.get("git", "?"), m.get("cpus"),
                   m.get("python"), m.get("sqlite"), m.get("host"),
                   m.get("runs"), " (quick)" if m.get("quick") else ""))
        self.p()
        self.p("Figures: median (min–max) over the runs; n=1 marks a single "
               "run.  Ratios are against the baseline measured in the same "
               "run.  See tests/bench/README.md.")
        self.p()
        for n in self.r["notes"]:
            self.p("- note: " + n)
        if self.r["notes"]:
            self.p()
        self.render_import()
        self.render_search()
        self.render_reader()
        self.p("## Targets")
        self.p()
        self.table(["target", "goal", "measured", "result"], self.checks)
        return "\n".join(self.lines) + "\n"

    def render_import(self):
        imp = self.r["import"]
        if not imp:
            return
        self.p("## Import")
        self.p()
        rows = []
        for size, d in imp.items():
            k, t = d["kuaibao"], d["trigram"]
            ks, ts = stats(k["seconds"]), stats(t["seconds"])
            src = k["source_bytes"]
            mbs = {"median": src / 1e6 / ks["median"],
                   "min": src / 1e6 / ks["max"],
                   "max": src / 1e6 / ks["min"], "n": ks["n"]}
            aps = {"median": k["articles"] / ks["median"],
                   "min": k["articles"] / ks["max"],
                   "max": k["articles"] / ks["min"], "n": ks["n"]}
            rss = stats(k.get("rss_kb") or [])
            cached = lambda x: " cached %s" % x["measured"] if \
                x.get("cached") else ""
            rows.append([size, "kuaibao-import" + cached(k),
                         "%d / %d" % (k["issues"], k["articles"]),
                         "%.1f" % (src / 1e6), fmt_stat(ks),
                         fmt_stat(mbs), fmt_stat(aps, 0),
                         "%.1f" % (k["db_bytes"] / 1e6),
                         "%.2f" % (k["db_bytes"] / src),
                         fmt_stat(rss, 1, 1 / 1024.0), fmt_ratio(ratio(ks, ts))])
            tsrc = t["text_bytes"]
            rows.append([size, "trigram FTS5 (baseline)" + cached(t),
                         "— / %d" % t["articles"], "%.1f text" % (tsrc / 1e6),
                         fmt_stat(ts), "%.1f" % (tsrc / 1e6 / ts["median"]),
                         "%.0f" % (t["articles"] / ts["median"]),
                         "%.1f" % (t["db_bytes"] / 1e6),
                         "%.2f" % (t["db_bytes"] / src), "—", "1.00×"])
            if k.get("parse_seconds"):
                ps = stats(k["parse_seconds"])
                rows.append([size, "kuaibao-import --json (parse only)",
                             "", "", fmt_stat(ps),
                             "%.1f" % (src / 1e6 / ps["median"]), "", "", "",
                             "", fmt_ratio(ratio(ps, ts))])
            u = d.get("update")
            if u:
                us, cs = stats(u["seconds"]), stats(u["copy_seconds"])
                rows.append([size, "one issue added (%s)" % u["file"], "",
                             "", fmt_stat(us), "", "", "", "",
                             fmt_stat(stats(u.get("rss_kb") or []), 1,
                                      1 / 1024.0),
                             "%s the copy" % fmt_ratio(ratio(us, cs))])
                rows.append([size, "copying the database (baseline)", "",
                             "", fmt_stat(cs), "", "", "", "", "", "—"])
            r = ratio(ks, ts)
            if size == "100k":
                self.check("import 100k ≤ ½ trigram build", "≤ 0.50×",
                           fmt_ratio(r), r is not None and r <= 0.5)
            self.check("database %s ≤ 2 × source" % size, "≤ 2.00",
                       "%.2f" % (k["db_bytes"] / src),
                       k["db_bytes"] <= 2 * src)
        self.table(["archive", "build", "issues / articles", "source MB",
                    "time s", "MB/s", "articles/s", "DB MB", "DB / source",
                    "peak RSS MB", "time vs trigram"], rows)
        self.p("Source MB: the generated source files (kuaibao) or the "
               "article text inserted (trigram).  DB / source: database "
               "bytes over source-file bytes for both.  One issue added: "
               "a corpus bulletin imported into a copy of the archive's "
               "database, against copying the file (what any update that "
               "leaves the file in use alone must do).")
        self.p()

    def render_search(self):
        se = self.r["search"]
        if not se:
            return
        self.p("## Search: the newest 20 articles with a word")
        self.p()
        for size, d in se.items():
            self.p("### %s archive" % size)
            self.p()
            rows = []
            for n, r in d.items():
                def st(key):
                    v = r.get(key)
                    return stats(v["ms"]) if v else None
                kc, sc, rd = r.get("kb_count"), r.get("scan"), r.get("reader")
                three = len(r["query"]) >= 3
                base = st("tri_match") if three else st("like20")
                mine = st("kb_sql")
                cli = r.get("cli")
                rows.append([
                    "%s (%s)" % (r["query"], n),
                    fmt_stat(st("reader")) + (" · %d keys" % rd["rows"]
                                              if rd else ""),
                    fmt_stat(st("cli")) + (" · %d rows" % cli["rows"]
                                           if cli else ""),
                    fmt_ratio(ratio(st("reader"), st("cli"))),
                    fmt_stat(st("kb_sql")),
                    kc["first"] if kc else "—",
                    fmt_stat(st("tri_match")) if three else "n/a (< 3 chars)",
                    fmt_stat(st("tri_rank")) if three else "n/a",
                    fmt_stat(st("like20")),
                    "%s · %s hits" % (fmt_stat(st("scan")), sc["first"])
                    if sc else "—",
                    fmt_ratio(ratio(mine, base))])
                if len(r["query"]) == 2:
                    best = st("reader")
                    label = "kuaibao --search"
                    if best is None:
                        best = st("kb_sql")
                        label = "kuaibao index via SQL (interim)"
                    self.check("search 2-char %s ≤ 20 ms (%s)" %
                               (size, label), "≤ 20 ms", fmt_stat(best),
                               None if best is None else
                               best["median"] <= 20)
            self.table(["query", "kuaibao --search ms (process)",
                        "sqlite3 shell, trigram ms (process)",
                        "kuaibao / sqlite3", "kuaibao index ms (SQL)",
                        "index matches",
                        "trigram MATCH ms", "trigram MATCH by rank ms",
                        "LIKE newest 20 ms", "LIKE full scan ms",
                        "kuaibao index / baseline (SQL)"], rows)
        self.p("kuaibao --search: the reader's search, the whole process "
               "(start, open, query, print 20 keys).  sqlite3 shell: the "
               "same as a process with the stock sqlite3 shell on the "
               "trigram database (the phrase from 3 characters, LIKE "
               "below), newest 20.  kuaibao index (SQL): "
               "`fts MATCH` with the kuaibao tokenizer registered from "
               "libkb, newest 20 (ORDER BY rowid DESC LIMIT 20): a prefix "
               "query for one character, the AND of the bigrams for longer "
               "words (the lookup only; the reader also checks adjacency); "
               "matches: how many articles that lookup finds.  Trigram "
               "MATCH: the phrase on the trigram baseline, newest 20 (it "
               "needs ≥ 3 characters); by rank: ORDER BY rank (bm25) "
               "instead.  LIKE newest 20: `title LIKE '%q%' OR body LIKE "
               "'%q%' ORDER BY rowid DESC LIMIT 20` on the trigram table: "
               "below 3 characters a scan from the newest that stops at 20 "
               "hits, from 3 the trigram index.  LIKE full scan: a count "
               "over every article's text, no index (the worst case of a "
               "plain LIKE, e.g. a word that is rare or absent).  SQL "
               "figures open a fresh connection per run.  kuaibao index / "
               "baseline: the kuaibao SQL figure over trigram MATCH (or, "
               "below 3 characters, LIKE newest 20).")
        self.p()

    def render_reader(self):
        rd = self.r["reader"]
        if not rd:
            return
        self.p("## Reader and pagers")
        self.p()
        first = {}
        for size, terms in rd.items():
            for term, d in terms.items():
                self.p("### %s archive, %s" % (size, term))
                self.p()
                kb, ls, nm = d.get("kuaibao"), d.get("less"), d.get("neomutt")
                rows = []
                fs = {k: stats(a["first_screen_ms"]) if a else None
                      for k, a in (("kb", kb), ("less", ls), ("nm", nm))}
                rs = {k: stats(a["rss_kb"]) if a else None
                      for k, a in (("kb", kb), ("less", ls), ("nm", nm))}
                r1 = ratio(fs["kb"], fs["less"])
                r2 = ratio(rs["kb"], rs["less"])
                rows.append(["first screen ms", fmt_stat(fs["kb"]),
                             fmt_stat(fs["less"]), fmt_stat(fs["nm"]),
                             fmt_ratio(r1), "≤ 1.5× less",
                             verdict(None if r1 is None else r1 <= 1.5)])
                rows.append(["peak RSS MB", fmt_stat(rs["kb"], 1, 1 / 1024.),
                             fmt_stat(rs["less"], 1, 1 / 1024.),
                             fmt_stat(rs["nm"], 1, 1 / 1024.),
                             fmt_ratio(r2), "≤ 2.5× less",
                             verdict(None if r2 is None else r2 <= 2.5)])
                if kb:
                    self.check("first screen %s %s ≤ 1.5× less" % (size, term),
                               "≤ 1.50×", fmt_ratio(r1), r1 is not None and
                               r1 <= 1.5)
                    self.check("peak RSS %s %s ≤ 2.5× less" % (size, term),
                               "≤ 2.50×", fmt_ratio(r2), r2 is not None and
                               r2 <= 2.5)
                first.setdefault(term, {})[size] = (fs["kb"], rs["kb"])
                ids = []
                for a in (kb, ls, nm):
                    for sid in (a or {}).get("steps", {}):
                        if sid not in ids:
                            ids.append(sid)
                order = ["j_list", "k_list", "pgdn_list", "open", "j_article",
                         "k_article", "pgdn_article", "next_article", "filter",
                         "filter_expr", "view_open", "search2", "search4"]
                ids.sort(key=lambda x: order.index(x) if x in order else 99)
                for sid in ids:
                    def step(a):
                        return (a or {}).get("steps", {}).get(sid)
                    k, l, n = step(kb), step(ls), step(nm)
                    label = (k or l or n)["label"]
                    ks = stats(k["last_byte_ms"]) if k else None
                    ls_ = stats(l["last_byte_ms"]) if l else None
                    ns = stats(n["last_byte_ms"]) if n else None
                    ok = None
                    if k:
                        ok = ks is not None and ks["median"] <= 10 and \
                            not k["no_reaction"]
                        self.check("%s, %s %s" % (label, size, term),
                                   "≤ 10 ms", fmt_stat(ks), ok)
                    extra = ""
                    if k and k["no_reaction"]:
                        extra = " · %d× no reaction" % k["no_reaction"]
                    rows.append(["%s ms" % label, fmt_stat(ks) + extra,
                                 fmt_stat(ls_), fmt_stat(ns),
                                 fmt_ratio(ratio(ks, ls_)), "≤ 10 ms",
                                 verdict(ok)])
                for sid, name in (("j_article", "one-line move"),
                                  ("j_article_full",
                                   "one-line move, full width"),
                                  ("pgdn_article", "page down"),
                                  ("pgdn_article_full",
                                   "page down, full width"),
                                  ("open", "open article"),
                                  ("j_list", "list move")):
                    def by(a):
                        s = (a or {}).get("steps", {}).get(sid)
                        if not s:
                            return None
                        # only the keys that drew something
                        got = [i for i, v in enumerate(s["bytes"]) if v]
                        if not got:
                            return None
                        return (stats([s["bytes"][i] for i in got]),
                                stats([s["new_text_bytes"][i] for i in got]))
                    k, l, n = by(kb), by(ls), by(nm)
                    if not (k or l or n):
                        continue

                    def cell(x):
                        if not x:
                            return "—"
                        return "%s B (new text %s B)" % (
                            fmt_num(x[0]["median"], 0) if x[0] else "—",
                            fmt_num(x[1]["median"], 0) if x[1] else "—")
                    ok = None
                    one = sid in ("j_article", "j_article_full")
                    if k and one and k[0] and k[1]:
                        ok = k[0]["median"] <= 2 * max(k[1]["median"], 1)
                        self.check("bytes %s %s %s ≤ 2× new text" %
                                   (name, size, term), "≤ 2×",
                                   "%d B / %d B" % (k[0]["median"],
                                                    k[1]["median"]), ok)
                    rows.append(["bytes: %s" % name, cell(k), cell(l),
                                 cell(n), fmt_ratio(ratio(k[0], l[0]) if k and
                                                    l else None),
                                 "≤ 2× new text" if one else "",
                                 verdict(ok)])
                self.table(["figure", "kuaibao", "less", "neomutt",
                            "kuaibao / less", "target", "result"], rows)
                inc = [(k, a["incomplete"]) for k, a in (("kuaibao", kb),
                       ("less", ls), ("neomutt", nm)) if a and a["incomplete"]]
                if inc:
                    self.p("Incomplete first screens: %s" % ", ".join(
                        "%s %d" % x for x in inc))
                    self.p()
        for term, bysize in first.items():
            if "1k" in bysize and "100k" in bysize and bysize["1k"][0]:
                (f1, r1), (f2, r2) = bysize["1k"], bysize["100k"]
                rf, rr = ratio(f2, f1), ratio(r2, r1)
                self.check("first screen 100k vs 1k %s within 20%%" % term,
                           "0.80–1.20×", fmt_ratio(rf),
                           rf is not None and 0.8 <= rf <= 1.2)
                self.check("peak RSS 100k vs 1k %s within 20%%" % term,
                           "0.80–1.20×", fmt_ratio(rr),
                           rr is not None and 0.8 <= rr <= 1.2)
        self.p("Key figures are the time from writing the key to the last "
               "byte of the reaction (output then quiet for 30 ms); the "
               "target applies to the median, min–max beside it.  Bytes: "
               "what the program wrote for the key (medians over the keys "
               "that drew something); new text: UTF-8 bytes of the text "
               "now on screen that was nowhere on it before (rows cut at "
               "pane borders and wide gaps).  A kuaibao / less ratio sets "
               "kuaibao's figure against less's nearest equivalent (less "
               "has no list, so its rows are its one-line scroll, page, "
               "and search).")
        self.p()


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--sizes", default=None)
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--only", default=os.environ.get("BENCH_ONLY"))
    ap.add_argument("--quick", action="store_true",
                    default=os.environ.get("BENCH_QUICK") == "1")
    ap.add_argument("--render", metavar="RESULTS_JSON",
                    help="only render a report from results.json")
    o = ap.parse_args(argv)
    if o.render:
        sys.stdout.write(Report(read_json(o.render)).render())
        return 0
    o.out = o.out or os.path.join(ROOT, "build", "bench")
    sizes = o.sizes or os.environ.get("BENCH_SIZES") or \
        ("1k" if o.quick else "1k,100k")
    o.sizes = [s.strip() for s in sizes.split(",") if s.strip()]
    for s in o.sizes:
        if s not in SIZES:
            ap.error("unknown size %s (1k, 100k)" % s)
    o.runs = o.runs or env_int("BENCH_RUNS", 3 if o.quick else 5)
    return Bench(o).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

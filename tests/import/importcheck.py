"""What tests/import/check-expect.py and check-reflow.py share: running
the importer on one document, the text normalisation, TAP output and
the command line.  Python 3 standard library only."""

import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Characters next to which whitespace is insignificant: CJK ideographs,
# kana, hangul, CJK and full-width punctuation, curly quotes, dashes,
# ellipsis, middle dot, circled numbers.
_WIDE = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u31a0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2014\u2015\u2018-\u201f\u2026\u00b7\u2460-\u24ff\u2776-\u2793"
)
_WS_BEFORE_WIDE = re.compile(r"\s+(?=[" + _WIDE + r"])")
_WS_AFTER_WIDE = re.compile(r"(?<=[" + _WIDE + r"])\s+")
_WS = re.compile(r"\s+")


def norm(s):
    """Whitespace next to a wide character deleted, other runs one space,
    the ends trimmed; None stays None."""
    if s is None:
        return None
    s = str(s)
    s = _WS_BEFORE_WIDE.sub("", s)
    s = _WS_AFTER_WIDE.sub("", s)
    return _WS.sub(" ", s).strip()


def show(v, limit=160):
    """One-line rendering of a value for TAP diagnostics."""
    if v is None:
        return "null"
    if isinstance(v, (list, dict)):
        s = json.dumps(v, ensure_ascii=False)
    else:
        s = str(v)
    s = s.replace("\n", "\\n").replace("\t", "\\t")
    if len(s) > limit:
        s = s[:limit] + "…"
    return s


_UNSET = object()

SHORTFALLS = os.path.join(ROOT, "tests", "import", "shortfalls")


class Shortfalls:
    """tests/import/shortfalls: the extractions the importer does not yet
    read perfectly (issue 10), each with the number of checks it passes.
    A result short of its floor is a regression and fails; at or above
    the floor but short of every check, it is a known shortfall (TAP's
    "not ok … # TODO", which is no failure); an extraction not listed
    must pass every check."""

    def __init__(self, path=SHORTFALLS):
        self.floor = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    key, _, score = line.rpartition(" ")
                    self.floor[key] = int(score.split("/")[0])

    def verdict(self, key, good, total):
        """(failed, suffix for the TAP line) of KEY passing GOOD of TOTAL."""
        if good == total:
            floor = self.floor.get(key)
            return False, "" if floor is None else \
                " (now perfect: remove it from tests/import/shortfalls)"
        floor = self.floor.get(key)
        if floor is None:
            return True, ""
        if good < floor:
            return True, " (below its floor of %d in tests/import/shortfalls)" % floor
        rise = " (raise the floor to %d)" % good if good > floor else ""
        return False, " # TODO known shortfall, floor %d%s" % (floor, rise)


class Tap:
    def __init__(self):
        self.results = []   # (ok, desc, [comment lines], skip)

    def add(self, ok, desc, expected=_UNSET, got=_UNSET, extra=None, skip=None):
        com = []
        if not ok:
            if expected is not _UNSET:
                com.append("  expected: " + show(expected))
            if got is not _UNSET:
                com.append("  got:      " + show(got))
        for e in extra or []:
            com.append("  " + e)
        self.results.append((ok, desc, com, skip))

    def emit(self):
        """Prints the plan, the results and a summary; returns the number
        of failures."""
        print("1..%d" % len(self.results))
        failed = 0
        for i, (ok, desc, com, skip) in enumerate(self.results, 1):
            d = desc.replace("#", "＃").replace("\n", " ")
            if skip:
                print("ok %d - %s # SKIP %s" % (i, d, skip))
                continue
            print("%s %d - %s" % ("ok" if ok else "not ok", i, d))
            if not ok:
                failed += 1
            for c in com:
                print("# " + c)
        print("# %d tests, %d failed" % (len(self.results), failed))
        return failed


def run_importer(importer, src, stderr_lines=None):
    """`IMPORTER --data-dir data --json SRC` from the top of the tree.
    Returns (dump, error_message).  Given a list stderr_lines, the
    importer's standard error is appended to it line by line, and exit
    status 1 (warnings: the dump was printed) is not a failure."""
    cmd = [importer, "--data-dir", "data", "--json", src]
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    except FileNotFoundError:
        return None, "importer not found: %s" % importer
    except PermissionError:
        return None, "importer not executable: %s" % importer
    except subprocess.TimeoutExpired:
        return None, "importer timed out after 120 s"
    except OSError as e:
        return None, "cannot run importer: %s" % e
    err = p.stderr.decode("utf-8", "replace").strip()
    if stderr_lines is not None:
        stderr_lines.extend(err.splitlines())
    if p.returncode != 0 and not (p.returncode == 1 and stderr_lines is not None):
        how = ("killed by signal %d" % -p.returncode) if p.returncode < 0 else ("exit status %d" % p.returncode)
        return None, "importer failed (%s): %s" % (how, err[-400:])
    try:
        dump = json.loads(p.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return None, "invalid JSON from importer: %s" % e
    if not isinstance(dump, dict) or not isinstance(dump.get("issues"), list):
        return None, "JSON has no 'issues' list"
    return dump, None


def default_importer():
    """$KB_BUILD/kuaibao-import, build/ by default."""
    return os.path.join(ROOT, os.environ.get("KB_BUILD", "build"), "kuaibao-import")


def load_script(name):
    """A script of this directory whose name is no module name, such as
    check-expect, as a module."""
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), os.path.join(here, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def expect_documents(expects=None):
    """(tag, expect file, document) for the given expect files, or those
    of tests/import/corpus and tests/import/unseen: the document is the
    one the expect file's first "file" line names, as a full path."""
    if not expects:
        expects = []
        for d in ("corpus", "unseen"):
            folder = os.path.join(ROOT, "tests", "import", d)
            expects += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".expect"))
    out = []
    for e in expects:
        tag = os.path.basename(e)[:-len(".expect")].split("_")[0]
        with open(e, encoding="utf-8") as f:
            src = next((l.split(None, 1)[1].strip() for l in f if l.startswith("file ")), None)
        if src:
            out.append((tag, os.path.abspath(e), os.path.join(ROOT, src)))
    return out


def main(argv, doc, usage, check_file):
    """--importer PATH FILE...: check_file(tap, importer, FILE) for every
    FILE, then the TAP output; the exit status."""
    importer = None
    files = []
    i = 0
    while i < len(argv):
        if argv[i] == "--importer" and i + 1 < len(argv):
            importer = argv[i + 1]
            i += 2
        elif argv[i].startswith("--importer="):
            importer = argv[i].split("=", 1)[1]
            i += 1
        elif argv[i] in ("-h", "--help"):
            print(doc)
            return 0
        else:
            files.append(argv[i])
            i += 1
    if not importer or not files:
        sys.stderr.write("usage: %s\n" % usage)
        return 2
    importer = os.path.abspath(importer)
    tap = Tap()
    for f in files:
        check_file(tap, importer, f)
    return 1 if tap.emit() else 0

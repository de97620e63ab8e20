#!/usr/bin/env python3
"""A pty harness for terminal programs (standard library only).

    pty.py [options] -- PROGRAM ARG...

Starts PROGRAM on a new pseudo-terminal of a fixed size (TIOCSWINSZ set
on the slave before the spawn, so the program never sees another size),
with TERM=xterm-256color and a UTF-8 locale, then plays a scenario:
a list of steps, each some keys and a label.  For the start and for each
step it records

  first byte   time from the spawn (or from writing the key) to the first
               byte the program wrote back
  last byte    time to the last byte of the reaction, i.e. the last byte
               read before the output went quiet: nothing for Q ms
               (--quiet-ms, default 30; --first-quiet-ms, default 300, for
               the start)
  quiet        the raw time until the quiet window closed (last byte + Q +
               scheduling), what a harness that only waits can know
  bytes        bytes the program wrote to the terminal in the step
  new text     UTF-8 bytes of the text on screen after the step that was
               nowhere on it before (from a small xterm screen model fed
               with the output; rows are cut at pane borders and wide
               gaps, so a pane scrolled one line counts one line)

and for the whole run the child's peak RSS: /proc/PID/status VmHWM (the
high-water mark of the program's own address space, reset by exec),
read after the start, after every step and just before the quit keys;
so it covers everything but the quit itself.  wait4()'s ru_maxrss is
reported beside it but not used: Linux carries the spawning Python
process's high-water mark over the exec into it.

A step waits for its reaction's first byte for up to --wait-first-ms
(default 2000) before quiet detection starts, so a slow reaction is not
taken for no reaction; a step that must be complete before it counts can
add "until": a regular expression that the screen text must match (then
the quiet window applies).  A reaction that pauses longer than Q in the
middle is cut there: see README.md.

The scenario is JSON (--scenario FILE or --scenario-json TEXT):

  {"ready": "REGEX",            # optional: first screen must match this
   "steps": [{"label": "j", "keys": "j"},
             {"label": "/", "keys": "/", "measure": false},
             {"label": "search 芯片", "keys": "芯片\\r", "until": "..."}],
   "quit": "q"}                 # keys sent at the end (default: none)

Keys are text; \\r is Enter, \\x1b[6~ PgDn and so on.  Output: one JSON
object on stdout (--json, default) or a short table (--table).
--dump prints the final screen to stderr, --show-screens keeps the screen
after every step in the JSON, --raw FILE saves the raw output.

Importable: run_scenario(argv, scenario, **options) returns the dict.
"""

import argparse
import codecs
import collections
import errno
import fcntl
import json
import os
import re
import select
import signal
import struct
import sys
import termios
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "lib"))
from termtext import cw  # noqa: E402


# --------------------------------------------------------------------------
# A small screen model: enough of xterm for curses programs, less and
# neomutt (cursor motion, erase, insert/delete, scroll regions, wide
# characters, alternate screen, REP).  Attributes are ignored.

DEC_GRAPHICS = {
    "j": "┘", "k": "┐", "l": "┌", "m": "└", "n": "┼", "q": "─", "t": "├",
    "u": "┤", "v": "┴", "w": "┬", "x": "│", "a": "▒", "`": "◆", "~": "·",
    "o": "⎺", "s": "⎽", "0": "█",
}


def char_width(ch):
    """tests/lib/termtext.py's width; control characters take none."""
    return 0 if ch < " " else cw(ch)


class Screen:
    def __init__(self, rows, cols, reply=None):
        self.rows, self.cols = rows, cols
        self.reply = reply              # fn(bytes): answers to DSR/DA
        self.dec = codecs.getincrementaldecoder("utf-8")("replace")
        self.grid = self._blank()
        self.saved_main = None
        self.r = self.c = 0
        self.wrap = False
        self.top, self.bot = 0, rows - 1
        self.saved = (0, 0)
        self.autowrap = True
        self.g0_graphics = False
        self.last = " "
        self.state = "ground"
        self.seq = ""

    def _blank(self):
        return [[" "] * self.cols for _ in range(self.rows)]

    # -- output -----------------------------------------------------------
    def lines(self):
        return ["".join(ch for ch in row if ch != "").rstrip()
                for row in self.grid]

    def text(self):
        return "\n".join(self.lines())

    # -- input ------------------------------------------------------------
    def feed(self, data):
        for ch in self.dec.decode(data):
            self._ch(ch)

    def _ch(self, ch):
        st = self.state
        if st == "ground":
            o = ord(ch)
            if o >= 0x20 and o != 0x7f:
                self._print(ch)
            elif ch == "\x1b":
                self.state, self.seq = "esc", ""
            else:
                self._control(ch)
        elif st == "esc":
            self._esc(ch)
        elif st == "csi":
            if "\x40" <= ch <= "\x7e":
                self.state = "ground"
                self._csi(self.seq, ch)
            elif ch == "\x1b":
                self.state, self.seq = "esc", ""
            elif ch < " ":
                self._control(ch)
            else:
                self.seq += ch
        elif st == "str":               # OSC, DCS, APC, PM, SOS
            if ch == "\x07":
                self.state = "ground"
            elif ch == "\x1b":
                self.state = "str_esc"
        elif st == "str_esc":
            self.state = "ground" if ch == "\\" else "str"
        elif st == "charset":
            if self.seq == "(":
                self.g0_graphics = ch == "0"
            self.state = "ground"
        elif st == "hash":
            self.state = "ground"

    def _control(self, ch):
        if ch == "\r":
            self.c, self.wrap = 0, False
        elif ch in "\n\x0b\x0c":
            self._index()
        elif ch == "\b":
            if self.c > 0:
                self.c -= 1
            self.wrap = False
        elif ch == "\t":
            self.c = min(self.cols - 1, (self.c // 8 + 1) * 8)
            self.wrap = False

    def _esc(self, ch):
        self.state = "ground"
        if ch == "[":
            self.state, self.seq = "csi", ""
        elif ch in "]PX^_":
            self.state = "str"
        elif ch in "()*+":
            self.state, self.seq = "charset", ch
        elif ch == "#":
            self.state = "hash"
        elif ch == "7":
            self.saved = (self.r, self.c)
        elif ch == "8":
            self.r, self.c = self.saved
            self.wrap = False
        elif ch == "D":
            self._index()
        elif ch == "E":
            self.c = 0
            self._index()
        elif ch == "M":
            self._rindex()
        elif ch == "c":
            self.__init__(self.rows, self.cols, self.reply)

    def _print(self, ch):
        if self.g0_graphics and ch in DEC_GRAPHICS:
            ch = DEC_GRAPHICS[ch]
        w = char_width(ch)
        if w == 0:
            return
        if self.wrap and self.autowrap:
            self.c = 0
            self._index()
        self.wrap = False
        if w == 2 and self.c == self.cols - 1:
            if self.autowrap:
                self.grid[self.r][self.c] = " "
                self.c = 0
                self._index()
            else:
                return
        self._clear_partner(self.r, self.c)
        if w == 2:
            self._clear_partner(self.r, self.c + 1)
        row = self.grid[self.r]
        row[self.c] = ch
        if w == 2:
            row[self.c + 1] = ""
        self.last = ch
        self.c += w
        if self.c >= self.cols:
            self.c = self.cols - 1
            self.wrap = True

    def _clear_partner(self, r, c):
        row = self.grid[r]
        if c >= self.cols:
            return
        if row[c] == "" and c > 0:
            row[c - 1] = " "
        if c + 1 < self.cols and row[c + 1] == "":
            row[c + 1] = " "

    def _index(self):
        if self.r == self.bot:
            self._scroll_up(1)
        elif self.r < self.rows - 1:
            self.r += 1

    def _rindex(self):
        if self.r == self.top:
            self._scroll_down(1)
        elif self.r > 0:
            self.r -= 1

    def _scroll_up(self, n, top=None):
        top = self.top if top is None else top
        for _ in range(min(n, self.bot - top + 1)):
            del self.grid[top]
            self.grid.insert(self.bot, [" "] * self.cols)

    def _scroll_down(self, n, top=None):
        top = self.top if top is None else top
        for _ in range(min(n, self.bot - top + 1)):
            del self.grid[self.bot]
            self.grid.insert(top, [" "] * self.cols)

    def _csi(self, seq, final):
        priv = ""
        if seq and seq[0] in "?>=<":
            priv, seq = seq[0], seq[1:]
        inter = ""
        while seq and seq[-1] in " !\"#$%&'()*+,-./":
            inter = seq[-1] + inter
            seq = seq[:-1]
        try:
            ps = [int(x) if x else None for x in seq.split(";")] if seq \
                else []
        except ValueError:
            ps = []
        if inter:
            return

        def p(i, d=1):
            v = ps[i] if i < len(ps) else None
            return d if v is None or (v == 0 and d == 1) else v

        R, C = self.rows, self.cols
        if priv == "?":
            if final in "hl":
                on = final == "h"
                for m in ps:
                    if m in (1049, 1047, 47):
                        self._altscreen(on)
                    elif m == 7:
                        self.autowrap = on
            return
        if priv:
            if final == "c" and self.reply:
                self.reply(b"\x1b[>0;0;0c")
            return
        self.wrap = False if final not in "m" else self.wrap
        if final == "A":
            self.r = max(0, self.r - p(0))
        elif final in "Be":
            self.r = min(R - 1, self.r + p(0))
        elif final in "Ca":
            self.c = min(C - 1, self.c + p(0))
        elif final == "D":
            self.c = max(0, self.c - p(0))
        elif final == "E":
            self.r, self.c = min(R - 1, self.r + p(0)), 0
        elif final == "F":
            self.r, self.c = max(0, self.r - p(0)), 0
        elif final in "G`":
            self.c = min(C - 1, p(0) - 1)
        elif final in "Hf":
            self.r, self.c = min(R - 1, p(0) - 1), min(C - 1, p(1) - 1)
        elif final == "d":
            self.r = min(R - 1, p(0) - 1)
        elif final == "J":
            m = ps[0] if ps and ps[0] is not None else 0
            if m == 0:
                self._erase_row(self.r, self.c, C)
                for r in range(self.r + 1, R):
                    self.grid[r] = [" "] * C
            elif m == 1:
                for r in range(0, self.r):
                    self.grid[r] = [" "] * C
                self._erase_row(self.r, 0, self.c + 1)
            else:
                self.grid = self._blank()
        elif final == "K":
            m = ps[0] if ps and ps[0] is not None else 0
            if m == 0:
                self._erase_row(self.r, self.c, C)
            elif m == 1:
                self._erase_row(self.r, 0, self.c + 1)
            else:
                self._erase_row(self.r, 0, C)
        elif final == "X":
            self._erase_row(self.r, self.c, min(C, self.c + p(0)))
        elif final == "@":
            row = self.grid[self.r]
            n = min(p(0), C - self.c)
            self._clear_partner(self.r, self.c)
            row[self.c:self.c] = [" "] * n
            del row[C:]
        elif final == "P":
            row = self.grid[self.r]
            n = min(p(0), C - self.c)
            self._clear_partner(self.r, self.c)
            del row[self.c:self.c + n]
            row.extend([" "] * n)
        elif final == "L":
            if self.top <= self.r <= self.bot:
                self._scroll_down(p(0), self.r)
            self.c = 0
        elif final == "M":
            if self.top <= self.r <= self.bot:
                self._scroll_up(p(0), self.r)
            self.c = 0
        elif final == "S":
            self._scroll_up(p(0))
        elif final == "T":
            self._scroll_down(p(0))
        elif final == "b":
            for _ in range(p(0)):
                self._print(self.last)
        elif final == "r":
            top = p(0) - 1
            bot = (ps[1] if len(ps) > 1 and ps[1] else R) - 1
            if 0 <= top < bot < R:
                self.top, self.bot = top, bot
            self.r = self.c = 0
        elif final == "s":
            self.saved = (self.r, self.c)
        elif final == "u":
            self.r, self.c = self.saved
        elif final == "n" and self.reply:
            m = ps[0] if ps else 0
            if m == 6:
                self.reply(("\x1b[%d;%dR" % (self.r + 1, self.c + 1)).encode())
            elif m == 5:
                self.reply(b"\x1b[0n")
        elif final == "c" and self.reply:
            self.reply(b"\x1b[?62;22c")

    def _erase_row(self, r, a, b):
        row = self.grid[r]
        if a < self.cols:
            self._clear_partner(r, a)
        if 0 < b < self.cols:
            self._clear_partner(r, b - 1)
        for c in range(a, min(b, self.cols)):
            row[c] = " "

    def _altscreen(self, on):
        if on and self.saved_main is None:
            self.saved_main = self.grid
            self.grid = self._blank()
        elif not on and self.saved_main is not None:
            self.grid = self.saved_main
            self.saved_main = None


# Pieces of a row: split at box-drawing characters (pane borders) and at
# runs of two or more spaces (gaps between a pane's fields).
SEGMENT_RE = re.compile(r"[\u2500-\u257f]+| {2,}")


def segments(lines):
    out = []
    for l in lines:
        out.extend(s.strip() for s in SEGMENT_RE.split(l) if s.strip())
    return out


def new_text_bytes(before, after):
    """UTF-8 bytes of the text now on screen that was nowhere before.

    Rows are cut into segments (pane borders, wide gaps), so that a pane
    that scrolled beside a pane that did not still counts only the text
    scrolled in; a segment that changed at all (a status line's 26% ->
    27%) counts whole."""
    old = collections.Counter(segments(before))
    n = 0
    for s in segments(after):
        if old[s] > 0:
            old[s] -= 1
        else:
            n += len(s.encode("utf-8"))
    return n


# --------------------------------------------------------------------------
# The child.

def spawn(argv, rows, cols, env):
    """Starts argv on a new pty; returns (pid, master fd, start time).

    posix_spawn (vfork-like in glibc) rather than fork, so the start time
    does not include copying this Python process's page tables.  The
    child calls setsid() and then opens the slave by name,
    which makes it its controlling terminal (Linux).  Both pty fds are
    close-on-exec, so the child keeps only 0, 1 and 2."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ,
                struct.pack("HHHH", rows, cols, 0, 0))
    name = os.ttyname(slave)
    path = argv[0]
    if os.sep not in path:
        for d in env.get("PATH", "").split(os.pathsep):
            if os.access(os.path.join(d, path), os.X_OK):
                path = os.path.join(d, path)
                break
    acts = [(os.POSIX_SPAWN_OPEN, 0, name, os.O_RDWR, 0),
            (os.POSIX_SPAWN_DUP2, 0, 1), (os.POSIX_SPAWN_DUP2, 0, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(path, argv, env, file_actions=acts, setsid=True)
    os.close(slave)
    return pid, master, t0


def vm_hwm(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Session:
    def __init__(self, argv, rows=24, cols=80, env=None, timeout=30.0):
        self.rows, self.cols = rows, cols
        e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
             "HOME": os.environ.get("HOME", "/tmp"),
             "TERM": "xterm-256color", "LANG": "C.UTF-8",
             "LC_ALL": "C.UTF-8"}
        if env:
            e.update(env)
        for k in ("LINES", "COLUMNS"):
            e.pop(k, None)
        self.deadline = time.perf_counter() + timeout
        self.screen = Screen(rows, cols, reply=self._reply)
        self.pid, self.fd, self.t0 = spawn(argv, rows, cols, e)
        self.eof = False
        self.hwm = 0
        self.status = None
        self.rusage = None
        self.raw = None

    def _reply(self, data):
        try:
            os.write(self.fd, data)
        except OSError:
            pass

    def _read_until_quiet(self, start, quiet_s, wait_first_s, until=None):
        """Reads until quiet; returns (first, last, quiet_at, bytes)."""
        chunks = []
        fed = 0
        first = last = None
        matched = until is None
        while not self.eof:
            now = time.perf_counter()
            if last is None:
                limit = start + wait_first_s    # waiting for a reaction
            elif matched:
                limit = last + quiet_s          # waiting for quiet
            else:
                limit = self.deadline           # waiting for the screen
            wait = min(limit, self.deadline) - now
            if wait <= 0:
                break
            r, _, _ = select.select([self.fd], [], [], wait)
            if not r:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError as e:
                if e.errno == errno.EIO:        # the child has gone
                    self.eof = True
                    break
                raise
            t = time.perf_counter()
            if not data:
                self.eof = True
                break
            if first is None:
                first = t
            last = t
            chunks.append(data)
            if not matched:
                self.screen.feed(data)
                fed = len(chunks)
                if re.search(until, self.screen.text()):
                    matched = True
        quiet_at = time.perf_counter()
        for c in chunks[fed:]:
            self.screen.feed(c)
        data = b"".join(chunks)
        if self.raw is not None:
            self.raw.write(data)
            self.raw.flush()
        h = vm_hwm(self.pid)
        self.hwm = max(self.hwm, h)
        return first, last, quiet_at, data, matched

    def start(self, quiet_s=0.3, wait_first_s=10.0, until=None):
        first, last, quiet_at, data, matched = self._read_until_quiet(
            self.t0, quiet_s, wait_first_s, until)
        return self._figures(self.t0, first, last, quiet_at, data, matched,
                             None)

    def step(self, keys, quiet_s=0.03, wait_first_s=2.0, until=None):
        before = self.screen.lines()
        if self.raw is not None:
            self.raw.write(b"\n===== KEY %r =====\n" % keys.encode("utf-8"))
        t = time.perf_counter()
        os.write(self.fd, keys.encode("utf-8"))
        first, last, quiet_at, data, matched = self._read_until_quiet(
            t, quiet_s, wait_first_s, until)
        return self._figures(t, first, last, quiet_at, data, matched, before)

    def _figures(self, t, first, last, quiet_at, data, matched, before):
        ms = lambda x: None if x is None else round((x - t) * 1000, 3)
        d = {"first_byte_ms": ms(first), "last_byte_ms": ms(last),
             "quiet_ms": ms(quiet_at), "bytes": len(data),
             "complete": bool(matched and last is not None)}
        if before is not None:
            d["new_text_bytes"] = new_text_bytes(before, self.screen.lines())
        return d

    def finish(self, keys=None, grace=3.0):
        self.hwm = max(self.hwm, vm_hwm(self.pid))
        if keys and not self.eof:
            try:
                os.write(self.fd, keys.encode("utf-8"))
            except OSError:
                pass
        end = time.perf_counter() + grace
        while time.perf_counter() < end:
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage = status, ru
                break
            r, _, _ = select.select([self.fd], [], [], 0.02)
            if r:
                try:
                    if not os.read(self.fd, 65536):
                        pass
                except OSError:
                    pass
        killed = self.status is None
        if self.status is None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    break
                t = time.perf_counter() + 1.0
                while time.perf_counter() < t:
                    pid, status, ru = os.wait4(self.pid, os.WNOHANG)
                    if pid:
                        self.status, self.rusage = status, ru
                        break
                    time.sleep(0.01)
                if self.status is not None:
                    break
        try:
            os.close(self.fd)
        except OSError:
            pass
        rss = self.rusage.ru_maxrss if self.rusage else 0
        return {"peak_rss_kb": self.hwm, "ru_maxrss_kb": rss,
                "vmhwm_kb": self.hwm,
                "exit": (os.waitstatus_to_exitcode(self.status)
                         if self.status is not None else None),
                "quit_clean": bool(keys) and not killed}


def run_scenario(argv, scenario, rows=24, cols=80, quiet_ms=30.0,
                 first_quiet_ms=300.0, wait_first_ms=2000.0, key_delay_ms=20.0,
                 timeout=60.0, env=None, dump=False, screens=False,
                 raw=None):
    s = Session(argv, rows, cols, env=env, timeout=timeout)
    s.raw = raw
    out = {"argv": argv, "size": "%dx%d" % (cols, rows),
           "quiet_ms": quiet_ms}
    out["start"] = s.start(first_quiet_ms / 1000.0, max(10.0, timeout / 2),
                           scenario.get("ready"))
    steps = []
    for st in scenario.get("steps", []):
        if key_delay_ms:
            time.sleep(key_delay_ms / 1000.0)
        f = s.step(st["keys"], st.get("quiet_ms", quiet_ms) / 1000.0,
                   st.get("wait_first_ms", wait_first_ms) / 1000.0,
                   st.get("until"))
        f["label"] = st.get("label", st["keys"])
        if "id" in st:
            f["id"] = st["id"]
        if screens:
            f["screen"] = s.screen.lines()
        f["measure"] = st.get("measure", True)
        steps.append(f)
        if s.eof:
            break
    out["steps"] = steps
    out["screen"] = s.screen.lines()
    if key_delay_ms:
        time.sleep(key_delay_ms / 1000.0)
    out.update(s.finish(scenario.get("quit")))
    if dump:
        sys.stderr.write("\n".join(out["screen"]) + "\n")
    return out


def main(argv):
    ap = argparse.ArgumentParser(
        description="Run a terminal program on a pty and time a scenario.")
    ap.add_argument("--size", default="80x24", help="COLSxROWS")
    ap.add_argument("--quiet-ms", type=float, default=30.0)
    ap.add_argument("--first-quiet-ms", type=float, default=300.0)
    ap.add_argument("--wait-first-ms", type=float, default=2000.0)
    ap.add_argument("--key-delay-ms", type=float, default=20.0)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--scenario", help="scenario JSON file")
    ap.add_argument("--scenario-json", help="scenario JSON text")
    ap.add_argument("--env", action="append", default=[],
                    help="NAME=VALUE for the child")
    ap.add_argument("--json", action="store_true", help="JSON (default)")
    ap.add_argument("--table", action="store_true")
    ap.add_argument("--dump", action="store_true",
                    help="print the final screen to stderr")
    ap.add_argument("--raw", metavar="FILE",
                    help="write everything the program wrote to FILE, with "
                    "a marker line before each step")
    ap.add_argument("--show-screens", action="store_true",
                    help="keep the screen text (at the end and after each "
                    "step) in the JSON output")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    o = ap.parse_args(argv)
    cmd = o.cmd[1:] if o.cmd and o.cmd[0] == "--" else o.cmd
    if not cmd:
        ap.error("no program given")
    cols, rows = (int(x) for x in o.size.lower().split("x"))
    if o.scenario:
        with open(o.scenario, encoding="utf-8") as f:
            scen = json.load(f)
    elif o.scenario_json:
        scen = json.loads(o.scenario_json)
    else:
        scen = {}
    env = dict(e.split("=", 1) for e in o.env)
    res = run_scenario(cmd, scen, rows=rows, cols=cols, quiet_ms=o.quiet_ms,
                       first_quiet_ms=o.first_quiet_ms,
                       wait_first_ms=o.wait_first_ms,
                       key_delay_ms=o.key_delay_ms, timeout=o.timeout,
                       env=env, dump=o.dump, screens=o.show_screens,
                       raw=open(o.raw, "wb") if o.raw else None)
    if not o.show_screens:
        res.pop("screen", None)
    if o.table:
        st = res["start"]
        print("%-24s %9s %9s %9s %8s %8s" % ("step", "first", "last",
                                             "quiet", "bytes", "newtext"))
        print("%-24s %9s %9s %9s %8d %8s" % (
            "(start)", st["first_byte_ms"], st["last_byte_ms"],
            st["quiet_ms"], st["bytes"], "-"))
        for s in res["steps"]:
            print("%-24s %9s %9s %9s %8d %8s" % (
                s["label"][:24], s["first_byte_ms"], s["last_byte_ms"],
                s["quiet_ms"], s["bytes"], s.get("new_text_bytes")))
        print("peak RSS %d kB (wait4 %d, VmHWM %d), exit %s" % (
            res["peak_rss_kb"], res["ru_maxrss_kb"], res["vmhwm_kb"],
            res["exit"]))
    else:
        print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

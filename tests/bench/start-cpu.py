#!/usr/bin/env python3
"""The reader's start-up in CPU time, which other load on the machine
barely moves (unlike wall-clock time): each binary is started on a pty
of 80x24 on a database, read until it is quiet for 300 ms, sent q, and
its user + system time taken from wait4().  Runs are interleaved.

    start-cpu.py [-n RUNS] [-d DB] NAME=BINARY[:HOME] ...

HOME (default: an empty directory) is the child's home, where
.config/kuaibao/config may be.  Prints each binary's median and least.
"""
import argparse
import fcntl
import os
import sys

# this directory's pty.py is the bench's harness, not the standard module
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != HERE]
import pty  # noqa: E402
import select  # noqa: E402
import statistics  # noqa: E402
import struct  # noqa: E402
import tempfile  # noqa: E402
import termios  # noqa: E402
import time  # noqa: E402


def run(binary, home, db):
    pid, fd = pty.fork()
    if pid == 0:
        env = {"HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
               "XDG_STATE_HOME": os.path.join(home, "state"),
               "PATH": "/usr/bin:/bin"}
        os.execve(binary, [binary, "-d", db], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    last = time.time()
    while time.time() - last < 0.3:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                break
            last = time.time()
    os.write(fd, b"q")
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    _, _, ru = os.wait4(pid, 0)
    os.close(fd)
    return (ru.ru_utime + ru.ru_stime) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("-d", default="data/kuaibao.db")
    ap.add_argument("runs", nargs="+")
    a = ap.parse_args()
    empty = tempfile.mkdtemp(prefix="kb-cpu.")
    progs = []
    for r in a.runs:
        name, rest = r.split("=", 1)
        binary, _, home = rest.partition(":")
        progs.append((name, os.path.abspath(binary), home or empty))
    res = {name: [] for name, _, _ in progs}
    for _ in range(a.n):
        for name, binary, home in progs:
            res[name].append(run(binary, home, a.d))
    for name, v in res.items():
        print("%-12s CPU ms median %.2f  least %.2f  (n=%d)" % (
            name, statistics.median(v), min(v), len(v)))


if __name__ == "__main__":
    main()

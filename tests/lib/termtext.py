"""Text as a terminal shows it, for the checks on captured tmux screens
(tests/e2e/screen.py, tests/faults/check.py).

Display width is counted as a terminal counts it: East Asian Wide and
Fullwidth characters take 2 columns, combining marks and format
characters 0, everything else 1 (tmux in a UTF-8 locale counts the
ambiguous width characters as 1).
"""
import re
import unicodedata

URL_LINE = re.compile(r"^ *(https?|ftp)://\S+$")


def is_url_line(s):
    """A footnote URL printed whole on a line of its own (an indent, then
    the URL): wider than the text when the URL is, for the terminal to
    wrap."""
    return URL_LINE.match(s) is not None


def cw(ch):
    """The display width of one character: 0, 1 or 2."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def width(s):
    """The display width of a string."""
    return sum(cw(c) for c in s)


def read_lines(path):
    """The lines of a capture (or any text file), without line ends; an
    undecodable byte becomes U+FFFD."""
    with open(path, encoding="utf-8", errors="replace") as f:
        ls = f.read().split("\n")
    if ls and ls[-1] == "":
        ls.pop()
    return ls

#!/bin/sh
# Footnote URLs: whole, linked, copied and opened.
#   --cat: a URL is printed whole on a line of its own (the terminal
#   wraps it), under its note's text; notes [9] and [10] hang their
#   text and URL at the same column.  Expected URLs are read from the
#   documents (data/corpus/*), where they are broken over lines.
#   The pane (100x30): the long URL of note [20] is cut at the pane's
#   edge only, its first piece after the note's indent, the others at
#   the left edge, and the pieces joined are the URL; [9] and [10] hang
#   alike there too.
#   y: each URL listed with its note's number, [17]; one too long for
#   the screen ends in … at the edge (80x24).
#   y, Enter on a title holding ESC ] 8 ; ; … BEL (a doctored database):
#   the paste buffer (tmux set-clipboard on) holds no control character,
#   the ESC shown as ^[.
#   OSC 8: in tmux 3.4 (TERM_PROGRAM, TERM_PROGRAM_VERSION) the bytes the
#   reader writes (pipe-pane -O) link every piece of the URL to the URL,
#   and the screen is the same as without links; none in tmux 3.3, with
#   KUAIBAO_NO_HYPERLINKS=1, or on TERM=xterm-256color with nothing else
#   said; a hostile URL's link holds printable ASCII only, every other
#   byte percent-encoded.
#   o: the URLs with their note numbers; 19, Enter: $BROWSER (a fake that
#   records its argv) gets the URL as one argument, detached from the
#   terminal (no /dev/tty, stdin not a terminal), its output hidden, and
#   the reader goes on while it runs; a URL full of shell syntax is one
#   argument and runs nothing; without $BROWSER, xdg-open (a fake on
#   PATH) gets it; over SSH (SSH_CONNECTION) it is copied
#   (OSC 52), the browser not run; a browser that cannot start is said.
. tests/e2e/lib.sh

DOC003=data/corpus/003_2f977091897462c0.txt
DOC002=data/corpus/002_4e60794608ee0fcc.txt
DOC000=data/corpus/000_c7f35d69aa6ccfdf.txt
IBM=2d9fc8d48768	# 英国政府与IBM将合作开展先进数字技术研究: note [20], 176 characters
UK=d15da2e3ce11		# notes [9] (no URL) and [10]
RU=23001be570cf		# notes [17] to [21], each with a URL
tm set -g set-clipboard on

# ---- what the documents say ------------------------------------------

# [20]'s URL, in Markdown: <https://…> on the note's line
URL20=$(grep -o '<https://newsroom\.ibm\.com/[^>]*>' "$DOC003" | tr -d '<>')
# [10]'s URL, broken by the PDF's extraction after "reaching-24-su"
URL10=$(python3 - "$DOC002" <<'EOF'
import re, sys
ls = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
k = next(i for i, l in enumerate(ls) if l.startswith("10 Reaching 2.4%"))
print(re.search(r"https://\S+", ls[k]).group(0) + ls[k + 1].split()[0])
EOF
)
# [17] … [21]: "N text http://g" / "overnment.ru/…" in the PDF's text
python3 - "$DOC000" >"$TMP/ru" <<'EOF'
import re, sys
ls = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
for n in range(17, 22):
    k = next(i for i, l in enumerate(ls) if re.match(r"%d [А-Я]" % n, l))
    print("%d %s" % (n, re.search(r"https?://\S+", ls[k]).group(0) + ls[k + 1].split()[0]))
EOF
URL17=$(sed -n 's/^17 //p' "$TMP/ru")
URL19=$(sed -n 's/^19 //p' "$TMP/ru")
URL20RU=$(sed -n 's/^20 //p' "$TMP/ru")
case $URL20:$URL10:$URL17:$URL19 in
https://newsroom.ibm.com/*Quantum-Computing:https://www.gov.uk/*technologies:http://government.ru/news/48169/:https://minobrnauki.gov.ru/*/66312/)
	;;
*)
	fail "the URLs are read from the documents" "[20] $URL20" "[10] $URL10" "[17] $URL17" "[19] $URL19"
	finish ;;
esac

# ---- --cat: whole URLs, notes hanging alike ---------------------------

"$KB" -d "$KB_DB" --cat $IBM --width 60 >"$TMP/cat.ibm"
# "[20] " is five columns: the text and the URL hang under it
if grep -qxF "     $URL20" "$TMP/cat.ibm"; then
	pass "--cat --width 60: note [20]'s URL (176 characters) whole on one line, under the note's text"
else
	fail "--cat --width 60: note [20]'s URL (176 characters) whole on one line, under the note's text" \
	    "expected: '     $URL20'" "$(sed -n '/^注释/,$p' "$TMP/cat.ibm")"
fi
"$KB" -d "$KB_DB" --cat $UK --width 60 >"$TMP/cat.uk"
check "--cat: notes [9] and [10] hang their text and URL at the same column" \
    python3 - "$TMP/cat.uk" "$URL10" <<'EOF'
import re, sys
ls = open(sys.argv[1], encoding="utf-8").read().split("\n")
k = ls.index("注释")
bad = []
cols = {}
for l in ls[k + 1:]:
    m = re.match(r"^\[(\d+)\]( +)\S", l)
    if m:
        cols[m.group(1)] = len(m.group(0)) - 1
n9, n10 = cols.get("9"), cols.get("10")
if n9 is None or n9 != n10:
    bad.append("the text of [9] starts at column %s, of [10] at %s" % (n9, n10))
url = [l for l in ls[k + 1:] if "https://" in l]
if url != [" " * (n10 or 0) + sys.argv[2]]:
    bad.append("the URL lines: %r, expected %r" % (url, " " * (n10 or 0) + sys.argv[2]))
if bad:
    print("\n".join(bad))
    print("\n".join(ls[k:]))
sys.exit(1 if bad else 0)
EOF

# ---- the pane: cut at the edge only -------------------------------------

W=100 H=30 S=pane
screen_size $W $H
rm -rf "$TMP/state"/*
reader $S $W $H
if ! open_by_title $S $IBM; then
	fail "the article with note [20] opens" "$(diag_screen)"
	finish
fi
# the text's width: the rule under the header
TW=$(screen_py cols "$X" "$W" "$LAST" | python3 -c '
import sys
sys.path.insert(0, "tests/lib")
from termtext import width
print(next(width(l.rstrip()) for l in sys.stdin if l.strip() and set(l.strip()) == {"\u2500"}))')
keys $S G
wait_for $S 'Quantum-Computing' && wait_stable $S
head -n "$ROWS" "$LAST" >"$TMP/pane.rows"
screen_py cols "$X" "$W" "$TMP/pane.rows" >"$TMP/pane.cols"
check "the pane: note [20]'s URL cut at the edge only (text $TW columns): after the indent, then at the left edge, whole once joined" \
    python3 - "$TMP/pane.cols" "$URL20" "$TW" <<'EOF'
import sys
sys.path.insert(0, "tests/lib")
from termtext import width
ls = [l.rstrip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n")]
url, tw = sys.argv[2], int(sys.argv[3])
k = next((i for i, l in enumerate(ls) if l.strip().startswith("https://newsroom")), None)
bad = []
if k is None:
    print("no line starts the URL")
    sys.exit(1)
pieces = [ls[k]]
for l in ls[k + 1:]:
    if not l.strip():
        break
    pieces.append(l)
if not pieces[0].startswith("     h"):
    bad.append("the first piece does not hang under the note's text (5 columns): %r" % pieces[0])
for p in pieces[1:]:
    if p.startswith(" "):
        bad.append("a piece after the first is indented: %r" % p)
for p in pieces[:-1]:
    if width(p) != tw:
        bad.append("a piece ends before the edge (%d of %d columns): %r" % (width(p), tw, p))
if "".join(p.strip() for p in pieces) != url:
    bad.append("the pieces joined: %r\n   the URL: %r" % ("".join(p.strip() for p in pieces), url))
if bad:
    print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
quit_reader $S || fail "q quits" "$(diag_screen)"

# the pane: [9] and [10] alike
S=pane2
rm -rf "$TMP/state"/*
reader $S $W $H
if open_by_title $S $UK; then
	keys $S G
	wait_for $S 'supporting-emerging' && wait_stable $S
	head -n "$ROWS" "$LAST" >"$TMP/pane.rows"
	screen_py cols "$X" "$W" "$TMP/pane.rows" >"$TMP/pane.cols"
	check "the pane: notes [9] and [10] hang their text and URL at the same column" \
	    python3 - "$TMP/pane.cols" "$URL10" <<'EOF2'
import re, sys
ls = [l.rstrip() for l in open(sys.argv[1], encoding="utf-8").read().split("\n")]
cols = {}
for l in ls:
    m = re.match(r"^\[(9|10)\]( +)\S", l)
    if m:
        cols[m.group(1)] = len(m.group(0)) - 1
url = [l for l in ls if "https://" in l]
bad = []
if cols.get("9") is None or cols.get("9") != cols.get("10"):
    bad.append("the text of [9] starts at column %s, of [10] at %s" % (cols.get("9"), cols.get("10")))
elif not url or not url[0].startswith(" " * cols["10"] + "https://") or url[0][cols["10"] - 1] != " ":
    bad.append("the URL does not hang at column %d: %r" % (cols["10"], url))
elif "".join(l.strip() for l in ls[ls.index(url[0]):] if l.strip()) != sys.argv[2]:
    bad.append("the URL's pieces are not the URL: %r" % ls[ls.index(url[0]):])
if bad:
    print("\n".join(bad))
    print("\n".join(ls))
sys.exit(1 if bad else 0)
EOF2
else
	fail "the article with notes [9] and [10] opens" "$(diag_screen)"
fi
quit_reader $S || fail "q quits" "$(diag_screen)"

# ---- y: numbered, cut with … --------------------------------------------

W=80 H=24 S=ychoose
screen_size $W $H
rm -rf "$TMP/state"/*
reader $S $W $H
if ! open_by_title $S $RU; then
	fail "the article with notes [17] to [21] opens" "$(diag_screen)"
	finish
fi
keys $S y
wait_status $S '^复制: *$' && wait_for $S " [17] $URL17" && wait_stable $S
outcome $? "y: the URL of note 17 is listed as ' [17] URL'"
check "y: [17] to [21] listed, each with its URL; [20]'s (110 columns) ends in … at the screen's edge" \
    python3 - "$LAST" "$TMP/ru" "$W" <<'EOF'
import sys
sys.path.insert(0, "tests/lib")
from termtext import width
scr = open(sys.argv[1], encoding="utf-8").read().split("\n")
w = int(sys.argv[3])
bad = []
for l in open(sys.argv[2], encoding="utf-8"):
    n, url = l.split()
    want = " [%s] %s" % (n, url)
    if width(want) <= w:
        if not any(r.rstrip() == want for r in scr):
            bad.append("no row %r" % want)
        continue
    row = [r for r in scr if r.startswith(" [%s] " % n)]
    if not row:
        bad.append("no row for [%s]" % n)
    elif not (row[0].endswith("\u2026") and width(row[0]) == w and
              want.startswith(row[0][:-1])):
        bad.append("[%s] is not cut with … at column %d: %r" % (n, w, row[0]))
if bad:
    print("\n".join(bad))
    print("\n".join(scr))
sys.exit(1 if bad else 0)
EOF
keys $S Escape
quit_reader $S || fail "q quits" "$(diag_screen)"

# ---- a doctored database: a hostile title and hostile URLs --------------

HDB=$TMP/doctored.db
cp "$KB_DB" "$HDB"
python3 - "$HDB" $IBM $RU <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# the title: an OSC 8 link that would paste as an escape sequence
db.execute("UPDATE articles SET title = title || ? WHERE key = ?",
           ("\x1b]8;;http://evil.example/\x07点我\x1b]8;;\x07\r\n", sys.argv[2]))
# the URL: escapes, BEL, C1 controls (as characters), a space
db.execute("UPDATE footnotes SET urls = ? WHERE article_id = "
           "(SELECT id FROM articles WHERE key = ?)",
           ("https://evil.example/a\x1b]8;;http://x.example/\x07b\x1b\\c\u009b31m\u009d0;T\x07d e", sys.argv[2]))
# shell syntax: one argument, run by nobody
db.execute("UPDATE footnotes SET urls = ? WHERE n = 18 AND article_id = "
           "(SELECT id FROM articles WHERE key = ?)",
           ("https://x.example/$(touch PWNED1)`touch PWNED2`;touch PWNED3|touch PWNED4", sys.argv[3]))
db.commit()
EOF

W=100 H=30 S=hostile
screen_size $W $H
rm -rf "$TMP/state"/*
DB=$HDB
reader $S $W $H TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=3.4
unset DB
if ! open_by_title $S $IBM; then
	fail "the doctored article opens" "$(diag_screen)"
	finish
fi
tm delete-buffer >/dev/null 2>&1
keys $S y
wait_status $S '^复制: *$'
keys $S Enter
wait_status $S '^已复制：' && wait_stable $S
tm show-buffer >"$TMP/buffer" 2>&1
check "y, Enter: a title holding ESC ] 8 ; ; … BEL is copied without a control character, ESC shown as ^[" \
    python3 -c '
import sys
b = open(sys.argv[1], "rb").read().rstrip(b"\n")
bad = sorted(set(c for c in b if c < 32 or c == 127))
if bad:
    print("control bytes in the buffer: %r" % bytes(bad))
if b"^[]8;;http://evil.example/^G" not in b:
    print("the ESC is not shown as ^[: %r" % b)
    bad = 1
sys.exit(1 if bad else 0)' "$TMP/buffer"

# the hostile URL's link, in the bytes written to the terminal
: >"$TMP/out"
tm pipe-pane -O -t $S "cat >>'$TMP/out'"
keys $S G
wait_for $S 'evil.example' && wait_stable $S
tm pipe-pane -t $S
sleep 0.2
check "OSC 8: a hostile URL's link holds printable ASCII only, the rest percent-encoded" \
    python3 - "$TMP/out" <<'EOF'
import re, sys
b = open(sys.argv[1], "rb").read()
links = re.findall(rb"\x1b\]8;id=[^;\x1b\x07]*;([^\x1b\x07]*)\x1b\\", b)
want = (b"https://evil.example/a%1B]8;;http://x.example/%07b%1B\\c%C2%9B31m%C2%9D0;T%07d%20e")
bad = []
if not links:
    bad.append("no OSC 8 link was written")
for l in links:
    if any(c < 0x21 or c > 0x7e for c in l):
        bad.append("a link with a byte that is not printable ASCII: %r" % l)
    if l != want:
        bad.append("the link: %r\n   expected %r" % (l, want))
# every OSC 8 the reader wrote opens one of its links or closes one
others = re.findall(rb"\x1b\]8;(?!id=kb|;\x1b\\)", b)
if others:
    bad.append("an OSC 8 that is not the reader's: %r" % others[:3])
if bad:
    print("\n".join(bad[:6]))
sys.exit(1 if bad else 0)
EOF
quit_reader $S || fail "q quits" "$(diag_screen)"

# ---- OSC 8 on the corpus ------------------------------------------------

# osc8 NAME VAR=VALUE...: the reader on the corpus, the article with note
# [20] opened, then G recorded into $TMP/osc8.NAME (bytes) and captured
# with its attributes into $TMP/osc8.NAME.e
osc8() {
	_on=$1
	shift
	rm -rf "$TMP/state"/*
	reader "$_on" 100 30 "$@"
	open_by_title "$_on" $IBM || return 1
	: >"$TMP/osc8.$_on"
	tm pipe-pane -O -t "$_on" "cat >>'$TMP/osc8.$_on'"
	keys "$_on" G
	wait_for "$_on" 'Quantum-Computing' && wait_stable "$_on"
	_rc=$?
	tm pipe-pane -t "$_on"
	sleep 0.2
	capture_e "$_on" "$TMP/osc8.$_on.e"
	quit_reader "$_on" >/dev/null
	return $_rc
}
W=100 H=30
screen_size $W $H
osc8 on34 TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=3.4
osc8 on35 TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=next-3.5 TMUX=/tmp/x,1,0
osc8 off33 TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=3.3a
osc8 offno TERM_PROGRAM=tmux TERM_PROGRAM_VERSION=3.4 KUAIBAO_NO_HYPERLINKS=1
osc8 offxterm TERM=xterm-256color
check "OSC 8 in tmux 3.4: every piece of note [20]'s URL is linked to the whole URL, the link closed after it" \
    python3 - "$TMP/osc8.on34" "$URL20" <<'EOF'
import re, sys
b = open(sys.argv[1], "rb").read()
url = sys.argv[2].encode()
runs = re.findall(rb"\x1b\]8;id=(kb[^;]*);([^\x1b]*)\x1b\\(.*?)\x1b\]8;;\x1b\\", b, re.S)
bad = []
text = b"".join(re.sub(rb"\x1b\[[0-9;]*[A-Za-z]|\x0f", b"", r[2]) for r in runs)
if not runs:
    bad.append("no OSC 8 link in what was written")
elif set(r[1] for r in runs) != {url}:
    bad.append("links to %r, not to the URL" % set(r[1] for r in runs))
elif len(set(r[0] for r in runs)) != 1:
    bad.append("the pieces have different ids: %r" % [r[0] for r in runs])
elif text != url:
    bad.append("the linked text: %r\n   the URL:     %r" % (text, url))
if bad:
    print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
if grep -q "$(printf '\033')]8;id=" "$TMP/osc8.on35"; then
	pass "OSC 8 in tmux next-3.5 (TMUX set)"
else
	fail "OSC 8 in tmux next-3.5 (TMUX set)"
fi
for v in off33:"tmux 3.3" offno:"KUAIBAO_NO_HYPERLINKS=1" offxterm:"TERM=xterm-256color, nothing else said"; do
	if [ -s "$TMP/osc8.${v%%:*}" ] && ! grep -q "$(printf '\033')]8;" "$TMP/osc8.${v%%:*}"; then
		pass "no OSC 8: ${v#*:}"
	else
		fail "no OSC 8: ${v#*:}" "$(wc -c <"$TMP/osc8.${v%%:*}") bytes written"
	fi
done
if cmp -s "$TMP/osc8.on34.e" "$TMP/osc8.off33.e"; then
	pass "the screen with links is the one without, attributes included (capture-pane -e)"
else
	fail "the screen with links is the one without, attributes included (capture-pane -e)" \
	    "$(diff "$TMP/osc8.off33.e" "$TMP/osc8.on34.e" | cat -v | head -20)"
fi

# ---- o: open with $BROWSER, copy over SSH ---------------------------------

BR=$TMP/browser
cat >"$BR" <<EOF
#!/bin/sh
# a browser that records how it was called
{
	echo "\$#"
	for a; do printf '%s\n' "\$a"; done
	if [ -t 0 ]; then echo "stdin: a terminal"; else echo "stdin: not a terminal"; fi
	if (: </dev/tty) 2>/dev/null; then echo "/dev/tty: yes"; else echo "/dev/tty: none"; fi
} >"$TMP/argv.tmp"
mv "$TMP/argv.tmp" "$TMP/argv"
echo GARBAGE-OUT
echo GARBAGE-ERR >&2
exec sleep 4
EOF
chmod +x "$BR"

W=80 H=24 S=open
screen_size $W $H
rm -rf "$TMP/state"/* "$TMP/argv"
(cd "$TMP" && reader $S $W $H "BROWSER=$BR")
if ! open_by_title $S $RU; then
	fail "o: the article opens" "$(diag_screen)"
	finish
fi
keys $S o
wait_status $S '^打开: *$' && wait_for $S " [17] $URL17" && wait_for $S " [21] " && wait_stable $S
outcome $? "o: the article's URLs listed with their note numbers, [17] to [21]"
type_text $S 19
keys $S Enter
if wait_status $S '^已打开：' 2 && wait_file "$TMP/argv" 2; then
	pass "o, 19, Enter: the browser starts and the status line says opened (已打开)"
else
	fail "o, 19, Enter: the browser starts and the status line says opened (已打开)" "$(diag_screen)"
fi
printf '1\n%s\nstdin: not a terminal\n/dev/tty: none\n' "$URL19" >"$TMP/argv.want"
if cmp -s "$TMP/argv" "$TMP/argv.want"; then
	pass "o: \$BROWSER gets note [19]'s URL as its one argument, without the terminal (stdin, /dev/tty)"
else
	fail "o: \$BROWSER gets note [19]'s URL as its one argument, without the terminal (stdin, /dev/tty)" \
	    "expected: $(cat "$TMP/argv.want")" "got: $(cat "$TMP/argv" 2>&1)"
fi
# the browser sleeps for 4 s: the reader answers meanwhile
keys $S j
capture $S "$TMP/o.before"
keys $S '?'
wait_for $S 'kuaibao 按键' 2
outcome $? "o: the reader goes on while the browser runs (? shows the help)"
keys $S Escape
wait_gone $S 'kuaibao 按键' && wait_stable $S
if grep -q GARBAGE "$LAST"; then
	fail "o: the browser's output does not reach the screen" "$(diag_screen)"
else
	pass "o: the browser's output does not reach the screen"
fi
keys $S C-l
wait_stable $S
if grep -q GARBAGE "$LAST"; then
	fail "o: nor after a redraw" "$(diag_screen)"
else
	pass "o: nor after a redraw"
fi
quit_reader $S || fail "q quits" "$(diag_screen)"

# shell syntax in a URL (the doctored database, note [18]), a browser
# that cannot start
S=open2
rm -rf "$TMP/state"/* "$TMP/argv"
(cd "$TMP" && DB=$HDB && reader $S $W $H "BROWSER=$BR")
open_by_title $S $RU || fail "o: the doctored article opens" "$(diag_screen)"
keys $S o
wait_status $S '^打开: *$' && wait_stable $S
type_text $S 18
keys $S Enter
wait_status $S '^已打开：' 2 && wait_file "$TMP/argv" 2
sleep 0.3
printf '1\n%s\n' 'https://x.example/$(touch%20PWNED1)`touch%20PWNED2`;touch%20PWNED3|touch%20PWNED4' >"$TMP/argv.want"
if head -n 2 "$TMP/argv" | cmp -s - "$TMP/argv.want" && ! ls "$TMP"/PWNED* "$TMP/home"/PWNED* >/dev/null 2>&1; then
	pass "o: a URL full of shell syntax is one argument (spaces percent-encoded), and nothing runs it"
else
	fail "o: a URL full of shell syntax is one argument (spaces percent-encoded), and nothing runs it" \
	    "got: $(cat "$TMP/argv" 2>&1)" "$(ls "$TMP")"
fi
quit_reader $S || fail "q quits" "$(diag_screen)"

S=open3
rm -rf "$TMP/state"/*
reader $S $W $H "BROWSER=$TMP/no-such-browser"
open_by_title $S $RU || fail "o: the article opens" "$(diag_screen)"
keys $S o
wait_status $S '^打开: *$' && wait_stable $S
keys $S Enter
wait_status $S "^无法打开 $URL17" 2 && wait_stable $S
outcome $? "o: a browser that cannot start: 无法打开 URL and why"
quit_reader $S || fail "q quits" "$(diag_screen)"

# no $BROWSER: xdg-open (a fake one, first on PATH)
S=xdg
mkdir -p "$TMP/bin"
cp "$BR" "$TMP/bin/xdg-open"
rm -rf "$TMP/state"/* "$TMP/argv"
reader $S $W $H "PATH=$TMP/bin:$PATH"
open_by_title $S $RU || fail "o with xdg-open: the article opens" "$(diag_screen)"
keys $S o
wait_status $S '^打开: *$' && wait_stable $S
type_text $S 17
keys $S Enter
wait_status $S '^已打开：' 2 && wait_file "$TMP/argv" 2
if [ "$(sed -n 1,2p "$TMP/argv" 2>/dev/null)" = "$(printf '1\n%s' "$URL17")" ]; then
	pass "o without \$BROWSER: xdg-open gets note [17]'s URL as its one argument"
else
	fail "o without \$BROWSER: xdg-open gets note [17]'s URL as its one argument" "got: $(cat "$TMP/argv" 2>&1)"
fi
quit_reader $S || fail "q quits" "$(diag_screen)"

S=ssh
rm -rf "$TMP/state"/* "$TMP/argv"
reader $S $W $H "BROWSER=$BR" "SSH_CONNECTION=192.0.2.1 50000 192.0.2.2 22"
open_by_title $S $RU || fail "o over SSH: the article opens" "$(diag_screen)"
tm delete-buffer >/dev/null 2>&1
keys $S o
wait_status $S '^打开: *$' && wait_stable $S
type_text $S 19
keys $S Enter
wait_status $S '^已复制：' 2 && wait_stable $S
sleep 0.3
if [ "$(tm show-buffer 2>&1)" = "$URL19" ] && [ ! -e "$TMP/argv" ]; then
	pass "o over SSH (SSH_CONNECTION): note [19]'s URL copied (OSC 52), the browser not run"
else
	fail "o over SSH (SSH_CONNECTION): note [19]'s URL copied (OSC 52), the browser not run" \
	    "buffer: $(tm show-buffer 2>&1)" "argv: $(cat "$TMP/argv" 2>&1)"
fi
quit_reader $S || fail "q quits" "$(diag_screen)"

"$KB" --list-commands | grep "^open-url	" | cut -f3 >"$TMP/okey"
if [ "$(cat "$TMP/okey")" = o ]; then
	pass "--list-commands: open-url, bound to o"
else
	fail "--list-commands: open-url, bound to o" "$("$KB" --list-commands | grep open)"
fi

finish

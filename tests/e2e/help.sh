#!/bin/sh
# The help screen and the OSC 52 copy menu.
#   ?: every key of the reader's key table is listed (scrolling with j
#   at 80x24; at 120x40 the whole table fits, in two columns), rows no wider than the
#   terminal; any other key closes it and the screen is as before.
#   y on an open article, with tmux set-clipboard on: the menu offers
#   the citation and each note URL; Enter on the citation puts it in a
#   tmux paste buffer (show-buffer): title, bulletin, year, column,
#   editors, URLs; Down, Enter: note [1]'s URL exactly.
. tests/e2e/lib.sh

# the keys a reader is told about (the key table of the brief)
KEYS='j k ↓ ↑ Enter l → h ← Space PgDn b PgUp g G [ ] Tab / n N & c C t F x X m u y o s ^L ? q < > - +'

# help_keys FILE...: the key names in the key columns of help screens
# (a wide screen sets the keys in two columns, the second at its middle)
help_keys() {
	cat "$@" | python3 -c '
import sys
sys.path.insert(0, "tests/e2e")
from screen import cut
half = 1 + (int(sys.argv[1]) - 2) // 2
for l in sys.stdin.read().split("\n"):
    print(" ".join(cut(l, 1, 17).split()))
    print(" ".join(cut(l, half, half + 16).split()))' "$W" | tr ' ' '\n' | sort -u
}

for size in 80x24 120x40; do
	W=${size%x*} H=${size#*x} S=help$W
	rm -rf "$TMP/state"/*
	reader $S "$W" "$H"
	wait_for $S '?:帮助' && wait_stable $S
	cp "$LAST" "$TMP/before"
	keys $S '?'
	if ! wait_for $S 'kuaibao 按键' || ! wait_stable $S; then
		fail "$size: ? shows the help" "$(diag_screen)"
		kill_session $S
		continue
	fi
	cp "$LAST" "$TMP/help.0"
	pages="$TMP/help.0"
	i=0
	# j scrolls the help until the last key (+, widen-text) shows
	while ! grep -qE ' \+ +正文变宽$' "$LAST" && [ $i -lt 30 ]; do
		i=$((i + 1))
		keys $S j
		wait_change $S "$TMP/help.$((i - 1))" && wait_stable $S
		cp "$LAST" "$TMP/help.$i"
		pages="$pages $TMP/help.$i"
	done
	# shellcheck disable=SC2086
	help_keys $pages >"$TMP/listed"
	missing=
	for k in $KEYS; do
		grep -qxF -- "$k" "$TMP/listed" || missing="$missing $k"
	done
	if [ -z "$missing" ]; then
		pass "$size: the help lists every key ($(echo $KEYS | wc -w) keys)"
	else
		fail "$size: the help lists every key" "missing:$missing" "$(diag_screen)"
	fi
	if [ "$size" = 120x40 ]; then
		if [ $i -eq 0 ]; then
			pass "$size: the whole key table fits without scrolling"
		else
			fail "$size: the whole key table fits without scrolling" "$(diag_screen "$TMP/help.0")"
		fi
	fi
	check "$size: no help row is wider than $W columns" screen_py widths "$W" "$TMP/help.0"
	keys $S Space
	wait_gone $S 'kuaibao 按键' && wait_stable $S && cmp -s "$LAST" "$TMP/before"
	outcome $? "$size: another key closes the help, the screen as before"
	quit_reader $S || fail "$size: q quits" "$(diag_screen)"
	kill_session $S
done

# ---- 40x12: the help's rows fit ----
reader help40 40 12
if wait_for help40 '?:帮助' && wait_stable help40; then
	keys help40 '?'
	if wait_for help40 'kuaibao 按键' && wait_stable help40; then
		[ -z "$(sed -n 2p "$LAST" | tr -d ' ')" ]
		outcome $? "40x12: the help's title fits its row (row 2 is blank)"
		check "40x12: no help row is wider than 40 columns" screen_py widths 40 "$LAST"
	else
		fail "40x12: ? shows the help" "$(diag_screen)"
	fi
fi
kill_session help40

# ---- OSC 52 ----
tm set -g set-clipboard on
W=120 H=40 S=copy
KEY=dd146d8cb3d5
rm -rf "$TMP/state"/*
reader $S $W $H
if ! wait_for $S '?:帮助' || ! open_article $S 40 39 $KEY; then
	fail "the article opens" "$(diag_screen)"
	finish
fi
expect article $KEY urls >"$TMP/urls"
URL1=$(sed -n 1p "$TMP/urls")
keys $S y
wait_status $S '^复制: *$' && wait_re $S '^ 引用 citation' &&
    wait_re $S "^ \[1\] $(sed -n 1p "$TMP/urls" | sed 's/[.]/[.]/g')" && wait_stable $S
outcome $? "y: the copy menu offers the citation and each note URL, with its note's number"
tm delete-buffer >/dev/null 2>&1
keys $S Enter
wait_status $S '^已复制：' && wait_stable $S
outcome $? "y, Enter: the status line says copied (已复制)"
tm show-buffer >"$TMP/buffer" 2>&1
check "y, Enter: the paste buffer holds the citation (title, bulletin, year, column, editors, URLs, in order)" \
    python3 - "$TMP/buffer" "$CORPUS" $KEY <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, find_article
iss, s, a = find_article(load(sys.argv[2]), sys.argv[3])
buf = open(sys.argv[1], encoding="utf-8", errors="replace").read()
parts = [a["title"], iss["title"], str(iss.get("year") or iss.get("date")), s["name"]]
parts += a["authors"]
parts += [u for n in a["footnotes"] for u in n["urls"]]
pos, bad = 0, []
for p in parts:
    k = buf.find(p, pos)
    if k < 0:
        bad.append("%r is not in the buffer (after position %d)" % (p, pos))
    else:
        pos = k + len(p)
if bad:
    print("\n".join(bad))
    print("the buffer: %r" % buf)
sys.exit(1 if bad else 0)
EOF
check "y, Enter: the buffer is one line, no control character" \
    python3 -c '
import sys
b = open(sys.argv[1], encoding="utf-8").read().rstrip("\n")
bad = [c for c in b if ord(c) < 32 or ord(c) == 127]
print("control characters: %r" % bad if bad else "", end="")
sys.exit(1 if bad else 0)' "$TMP/buffer"
keys $S y
wait_status $S '^复制: *$'
keys $S Down Enter
if wait_status $S '^已复制：' && wait_stable $S &&
    [ "$(tm show-buffer 2>&1)" = "$URL1" ]; then
	pass "y, Down, Enter: the buffer holds note [1]'s URL exactly"
else
	fail "y, Down, Enter: the buffer holds note [1]'s URL exactly" "expected: $URL1" "buffer:   $(tm show-buffer 2>&1)"
fi
check "the border is straight after the copy menu closed" \
    screen_py border 40 39 "$LAST"
quit_reader $S || fail "q quits" "$(diag_screen)"

finish

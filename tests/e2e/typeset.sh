#!/bin/sh
# Two rules of the article's layout, at 80x24 (the text 49 columns wide):
#   - the lines of tags under the title (日期 … 编辑, 国家 … 提及, 主题)
#     break between names, never inside one: every editor, country and
#     theme of the article (from the importer's dump) is whole on one
#     line, and the lines after the first hang under the first name
#     (issue 11 item 7: 关键矿产与材 / 料);
#   - the items of a table's cell stay items (issue 11 item 6): in the
#     first table of 286e80c71765 (目标 | 建议), a column's items are
#     the non-empty cells of that column, row after row, and each item
#     on the screen starts flush with its column, its further lines
#     hung by two columns; read back that way, the screen gives the
#     items of the dump exactly.
. tests/e2e/lib.sh

W=80 H=24
screen_size "$W" "$H"

# tags_whole FILE KEY: the header of the pane (rows above the rule)
# shows each tag of KEY whole on one line, later lines of a block hung
tags_whole() {
	screen_py cols "$X" "$W" "$1" >"$TMP/pane"
	python3 - "$TMP/pane" "$CORPUS" "$2" <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, find_article, lines
ls = lines(sys.argv[1])
iss, s, a = find_article(load(sys.argv[2]), sys.argv[3])
k = next((i for i, l in enumerate(ls) if l and set(l) == {"\u2500"}), None)
if k is None:
    print("no rule under the header")
    sys.exit(1)
head = ls[:k]
bad = []
names = a["authors"] + [c["name"] for c in a["countries"]] + a["themes"]
for n in names:
    if not any(n in l for l in head):
        bad.append("%s is not whole on one line" % n)
# a block's first line starts with its label; the lines after it hang
# under the first name (5 columns: the label and a space)
seen = False
for l in head:
    if l[:2] in ("日期", "国家", "提及", "主题") and l[2:3] == " ":
        seen = True
    elif seen and not (l.startswith("     ") and l[5:6] != " "):
        bad.append("a line of tags not hung under the first name: %r" % l)
if a["themes"] and not any(l.startswith("主题 ") for l in head):
    bad.append("no line starts with 主题")
if bad:
    print("\n".join(bad))
    print("the header:")
    print("\n".join("   |" + l for l in head))
sys.exit(1 if bad else 0)
PY
}

# articles whose tags a 49-column line breaks: a theme (科技人才与教育)
# and an editor, a country (韩国), a group (七国集团) and a theme
for KEY in e44d632bb195 286e80c71765 e81e61f5fa7b; do
	S=tag$KEY
	rm -rf "$TMP/state"/*
	reader "$S" $W $H
	if ! open_by_title "$S" $KEY; then
		fail "$KEY: the article opens" "$(diag_screen)"
		kill_session "$S"
		continue
	fi
	check "$KEY ($(expect article $KEY title)): every editor, country and theme whole on one line, the lines after a label's first hung" \
	    tags_whole "$LAST" $KEY
	if [ $KEY != 286e80c71765 ]; then
		quit_reader "$S" || fail "q quits" "$(diag_screen)"
		kill_session "$S"
	fi
done

# ---- the items of a table cell ----
KEY=286e80c71765
S=tag$KEY
if page_through $S "$X" $ROWS "$TMP/merged"; then
	check "$KEY: the first table's items, each flush with its column and its further lines hung, are the cells of the dump" \
	    python3 - "$TMP/merged" "$CORPUS" $KEY <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, find_article, lines
ls = lines(sys.argv[1])
iss, s, a = find_article(load(sys.argv[2]), sys.argv[3])
table = next(b["text"] for b in a["blocks"] if b["type"] == "table")
rows = [r.split("\t") for r in table.split("\n")]
want = [[r[j] for r in rows[1:] if j < len(r) and r[j]] for j in range(2)]
# the table on the screen: its head, the rule, then rows up to a blank
k = next(i for i, l in enumerate(ls) if l.startswith(rows[0][0]) and "\u2502" in l)
body = []
for l in ls[k + 2:]:
    if "\u2502" not in l:
        break
    body.append(l)
got = [[], []]
bad = []
for l in body:
    cols = l.split(" \u2502 ")
    if len(cols) != 2:
        bad.append("not two columns: %r" % l)
        continue
    for j, c in enumerate(cols):
        c = c.rstrip()
        if not c:
            continue
        if c.startswith("  "):
            if not got[j]:
                bad.append("column %d starts with a hung line: %r" % (j + 1, l))
                continue
            got[j][-1] += c.strip()
        elif c.startswith(" "):
            bad.append("column %d: a line indented by one column: %r" % (j + 1, l))
        else:
            got[j].append(c)
for j in range(2):
    if got[j] != want[j]:
        bad.append("column %d: %d items read back, the dump has %d:" % (j + 1, len(got[j]), len(want[j])))
        for i in range(max(len(got[j]), len(want[j]))):
            g = got[j][i] if i < len(got[j]) else "(none)"
            w = want[j][i] if i < len(want[j]) else "(none)"
            mark = " " if g == w else "*"
            bad.append(" %s shown    %s\n   expected %s" % (mark, g, w))
if bad:
    print("\n".join(bad[:40]))
    print("the table on the screen:")
    print("\n".join("   |" + l for l in body))
sys.exit(1 if bad else 0)
PY
else
	fail "$KEY: the article can be paged through" "$(diag_screen)"
fi
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S

finish

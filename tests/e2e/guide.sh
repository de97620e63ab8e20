#!/bin/sh
# A funding guide in the reader (issue 14; issue 11 item 5):
#   kuaibao --cat of direction 1.3 of data/corpus/004 at 80 columns: its
#   field 领域方向 holds six items, printed on lines of their own; each
#   hangs under the label, beside it the first, the others and every
#   wrapped line indented as far as the value (the label and two spaces);
#   kuaibao --list: the guide's issue line says it is a guide, its year
#   and its status (a draft, 征求意见稿, is printed under its title);
#   the same in a terminal at 80x24: the sidebar's issue row, and the
#   items of 领域方向 in the article pane, each starting in the column
#   of the first.
. tests/e2e/lib.sh

DOC=data/corpus/004_e10dca2811f8f533.txt
TITLE="1.3 中国和西班牙政府间科技合作项目"

# ---- what the document says ----
# The items of 1.3's 领域方向: the lines after "领域方向：" up to
# "拟支持项目数：", an item starting with （n）.  The guide's year is the
# one of its title, 2023年度, and it is a draft: （征求意见稿） heads it.
python3 - "$DOC" >"$TMP/items" <<'EOF'
import re, sys
ls = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
ls = [l for l in ls if l and not re.match(r"^— \d+ —$", l)]
i = next(k for k, l in enumerate(ls) if l.startswith("1.3中国和西班牙"))
i = next(k for k in range(i, len(ls)) if ls[k].startswith("领域方向："))
items = []
for l in ls[i + 1:]:
    if l.startswith("拟支持项目数"):
        break
    if re.match(r"^（\d）", l):
        items.append(l)
    else:
        items[-1] += l
for it in items:
    print(it)
EOF
head -n 1 $DOC | grep -q '（征求意见稿）' && grep -q '2023年度' $DOC &&
    [ "$(wc -l <"$TMP/items")" -eq 6 ]
outcome $? "the expectations are read from $DOC: six items, 2023, a draft" ||
    finish
KEY=$(python3 - "$CORPUS" "$TITLE" <<'EOF'
import json, sys
for iss in json.load(open(sys.argv[1], encoding="utf-8"))["issues"]:
    for s in iss["sections"]:
        for a in s["articles"]:
            if a["title"] == sys.argv[2]:
                print(a["key"])
EOF
)
[ -n "$KEY" ]
outcome $? "the corpus has the direction $TITLE" || finish

# hangs FILE X0 [SHOWN]: the 领域方向 block of FILE (its columns from X0
# on) against the items: the first beside the label, each line after it
# indented to the value's column, each other item starting a line there;
# with SHOWN, the items below the screen's last row are not looked for,
# but at least SHOWN must be there.
hangs() {
	python3 - "$1" "$2" "$TMP/items" "${3:-0}" <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import cells, cut, width
x0 = int(sys.argv[2])
rows = [cut(l.rstrip("\n"), x0).rstrip() for l in open(sys.argv[1], encoding="utf-8")]
items = [l.rstrip("\n") for l in open(sys.argv[3], encoding="utf-8")]
label = "领域方向  "
bad = []
start = [k for k, r in enumerate(rows) if r.startswith(label)]
if not start:
    print("no row starts with %r" % label)
    sys.exit(1)
k = start[0]
ind = " " * width(label)
if not rows[k].startswith(label + items[0][:5]):
    bad.append("row %d: %r, not the label and %r" % (k + 1, rows[k], items[0][:5]))
block = []
for r in rows[k + 1:]:
    if not r.startswith(ind):
        break
    block.append(r)
partial = int(sys.argv[4])
found = 1
for it in items[1:]:
    if any(r.startswith(ind + it[:6]) for r in block):
        found += 1
    elif not partial or any(it[:6] in r for r in rows):
        bad.append("no row %r…: an item not hanging under its label" % (ind + it[:6]))
if partial and found < partial:
    bad.append("only %d items shown" % found)
# the rows of the last item can run off the screen: those shown hang
shown = "".join(r.strip() for r in block)
if items[1][:6] not in shown:
    bad.append("the items after the first are not below the label")
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
}

# ---- --cat ----
"$KB" --cat "$KEY" --width 80 -d "$KB_DB" >"$TMP/cat" 2>"$TMP/cat.err"
outcome $? "--cat $KEY --width 80 exits 0"
check "--cat: 领域方向's six items each hang under the label" hangs "$TMP/cat" 0
check "--cat: no line wider than 80 display columns" screen_py widths 80 "$TMP/cat"

# ---- --list ----
"$KB" --list -d "$KB_DB" >"$TMP/list" 2>"$TMP/list.err"
outcome $? "--list exits 0"
grep -q '^2023 指南·征求意见稿 国家重点研发计划' "$TMP/list"
outcome $? "--list: the guide's line says 2023 指南·征求意见稿 before its title" ||
    grep '指南' "$TMP/list" | head -n 3 | diag

# ---- in a terminal, 80x24 ----
W=80 H=24 S=guide
screen_size $W $H
reader $S $W $H
if ! wait_for $S '?:帮助'; then
	fail "80x24: the reader starts" "$(diag_screen)"
	finish
fi
screen_py cols 0 "$SW" "$LAST" | grep -q '^[+-] 2023 指南·征求意见稿'
outcome $? "80x24: the guide's row in the sidebar says 2023 指南·征求意见稿"
if open_article $S "$SW" "$ROWS" "$KEY"; then
	pass "80x24: the direction $TITLE opens"
	check "80x24: in the pane, 领域方向's items each hang under the label" \
	    hangs "$LAST" "$X" 3
else
	fail "80x24: the direction $TITLE opens" "$(diag_screen)"
fi
quit_reader $S || fail "80x24: q quits" "$(diag_screen)"
kill_session $S
finish

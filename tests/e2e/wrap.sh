#!/bin/sh
# The wrapped text of a known paragraph, at 80x24 and 120x40 and in
# the narrow layout at 40x12.
#
# The paragraph is the one under "3、利用法规和财政激励措施加速可用技术的
# 制造、部署和采用" in data/corpus/000_c7f35d69aa6ccfdf.txt (PDF text: one
# printed line per text line, blank lines between them, and a space
# set around each Arabic number).  Its text is derived here from the
# document alone: the printed lines up to the next heading, joined, the
# spaces around the numbers dropped (the paragraph has no other space).
#
# Checks: the pane's lines of that paragraph, concatenated, give back
# exactly the paragraph (no character lost or doubled at a line break);
# no line of the article starts with ，。、；：）》”」 or ends with （《“「
# (kinsoku); no line is wider than the pane; lines are filled (a line
# ends early only to keep such a character or a Latin word or a number
# whole).
. tests/e2e/lib.sh

KEY=dd146d8cb3d5
DOC=data/corpus/000_c7f35d69aa6ccfdf.txt

python3 - "$DOC" >"$TMP/para" <<'EOF'
import re, sys
ls = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
ls = [l for l in ls if l]
start = ls.index("3、利用法规和财政激励措施加速可用技术的制造、部署和采用") + 1
end = ls.index("二、清洁能源创新优先领域与进展监测指标")
text = "".join(ls[start:end])
# the PDF sets a space around Arabic numbers: "的 620 亿美元"
text = re.sub(r" *([0-9]+) *", r"\1", text)
assert " " not in text, text
print(text)
EOF
if [ "$(wc -c <"$TMP/para")" -lt 400 ] || ! grep -q '^如太阳能、风能.*并推进低排放和零排放技术。$' "$TMP/para"; then
	fail "the paragraph can be read from $DOC" "$(cat "$TMP/para")"
	finish
fi
pass "the paragraph is read from $DOC ($(python3 -c 'import sys; print(len(sys.argv[1]))' "$(cat "$TMP/para")") characters)"

# check_wrap MERGED PANE_W LABEL
check_wrap() {
	python3 - "$1" "$2" "$TMP/para" <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import lines, width, paragraphs
ls = lines(sys.argv[1])
pw = int(sys.argv[2])
want = open(sys.argv[3], encoding="utf-8").read().strip()
bad = []
paras = [p for _, p in paragraphs(ls) if "".join(p).startswith(want[:8])]
if not paras:
    bad.append("the paragraph starting %s is not in the pane" % want[:8])
else:
    p = paras[0]
    got = "".join(p)
    if got != want:
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
        bad.append("the lines joined differ from the paragraph at character %d:\n   expected ...%s\n   shown    ...%s" % (i, want[max(0, i - 10):i + 20], got[max(0, i - 10):i + 20]))
        bad.append("the pane's lines:\n" + "\n".join("   |" + l for l in p))
    for k, l in enumerate(p[:-1]):
        nxt = p[k + 1]
        if width(l) < pw - 8:
            bad.append("line %d of the paragraph is %d columns, the pane %d, and the next line starts %r: %s" % (k + 1, width(l), pw, nxt[:3], l))
start_bad = "，。、；：）》”」？！"
end_bad = "（《“「"
rule = next((i for i, l in enumerate(ls) if l and set(l) == {"\u2500"}), 0)
for i, l in enumerate(ls[rule + 1:], rule + 2):
    s = l.lstrip(" ")
    if s and s[0] in start_bad:
        bad.append("pane line %d starts with %s: %s" % (i, s[0], l))
    if l and l[-1] in end_bad:
        bad.append("pane line %d ends with %s: %s" % (i, l[-1], l))
    if width(l) > pw:
        bad.append("pane line %d is %d columns wide (> %d): %s" % (i, width(l), pw, l))
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
}

for size in 80x24 120x40 40x12; do
	W=${size%x*}
	H=${size#*x}
	S=wrap$W
	ROWS=$((H - 1))
	if [ "$W" -lt 60 ]; then
		SW=$W X=1 PW=$((W - 2))		# one pane at a time
	else
		SW=$(side_width "$W")
		X=$(pane_x "$SW")
		PW=$((W - SW - 3))
	fi
	rm -rf "$TMP/state"/*
	reader "$S" "$W" "$H"
	if ! wait_for "$S" '?:帮助' || ! open_article "$S" "$SW" "$ROWS" $KEY; then
		fail "$size: the article opens" "$(diag_screen)"
		kill_session "$S"
		continue
	fi
	if ! page_through "$S" "$X" "$ROWS" "$TMP/merged.$W"; then
		fail "$size: Space pages to the end of the article" "$(diag_screen)"
		kill_session "$S"
		continue
	fi
	check "$size: the paragraph's lines give back the paragraph exactly; kinsoku; no line wider than the pane ($PW); lines filled" \
	    check_wrap "$TMP/merged.$W" "$PW"
	quit_reader "$S" || fail "$size: q quits" "$(diag_screen)"
	kill_session "$S"
done

finish

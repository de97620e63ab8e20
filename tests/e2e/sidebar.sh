#!/bin/sh
# The sidebar at 80x24, where its rows are 28 columns (issue 11 item 3):
#   - a row whose text is cut ends in … (the expected tree of the dump,
#     each label cut with … where it does not fit; screen.py sidebar);
#   - on an article row the status line shows the article's full title;
#     on an issue row, the issue's full name, its number of articles and
#     which issue it is (第 i/n 期), not the archive's number of issues;
#   - issue rows tell issues apart: two bulletins of 2023 with neither
#     date nor number, both titled 科技政策与咨询快报, get two labels;
#   - search results show a short date (21-08 for 2021-08-05), leaving
#     the title the room;
#   - < and > narrow and widen the sidebar by two columns (the border
#     moves), :set-sidebar-width 0 gives the width back to the screen,
#     and the width is kept in the state for the next session.
. tests/e2e/lib.sh

W=80 H=24 S=side
screen_size "$W" "$H"

reader $S $W $H
wait_for $S '?:' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }

# ---- … where a row is cut ----
check "the tree at start: every row 28 columns, a label cut with … where it does not fit" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"
python3 - "$LAST" "$SW" "$CORPUS" <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, ordered, row_label, sidebar_rows, cut_label, width
label = row_label(ordered(load(sys.argv[3]))[0])
row = sidebar_rows(sys.argv[1], int(sys.argv[2]), 1)[0]
want = "- " + cut_label(label, int(sys.argv[2]) - 5)
print("# %s" % row)
sys.exit(0 if width(label) > int(sys.argv[2]) - 5 and row.startswith(want) and row.endswith(" 21") else 1)
PY
outcome $? "the first issue's row: its label cut with …, its count at the right"

# ---- the full title on the status line ----
# the issue row: its full name, 21 articles, the first of 4 issues
TITLE=$(python3 -c '
import json, sys
sys.path.insert(0, "tests/e2e")
from screen import load, ordered, row_label
iss = ordered(load(sys.argv[1]))
print(row_label(iss[0]))
print(sum(len(s["articles"]) for s in iss[0]["sections"]))
print(len(iss))' "$CORPUS")
LABEL=$(echo "$TITLE" | sed -n 1p)
N=$(echo "$TITLE" | sed -n 2p)
NI=$(echo "$TITLE" | sed -n 3p)
START=$(python3 -c 'import sys; print(sys.argv[1][:20])' "$LABEL")
status_line | grep -qF "$START" && status_line | grep -qE " · $N 篇 · 第 1/$NI 期 +\\?:帮助\$"
outcome $? "on the guide's row the status line shows its name, its $N articles and 第 1/$NI 期" ||
    diag_screen
# the article rows: down to the first whose title the row must cut (it
# has 28 columns less 6 for the indent and the marks)
ROW=$(expect first-issue | sed 1d | while read -r n k; do
	t=$(expect article "$k" title)
	if [ "$(python3 -c 'import sys; sys.path.insert(0, "tests/lib")
from termtext import width; print(width(sys.argv[1]))' "$t")" -gt $((SW - 6)) ]; then
		echo "$n"
		break
	fi
done)
KEY=$(expect first-issue | grep "^$ROW " | cut -d' ' -f2)
if [ -n "$ROW" ] && [ -n "$KEY" ]; then
	T=$(expect article "$KEY" title)
	i=0
	while [ $i -lt "$ROW" ]; do
		keys $S j
		i=$((i + 1))
	done
	KB_GREP=-F
	wait_line $S last "$T · $(expect article "$KEY" section) · $(expect article "$KEY" position)" && wait_stable $S
	outcome $? "row $ROW, cut in the sidebar: the status line shows its full title ($T), its column and place"
	KB_GREP=-E
else
	fail "an article of the first issue has a title wider than its row" "row '$ROW', key '$KEY'" "$(diag_screen)"
fi
keys $S g
wait_line $S 1 '^- ' && wait_stable $S

# ---- every issue row: its own count, which issue it is ----
keys $S Enter
wait_line $S 1 '^\+ ' && wait_stable $S
bad=
i=1
for n in $(python3 -c '
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, ordered
for iss in ordered(load(sys.argv[1])):
    print(sum(len(s["articles"]) for s in iss["sections"]))' "$CORPUS"); do
	[ $i -gt 1 ] && keys $S j
	wait_status $S " · $n 篇 · 第 $i/$NI 期 +\\?:帮助\$" || bad="$bad issue $i: '$(status_line)';"
	i=$((i + 1))
done
[ -z "$bad" ]
outcome $? "j over the issue rows: each shows its own number of articles and 第 i/$NI 期, not the archive's number of issues" ||
    echo "#$bad"
kill_session $S

# ---- issues that would bear one label ----
mkdir -p "$TMP/dup"
printf '## 专题评述\n\n### 某机构发布研究报告\n\n2023年4月20日，美国发布报告。\n\n（张三 李四）\n' >"$TMP/dup/a.md"
printf '## 专题评述\n\n### 另一机构发布规划\n\n2023年5月10日，日本发布规划。\n\n（王五）\n' >"$TMP/dup/b.md"
if "$KB_IMPORT" --new --data-dir data -o "$TMP/dup/two.db" "$TMP/dup/a.md" "$TMP/dup/b.md" 2>"$TMP/dup/err" &&
    [ "$("$KB" -d "$TMP/dup/two.db" --list | grep -c '^2023 科技政策与咨询快报 ')" = 2 ]; then
	DB=$TMP/dup/two.db reader two $W $H
	wait_for two '?:' && wait_stable two
	keys two Enter
	if wait_line two 1 '^\+ ' && wait_stable two; then
		python3 - "$LAST" "$SW" <<'PY'
import re, sys
sys.path.insert(0, "tests/e2e")
from screen import sidebar_rows
labels = [re.sub(r"\s+\d+(/\d+)?$", "", r[2:]).strip() for r in sidebar_rows(sys.argv[1], int(sys.argv[2]), 2)]
print("# the issue rows: %s" % " | ".join(labels))
sys.exit(0 if len(set(labels)) == 2 and all(l.startswith("2023 ") for l in labels) else 1)
PY
		outcome $? "two bulletins of 2023 without date or number, one title: two labels" || diag_screen
	else
		fail "two bulletins of 2023: Enter collapses the first" "$(diag_screen)"
	fi
	kill_session two
else
	fail "two bulletins of 2023 without date or number are imported" "$(cat "$TMP/dup/err")"
fi

# ---- short dates in search results ----
reader $S $W $H
wait_for $S '?:' && wait_stable $S
keys $S /
type_text $S 芯片
keys $S Enter
if wait_status $S '\[/芯片 [0-9]+\]' && wait_stable $S; then
	check "/芯片: the results, each with a short date (21-08, 2019) and its title cut with …" \
	    screen_py results "$LAST" "$SW" $ROWS "$CORPUS" 芯片
	# read: a new state counts the issues before the newest as read
	grep -q '^  21-08 ' "$LAST"
	outcome $? "/芯片: a result of 2021-08-05 shows 21-08"
else
	fail "/芯片 lists its results" "$(diag_screen)"
fi
# the pane shows the first result: x brings the tree back on its issue
first=$(screen_py result-key "$LAST" "$SW" $ROWS "$CORPUS" 1)
EXPAND=$(expect article "$first" issue-key)
keys $S x
wait_gone $S '[/芯片' && wait_stable $S

# ---- < and >, kept ----
keys $S '<'
wait_status $S "^侧栏宽 $((SW - 2)) 列" && wait_stable $S &&
    screen_py border $((SW - 2)) $ROWS "$LAST" >/dev/null &&
    screen_py sidebar "$LAST" $((SW - 2)) $ROWS "$CORPUS" --expand "$EXPAND" >/dev/null
outcome $? "<: the sidebar two columns narrower, its rows cut to fit" || diag_screen
keys $S '>' '>' '>'
wait_status $S "^侧栏宽 $((SW + 4)) 列" && wait_stable $S &&
    screen_py border $((SW + 4)) $ROWS "$LAST" >/dev/null &&
    screen_py sidebar "$LAST" $((SW + 4)) $ROWS "$CORPUS" --expand "$EXPAND" >/dev/null
outcome $? "> > >: four columns wider than at first, the status line says so" || diag_screen
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S
reader $S $W $H
wait_for $S '?:' && wait_stable $S && screen_py border $((SW + 4)) $ROWS "$LAST" >/dev/null
outcome $? "restart: the sidebar as wide as it was left ($((SW + 4)) columns)" || diag_screen
keys $S : 
type_text $S 'set-sidebar-width 0'
keys $S Enter
wait_status $S "^侧栏宽 $SW 列（自动）" && wait_stable $S && screen_py border "$SW" $ROWS "$LAST" >/dev/null
outcome $? ":set-sidebar-width 0: the width the screen suggests again ($SW)" || diag_screen
quit_reader $S || fail "q quits" "$(diag_screen)"

finish

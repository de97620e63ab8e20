#!/bin/sh
# Filter expressions and saved views (issue 12, item 3), at 120x40:
#   :filter country:jp year:2021 shows only the articles whose subject
#   is Japan in the issues of 2021 (in the corpus: 日本发布半导体和数字
#   产业发展战略 under 战略规划 and 日本发布统合创新战略 2021 under 创新政策,
#   both in 总第086期 第08期 of 2021年8月5日), and the status line shows
#   [筛选 country:日本 year:2021]; -kind:bulletin leaves the guide only;
#   a mistake is one message with its column on the status line;
#   :view add NAME EXPR lists the view at the top of the sidebar with its
#   unread and total counts (a fresh state counts the issues before the
#   newest as read); Enter on it applies it; views outlive the session;
#   :view del removes one; :sort title orders a search's results by title.
# Expected rows come from the importer's dump of data/corpus, filtered
# here by the expression's meaning (tests/e2e/screen.py sidebar --keys).
. tests/e2e/lib.sh

W=120 H=40 S=vw
screen_size "$W" "$H"

# keys PYTHON-CONDITION: the keys of the dump's articles (a) of issues
# (i) for which the condition holds, comma-separated
keys_where() {
	python3 - "$CORPUS" "$1" <<'PY'
import json, sys
issues = json.load(open(sys.argv[1]))["issues"]
cond = sys.argv[2]
def subject(a, name):
    return any(c["name"] == name and c["role"] == "subject" for c in a["countries"])
print(",".join(a["key"] for i in issues for s in i["sections"] for a in s["articles"]
               if eval(cond)))
PY
}
JP2021=$(keys_where 'subject(a, "日本") and i.get("year") == 2021')
GUIDE=$(keys_where 'i["kind"] == "guide"')
JP=$(keys_where 'subject(a, "日本")')
# a fresh state: the articles of the newest day's issues are unread
counts() {
	python3 - "$CORPUS" "$1" <<'PY'
import json, sys
sys.path.insert(0, __import__("os").environ["E2E"])
from screen import issue_day
issues = json.load(open(sys.argv[1]))["issues"]
keys = set(sys.argv[2].split(","))
newest = max(issue_day(i) for i in issues)
n = unread = 0
for i in issues:
    for s in i["sections"]:
        for a in s["articles"]:
            if a["key"] in keys:
                n += 1
                unread += issue_day(i) == newest
print("%d/%d" % (unread, n) if unread < n else "%d" % n)
PY
}
export E2E

reader $S $W $H
wait_for $S '?:帮助' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }

# ---- :filter -------------------------------------------------------------
keys $S : && type_text $S 'filter country:jp year:2021' && keys $S Enter
wait_status $S '\[筛选 country:日本 year:2021\]  \?:帮助$' && wait_stable $S
outcome $? ":filter country:jp year:2021: the status line shows [筛选 country:日本 year:2021]"
check ":filter country:jp year:2021: only Japan's articles of 2021, with their counts" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --keys "$JP2021"
if grep -q '日本发布半导体和数字产业发展战略' "$LAST" && grep -q '战略规划' "$LAST" &&
    grep -q '2021-08-05 第08期' "$LAST" && ! grep -q '2019' "$LAST"; then
	pass ":filter country:jp year:2021: 日本发布半导体和数字产业发展战略 under 战略规划 in 2021-08-05 第08期, nothing of 2019"
else
	fail ":filter country:jp year:2021: 日本发布半导体和数字产业发展战略 under 战略规划 in 2021-08-05 第08期" "$(diag_screen)"
fi

keys $S : && type_text $S 'filter -kind:bulletin' && keys $S Enter
wait_status $S '\[筛选 -kind:bulletin\]  \?:帮助$' && wait_stable $S
outcome $? ":filter -kind:bulletin replaces the filter"
check ":filter -kind:bulletin: the guide only" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --keys "$GUIDE"

# "filter year:2021 (x": the parenthesis is character 18 of the line
keys $S : && type_text $S 'filter year:2021 (x' && keys $S Enter
wait_status $S '^filter: 括号未闭合（第 18 列）' && wait_stable $S
outcome $? "an unclosed parenthesis: one message with its column (18) on the status line"
check "a mistake leaves the filter as it was" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --keys "$GUIDE"

keys $S : && type_text $S 'filter' && keys $S Enter
wait_status $S '^筛选：-kind:bulletin' && wait_stable $S
outcome $? ":filter alone: a prompt holding the filter as it is, to edit"
keys $S C-u && type_text $S '"关键供应链" or theme:半导体' && keys $S Enter
wait_status $S '\[筛选 关键供应链 or theme:半导体与芯片\]  \?:帮助$' && wait_stable $S
outcome $? "the prompt: words or a theme by part of its name, shown as resolved"

keys $S X
wait_status $S '^已去掉 \[筛选 关键供应链 or theme:半导体与芯片\]' && wait_stable $S &&
    [ "$(status_line | grep -o '\[筛选' | wc -l)" -eq 1 ]	# the message's only
outcome $? "X removes the expression, the only filter, at once"

# ---- views ---------------------------------------------------------------
keys $S x
wait_status $S '已清除筛选和搜索' && wait_stable $S
keys $S : && type_text $S 'view add 日本 country:jp' && keys $S Enter
wait_line $S 1 "^= 日本 +$(counts "$JP") *│" && wait_stable $S
outcome $? ":view add 日本 country:jp: the first row is the view with its counts ($(counts "$JP"))"
keys $S : && type_text $S 'view add 指南 kind:guide' && keys $S Enter
wait_line $S 2 "^= 指南 +$(counts "$GUIDE") *│" && wait_stable $S
outcome $? ":view add 指南 kind:guide: the second row, $(counts "$GUIDE")"
check "the issues follow the views" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --skip 2

keys $S g Enter
wait_status $S '\[筛选 country:日本\]  \?:帮助$' && wait_stable $S
outcome $? "Enter on the view applies it: [筛选 country:日本]"
check "the view: Japan's articles under the views" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --keys "$JP" --skip 2

keys $S : && type_text $S 'filter year:1990' && keys $S Enter
wait_line $S 3 '^ 没有符合筛选的内容' && wait_line $S 1 '^= 日本 ' && wait_stable $S
outcome $? "a filter that leaves nothing says so under the views"

# ---- :sort ----------------------------------------------------------------
keys $S x && keys $S / && type_text $S '美国' && keys $S Enter
wait_status $S '\[/美国 [0-9]+\]' && wait_stable $S
keys $S : && type_text $S 'sort title' && keys $S Enter
wait_status $S '已按标题排序' && wait_stable $S
check ":sort title: the results of 美国 in the order of their titles' characters" \
    python3 - "$CORPUS" "$LAST" "$SW" <<'PY'
import json, sys
sys.path.insert(0, "tests/e2e")
from screen import cut, lines, text_of
issues = json.load(open(sys.argv[1]))["issues"]
want = sorted(a["title"] for i in issues for s in i["sections"] for a in s["articles"]
              if "美国" in text_of(a))
rows = [cut(l, 0, int(sys.argv[3])) for l in lines(sys.argv[2])][:8]
for n, (r, w) in enumerate(zip(rows, want)):
    shown = cut(r, 8).rstrip().rstrip("\u2026")
    assert shown and w.startswith(shown), "row %d: %r, expected %r" % (n + 1, shown, w)
PY

quit_reader $S
S=vw2
reader $S $W $H
wait_for $S '?:帮助' && wait_line $S 1 '^= 日本 ' && wait_line $S 2 '^= 指南 ' && wait_stable $S
outcome $? "the views are kept in the state: there after a restart"

keys $S : && type_text $S 'view del 指南' && keys $S Enter
wait_status $S '已删除视图“指南”' && wait_stable $S
if _line_is 1 '^= 日本 ' && ! grep -q '^= 指南' "$LAST"; then
	pass ":view del 指南: the view is gone, 日本 stays"
else
	fail ":view del 指南: the view is gone, 日本 stays" "$(diag_screen)"
fi
keys $S : && type_text $S 'view del 美国' && keys $S Enter
wait_status $S '没有视图“美国”' && wait_stable $S
outcome $? ":view del of no view says so"
quit_reader $S

finish

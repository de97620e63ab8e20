#!/bin/sh
# Export, pipes and the state between machines (issue 12, items 4, 5):
#   kuaibao --export prints articles with their citations in md, txt, csv
#   and json; --list and --search take --filter and --format tsv|json;
#   the reader's e writes the view to a file (never replacing one
#   without asking), :export -m the flagged articles, | hands the open article to a command;
#   --state-export, an archive rebuilt elsewhere, --state-import into a
#   fresh state: the flag and the view are back; a newer mark wins a
#   merge, an older one does not; a bad file is one message, nothing
#   taken.
# Expected values are read from the corpus: 003_2f977091897462c0.txt
# has, under 战略规划 of 总第086期 第08期 (2021年8月5日), 日本发布半导体和
# 数字产业发展战略, dated 6月4日, by （惠仲阳）, its note 2 citing
# https://www.meti.go.jp/press/2021/06/20210604008/20210604008.html;
# under 创新政策, 日本发布统合创新战略 2021.  002_4e60794608ee0fcc.txt
# (2019) opens with 美国商务部发布《确保关键矿物安全可靠供应的联邦战略》.
. tests/e2e/lib.sh

DB=$KB_DB
T1='日本发布半导体和数字产业发展战略'
URL='https://www.meti.go.jp/press/2021/06/20210604008/20210604008.html'
ONE='"半导体和数字产业发展战略"'	# the words of that article only
export XDG_STATE_HOME="$TMP/state1"

# has DESC FILE LINE: FILE holds LINE, whole (fixed string)
has() {
	if grep -qxF -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1" "no line: $3" "$(head -20 "$2")"
	fi
}

# ---- --export --------------------------------------------------------------
"$KB" -d "$DB" --export --filter "$ONE" >"$TMP/md" 2>"$TMP/err"
rc=$?
[ $rc -eq 0 ] && [ ! -s "$TMP/err" ] && [ "$(grep -c '^## ' "$TMP/md")" -eq 1 ]
outcome $? "--export --filter: one article, status 0, nothing on stderr" || cat "$TMP/err" | diag
has "--export md: the title" "$TMP/md" "## $T1"
has "--export md: the issue, its number and date" "$TMP/md" "- 出处：科技政策与咨询快报, 总第086期 第08期, 2021-08-05"
has "--export md: the article's date (6月4日 of 2021)" "$TMP/md" "- 日期：2021-06-04"
has "--export md: the column" "$TMP/md" "- 栏目：战略规划"
has "--export md: the editor" "$TMP/md" "- 编辑：惠仲阳"
if grep -q "^\[^2\]: .*<$URL>\$" "$TMP/md"; then
	pass "--export md: note 2 with its URL"
else
	fail "--export md: note 2 with its URL" "$(grep '^\[' "$TMP/md")"
fi

"$KB" -d "$DB" --export --filter "$ONE" --format txt >"$TMP/txt"
has "--export txt: the citation, unmarked" "$TMP/txt" "出处：科技政策与咨询快报, 总第086期 第08期, 2021-08-05"
has "--export txt: the URL on a line of its own" "$TMP/txt" "    $URL"

"$KB" -d "$DB" --export --filter "$ONE" --format csv >"$TMP/csv"
if [ "$(sed -n 1p "$TMP/csv")" = "$(printf 'key,title,issue,date,column,editors,urls\r')" ] &&
    sed -n 2p "$TMP/csv" | grep -qF "\"$T1\",\"科技政策与咨询快报, 总第086期 第08期, 2021-08-05\",\"2021-06-04\",\"战略规划\",\"惠仲阳\",\"$URL\""; then
	pass "--export csv: a header, then the article's citation in cells"
else
	fail "--export csv: a header, then the article's citation in cells" "$(cat "$TMP/csv")"
fi

"$KB" -d "$DB" --export --filter 'country:jp year:2021' --format json >"$TMP/json"
check "--export json: both of Japan's articles of 2021, with their citations" \
    python3 - "$TMP/json" "$T1" "$URL" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "kuaibao-export/1", d["format"]
arts = d["articles"]
titles = [a["title"] for a in arts]
assert len(arts) == 2, titles
assert titles[0] == sys.argv[2], titles
assert re.fullmatch("日本发布统合创新战略 ?2021", titles[1]), titles
a = arts[0]
for k, v in (("column", "战略规划"), ("number", "总第086期 第08期"),
             ("issue_date", "2021-08-05"), ("date", "2021-06-04"),
             ("issue", "科技政策与咨询快报")):
    assert a[k] == v, (k, a[k])
assert a["editors"] == ["惠仲阳"], a["editors"]
assert sys.argv[3] in a["urls"], a["urls"]
assert arts[1]["column"] == "创新政策", arts[1]["column"]
assert any("6月4日" in t for t in a["text"]), a["text"][:2]
PY

# ---- --list, --search: --filter, --format ----------------------------------
"$KB" -d "$DB" --list --filter 'country:jp year:2021' --format tsv >"$TMP/tsv"
check "--list --filter --format tsv: key, date, issue, column, title" \
    python3 - "$TMP/tsv" "$T1" <<'PY'
import re, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 2, rows
assert all(len(r) == 5 and re.fullmatch("[0-9a-f]{12}", r[0]) for r in rows), rows
assert [r[1] for r in rows] == ["2021-08-05"] * 2, rows
assert [r[3] for r in rows] == ["战略规划", "创新政策"], rows
assert rows[0][4] == sys.argv[2], rows
PY
"$KB" -d "$DB" --search 美国 --filter 'year:..2019' --limit 0 --format json >"$TMP/sj"
check "--search --filter year:..2019 --format json: results of 2019 only, 美国商务部发布《确保关键矿物安全可靠供应的联邦战略》 among them" \
    python3 - "$TMP/sj" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows and all(r["date"] == "2019" for r in rows), rows
assert "美国商务部发布《确保关键矿物安全可靠供应的联邦战略》" in [r["title"] for r in rows], rows
PY
"$KB" -d "$DB" --list --filter 'country:jp year:1990' >"$TMP/none"
[ ! -s "$TMP/none" ]
outcome $? "--list --filter matching nothing prints nothing"

"$KB" -d "$DB" --list --filter 'year:2021 (' >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc -eq 2 ] && [ ! -s "$TMP/out" ] && grep -q '^kuaibao: --filter: .*column 11' "$TMP/err"
outcome $? "--filter with a fault: status 2, one line naming its column: $(cat "$TMP/err")"
"$KB" -d "$DB" --flagged --list >/dev/null 2>&1
[ $? -eq 2 ]
outcome $? "--flagged without --export: a usage error"
"$KB" -d "$DB" --export --format xml --flagged >/dev/null 2>&1
[ $? -eq 2 ]
outcome $? "--export --format xml: a usage error"

KEY=$(cut -f1 "$TMP/tsv" | head -n 1)

# ---- the reader: e, E and | -----------------------------------------------
W=120 H=30 S=ex
screen_size "$W" "$H"
reader $S $W $H XDG_STATE_HOME="$TMP/state1"
wait_for $S '?:帮助' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }
keys $S : && type_text $S 'filter country:jp year:2021' && keys $S Enter
wait_status $S '\[筛选 country:日本 year:2021\]' && wait_stable $S
keys $S e
wait_status $S '^导出当前视图到：kuaibao-[0-9]{8}-[0-9]{4}\.md$' && wait_stable $S
outcome $? "e: the path asked for, a dated .md in the current directory offered"
keys $S C-u && type_text $S "$TMP/view.md" && keys $S Enter
wait_status $S "已导出 2 篇到 $TMP/view.md" && wait_stable $S
outcome $? "e, a path: the view's 2 articles exported"
[ "$(grep -c '^## ' "$TMP/view.md")" -eq 2 ] && grep -qxF "## $T1" "$TMP/view.md" &&
    ! ls -a "$TMP" | grep -q '^\.view\.md\.'
outcome $? "the file holds both, and no temporary file is left beside it"
cp "$TMP/view.md" "$TMP/view.before"
echo "mine" >"$TMP/view.md"
keys $S e && keys $S C-u && type_text $S "$TMP/view.md" && keys $S Enter
wait_status $S "已存在，覆盖吗？" && wait_stable $S
outcome $? "e onto a file that exists: it asks first"
keys $S Enter
wait_status $S "未覆盖 $TMP/view.md" && wait_stable $S && [ "$(cat "$TMP/view.md")" = mine ]
outcome $? "Enter (no): the file is left as it was"
keys $S e && keys $S C-u && type_text $S "$TMP/view.md" && keys $S Enter
wait_status $S "已存在，覆盖吗？" && keys $S y Enter
wait_status $S "已导出 2 篇到 $TMP/view.md" && wait_stable $S && cmp -s "$TMP/view.md" "$TMP/view.before"
outcome $? "y: replaced by the export"

# the first article: flag it (m), open it, pipe it
keys $S j j
keys $S m
wait_status $S '已加星标' && wait_stable $S
outcome $? "m flags $T1"
keys $S : && type_text $S 'export -m' && keys $S Enter
wait_status $S '^导出加星标的文章到：' && keys $S C-u && type_text $S "$TMP/flagged.csv" && keys $S Enter
wait_status $S "已导出 1 篇到 $TMP/flagged.csv" && wait_stable $S && grep -qF "\"$T1\"" "$TMP/flagged.csv"
outcome $? ":export -m: the flagged article exported, as CSV by the name's extension"
keys $S Enter
wait_for $S "$T1" && wait_stable $S
keys $S '|'
wait_status $S '^管道到命令：$' && wait_stable $S
outcome $? "|: asks for a command"
type_text $S "grep -c '^编辑：惠仲阳\$' >$TMP/pipe.out; echo piped-ok" && keys $S Enter
wait_for $S 'piped-ok' && wait_for $S '按 Enter 返回 kuaibao'
outcome $? "the command runs on the terminal, its output shown until Enter"
[ "$(cat "$TMP/pipe.out" 2>/dev/null)" = 1 ]
outcome $? "the command read the article's text: its editor line once"
keys $S Enter
wait_status $S '\?:帮助$' && wait_for $S "$T1" && wait_stable $S
outcome $? "Enter: back in the reader, the article on the screen"
keys $S : && type_text $S 'view add 日本 country:jp' && keys $S Enter
wait_status $S '已保存视图“日本”' && wait_stable $S
quit_reader $S

# ---- the state between machines ----------------------------------------
"$KB" -d "$DB" --state-export "$TMP/state.txt" 2>"$TMP/err"
[ $? -eq 0 ] && [ "$(head -n 1 "$TMP/state.txt")" = kuaibao-state/1 ] &&
    grep -q "^mark	$KEY	[01]	1	[0-9]*\$" "$TMP/state.txt" &&
    grep -q "^view	日本	country:日本	[0-9]*\$" "$TMP/state.txt"
outcome $? "--state-export: the flag by the article's key, and the view" ||
    diag <"$TMP/state.txt"

# elsewhere: the archive built again, a state of its own
"$KB_IMPORT" --data-dir data -o "$TMP/rebuilt.db" data/corpus/* 2>/dev/null
export XDG_STATE_HOME="$TMP/state2"
"$KB" -d "$TMP/rebuilt.db" --state-import "$TMP/state.txt" 2>"$TMP/err"
[ $? -eq 0 ] && [ ! -s "$TMP/err" ]
outcome $? "--state-import into a fresh state on a rebuilt archive" || diag <"$TMP/err"
"$KB" -d "$TMP/rebuilt.db" --list --filter is:flagged --format tsv >"$TMP/fl"
[ "$(cut -f5 "$TMP/fl")" = "$T1" ]
outcome $? "the flag is back: --filter is:flagged lists $T1"
"$KB" -d "$TMP/rebuilt.db" --state-export - | grep -q "^view	日本	country:日本	"
outcome $? "the view is back"

# merging: an older change does not undo a newer one; a newer one does
printf 'kuaibao-state/1\nmark\t%s\t0\t0\t1\n' "$KEY" >"$TMP/old.txt"
"$KB" -d "$TMP/rebuilt.db" --state-import "$TMP/old.txt"
"$KB" -d "$TMP/rebuilt.db" --list --filter is:flagged --format tsv | grep -qF "$T1"
outcome $? "an older mark in the file leaves the newer flag"
printf 'kuaibao-state/1\nmark\t%s\t1\t0\t4102444800\n' "$KEY" >"$TMP/new.txt"
"$KB" -d "$TMP/rebuilt.db" --state-import "$TMP/new.txt"
[ -z "$("$KB" -d "$TMP/rebuilt.db" --list --filter is:flagged)" ]
outcome $? "a newer mark in the file replaces it: no longer flagged"

printf 'kuaibao-state/1\nview\tx\tcountry:jp\t5\nmark\tk\t1\n' >"$TMP/bad.txt"
"$KB" -d "$TMP/rebuilt.db" --state-import "$TMP/bad.txt" 2>"$TMP/err"
rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "bad.txt:3: mark" "$TMP/err" &&
    ! "$KB" -d "$TMP/rebuilt.db" --state-export - | grep -q '^view	x	'
outcome $? "a bad line: one message naming file:line, and nothing of the file taken: $(cat "$TMP/err")"

finish

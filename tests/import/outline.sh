#!/bin/sh
# kuaibao-import --outline (TAP).  Run from the top of the tree; the
# importer is ${KB_BUILD:-build}/kuaibao-import.
#
# The outline of data/corpus/000 against what the document prints, read
# by hand: no cover, so no date or number, the year 2023 from its notes'
# URLs (…/uploads/2023/04/…); seven columns; the first article's title
# at line 3, its date "4 月 20 日", its editors "（张秋菊 秦冰雪）" at line
# 236, its notes 1 and 2 cited at lines 7 and 29; the last article at
# line 1280, "4 月 6 日", "（贾晓琪）", notes 17 to 21.  Then: nothing is
# written, the exit status is --json's, document text is sanitised.
. "$(dirname "$0")/lib.sh"
errlog=$tmp/err

c000=data/corpus/000_c7f35d69aa6ccfdf.txt

"$imp" --outline --data-dir "$data" -o "$tmp/no.db" "$c000" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || fail "exit status $rc"
[ -e "$tmp/no.db" ] && fail "a database was written"
[ "$(sed -n 1p "$tmp/out")" = \
    "$c000: 科技政策与咨询快报 2023 (no date, no number)" ] ||
    fail "first line: $(sed -n 1p "$tmp/out")"
[ "$(sed -n 2p "$tmp/out")" = "  专题评述" ] ||
    fail "second line: $(sed -n 2p "$tmp/out")"
[ "$(sed -n 3p "$tmp/out")" = \
    "     1  美国发布促进清洁能源发展的《美国国家创新路径》  L3  2023-04-20  张秋菊 秦冰雪  notes 2/2" ] ||
    fail "third line: $(sed -n 3p "$tmp/out")"
[ "$(tail -n 1 "$tmp/out")" = \
    "    14  俄罗斯与越南扩大科技合作  L1280  2023-04-06  贾晓琪  notes 5/5" ] ||
    fail "last line: $(tail -n 1 "$tmp/out")"
cols=$(grep -c '^  [^ ]' "$tmp/out")
arts=$(grep -c '^    ' "$tmp/out")
[ "$cols" -eq 7 ] || fail "$cols columns, expected 7"
[ "$arts" -eq 14 ] || fail "$arts articles, expected 14"
[ "$(grep '^  [^ ]' "$tmp/out" | tr -d ' ' | tr '\n' ' ')" = \
    "专题评述 战略规划 创新政策 智库观点 体制机制 科技投入 国际合作 " ] ||
    fail "columns: $(grep '^  [^ ]' "$tmp/out" | tr '\n' ' ')"
check "000: issue, 7 columns, 14 articles; the first and last as printed"

# A refused file among good ones: left out, status 2, the others shown.
: >"$tmp/empty.txt"
"$imp" --outline --data-dir "$data" "$tmp/empty.txt" "$c000" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
grep -q "^$c000: " "$tmp/out" || fail "000 is not outlined"
grep -q "empty" "$tmp/out" && fail "the empty file is outlined"
check "a refused file: left out, status 2, as with --json"

# Document text is sanitised; what is missing is said.
esc=$(printf '\033')
printf ' 专题评述 \n\n美国发布%s[31m红色战略 \n\n6 月，美国发布新战略。 \n\n' \
    "$esc" >"$tmp/ctl.txt"
"$imp" --outline --data-dir "$data" "$tmp/ctl.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1 (a control character)"
grep -q "$esc" "$tmp/out" && fail "raw ESC in the outline"
grep -Fxq "$tmp/ctl.txt: 科技政策与咨询快报 (no year, no date, no number)" \
    "$tmp/out" || fail "issue line: $(sed -n 1p "$tmp/out")"
grep -Fxq "     1  美国发布^[[31m红色战略  L3  6月  (no editors)  notes 0/0" \
    "$tmp/out" || fail "article line: $(sed -n 3p "$tmp/out")"
check "control characters in a title: escaped; missing date and editors said"

echo "1..$n"
[ "$fails" -eq 0 ]

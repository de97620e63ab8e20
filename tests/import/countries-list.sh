#!/bin/sh
# The members column of countries.tsv (TAP): a group's members, named
# by rows above or below it, become subjects with the group; a member
# that names no other row, or a year after @ that is no year, is one
# ERROR line pointing at the member (FILE:LINE:COL), exit status 2, and
# nothing is imported.  Expected columns counted by hand: in
#   测试集团<TAB>TG<TAB>-<TAB>-<TAB>-<TAB>-<TAB>-<TAB>乙国;火星
# 火星 starts at character 22 (4 + 1 + 2 + 1 + 5 * 2 + 3, plus one).
. "$(dirname "$0")/lib.sh"

themes=$data/themes.tsv
T=$(printf '\t')
printf '## 国际合作\n\n### 测试集团发布联合声明\n\n文件提出了多项具体措施。（张三）\n' \
    >"$tmp/issue.md"

# run LIST: the importer on issue.md with LIST; $tmp/out, $tmp/err, $rc
run() {
	"$imp" --countries "$1" --themes "$themes" --json "$tmp/issue.md" \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
errlog=$tmp/err

# a group above its member: both are subjects, the group first
printf '%s\n' "测试集团${T}TG${T}-${T}-${T}-${T}-${T}-${T}乙国" \
    "乙国${T}YY" >"$tmp/ok.tsv"
run "$tmp/ok.tsv"
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
grep -qE ': (WARNING|ERROR|FATAL): ' "$tmp/err" &&
    fail "messages on standard error"
grep -q '"countries": \[{"name": "测试集团", "role": "subject"}, {"name": "乙国", "role": "subject"}\]' \
    "$tmp/out" || fail "countries: $(grep -o '"countries": [^]]*]' "$tmp/out")"
check "a group's member listed below it is a subject with the group"

# a member that is no row
printf '%s\n' "测试集团${T}TG${T}-${T}-${T}-${T}-${T}-${T}乙国;火星" \
    "乙国${T}YY" >"$tmp/unknown.tsv"
run "$tmp/unknown.tsv"
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "not one line on standard error"
grep -qx "kuaibao-import: $tmp/unknown.tsv:1:22: ERROR: a member must be the name of another row" \
    "$tmp/err" || fail "no ERROR at 1:22"
[ -s "$tmp/out" ] && fail "something was printed on standard output"
check "a member that is no row: one ERROR at its line and column, exit 2"

# the group itself
printf '%s\n' "乙国${T}YY" \
    "测试集团${T}TG${T}-${T}-${T}-${T}-${T}-${T}乙国;测试集团" >"$tmp/self.tsv"
run "$tmp/self.tsv"
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
grep -qx "kuaibao-import: $tmp/self.tsv:2:22: ERROR: a member must be the name of another row" \
    "$tmp/err" || fail "no ERROR at 2:22"
check "a group is not its own member"

# a year that is none
printf '%s\n' "测试集团${T}TG${T}-${T}-${T}-${T}-${T}-${T}乙国@20x4" \
    "乙国${T}YY" >"$tmp/year.tsv"
run "$tmp/year.tsv"
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
grep -qx "kuaibao-import: $tmp/year.tsv:1:19: ERROR: a member's year, after @, must be 1900 to 2999" \
    "$tmp/err" || fail "no ERROR at 1:19"
check "a member's year that is no year: one ERROR at the member, exit 2"

# the shipped list loads, and every group's members are rows
run "$data/countries.tsv"
[ "$rc" -eq 0 ] || fail "exit status $rc, expected 0"
grep -qE ': (WARNING|ERROR|FATAL): ' "$tmp/err" &&
    fail "messages on standard error"
check "data/countries.tsv loads without a message"

echo "1..$n"
[ "$fails" -eq 0 ]

#!/bin/sh
# The importer's messages, end to end (TAP).  Run from the top of the
# tree; the importer is ${KB_BUILD:-build}/kuaibao-import.
#
# The summary line after a file, with counts read from the document by
# hand; notices only with -v, nothing but errors with -q; the warnings of
# the check pass on documents changed to need them; exit status 3 for a
# fatal error; and no escape sequence from a document, a path or a
# database on standard error.  The catalogue itself (every message at
# its level, the line format) is tested in tests/unit/test-diag.c, the
# check pass on hand-built issues in tests/unit/test-check.c.
. "$(dirname "$0")/lib.sh"
errlog=$tmp/err

# run ARGS...: stdout in $tmp/out, stderr in $tmp/err, status in $rc.
run() {
	"$imp" --data-dir "$data" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# has LINE: stderr has exactly this line.
has() {
	grep -Fxq -- "$1" "$tmp/err" || fail "no line '$1'"
}

# no_esc: no ESC, BEL or C1 CSI byte reached stderr.
no_esc() {
	if tr -d -c '\033\007' <"$tmp/err" | grep -q . ||
	    grep -q "$(printf '\302\233')" "$tmp/err"; then
		fail "raw escape bytes on stderr: $(cat -v "$tmp/err" | head -c 300)"
	fi
}

c000=data/corpus/000_c7f35d69aa6ccfdf.txt
md06=tests/import/unseen/2024-06.md

# --- the summary line and the levels shown ---

# 000, read by hand: seven column names (专题评述 at line 1, 战略规划 238,
# 创新政策 563, 智库观点 690, 体制机制 916, 科技投入 1084, 国际合作 1192),
# fourteen articles (fourteen editors' parentheses), footnotes 1 to 21,
# each cited by its marker.
sum000="kuaibao-import: $c000: 14 articles in 7 columns, 21 notes bound, 0 warnings"
run --json "$c000"
[ "$rc" -eq 0 ] || fail "exit status $rc"
[ "$(cat "$tmp/err")" = "$sum000" ] ||
    fail "stderr is not the summary line alone"
check "000: one summary line, 14 articles in 7 columns, 21 notes bound"

run -v --json "$c000"
[ "$rc" -eq 0 ] || fail "exit status $rc"
for l in 1:专题评述 238:战略规划 563:创新政策 690:智库观点 916:体制机制 \
    1084:科技投入 1192:国际合作; do
	has "kuaibao-import: $c000:${l%%:*}: NOTICE: column inferred: ${l#*:}"
done
has "$sum000"
[ "$(grep -c ': NOTICE: column inferred: ' "$tmp/err")" -eq 7 ] ||
    fail "$(grep -c ': NOTICE: column inferred' "$tmp/err") column notices, not 7"
grep -q ': NOTICE: cover' "$tmp/err" && fail "a cover notice (000 has no cover)"
# the running header and the page number between pages 1 and 2, read
# from the document: lines 53 and 55
has "kuaibao-import: $c000:53:1: NOTICE: page header dropped: 科技政策与咨询快报"
has "kuaibao-import: $c000:55:1: NOTICE: page number dropped: 2"
check "-v: a NOTICE for each of 000's seven columns, at its line, no more; the page furniture dropped"

# 003, read by hand: a cover from line 3 (# 科技政策与咨询快报 at 5,
# 2021年8月5日 at 10, 总第086期 第08期 at 23), then 目录 at line 25 with 18
# entries under 8 column names before the first column at line 74.
c003=data/corpus/003_2f977091897462c0.txt
run -v --json "$c003"
has "kuaibao-import: $c003:3: NOTICE: cover found: 科技政策与咨询快报 2021-08-05 总第086期 第08期"
has "kuaibao-import: $c003:25: NOTICE: contents skipped: 18 entries in 8 columns"
has "kuaibao-import: $c003:74: NOTICE: column inferred: 专题评述"
check "-v: 003's cover and contents, as printed"

run --json "$c000"
grep -q NOTICE "$tmp/err" && fail "a NOTICE without -v"
run -q --json "$c000"
[ -s "$tmp/err" ] && fail "stderr with -q: $(head -c 200 "$tmp/err")"
[ "$rc" -eq 0 ] || fail "exit status $rc"
run -q -o "$tmp/q.db" --new "$c000"
[ -s "$tmp/err" ] && fail "stderr with -q into a database"
run -o "$tmp/q.db" --new "$c000"
has "$sum000"
has "kuaibao-import: $tmp/q.db: 1 file, 14 articles"
check "no notices by default; -q: nothing on stderr; the run's summary"

# --- warnings of the check pass ---

# 000 without the editors of its first article (line 236, （张秋菊 秦冰雪））:
# the article at line 3 has none where the 13 others have theirs.
sed '236d' "$c000" >"$tmp/noeditors.txt"
run --json "$tmp/noeditors.txt"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
has "kuaibao-import: $tmp/noeditors.txt:3: WARNING: article without editors, where most have them: 美国发布促进清洁能源发展的《美国国家创新路径》"
has "kuaibao-import: $tmp/noeditors.txt: 14 articles in 7 columns, 21 notes bound, 1 warning"
check "an article without editors among 14: one WARNING at its title"

# A sentence before 000's first column: dropped, and said so.
{ echo "这是一段说明文字，不属于任何文章，放在第一篇文章之前。 "; echo
  cat "$c000"; } >"$tmp/before.txt"
run --json "$tmp/before.txt"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
has "kuaibao-import: $tmp/before.txt:1: WARNING: text before the first article dropped: 这是一段说明文字，不属于任何文章，放在第一篇文章之前。"
check "text before the first article: a WARNING quoting it"

# 2024-06.md without the marker of note 3 (line 108) and with a marker
# 13 that no note answers (line 168): 12 notes, 11 cited.
sed -e '108s|<sup>3</sup>||' -e '168s|园区<sup>6</sup>|园区<sup>6</sup><sup>13</sup>|' \
    "$md06" >"$tmp/notes.md"
run --json "$tmp/notes.md"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
has "kuaibao-import: $tmp/notes.md:124: WARNING: footnote cited by no marker: 3"
has "kuaibao-import: $tmp/notes.md:168: WARNING: marker with no footnote: [^13]"
has "kuaibao-import: $tmp/notes.md: 11 articles in 6 columns, 11 of 12 notes bound, 2 warnings"
check "a note no marker cites, a marker with no note: a WARNING each"

# --- fatal errors: status 3 ---

run --json --year 20x "$c000"
[ "$rc" -eq 3 ] || fail "--year 20x: exit status $rc"
has "kuaibao-import: FATAL: --year: not a year from 1900 to 2200: 20x"
run --json --date 2024-5-20 "$c000"
[ "$rc" -eq 3 ] || fail "--date 2024-5-20: exit status $rc"
has "kuaibao-import: FATAL: --date: expected YYYY-MM-DD: 2024-5-20"
printf 'not a database\n' >"$tmp/not.db"
run -o "$tmp/not.db" "$c000"
[ "$rc" -eq 3 ] || fail "a file that is no database: exit status $rc"
grep -q "^kuaibao-import: $tmp/not.db: FATAL: cannot add to this database; --new replaces it: " \
    "$tmp/err" || fail "no FATAL line naming $tmp/not.db"
check "bad --year, bad --date, a target that is no database: FATAL, status 3"

# Memory runs out (a 10 MB paragraph under a 40 MB limit): fatal().
awk 'BEGIN { print "超长段落测试"; print "";
	for (i = 0; i < 150000; i++)
		print "各国政府发布科技创新政策，推动研究与开发。标记" }' >"$tmp/big.txt"
case "$imp" in
*asan*)
	skip "out of memory: status 3 (ASan cannot run under ulimit -v)" ;;
*)
	(ulimit -v 40000 && "$imp" --json --data-dir "$data" "$tmp/big.txt") \
	    >/dev/null 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 3 ] || fail "exit status $rc, expected 3"
	grep -q '^kuaibao-import: FATAL: cannot go on: out of memory' \
	    "$tmp/err" || fail "no 'FATAL: cannot go on: out of memory'"
	check "out of memory: one FATAL line, status 3" ;;
esac

# --- no escape sequence on stderr ---

# An article of more than 65535 blocks whose title writes to the
# clipboard (OSC 52): the warning quotes the title, escaped.
esc=$(printf '\033')
bel=$(printf '\007')
{ printf ' 专题评述 \n\n美国发布%s]52;c;aGk=%s新战略 \n\n' "$esc" "$bel"
  awk 'BEGIN { print "4 月 20 日，美国发布新战略。 "; print ""
	for (i = 0; i < 66000; i++) printf "第%d段。 \n\n", i
	print "（张秋菊） " }'; } >"$tmp/huge.txt"
run --new -o "$tmp/huge.db" "$tmp/huge.txt"
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
grep -Fq "$tmp/huge.txt:3: WARNING: article too long for the database; the rest is left out: 美国发布^[]52;c;aGk=^G新战略: more than 65535 blocks" \
    "$tmp/err" || fail "no 'article too long' WARNING at line 3 quoting the title escaped"
no_esc
check "a hostile title in 'article too long': quoted without ESC or BEL"

# An issue imported from a path that carries OSC 52, then again from
# another path: the notice names the old path, from the database.
hostile=$tmp/$(printf 'old\033]52;c;aGk=\007.txt')
cp "$c000" "$hostile"
cp "$c000" "$tmp/new.txt"
run --new -o "$tmp/p.db" "$hostile"
[ "$rc" -eq 0 ] || fail "first import: exit status $rc"
no_esc
run -v -o "$tmp/p.db" "$tmp/new.txt"
[ "$rc" -eq 0 ] || fail "second import: exit status $rc"
has "kuaibao-import: $tmp/new.txt: NOTICE: replaces the same issue, imported before: from $tmp/old^[]52;c;aGk=^G.txt"
no_esc
run -v --outline "$hostile"
no_esc
grep -q "$esc" "$tmp/out" && fail "raw ESC in the outline"
grep -Fq 'old\033]52;c;aGk=\007.txt: 科技政策与咨询快报' "$tmp/out" ||
    fail "the outline does not name the file with octal escapes"
check "a hostile path: escaped in notices, summaries and the outline"

echo "1..$n"
[ "$fails" -eq 0 ]

#!/bin/sh
# Robustness of kuaibao-import against bad input (TAP).  Run from the top
# of the tree; the importer is ${KB_BUILD:-build}/kuaibao-import.
#
# For each input: the exit status, every diagnostic is one well-formed
# line naming the file (and line:col where the manual says so); for
# refused files, that an existing database given with -o is unchanged
# byte for byte and no temporary file is left; for accepted files, that
# the JSON dump is valid and the content survived.
. "$(dirname "$0")/lib.sh"
errlog=$tmp/err	# its start goes with a failed check

if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is needed to check the JSON"
	exit 0
fi

# JSON helper: valid FILE | norm FILE (canonical, no "source") |
# contains FILE NEEDLES (one needle a line; all must be in some string
# value) | longest FILE (length of the longest string value) |
# count FILE NEEDLE (occurrences over all string values)
cat >"$tmp/j.py" <<'EOF'
import json, sys
def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
def load(p):
    with open(p, encoding="utf-8") as f:
        return json.load(f)
cmd, path = sys.argv[1], sys.argv[2]
try:
    doc = load(path)
except Exception as e:
    print("invalid JSON: %s" % e)
    sys.exit(1)
if cmd == "valid":
    ok = isinstance(doc, dict) and doc.get("format") == "kuaibao-dump/1" \
        and isinstance(doc.get("issues"), list)
    if not ok:
        print("not a kuaibao-dump/1 document")
    sys.exit(0 if ok else 1)
if cmd == "norm":
    for i in doc["issues"]:
        i.pop("source", None)
    print(json.dumps(doc, sort_keys=True, ensure_ascii=True, indent=0))
elif cmd == "contains":
    text = "\x00".join(strings(doc))
    with open(sys.argv[3], encoding="utf-8", newline="\n") as f:
        needles = [l for l in f.read().split("\n") if l]
    missing = [nd for nd in needles if nd not in text]
    for m in missing:
        print("missing: %r" % m[:80])
    sys.exit(1 if missing else 0)
elif cmd == "longest":
    print(max([len(s) for s in strings(doc)] + [0]))
elif cmd == "count":
    print(sum(s.count(sys.argv[3]) for s in strings(doc)))
elif cmd == "articles":
    print(sum(len(s["articles"]) for i in doc["issues"]
              for s in i["sections"]))
EOF
j() { python3 "$tmp/j.py" "$@"; }

# run ARGS...: runs the importer, stdout in $tmp/out, stderr in
# $tmp/err, status in $rc.
# $pre: a command to run the importer under (setpriv), normally empty.
pre=
run() {
	$pre "$imp" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# diag_lines: every line on stderr is a diagnostic, a file's summary or
# the run's.
diag_lines() {
	bad=$(grep -v -E '^kuaibao-import: (.+: )?(NOTICE|WARNING|ERROR|FATAL): .' \
	    "$tmp/err" | grep -v -E '^kuaibao-import: (nothing written; .* is unchanged|.*: [0-9]+ files?, [0-9]+ articles)$' |
	    grep -v -E '^kuaibao-import: .+: [0-9]+ articles? in [0-9]+ (column|part)s?, [0-9]+( of [0-9]+)? notes bound, [0-9]+ warnings?$')
	[ -z "$bad" ] || fail "stray stderr line(s): $(echo "$bad" | head -c 200)"
}

# expect_diag FILE LEVEL [LINE[:COL]] [COUNT]: exactly COUNT (default 1)
# LEVEL lines, each one line naming FILE (and LINE:COL if given).
expect_diag() {
	f=$1
	lvl=$2
	pos=${3:-}
	want=${4:-1}
	prefix="kuaibao-import: $f${pos:+:$pos}: $lvl: "
	got=$(awk -v p="$prefix" 'index($0, p) == 1' "$tmp/err" | wc -l)
	all=$(grep -c ": $lvl: " "$tmp/err")
	if [ "$got" -ne "$want" ] || [ "$all" -ne "$want" ]; then
		fail "expected $want line(s) starting '$prefix', got $got" \
		    "(and $all $lvl lines in all)"
	fi
	diag_lines
}

expect_rc() {	# STATUS, or "0|1"
	case "$1" in
	"0|1") [ "$rc" -le 1 ] || fail "exit status $rc, expected 0 or 1" ;;
	*) [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1" ;;
	esac
}

# The database an error must leave untouched.
mkdir -p "$tmp/db" "$tmp/in"
db=$tmp/db/kb.db
"$imp" -q --new -o "$db" --data-dir "$data" data/corpus/004_*.txt
if [ ! -s "$db" ]; then
	echo "1..1"
	echo "not ok 1 - cannot build the base database"
	exit 1
fi
sum0=$(cksum <"$db")

# refused FILE LEVEL [POS]: exit 2 with -o, one diagnostic, the DB
# unchanged, no temp file, and --json refuses it too.
refused() {
	f=$1
	run -o "$db" --data-dir "$data" "$f"
	expect_rc 2
	expect_diag "$f" "${2:-ERROR}" "${3:-}"
	grep -q "^kuaibao-import: nothing written; $db is unchanged\$" \
	    "$tmp/err" || fail "no 'nothing written; $db is unchanged'"
	[ "$(cksum <"$db")" = "$sum0" ] || fail "the database changed"
	left=$(ls -A "$tmp/db" | grep -v '^kb\.db$')
	[ -z "$left" ] || fail "left behind: $left"
	$pre "$imp" --json --data-dir "$data" "$f" >"$tmp/out" 2>/dev/null
	r=$?
	[ "$r" -eq 2 ] || fail "--json exit status $r, expected 2"
}

# accepted FILE STATUS [OPTION]: --json gives STATUS and a valid dump.
accepted() {
	run --json --data-dir "$data" ${3:-} "$1"
	expect_rc "$2"
	diag_lines
	if ! j valid "$tmp/out" >"$tmp/why"; then
		fail "$(cat "$tmp/why")"
	fi
}

# same_as_clean FILE: the dump equals the clean file's, "source" apart.
same_as_clean() {
	j norm "$tmp/out" >"$tmp/norm" 2>&1
	cmp -s "$tmp/norm" "$tmp/clean.norm" ||
	    fail "dump differs from the clean file's: $(diff "$tmp/clean.norm" \
	    "$tmp/norm" | head -n 6 | tr '\n' ' ' | head -c 400)"
}

# The clean reference: a bulletin excerpt (a section, articles, page
# furniture, footnotes).
clean=$tmp/in/clean.txt
sed -n '1,140p' data/corpus/000_c7f35d69aa6ccfdf.txt >"$clean"
nclean=$(wc -l <"$clean" | tr -d ' ')
run --json --data-dir "$data" "$clean"
j norm "$tmp/out" >"$tmp/clean.norm"
arts=$(j articles "$tmp/out")
if [ "$rc" -le 1 ] && [ "${arts:-0}" -ge 1 ]; then
	ok "clean excerpt imports ($arts articles)"
else
	notok "clean excerpt imports (status $rc, ${arts:-0} articles)"
fi

# --- accepted, converted inputs ---

f=$tmp/in/bom.txt
{ printf '\357\273\277'; cat "$clean"; } >"$f"
accepted "$f" 0
same_as_clean "$f"
check "UTF-8 BOM: dropped, same dump as the clean file"

f=$tmp/in/crlf.txt
awk '{ printf "%s\r\n", $0 }' "$clean" >"$f"
accepted "$f" 0
same_as_clean "$f"
check "CRLF line ends: same dump as the clean file"

f=$tmp/in/cr.txt
tr '\n' '\r' <"$clean" >"$f"
accepted "$f" 0
same_as_clean "$f"
check "lone CR line ends: same dump as the clean file"

f=$tmp/in/bom-crlf-ff.txt
{ printf '\357\273\277'; awk '{ printf "%s\r\n", $0 }' "$clean"; } >"$f"
accepted "$f" 0
same_as_clean "$f"
check "BOM and CRLF together: same dump as the clean file"

# NUL bytes at the start of lines 5 and 9: removed with one WARNING at
# 5:1 that counts them.
f=$tmp/in/nul.txt
{ sed -n '1,4p' "$clean"; printf '\000'; sed -n '5,8p' "$clean"
  printf '\000\000'; sed -n '9,$p' "$clean"; } >"$f"
accepted "$f" 1
same_as_clean "$f"
diag_lines
grep -q "^kuaibao-import: $f:5:1: WARNING: NUL bytes removed: 3, the first here\$" \
    "$tmp/err" || fail "no 'NUL bytes removed: 3, the first here' at 5:1"
[ "$(grep -c ': WARNING: ' "$tmp/err")" -eq 1 ] || fail "not 1 WARNING"
check "NUL bytes: removed, one WARNING at 5:1, same dump as the clean file"

f=$tmp/in/gb18030.txt
if iconv -f UTF-8 -t GB18030 <"$clean" >"$f" 2>/dev/null && [ -s "$f" ] &&
    ! cmp -s "$f" "$clean"; then
	accepted "$f" 0 -v
	same_as_clean "$f"
	[ "$(grep -c "^kuaibao-import: $f: NOTICE: not UTF-8: converted from GB18030\$" \
	    "$tmp/err")" -eq 1 ] || fail "not one 'not UTF-8: converted from GB18030'"
	accepted "$f" 0
	grep -q NOTICE "$tmp/err" && fail "a NOTICE without -v"
	check "GB18030 text: converted with one NOTICE with -v, same dump"
else
	skip "GB18030 text: iconv cannot make GB18030 here"
fi

for e in LE BE; do
	f=$tmp/in/utf16$e.txt
	if [ $e = LE ]; then bom='\377\376'; else bom='\376\377'; fi
	if { printf "$bom"; iconv -f UTF-8 -t UTF-16$e <"$clean"; } \
	    >"$f" 2>/dev/null; then
		accepted "$f" 0 -v
		same_as_clean "$f"
		[ "$(grep -c "^kuaibao-import: $f: NOTICE: converted from UTF-16\$" \
		    "$tmp/err")" -eq 1 ] || fail "not one 'converted from UTF-16'"
		accepted "$f" 0
		grep -q NOTICE "$tmp/err" && fail "a NOTICE without -v"
		check "UTF-16$e with BOM: converted with one NOTICE with -v, same dump"
	else
		skip "UTF-16$e: iconv cannot make UTF-16$e here"
	fi
done

# --- refused inputs: exit 2, the database untouched ---

f=$tmp/in/binary.bin
{ printf '\177ELF\002\001\001'; head -c 8192 /dev/zero
  printf 'some text\n'; head -c 4096 /dev/zero; } >"$f"
refused "$f"
grep -q 'ERROR: binary file' "$tmp/err" || fail "not called binary"
check "mostly NUL bytes: refused as binary, DB unchanged"

f=$tmp/in/empty.txt
: >"$f"
refused "$f"
grep -q 'ERROR: empty file$' "$tmp/err" || fail "not called 'empty file'"
check "empty file: refused, DB unchanged"

f=$tmp/in/blank.txt
printf '  \n\t\n\n\r\n   \f\n' >"$f"
refused "$f"
grep -q 'ERROR: empty file$' "$tmp/err" || fail "not called 'empty file'"
check "blank-only file: refused as empty, DB unchanged"

# Invalid UTF-8 in the middle: after the first 10 lines, a line
# "前缀ABC" then 0xff: line 11, column 6.
f=$tmp/in/bad-utf8.txt
{ sed -n '1,10p' "$clean"; printf '前缀ABC\377后缀\n'
  sed -n '11,$p' "$clean"; } >"$f"
refused "$f" ERROR 11:6
grep -q 'byte 0xff' "$tmp/err" || fail "the byte is not named"
check "invalid UTF-8 in the middle: ERROR at 11:6, DB unchanged"

# The same in the first line and column.
f=$tmp/in/bad-utf8-first.txt
{ printf '\200'; cat "$clean"; } >"$f"
refused "$f" ERROR 1:1
check "invalid UTF-8 at the very start: ERROR at 1:1, DB unchanged"

# Truncated UTF-8 at EOF: the file ends with 2 of the 3 bytes of 中
# after "结尾" on a last line without a newline.
f=$tmp/in/truncated.txt
{ cat "$clean"; printf '结尾\344\270'; } >"$f"
refused "$f" ERROR "$((nclean + 1)):3"
check "truncated UTF-8 at EOF: ERROR at $((nclean + 1)):3, DB unchanged"

# An overlong encoding and an encoded surrogate are not UTF-8 either.
f=$tmp/in/overlong.txt
{ printf 'Title line\n\n'; printf 'ab\300\257cd \355\240\200\n'; } >"$f"
refused "$f" ERROR 3:3
check "overlong UTF-8 sequence: ERROR at 3:3, DB unchanged"

f=$tmp/in/a-directory
mkdir -p "$f"
refused "$f"
check "a directory: refused, DB unchanged"

f=$tmp/in/missing.txt
refused "$f"
grep -q 'No such file' "$tmp/err" || fail "no 'No such file'"
check "a missing file: refused, DB unchanged"

f=$tmp/in/unreadable.txt
cp "$clean" "$f"
chmod 000 "$f"
if [ "$(id -u)" -ne 0 ]; then
	refused "$f"
	check "an unreadable file: refused, DB unchanged"
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --bounding-set=-dac_override,-dac_read_search true \
    2>/dev/null; then
	# root: drop the capabilities that bypass file permissions.
	pre="setpriv --bounding-set=-dac_override,-dac_read_search"
	refused "$f"
	pre=
	check "an unreadable file (root without DAC override): refused"
else
	skip "an unreadable file: running as root"
fi
chmod 644 "$f"

# A refused file among good ones: nothing at all is written.
run -o "$db" --data-dir "$data" "$clean" "$tmp/in/empty.txt" "$f"
expect_rc 2
[ "$(cksum <"$db")" = "$sum0" ] || fail "the database changed"
left=$(ls -A "$tmp/db" | grep -v '^kb\.db$')
[ -z "$left" ] || fail "left behind: $left"
check "one bad file among good ones: nothing written, DB unchanged"

# --- accepted, unusual inputs ---

# A 2 MiB line: a WARNING naming line 3, the text kept.
f=$tmp/in/long-line.txt
{ printf '一篇很长的文章\n\n'; head -c 2200000 /dev/zero | tr '\000' 'a'
  printf '\n'; } >"$f"
accepted "$f" 1
grep -q "^kuaibao-import: $f:3: WARNING: very long line" "$tmp/err" ||
    fail "no 'very long line' WARNING at line 3"
[ "$(j longest "$tmp/out")" -ge 2200000 ] || fail "the long line was cut"
check "a 2 MiB line: WARNING at line 3, kept whole"

# A 10 MB paragraph, wrapped as PDF text is: imports, into the database
# too, every sentence kept.
f=$tmp/in/big-paragraph.txt
awk 'BEGIN { print "超长段落测试"; print "";
	for (i = 0; i < 150000; i++)
		print "各国政府发布科技创新政策，推动研究与开发。标记" }' >"$f"
accepted "$f" "0|1"	# a warning or not: the structure is a guess
c=$(j count "$tmp/out" "推动研究与开发。标记")
[ "$c" = 150000 ] || fail "$c of 150000 sentences in the dump"
run -o "$tmp/big.db" --new --data-dir "$data" "$f"
[ "$rc" -le 1 ] || fail "into a database: exit status $rc"
check "a 10 MB single paragraph: imported whole ($(wc -c <"$f" |
    tr -d ' ') bytes)"

# A 5,000-character title line.
f=$tmp/in/long-title.txt
awk 'BEGIN { for (i = 0; i < 500; i++) printf "标题非常长的第%04d段", i;
	print ""; print ""; print "正文第一段。"; }' >"$f"
awk 'NR == 1' "$f" >"$tmp/needles"
accepted "$f" 1
j contains "$tmp/out" "$tmp/needles" >"$tmp/why" || fail "$(cat "$tmp/why")"
run -o "$tmp/title.db" --new --data-dir "$data" "$f"
[ "$rc" -le 1 ] || fail "into a database: exit status $rc"
check "a 5,000-character title: imported, kept whole"

# Only footnote-like lines: one article; every note's text survives.
f=$tmp/in/notes-only.txt
awk 'BEGIN { for (i = 1; i <= 40; i++)
	printf "%d Report number %d on policy. https://example.org/r/%d \n",
	    i, i, i }' >"$f"
awk 'BEGIN { for (i = 1; i <= 40; i++)
	printf "Report number %d on policy.\n", i }' >"$tmp/needles"
accepted "$f" 1
j contains "$tmp/out" "$tmp/needles" >"$tmp/why" || fail "$(cat "$tmp/why")"
[ "$(j articles "$tmp/out")" -ge 1 ] || fail "no article"
check "only footnote-like lines: imported, no note lost"

# run_limit SECONDS ARGS...: run with a time limit, $rc 124 if it ran out.
run_limit() {
	lim=$(($1 * 10))
	shift
	$pre "$imp" "$@" >"$tmp/out" 2>"$tmp/err" &
	p=$!
	k=0
	while kill -0 $p 2>/dev/null && [ $k -lt $lim ]; do
		sleep 0.1
		k=$((k + 1))
	done
	if kill -0 $p 2>/dev/null; then
		kill -KILL $p
		{ wait $p; } 2>/dev/null
		rc=124
	else
		wait $p
		rc=$?
	fi
}

# no_hang FILE: imports FILE with a limit of 30 s; fails unless the
# importer ended with status 0 or 1 ($rc: its status, 124 if it ran out).
no_hang() {
	run_limit 30 -q --json --data-dir "$data" "$1"
	[ "$rc" -le 1 ] || fail "exit status $rc (124: still running after 30 s)"
}

# Inputs that made the plain-text reader quadratic (a hang on a few MB):
# a different "running header" before every page number, and a page
# header repeated after each of thousands of titles.
f=$tmp/in/many-headers.txt
awk 'BEGIN { for (i = 0; i < 80000; i++)
	printf "页眉标题%d\n%d\n", i, i % 900 + 1 }' >"$f"
no_hang "$f"
check "80,000 page numbers, each after another header: no hang"

f=$tmp/in/many-titles.txt
awk 'BEGIN { for (i = 0; i < 200000; i++)
	printf "标题%d \n正文继续\n 页眉 \n", i }' >"$f"
no_hang "$f"
check "200,000 titles, each followed by a running header: no hang"

# Footnotes by the ten thousand (each a hang before): markers bound in
# one long paragraph; every note numbered 1; a 2.7 MB line before the
# notes.
f=$tmp/in/many-notes.txt
awk 'BEGIN { print " 专题评述 "; print ""; print "美国发布报告 "; print ""
	for (i = 0; i < 40000; i++) {
		printf "美国研究报告指出%d，", i % 9 + 1
		if (i % 5 == 4) print ""
	}
	print "结束。 "
	for (i = 0; i < 40000; i++)
		printf "%d Report %d. https://example.org/%d \n", i % 9 + 1, i, i
}' >"$f"
no_hang "$f"
if [ "$rc" -le 1 ]; then
	c=$(j count "$tmp/out" "[^")
	[ "$c" = 40000 ] || fail "$c of 40000 markers bound"
fi
check "40,000 footnotes cited in one paragraph: no hang"

f=$tmp/in/notes-one-number.txt
awk 'BEGIN { print " 专题评述 "; print ""; print "美国发布报告 "; print ""
	for (i = 0; i < 100000; i++) {
		printf "美国研究报告指出1，"
		if (i % 5 == 4) print ""
	}
	print "结束。 "
	for (i = 0; i < 100000; i++)
		printf "1 Report %d. https://example.org/%d \n", i, i
}' >"$f"
no_hang "$f"
check "100,000 footnotes all numbered 1: no hang"

f=$tmp/in/notes-after-long-line.txt
awk 'BEGIN { print " 专题评述 "; print ""; print "美国发布报告 "; print ""
	for (i = 0; i < 100000; i++) printf "美国研究报告指出，"
	print "政策1。 "
	for (i = 0; i < 10000; i++)
		printf "1 Report %d. https://example.org/%d \n", i, i
}' >"$f"
no_hang "$f"
check "10,000 footnote lines after a 2.7 MB line: no hang"

# Markdown that was quadratic: an unclosed <sup>1 on every heading (a
# search through the rest of the file each time), a paragraph of '['
# and '<' never closed, a table row continued 40,000 times.
f=$tmp/in/unclosed-sup.md
awk 'BEGIN { print "# 科技政策与咨询快报"; print "## 专题评述"; print "### 标题"
	print "正文。"
	for (i = 0; i < 40000; i++) printf "# 标题<sup>1 %d\n", i }' >"$f"
no_hang "$f"
check "40,000 headings with an unclosed <sup>: no hang"

f=$tmp/in/unclosed-brackets.md
awk 'BEGIN { print "# 科技政策与咨询快报"; print "## 专题评述"; print "### 标题"
	for (i = 0; i < 1000000; i++) printf "[a<b"; print "" }' >"$f"
no_hang "$f"
[ "$rc" -le 1 ] && [ "$(j longest "$tmp/out")" -lt 4000000 ] &&
    fail "the paragraph lost text"
check "a 4 MB paragraph of unclosed '[' and '<': no hang"

f=$tmp/in/long-row.md
awk 'BEGIN { print "# 科技政策与咨询快报"; print "## 专题评述"; print "### 标题"
	print "头\t尾"; for (i = 0; i < 40000; i++) printf "\t续\n" }' >"$f"
no_hang "$f"
[ "$rc" -le 1 ] && [ "$(j count "$tmp/out" "续")" -ne 40000 ] &&
    fail "$(j count "$tmp/out" "续") of 40000 cells kept"
check "a table row continued 40,000 times: no hang, nothing lost"

# Terminal escapes, C1 controls and bidi overrides in a title, body,
# editors and a footnote: imported; the dump escapes ESC and BEL and
# never carries them raw; every piece survives.
f=$tmp/in/controls.txt
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')	# U+009B
nel=$(printf '\302\205')	# U+0085
rlo=$(printf '\342\200\256')	# U+202E
pdf=$(printf '\342\200\254')	# U+202C
lri=$(printf '\342\201\246')	# U+2066
pdi=$(printf '\342\201\251')	# U+2069
{
printf ' 专题评述 \n\n'
printf '美国发布%s[31m红色%s[0m《国家%s创新%s路径》 \n\n' \
    "$esc" "$esc" "$rlo" "$pdf"
printf '4 月 20 日，美国白宫科技政策办公室%s]0;pwned%s（OSTP）发布' \
    "$esc" "$bel"
printf '《美国国家创新路径》1，旨在加快推进%s31m清洁能源关键技术创新%s。' \
    "$csi" "$nel"
printf '报告指出，政府推进%s三管齐下%s的方法。 \n\n' "$lri" "$pdi"
printf '二、第二部分 \n\n正文第二段，继续说明。 \n\n'
printf '（叶京%s[2J%s） \n' "$esc" "$rlo"
printf '                                                  \n'
printf '1 National Innovation%s[5m Pathway. https://www.whitehouse.gov/x%s\\ \n' \
    "$esc" "$esc"
} >"$f"
{
printf '%s[31m红色%s[0m\n' "$esc" "$esc"
printf '国家%s创新%s路径\n' "$rlo" "$pdf"
printf '%s]0;pwned%s\n' "$esc" "$bel"
printf '%s31m清洁能源关键技术创新%s\n' "$csi" "$nel"
printf '%s三管齐下%s\n' "$lri" "$pdi"
printf '叶京%s[2J%s\n' "$esc" "$rlo"
printf 'Innovation%s[5m Pathway\n' "$esc"
} >"$tmp/needles"
accepted "$f" 1
expect_diag "$f" WARNING 3:5	# the first control character, once
grep -q 'control character kept; the reader shows it escaped: 0x1b$' \
    "$tmp/err" || fail "no 'control character kept …: 0x1b' WARNING"
tr -d -c '\000-\010\013-\037\177' <"$tmp/out" >"$tmp/raw"
[ -s "$tmp/raw" ] && fail "raw control bytes in the dump: $(od -An -c \
    "$tmp/raw" | head -n 2 | tr -s ' ')"
grep -q 'u001b\[31m' "$tmp/out" || fail "ESC not written as \\u001b"
grep -q 'u009b31m' "$tmp/out" || fail "CSI (U+009B) not written as \\u009b"
grep -q "$csi\|$nel" "$tmp/out" && fail "raw C1 controls in the dump"
j contains "$tmp/out" "$tmp/needles" >"$tmp/why" || fail "$(cat "$tmp/why")"
run -o "$tmp/ctl.db" --new --data-dir "$data" "$f"
[ "$rc" -eq 1 ] || fail "into a database: exit status $rc"
check "ESC/CSI/OSC, C1 and bidi controls: imported, escaped in the dump"

# A file name with a newline and an escape must still give ONE line
# that cannot drive the terminal.
f=$tmp/in/$(printf 'bad\nname\033[31m.txt')
: >"$f"
run --json --data-dir "$data" "$f"
expect_rc 2
lines=$(wc -l <"$tmp/err" | tr -d ' ')
[ "$lines" -eq 1 ] || fail "$lines lines on stderr for one diagnostic"
tr -d -c '\033' <"$tmp/err" | grep -q . && fail "raw ESC on stderr"
check "a file name with a newline and ESC: one escaped diagnostic line"
rm -f "$f"

# Several refusals in one run: one line each, every file named.
run --json --data-dir "$data" "$tmp/in/empty.txt" "$tmp/in/missing.txt" \
    "$tmp/in/bad-utf8.txt" "$tmp/in/a-directory"
expect_rc 2
for f in empty.txt missing.txt bad-utf8.txt:11:6 a-directory; do
	grep -q "^kuaibao-import: $tmp/in/$f: ERROR: " "$tmp/err" ||
	    fail "no ERROR line for $f"
done
[ "$(grep -c ': ERROR: ' "$tmp/err")" -eq 4 ] || fail "not 4 ERROR lines"
diag_lines
check "four bad files in one run: four ERROR lines, status 2"

# Committed fixtures (tests/import/bad/): each must import or be refused
# cleanly, never crash; FILE.status holds the expected status.
for f in tests/import/bad/*; do
	case "$f" in *.status|*/README) continue ;; esac
	[ -f "$f" ] || continue
	want=$(cat "$f.status" 2>/dev/null || echo any)
	run --json --data-dir "$data" "$f"
	if [ "$want" = any ]; then
		[ "$rc" -le 2 ] || fail "exit status $rc"
	else
		expect_rc "$want"
	fi
	diag_lines
	if [ "$rc" -le 1 ] && ! j valid "$tmp/out" >"$tmp/why"; then
		fail "$(cat "$tmp/why")"
	fi
	check "fixture $(basename "$f"): status $rc${want:+ (want $want)}"
done

echo "1..$n"
[ "$fails" -eq 0 ]

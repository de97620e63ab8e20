#!/bin/sh
# The printing modes, without a terminal:
#   kuaibao --cat KEY --width 60: compared with what the document says
#   (data/corpus/000_c7f35d69aa6ccfdf.txt, its first article): the title
#   line, the first paragraph's first line wrapped at 60 columns, note
#   [1]'s URL exactly (whole on its line), no line wider than 60
#   display columns but a URL's, no control character;
#   kuaibao --list: every article of the corpus (69), under its issue
#   and column, issues newest first with their counts;
#   kuaibao --search 芯片: "KEY  DATE  TITLE" of each article with it;
#   errors: an unknown key, a bad --width, --help, --version;
#   issues dated 1969 and 1968: listed in date order, both searched.
. tests/e2e/lib.sh

DOC=data/corpus/000_c7f35d69aa6ccfdf.txt
KEY=dd146d8cb3d5

# ---- what the document says ----
# The first article: its title is the document's second text line; its
# first paragraph the printed lines up to the heading "一、…"; the PDF
# sets a space around Arabic numbers and prints the note reference as a
# bare digit after 》 (the note itself, "1 National Innovation Pathway
# of The United States. https://…/U" + "S-National-…pdf", is at the
# foot of the page, its URL broken over two lines).
python3 - "$DOC" >"$TMP/doc" <<'EOF'
import re, sys
sys.path.insert(0, "tests/e2e")
from screen import cw
ls = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
ls = [l for l in ls if l]
title = ls[1]
end = next(i for i, l in enumerate(ls) if l.startswith("一、"))
para = "".join(ls[2:end])
para = re.sub(r" *([0-9]+) *", r"\1", para)
para = para.replace("》1，", "》[1]，", 1)
k = next(i for i, l in enumerate(ls) if l.startswith("1 National Innovation Pathway"))
url = re.search(r"https://\S+", ls[k]).group(0) + ls[k + 1].split()[0]
# the first line at 60 columns: as many characters as fit, not ending
# with an opening bracket, not leaving a closing one to start the next,
# not cutting a Latin word or a number
NO_START = "，。、；：）》”」？！"
NO_END = "（《“「"
w, cut = 0, 0
for i, ch in enumerate(para):
    if w + cw(ch) > 60:
        break
    w += cw(ch)
    cut = i + 1
while cut > 0 and (para[cut] in NO_START or para[cut - 1] in NO_END or
                   (para[cut - 1].isascii() and para[cut - 1].isalnum() and
                    para[cut].isascii() and para[cut].isalnum())):
    cut -= 1
print(title)
print(para[:cut])
print(url)
EOF
TITLE=$(sed -n 1p "$TMP/doc")
LINE1=$(sed -n 2p "$TMP/doc")
URL1=$(sed -n 3p "$TMP/doc")
if [ "$TITLE" = "$(expect article $KEY title)" ] && [ -n "$LINE1" ] &&
    [ "$URL1" = "https://www.whitehouse.gov/wp-content/uploads/2023/04/US-National-Innovation-Pathway.pdf" ]; then
	pass "the expectations are read from $DOC"
else
	fail "the expectations are read from $DOC" "$(cat "$TMP/doc")"
fi

# ---- --cat ----
if "$KB" --cat $KEY --width 60 -d "$KB_DB" >"$TMP/cat" 2>"$TMP/cat.err"; then
	pass "--cat $KEY --width 60 exits 0"
else
	fail "--cat $KEY --width 60 exits 0" "$(cat "$TMP/cat.err")"
fi
if [ "$(sed -n 1p "$TMP/cat")" = "$TITLE" ]; then
	pass "--cat: the first line is the title"
else
	fail "--cat: the first line is the title" "expected: $TITLE" "printed:  $(sed -n 1p "$TMP/cat")"
fi
# the first paragraph: the first line after the rule and a blank line
first=$(awk 'seen && NF { print; exit } index($0, "──────") == 1 { seen = 1 }' "$TMP/cat")
if [ "$first" = "$LINE1" ]; then
	pass "--cat: the first paragraph's first line, wrapped at 60 columns"
else
	fail "--cat: the first paragraph's first line, wrapped at 60 columns" "expected: $LINE1" "printed:  $first"
fi
url=$(awk '/^\[1\] / { on = 1; next } /^\[[0-9]+\] / { on = 0 }
    on && /^    https?:\/\// { u = 1 } on && u && /^    / { sub(/^    /, ""); printf "%s", $0 }' "$TMP/cat")
if [ "$url" = "$URL1" ]; then
	pass "--cat: note [1]'s URL, exactly (its wrapped lines joined)"
else
	fail "--cat: note [1]'s URL, exactly (its wrapped lines joined)" "expected: $URL1" "printed:  $url"
fi
check "--cat: no line wider than 60 display columns (but a URL's, whole on its line)" screen_py widths 60 "$TMP/cat" --urls
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$TMP/cat"; then
	fail "--cat: no control character" "$(LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$TMP/cat" | cat -v | head -5)"
else
	pass "--cat: no control character"
fi
"$KB" --cat $KEY --width 60 -d "$KB_DB" | screen_py article /dev/stdin "$CORPUS" $KEY 60 >"$TMP/art" 2>&1
if [ -s "$TMP/art" ]; then
	fail "--cat: the whole article (title, meta, rule, last paragraph, notes and URLs)" "$(cat "$TMP/art")"
else
	pass "--cat: the whole article (title, meta, rule, last paragraph, notes and URLs)"
fi

# ---- --list ----
if "$KB" --list -d "$KB_DB" >"$TMP/list" 2>"$TMP/list.err"; then
	pass "--list exits 0"
else
	fail "--list exits 0" "$(cat "$TMP/list.err")"
fi
check "--list: every article of the corpus, under its issue and column, issues newest first with their counts" \
    python3 - "$TMP/list" "$CORPUS" <<'EOF'
import re, sys
sys.path.insert(0, "tests/e2e")
from screen import load, ordered, issue_label
issues = load(sys.argv[2])
want = []
for iss in ordered(issues):
    n = sum(len(s["articles"]) for s in iss["sections"])
    want.append("%s (%d)  %s" % (issue_label(iss), n, iss["key"]))
    for s in iss["sections"]:
        want.append("  %s (%d)" % (s["name"], len(s["articles"])))
        for a in s["articles"]:
            want.append("    %s  %s" % (a["key"], a["title"]))
got = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
arts = [l for l in got if l.startswith("    ")]
total = sum(len(s["articles"]) for i in issues for s in i["sections"])
bad = []
if len(arts) != total:
    bad.append("%d article lines, the corpus has %d articles" % (len(arts), total))
if got != want:
    for i, (g, w) in enumerate(zip(got + [""] * len(want), want + [""] * len(got))):
        if g != w:
            bad.append("line %d:\n   expected %s\n   printed  %s" % (i + 1, w, g))
            break
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
n=$(grep -c '^    ' "$TMP/list")
if [ "$n" -eq 69 ]; then
	pass "--list: 69 articles"
else
	fail "--list: 69 articles" "$n article lines"
fi

# ---- --search ----
"$KB" --search 芯片 -d "$KB_DB" >"$TMP/search" 2>&1
check "--search 芯片: KEY  DATE  TITLE of each article with 芯片, newest first" \
    python3 - "$TMP/search" "$CORPUS" 芯片 <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, articles, matches, issue_day
hits = {}
for iss in load(sys.argv[2]):
    for _, a in articles(iss):
        if matches(a, sys.argv[3]):
            hits[a["key"]] = (issue_day(iss), iss.get("date") or str(iss["year"]), a["title"])
got = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
bad = []
last = "9999"
for l in got:
    f = l.split("  ", 2)
    if len(f) != 3 or f[0] not in hits:
        bad.append("not an expected result: %s" % l)
        continue
    day, dlabel, title = hits[f[0]]
    if f[1] != dlabel or f[2] != title:
        bad.append("expected %s  %s  %s, printed %s" % (f[0], dlabel, title, l))
    if day > last:
        bad.append("not newest first: %s" % l)
    last = day
if sorted(l.split("  ")[0] for l in got) != sorted(hits):
    bad.append("printed %d results, expected %d: %s" % (len(got), len(hits), " ".join(sorted(hits))))
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF

# ---- errors ----
"$KB" --cat nosuchkey --width 60 -d "$KB_DB" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -ne 0 ] && [ ! -s "$TMP/out" ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] &&
    grep -q 'nosuchkey' "$TMP/err"; then
	pass "--cat with an unknown key: one line naming it on stderr, status $rc"
else
	fail "--cat with an unknown key: one line naming it on stderr, non-zero status" "status $rc" "$(cat "$TMP/err")"
fi
"$KB" --cat $KEY --width 5 -d "$KB_DB" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -ne 0 ] && [ ! -s "$TMP/out" ] && grep -q -- '--width' "$TMP/err"; then
	pass "--width 5: an error about --width, status $rc"
else
	fail "--width 5: an error about --width, non-zero status" "status $rc" "$(cat "$TMP/err")"
fi
if "$KB" --help >"$TMP/out" 2>&1 && grep -q -- '--cat' "$TMP/out" && grep -q -- '--list' "$TMP/out"; then
	pass "--help prints the usage, status 0"
else
	fail "--help prints the usage, status 0" "$(cat "$TMP/out")"
fi
# Issues dated before 1970 (an archive's back catalogue): listed by date,
# newest first, and found by a search like any other.
old=$TMP/old.db
"$KB_IMPORT" -q --new --data-dir data -o "$old" --date 1969-12-31 \
    data/corpus/000_c7f35d69aa6ccfdf.txt 2>/dev/null
"$KB_IMPORT" -q --data-dir data -o "$old" --date 1968-01-01 \
    data/corpus/002_4e60794608ee0fcc.txt 2>/dev/null
"$KB" --list -d "$old" | grep -v '^ ' | cut -d' ' -f1 >"$TMP/out"
"$KB" --search 美国 -d "$old" >"$TMP/found"
n=$(grep -c '  1969-12-31  ' "$TMP/found")
m=$(grep -c '  1968-01-01  ' "$TMP/found")
if [ "$(tr '\n' ' ' <"$TMP/out")" = "1969-12-31 1968-01-01 " ] &&
    [ "$n" -gt 0 ] && [ "$m" -gt 0 ]; then
	pass "issues of 1969 and 1968: listed newest first, both searched"
else
	fail "issues of 1969 and 1968: listed newest first, both searched" \
	    "listed: $(tr '\n' ' ' <"$TMP/out")" "found: $n of 1969, $m of 1968"
fi
if "$KB" --version >"$TMP/out" 2>&1 && grep -q '^kuaibao [0-9]' "$TMP/out"; then
	pass "--version prints kuaibao VERSION, status 0"
else
	fail "--version prints kuaibao VERSION, status 0" "$(cat "$TMP/out")"
fi

finish

#!/bin/sh
# The country and theme prompts, at 120x40, in English (issue 11,
# item 10):
#   t ai: the theme prompt takes English names (data/themes.tsv), and
#   人工智能 comes first, with its number of articles; Enter applies it;
#   with the US filter on, t 半导体: 半导体与芯片 with the number of its
#   articles whose subject is the United States, and with that theme on,
#   c us: 美国 with the same number;
#   X removes one filter: with two, a list of them (as the status line
#   shows them), t takes the theme away and the country stays; with one,
#   X takes it at once;
#   c: the codes of the country list line up by display width (中国 and
#   俄罗斯 are 4 and 6 columns wide);
#   a database of schema 4 (before the themes' English names) is still
#   read, and an import into it brings it to schema 5.
# Expected counts come from the importer's JSON dump of data/corpus.
. tests/e2e/lib.sh

W=120 H=40 S=prm
screen_size "$W" "$H"

reader $S $W $H -- --language en
wait_for $S '?:help' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }

# both COUNTRY THEME: articles whose subject is COUNTRY with THEME
both() {
	python3 - "$CORPUS" "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for i in d["issues"] for s in i["sections"] for a in s["articles"]
          if sys.argv[3] in a["themes"] and any(
              c["name"] == sys.argv[2] and c["role"] == "subject"
              for c in a["countries"])))
EOF
}

# first_choice ERE: the first row of the list of choices (the first row
# the sidebar's border does not cross) matches ERE
first_choice() {
	grep -v '│' "$LAST" | head -n 1 | grep -qE -- "$1"
}

# choose KEY TYPED ROW-ERE: KEY, TYPED at its prompt, until the first
# choice matches ROW-ERE
choose() {
	keys $S "$1"
	wait_status $S '^[a-z ()]+: *$' || return 1
	type_text $S "$2"
	_poll $S "" first_choice "$3" && wait_stable $S
}

# ---- t ai ----
N_AI=$(expect theme 人工智能 | head -n 1)
choose t ai "^ 人工智能 +Artificial intelligence +$N_AI\$"
outcome $? "t ai: 人工智能 (Artificial intelligence) first, $N_AI articles"
keys $S Enter
wait_status $S '\[theme 人工智能\]  \?:help$' && wait_stable $S
outcome $? "ai, Enter: [theme 人工智能]" &&
    check "ai: the sidebar shows the articles of 人工智能" \
	screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --theme 人工智能
keys $S x
wait_gone $S '[theme' && wait_stable $S

# ---- counts under the other filter ----
N_US=$(both 美国 半导体与芯片)
N_THEME=$(expect theme 半导体与芯片 | head -n 1)
choose c us '^ 美国 +US +USA +United States +[0-9]+$' && keys $S Enter &&
    wait_status $S '\[country 美国\]  \?:help$' && wait_stable $S
outcome $? "c us, Enter: [country 美国]" || finish
choose t 半导体 "^ 半导体与芯片 +Semiconductors and chips +$N_US\$"
outcome $? "with the US filter, t 半导体: 半导体与芯片 counts $N_US articles (not the archive's $N_THEME)"
keys $S Enter
wait_status $S '\[country 美国\] \[theme 半导体与芯片\]  \?:help$' && wait_stable $S
outcome $? "半导体, Enter: both filters on"
choose c us "^ 美国 +US +USA +United States +$N_US\$"
outcome $? "with the theme on, c us: 美国 counts $N_US articles"
keys $S Escape
wait_status $S '\[theme 半导体与芯片\]  \?:help$' && wait_stable $S

# ---- X: one filter away ----
keys $S X
wait_status $S '^remove filter: *$' && first_choice '^ \[country 美国\] +c *$' &&
    wait_line $S $((H - 1)) '^ \[theme 半导体与芯片\] +t *$' && wait_stable $S
outcome $? "X: the two filters are listed as the status line shows them"
type_text $S t
keys $S Enter
wait_status $S 'removed \[theme 半导体与芯片\] +\[country 美国\]  \?:help$' &&
    wait_stable $S
outcome $? "X, t, Enter: the theme is removed, the country stays" &&
    check "X, t: the sidebar shows the articles about the United States" \
	screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --country 美国
keys $S X
wait_status $S '^removed \[country 美国\] +\?:help$' && wait_stable $S
outcome $? "X with one filter removes it at once" &&
    check "X: the tree is the one at start" \
	screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"

# ---- the country list's columns ----
keys $S c
wait_status $S '^country: *$' && wait_for $S ' 俄罗斯 ' && wait_stable $S
python3 - "$LAST" <<'EOF'
import re, sys
sys.path.insert(0, "tests/e2e")
from screen import cells
cols = {}
for l in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    m = re.match(r"^ (\S+) +([A-Z]{2}) +([A-Z]{3}) ", l)
    if m:
        c = cells(l)
        text = "".join(ch for _, ch, _ in c)
        i2, i3 = text.index(" " + m.group(2) + " ") + 1, text.index(" " + m.group(3) + " ") + 1
        cols[m.group(1)] = (c[i2][0], c[i3][0])
print("# columns of the codes: %s" % cols)
ok = "中国" in cols and "俄罗斯" in cols and len(set(cols.values())) == 1
sys.exit(0 if ok else 1)
EOF
outcome $? "c: the ISO codes of 中国 and 俄罗斯 (and every row) start in the same columns"
keys $S Escape
quit_reader $S || fail "q quits" "$(diag_screen)"

# ---- a database of schema 4 (no English names of themes) ----
# is still read, its theme prompt without English; an import into it
# brings it to schema 5 with the names
V4=$TMP/v4.db
cp "$KB_DB" "$V4"
sqlite3 "$V4" "ALTER TABLE themes DROP COLUMN english;
    UPDATE meta SET value = '4' WHERE key = 'schema_version'"
DB=$V4 reader v4 $W $H -- --language en
if wait_for v4 '?:help' && wait_stable v4; then
	S=v4
	choose t 半导体 "^ 半导体与芯片 +$N_THEME\$"
	outcome $? "schema 4: the theme prompt works, without English names"
	keys v4 Escape
	quit_reader v4 || fail "schema 4: q quits" "$(diag_screen)"
else
	fail "schema 4: the reader opens the database" "$(diag_screen)"
fi
"$KB_IMPORT" --data-dir data -o "$V4" data/corpus/000_* >/dev/null 2>&1
[ "$(sqlite3 "$V4" "SELECT value FROM meta WHERE key = 'schema_version';
    SELECT english FROM themes WHERE name = '人工智能'")" = "5
Artificial intelligence;AI;rengong zhineng" ]
outcome $? "schema 4: an import into it brings it to schema 5, with the themes' names"
finish

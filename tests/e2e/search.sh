#!/bin/sh
# Search, at 120x40, for a 2-character word (芯片) and a 4-character one
# (关键矿产), typed with send-keys -l:
#   / WORD Enter: the sidebar becomes the result list, newest first, one
#   row per article with WORD in its title, text, notes or fields; the
#   status line shows "result 1/N" and [/WORD N];
#   Enter on a result: the article opens at its first match, and every
#   match on the screen is drawn with an SGR different from the text on
#   either side (capture-pane -e), the current match apart from the
#   others;
#   n / N: "match i/n" on the status line, n counting every occurrence of
#   WORD the article shows once (a match cut by a line break is still one
#   match), wrapping around;
#   x: back to the tree.
# Expected results come from the importer's JSON dump of data/corpus.
. tests/e2e/lib.sh

W=120 H=40 S=srch
screen_size "$W" "$H"

# the words of the status line in English: search is tested here, not words
reader $S $W $H -- --language en
wait_for $S '?:help' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }

search_word() {
	word=$1
	n=$(expect search "$word")
	keys $S /
	if ! wait_status $S '^/: *$'; then
		fail "/ opens the search prompt" "$(diag_screen)"
		return 1
	fi
	type_text $S "$word"
	wait_status $S "^/: $word\$"
	keys $S Enter
	wait_status $S "^result 1/$n .*\\[/$word $n\\]  \\?:help\$" && wait_stable $S
	outcome $? "/$word: the status line shows result 1/$n and [/$word $n]" || return 1
	check "/$word: the sidebar lists the $n articles with $word, newest first" \
	    screen_py results "$LAST" "$SW" $ROWS "$CORPUS" "$word"
	check "/$word: the border is straight" screen_py border "$SW" $ROWS "$LAST"

	key=$(screen_py result-key "$LAST" "$SW" $ROWS "$CORPUS" 1) || {
		fail "/$word: the first result is an article of the corpus" "$key"
		return 1
	}
	title=$(expect article "$key" title)
	m=$(expect occurrences "$key" "$word")
	keys $S Enter
	wait_status $S "· [0-9]+%.*\\[/$word $n\\]" && wait_stable $S
	outcome $? "/$word, Enter: the first result opens ($title)" || return 1
	capture_e $S "$TMP/e"
	check "/$word: every match on the screen is drawn apart from the text around it" \
	    screen_py highlight "$TMP/e" "$X" $ROWS "$word" --searched
	if [ "$m" -gt 1 ]; then
		keys $S n
		wait_status $S "^match 2/$m( |\$)"
		outcome $? "/$word: n shows match 2/$m ($m occurrences of $word in the article)"
		capture_e $S "$TMP/e"
		check "/$word: after n the matches on the screen are still drawn apart" \
		    screen_py highlight "$TMP/e" "$X" $ROWS "$word" --searched
		keys $S N
		wait_status $S "^match 1/$m( |\$)"
		outcome $? "/$word: N goes back to match 1/$m"
		keys $S N
		wait_status $S "^match $m/$m( |\$)"
		outcome $? "/$word: N on the first match wraps to the last ($m/$m)"
	fi
	check "/$word: no row is wider than $W columns" screen_py widths $W "$LAST"
	keys $S x
	wait_gone $S "[/$word" && wait_stable $S
	outcome $? "x clears the search"
}

search_word 芯片
check "after x the sidebar is the tree again, the open article's issue expanded" \
    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --read "$key" \
    --expand "$(expect article "$key" issue-key)"
search_word 关键矿产

# a longer word whose characters' pairs are all in more articles than
# the word itself: the count in the status line is the number of rows
WORD=能源安全
n=$(expect search $WORD)
keys $S x
wait_gone $S '[/' && wait_stable $S
keys $S /
wait_status $S '^/: *$'
type_text $S $WORD
keys $S Enter
if wait_status $S "\\[/$WORD [0-9]+\\]" && wait_stable $S; then
	check "/$WORD: the sidebar lists the $n articles with $WORD" \
	    screen_py results "$LAST" "$SW" $ROWS "$CORPUS" $WORD
	status_line | grep -qE "^result 1/$n .*\\[/$WORD $n\\]  \\?:help\$"
	outcome $? "/$WORD: the status line counts the $n results listed (result 1/$n, [/$WORD $n])"
else
	fail "/$WORD: the search runs" "$(diag_screen)"
fi
keys $S x
wait_gone $S '[/' && wait_stable $S

# the current match differs from the other matches: 芯片 in the 2021 article
# on Japan's semiconductor strategy shows several at once
keys $S /
wait_status $S '^/: *$'
type_text $S 半导体
keys $S Enter
wait_status $S '\[/半导体 ' && wait_stable $S
keys $S Enter
wait_status $S '· [0-9]+%' && wait_stable $S
capture_e $S "$TMP/e"
python3 - "$TMP/e" "$X" $ROWS 半导体 <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import pane_sgr_rows, unsearched_rows
rows = pane_sgr_rows(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
word = sys.argv[4]
looks = []
skip = unsearched_rows(rows)	# the tags: not searched, no matches
for i, cs in enumerate(rows):
    if i in skip:
        continue
    plain = "".join(c for c, _ in cs)
    k = plain.find(word)
    while k >= 0:
        looks.append(cs[k][1])
        k = plain.find(word, k + 1)
print("# %d matches on the screen, drawn as: %s" % (len(looks), sorted(set(looks))))
sys.exit(0 if len(looks) >= 2 and len(set(looks)) == 2 and looks.count(looks[0]) == 1 else 1)
EOF
outcome $? "/半导体: the current match is drawn unlike the other matches"
quit_reader $S || fail "q quits" "$(diag_screen)"

finish

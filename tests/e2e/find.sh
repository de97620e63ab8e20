#!/bin/sh
# The search's prompt and the find in an article, at 120x40, in English
# (issue 11, item 8):
#   with an article open, / 量子 Enter: the pane shows the first result
#   at its first match, not the article that was open,
#   while the status line says "result 1/N"; the result is not marked
#   read until it is opened;
#   / 芯片, the newest result (its 主题 line names 半导体与芯片): n and N
#   count the occurrences of 芯片 in what the search reads (title, text,
#   tables, notes, fields), and the 主题 line is not drawn as a match;
#   /*, /" and /-: a message on the status line names what was typed,
#   and the result list stays as it was;
#   & 美国 Enter: the matches of 美国 in all the article shows (the
#   国家 line too), "[find 美国 M]" on the status line, the sidebar
#   unchanged; n moves to the next; Esc ends the find: n is back on the
#   search's matches.
# Expected counts come from the importer's JSON dump of data/corpus.
. tests/e2e/lib.sh

W=120 H=40 S=find
screen_size "$W" "$H"

reader $S $W $H -- --language en
wait_for $S '?:help' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }

# search WORD: / WORD Enter, until the status line shows result 1/N
search() {
	keys $S /
	wait_status $S '^/: *$' || return 1
	type_text $S "$1"
	keys $S Enter
	wait_status $S "^result 1/$(expect search "$1") " && wait_stable $S
}

# ---- the first result is shown ----
FIRST=9b6ccf1250e1	# 前言 of the guide: no 量子 in it
open_article $S "$SW" $ROWS $FIRST
outcome $? "前言 opens" || finish
search 量子
outcome $? "/量子: result 1/$(expect search 量子)" || finish
key=$(screen_py result-key "$LAST" "$SW" $ROWS "$CORPUS" 1)
title=$(expect article "$key" title)
# pane_has TEXT: the pane (right of the border) holds TEXT
pane_has() {
	screen_py cols "$X" "$W" "$LAST" | head -n $ROWS | grep -qF -- "$1"
}
_poll $S "" pane_has 量子 && wait_stable $S
outcome $? "/量子: the pane shows the first result ($title) at its first 量子, not 前言"
capture_e $S "$TMP/e"
check "/量子: its matches are drawn as matches" \
    screen_py highlight "$TMP/e" "$X" $ROWS 量子 --searched
status_line | grep -q '^result 1/'
outcome $? "/量子: the status line still says result 1/N (the sidebar has the focus)"
sed -n 1p "$LAST" | cut -c1-3 | grep -q '\*'
outcome $? "/量子: the first result is still unread (shown, not opened)"

# ---- matches only where the search reads ----
KEY=e44d632bb195	# 美国发布《国家半导体技术中心愿景与战略》, 主题 半导体与芯片 · …
M=$(expect occurrences $KEY 芯片)
keys $S x
wait_gone $S '[/' && wait_stable $S
search 芯片
outcome $? "/芯片: the results are listed" || finish
[ "$(screen_py result-key "$LAST" "$SW" $ROWS "$CORPUS" 1)" = $KEY ]
outcome $? "/芯片: the first result is $KEY"
keys $S Enter
wait_status $S '· [0-9]+%' && wait_stable $S
keys $S N
wait_status $S "^match $M/$M( |\$)"
outcome $? "/芯片: N from the first match wraps to match $M/$M (not the 主题 line's 芯片)"
keys $S g
wait_line $S 1 '美国发布《国家半导体' && wait_stable $S
capture_e $S "$TMP/e"
check "/芯片: the 主题 line's 芯片 is drawn as the text around it, the text's as matches" \
    screen_py highlight "$TMP/e" "$X" $ROWS 芯片 --searched

# ---- punctuation alone ----
capture $S "$TMP/before"
for q in '*' '"' '-'; do
	keys $S /
	wait_status $S '^/: *$'
	type_text $S "$q"
	keys $S Enter
	wait_re $S 'nothing to search for' && wait_stable $S
	status_line | grep -qF "/$q: nothing to search for"
	outcome $? "/$q: the status line says there is nothing to search for in /$q"
	head -n $ROWS "$LAST" | cut -c1-"$SW" >"$TMP/side.after"
	head -n $ROWS "$TMP/before" | cut -c1-"$SW" >"$TMP/side.before"
	cmp -s "$TMP/side.before" "$TMP/side.after"
	outcome $? "/$q: the result list of /芯片 stays"
done

# ---- find in the article ----
F=$(expect occurrences $KEY 美国 shown)
head -n $ROWS "$LAST" | cut -c1-"$SW" >"$TMP/side.before"
keys $S '&'
wait_status $S '^find in article: *$'
outcome $? "& opens the find prompt"
type_text $S 美国
keys $S Enter
wait_status $S "^match [0-9]+/$F .*\\[/芯片 [0-9]+\\] \\[find 美国 $F\\]" && wait_stable $S
outcome $? "& 美国: match i/$F, and [find 美国 $F] beside the search"
i=$(status_line | sed -n 's/^match \([0-9]*\)\/.*/\1/p')
head -n $ROWS "$LAST" | cut -c1-"$SW" >"$TMP/side.after"
cmp -s "$TMP/side.before" "$TMP/side.after"
outcome $? "& 美国: the sidebar still lists the results of /芯片"
keys $S g
wait_line $S 1 '美国发布《国家半导体' && wait_stable $S
capture_e $S "$TMP/e"
check "& 美国: every 美国 on the screen is drawn as a match, the 国家 line's too" \
    screen_py highlight "$TMP/e" "$X" $ROWS 美国 --min 3
keys $S n
wait_status $S "^match $((i % F + 1))/$F "
outcome $? "& 美国, n: match $((i % F + 1))/$F, the next after $i"
keys $S Escape
wait_gone $S '[find' && wait_stable $S
outcome $? "Esc ends the find"
keys $S n
wait_status $S "^match [0-9]+/$M( |\$)"
outcome $? "Esc, n: back on the matches of /芯片 (of $M)"

quit_reader $S || fail "q quits" "$(diag_screen)"
finish

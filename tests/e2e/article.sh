#!/bin/sh
# Opening an article and reading it to the end, at 80x24 and 120x40:
# Enter on the article in the sidebar; the title, the meta lines (issue,
# column, date, editors, countries) and a rule the width of the pane;
# Space until the status line shows 100 %: the last paragraph whole, 注释
# and every note with its URLs exactly (wrapped URLs joined back).  Then
# the keys of the article pane: j/k one line, g/G, b, [ and ], Tab, h,
# s (hide the sidebar), ^L.
#
# The article is the first of data/corpus/000_c7f35d69aa6ccfdf.txt,
# 美国发布促进清洁能源发展的《美国国家创新路径》 (two notes with long
# URLs); what it must show comes from the importer's dump (screen.py).
. tests/e2e/lib.sh

KEY=dd146d8cb3d5
TITLE=$(expect article $KEY title)
SECTION=$(expect article $KEY section)
POS=$(expect article $KEY position)

for size in 80x24 120x40; do
	W=${size%x*}
	H=${size#*x}
	S=art$W
	screen_size "$W" "$H"
	PW=$((W - SW - 3))	# border and a margin on each side
	rm -rf "$TMP/state"/*
	reader "$S" "$W" "$H"
	if ! wait_for "$S" '?:帮助' || ! open_article "$S" "$SW" "$ROWS" $KEY; then
		fail "$size: Enter on the article in the sidebar opens it" "$(diag_screen)"
		kill_session "$S"
		continue
	fi
	pass "$size: Enter on the article in the sidebar opens it"
	screen_py cols "$X" "$W" "$LAST" | head -n 1 | grep -qF "$(title_start "$TITLE")"
	outcome $? "$size: the title is the first line of the pane"
	status_line | grep -qE "· $SECTION · $POS · 0%.*\\?:帮助\$"
	outcome $? "$size: the status line shows the column, the article's place ($POS) and 0%"
	check "$size: the border is straight with the article open" \
	    screen_py border "$SW" "$ROWS" "$LAST"
	check "$size: no row is wider than $W columns with the article open" \
	    screen_py widths "$W" "$LAST"

	if page_through "$S" "$X" "$ROWS" "$TMP/article.$W" &&
	    status_line | grep -q ' · 100%'; then
		pass "$size: Space pages down until the status line shows 100%"
		check "$size: whole article: title, meta lines, rule, the last paragraph, 注释 with every note and URL; no line wider than the pane ($PW)" \
		    screen_py article "$TMP/article.$W" "$CORPUS" $KEY "$PW"
	else
		fail "$size: Space pages down until the status line shows 100%" "$(diag_screen)"
	fi
	[ -s "$TMP/article.$W" ] &&
	    [ "$(tail -n 1 "$TMP/article.$W")" = "$(screen_py cols "$X" "$W" "$LAST" | sed -n "${ROWS}p;$((ROWS - 1))p" | grep -v '^$' | tail -n 1)" ]
	outcome $? "$size: at 100% the last line of the article is at the bottom of the pane"
	quit_reader "$S" || fail "$size: q quits" "$(diag_screen)"
	kill_session "$S"
done

# ---- the keys of the article pane, at 80x24 ----
W=80 H=24 S=keys
screen_size "$W" "$H"
pane_text() {	# the article pane's rows of a screen
	screen_py cols "$X" $W "$1" | head -n $ROWS
}
rm -rf "$TMP/state"/*
reader $S $W $H
if ! wait_for $S '?:帮助' || ! open_article $S "$SW" $ROWS $KEY; then
	fail "80x24: the article opens for the key tests" "$(diag_screen)"
	finish
fi
pane_text "$LAST" >"$TMP/top"

cp "$LAST" "$TMP/scr0"
keys $S j
wait_change $S "$TMP/scr0" && wait_stable $S &&
    [ "$(pane_text "$LAST" | head -n 1)" = "$(sed -n 2p "$TMP/top")" ]
outcome $? "j in the article scrolls it one line"
keys $S k
wait_for $S "$(title_start "$TITLE")" && wait_status $S ' · 0%' && wait_stable $S &&
    [ "$(pane_text "$LAST")" = "$(cat "$TMP/top")" ]
outcome $? "k scrolls back to the top"
keys $S G
wait_status $S ' · 100%' && wait_for $S '注释'
outcome $? "G goes to the end (100%, the notes)"
keys $S b
wait_status $S ' · [0-9]{1,2}%' && wait_gone $S '注释'
outcome $? "b pages up"
keys $S g
wait_status $S ' · 0%' && wait_for $S "$(title_start "$TITLE")"
outcome $? "g goes to the top"

# ] opens the next article, [ the previous one
NEXT=$(python3 -c '
import json, sys
arts = [a for i in json.load(open(sys.argv[1]))["issues"] for s in i["sections"] for a in s["articles"]]
k = [a["key"] for a in arts].index(sys.argv[2])
print(arts[k + 1]["key"])' "$CORPUS" $KEY)
NEXT_TITLE=$(expect article "$NEXT" title)
keys $S ']'
wait_for $S "$(title_start "$NEXT_TITLE")" &&
    wait_status $S "· $(expect article "$NEXT" section) · $(expect article "$NEXT" position) · 0%"
outcome $? "] opens the next article ($NEXT_TITLE) with its place in the status line"
keys $S '['
wait_for $S "$(title_start "$TITLE")" && wait_status $S "· $SECTION · $POS · 0%"
outcome $? "[ opens the previous article again"

# Tab: to the sidebar (the status line loses the %), j moves the cursor
# there and leaves the article alone; Tab back
keys $S Tab
wait_status $S "· $SECTION · $POS +\\?:帮助" && wait_stable $S
outcome $? "Tab moves to the sidebar: the status line names the row, without %"
cp "$LAST" "$TMP/before-j"
keys $S j
wait_status $S "· $(expect article "$NEXT" section) +\\?:帮助" &&
    wait_stable $S &&
    [ "$(pane_text "$LAST")" = "$(pane_text "$TMP/before-j")" ]
outcome $? "j in the sidebar moves the cursor and leaves the article as it is"
keys $S k Tab
wait_status $S "· $SECTION · $POS · 0%"
outcome $? "Tab goes back to the article"
keys $S h
wait_status $S "· $SECTION · $POS +\\?:帮助"
outcome $? "h in the article goes back to the sidebar"

# s hides the sidebar: the article takes the whole width; s shows it again
keys $S s
if wait_gone $S '│' && wait_stable $S &&
    head -n 1 "$LAST" | grep -q "^ $(title_start "$TITLE")"; then
	pass "s hides the sidebar: no border, the article from column 1"
	check "no row is wider than 80 columns without the sidebar" \
	    screen_py widths $W "$LAST"
else
	fail "s hides the sidebar: no border, the article from column 1" "$(diag_screen)"
fi
keys $S s
if wait_for $S '│' && wait_stable $S; then
	check "s shows the sidebar again, the border straight" \
	    screen_py border "$SW" $ROWS "$LAST"
else
	fail "s shows the sidebar again" "$(diag_screen)"
fi

# ^L redraws the same screen (Tab Tab after it: to know it was read)
cp "$LAST" "$TMP/before-l"
keys $S C-l Tab
wait_status $S "· $SECTION · $POS +\\?:帮助"
keys $S Tab
wait_status $S "· $SECTION · $POS · 0%" && wait_stable $S &&
    cmp -s "$LAST" "$TMP/before-l"
outcome $? "^L redraws the same screen"
quit_reader $S || fail "q quits" "$(diag_screen)"

# ---- the empty pane's hint fits ----
kill_session $S
rm -rf "$TMP/state"/*
reader hint $W $H
if wait_for hint '?:帮助' && wait_stable hint; then
	# its rows (it may be wrapped), joined
	hint=$(screen_py cols "$X" $W "$LAST" | sed -n 2,4p | tr '\n' ' ' | tr -s ' ')
	case $hint in
	*"按 ? 查看所有按键。"*) pass "80x24: the hint in the empty article pane is shown whole" ;;
	*) fail "80x24: the hint in the empty article pane is shown whole" \
	    "the pane shows: '$hint'" \
	    "(\"选中一篇文章，按 Enter 打开。 按 ? 查看所有按键。\" is 48 columns, the pane $((W - SW - 3)))" ;;
	esac
fi
kill_session hint

finish

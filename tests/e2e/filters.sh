#!/bin/sh
# Country and theme filters, at 120x40 (every filtered row fits):
#   c, the choices with their counts, typing narrows them (jp, 日本 sent
#   with send-keys -l, japan); Enter applies: the sidebar shows only the
#   issues, columns and articles whose subject is Japan, with filtered
#   counts; the status line shows [国家 日本]; C widens to any mention
#   ([国家 日本 +提及]) and back; x clears everything;
#   t, 半导体, Enter: only the articles of the theme 半导体与芯片;
#   c, brics: a group of countries is a choice of its own, found by its
#   code, and filters the articles whose subject it is.
# After every step the border column is checked on every row (the list
# of choices covers the bottom rows while the prompt is open).
#
# Expected rows and counts come from the importer's JSON dump of
# data/corpus (an article is about Japan when the dump lists 日本 with
# the role "subject"; "any mention" adds the role "mentioned").
. tests/e2e/lib.sh

W=120 H=40 S=flt
screen_size "$W" "$H"
N_SUBJ=$(expect country 日本 | head -n 1)
N_ALL=$(expect country 日本 mentions | head -n 1)

reader $S $W $H
wait_for $S '?:帮助' && wait_stable $S || { fail "the reader starts" "$(diag_screen)"; finish; }
cp "$LAST" "$TMP/start"

# one_choice_left WHAT: one choice is left: one row of list above the
# prompt, the rest of the screen as it was under the prompt ($TMP/under)
one_choice_left() {
	if [ "$(head -n $((H - 2)) "$LAST")" = "$(head -n $((H - 2)) "$TMP/under")" ]; then
		pass "$1: no other choice is left on the screen (the list is one row)"
	else
		fail "$1: no other choice is left on the screen (the list is one row)" \
		    "rows that differ from the screen under the prompt:" \
		    "$(head -n $((H - 2)) "$LAST" | diff "$TMP/under" - | grep '^>' | head -12)"
	fi
}

# country_filter TYPED HOW: c, the text typed (keys or -l), Enter
country_filter() {
	typed=$1
	capture $S "$TMP/under"
	keys $S c
	if ! wait_status $S '^国家: *$'; then
		fail "c opens the country prompt" "$(diag_screen)"
		return 1
	fi
	type_text $S "$typed"
	wait_status $S "^国家: $typed\$" &&
	    wait_line $S $((H - 1)) "^ 日本 +JP +JPN +Japan +$N_SUBJ\$" &&
	    wait_stable $S
	outcome $? "c, $typed: the choices narrow to 日本 (JP JPN Japan) with its $N_SUBJ subject articles"
	one_choice_left "c, $typed"
	keys $S Enter
	wait_status $S '\[国家 日本\]  \?:帮助$' && wait_stable $S
	outcome $? "$typed, Enter: the status line shows [国家 日本]" || return 1
	check "$typed: the sidebar shows only the issues, columns and articles about Japan, with their counts" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --country 日本
	check "$typed: the border is straight on every row after the prompt closed" \
	    screen_py border "$SW" $ROWS "$LAST"
}

# ---- jp ----
if country_filter jp; then
	# open every issue: G to the last row, Enter
	keys $S G Enter
	wait_re $S '^- 2019' && wait_stable $S
	keys_all=$(python3 -c '
import json, sys
print(",".join(i["key"] for i in json.load(open(sys.argv[1]))["issues"]))' "$CORPUS")
	check "jp: G, Enter opens the last issue: its columns and articles about Japan" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --country 日本 --expand "$keys_all"

	keys $S C
	if wait_status $S '\[国家 日本 \+提及\]  \?:帮助$' && wait_stable $S; then
		pass "C widens the filter: [国家 日本 +提及]"
		check "C: the sidebar shows every article that mentions Japan ($N_ALL)" \
		    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --country 日本 --mentions
		check "C: the border is straight" screen_py border "$SW" $ROWS "$LAST"
	else
		fail "C widens the filter: [国家 日本 +提及]" "$(diag_screen)"
	fi
	keys $S c
	wait_status $S '^国家 \(提及也算\): *$' &&
	    wait_re $S "^ 日本 +JP +JPN +Japan +$N_ALL\$"
	outcome $? "with C the country prompt counts every mention ($N_ALL for 日本)"
	keys $S Escape
	wait_status $S '\[国家 日本 \+提及\]' && wait_stable $S
	check "Esc closes the prompt; the border is straight again" \
	    screen_py border "$SW" $ROWS "$LAST"
	keys $S C
	if wait_status $S '\[国家 日本\]  \?:帮助$' && wait_stable $S; then
		check "C again: subjects only" \
		    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --country 日本
	else
		fail "C again: subjects only" "$(diag_screen)"
	fi
fi
keys $S x
if wait_gone $S '[国家' && wait_stable $S; then
	check "x clears the filter: the tree is the one at start" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"
	status_line | grep -q '已清除筛选和搜索.*?:帮助$' && ! status_line | grep -q '\['
	outcome $? "x: the status line shows no filter"
	check "x: the border is straight" screen_py border "$SW" $ROWS "$LAST"
else
	fail "x clears the filter" "$(diag_screen)"
fi

# ---- 日本, japan ----
country_filter 日本
keys $S x
wait_gone $S '[国家' && wait_stable $S
country_filter japan
keys $S x
wait_gone $S '[国家' && wait_stable $S

# ---- a group of countries: brics ----
# 金砖国家 is a row of its own, found by its code; the dump makes it the
# subject of data/corpus/004's direction 2.8 金砖国家旗舰型合作项目
N_BRICS=$(expect country 金砖国家 | head -n 1)
[ "${N_BRICS:-0}" -ge 1 ]
outcome $? "the corpus has an article about 金砖国家 (BRICS): $N_BRICS"
capture $S "$TMP/under"
keys $S c
wait_status $S '^国家: *$'
type_text $S brics
wait_status $S '^国家: brics$' &&
    wait_line $S $((H - 1)) "^ 金砖国家 +BRICS +BRICS countries +$N_BRICS\$" &&
    wait_stable $S
outcome $? "c, brics: the choices narrow to 金砖国家 (BRICS) with its $N_BRICS subject articles"
one_choice_left "c, brics"
keys $S Enter
if wait_status $S '\[国家 金砖国家\]  \?:帮助$' && wait_stable $S; then
	check "brics, Enter: the sidebar shows only the issues, columns and articles about BRICS" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --country 金砖国家
	grep -q '^ *\*\{0,1\} *2\.8 金砖国家' "$LAST"
	outcome $? "brics: the guide's direction 2.8 金砖国家… is listed" ||
	    diag_screen "$LAST"
else
	fail "brics, Enter: the status line shows [国家 金砖国家]" "$(diag_screen)"
fi
keys $S x
wait_gone $S '[国家' && wait_stable $S

# ---- no match ----
keys $S c
wait_status $S '^国家: *$'
type_text $S zzz
wait_re $S '^ （没有相符的项）' && wait_status $S '^国家: zzz$'
outcome $? "c, zzz: the prompt says nothing matches"
keys $S Enter
if wait_status $S '没有与 zzz 相符的项' && wait_stable $S; then
	check "zzz, Enter: an error on the status line, the tree unchanged" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"
else
	fail "zzz, Enter: an error on the status line" "$(diag_screen)"
fi

# ---- theme ----
THEME=半导体与芯片
N_THEME=$(expect theme $THEME | head -n 1)
capture $S "$TMP/under"
keys $S t
if wait_status $S '^主题: *$'; then
	type_text $S 半导体
	wait_line $S $((H - 1)) "^ $THEME +Semiconductors and chips +$N_THEME\$" && wait_stable $S
	outcome $? "t, 半导体: the choices narrow to $THEME ($N_THEME articles)"
	one_choice_left "t, 半导体"
	keys $S Enter
	if wait_status $S "\\[主题 $THEME\\]  \\?:帮助\$" && wait_stable $S; then
		pass "t: the status line shows [主题 $THEME]"
		check "t: the sidebar shows only the articles of the theme, with their counts" \
		    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --theme $THEME
		check "t: the border is straight on every row after the prompt closed" \
		    screen_py border "$SW" $ROWS "$LAST"
	else
		fail "t: the status line shows [主题 $THEME]" "$(diag_screen)"
	fi
else
	fail "t opens the theme prompt" "$(diag_screen)"
fi
keys $S x
if wait_gone $S '[主题' && wait_stable $S; then
	check "x clears the theme: the tree is the one at start" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"
else
	fail "x clears the theme" "$(diag_screen)"
fi
check "no row is wider than $W columns" screen_py widths $W "$LAST"
quit_reader $S || fail "q quits" "$(diag_screen)"

finish

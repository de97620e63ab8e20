#!/bin/sh
# Unread articles and the places reading stopped (issue 11, "What users
# expect"), at 120x40 where the whole tree of the corpus fits:
#   a new state counts the issues before the newest as read: their rows
#   show 0/N, the newest day's issues N (kuaibao(5): read_before);
#   } opens the next unread article across issues, { the previous one,
#   "no unread article after this one" at the end;
#   A, then i (this issue) or c (this column), marks read the articles
#   shown; A, a: a question, "no" first: Enter changes nothing, y Enter
#   marks every article read;
#   u on an old article makes it unread, and } finds it from the top;
#   every article keeps its place: ] to the next and [ back shows the
#   same text at the top, and after a restart too;
#   after an import, the start says how many articles are new and puts
#   the cursor on the first unread article of the newest issue;
#   a state from an earlier kuaibao (marks, no read-before day) is asked
#   once whether the older issues count as read;
#   ? shows the active filters and the state file's path.
. tests/e2e/lib.sh

W=120 H=40
# the reader's words, in Chinese, its default (tui/msg.c)
MARKED_N='^已将 [0-9]+ 篇标为已读'
NOTHING='没有未读文章'
NONEXT='后面没有未读文章'
NOPREV='前面没有未读文章'
UNREAD='^已标为未读'
HELP='\?:帮助 *$'
screen_size "$W" "$H"
STATE_DB=$TMP/state/kuaibao/state.db

# keys of the corpus, from the importer's dump: the issues in the
# sidebar's order, each "ISSUE-KEY FIRST-ARTICLE LAST-ARTICLE N"
python3 - "$CORPUS" >"$TMP/issues" <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, ordered, articles
for iss in ordered(load(sys.argv[1])):
    arts = [a for _, a in articles(iss)]
    print(iss["key"], arts[0]["key"], arts[-1]["key"], len(arts))
EOF
field() { sed -n "${1}p" "$TMP/issues" | cut -d' ' -f"$2"; }
expect first-issue | sed 1d >"$TMP/first"	# "ROW KEY" of the newest
title8() { title_start "$(expect article "$1" title)"; }

to_side() {	# to_side NAME: the focus on the sidebar (no % on the status line)
	wait_stable "$1"
	if tail -n 1 "$LAST" | grep -q ' · [0-9]*%'; then
		keys "$1" Tab
		_poll "$1" "" _not _last_row_is ' · [0-9]+%'
	fi
}

pane_text() {	# the article pane's rows of a screen
	screen_py cols "$X" $W "$1" | head -n $ROWS
}

# opened NAME KEY: the article KEY is open: its title is the pane's
# first line
opened() {
	KB_GREP=-F wait_line "$1" 1 "│ $(title8 "$2")" && wait_stable "$1"
}

# ---- a new state; } and { -------------------------------------------

reader u $W $H
if wait_status u "$HELP" && wait_stable u; then
	check "a new state: the issues before the newest count as read (0/N), the newest day's unread" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"
else
	fail "the reader starts" "$(diag_screen)"
	finish
fi
keys u '}'
opened u "$(field 1 2)"
outcome $? "} from the top: the first unread article, $(title8 "$(field 1 2)")"
keys u '}'
opened u "$(sed -n 2p "$TMP/first" | cut -d' ' -f2)"
outcome $? "} again: the article after it"
keys u '{'
wait_status u "$NOPREV"
outcome $? "{: no unread article before it (the one before is read now)"

# A, i: the issue read; } goes on to the next issue
keys u A
if wait_status u '标为已读' && wait_re u '本期' && wait_re u '全部文章'; then
	pass "A: a choice of this column, this issue, everything"
else
	fail "A: a choice of this column, this issue, everything" "$(diag_screen)"
fi
keys u i Enter
wait_status u "$MARKED_N"
outcome $? "i, Enter: the issue's unread articles marked read ($(status_line | sed 's/  .*//'))"
keys u '}'
opened u "$(field 2 2)"
outcome $? "}: on to the next issue with unread articles, its first: $(title8 "$(field 2 2)")"
keys u A c Enter
wait_status u "$MARKED_N|$NOTHING"
keys u A i Enter
wait_status u "$MARKED_N|$NOTHING"
keys u '}'
wait_status u "$NONEXT"
outcome $? "both issues of the newest day read: } says there is no unread article after"

# an old article made unread is found from the top
to_side u
keys u G
wait_stable u
keys u Enter	# expands the last issue
wait_stable u
keys u G
OLD=$(field 4 3)
if wait_status u "· $(expect article "$OLD" section) · " && wait_stable u; then
	keys u u
	wait_status u "$UNREAD" &&
	    wait_re u "^     \\*$(title8 "$OLD")"
	outcome $? "u on the last article of the oldest issue (read by its date): unread"
else
	fail "G, Enter, G: the last article of the oldest issue" "$(diag_screen)"
fi
keys u g '}'
opened u "$OLD"
outcome $? "g, }: from the top, } finds the article marked unread, $(title8 "$OLD")"
keys u u	# unread again, from the article pane
wait_status u "$UNREAD"
keys u '{'
wait_status u "$NOPREV"
outcome $? "{: no unread article before it"

# A, a: asked first
keys u A a Enter
if wait_status u '把文库中所有文章标为已读' &&
    wait_re u ' 否 ' && wait_re u ' 是'; then
	pass "A, a: a question, 'no' listed first"
else
	fail "A, a: a question, 'no' listed first" "$(diag_screen)"
fi
keys u Enter
_poll u "" _not _last_row_is '所有文章标为' && wait_stable u &&
    grep -q "^     \\*$(title8 "$OLD")" "$LAST"
outcome $? "Enter on 'no': the article is still unread"
keys u A a Enter y Enter
wait_status u '^所有文章已标为已读'
outcome $? "A, a, Enter, y, Enter: every article marked read"
wait_re u "^      $(title8 "$OLD")"
outcome $? "the article marked unread is read too"
quit_reader u || fail "q quits" "$(diag_screen)"
kill_session u

# ---- every article keeps its place ---------------------------------

# back_at NAME DESC: [ opens the article before, which must show the
# text it showed when it was left ($TMP/place)
back_at() {
	keys "$1" '['
	wait_status "$1" ' · [1-9][0-9]?%' && wait_stable "$1"
	if [ "$(pane_text "$LAST")" = "$(cat "$TMP/place")" ]; then
		pass "$2: the article where it was left, not at its top"
	else
		fail "$2: the article where it was left, not at its top" \
		    "left:" "$(head -3 "$TMP/place")" "back:" "$(diag_screen)"
	fi
}

rm -rf "$TMP/state"/*
KEY=dd146d8cb3d5	# long: it scrolls
reader p $W $H
wait_status p "$HELP"
if open_article p "$SW" $ROWS $KEY; then
	keys p j j j j j j j j
	wait_status p ' · [1-9][0-9]?%' && wait_stable p
	pane_text "$LAST" >"$TMP/place"
	keys p ']'
	wait_change p "$TMP/place" && wait_stable p
	back_at p "], then ["
	keys p ']'
	wait_change p "$TMP/place" && wait_stable p
	quit_reader p || fail "q quits" "$(diag_screen)"
	kill_session p
	reader p2 $W $H
	wait_status p2 ' · [0-9]+%' && wait_stable p2
	back_at p2 "after a restart, ["
	quit_reader p2 || fail "q quits" "$(diag_screen)"
	kill_session p2
else
	fail "the article opens" "$(diag_screen)"
fi

# ---- after an import ---------------------------------------------------

NEWDB=$TMP/data/growing.db
"$KB_IMPORT" -q --new --data-dir data -o "$NEWDB" data/corpus/002_*.txt data/corpus/003_*.txt
rm -rf "$TMP/state"/*
DB=$NEWDB reader n1 $W $H
wait_status n1 "$HELP" && wait_stable n1 && ! grep -q '自上次以来' "$LAST"
outcome $? "the first visit: nothing is new"
quit_reader n1 || fail "q quits" "$(diag_screen)"
kill_session n1
"$KB_IMPORT" -q --data-dir data -o "$NEWDB" data/corpus/000_*.txt
N=$(python3 - "$CORPUS" <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, articles
for iss in load(sys.argv[1]):
    if iss["source"].split("/")[-1].startswith("000_"):
        print(sum(1 for _ in articles(iss)))
EOF
)
DB=$NEWDB reader n2 $W $H
if wait_status n2 "自上次以来新到 1 期，$N 篇文章" && wait_stable n2; then
	pass "after an import: $(status_line | sed 's/  .*//')"
else
	fail "after an import: the status line counts the new issue and its $N articles" "$(diag_screen)"
fi
keys n2 Enter
opened n2 $KEY
outcome $? "the cursor was on the newest issue's first unread article: Enter opens $(title8 $KEY)"
quit_reader n2 || fail "q quits" "$(diag_screen)"
kill_session n2

# ---- a state from an earlier kuaibao: asked once ---------------------

rm -rf "$TMP/state"/*
mkdir -p "$TMP/state/kuaibao"
chmod 700 "$TMP/state/kuaibao"
sqlite3 "$STATE_DB" "PRAGMA journal_mode = WAL;
CREATE TABLE marks(key TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,
  flagged INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE positions(db TEXT PRIMARY KEY, article TEXT NOT NULL,
  place INTEGER NOT NULL, updated INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO marks VALUES ('$KEY', 1, 0, 0);" >/dev/null
reader o1 $W $H
if wait_status o1 '把最新一期之前的各期都记为已读' && wait_stable o1; then
	pass "an earlier state with read marks: asked whether the older issues count as read"
	keys o1 y Enter
	wait_status o1 "$HELP" && wait_stable o1
	check "y, Enter: the issues before the newest read" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --read $KEY
	# a collapsed issue: its count follows marks on articles not loaded
	N2=$(field 2 4)
	keys o1 g Enter j
	wait_re o1 "^\\+ .* $((N2 - 1))/$N2│" && wait_stable o1
	keys o1 A i Enter
	wait_status o1 "^已将 $((N2 - 1)) 篇标为已读" && wait_re o1 "^\\+ .* 0/$N2│"
	outcome $? "A, i on a collapsed issue row: its $((N2 - 1)) unread articles read, the row says 0/$N2"
else
	fail "an earlier state with read marks: asked whether the older issues count as read" "$(diag_screen)"
fi
quit_reader o1 || fail "q quits" "$(diag_screen)"
kill_session o1
reader o2 $W $H
wait_status o2 "$HELP" && wait_stable o2 && ! grep -q '各期都记为已读' "$LAST"
outcome $? "asked once: not again at the next start"

# ---- ? shows the filters and the state file ----------------------------

keys o2 : 
type_text o2 'country-filter jp'
keys o2 Enter
wait_status o2 '日本'
keys o2 '?'
if wait_for o2 'kuaibao 按键' && wait_stable o2; then
	grep -q "阅读记录：$STATE_DB" "$LAST"
	outcome $? "?: the state file's path"
	grep -q "当前筛选：.*日本" "$LAST"
	outcome $? "?: the active filters ($(grep '当前筛选' "$LAST" | sed 's/^ *//'))"
else
	fail "? opens the help" "$(diag_screen)"
fi
keys o2 q
quit_reader o2 || fail "q quits" "$(diag_screen)"

finish

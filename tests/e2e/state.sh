#!/bin/sh
# What is kept in $XDG_STATE_HOME/kuaibao/state.db across restarts:
#   the last article and its scroll offset (open an article, scroll with
#   j, q; start again: the same screen); read marks (" " for "*") and
#   flags ("!"), set with Enter, u and m; F shows the flagged articles
#   only; two readers of the same user at once (two tmux sessions, one
#   XDG_STATE_HOME) flag different articles: after both quit, both flags
#   are there (sqlite3 on the state database, and a restart).
# Also: the tree at a restart keeps every column of the restored
# article's issue, and a restart at another size keeps the place.
. tests/e2e/lib.sh

W=80 H=24
screen_size "$W" "$H"
KEY=dd146d8cb3d5
TITLE=$(expect article $KEY title)
SECTION=$(expect article $KEY section)
ISSUE_KEY=$(expect article $KEY issue-key)
STATE_DB=$TMP/state/kuaibao/state.db
# flags and marks go on articles of the newest issue, open at every
# start: "ROW KEY" (ROW: rows below the issue row)
expect first-issue | sed 1d >"$TMP/first"
row_of() { sed -n "${1}p" "$TMP/first" | cut -d' ' -f1; }
key_of() { sed -n "${1}p" "$TMP/first" | cut -d' ' -f2; }
A2=$(key_of 1) A3=$(key_of 2) A4=$(key_of 4) A5=$(key_of 5)

# to_row NAME N: Tab to the sidebar, g to its top, j N times
to_row() {
	keys "$1" Tab
	wait_status "$1" '  \?:帮助$'	# no % once in the sidebar
	keys "$1" g
	_j=0
	while [ "$_j" -lt "$2" ]; do
		keys "$1" j
		_j=$((_j + 1))
	done
}

pane_text() {	# the article pane's rows of a screen
	screen_py cols "$X" $W "$1" | head -n $ROWS
}

# ---- the last article and its scroll offset ----
reader s1 $W $H
if ! wait_for s1 '?:帮助' || ! open_article s1 "$SW" $ROWS $KEY; then
	fail "the article opens" "$(diag_screen)"
	finish
fi
keys s1 j j j j j j j
wait_status s1 ' · [1-9][0-9]?%' && wait_stable s1 &&
    [ "$(pane_text "$LAST" | head -n 1)" != "$(title_start "$TITLE")" ]
outcome $? "j scrolls the article"
cp "$LAST" "$TMP/before-quit"
quit_reader s1 || fail "q quits" "$(diag_screen)"
kill_session s1

reader s2 $W $H
if wait_for s2 '?:帮助' && wait_status s2 "$SECTION · .* · [0-9]+%" && wait_stable s2; then
	if [ "$(pane_text "$LAST")" = "$(pane_text "$TMP/before-quit")" ]; then
		pass "restart: the same article at the same scroll offset"
	else
		fail "restart: the same article at the same scroll offset" \
		    "before q:" "$(pane_text "$TMP/before-quit")" "after the restart:" "$(diag_screen)"
	fi
	if [ "$(status_line)" = "$(status_line "$TMP/before-quit")" ]; then
		pass "restart: the same status line ($(status_line | sed 's/  *?:帮助//'))"
	else
		fail "restart: the same status line" "before: $(status_line "$TMP/before-quit")" "after:  $(status_line)"
	fi
	check "restart: the article is read (' ' for '*'), its issue open with every column and article" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --read $KEY \
	    --expand "$ISSUE_KEY" --expand-first --top auto
else
	fail "restart: the reader opens the last article" "$(diag_screen)"
fi

# ---- flags and read marks: m, u, F ----
to_row s2 "$(row_of 1)"
if wait_status s2 "· $(expect article "$A2" section) · $(expect article "$A2" position) +\\?:帮助" &&
    wait_stable s2; then
	keys s2 m
	wait_status s2 '^已加星标' && wait_re s2 "^    !\\*$(title_start "$(expect article "$A2" title)")"
	outcome $? "m flags the article under the cursor: ! in its mark column"
	keys s2 j j u
	wait_status s2 '^已标为已读' &&
	    wait_re s2 "^      $(title_start "$(expect article "$A3" title)")"
	outcome $? "u marks the article under the cursor read: ' ' for '*'"
	keys s2 F
	if wait_status s2 '\[星标\]  \?:帮助$' && wait_stable s2; then
		check "F: only the flagged article" \
		    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --flagged \
		    --flag "$A2" --read "$KEY,$A3"
	else
		fail "F: only the flagged article, [星标] on the status line" "$(diag_screen)"
	fi
	keys s2 x
	wait_gone s2 '[星标]'
else
	fail "Tab, g, j: the cursor on an article of the newest issue" "$(diag_screen)"
fi
quit_reader s2 || fail "q quits" "$(diag_screen)"
kill_session s2

reader s3 $W $H
if wait_for s3 '?:帮助' && wait_status s3 "$SECTION · .* · [0-9]+%" && wait_stable s3; then
	check "restart: the flag (!) and the read marks are kept" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --read "$KEY,$A3" \
	    --flag "$A2" --expand "$ISSUE_KEY" --expand-first --top auto
else
	fail "restart: the reader starts again" "$(diag_screen)"
fi
quit_reader s3 || fail "q quits" "$(diag_screen)"
kill_session s3

# ---- two readers at once ----
reader ra $W $H
reader rb $W $H
if wait_status ra "$SECTION · .* · [0-9]+%" && wait_stable ra &&
    wait_status rb "$SECTION · .* · [0-9]+%" && wait_stable rb; then
	pass "two readers run at once on the same state"
	to_row ra "$(row_of 4)"
	wait_status ra "· $(expect article "$A4" position) +\\?:帮助" && wait_stable ra
	to_row rb "$(row_of 5)"
	wait_status rb "· $(expect article "$A5" position) +\\?:帮助" && wait_stable rb
	keys ra m
	keys rb m
	wait_status ra '^已加星标' && wait_status rb '^已加星标'
	outcome $? "each reader flags its own article"
	quit_reader ra || fail "the first reader quits" "$(diag_screen)"
	quit_reader rb || fail "the second reader quits" "$(diag_screen)"
	got=$(sqlite3 "$STATE_DB" 'SELECT key FROM marks WHERE flagged = 1 ORDER BY key' 2>&1 | tr '\n' ' ')
	want=$(printf '%s\n' "$A2" "$A4" "$A5" | sort | tr '\n' ' ')
	if [ "$got" = "$want" ]; then
		pass "sqlite3: the state database holds the flags of both readers"
	else
		fail "sqlite3: the state database holds the flags of both readers" "expected: $want" "found:    $got"
	fi
	reader s4 $W $H
	if wait_status s4 "$SECTION · .* · [0-9]+%" && wait_stable s4; then
		check "restart: both readers' flags are shown" \
		    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS" --read "$KEY,$A3" \
		    --flag "$A2,$A4,$A5" --expand "$ISSUE_KEY" --expand-first --top auto
	else
		fail "restart after the two readers" "$(diag_screen)"
	fi
	quit_reader s4 || fail "q quits" "$(diag_screen)"
else
	fail "two readers run at once on the same state" "$(diag_screen)"
fi

# ---- a restart at another size keeps the place ----
reader s5 $W $H
wait_status s5 "$SECTION · .* · [0-9]+%" && wait_stable s5
keys s5 Space Space
wait_status s5 ' · [1-9][0-9]%' && wait_stable s5
top=$(pane_text "$LAST" | grep -v '^$' | head -n 1 | python3 -c 'import sys; print(sys.stdin.read().strip()[:8])')
quit_reader s5 || fail "q quits" "$(diag_screen)"
reader s6 120 40
if wait_status s6 "$SECTION · .* · [0-9]+%" && wait_stable s6; then
	screen_py cols "$(pane_x 40)" 120 "$LAST" | head -n 3 | tr -d '\n' | grep -qF "$top"
	outcome $? "restart at 120x40: the text that was at the top at 80x24 ('$top') is at the top"
	check "restart at 120x40: the restored article's issue shows every column with its articles, marks and flags" \
	    screen_py sidebar "$LAST" 40 39 "$CORPUS" --read "$KEY,$A3" \
	    --flag "$A2,$A4,$A5" --expand "$ISSUE_KEY" --expand-first --top auto
else
	fail "restart at 120x40" "$(diag_screen)"
fi
quit_reader s6 || fail "q quits" "$(diag_screen)"

finish

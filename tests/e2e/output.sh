#!/bin/sh
# What the reader writes to the terminal for one key: over SSH every byte
# is latency.  tmux pipe-pane -O copies the program's output to a file
# while the key is handled.  A move inside one pane must leave the other
# alone (none of its text is written again: ncurses compares with what
# the terminal shows, unless the reader clears it), and a one-line scroll
# at full width draws one new line, not the screen.
#
# Bounds, at 80 columns: a new line holds at most 78 columns of text,
# at most 117 bytes of UTF-8 (3 bytes per 2 columns of Chinese); with
# the scroll (a scroll region and a line feed, ~25 bytes), the status
# line's percentage and the colour changes (~60 bytes) a line costs
# well under 4 bytes per column, 320 bytes.  Redrawing the 23 rows of
# the pane instead would cost several kilobytes.
. tests/e2e/lib.sh

KEY=dd146d8cb3d5	# 美国发布促进清洁能源发展的《美国国家创新路径》: many lines
W=80 H=24 S=out
screen_size "$W" "$H"
LINE_MAX=$((4 * W))

# written NAME KEY...: the bytes the reader writes for the keys, in
# $TMP/out; waits for the screen to change and settle, then for the copy
# to be complete (tmux's pipe ends when it is closed).
written() {
	_w=$1
	shift
	: >"$TMP/out"
	tm pipe-pane -O -t "$_w" "cat >>'$TMP/out'"
	capture "$_w" "$TMP/before"
	keys "$_w" "$@"
	wait_change "$_w" "$TMP/before" && wait_stable "$_w"
	_rc=$?
	tm pipe-pane -t "$_w"
	_n=0 _size=-1
	while [ "$_n" -lt 50 ] && [ "$(wc -c <"$TMP/out")" != "$_size" ]; do
		_size=$(wc -c <"$TMP/out")
		sleep 0.05
		_n=$((_n + 1))
	done
	# a key that moves something writes something: an empty record
	# would pass every check below
	[ -s "$TMP/out" ] || { echo "# nothing was recorded"; _rc=1; }
	return "$_rc"
}

bytes() {
	wc -c <"$TMP/out" | tr -d ' '
}

rm -rf "$TMP/state"/*
reader $S $W $H
if ! wait_for $S '?:帮助' || ! open_article $S "$SW" $ROWS $KEY; then
	fail "80x24: the article opens" "$(diag_screen)"
	finish
fi

# beside the sidebar: j scrolls the article, the sidebar is not redrawn
cp "$LAST" "$TMP/screen"
if written $S j; then
	check "j in the article beside the sidebar writes none of the sidebar's text ($(bytes) bytes)" \
	    screen_py unwritten "$TMP/out" 0 "$SW" $ROWS "$TMP/screen" "$LAST"
else
	fail "j in the article scrolls it" "$(diag_screen)"
fi

# in the sidebar: j moves the cursor, the article is not redrawn
keys $S Tab
# the sidebar's status line: no scroll percentage before ?:帮助
wait_status $S '/[0-9]+ +\?:帮助$' && wait_stable $S
cp "$LAST" "$TMP/screen"
if written $S j; then
	check "j in the sidebar writes none of the article's text ($(bytes) bytes)" \
	    screen_py unwritten "$TMP/out" "$X" "$W" $ROWS "$TMP/screen" "$LAST"
	_n=$(bytes)
	# two rows of the sidebar (the old cursor row and the new) and the
	# status line, at most 3 bytes per 2 columns, plus their colours
	_max=$(( (2 * SW + W) * 3 / 2 + 120 ))
	if [ "$_n" -le "$_max" ]; then
		pass "j in the sidebar writes two rows and the status line: $_n ≤ $_max bytes"
	else
		fail "j in the sidebar writes two rows and the status line: $_n ≤ $_max bytes"
	fi
else
	fail "j in the sidebar moves the cursor" "$(diag_screen)"
fi
keys $S k Tab
wait_status $S ' · [0-9]+%' && wait_stable $S

# s hides the sidebar; the first scroll after it, and the next ones,
# draw one line each (a clear on a layout change would make ncurses
# forget the rows: the first scroll after it redrew the whole screen)
keys $S s
if ! wait_gone $S '│' || ! wait_stable $S; then
	fail "s hides the sidebar" "$(diag_screen)"
	finish
fi
for step in "j 1" "j 2" "j 3" "k 1"; do
	k=${step% *}
	if written $S "$k"; then
		_n=$(bytes)
		[ "$_n" -le "$LINE_MAX" ]
		outcome $? "$step at full width writes one line: $_n ≤ $LINE_MAX bytes"
	else
		fail "$step at full width scrolls the article" "$(diag_screen)"
	fi
done
quit_reader $S || fail "q quits" "$(diag_screen)"
finish

#!/bin/sh
# Resizing the terminal (tmux resize-window) with an article open:
# 120x40 -> 80x24 -> 40x12 -> 120x40, once at the top of the article and
# once scrolled into its middle.  After each resize: the article is
# still open at the same place (at the top: the title is the first line
# and the status line says 0%; in the middle: the text that was at the
# top of the pane is still on the screen), the status line names the
# article's column and place with a percentage, the border is straight
# on every row, no row is wider than the terminal; at 40x12 only one
# pane shows (no border, the article from column 1), h shows the
# sidebar alone, full width, and Enter the article again.
. tests/e2e/lib.sh

KEY=dd146d8cb3d5
TITLE=$(expect article $KEY title)
SECTION=$(expect article $KEY section)
POS=$(expect article $KEY position)
S=rsz

# resized W H: the screen in $LAST is the reader's redraw at W x H: H
# rows, the border straight at the new sidebar width (one pane when
# narrow: no border anywhere), the status line at the bottom
resized() {
	[ "$(wc -l <"$LAST")" -eq "$2" ] && status_line | grep -q "$POS" &&
	    if [ "$1" -ge 60 ]; then
		screen_py border "$(side_width "$1")" $(($2 - 1)) "$LAST" >/dev/null
	    else
		! grep -q '│' "$LAST"
	    fi
}

resize_to() {	# resize_to W H: resize, wait for the redraw
	resize $S "$1" "$2"
	_poll $S "" resized "$1" "$2" && wait_stable $S
}

# pane_join W [N]: the article pane's text on the screen (its first N
# rows), lines joined
pane_join() {
	if [ "$1" -lt 60 ]; then
		_x=1
	else
		_x=$(pane_x "$(side_width "$1")")
	fi
	screen_py cols "$_x" "$1" "$LAST" | sed '$d' | head -n "${2:-1000}" | tr -d '\n'
}

# checks SIZE W H HOW: the checks after a resize; HOW is "top" or a
# fragment of text that must still be on the screen
checks() {
	_size=$1 w=$2 h=$3 _how=$4
	rows=$((h - 1))
	if [ "$_how" = top ]; then
		pane_join "$w" | grep -qF "$(title_start "$TITLE")" &&
		    screen_py cols "$([ "$w" -lt 60 ] && echo 1 || pane_x "$(side_width "$w")")" "$w" "$LAST" |
		    head -n 1 | grep -qF "$(title_start "$TITLE")"
		outcome $? "$_size ($_how): the article is still open, its title the first line"
		pct='0%' pct_name=0%
	else
		if pane_join "$w" 3 | grep -qF "$_how"; then
			pass "$_size (scrolled): the article is still open at the same place ('$_how' still at the top of the pane)"
		else
			fail "$_size (scrolled): the article is still open at the same place ('$_how' was at the top of the pane, is no more)" "$(diag_screen)"
		fi
		pct='[0-9]+%' pct_name='a percentage'
	fi
	# narrow, the column's name may give way; the place may not
	if [ "$w" -ge 60 ]; then
		_want="$SECTION · $POS · $pct" _what="the column, $POS and $pct_name"
	else
		_want="$POS · $pct" _what="$POS and $pct_name"
	fi
	status_line | grep -qE "$_want"
	outcome $? "$_size ($_how): the status line shows $_what"
	check "$_size ($_how): no row is wider than $w columns" screen_py widths "$w" "$LAST"
	if [ "$w" -ge 60 ]; then
		check "$_size ($_how): the border is straight on every row" \
		    screen_py border "$(side_width "$w")" "$rows" "$LAST"
	elif grep -q '│' "$LAST" || sed '$d' "$LAST" | grep -q '^[^ ]' ||
	    sed '$d' "$LAST" | grep -qE '^(  )?[+-] '; then
		fail "$_size ($_how): one pane only: no border, the article from column 1" "$(diag_screen)"
	else
		pass "$_size ($_how): one pane only: no border, the article from column 1"
	fi
}

for how in top middle; do
	rm -rf "$TMP/state"/*
	reader $S 120 40
	if ! wait_for $S '?:帮助' || ! open_article $S 40 39 $KEY; then
		fail "120x40: the article opens" "$(diag_screen)"
		kill_session $S
		continue
	fi
	if [ "$how" = middle ]; then
		# a page and a half down: the top of the pane in a paragraph
		keys $S Space C-d
		wait_status $S ' · [1-9][0-9]?%' && wait_stable $S
		# the first 8 characters of the pane's first row
		how=$(screen_py cols 42 120 "$LAST" | head -n 1 |
		    python3 -c 'import sys; print(sys.stdin.read().strip()[:8])')
		[ -n "$how" ] || how=$(screen_py cols 42 120 "$LAST" | sed -n 2p |
		    python3 -c 'import sys; print(sys.stdin.read().strip()[:8])')
	fi
	checks 120x40 120 40 "$how"
	for size in 80x24 40x12 120x40; do
		w=${size%x*} h=${size#*x}
		if resize_to "$w" "$h"; then
			checks "120x40 -> $size" "$w" "$h" "$how"
		else
			fail "resize to $size: the reader redraws at the new size" "$(diag_screen)"
		fi
		if [ "$size" = 40x12 ] && [ "$how" = top ]; then
			# one pane at a time: h shows the sidebar, full width
			keys $S h
			if wait_status $S "$SECTION · $POS +\\?:帮助" && wait_stable $S &&
			    ! grep -q '│' "$LAST" && head -n 1 "$LAST" | grep -q '^[+-] '; then
				pass "40x12: h shows the sidebar alone, full width"
				check "40x12: the sidebar rows are 40 columns, counts at the right edge" \
				    screen_py sidebar "$LAST" 40 11 "$CORPUS" --read $KEY \
				    --expand "$(expect article $KEY issue-key)"
			else
				fail "40x12: h shows the sidebar alone, full width" "$(diag_screen)"
			fi
			keys $S Enter
			wait_status $S "$SECTION · $POS" && wait_stable $S &&
			    ! grep -q '│' "$LAST" &&
			    pane_join 40 | grep -qF "$(title_start "$TITLE")"
			outcome $? "40x12: Enter on the article shows it alone again"
			keys $S s
			wait_re $S '^[+-] ' && wait_status $S "$POS +\\?:帮助" &&
			    wait_stable $S && ! grep -q '│' "$LAST"
			outcome $? "40x12: s shows the sidebar alone"
			keys $S s
			wait_status $S "$POS · 0%" && wait_stable $S &&
			    pane_join 40 | grep -qF "$(title_start "$TITLE")"
			outcome $? "40x12: s again shows the article alone"
		fi
	done
	quit_reader $S || fail "q quits" "$(diag_screen)"
	kill_session $S
done

finish

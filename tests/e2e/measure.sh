#!/bin/sh
# The text's measure (issue 11 item 9).  At 300x100 the article pane is
# 259 columns; a paragraph must not run the whole width:
#   - the text's lines are at most 80 columns (the default measure), and
#     a long paragraph fills them (a line of more than 70);
#   - the text starts where it did, a margin after the border; the
#     status line still takes the whole width (?:帮助 at its end);
#   - - and + narrow and widen the text by 4 columns; the measure is
#     kept in the state for the next session;
#   - --measure N sets it for one session (the kept one is untouched);
#     :set-measure 0 lets the text run as wide as the pane.
. tests/e2e/lib.sh

W=300 H=100 S=meas
screen_size "$W" "$H"
KEY=dd146d8cb3d5	# 美国发布促进清洁能源发展的《美国国家创新路径》: long paragraphs

# widest NAME: the widest line of the pane's text, in columns
widest() {
	screen_py cols "$X" "$W" "$LAST" | python3 -c '
import sys
sys.path.insert(0, "tests/lib")
from termtext import width
print(max(width(l.rstrip()) for l in sys.stdin.read().split("\n")[:int(sys.argv[1])]))' $ROWS
}

# measure_is NAME MAX MIN DESC: the widest line at most MAX, at least MIN
measure_is() {
	wait_stable "$1"
	_w=$(widest)
	if [ "$_w" -le "$2" ] && [ "$_w" -ge "$3" ]; then
		pass "$4 (the widest line: $_w columns)"
	else
		fail "$4" "the widest line of the text is $_w columns, not from $3 to $2" "$(diag_screen)"
	fi
}

reader $S $W $H
if ! open_by_title $S $KEY; then
	fail "300x100: the article opens" "$(diag_screen)"
	finish
fi
measure_is $S 80 71 "300x100: the text's lines at most 80 columns, a paragraph filling them"
screen_py cols "$X" "$((X + 2))" "$LAST" | head -n 1 | grep -q '^美'
outcome $? "the text starts a margin after the border (column $X)"
python3 -c '
import sys
sys.path.insert(0, "tests/lib")
from termtext import width
l = open(sys.argv[1], encoding="utf-8").read().split("\n")[int(sys.argv[2]) - 1].rstrip()
sys.exit(0 if l.endswith("?:帮助") and width(l) == int(sys.argv[3]) - 1 else 1)' "$LAST" $H $W
outcome $? "the status line still runs the whole width, ?:帮助 at its end"

keys $S -
wait_status $S '^正文每行至多 76 列' 
measure_is $S 76 71 "-: the text 4 columns narrower"
keys $S + + +
wait_status $S '^正文每行至多 88 列'
measure_is $S 88 81 "+ + +: 12 columns wider than that"
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S

# kept in the state; --measure for one session only
reader $S $W $H
wait_for $S '?:' && wait_stable $S
keys $S Enter
wait_line $S 1 "$(title_start "$(expect article $KEY title)")"
measure_is $S 88 81 "restart: the measure kept (88)"
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S
reader $S $W $H -- --measure 60
wait_for $S '?:' && wait_stable $S
keys $S Enter
wait_line $S 1 "$(title_start "$(expect article $KEY title)")"
measure_is $S 60 51 "--measure 60: the text 60 columns"
keys $S :
type_text $S 'set-measure 0'
keys $S Enter
wait_status $S '^正文与窗格同宽'
measure_is $S $((W - X - 1)) 200 ":set-measure 0: the text as wide as the pane"
keys $S :
type_text $S 'set-measure 5'
keys $S Enter
wait_status $S '^set-measure: “5”不是 10 到 1000 之间的数（第 13 列）'
outcome $? ":set-measure 5: refused, the error at the number"
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S
reader $S $W $H -- --measure 60
wait_for $S '?:' && wait_stable $S
quit_reader $S
kill_session $S
reader $S $W $H
wait_for $S '?:' && wait_stable $S
keys $S Enter
wait_line $S 1 "$(title_start "$(expect article $KEY title)")"
measure_is $S $((W - X - 1)) 200 "restart: the measure :set-measure left (0: the pane's), not --measure's"
quit_reader $S || fail "q quits" "$(diag_screen)"

finish

#!/bin/sh
# The sidebar tree at start, at 80x24 and 120x40: the issues newest
# first (a year-only issue counts as 1 July), the newest one expanded
# with its columns and articles and their counts, the border column
# straight on every row, no row wider than the terminal; then collapsing
# and expanding issues with Enter, h, j and k.
#
# Expected rows come from the importer's JSON dump of data/corpus (see
# screen.py): labels "2021-08-05 第08期" (date and the issue's own number)
# or "2023 科技政策与咨询快报" (year and title), cut to the sidebar width,
# counts right-aligned against the border.
. tests/e2e/lib.sh

# the issue a person would look for: the one with a full date
dated=$(expect issues | awk -F'\t' '$2 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { print NR; exit }')
dated_label=$(expect issues | sed -n "${dated}p" | cut -f2)
dated_key=$(python3 -c '
import json, sys
for i in json.load(open(sys.argv[1]))["issues"]:
    if i.get("date"): print(i["key"]); break' "$CORPUS")

for size in 80x24 120x40; do
	W=${size%x*}
	H=${size#*x}
	S=tree$W
	screen_size "$W" "$H"
	rm -rf "$TMP/state"/*	# no article restored from the run before
	reader "$S" "$W" "$H"
	if ! wait_for "$S" '?:帮助' || ! wait_stable "$S"; then
		fail "$size: the reader starts and shows its status line" "$(diag_screen)"
		continue
	fi
	check "$size: the tree at start: issues newest first, the newest expanded with its columns, articles and counts" \
	    screen_py sidebar "$LAST" "$SW" "$ROWS" "$CORPUS"
	check "$size: column $SW holds the border │ on every row above the status line" \
	    screen_py border "$SW" "$ROWS" "$LAST"
	check "$size: no row is wider than $W columns" screen_py widths "$W" "$LAST"
	first=$(expect issues | head -n 1 | cut -f2 | cut -c1-4)
	status_line | grep -q "^$first.*?:帮助\$" &&
	    [ "$(wc -l <"$LAST")" -eq "$H" ]
	outcome $? "$size: the status line is the last row: the issue on the left, ?:帮助 on the right"

	# Enter on the expanded issue collapses it: only issue rows remain
	keys "$S" Enter
	if wait_re "$S" '^\+ ' && wait_stable "$S" &&
	    ! grep -q '^- ' "$LAST"; then
		check "$size: Enter collapses the newest issue: every issue, newest first, with its count" \
		    screen_py sidebar "$LAST" "$SW" "$ROWS" "$CORPUS" --expand ""
	else
		fail "$size: Enter collapses the newest issue" "$(diag_screen)"
	fi
	check "$size: the border is straight after collapsing" \
	    screen_py border "$SW" "$ROWS" "$LAST"

	# down to the dated issue and open it
	n=1
	while [ "$n" -lt "$dated" ]; do
		keys "$S" j
		n=$((n + 1))
	done
	keys "$S" Enter
	if wait_for "$S" "- $dated_label" && wait_stable "$S"; then
		check "$size: j and Enter expand $dated_label with its columns and articles" \
		    screen_py sidebar "$LAST" "$SW" "$ROWS" "$CORPUS" --expand "$dated_key"
		status_line | grep -q "^$dated_label"
		outcome $? "$size: the status line names the issue under the cursor"
	else
		fail "$size: j and Enter expand $dated_label" "$(diag_screen)"
	fi
	check "$size: the border is straight with the dated issue open" \
	    screen_py border "$SW" "$ROWS" "$LAST"
	check "$size: no row is wider than $W columns with the dated issue open" \
	    screen_py widths "$W" "$LAST"

	# j onto its first column and h collapses the column; h again goes
	# up to the issue, and h once more collapses the issue
	first_sec=$(sed -n 's/^  - \([^ ]*\) .*/\1/p' "$LAST" | head -n 1)
	keys "$S" j h
	wait_for "$S" "  + $first_sec" && wait_stable "$S"
	outcome $? "$size: j onto the column $first_sec and h collapses it"
	keys "$S" h
	wait_status "$S" "^$dated_label · " && wait_stable "$S"
	outcome $? "$size: h on a collapsed column goes up to its issue"
	keys "$S" h
	if wait_gone "$S" "- $dated_label" && wait_stable "$S"; then
		check "$size: h on the issue collapses it" \
		    screen_py sidebar "$LAST" "$SW" "$ROWS" "$CORPUS" --expand ""
	else
		fail "$size: h on the issue collapses it" "$(diag_screen)"
	fi
	# ] on the collapsed issue opens its first article
	first_key=$(python3 -c '
import json, sys
for i in json.load(open(sys.argv[1]))["issues"]:
    if i["key"] == sys.argv[2]:
        print(i["sections"][0]["articles"][0]["key"])' "$CORPUS" "$dated_key")
	first_title=$(expect article "$first_key" title)
	keys "$S" ']'
	KB_GREP=-F
	if wait_line "$S" 1 "$(title_start "$first_title")"; then
		pass "$size: ] on the collapsed issue $dated_label opens its first article"
	else
		fail "$size: ] on the collapsed issue $dated_label opens its first article ($first_title)" "$(diag_screen)"
	fi
	KB_GREP=-E
	quit_reader "$S" || fail "$size: q quits" "$(diag_screen)"
	kill_session "$S"
done

finish

#!/bin/sh
# Other terminals and environments, at 80x24:
#   TERM=vt100 (no colour): the tree, the border (drawn with the DEC line
#   set: "x" in capture-pane -p, shifted out in -e), the selected row and
#   the status line in reverse video, no colour SGR, an article opens and
#   a search match is set apart (underline) without colour;
#   TERM=linux: the tree, the border, an article opens;
#   NO_COLOR=1: the same screens without any colour SGR (capture -e);
#   TERM=dumb, and LANG=C LC_ALL=C: one clear line on stderr, a non-zero
#   exit, the terminal as it was (stty -g the same, no alternate screen);
#   a missing database (-d, and none found): one clear line, non-zero;
#   after q: the terminal as it was (stty, normal screen, cursor shown).
. tests/e2e/lib.sh

W=80 H=24
screen_size "$W" "$H"
KEY=dd146d8cb3d5
TITLE=$(expect article $KEY title)

# ---- vt100, linux, NO_COLOR ----
for t in vt100 linux nocolor; do
	case $t in
	vt100) envs="TERM=vt100" name="TERM=vt100" ;;
	linux) envs="TERM=linux" name="TERM=linux" ;;
	nocolor) envs="NO_COLOR=1" name="NO_COLOR=1" ;;
	esac
	S=t$t
	rm -rf "$TMP/state"/*
	reader $S $W $H $envs
	if ! wait_for $S '?:帮助' || ! wait_stable $S; then
		fail "$name: the reader starts" "$(diag_screen)"
		kill_session $S
		continue
	fi
	check "$name: the tree at start" \
	    screen_py sidebar "$LAST" "$SW" $ROWS "$CORPUS"
	if [ $t = vt100 ]; then
		check "$name: the border is straight (DEC line drawing)" \
		    screen_py border "$SW" $ROWS "$LAST" --char x
	else
		check "$name: the border is straight" \
		    screen_py border "$SW" $ROWS "$LAST"
	fi
	capture_e $S "$TMP/e"
	if [ $t != linux ]; then
		check "$name: no colour SGR on the screen" screen_py colour "$TMP/e"
	fi
	if screen_py sgr "$TMP/e" 1 "$(title_start "$(sed -n 1p "$LAST" | cut -c3-)")" | grep -q '^\*.*7=True' &&
	    screen_py sgr "$TMP/e" $H "?:帮助" | grep -q '^\*.*7=True'; then
		pass "$name: the selected row and the status line in reverse video"
	else
		fail "$name: the selected row and the status line in reverse video" \
		    "$(screen_py sgr "$TMP/e" 1 "$(sed -n 1p "$LAST" | cut -c3-8)")" \
		    "$(screen_py sgr "$TMP/e" $H "?:帮助")"
	fi
	open_article $S "$SW" $ROWS $KEY &&
	    screen_py cols "$X" $W "$LAST" | head -n 1 | grep -qF "$(title_start "$TITLE")"
	outcome $? "$name: Enter opens an article"
	if [ $t != linux ]; then
		# a search: the matches set apart without colour
		keys $S /
		wait_status $S '^/: *$'
		type_text $S 清洁能源
		keys $S Enter
		wait_status $S '\[/清洁能源 ' && wait_stable $S
		keys $S Enter
		wait_status $S '· [0-9]+%' && wait_stable $S
		capture_e $S "$TMP/e"
		check "$name: search matches set apart from the text around them" \
		    screen_py highlight "$TMP/e" "$X" $ROWS 清洁能源
		check "$name: no colour SGR with an article and a search on the screen" \
		    screen_py colour "$TMP/e"
	fi
	quit_reader $S || fail "$name: q quits" "$(diag_screen)"
	kill_session $S
done

# ---- refusals: TERM=dumb, a non-UTF-8 locale, no database ----
# in_term NAME CMD...: CMD in a pane, inside a shell that saves stty -g
# before and after, its stderr and its status; the pane stays open
in_term() {
	_n=$1
	shift
	mkdir -p "$TMP/$_n"
	start "$_n" $W $H -- sh -c '
		d=$1; shift
		stty -g >"$d/before"
		"$@" 2>"$d/err"
		rc=$?
		stty -g >"$d/after"
		cat "$d/err"
		echo "rc=$rc"
		echo "$rc" >"$d/rc.tmp"; mv "$d/rc.tmp" "$d/rc"
		exec cat' sh "$TMP/$_n" "$@"
}

# refused NAME DESC PATTERN CMD...: CMD is refused with one line on
# stderr matching PATTERN and a non-zero status; the terminal is sane
refused() {
	_n=$1 _desc=$2 _pat=$3
	shift 3
	in_term "$_n" "$@"
	if ! wait_file "$TMP/$_n/rc"; then
		fail "$_desc: the reader ends" "$(diag_screen)"
		return
	fi
	_rc=$(cat "$TMP/$_n/rc")
	if [ "$_rc" -ne 0 ] && [ "$(wc -l <"$TMP/$_n/err")" -eq 1 ] &&
	    grep -qE "$_pat" "$TMP/$_n/err"; then
		pass "$_desc: one line on stderr, status $_rc: $(cat "$TMP/$_n/err")"
	else
		fail "$_desc: one clear line on stderr and a non-zero status" \
		    "status $_rc, stderr:" "$(cat "$TMP/$_n/err")"
	fi
	wait_for "$_n" "rc=$_rc"
	if cmp -s "$TMP/$_n/before" "$TMP/$_n/after" &&
	    [ "$(tm display -p -t "$_n" '#{alternate_on}')" = 0 ]; then
		pass "$_desc: the terminal is left as it was"
	else
		fail "$_desc: the terminal is left as it was" \
		    "stty before: $(cat "$TMP/$_n/before")" "stty after:  $(cat "$TMP/$_n/after")" \
		    "alternate screen: $(tm display -p -t "$_n" '#{alternate_on}')"
	fi
	kill_session "$_n"
}

refused dumb "TERM=dumb" 'TERM|terminal' env TERM=dumb "$KB" -d "$KB_DB"
refused cloc "LANG=C LC_ALL=C" 'UTF-8|locale' env LANG=C LC_ALL=C "$KB" -d "$KB_DB"
refused nodb "-d a missing file" 'no such|not found|missing|cannot' "$KB" -d "$TMP/nothing/here.db"
refused nodb2 "no -d and no database anywhere" 'database' \
    env -u KUAIBAO_DB XDG_DATA_HOME="$TMP/empty" HOME="$TMP/empty" "$KB"
printf 'not a database\n' >"$TMP/junk.db"
refused junk "-d a file that is not a database" 'database' "$KB" -d "$TMP/junk.db"

# ---- after q, the terminal is as it was ----
in_term sane "$KB" -d "$KB_DB"
if wait_for sane '?:帮助' && wait_stable sane; then
	keys sane q
	wait_file "$TMP/sane/rc" && [ "$(cat "$TMP/sane/rc")" = 0 ]
	outcome $? "q: the reader ends with status 0"
	wait_for sane 'rc=0'
	flags=$(tm display -p -t sane '#{alternate_on} #{cursor_flag}')
	if cmp -s "$TMP/sane/before" "$TMP/sane/after" && [ "$flags" = "0 1" ] &&
	    ! grep -q '?:帮助' "$LAST"; then
		pass "q: the terminal is left as it was (stty, the normal screen, the cursor shown)"
	else
		fail "q: the terminal is left as it was (stty, the normal screen, the cursor shown)" \
		    "stty before: $(cat "$TMP/sane/before")" "stty after:  $(cat "$TMP/sane/after")" \
		    "alternate screen, cursor: $flags" "$(diag_screen)"
	fi
else
	fail "the reader starts in a shell" "$(diag_screen)"
fi

finish

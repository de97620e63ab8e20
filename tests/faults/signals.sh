#!/bin/sh
# Terminal faults: signals and sizes.
#
# - SIGWINCH storms: 100 resize-window calls in a row (random sizes from
#   30x8 to 220x70), with the sidebar and with an article open; then the
#   reader is alive, its screen matches the final size (no line wider,
#   the border straight), it equals its own full redraw (^L), and it
#   still answers keys.
# - SIGHUP (the terminal hangs up: the tmux pane is killed), SIGHUP,
#   SIGTERM and SIGINT sent with kill, and ^C typed: the reader ends
#   within seconds (no spinning on a dead terminal), the shell gets the
#   terminal back sane (stty -a: echo icanon; the alternate screen off),
#   and the article it showed was saved as the last position in the
#   state database.
# - ^Z (SIGTSTP) and fg (SIGCONT): the shell is back with a sane
#   terminal; after fg the screen is redrawn and keys work.
# - Terminals of 1x1, 2x2 and 10x3: no crash, no hang, q still quits.
# - Sizes from 40x12 to 300x100: the screen is exactly the size, no line
#   wider, the border straight.
. tests/faults/lib.sh
need_binaries

DB=$TMP/kb.db
cp "$KB_DB" "$DB"
# the first article of the first issue, opened by j j Enter
KEY=$("$KB" -d "$DB" --list | awk 'NR > 1 && /^    / { print $1; exit }')
TITLE=$("$KB" -d "$DB" --list | awk 'NR > 1 && /^    / { $1 = ""; sub(/^ +/, ""); print; exit }')
T8=$(printf '%s' "$TITLE" | cut -c1-12)
STATE=$TMP/state/kuaibao/state.db
nfaults=0

# reader_pid SESSION: the reader's pid, a child of the pane's shell
reader_pid() {
	_pp=$(pane_pid "$1")
	_d=$(_deadline)
	while :; do
		_rp=$(pgrep -P "$_pp" 2>/dev/null | head -n 1)
		[ -n "$_rp" ] && { echo "$_rp"; return 0; }
		_before "$_d" || return 1
		sleep 0.05
	done
}

# open_first SESSION: the first article, from the sidebar at start
open_first() {
	keys "$1" j j Enter
	wait_re "$1" "│ $T8" || return 1
	wait_stable "$1"
}

saved_key() {	# the last article in the state database
	sqlite3 "$STATE" 'SELECT article FROM positions' 2>/dev/null | tail -n 1
}

# in_shell NAME W H: a shell running the reader on $DB; its pid in RPID
in_shell() {
	kill_session "$1"
	shell "$1" "$2" "$3" || return 1
	type_text "$1" "clear; $KB -d '$DB'; echo \"RC=\$?\""
	keys "$1" Enter
	wait_reader "$1" || return 1
	RPID=$(reader_pid "$1")
}

# storm SESSION N: N resize-window calls as fast as tmux takes them,
# ending at 100x30
storm() {
	awk -v n="$2" -v s="$1" 'BEGIN { srand(42); for (i = 0; i < n - 1; i++)
	    printf "resize-window -t %s -x %d -y %d\n", s, 30 + int(rand() * 190),
	    8 + int(rand() * 62); printf "resize-window -t %s -x 100 -y 30\n", s }' \
	    >"$TMP/storm.cmds"
	# one tmux client per call: each is a separate SIGWINCH
	while read -r _c; do
		# shellcheck disable=SC2086
		tm $_c
	done <"$TMP/storm.cmds"
}

# screen_ok SESSION W H DESC: layout, and the same after ^L
screen_ok() {
	_why=
	if ! wait_size "$1" "$2" "$3"; then
		_why="the reader did not redraw at ${2}x$3"
	fi
	wait_stable "$1"
	capture "$1" "$TMP/s1"
	if ! _o=$(layout_ok "$1" "$2" "$3" "$TMP/s1"); then
		_why="$_why
$_o"
	fi
	keys "$1" C-l
	wait_stable "$1"
	capture "$1" "$TMP/s2"
	sed -i '$d' "$TMP/s1" "$TMP/s2"
	if ! _o=$(check_py same "$TMP/s1" "$TMP/s2"); then
		_why="$_why
not the same after ^L: $_o"
	fi
	verdict "$4" "$_why"
}

# ---- SIGWINCH storms -----------------------------------------------

start w 80 24 -- "$KB" -d "$DB"
if ! wait_reader w; then
	fail "the reader starts" "$(diag_screen)"
	finish
fi
nfaults=$((nfaults + 100))
t0=$(_now)
storm w 100
t1=$(_now)
echo "# 100 resizes in $(elapsed "$t0" "$t1" 2) s"
if ended w; then
	fail "100 resizes (sidebar): the reader is alive" "it ended: $(cat "$TMP/rc.w") $(cat "$TMP/err.w")"
else
	pass "100 resizes (sidebar): the reader is alive"
fi
screen_ok w 100 30 "100 resizes (sidebar): the screen fits 100x30, border straight, same as redrawn"
open_first w
nfaults=$((nfaults + 100))
storm w 100
if ended w; then
	fail "100 resizes (article open): the reader is alive" "it ended: $(cat "$TMP/rc.w") $(cat "$TMP/err.w")"
else
	pass "100 resizes (article open): the reader is alive"
fi
screen_ok w 100 30 "100 resizes (article open): the screen fits 100x30, border straight, same as redrawn"
capture w "$TMP/before"
keys w ']'
if wait_change w "$TMP/before" && wait_status w '[0-9]+%'; then
	pass "after the storms, keys work (] opens the next article)"
else
	fail "after the storms, keys work (] opens the next article)" "$(diag_screen)"
fi

# ---- sizes -----------------------------------------------------------

for sz in 40x12 59x20 60x20 80x24 100x30 132x43 200x60 250x80 300x100; do
	nfaults=$((nfaults + 1))
	resize w "${sz%x*}" "${sz#*x}"
	screen_ok w "${sz%x*}" "${sz#*x}" "$sz: the screen fits, no line wider, border straight, same as redrawn"
done
verdict "after storms and sizes, q quits with status 0 and nothing on stderr" \
    "$(quit_why w)"
kill_session w

# ---- tiny terminals --------------------------------------------------

for sz in 1x1 2x2 10x3; do
	nfaults=$((nfaults + 1))
	rm -rf "$TMP/state/kuaibao"
	start tiny 80 24 -- "$KB" -d "$DB"
	wait_reader tiny
	open_first tiny
	resize tiny "${sz%x*}" "${sz#*x}"
	why=
	# give it its SIGWINCH and some keys, at that size
	_d=$(_deadline 2)
	while _before "$_d"; do
		[ "$(tfmt tiny '#{pane_width}x#{pane_height}')" = "$sz" ] && break
		sleep 0.05
	done
	keys tiny j Space G g h j Enter '?' Escape
	wait_stable tiny
	ended tiny && why="it ended at $sz: status $(cat "$TMP/rc.tiny"): $(head -c 500 "$TMP/err.tiny")"
	[ -n "$why" ] || why=$(quit_why tiny)
	verdict "a ${sz} terminal: no crash, no hang, q quits" "$why"
	kill_session tiny
done

# ---- ending signals --------------------------------------------------

# after_end NAME DESC: the reader has ended: the shell is back with
# a sane terminal, the normal screen, and the position saved
after_end() {
	_why=
	if ! wait_pid_gone "$RPID" 5; then
		_why="the reader (pid $RPID) is still running 5 s later"
		kill -KILL "$RPID" 2>/dev/null
	fi
	if wait_re "$1" '^RC=[0-9]+'; then
		echo "# $2: exit status $(grep -E '^RC=' "$LAST" | tail -n 1 | cut -d= -f2)"
		[ "$(tfmt "$1" '#{alternate_on}')" = 0 ] ||
		    _why="$_why; the alternate screen is still on"
		_o=$(stty_sane "$1") || _why="$_why; $_o"
	else
		_why="$_why; the shell did not get the terminal back: $(tail -n 3 "$LAST")"
	fi
	_k=$(saved_key)
	[ "$_k" = "$KEY" ] || _why="$_why; the saved position is '$_k', not $KEY"
	verdict "$2: the reader ends, the terminal is sane, the position saved" "${_why#; }"
}

for sig in HUP TERM INT QUIT; do
	nfaults=$((nfaults + 1))
	rm -rf "$TMP/state/kuaibao"
	if ! in_shell sig 100 30; then
		fail "SIG$sig: the reader starts in a shell" "$(diag_screen)"
		continue
	fi
	open_first sig
	keys sig Space
	wait_status sig '[0-9]+%'
	kill -"$sig" "$RPID"
	after_end sig "kill -$sig"
done

nfaults=$((nfaults + 1))
rm -rf "$TMP/state/kuaibao"
if in_shell sig 100 30; then
	open_first sig
	keys sig C-c
	after_end sig "^C typed"
fi

# the terminal hangs up: the pane (and its pty) is killed under it
nfaults=$((nfaults + 1))
rm -rf "$TMP/state/kuaibao"
start hup 100 30 -- "$KB" -d "$DB"
wait_reader hup
RPID=$(reader_pid hup)
open_first hup
keys hup Space
wait_status hup '[0-9]+%'
tm kill-pane -t hup
why=
wait_pid_gone "$RPID" 5 || { why="the reader is still running 5 s after its terminal went away"; kill -KILL "$RPID"; }
k=$(saved_key)
[ "$k" = "$KEY" ] || why="$why; the saved position is '$k', not $KEY"
verdict "hang-up (the pane killed): the reader ends, the position saved" "${why#; }"

# ---- ^Z and fg -------------------------------------------------------

nfaults=$((nfaults + 1))
rm -rf "$TMP/state/kuaibao"
if in_shell z 100 30; then
	open_first z
	keys z C-z
	why=
	if wait_re z '^KBSH\$ *$'; then
		grep . "$LAST" | sed 's/^/# after ^Z: /'
		o=$(stty_sane z) || why="stopped: $o"
		[ "$(tfmt z '#{alternate_on}')" = 0 ] || why="$why; stopped: the alternate screen is still on"
		verdict "^Z: the shell is back, the terminal sane" "$why"
		keys z C-u
		type_text z fg
		keys z Enter
		why=
		if wait_re z "│ $T8" && wait_reader z; then
			capture z "$TMP/fg"
			o=$(layout_ok z 100 30 "$TMP/fg") || why="$o"
			keys z Space
			wait_status z '[0-9]+%' || why="$why; Space after fg: no position on the status line"
			keys z q
			# the list after the stopped job is not resumed by
			# fg: ask the shell for fg's status, the reader's
			if wait_pid_gone "$RPID" 5 && wait_re z '^KBSH\$ *$'; then
				type_text z 'echo "FG=$?"'
				keys z Enter
				wait_re z '^FG=0' || why="$why; q after fg: the reader's status is not 0: $(grep '^FG=' "$LAST")"
			else
				why="$why; q after fg: the reader did not end"
			fi
		else
			why="fg: the reader's screen did not come back: $(diag_screen)"
		fi
		verdict "fg: the screen is redrawn, keys work, q quits" "$why"
	else
		fail "^Z: the shell is back, the terminal sane" "$(diag_screen)"
		kill -KILL "$RPID" 2>/dev/null
	fi
fi

echo "# faults injected: $nfaults (resizes, sizes, tiny sizes, signals, hang-up, stop/continue)"
finish

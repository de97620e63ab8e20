#!/bin/sh
# Terminal injection: text from a hostile document must never reach the
# terminal as a control or escape sequence.
#
# A source document in the bulletin's shape carries, in article titles,
# paragraphs, editors, footnote texts and footnote URLs: OSC 0/1/2
# (titles), ESC k, SGR colours, cursor movement and clearing (CSI H J K
# A C, ESC 7/8), scroll regions, insert mode, DEC private modes
# (cursor, alternate screen, mouse, keypad, autowrap), charset
# switching (ESC ( 0, SO), RIS, OSC 8 hyperlinks, DCS (tmux
# passthrough, DECRQSS), OSC 52 clipboard writes, APC/PM/SOS, C0
# controls (BEL BS VT SI DEL CR FF HT), C1 controls as UTF-8, bidi
# overrides and isolates, zero-width characters, a pile of combining
# marks, NUL.  It is imported; then every payload is also written
# straight into every text column the reader shows (issue title and
# number, column, title, editors, date, paragraphs, headings, tables,
# fields, footnotes and URLs, country and theme names; raw C1 bytes
# too), so what the importer happened to drop or reshape is covered.
#
# A control run first shows that this tmux notices the payloads (the
# pane title changes, a paste buffer appears, foreign colours show).
# Then the reader, in tmux, through every view: the sidebar, the
# article (top, paged, bottom with the notes), next articles, a search
# and its matches, the copy prompt (URLs), the country and theme
# prompts and filters, help, the sidebar hidden, a narrow terminal.
# After each: the pane title and window name are unchanged, no paste
# buffer was set, the terminal modes (alternate screen, cursor hidden,
# insert, mouse, keypad, autowrap, origin, scroll region) are the
# reader's own, capture-pane -e holds only the SGR the reader draws
# with, the screen is exactly the pane's size with no line wider than
# it and the border straight.  The hostile bytes are shown in a
# visible form (^[ for ESC, U+FFFD for C1 and bidi controls).
# --cat (every article, two widths), --list and --search print no byte
# below 0x20 but \n, no DEL, no C1 or bidi control.
. tests/faults/lib.sh
need_binaries

DOC=$TMP/hostile.txt
DB=$TMP/hostile.db
DB2=$TMP/doctored.db
ndoc=$(check_py hostile-doc "$DOC")
"$KB_IMPORT" --new --data-dir data -o "$DB" "$DOC" >"$TMP/import.out" 2>"$TMP/import.err"
rc=$?
narts=$(sqlite3 "$DB" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)
if [ "$rc" -le 1 ] && [ "${narts:-0}" -ge 20 ]; then
	pass "the hostile document imports ($narts articles, importer status $rc)"
else
	fail "the hostile document imports (status $rc, ${narts:-0} articles)" \
	    "$(head -c 1500 "$TMP/import.err")"
	finish
fi
cp "$DB" "$DB2"
if ndb=$(check_py doctor "$DB2" 2>"$TMP/doctor.err"); then
	pass "every payload written into every text column of a copy"
else
	fail "every payload written into every text column of a copy" \
	    "$(cat "$TMP/doctor.err")"
	ndb=0
fi
npay=$(check_py payloads | wc -l)

# ---- control: does this tmux notice the payloads at all? -------------

check_py raw "$TMP/raw"
tm new-session -d -s ctl -x 80 -y 24 "sh -c 'read x; cat $TMP/raw; exec sleep 60'"
tm select-pane -t ctl -T KBTITLE
keys ctl Enter
_d=$(_deadline)
why=
while :; do
	t=$(tfmt ctl '#{pane_title}')
	b=$(tm list-buffers 2>/dev/null | wc -l)
	[ "$t" != KBTITLE ] && [ "$b" -gt 0 ] && break
	_before "$_d" || { why="title '$t', $b paste buffers"; break; }
	sleep 0.05
done
capture_e ctl "$TMP/ctl.e"
check_py sgr "$TMP/ctl.e" >/dev/null && why="$why; foreign SGR not seen"
if [ -z "$why" ]; then
	pass "control: the raw payloads change this tmux's pane title, set a paste buffer, show colours"
else
	fail "control: the raw payloads are noticed by this tmux" "$why"
fi
kill_session ctl
while tm delete-buffer 2>/dev/null; do :; done

# ---- the reader, view by view --------------------------------------

W=120
H=40
S=r
start $S $W $H KB_GATE=1 -- "$KB" -d "$DB2"
tm select-pane -t $S -T KBTITLE
tm set -w -t $S automatic-rename off
tm set -w -t $S allow-rename on
tm rename-window -t $S KBWIN
keys $S Enter
if wait_reader $S; then
	pass "the reader starts on the hostile database"
else
	fail "the reader starts on the hostile database" "$(diag_screen)" \
	    "$(cat "$TMP/err.$S" 2>/dev/null)"
	finish
fi
wait_stable $S

MODES='#{alternate_on} #{cursor_flag} #{insert_flag} #{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag} #{wrap_flag} #{origin_flag} #{scroll_region_upper} #{scroll_region_lower}'
modes0=$(tfmt $S "$MODES")
# the modes at another height: only the scroll region's bottom changes
modes_at() {
	printf '%s\n' "$modes0" | awk -v b=$(($1 - 1)) '{ $10 = b; print }'
}
views=0

# view NAME [--prompt]: every check on the screen as it is now; then
# (not in a prompt) ^L, and the full redraw must be the same screen:
# what was drawn bit by bit left nothing behind.
view() {
	_v=$1
	views=$((views + 1))
	wait_stable $S
	_why=
	capture $S "$TMP/v.txt"
	capture_e $S "$TMP/v.e"
	cp "$TMP/v.txt" "$TMP/view.$views.txt"
	_t=$(tfmt $S '#{pane_title}')
	[ "$_t" = KBTITLE ] || _why="$_why
the pane title is now '$_t'"
	_n=$(tfmt $S '#{window_name}')
	[ "$_n" = KBWIN ] || _why="$_why
the window name is now '$_n'"
	_b=$(tm list-buffers 2>/dev/null)
	[ -z "$_b" ] || [ -n "${BUFFER_OK:-}" ] || _why="$_why
a paste buffer was set: $_b"
	_m=$(tfmt $S "$MODES")
	_rows=$((H - 1))
	if [ "${2:-}" = --prompt ]; then
		# a prompt shows the cursor, on the last row; its list of
		# choices (up to 12 rows) covers the panes
		_m=$(printf '%s\n' "$_m" | awk '{ $2 = 0; print }')
		_y=$(tfmt $S '#{cursor_y}')
		[ "$_y" = $((H - 1)) ] || _why="$_why
the prompt's cursor is on row $_y, not on the last row"
		_rows=$((H - 14))
	fi
	[ "$_m" = "$(modes_at "$H")" ] || _why="$_why
terminal modes (alt cursor insert keypad kcursor mouse wrap origin top bottom) should be '$(modes_at "$H")', are '$_m'"
	if ! _o=$(check_py sgr "$TMP/v.e"); then
		_why="$_why
$_o"
	fi
	_bd=
	[ "${NOBORDER:-}" ] || [ "$W" -lt 60 ] || _bd="--border $(side_width "$W") --rows $_rows"
	# shellcheck disable=SC2086
	if ! _o=$(check_py layout "$W" "$H" "$TMP/v.txt" $_bd); then
		_why="$_why
$_o"
	fi
	verdict "$_v: title, clipboard, modes, colours and layout intact" "$_why"
	[ -n "${2:-}" ] && return 0	# --prompt, --noredraw
	keys $S C-l
	wait_stable $S
	capture $S "$TMP/v2.txt"
	# the status line's one-time message goes with the key
	sed -i '$d' "$TMP/v.txt" "$TMP/v2.txt"
	if _o=$(check_py same "$TMP/v.txt" "$TMP/v2.txt"); then
		pass "$_v: the same after a full redraw (^L)"
	else
		fail "$_v: the same after a full redraw (^L)" "$_o" \
		    "$(diag_screen "$TMP/v.txt")"
	fi
}

# press KEY...: each key, then wait until the screen shows its effect
# (a capture taken before a slow reader, under ASan, has drawn it would
# differ from its redraw; a resize right after could reach it first)
press() {
	for _k in "$@"; do
		wait_stable $S
		cp "$LAST" "$TMP/press.before"
		keys $S "$_k"
		await wait_change $S "$TMP/press.before"
	done
}

view "the sidebar of hostile titles"
keys $S j j j Enter
await wait_re $S '│ 美国发布量子测试[0-9]+号'
view "an article open, at its top"
if grep -qF '^[' "$TMP/v.txt" && grep -qF 'PWNED' "$TMP/v.txt"; then
	pass "ESC and the sequences after it are shown, as ^[ and text"
else
	fail "ESC and the sequences after it are shown, as ^[ and text" "$(diag_screen "$TMP/v.txt")"
fi
press Space
view "the article paged down once"
press Space
keys $S Space	# (the end is on the screen by now: no change to wait for)
view "the article paged down three times"
keys $S G	# (the end may already be on the screen)
view "the article's end (notes and URLs)"
if grep -q 'evil\.example' "$TMP/v.txt" && grep -q '�' "$TMP/v.txt"; then
	pass "the notes' hostile URLs are shown, C1 and bidi controls as U+FFFD"
else
	fail "the notes' hostile URLs are shown, C1 and bidi controls as U+FFFD" "$(diag_screen "$TMP/v.txt")"
fi
press ']'
view "the next article"
press ']' ']' ']' ']' ']'
view "five articles further"
keys $S /
await wait_status $S '^/:'
type_text $S '量子 文件'
view "the search prompt" --prompt
keys $S Enter
await wait_status $S '\[/量子 文件 [0-9]+\]'
view "the search results"
press Enter
view "a search result open, matches highlighted"
press n n
view "the next match"
keys $S y
await wait_status $S '^复制:'
keys $S C-n
view "the copy prompt (the article's URLs)" --prompt
keys $S Escape
await wait_status_not $S '^复制:'
keys $S x
keys $S Tab
keys $S c
await wait_status $S '^国家'
view "the country prompt" --prompt
keys $S Enter
await wait_status_not $S '^国家'
view "the country filter applied"
keys $S t
await wait_status $S '^主题'
view "the theme prompt" --prompt
keys $S Enter
await wait_status_not $S '^主题'
view "the theme filter applied"
keys $S x
keys $S '?'
await wait_for $S 'kuaibao 按键'
NOBORDER=1
view "the help" --noredraw
NOBORDER=
keys $S Escape
await wait_gone $S 'kuaibao 按键'
press s
NOBORDER=1
view "the article, sidebar hidden"
press s
NOBORDER=
W=50 H=20
resize $S $W $H
await wait_size $S $W $H
view "a narrow terminal (50x20, one pane)"
W=120 H=40
resize $S $W $H
await wait_size $S $W $H
keys $S C-l
view "back at 120x40, redrawn"

t=$(tfmt $S '#{pane_title}')
b=$(tm list-buffers 2>/dev/null)
if [ "$t" = KBTITLE ] && [ -z "$b" ]; then
	pass "after all that: the pane title is unchanged, the clipboard untouched"
else
	fail "after all that: the pane title is unchanged, the clipboard untouched" \
	    "title '$t'" "buffers: $b"
fi

# y Enter copies the citation on purpose: the reader's own OSC 52
# carries the hostile text base64-encoded, and the status line shows it
# escaped
keys $S y
await wait_status $S '^复制:'
keys $S Enter
await wait_status $S '^已复制：'
NOBORDER=
BUFFER_OK=1
view "the citation copied (y Enter)" --noredraw
if tm show-buffer 2>/dev/null | grep -q 'PWNED'; then
	pass "y Enter: the citation, hostile bytes and all, reached the paste buffer through the reader's OSC 52"
else
	fail "y Enter: the citation reached the paste buffer through the reader's OSC 52" \
	    "buffers: $(tm list-buffers 2>&1)" "$(diag_screen)"
fi

verdict "the reader quits cleanly (status 0, nothing on stderr)" "$(quit_why $S)"
# ---- printing --------------------------------------------------------

nprint=0
why=
for db in "$DB" "$DB2"; do
	: >"$TMP/all.out"
	for mode in list search1 search2; do
		case $mode in
		list) set -- --list ;;
		search1) set -- --search '量子 文件' ;;
		search2) set -- --search 'PWNED' ;;
		esac
		"$KB" -d "$db" "$@" >"$TMP/p.out" 2>"$TMP/p.err"
		rc=$?
		nprint=$((nprint + 1))
		[ "$rc" -eq 0 ] || why="$why
$(basename "$db") $*: status $rc $(head -c 300 "$TMP/p.err")"
		cat "$TMP/p.out" >>"$TMP/all.out"
	done
	for key in $(sqlite3 "$db" 'SELECT key FROM articles'); do
		for w in 80 10; do
			"$KB" -d "$db" --cat "$key" --width $w >"$TMP/p.out" 2>"$TMP/p.err"
			rc=$?
			nprint=$((nprint + 1))
			[ "$rc" -eq 0 ] || why="$why
$(basename "$db") --cat $key --width $w: status $rc $(head -c 300 "$TMP/p.err")"
			[ -s "$TMP/p.out" ] || why="$why
$(basename "$db") --cat $key --width $w: nothing printed"
			cat "$TMP/p.out" >>"$TMP/all.out"
		done
	done
	o=$(check_py bytes "$TMP/all.out") || why="$why
$(basename "$db"): $o"
done
verdict "--list, --search and --cat ($nprint runs) print no control, DEL, C1 or bidi character" "$why"

echo "# hostile inputs tried: $((ndoc + ndb)) ($npay payloads; $ndoc in the source document's titles, bodies, editors, note texts and URLs, $ndb written into the database's text columns), seen through $views views and $nprint printing runs"
finish

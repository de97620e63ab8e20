#!/bin/sh
# The keyboard: keys read as terminals send them, whatever TERM says,
# and the : command line.  The reader runs with TERM=xterm-256color
# inside tmux, whose End is ESC [ 4 ~ (a form that terminfo entry does
# not know); bytes are sent as a terminal sends them (send-keys -H).
#   - End in the sidebar goes to the bottom, as G does, and opens nothing;
#   - focus reports (ESC [ I, ESC [ O) and a bracketed paste outside a
#     prompt change nothing on the screen and mark nothing read;
#   - ESC O x and kitty's ESC [ 99 ; 5 u do nothing (they are not x,
#     which clears the filters, nor u, which marks read);
#   - an arrow and a PgDn whose bytes come 30 ms apart move once, and
#     are not [ (previous article);
#   - a paste of ESC [ 31 m foo into the / prompt is text: the prompt
#     stays open, nothing is flagged;
#   - bracketed paste is on while the reader runs (tmux paste-buffer -p
#     brackets the text: nothing happens) and off after it quits and
#     while it is suspended (a shell gets the text bare);
#   - : runs a command; Tab completes a command's name; an unknown
#     command and a bad argument: the error and its column on the status
#     line; :country-filter jp and :search 量子 take their argument;
#   - :bind and :unbind change what keys do; :quit quits;
#   - ↑ at / and at : recall what was typed, after a restart too (the
#     state database's history).
. tests/e2e/lib.sh

W=80 H=24
STATE_DB=$TMP/state/kuaibao/state.db
XT=TERM=xterm-256color
MSG='no search: press / to search'	# what n says: a marker

bytes() {	# bytes NAME HEX...: one write of these bytes
	_bn=$1
	shift
	tm send-keys -t "$_bn" -H "$@"
}

slowly() {	# slowly NAME HEX...: each byte 30 ms after the one before
	_bn=$1
	shift
	for _x in "$@"; do
		tm send-keys -t "$_bn" -H "$_x"
		sleep 0.03
	done
}

marks() {	# the articles marked read or flagged in the state database
	sqlite3 "$STATE_DB" 'SELECT count(*) FROM marks WHERE read OR flagged' \
	    2>/dev/null || echo "no state database"
}

body() {	# body FILE: the screen above the status line
	sed '$d' "$1"
}

# fresh NAME: the reader on a fresh state, the cursor on the second
# article of the first issue (j four times); the screen in $TMP/NAME.0
fresh() {
	kill_session "$1"
	rm -rf "$TMP/state"/*
	reader "$1" $W $H $XT
	wait_for "$1" '?:帮助' && wait_stable "$1" || return 1
	keys "$1" j j j j
	wait_status "$1" ' · [0-9]+/[0-9]+ +\?:帮助$' && wait_stable "$1" ||
	    return 1
	cp "$LAST" "$TMP/$1.0"
}

# settled NAME: n, then its message: what was sent before it is done
settled() {
	keys "$1" n
	wait_status "$1" "$MSG" && wait_stable "$1"
}

# same_as NAME FILE DESC: the screen above the status line is FILE's
# and nothing is marked read or flagged
same_as() {
	body "$LAST" >"$TMP/now"
	body "$2" >"$TMP/then"
	if ! cmp -s "$TMP/now" "$TMP/then"; then
		fail "$3: the screen is as it was" "$(diag_screen)" \
		    "before:" "$(sed 's/^/|/' "$2")"
	elif [ "$(marks)" != 0 ]; then
		fail "$3: nothing is marked" "marks: $(marks)"
	else
		pass "$3: the screen is as it was, nothing marked"
	fi
}

# ---- End (ESC [ 4 ~) goes to the bottom, as G ----
if fresh ref; then
	keys ref G
	wait_change ref "$TMP/ref.0" && wait_stable ref
	cp "$LAST" "$TMP/G"
else
	fail "the reader starts, j moves to an article" "$(diag_screen)"
	finish
fi
kill_session ref
if fresh e; then
	keys e End
	wait_change e "$TMP/e.0" && wait_stable e
	if cmp -s "$LAST" "$TMP/G" && [ "$(marks)" = 0 ]; then
		pass "End (ESC [ 4 ~, TERM=xterm-256color): the bottom, as G; nothing opened"
	else
		fail "End (ESC [ 4 ~, TERM=xterm-256color): the bottom, as G; nothing opened" \
		    "marks: $(marks)" "$(diag_screen)" "G gave:" "$(sed 's/^/|/' "$TMP/G")"
	fi
	# Home, in each terminal's form, goes back to the top
	bad=
	for seq in "1b 5b 31 7e" "1b 5b 48" "1b 4f 48" "1b 5b 37 7e"; do
		keys e G
		wait_status e ' · 第 [0-9]+/[0-9]+ 期 +\?:帮助$' && wait_stable e
		# shellcheck disable=SC2086
		bytes e $seq
		wait_line e 1 '^- ' && wait_status e ' · 第 [0-9]+/[0-9]+ 期 +\?:帮助$' &&
		    wait_line e 2 '^  - ' || bad="$bad '$seq'"
	done
	if [ -z "$bad" ]; then
		pass "Home as ESC [ 1 ~, ESC [ H, ESC O H and ESC [ 7 ~: the top"
	else
		fail "Home as ESC [ 1 ~, ESC [ H, ESC O H and ESC [ 7 ~: the top" \
		    "not the top after:$bad" "$(diag_screen)"
	fi
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session e

# ---- focus reports and a paste outside a prompt: nothing ----
if fresh f; then
	bytes f 1b 5b 49		# ESC [ I: focus in
	bytes f 1b 5b 4f		# ESC [ O: focus out
	settled f
	same_as f "$TMP/f.0" "ESC [ I, ESC [ O"
	# "hello" would be h (back), l (open) if it were keys
	bytes f 1b 5b 32 30 30 7e 68 65 6c 6c 6f 1b 5b 32 30 31 7e
	settled f
	same_as f "$TMP/f.0" "a bracketed paste (ESC [ 200 ~ hello ESC [ 201 ~) outside a prompt"
	# a mouse report (SGR and X10) and an OSC string
	bytes f 1b 5b 3c 30 3b 31 30 3b 35 4d 1b 5b 4d 20 21 21 1b 5d 30 3b 6c 07
	settled f
	same_as f "$TMP/f.0" "mouse reports and an OSC string"
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session f

# ---- ESC O x and ESC [ 99 ; 5 u: neither x nor u ----
if fresh x; then
	keys x c
	wait_status x '^国家: '
	type_text x jp
	keys x Enter
	wait_status x '\[国家 日本\]' && wait_stable x
	keys x j j
	wait_stable x
	cp "$LAST" "$TMP/x.1"
	bytes x 1b 4f 78		# ESC O x
	bytes x 1b 5b 39 39 3b 35 75	# ESC [ 99 ; 5 u (kitty: C-c)
	settled x
	if status_line | grep -q '\[国家 日本\]'; then
		same_as x "$TMP/x.1" "ESC O x, ESC [ 99 ; 5 u (the filter stays)"
	else
		fail "ESC O x, ESC [ 99 ; 5 u: the country filter stays" "$(diag_screen)"
	fi
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session x

# ---- an arrow and a PgDn, a byte every 30 ms: one move, not [ ----
if fresh ref; then
	keys ref j
	wait_change ref "$TMP/ref.0" && wait_stable ref
	cp "$LAST" "$TMP/j"
	keys ref k Space
	wait_change ref "$TMP/j" && wait_stable ref
	cp "$LAST" "$TMP/space"
fi
kill_session ref
if fresh s; then
	slowly s 1b 5b 42		# ESC [ B: Down
	settled s
	same_as s "$TMP/j" "Down, its bytes 30 ms apart: one move down, as j"
	keys s k
	wait_status s ' · [0-9]+/[0-9]+ +\?:帮助$' && wait_stable s
	slowly s 1b 5b 36 7e		# ESC [ 6 ~: PgDn
	settled s
	same_as s "$TMP/space" "PgDn, its bytes 30 ms apart: one page, as Space"
	slowly s 1b 4f 41		# ESC O A: Up
	keys s n
	wait_status s "$MSG" && wait_stable s
	if [ "$(marks)" = 0 ]; then
		pass "Up (ESC O A), 30 ms apart: no article opened"
	else
		fail "Up (ESC O A), 30 ms apart: no article opened" "$(diag_screen)"
	fi
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session s

# ---- a paste into the / prompt is text ----
if fresh p; then
	keys p /
	wait_status p '^/: *$'
	bytes p 1b 5b 32 30 30 7e 1b 5b 33 31 6d 66 6f 6f 1b 5b 32 30 31 7e
	wait_status p '^/: \[31mfoo *$' && wait_stable p
	outcome $? "a paste of ESC [ 31 m foo at /: the text, the prompt still open"
	keys p Escape
	wait_status p '\?:帮助$' && wait_stable p
	same_as p "$TMP/p.0" "the paste at /, then Escape"
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session p

# ---- bracketed paste: on in the reader, off after it ----
mkdir -p "$TMP/bp"
start bp $W $H $XT -- sh -c '
	"$1" -d "$2"
	echo "rc=$?"
	stty -icanon min 1 -echo
	dd bs=1 count=8 of="$3/got" 2>/dev/null
	echo done' sh "$KB" "$KB_DB" "$TMP/bp"
if wait_for bp '?:帮助' && wait_stable bp; then
	cp "$LAST" "$TMP/bp.0"
	tm set-buffer -b kb "qxq"
	tm paste-buffer -p -d -b kb -t bp
	settled bp
	body "$LAST" >"$TMP/now"
	body "$TMP/bp.0" >"$TMP/then"
	if grep -q '^rc=' "$LAST" || ! cmp -s "$TMP/now" "$TMP/then"; then
		fail "a paste of qxq (tmux paste-buffer -p) to the reader: nothing happens" "$(diag_screen)"
	else
		keys bp q
		wait_for bp 'rc=0' && sleep 0.2
		tm set-buffer -b kb "abcdefgh"
		tm paste-buffer -p -d -b kb -t bp
		wait_for bp 'done'
		if [ "$(cat "$TMP/bp/got" 2>/dev/null)" = abcdefgh ]; then
			pass "a paste of qxq (tmux paste-buffer -p) to the reader: nothing happens; after q, a paste reaches the shell bare"
		else
			fail "after q, a paste reaches the shell bare (bracketed paste is off)" \
			    "got: $(od -c "$TMP/bp/got" 2>&1 | head -3)"
		fi
	fi
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session bp

# ---- bracketed paste is off while the reader is suspended (^Z) ----
tm new-session -d -s sus -x $W -y $H \
    "$(envcmd $XT 'PS1=KBSH$ ') /bin/sh -i"
if wait_for sus 'KBSH$'; then
	type_text sus "$KB -d '$KB_DB'"
	keys sus Enter
	wait_for sus '?:帮助' && wait_stable sus
	keys sus C-z
	wait_gone sus '?:帮助' && wait_stable sus
	tm set-buffer -b kb "echo PASTED-OK"
	tm paste-buffer -p -d -b kb -t sus
	keys sus Enter
	wait_line sus last '^PASTED-OK$|KBSH\$ *$' && wait_stable sus
	if grep -q '^PASTED-OK$' "$LAST"; then
		type_text sus fg
		keys sus Enter
		wait_for sus '?:帮助' && wait_stable sus
		cp "$LAST" "$TMP/sus.0"
		tm set-buffer -b kb "qxq"
		tm paste-buffer -p -d -b kb -t sus
		settled sus
		same_as sus "$TMP/sus.0" "^Z: a paste reaches the shell bare; fg, a paste of qxq: nothing"
	else
		fail "^Z: a paste reaches the shell bare (bracketed paste is off)" "$(diag_screen)"
	fi
	keys sus q
	wait_for sus 'KBSH$'
else
	fail "a shell starts" "$(diag_screen)"
fi
kill_session sus

# ---- the : command line ----
if fresh c; then
	keys c :
	wait_status c '^: *$'
	outcome $? ": opens the command line"
	type_text c clear-f
	keys c Tab
	wait_status c '^:clear-filters *$'
	outcome $? ":clear-f, Tab: the command's name completed"
	keys c Enter
	wait_status c '^已清除筛选和搜索'
	outcome $? ":clear-filters, Enter: run"
	keys c :
	wait_status c '^: *$'
	type_text c 'foo bar'
	keys c Enter
	wait_status c '^没有命令“foo”（第 1 列）'
	outcome $? ":foo bar: '没有命令“foo”（第 1 列）' (no command foo, at column 1) on the status line"
	keys c :
	type_text c 'country-filter xx'
	keys c Enter
	wait_status c '^country-filter: 没有国家“xx”（第 16 列）'
	outcome $? ":country-filter xx: the error at column 16"
	keys c :
	type_text c 'move-down 3 4'
	keys c Enter
	wait_status c '^move-down: 参数太多（.*）（第 13 列）'
	outcome $? ":move-down 3 4: too many arguments, at column 13"
	keys c :
	type_text c 'country-filter jp'
	keys c Enter
	wait_status c '\[国家 日本\]'
	outcome $? ":country-filter jp: the filter set, as c jp Enter"
	keys c :
	type_text c 'search 量子'
	keys c Enter
	wait_status c '\[/量子 [0-9]+\]'
	outcome $? ":search 量子: the search run"
	keys c :
	type_text c 'theme'
	keys c Tab
	wait_status c '^:theme-filter *$'
	type_text c '人工'
	keys c Tab
	wait_status c '^:theme-filter 人工智能 *$'
	outcome $? ":theme-filter 人工, Tab: the theme completed"
	keys c Escape
	wait_status c '\?:帮助$'
	keys c :
	type_text c 'to'
	keys c Tab
	wait_re c '^ toggle-sidebar' && wait_status c '^:to'
	outcome $? ":to, Tab: the candidates listed above the prompt"
	keys c Escape
	wait_gone c ' toggle-sidebar'
	# bind and unbind
	keys c :
	type_text c 'bind F5 country-filter zz'
	keys c Enter
	wait_status c '\?:帮助$'
	keys c F5
	wait_status c '^country-filter: 没有国家“zz”'
	outcome $? ":bind F5 country-filter zz: F5 runs it (and shows its error)"
	keys c :
	type_text c 'bind Ctrl-x quit'
	keys c Enter
	wait_status c '^bind: 没有名为“Ctrl-x”的键（第 6 列）'
	outcome $? ":bind Ctrl-x quit: no such key, at column 6"
	keys c :
	type_text c 'unbind q'
	keys c Enter
	keys c q :
	wait_status c '^: *$'
	outcome $? ":unbind q: q does nothing (: still opens its prompt)"
	keys c Escape
	wait_status c '\?:帮助$'
	keys c :
	type_text c 'bind Z help'
	keys c Enter
	wait_status c '\?:帮助$'
	keys c Z
	wait_for c 'kuaibao 按键'
	outcome $? ":bind Z help: Z shows the help"
	keys c Escape
	wait_gone c 'kuaibao 按键'
	# still running after all that, and :quit ends it
	! ended c && keys c : && type_text c quit && keys c Enter &&
	    _st=$(wait_dead c) && [ "$_st" = 0 ]
	outcome $? ":quit (q is unbound): the reader, running until then, ends with status 0"
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session c

# ---- history, after a restart ----
if fresh h; then
	keys h /
	type_text h 量子
	keys h Enter
	wait_status h '\[/量子 [0-9]+\]'
	keys h :
	type_text h 'country-filter jp'
	keys h Enter
	wait_status h '\[国家 日本\]'
	quit_reader h || fail "q quits" "$(diag_screen)"
	kill_session h
	reader h $W $H $XT
	wait_for h '?:帮助' && wait_stable h
	keys h /
	wait_status h '^/: *$'
	type_text h abc
	keys h Up
	wait_status h '^/: 量子 *$' && keys h Down && wait_status h '^/: abc *$'
	outcome $? "after a restart, ↑ at / recalls the search; ↓ comes back to what was typed (abc)"
	keys h Escape
	wait_status h '\?:帮助$'
	keys h :
	keys h Up
	wait_status h '^:country-filter jp *$'
	outcome $? "after a restart, ↑ at : recalls the command"
	keys h Escape
	if [ "$(sqlite3 "$STATE_DB" "SELECT text FROM history WHERE kind = 'search'" 2>&1)" = 量子 ]; then
		pass "the search is in the state database's history"
	else
		fail "the search is in the state database's history" \
		    "$(sqlite3 "$STATE_DB" 'SELECT * FROM history' 2>&1)"
	fi
else
	fail "the reader starts" "$(diag_screen)"
fi
kill_session h

finish

#!/bin/sh
# The configuration (kuaibao-config(5)) and restricted mode, as a person
# meets them at 100x30:
#   - $XDG_CONFIG_HOME/kuaibao/config, else ~/.config/kuaibao/config, is
#     read at start: set sidebar-width 30 puts the border at column 30,
#     set language en speaks English, bind z quit makes z quit;
#   - -c FILE is read instead of it;
#   - a bad line is one message FILE:LINE:COL and the lines after it
#     still count; several: the first and how many more; its control
#     characters are shown, not sent;
#   - --language and --measure win over the file's set; the file's set
#     is not written into the state;
#   - a file others may write, or someone else's, is refused in one line;
#   - source: relative to the file, a loop refused in one message;
#   - set date-format writes the issue's day (2021年8月5日 in the
#     document) as asked; set colours mono draws without colours; style
#     title fg=red draws the title red;
#   - data/config.example's commands, each turned on, run without fault;
#   - restricted (--restricted, KUAIBAO_SECURE=1): the user's file is not
#     read, :source and -c are refused, set clipboard off stays off, ^Z
#     under a shell with job control stops nothing.
. tests/e2e/lib.sh

W=100 H=30
CFG=$TMP/cfg/kuaibao/config
mkdir -p "$TMP/cfg/kuaibao" "$TMP/home/.config/kuaibao"

# write FILE: stdin into FILE, readable by its owner only
write() {
	cat >"$1"
	chmod 600 "$1"
}

# border: the display column of the first │ on the first row
border() {
	sed -n 1p "$LAST" | sed 's/│.*//' | python3 -c \
	    'import sys,unicodedata as u; s=sys.stdin.read().rstrip("\n");
print(sum(2 if u.east_asian_width(c) in "WF" else 1 for c in s))'
}

# up NAME ARGS...: the reader, until its first screen is drawn
up() {
	_un=$1
	shift
	kill_session "$_un"
	reader "$_un" $W $H XDG_CONFIG_HOME="$TMP/cfg" BROWSER="$TMP/browser" "$@"
	# the border: a long message leaves no room for the ?: hint
	wait_for "$_un" '│' && wait_stable "$_un"
}

# ---- the file at $XDG_CONFIG_HOME: set, bind ----
write "$CFG" <<'EOF2'
# a comment, then a blank line

set sidebar-width 30
set language en
bind z quit
EOF2
if up a; then
	b=$(border)
	[ "$b" = 30 ] && grep -q '?:help' "$LAST"
	outcome $? "XDG_CONFIG_HOME's file: sidebar 30 wide (border at $b), English" || true
	keys a z
	st=$(wait_dead a)
	[ "$st" = 0 ]
	outcome $? "bind z quit: z quits (status ${st:-none})"
else
	fail "the reader starts with a configuration" "$(diag_screen)"
fi
# up NAME fails: its test fails, not silently skipped
up_failed() {
	fail "$1: the reader starts" "$(diag_screen)"
}

# ---- ~/.config/kuaibao/config without XDG_CONFIG_HOME; -c instead ----
printf 'set language en\n' | write "$TMP/home/.config/kuaibao/config"
kill_session h
reader h $W $H
wait_re h '[?]:(帮助|help)' && wait_stable h
grep -q '?:help' "$LAST"
outcome $? "~/.config/kuaibao/config is read without XDG_CONFIG_HOME"
printf 'set sidebar-width 26\n' | write "$TMP/other"
kill_session h
reader h $W $H -- -c "$TMP/other"
wait_re h '[?]:(帮助|help)' && wait_stable h
b=$(border)
[ "$b" = 26 ] && grep -q '?:帮助' "$LAST"
outcome $? "-c FILE is read instead (border at $b, Chinese as the default)"
kill_session h
rm -f "$TMP/home/.config/kuaibao/config"

# ---- bad lines: one message each, the rest still read ----
write "$CFG" <<'EOF2'
set sidebar-width 28
set nosuch 1
frobnicate now
set measure abc
bind z quit
EOF2
if up bad; then
	b=$(border)
	st=$(status_line)
	printf '%s\n' "$st" | grep -qF "$CFG:2:5：set: 没有设置项 nosuch（另有 2 处错误）"
	outcome $? "three bad lines: the first as FILE:2:5, and 2 more" || true
	[ "$b" = 28 ]
	outcome $? "the lines around them still count (border at $b)" || true
	keys bad z
	st=$(wait_dead bad)
	[ "$st" = 0 ]
	outcome $? "the line after them too (z quits: ${st:-running})"
	# the first may have scrolled into the history
	tm capture-pane -p -S -10 -t bad >"$LAST"
	grep -c "^kuaibao: $CFG:[0-9]*:[0-9]*：" "$LAST" >"$TMP/n"
	[ "$(cat "$TMP/n")" = 3 ] && grep -qF "$CFG:3:1：" "$LAST" &&
	    grep -qF "$CFG:4:13：" "$LAST"
	outcome $? "after q the terminal keeps one line per bad line (3:1, 4:13)"
else
	up_failed bad
fi
printf 'set \033[31mred\001 1\n' | write "$CFG"
if up esc; then
	capture_e esc "$TMP/esc.e"
	grep -qF '^[[31mred^A' "$LAST" && ! grep -q "$(printf '\033')\\[31mred" "$TMP/esc.e"
	outcome $? "a bad line's ESC and ^A are shown as ^[ and ^A, never sent"
else
	up_failed esc
fi

# ---- a bad line says so over what is new since the last visit ----
NEWDB=$TMP/data/growing.db
"$KB_IMPORT" -q --new --data-dir data -o "$NEWDB" data/corpus/002_*.txt
rm -rf "$TMP/state"/*
: >"$CFG"
DB=$NEWDB up n1 && quit_reader n1
"$KB_IMPORT" -q --data-dir data -o "$NEWDB" data/corpus/000_*.txt
printf 'set nosuch 1\n' | write "$CFG"
if DB=$NEWDB up n2; then
	status_line | grep -qF "$CFG:1:5："
	outcome $? "a bad line is on the status line, not the news of an import"
else
	up_failed n2
fi
rm -rf "$TMP/state"/*

# ---- the command line wins; set is not kept ----
write "$CFG" <<'EOF2'
set language en
set measure 60
set sidebar-width 30
EOF2
STATE_DB=$TMP/state/kuaibao/state.db
if up pin -- --language zh --measure 30; then
	b=$(border)
	grep -q '?:帮助' "$LAST" && [ "$b" = 30 ]
	outcome $? "--language zh wins over the file's set language en (its sidebar-width counts: $b)" || true
	keys pin j j Enter
	wait_re pin '[0-9]+%' && wait_stable pin
	# the text right of the border, its widest line
	wide=$(sed '$d' "$LAST" | sed -n 's/^[^│]*│//p' | python3 -c \
	    'import sys,unicodedata as u
print(max(sum(2 if u.east_asian_width(c) in "WF" else 1 for c in l.rstrip()) for l in sys.stdin))')
	# a margin of 1, then at most 30 columns
	[ "$wide" -le 31 ] && [ "$wide" -ge 25 ] && [ "$b" = 30 ]
	outcome $? "--measure 30 wins over the file's set measure 60 (widest $wide)" || true
	quit_reader pin
	kept=$(sqlite3 "$STATE_DB" "SELECT count(*) FROM settings WHERE name IN ('measure', 'language', 'sidebar-width')" 2>&1)
	[ "$kept" = 0 ] && [ "$b" = 30 ]
	outcome $? "the file's set is not written into the state ($kept rows)"
else
	up_failed pin
fi

# ---- who may have written it ----
printf 'set language en\n' | write "$CFG"
chmod 622 "$CFG"
if up perm; then
	grep -q '?:帮助' "$LAST" &&
	    status_line | grep -qF "$CFG：他人可写，未读取（chmod go-w）"
	outcome $? "a file others may write is refused in one line, not read"
else
	up_failed perm
fi
chmod 600 "$CFG"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	chown nobody "$CFG"
	if up owner; then
		grep -q '?:帮助' "$LAST" &&
		    status_line | grep -qF "$CFG：属于他人，未读取"
		outcome $? "someone else's file is refused in one line, not read"
	else
		up_failed owner
	fi
	chown 0 "$CFG"
else
	skip "someone else's file (needs root and nobody)"
fi

# ---- source ----
mkdir -p "$TMP/cfg/kuaibao/more"
printf 'source more/a\n' | write "$CFG"
printf 'set sidebar-width 32\nsource b\n' | write "$TMP/cfg/kuaibao/more/a"
printf 'set language en\nsource a\n' | write "$TMP/cfg/kuaibao/more/b"
if up src; then
	b=$(border)
	# the line is cut at the screen's edge
	[ "$b" = 32 ] && status_line | grep -qF \
	    "$TMP/cfg/kuaibao/more/b:2:8: source: $TMP/cfg/kuaibao/more/a: already"
	outcome $? "source: relative to its file, two deep; the loop back is one message"
else
	up_failed src
fi

# ---- date-format, colours, style ----
write "$CFG" <<'EOF2'
set date-format %Y年%m月%d日
style title fg=red
EOF2
if up day; then
	grep -qF '+ 2021年08月05日 第08期' "$LAST"
	outcome $? "set date-format: the issue of 2021年8月5日 as 2021年08月05日" || true
	keys day j j Enter
	wait_re day '[0-9]+%' && wait_stable day
	capture_e day "$TMP/day.e"
	sed -n 1p "$TMP/day.e" | grep -q "$(printf '\033')\\[[0-9;]*31[;m]"
	outcome $? "style title fg=red: the article's title is red"
else
	up_failed day
fi
printf 'set colours mono\n' | write "$CFG"
if up mono; then
	keys mono j j Enter
	wait_re mono '[0-9]+%' && wait_stable mono
	capture_e mono "$TMP/mono.e"
	! grep -q "$(printf '\033')\\[[0-9;]*\(3[0-7]\|4[0-7]\|38;5\)" "$TMP/mono.e"
	outcome $? "set colours mono: no colour on the screen"
else
	up_failed mono
fi

# ---- at the : prompt: the sidebar's days and the words change at once ----
: >"$CFG"
if up live; then
	keys live :
	type_text live "set date-format %d.%m.%Y"
	keys live Enter
	wait_for live '+ 05.08.2021 第08期'
	outcome $? ":set date-format relabels the sidebar at once" || true
	keys live :
	type_text live "set language en"
	keys live Enter
	wait_status live '[?]:help'
	outcome $? ":set language en: the status line speaks English at once"
else
	up_failed live
fi

# ---- the example file, every line on, runs without a fault ----
sed -n 's/^#\(set\|style\|bind\|unbind\) /\1 /p' data/config.example |
    write "$TMP/example"
if [ "$(wc -l <"$TMP/example")" -ge 8 ] && up ex -- -c "$TMP/example"; then
	grep -q '?:help' "$LAST" && ! status_line | grep -q ':[0-9]*:[0-9]*: '
	outcome $? "data/config.example, its $(wc -l <"$TMP/example") commands on: no message"
else
	fail "data/config.example has commands to turn on" "$(cat "$TMP/example")"
fi

# ---- restricted mode ----
write "$CFG" <<'EOF2'
set language en
set clipboard off
EOF2
for how in --restricted KUAIBAO_SECURE=1; do
	case $how in
	--*) up r -- --restricted ;;
	*) up r "$how" ;;
	esac
	grep -q '?:帮助' "$LAST"
	outcome $? "$how: the user's configuration is not read" || true
	keys r :
	type_text r "source $CFG"
	keys r Enter
	wait_status r 'source: 受限模式下不可用' && wait_stable r
	outcome $? "$how: :source is refused in one message" || true
	keys r :
	type_text r "set clipboard off"
	keys r Enter
	wait_stable r
	keys r :
	type_text r "set clipboard on"
	keys r Enter
	wait_status r 'set: 受限模式下不可用' && wait_stable r
	outcome $? "$how: set clipboard off cannot be undone" || true
	keys r j j Enter
	wait_re r '[0-9]+%' && wait_stable r
	keys r y
	wait_status r 'copy: 受限模式下不可用' && wait_stable r
	outcome $? "$how: y is refused once copying is off"
	kill_session r
done
# o here (no SSH) would run a browser; e and | write a file, run a command
bound() {	# bound KEY: a default key of this build
	"$KB" --list-commands | cut -f3 | tr ' ' '\n' | grep -qxF -- "$1"
}
printf '#!/bin/sh\ntouch %s\n' "$(quote "$TMP/ran")" >"$TMP/browser"
chmod 755 "$TMP/browser"
: >"$CFG"
if up ro -- --restricted; then
	keys ro /
	type_text ro "美国创新与竞争法案"
	keys ro Enter
	wait_status ro ' 1/[0-9]+ ' && wait_stable ro
	keys ro Enter
	wait_status ro '[0-9]+%' && wait_stable ro
	for k in o e '|'; do
		if ! bound "$k"; then
			skip "$k is no key of this build"
			continue
		fi
		keys ro "$k"
		wait_status ro "受限模式下不可用" && wait_stable ro
		[ $? = 0 ] && [ ! -e "$TMP/ran" ]
		outcome $? "--restricted, no SSH: $k is refused in one message, nothing runs" || true
		keys ro Escape
	done
else
	up_failed ro
fi
kill_session ro

# ^Z under a shell with job control would hand over the shell
kill_session z
start z $W $H -- sh -ic "$(quote "$KB") --restricted -d $(quote "$KB_DB"); echo ended-$$"
if wait_for z '?:帮助' && wait_stable z; then
	keys z C-z
	sleep 0.5
	keys z j
	wait_stable z
	grep -q '?:帮助' "$LAST" && ! grep -q "ended-$$" "$LAST" &&
	    ! grep -qi 'stopped' "$LAST"
	outcome $? "--restricted: ^Z stops nothing, the shell does not come back" || true
	keys z q
	wait_for z "ended-$$"
else
	up_failed z
fi
kill_session z
start rc $W $H -- "$KB" --restricted -c "$CFG" -d "$KB_DB"
st=$(wait_dead rc)
tm capture-pane -p -S -10 -t rc >"$LAST"
[ "$st" = 2 ] && grep -qF -- "-c: not in restricted mode" "$LAST"
outcome $? "--restricted -c FILE: refused in one line (exit ${st:-none})"
for opt in --state-export --state-import; do
	if ! "$KB" --help | grep -q -- "$opt"; then
		skip "$opt is no option of this build"
		continue
	fi
	kill_session rs
	start rs $W $H -- "$KB" --restricted "$opt" "$TMP/st.txt" -d "$KB_DB"
	st=$(wait_dead rs)
	tm capture-pane -p -S -10 -t rs >"$LAST"
	[ "$st" = 2 ] && grep -qF -- "$opt: not in restricted mode" "$LAST" &&
	    [ ! -e "$TMP/st.txt" ]
	outcome $? "--restricted $opt FILE: refused in one line (exit ${st:-none})" || true
done

finish

#!/bin/sh
# The reader's words (issue 11 item 12): one language at a time, Chinese
# by default (its readers are Chinese staff), English with --language en.
#   - Chinese: the status line, the empty pane's hint, the prompts, the
#     filters' tags beside the messages, an error of the : line, the
#     help screen (every key's line of help) hold no English word;
#   - English: the same places in English, the tags too, and counts in
#     the singular and the plural (1 article, 21 articles);
#   - when the state database cannot be kept or written, a mark on the
#     status line says so for as long as it lasts, not for one key:
#     a state.db that is no database (the reader starts with the state in
#     memory: [标记未保存]), a state another program holds locked (the
#     changes wait: [状态被占用：1 项未保存], until it lets go), and a
#     write that fails (why, once, then [状态无法写入：1 项未保存]).
. tests/e2e/lib.sh

W=80 H=24 S=zh
screen_size "$W" "$H"

# english: lowercase English words of 3 letters or more on the status
# line (titles may hold names in capitals: FDA, ITIF)
english() {
	status_line | grep -oE '[a-z]{3,}' | tr '\n' ' '
}

# no_english DESC: the status line holds no English word
no_english() {
	_e=$(english)
	if [ -z "$_e" ]; then
		pass "$1: no English word on the status line"
	else
		fail "$1: no English word on the status line" "English: $_e" "$(diag_screen)"
	fi
}

# ---- Chinese, by default ----
reader $S $W $H
wait_for $S '?:' && wait_stable $S
status_line | grep -q '?:帮助$'
outcome $? "the status line ends with ?:帮助"
no_english "at start"
screen_py cols "$X" "$W" "$LAST" | sed -n 2,3p | tr -d '\n' | grep -q '^选中一篇文章，按 Enter 打开。按 ? 查看所有按键。'
outcome $? "the empty pane's hint: 选中一篇文章，按 Enter 打开。按 ? 查看所有按键。"
for p in "c|^国家: *$" "t|^主题: *$" "/|^/: *$" ":|^: *$"; do
	k=${p%%|*} re=${p#*|}
	keys $S "$k"
	wait_status $S "$re"
	outcome $? "$k: the prompt '$(echo "$re" | tr -d '^$*')'"
	keys $S Escape
	wait_status $S '\?:帮助$'
done
keys $S c
type_text $S jp
keys $S Enter
wait_status $S '\[国家 日本\]  \?:帮助$' && wait_stable $S
outcome $? "c jp Enter: [国家 日本] on the status line"
no_english "with the country filter"
keys $S x
wait_status $S '^已清除筛选和搜索' && wait_stable $S
outcome $? "x: 已清除筛选和搜索 (filters and search cleared)"
no_english "after x"
keys $S :
type_text $S 'foo bar'
keys $S Enter
wait_status $S '^没有命令“foo”（第 1 列）' && wait_stable $S
outcome $? ":foo bar: 没有命令“foo”（第 1 列） (no command foo, at column 1)"
keys $S '?'
if wait_for $S 'kuaibao 按键' && wait_stable $S; then
	# the key table: after the title and the head (the filters, the
	# state file: one line) its rows of help, to the next blank line
	python3 - "$LAST" <<'PY'
import re, sys
sys.path.insert(0, "tests/e2e")
from screen import lines, cut
bad = []
rows = lines(sys.argv[1])[2:]
rows = rows[[l.strip().startswith("当前筛选") for l in rows].index(True) + 1:]
if rows and not rows[0].strip():
    rows = rows[1:]
for l in rows:
    if not l.strip():
        break
    help = cut(l, 17).strip()
    # examples of what to type, in brackets, may be English (japan)
    words = re.sub("（[^）]*）", "", help)
    if not re.search("[\u4e00-\u9fff]", help) or re.search("[a-z]{3,}", words):
        bad.append(l)
print("\n".join("# not Chinese: " + b for b in bad))
sys.exit(1 if bad else 0)
PY
	outcome $? "?: the title kuaibao 按键, every key's help in Chinese"
else
	fail "?: the help in Chinese (kuaibao 按键)" "$(diag_screen)"
fi
keys $S q
wait_status $S '\?:帮助$'
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S

# ---- English, with --language en ----
S=en
reader $S $W $H -- --language en
wait_for $S '?:' && wait_stable $S
status_line | grep -qE ' · 21 articles · issue 1/4 +\?:help$'
outcome $? "--language en: the issue row, 21 articles · issue 1/4, ?:help" || diag_screen
screen_py cols "$X" "$W" "$LAST" | sed -n 2p | grep -q '^Choose an article and press Enter\.'
outcome $? "--language en: the empty pane's hint in English"
keys $S c
wait_status $S '^country: $'
type_text $S brics
keys $S Enter
wait_status $S ' · 1 article · issue 1/1 +\[country 金砖国家\]  \?:help$' && wait_stable $S
outcome $? "--language en, the BRICS filter: 1 article · issue 1/1 (not 1 issues), the tag [country 金砖国家]" || diag_screen
keys $S x
wait_status $S '^filters and search cleared' && wait_stable $S
outcome $? "--language en: x says filters and search cleared"
keys $S '?'
wait_for $S 'kuaibao keys' && wait_re $S '^ j ↓ +move down'
outcome $? "--language en: the help in English (kuaibao keys, j ↓ move down)"
keys $S Escape
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S
start badlang $W $H -- "$KB" -d "$KB_DB" --language fr
st=$(wait_dead badlang)
[ "$st" = 2 ]
outcome $? "--language fr: refused, status 2 (got '$st')"

# ---- the state cannot be kept ----
mkdir -p "$TMP/st1/kuaibao"
chmod 700 "$TMP/st1" "$TMP/st1/kuaibao"
head -c 20000 /dev/urandom >"$TMP/st1/kuaibao/state.db"
S=nost
reader $S $W $H XDG_STATE_HOME="$TMP/st1"
wait_status $S '^阅读标记不会保存：.*state\.db.*\[标记未保存\]' && wait_stable $S
outcome $? "state.db no database: why, 阅读标记不会保存 (marks will not be kept), and the mark [标记未保存]" || diag_screen
keys $S j k j
wait_status $S ' · 前言 +\[标记未保存\]  \?:帮助$' && wait_stable $S
outcome $? "three keys later the message is gone, the mark [标记未保存] stays" || diag_screen
keys $S j Enter
wait_status $S '[0-9]+%.*\[标记未保存\]' && wait_stable $S
outcome $? "an article opened (marked read, in memory): the mark stays" || diag_screen
quit_reader $S || fail "q quits" "$(diag_screen)"
kill_session $S

# ---- the state locked by another program: the changes wait ----
rm -rf "$TMP/state"/*
S=lock
reader $S $W $H
wait_for $S '?:' && wait_stable $S
STATE_DB=$TMP/state/kuaibao/state.db
start locker $W 5 -- sqlite3 "$STATE_DB"
wait_for locker 'sqlite>' && type_text locker 'BEGIN EXCLUSIVE; SELECT count(*) FROM marks; ' && keys locker Enter
wait_re locker '^0$'
outcome $? "sqlite3 holds the state locked (BEGIN EXCLUSIVE)" || diag_screen

# sql TEXT: the other program runs TEXT, and is ready for more
sql() {
	type_text locker "$1"
	keys locker Enter
	wait_re locker 'sqlite> *$'
}
# stays MARK: three keys later, MARK still ends the status line
stays() {
	keys $S j j j
	wait_status $S "[0-9]+% +\\[$1\\]  \\?:帮助\$" && wait_stable $S
	outcome $? "three keys later, the mark [$1] stays" || diag_screen
}

if ! status_line | grep -q '未保存'; then
	pass "before a write, no mark"
else
	fail "before a write, no mark" "$(diag_screen)"
fi
# opening an article marks it read: the write waits in memory
keys $S j j Enter
wait_status $S '[0-9]+% +\[状态被占用：1 项未保存\]  \?:帮助$' 10 && wait_stable $S
outcome $? "a write that waits: the mark [状态被占用：1 项未保存] (state locked: 1 unsaved)" || diag_screen
stays '状态被占用：1 项未保存'
sql 'COMMIT; '
keys $S m
wait_status $S '^已加星标' 10 && wait_stable $S && ! status_line | grep -q '未保存'
outcome $? "the lock let go, m flags the article: the mark is gone" || diag_screen

# ---- a write that fails: a trigger calls a function there is not ----
sql 'CREATE TRIGGER nowrite BEFORE INSERT ON marks BEGIN SELECT nope(); END; '
keys $S Tab j j Enter
wait_status $S '^无法写入状态数据库：.*nope.*\[状态无法写入：1 项未保存\]' 10 && wait_stable $S
outcome $? "a write that fails: why, 无法写入状态数据库 (cannot write the state database), and the mark" || diag_screen
stays '状态无法写入：1 项未保存'
sql 'DROP TRIGGER nowrite; '
wait_status $S '^标记已保存' 10 && wait_stable $S && ! status_line | grep -q '未保存'
outcome $? "the trigger gone, the reader writes the mark by itself: 标记已保存 (marks saved)" || diag_screen
quit_reader $S || fail "q quits" "$(diag_screen)"
[ "$(sqlite3 "$STATE_DB" 'SELECT count(*) FROM marks WHERE flagged' 2>&1)" = 1 ]
outcome $? "the flag is in the state database"
[ "$(sqlite3 "$STATE_DB" 'SELECT count(*) FROM marks WHERE read' 2>&1)" = 2 ]
outcome $? "both articles opened are read in the state database"
kill_session $S
kill_session locker

finish

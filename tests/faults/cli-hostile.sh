#!/bin/sh
# The command line on a hostile database (issue 13, item 3): what leaves
# the program on stdout and stderr passes the sanitiser, whatever its
# origin.  A copy of the corpus database gets every payload of check.py
# (OSC 52 clipboard writes, titles, clears, C1 and bidi controls, NUL)
# appended to every issue key, article key and issue date, the strings
# that --list and --search printed raw (and one key is an OSC 52 alone,
# to be typed to --cat).  Then:
#   --list, --search (results print keys and dates), --cat of a hostile
#   key, --cat of a key that is not there (the key echoed in the error),
#   -d with escapes in the path: stdout and stderr hold no byte below
#   0x20 but \n, no DEL, no C1 or bidi control (check.py bytes);
#   --list and --search in a real terminal (tmux with set-clipboard on,
#   as a user would have it): no paste buffer set, the pane title and
#   window name unchanged.
. tests/faults/lib.sh
need_binaries

DB=$TMP/hostile.db
cp "$KB_DB" "$DB"
if ! "$PY" - "$DB" "$FAULTS" <<'EOF' 2>"$TMP/doctor.err"
import sqlite3, sys
sys.path.insert(0, sys.argv[2])
from check import all_bytes
db = sqlite3.connect(sys.argv[1])
h = sqlite3.Binary(all_bytes())
db.execute("UPDATE issues SET key = key || CAST(:h AS TEXT),"
           " date = coalesce(date, year) || CAST(:h AS TEXT)", {"h": h})
db.execute("UPDATE articles SET key = key || CAST(:h AS TEXT)", {"h": h})
# one that can be typed (no NUL, no line break): for --cat
db.execute("UPDATE articles SET key = 'catme' || char(27) || ']52;c;UFdORUQ='"
           " || char(7) || char(27) || ']0;PWNED' || char(7) WHERE id ="
           " (SELECT max(id) FROM articles)")
db.commit()
EOF
then
	fail "the payloads are written into the keys and dates" "$(cat "$TMP/doctor.err")"
	finish
fi
HKEY=$(sqlite3 "$DB" "SELECT key FROM articles WHERE key LIKE 'catme%'")
case $HKEY in
*"$(printf '\033')]52"*) pass "every key and issue date holds the payloads (an OSC 52 among them)" ;;
*) fail "every key and issue date holds the payloads" "key: $(printf '%s' "$HKEY" | od -c | head -3)"; finish ;;
esac

# printed NAME COMMAND...: stdout and stderr of COMMAND into $TMP/NAME.*
printed() {
	_p=$1
	shift
	"$@" >"$TMP/$_p.out" 2>"$TMP/$_p.err" </dev/null
	echo $? >"$TMP/$_p.rc"
}

printed list "$KB" -d "$DB" --list
printed search "$KB" -d "$DB" --search 美国 --limit 0
printed cut "$KB" -d "$DB" --search 美国 --limit 2
printed cat "$KB" -d "$DB" --cat "$HKEY" --width 60
printed nokey "$KB" -d "$DB" --cat "$(printf 'x\033]52;c;UFdORUQ=\007\033[2J')"
printed path "$KB" -d "$TMP/$(printf 'a\033]0;PWNED\007b')/k.db" --list
for p in list search cut cat nokey path; do
	why=
	o=$(check_py bytes "$TMP/$p.out") || why="stdout: $o"
	e=$(check_py bytes "$TMP/$p.err") || why="$why stderr: $e"
	case $p in
	list | search | cut | cat)
		[ "$(cat "$TMP/$p.rc")" = 0 ] && [ -s "$TMP/$p.out" ] ||
		    why="$why (status $(cat "$TMP/$p.rc"), $(wc -l <"$TMP/$p.out") lines)" ;;
	*)
		[ "$(wc -l <"$TMP/$p.err")" = 1 ] && grep -q '^kuaibao: ' "$TMP/$p.err" ||
		    why="$why (stderr: $(head -c 300 "$TMP/$p.err" | od -c | head -4))" ;;
	esac
	verdict "$p: nothing from the database or the command line reaches stdout or stderr raw" "$why"
done
n=$(grep -c '^    ' "$TMP/list.out")
if [ "$n" -eq 69 ] && [ "$(grep -c '\^\[\]52' "$TMP/list.out")" -ge 69 ]; then
	pass "--list: the 69 articles, each key with its ESC shown as ^["
else
	fail "--list: the 69 articles, each key with its ESC shown as ^[" "$n article lines" "$(head -5 "$TMP/list.out")"
fi

# ---- in a terminal --------------------------------------------------

for p in list search; do
	case $p in
	list) set -- --list ;;
	search) set -- --search 美国 --limit 0 ;;
	esac
	S=t$p
	start $S 120 40 KB_GATE=1 -- "$KB" -d "$DB" "$@"
	tm select-pane -t $S -T KBTITLE
	tm set -w -t $S automatic-rename off
	tm set -w -t $S allow-rename on
	tm rename-window -t $S KBWIN
	keys $S Enter
	st=$(wait_dead $S) || st="no end"
	wait_stable $S
	t=$(tfmt $S '#{pane_title}')
	w=$(tfmt $S '#{window_name}')
	b=$(tm list-buffers 2>/dev/null)
	if [ "$st" = 0 ] && [ "$t" = KBTITLE ] && [ "$w" = KBWIN ] && [ -z "$b" ]; then
		pass "$*, in tmux: no clipboard write, the title and window name unchanged"
	else
		fail "$*, in tmux: no clipboard write, the title and window name unchanged" \
		    "status $st" "title '$t', window '$w'" "paste buffers: $b"
	fi
	while tm delete-buffer 2>/dev/null; do :; done
	kill_session $S
done

finish

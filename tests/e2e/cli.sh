#!/bin/sh
# The command line (issue 11, items 2 and 11):
#   locale: LANG=C.UTF-8 LC_CTYPE=UTF-8 (what macOS Terminal sends over
#   SSH) and UTF-8 locales that are not installed here (zh_CN.UTF-8,
#   en_US.UTF-8) start the reader, in tmux, as C.UTF-8; a locale that is
#   not UTF-8 is refused in one line naming the variable that decides
#   (LC_ALL, then LC_CTYPE, then LANG) and how to set it;
#   --search: exit 1 when nothing matches, as grep; --limit N says on
#   stderr that results were cut, --limit 0 prints them all (as many as
#   the corpus dump has articles with the word);
#   --cat's width from $COLUMNS when it is set, from the terminal when
#   stdout is one (tmux);
#   options that cannot go together are one usage error, status 2;
#   no database: the message names the real path looked at;
#   every error is one line on stderr starting "kuaibao: ";
#   article keys in any letter case.
. tests/e2e/lib.sh

KEY=dd146d8cb3d5
DB=$KB_DB

# one_error DESC STATUS COMMAND...: COMMAND exits STATUS, prints nothing
# on stdout and exactly one line on stderr, starting "kuaibao: "
one_error() {
	_d=$1 _want=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	_rc=$?
	_why=
	[ "$_rc" -eq "$_want" ] || _why="status $_rc, not $_want"
	[ ! -s "$TMP/out" ] || _why="$_why; stdout: $(head -c 200 "$TMP/out")"
	[ "$(wc -l <"$TMP/err")" -eq 1 ] || _why="$_why; $(wc -l <"$TMP/err") lines on stderr"
	head -n 1 "$TMP/err" | grep -q '^kuaibao: ' || _why="$_why; not \"kuaibao: \" first"
	if [ -z "$_why" ]; then
		pass "$_d: $(cat "$TMP/err")"
	else
		fail "$_d" "$_why" "$(head -c 600 "$TMP/err")"
	fi
}

# ---- the locale ------------------------------------------------------

have_locale() {	# have_locale NAME: installed here (then it proves nothing)
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' |
	    grep -qx "$(echo "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')"
}

# starts ENV...: the reader starts with these variables (over the
# LANG=C.UTF-8 the sessions get) and shows Chinese text
starts() {
	cl_s=loc$T_N
	reader $cl_s 80 24 "$@"
	if wait_status $cl_s '\?:帮助 *$' && wait_stable $cl_s &&
	    grep -q '科技' "$LAST"; then
		pass "$*: the reader starts, Chinese shown"
	else
		fail "$*: the reader starts, Chinese shown" "$(diag_screen)"
	fi
	keys $cl_s q
	wait_dead $cl_s >/dev/null
	kill_session $cl_s
}

starts LC_CTYPE=UTF-8
for loc in zh_CN.UTF-8 en_US.UTF-8; do
	if have_locale $loc; then
		skip "LANG=$loc starts the reader" "$loc is installed here"
	else
		starts LANG=$loc
	fi
done
if have_locale en_US.UTF-8; then
	skip "LC_ALL=en_US.UTF-8 starts the reader" "installed here"
else
	starts LC_ALL=en_US.UTF-8 LANG=C
fi

# refused ENV... -- VAR: the reader refuses in one line that names VAR
# (the variable that decides) and says to set it to C.UTF-8
refused() {
	cl_s=loc$T_N
	cl_envs=
	while [ "$1" != -- ]; do
		cl_envs="$cl_envs $1"
		shift
	done
	cl_var=$2
	# stdin and stdout the terminal; stderr kept in a file (tmux may
	# not draw what a program writes just before it ends)
	# shellcheck disable=SC2086
	session $cl_s 200 10 '"$@" 2>"$0.err"; echo $? >"$0.tmp"; mv "$0.tmp" "$0"' \
	    $cl_envs -- "$KB" -d "$DB"
	if ! cl_st=$(wait_dead $cl_s) || [ "$cl_st" != 1 ]; then
		fail "$cl_envs: refused (status ${cl_st:-none})" "$(diag_screen)"
		kill_session $cl_s
		return
	fi
	cp "$TMP/rc.$cl_s.err" "$TMP/msg"
	cl_lines=$(wc -l <"$TMP/msg")
	if [ "$cl_lines" -eq 1 ] && grep -q "^kuaibao: .*$cl_var=.*$cl_var=C.UTF-8 kuaibao" "$TMP/msg"; then
		pass "$cl_envs: refused in one line naming $cl_var: $(cat "$TMP/msg")"
	else
		fail "$cl_envs: refused in one line naming $cl_var ($cl_lines lines)" "$(cat "$TMP/msg")"
	fi
	kill_session $cl_s
}

refused LC_ALL=C LANG=C.UTF-8 -- LC_ALL
refused LC_CTYPE=POSIX LANG=C.UTF-8 -- LC_CTYPE
refused LANG=C -- LANG
refused LANG=fr_FR.ISO-8859-1 -- LANG

# ---- --search: the exit status, --limit ------------------------------

# the articles with a word, from the importer's dump (the corpus)
hits() {
	python3 - "$CORPUS" "$1" <<'EOF'
import sys
sys.path.insert(0, "tests/e2e")
from screen import load, articles, matches
print(sum(1 for iss in load(sys.argv[1]) for _, a in articles(iss)
          if matches(a, sys.argv[2])))
EOF
}

"$KB" -d "$DB" --search 量子计算机不存在的词 >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ]; then
	pass "--search with no result: status 1, nothing printed (as grep)"
else
	fail "--search with no result: status 1, nothing printed (as grep)" "status $rc" "$(cat "$TMP/out" "$TMP/err")"
fi
n=$(hits 美国)
"$KB" -d "$DB" --search 美国 --limit 3 >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$n" -gt 3 ] && [ $rc -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 3 ] &&
    [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q '^kuaibao: .*--limit 0' "$TMP/err"; then
	pass "--search 美国 --limit 3: 3 of the $n results, and stderr says so: $(cat "$TMP/err")"
else
	fail "--search 美国 --limit 3: 3 of the $n results, and stderr says so" "status $rc" \
	    "$(wc -l <"$TMP/out") lines printed" "stderr: $(cat "$TMP/err")"
fi
"$KB" -d "$DB" --search 美国 --limit 0 >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq "$n" ] && [ ! -s "$TMP/err" ]; then
	pass "--limit 0: all $n articles with 美国 in the corpus"
else
	fail "--limit 0: all $n articles with 美国 in the corpus" "status $rc" \
	    "$(wc -l <"$TMP/out") lines" "$(cat "$TMP/err")"
fi
"$KB" -d "$DB" --search 美国 --limit "$n" >"$TMP/out" 2>"$TMP/err"
if [ "$(wc -l <"$TMP/out")" -eq "$n" ] && [ ! -s "$TMP/err" ]; then
	pass "--limit $n, exactly the number of results: nothing said"
else
	fail "--limit $n, exactly the number of results: nothing said" "$(cat "$TMP/err")"
fi

# ---- --cat's width -----------------------------------------------------

COLUMNS=44 "$KB" -d "$DB" --cat $KEY >"$TMP/cat44" 2>"$TMP/err"
w=$(python3 -c '
import sys
sys.path.insert(0, "tests/lib")
from termtext import width, is_url_line
print(max(width(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")
          if not is_url_line(l.rstrip("\n"))))' "$TMP/cat44")
if [ "$w" -le 44 ] && [ "$w" -ge 40 ]; then
	pass "COLUMNS=44, stdout a pipe: --cat wraps at 44 (widest line $w)"
else
	fail "COLUMNS=44, stdout a pipe: --cat wraps at 44" "widest line: $w columns"
fi
COLUMNS=44 "$KB" -d "$DB" --cat $KEY --width 60 | screen_py widths 60 /dev/stdin --urls >/dev/null &&
    [ "$("$KB" -d "$DB" --cat $KEY --width 60 | wc -l)" -lt "$(wc -l <"$TMP/cat44")" ]
outcome $? "--width 60 wins over COLUMNS=44"
# stdout the terminal: the lines it would wrap itself are joined back
# (capture-pane -J), so only kuaibao's own wrapping counts
start catw 52 60 -- sh -c '"$@"; printf "CAT-END\n"; sleep 30' sh \
    "$KB" -d "$DB" --cat $KEY
wait_for catw CAT-END && tm capture-pane -p -J -t catw >"$TMP/catw" &&
    python3 -c '
import sys
sys.path.insert(0, "tests/lib")
from termtext import width, is_url_line
w = max(width(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")
        if not is_url_line(l.rstrip("\n")))
print("widest line: %d" % w)
sys.exit(0 if 46 <= w <= 52 else 1)' "$TMP/catw" >"$TMP/catw.why"
outcome $? "in a 52-column terminal, --cat wraps at 52 ($(cat "$TMP/catw.why"))"
kill_session catw

# ---- usage errors ----------------------------------------------------

one_error "--list --cat KEY" 2 "$KB" -d "$DB" --list --cat $KEY
one_error "--cat KEY --search W" 2 "$KB" -d "$DB" --cat $KEY --search 美国
one_error "--search W --list-commands" 2 "$KB" --search 美国 --list-commands
one_error "--width without --cat" 2 "$KB" -d "$DB" --list --width 60
one_error "--limit without --search" 2 "$KB" -d "$DB" --cat $KEY --limit 3
one_error "an unknown option" 2 "$KB" --nosuchoption
one_error "an option without its argument" 2 "$KB" --cat
one_error "an argument of no option" 2 "$KB" -d "$DB" --list extra
one_error "--width 5" 2 "$KB" -d "$DB" --cat $KEY --width 5
one_error "--limit -1" 2 "$KB" -d "$DB" --search 美国 --limit -1
one_error "--search with nothing to search for" 2 "$KB" -d "$DB" --search '  '
one_error "--cat with an unknown key" 1 "$KB" -d "$DB" --cat 000000000000
one_error "a database that does not exist" 1 "$KB" -d "$TMP/none.db" --list
one_error "not a terminal" 1 "$KB" -d "$DB"

# ---- no database -----------------------------------------------------

if [ -e /usr/local/share/kuaibao/kuaibao.db ]; then
	skip "no database: the real path" "a database is installed here"
else
	env -i PATH="$PATH" HOME="$TMP/home" XDG_DATA_HOME="$TMP/nodata" \
	    "$KB" --list >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ $rc -ne 0 ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] &&
	    grep -qF "$TMP/nodata/kuaibao/kuaibao.db" "$TMP/err" &&
	    ! grep -qF '$XDG_DATA_HOME' "$TMP/err" && grep -q '^kuaibao: ' "$TMP/err"; then
		pass "no database: the path looked at, not \$XDG_DATA_HOME: $(cat "$TMP/err")"
	else
		fail "no database: the path looked at, not \$XDG_DATA_HOME" "status $rc" "$(cat "$TMP/err")"
	fi
	env -i PATH="$PATH" HOME="$TMP/home" "$KB" --list >"$TMP/out" 2>"$TMP/err"
	if grep -qF "$TMP/home/.local/share/kuaibao/kuaibao.db" "$TMP/err"; then
		pass "no database, no XDG_DATA_HOME: ~/.local/share/kuaibao/kuaibao.db named in full"
	else
		fail "no database, no XDG_DATA_HOME: ~/.local/share/kuaibao/kuaibao.db named in full" "$(cat "$TMP/err")"
	fi
fi

# ---- keys in any letter case -----------------------------------------

"$KB" -d "$DB" --cat $KEY --width 60 >"$TMP/lower" 2>&1
UPPER=$(echo $KEY | tr 'a-f' 'A-F')
if "$KB" -d "$DB" --cat "$UPPER" --width 60 >"$TMP/upper" 2>"$TMP/err" &&
    cmp -s "$TMP/lower" "$TMP/upper" && [ -s "$TMP/upper" ]; then
	pass "--cat $UPPER: the article $KEY"
else
	fail "--cat $UPPER: the article $KEY" "$(cat "$TMP/err")"
fi

finish

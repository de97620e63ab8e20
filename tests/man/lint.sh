#!/bin/sh
# The manual pages (TAP).  Run from anywhere; uses mandoc.
#
# For each page: `mandoc -Tlint -W warning` says nothing, `mandoc -Tutf8`
# renders it, and groff, if installed, renders it without a warning.
# Then the pages are checked against the code, so that they cannot fall
# behind it silently:
#   - every default key and every command (kuaibao --list-commands, from
#     $KB_BUILD, default build) is an item of the KEYS and the COMMANDS
#     sections of kuaibao.1;
#   - every long and short option of tui/kuaibao.c and
#     tui/kuaibao-import.c is in its page, and every option in a page's
#     SYNOPSIS is in the code;
#   - every table, column and index of the database schema
#     (tui/db-schema.c) and of the state database (tui/db-state-*.c), every
#     key of the JSON dump (tui/import-json.c) and the schema version are
#     in kuaibao.5;
#   - every message of the importer's catalogue (tui/diag.h, tui/diag.c)
#     is in kuaibao-import.1, under the subsection of its level, and
#     every level is described.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
export LC_ALL=C.UTF-8

pages="man/kuaibao.1 man/kuaibao-import.1 man/kuaibao.5 man/kuaibao-config.5"
. tests/lib/tap.sh
# comment: stdin as TAP diagnostic lines
comment() { sed 's/^/# /'; }

if ! command -v mandoc >/dev/null 2>&1; then
	echo "1..1"
	echo "not ok 1 - mandoc is not installed (apt-get install mandoc)"
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kb-man.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

bs=$(printf '\b')
# render PAGE: the page as text, without overstrike, in $tmp/NAME.txt
render() {
	mandoc -Tutf8 -O width=78 "$1" 2>/dev/null | sed "s/.$bs//g" \
	    >"$tmp/$(basename "$1").txt"
}

# --- each page: lint, render ---

for p in $pages; do
	if [ ! -f "$p" ]; then
		notok "$p exists"
		continue
	fi
	mandoc -Tlint -W warning "$p" >"$tmp/lint" 2>&1
	if [ -s "$tmp/lint" ]; then
		notok "$p: mandoc -Tlint -W warning"
		comment <"$tmp/lint"
	else
		ok "$p: mandoc -Tlint -W warning is clean"
	fi

	mandoc -Tutf8 "$p" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	render "$p"
	if [ "$rc" -eq 0 ] && grep -q '^NAME' "$tmp/$(basename "$p").txt" &&
	    [ "$(wc -l <"$tmp/out")" -gt 20 ]; then
		ok "$p: mandoc -Tutf8 renders it"
	else
		notok "$p: mandoc -Tutf8 renders it (status $rc)"
		comment <"$tmp/err"
	fi

	if command -v groff >/dev/null 2>&1 &&
	    command -v preconv >/dev/null 2>&1; then
		groff -k -mandoc -Tutf8 -ww -z "$p" >"$tmp/groff" 2>&1
		if [ -s "$tmp/groff" ]; then
			notok "$p: groff renders it without a warning"
			comment <"$tmp/groff"
		else
			ok "$p: groff renders it without a warning"
		fi
	else
		skip "$p: groff is not installed"
	fi
done

for p in $pages; do
	[ -s "$tmp/$(basename "$p").txt" ] || {
		echo "1..$n"
		echo "# cannot check the pages against the code: $p missing"
		exit 1
	}
done
t1=$tmp/kuaibao.1.txt
t1i=$tmp/kuaibao-import.1.txt
t5=$tmp/kuaibao.5.txt

# has_word TEXTFILE WORD: WORD occurs, not as part of a longer name
has_word() {
	awk -v w="$2" '
	    BEGIN { n = length(w) }
	    {
		s = $0
		while ((i = index(s, w)) > 0) {
			b = i > 1 ? substr(s, i - 1, 1) : ""
			a = substr(s, i + n, 1)
			if (b !~ /[A-Za-z0-9_]/ && a !~ /[A-Za-z0-9_]/) {
				found = 1
				exit
			}
			s = substr(s, i + 1)
		}
	    }
	    END { exit !found }' "$1"
}

# section TEXTFILE NAME: the rendered section NAME
section() {
	awk -v s="$2" '/^[A-Z]/ { on = ($0 == s) ; next } on' "$1"
}

# words_in TEXTFILE NAMES PREFIX WHY: every line N of the file NAMES,
# with PREFIX before it, is a word of TEXTFILE; else "PREFIXN WHY" goes
# into $tmp/missing
words_in() {
	while IFS= read -r _n; do
		has_word "$1" "$3$_n" ||
		    echo "$3$_n $4" >>"$tmp/missing"
	done <"$2"
}

# report DESCRIPTION: ok if $tmp/missing is empty, else not ok listing it
report() {
	if [ -s "$tmp/missing" ]; then
		notok "$1"
		comment <"$tmp/missing"
	else
		ok "$1"
	fi
	: >"$tmp/missing"
}
: >"$tmp/missing"

# --- keys and commands ---

# The commands and their default keys, from the reader's own table:
# kuaibao --list-commands prints name, arguments, keys (as help shows
# them) and help, tab-separated.
kb=${KB_BUILD:-build}/kuaibao
if [ ! -x "$kb" ] || ! "$kb" --list-commands >"$tmp/commands" 2>&1; then
	notok "kuaibao --list-commands ($kb) gives the commands and keys"
	comment <"$tmp/commands" 2>/dev/null
else
	cut -f3 "$tmp/commands" | tr ' ' '\n' | grep -v '^$' >"$tmp/keys"
	cut -f1 "$tmp/commands" >"$tmp/names"
	# The tags of the KEYS section: .It lines, unescaped, one token a line.
	sed -n '/^\.Sh KEYS/,/^\.Sh /p' man/kuaibao.1 | grep '^\.It' |
	    sed -e 's/\\&//g' -e 's/\\(da/↓/g' -e 's/\\(ua/↑/g' \
	    -e 's/\\(<-/←/g' -e 's/\\(->/→/g' -e 's/\\(ha/^/g' -e 's/\\e/\\/g' |
	    tr ' ,\t' '\n\n\n' | grep -v '^$' >"$tmp/tags"
	nkeys=$(wc -l <"$tmp/keys" | tr -d ' ')
	if [ "$nkeys" -lt 10 ]; then
		notok "the default keys can be read ($nkeys keys)"
	else
		while IFS= read -r k; do
			grep -Fxq -- "$k" "$tmp/tags" ||
			    echo "key '$k' is not an item of KEYS" >>"$tmp/missing"
		done <"$tmp/keys"
		report "kuaibao.1: KEYS lists every default key ($nkeys)"
	fi
	# The commands named in the tags of COMMANDS (.It Ic NAME, and the
	# .Ic lines of an .It Xo block).
	sed -n '/^\.Sh COMMANDS/,/^\.Sh /p' man/kuaibao.1 |
	    grep -E '^\.(It|Ic) ' | grep -oE 'Ic [a-z][a-z-]*' | cut -c4- \
	    >"$tmp/documented"
	ncmds=$(wc -l <"$tmp/names" | tr -d ' ')
	while IFS= read -r c; do
		grep -Fxq -- "$c" "$tmp/documented" ||
		    echo "command '$c' is not an item of COMMANDS" >>"$tmp/missing"
	done <"$tmp/names"
	report "kuaibao.1: COMMANDS describes every command ($ncmds)"
fi

# --- options ---

# chars: each character of the input on a line of its own
chars() {
	awk '{ for (i = 1; i <= length($0); i++) print substr($0, i, 1) }'
}

# options SOURCE: the long options, one a line, in $tmp/long; the short
# ones in $tmp/short.
options() {
	sed -n '/longopts\[\] = {/,/};/p' "$1" |
	    sed -n 's/^[[:space:]]*{[[:space:]]*"\([^"]*\)".*/\1/p' >"$tmp/long"
	tr '\n' ' ' <"$1" |
	    sed -n 's/.*getopt_long([^,]*,[^,]*,[[:space:]]*"\([^"]*\)".*/\1/p' |
	    tr -d ':' | chars >"$tmp/short"
}

# check_options SOURCE PAGE TEXTFILE
check_options() {
	options "$1"
	nl=$(wc -l <"$tmp/long" | tr -d ' ')
	ns=$(wc -l <"$tmp/short" | tr -d ' ')
	if [ "$nl" -lt 2 ] || [ "$ns" -lt 1 ]; then
		notok "the options of $1 can be read ($nl long, $ns short)"
		return
	fi
	words_in "$3" "$tmp/long" -- "is not in $2"
	report "$2: every long option of $1 ($nl)"
	words_in "$3" "$tmp/short" - "is not in $2"
	report "$2: every short option of $1 ($ns)"
	section "$3" SYNOPSIS >"$tmp/synopsis"
	grep -oE -- '--[a-z][a-z0-9-]*' "$tmp/synopsis" | sort -u |
	    while IFS= read -r o; do
		grep -Fxq -- "${o#--}" "$tmp/long" ||
		    echo "$o (SYNOPSIS) is not an option of $1"
	done >>"$tmp/missing"
	grep -oE -- '(^|[^-A-Za-z0-9])-[A-Za-z]+' "$tmp/synopsis" |
	    sed 's/^[^-]*-//' | chars | sort -u |
	    while IFS= read -r o; do
		grep -Fxq -- "$o" "$tmp/short" ||
		    echo "-$o (SYNOPSIS) is not an option of $1"
	done >>"$tmp/missing"
	report "$2: every option of its SYNOPSIS is in $1"
}

check_options tui/kuaibao.c kuaibao.1 "$t1"
check_options tui/kuaibao-import.c kuaibao-import.1 "$t1i"

# --- kuaibao-config.5 against the settings and the styles ---

tc=$tmp/kuaibao-config.5.txt
sed -n '/^} settings\[\] = {/,/^};/p' tui/cmd-config.c |
    sed -n 's/^[[:space:]]*{ "\([a-z-]*\)".*/\1/p' >"$tmp/settings"
sed -n '/^const char \*const look_names\[\] = {/,/};/p' tui/look.c |
    grep -o '"[a-z-]*"' | tr -d '"' >>"$tmp/settings"
: >"$tmp/missing"
if [ "$(wc -l <"$tmp/settings")" -lt 10 ]; then
	notok "the settings and elements of tui/cmd-config.c and tui/look.c can be read"
else
	while IFS= read -r w; do
		grep -qw -- "$w" "$tc" ||
		    echo "'$w' is not in kuaibao-config.5" >>"$tmp/missing"
	done <"$tmp/settings"
	report "kuaibao-config.5: every setting and element ($(wc -l <"$tmp/settings" | tr -d ' '))"
fi

# --- kuaibao.5 against the schema and the dump ---

# sql_names SOURCE ARRAY: the tables, columns and indexes created by the
# SQL in the C string array ARRAY of SOURCE, one a line.
sql_names() {
	awk -v array="$2" '
	    index($0, array "[] =") { on = 1; next }
	    on {
		line = $0
		while ((i = index(line, "\"")) > 0) {
			line = substr(line, i + 1)
			j = index(line, "\"")
			if (j == 0)
				break
			sql = sql substr(line, 1, j - 1)
			line = substr(line, j + 1)
		}
		if ($0 ~ /;[[:space:]]*$/ && $0 !~ /^[[:space:]]*"/)
			on = 0
		else if ($0 ~ /";[[:space:]]*$/)
			on = 0
	    }
	    END {
		n = split(sql, stmts, ";")
		for (k = 1; k <= n; k++)
			statement(stmts[k])
	    }
	    function statement(s,    m, name, body, depth, c, part, i, w) {
		gsub(/[[:space:]]+/, " ", s)
		if (match(s, /CREATE (UNIQUE )?INDEX (IF NOT EXISTS )?[A-Za-z_.]+/)) {
			name = substr(s, RSTART, RLENGTH)
			sub(/.* /, "", name)
			sub(/.*\./, "", name)
			print name
			return
		}
		if (!match(s, /CREATE (VIRTUAL )?TABLE (IF NOT EXISTS )?[A-Za-z_.]+/))
			return
		name = substr(s, RSTART, RLENGTH)
		sub(/.* /, "", name)
		sub(/.*\./, "", name)
		print name
		i = index(s, "(")
		body = substr(s, i + 1)
		depth = 0
		part = ""
		for (i = 1; i <= length(body); i++) {
			c = substr(body, i, 1)
			if (c == "(")
				depth++
			if (c == ")" && depth-- == 0) {
				column(part)
				break
			}
			if (c == "," && depth == 0) {
				column(part)
				part = ""
			} else
				part = part c
		}
	    }
	    function column(p,    w) {
		sub(/^ +/, "", p)
		if (index(p, "=") > 0)
			return		# an FTS5 option
		w = p
		sub(/ .*/, "", w)
		if (w ~ /^(PRIMARY|UNIQUE|CHECK|FOREIGN|CONSTRAINT)$/ || w == "")
			return
		print w
	    }' "$1" | sort -u
}

# schema_in_page FILE FUNCTION MIN SCHEMA WHAT: every name of the schema
# in FUNCTION of FILE (at least MIN of them, else it was not read) is a
# word of kuaibao.5
schema_in_page() {
	sql_names "$1" "$2" >"$tmp/names"
	ns=$(wc -l <"$tmp/names" | tr -d ' ')
	if [ "$ns" -lt "$3" ]; then
		notok "the $4 of $1 can be read ($ns names)"
		return
	fi
	words_in "$t5" "$tmp/names" "" "($1) is not in kuaibao.5"
	report "kuaibao.5: every $5 ($ns)"
}
schema_in_page tui/db-schema.c db_schema_sql 20 schema \
    "table, column and index of the database"
schema_in_page tui/db-state-marks.c dbr_marks_schema 6 "state schema" \
    "table, column and index of the state database's marks"
schema_in_page tui/db-state-places.c dbr_places_schema 8 "state schema" \
    "table and column of the state database's places"
schema_in_page tui/db-state-history.c dbr_history_schema 3 "state schema" \
    "table and column of the state database's history"
schema_in_page tui/db-state-views.c dbr_views_schema 5 "state schema" \
    "table and column of the state database's views"

{
	grep -o 'key(fp, "[a-z_]*"' tui/import-json.c | sed 's/.*"\(.*\)"/\1/'
	grep -o '\\"[a-z_]*\\":' tui/import-json.c | sed 's/\\"\(.*\)\\":/\1/'
} | sort -u >"$tmp/json"
fmt=$(grep -o 'kuaibao-dump/[0-9]*' tui/import-json.c | head -n 1)
nj=$(wc -l <"$tmp/json" | tr -d ' ')
if [ "$nj" -lt 15 ] || [ -z "$fmt" ]; then
	notok "the JSON keys of tui/import-json.c can be read ($nj keys)"
else
	while IFS= read -r w; do
		has_word "$t5" "$w" ||
		    echo "JSON key \"$w\" is not in kuaibao.5" >>"$tmp/missing"
	done <"$tmp/json"
	grep -Fq -- "$fmt" "$t5" ||
	    echo "the format name $fmt is not in kuaibao.5" >>"$tmp/missing"
	report "kuaibao.5: every key of the JSON dump ($nj) and $fmt"
fi

v=$(sed -n 's/^#define[[:space:]]*DB_SCHEMA_VERSION[[:space:]]*\([0-9]*\).*/\1/p' \
    tui/db-schema.h)
if [ -z "$v" ]; then
	notok "DB_SCHEMA_VERSION can be read from tui/db-schema.h"
elif grep -q "schema, now ‘$v’" "$t5"; then
	ok "kuaibao.5: schema_version is $v, as in tui/db-schema.h"
else
	notok "kuaibao.5: schema_version is $v, as in tui/db-schema.h"
	grep 'schema, now' "$t5" | comment
fi

# --- kuaibao-import.1 against the diagnostics ---

# The catalogue: LEVEL<TAB>NAME<TAB>TEXT for every message, its level
# from its place in enum diag_msg (tui/diag.h), between the markers
# MSG_NOTICE, MSG_WARNING, MSG_ERROR and MSG_FATAL, its text from the
# table of tui/diag.c.
awk '
	FILENAME ~ /diag\.h$/ {
		if ($0 ~ /^enum diag_msg \{/) { on = 1; next }
		if (on && $0 ~ /^\};/) { on = 0; next }
		if (on && match($0, /MSG_[A-Z0-9_]+/)) {
			name = substr($0, RSTART, RLENGTH)
			if (name ~ /^MSG_(NOTICE|WARNING|ERROR|FATAL)$/)
				lvl = substr(name, 5)
			else if (name != "MSG_MAX") {
				order[++n] = name
				level[name] = lvl
			}
		}
		next
	}
	$0 ~ /texts\[MSG_MAX\] = \{/ { on = 1; next }
	!on { next }
	/^\};/ { on = 0; next }
	{
		line = $0
		if (match(line, /\[MSG_[A-Z0-9_]+\]/)) {
			cur = substr(line, RSTART + 1, RLENGTH - 2)
			line = substr(line, RSTART + RLENGTH)
		}
		while ((i = index(line, "\"")) > 0) {
			line = substr(line, i + 1)
			j = index(line, "\"")
			text[cur] = text[cur] substr(line, 1, j - 1)
			line = substr(line, j + 1)
		}
	}
	END {
		for (k = 1; k <= n; k++)
			printf "%s\t%s\t%s\n", level[order[k]], order[k],
			    text[order[k]]
	}' tui/diag.h tui/diag.c | sed 's/\\"/"/g' >"$tmp/diags"
nd=$(wc -l <"$tmp/diags" | tr -d ' ')
if [ "$nd" -lt 30 ] || grep -q "$(printf '\t')\$" "$tmp/diags"; then
	notok "the message catalogue of tui/diag.[ch] can be read ($nd)"
	grep "$(printf '\t')\$" "$tmp/diags" | sed 's/^/# no text: /'
else
	# Each level's subsection of DIAGNOSTICS, on one line.
	section "$t1i" DIAGNOSTICS | awk -v dir="$tmp" '
	    /^   [A-Z]/ {
		s = $0
		sub(/^ +/, "", s)
		f = ""
		if (s == "Notices") f = "NOTICE"
		if (s == "Warnings") f = "WARNING"
		if (s == "Errors") f = "ERROR"
		if (s == "Fatal errors") f = "FATAL"
		next
	    }
	    f != "" { printf "%s ", $0 >(dir "/diag-" f) }'
	for l in NOTICE WARNING ERROR FATAL; do
		touch "$tmp/diag-$l"
		tr -s ' ' <"$tmp/diag-$l" >"$tmp/diag-$l.1"
	done
	while IFS="$(printf '\t')" read -r l name m; do
		grep -Fq -- "$m" "$tmp/diag-$l.1" ||
		    echo "$name '$m' is not under its level, $l, in DIAGNOSTICS" \
		    >>"$tmp/missing"
	done <"$tmp/diags"
	report "kuaibao-import.1: DIAGNOSTICS lists every message of the catalogue under its level ($nd)"
fi

sed -n '/level_names\[[A-Z_]*\] = {/,/};/p' tui/diag.c | grep -o '"[A-Z]*"' |
    tr -d '"' >"$tmp/levels"
if [ ! -s "$tmp/levels" ]; then
	notok "the diagnostic levels of tui/diag.c can be read"
else
	section "$t1i" DIAGNOSTICS >"$tmp/diagsec"
	while IFS= read -r l; do
		grep -q "^     $l " "$tmp/diagsec" ||
		    echo "level $l is not described" >>"$tmp/missing"
	done <"$tmp/levels"
	report "kuaibao-import.1: DIAGNOSTICS describes every level of tui/diag.c"
fi

echo "1..$n"
[ "$fails" -eq 0 ]

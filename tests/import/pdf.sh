#!/bin/sh
# PDF input to kuaibao-import (TAP).  Run from the top of the tree; the
# importer is ${KB_BUILD:-build}/kuaibao-import.
#
# tests/import/pdf/typeset.py sets documents of the corpus as the
# bulletin is printed, from the JSON dump of their original text (the
# dump passes the original's .expect, so it is a faithful model); each
# PDF is imported and checked against the ORIGINAL document's .expect:
# one line per PDF, "N/M checks", with the first failed checks (a known
# shortfall listed in tests/import/shortfalls is a TODO, no failure).
# Then the PDFs the importer refuses: no pdftotext on PATH, an encrypted PDF, a
# scan without a text layer, a damaged PDF, and a pdftotext that
# crashes, runs too long, prints too much or prints no XML: each one ERROR line naming
# the file, exit status 2 (or 3, where fatal errors are moving), and the
# database unchanged.  And: a PDF is known by its %PDF- magic under any
# name, a name that starts with "-" is no option, and the typesetting
# gives the same bytes twice.
#
# KB_PDF_DIR=DIR keeps the PDFs there (they are generated, never
# committed).  Skipped without ReportLab or a CJK TrueType font.
. "$(dirname "$0")/lib.sh"

py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import reportlab' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	echo "1..0 # SKIP ReportLab is missing (python3-reportlab)"
	exit 0
fi
if ! command -v pdftotext >/dev/null 2>&1; then
	echo "1..0 # SKIP pdftotext is missing (poppler-utils)"
	exit 0
fi
pdfdir=${KB_PDF_DIR:-$tmp/pdf}
mkdir -p "$pdfdir" "$tmp/db" "$tmp/bin" "$tmp/empty"
setpdf() { "$py" tests/import/pdf/typeset.py "$@" 2>"$tmp/typeset.err"; }

setpdf --encrypted "$pdfdir/encrypted.pdf"
case $? in
0) ;;
77)
	echo "1..0 # SKIP $(cat "$tmp/typeset.err")"
	exit 0
	;;
*)
	echo "1..1"
	echo "not ok 1 - typeset.py --encrypted"
	sed 's/^/# /' "$tmp/typeset.err"
	exit 1
	;;
esac

# check-expect.py counts an import with warnings as failed; here the
# checks are what is counted, and the warnings are reported.
cat >"$tmp/bin/import" <<EOF
#!/bin/sh
"$top/$imp" "\$@" 2>>"$tmp/warnings"
rc=\$?
[ \$rc -eq 1 ] && exit 0
exit \$rc
EOF
chmod +x "$tmp/bin/import"

# --- the documents, typeset and imported

for e in tests/import/corpus/000_*.expect tests/import/corpus/002_*.expect \
    tests/import/corpus/003_*.expect tests/import/corpus/004_*.expect \
    tests/import/unseen/2024-05.expect tests/import/guides/*.expect; do
	name=$(basename "$e" .expect)
	name=${name%%_*}
	src=$(sed -n 's/^file //p' "$e")
	pdf=$pdfdir/$name.pdf
	if ! "$imp" --data-dir "$data" --json "$src" >"$tmp/$name.json" \
	    2>"$tmp/err"; then
		notok "$name.pdf: the original $src does not import"
		sed 's/^/# /' "$tmp/err" | head -n 5
		continue
	fi
	if ! setpdf "$tmp/$name.json" "$pdf"; then
		notok "$name.pdf: typeset.py failed"
		sed 's/^/# /' "$tmp/typeset.err" | head -n 5
		continue
	fi
	: >"$tmp/warnings"
	python3 tests/import/check-expect.py --importer "$tmp/bin/import" \
	    --source "$pdf" "$e" >"$tmp/$name.tap" 2>&1
	total=$(grep -c -E '^(not )?ok ' "$tmp/$name.tap")
	passed=$(grep '^ok ' "$tmp/$name.tap" | grep -c -v '# SKIP')
	if [ "$total" -gt 0 ] && [ "$passed" -eq "$total" ]; then
		ok "$name.pdf: $passed/$total checks"
	elif [ "$total" -gt 0 ] && note=$(python3 tests/import/shortfall.py \
	    "pdf $name" "$passed" "$total"); then
		n=$((n + 1))	# a known shortfall: TAP's TODO, no failure
		echo "not ok $n - $name.pdf: $passed/$total checks$note"
	else
		notok "$name.pdf: $passed/$total checks${note:-}"
	fi
	grep -A2 '^not ok' "$tmp/$name.tap" | grep -v '^--' | head -n 12 |
	    sed -e 's/^not ok [0-9]* - /#   /' -e 's/^#   /#     /'
	nwarn=$(grep -c ': WARNING: ' "$tmp/warnings")
	[ "$nwarn" -eq 0 ] ||
	    echo "# $nwarn warnings, the first: $(grep -m1 ': WARNING: ' "$tmp/warnings")"
done

# The same bytes from the same dump.
pdf=$pdfdir/2024-05.pdf
if [ -s "$pdf" ] && setpdf "$tmp/2024-05.json" "$tmp/again.pdf" &&
    cmp -s "$pdf" "$tmp/again.pdf"; then
	ok "typeset.py gives the same PDF twice"
else
	notok "typeset.py gives the same PDF twice"
fi

# --- the text as read: --text, which diagnostics count lines in

"$imp" --text "$pdf" >"$tmp/text" 2>"$tmp/err" || fail "--text: exit status $?"
[ -s "$tmp/err" ] && fail "--text wrote to stderr: $(head -c 200 "$tmp/err")"
no=$("$imp" -v --json --data-dir "$data" "$pdf" 2>&1 >/dev/null |
    sed -n 's/^.*\.pdf:\([0-9]*\):1: NOTICE: page number dropped: 2$/\1/p')
[ -n "$no" ] && [ "$(sed -n "${no}p" "$tmp/text")" = 2 ] ||
    fail "the notice's line ${no:-?} of --text is not the page number 2"
grep -q "$(printf '^使命领域\t主要措施$')" "$tmp/text" ||
    fail "--text has no row 使命领域<TAB>主要措施 (table 1, as typeset)"
check "--text prints the PDF's text as read: the notices' line numbers, a table a row a line"

# --- a PDF under any name

# dump [-C DIR] FILE: the dump of FILE without its "source"
dump() {
	(if [ "$1" = -C ]; then cd "$2" && shift 2; fi
	"$top/$imp" --data-dir "$top/$data" --json -- "$1") |
	    sed 's/"source": "[^"]*"//'
}
cp "$pdf" "$tmp/issue.txt"
cp "$pdf" "$tmp/-issue.pdf"
dump "$pdf" >"$tmp/a.json"
dump "$tmp/issue.txt" >"$tmp/b.json"
grep -q '"articles"' "$tmp/a.json" && cmp -s "$tmp/a.json" "$tmp/b.json" ||
    fail "the dump of issue.txt differs from that of 2024-05.pdf"
dump -C "$tmp" -issue.pdf >"$tmp/c.json"
cmp -s "$tmp/a.json" "$tmp/c.json" ||
    fail "the dump of -issue.pdf differs from that of 2024-05.pdf"
check "a PDF is read by its %PDF- magic (as issue.txt) and as -issue.pdf"

# --- refused PDFs

"$imp" -q --new -o "$tmp/db/kb.db" --data-dir "$data" data/corpus/004_*.txt
sum0=$(cksum <"$tmp/db/kb.db")

# refused DESCRIPTION FILE MESSAGE [ENV...]: exit status 2 or 3; with -o,
# the one ERROR line "FILE: ERROR: cannot read PDF: MESSAGE…" and the
# summary, the database unchanged and nothing left beside it; with
# --json, that ERROR line alone.
starts() {	# starts TEXT: the first line on stderr starts with TEXT
	case $(head -n 1 "$tmp/err") in
	"$1"*) return 0 ;;
	esac
	return 1
}
refused() {
	what=$1 f=$2 msg="kuaibao-import: $2: ERROR: cannot read PDF: $3"
	shift 3
	env "$@" "$top/$imp" -o "$tmp/db/kb.db" --data-dir "$data" "$f" \
	    >/dev/null 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || [ "$rc" -eq 3 ] || fail "exit status $rc"
	[ "$(wc -l <"$tmp/err")" -eq 2 ] && starts "$msg" &&
	    sed -n 2p "$tmp/err" | grep -q 'nothing written; .* is unchanged$' ||
	    fail "stderr is not the line '$msg…' and the summary:" \
	    "$(head -c 600 "$tmp/err")"
	[ "$(cksum <"$tmp/db/kb.db")" = "$sum0" ] || fail "the database changed"
	[ "$(ls -A "$tmp/db")" = kb.db ] ||
	    fail "left in the directory: $(ls -A "$tmp/db" | tr '\n' ' ')"
	env "$@" "$top/$imp" --json --data-dir "$data" "$f" >/dev/null \
	    2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || [ "$rc" -eq 3 ] || fail "--json: exit status $rc"
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && starts "$msg" ||
	    fail "--json: stderr is not the one line: $(head -c 300 "$tmp/err")"
	check "$what: one ERROR line, exit status $rc, the database unchanged"
}

refused "no pdftotext on PATH" "$pdf" \
    "pdftotext not found (install poppler-utils)" PATH="$tmp/empty"
refused "an encrypted PDF" "$pdfdir/encrypted.pdf" \
    "it is encrypted with a password"
if setpdf --image-only "$pdfdir/scan.pdf"; then
	refused "a scan without a text layer" "$pdfdir/scan.pdf" \
	    "it has no text layer, only images (a scan?); run OCR"
else
	notok "typeset.py --image-only: $(head -c 200 "$tmp/typeset.err")"
fi
{ echo '%PDF-1.4'; head -c 3000 data/corpus/000_*.txt; } >"$tmp/damaged.pdf"
refused "a damaged PDF" "$tmp/damaged.pdf" \
    "pdftotext failed: exit status 1: "

# pdftotext stand-ins on PATH: one that crashes, one that never ends,
# one that prints without end.
fake() {	# fake NAME SCRIPT-BODY
	mkdir -p "$tmp/fake/$1"
	printf '#!/bin/sh\n%s\n' "$2" >"$tmp/fake/$1/pdftotext"
	chmod +x "$tmp/fake/$1/pdftotext"
}
fake crash 'kill -SEGV $$'
fake slow 'exec sleep 60'
fake flood 'exec yes 科技政策与咨询快报'
fake junk 'printf "<page>\\n<flow></page>\\n"'
refused "a pdftotext that crashes" "$pdf" \
    "pdftotext was killed: signal 11" PATH="$tmp/fake/crash:$PATH"
refused "a pdftotext that runs too long" "$pdf" \
    "pdftotext ran too long, and was stopped: more than 1 s" \
    PATH="$tmp/fake/slow:$PATH" KUAIBAO_PDF_TIMEOUT=1
refused "a pdftotext that prints without end" "$pdf" \
    "pdftotext gave too much text, and was stopped: more than 64 MiB" \
    PATH="$tmp/fake/flood:$PATH"
refused "a pdftotext whose word boxes are no XML" "$pdf" \
    "pdftotext's word boxes are not well-formed XML: mismatched tag at line 2" \
    PATH="$tmp/fake/junk:$PATH"

echo "1..$n"
[ "$fails" -eq 0 ]

#!/bin/sh
# Builds the libFuzzer targets (the importer's parsers, the text path,
# the prompts' input) into build-fuzz/ (from the top of
# the tree), with AddressSanitizer and UBSan, and the seed corpus made
# from data/corpus (split into chunks) in build-fuzz/seeds/.
#
#   sh tests/fuzz/build.sh        exit 0 built, 77 no clang/libFuzzer, 1 error
#
# FUZZ_CC (default clang) is the compiler; FUZZ_CFLAGS adds flags.
# The targets link the importer's parsing sources directly (see below),
# through an archive so that only what is needed is linked.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
cc=${FUZZ_CC:-clang}
out=build-fuzz
. tests/fuzz/targets.sh

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "build.sh: $cc not found" >&2
	exit 77
fi
mkdir -p "$out/obj" "$out/seeds" || exit 1

# Is libFuzzer there?
probe=$out/obj/probe.$$
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
    '{ (void)d; (void)n; return 0; }' >"$probe.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" \
    >/dev/null 2>&1; then
	echo "build.sh: $cc cannot build libFuzzer targets" \
	    "(-fsanitize=fuzzer)" >&2
	rm -f "$probe" "$probe.c"
	exit 77
fi
rm -f "$probe" "$probe.c"

pc_cflags=$(pkg-config --cflags ncursesw sqlite3 2>/dev/null |
    sed -e 's/-D_XOPEN_SOURCE=[^ ]*//g' -e 's/-D_DEFAULT_SOURCE//g')
pc_libs="$(pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3) $(pkg-config --libs expat 2>/dev/null || echo -lexpat)"
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
cflags="-std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700
    -D_XOPEN_SOURCE_EXTENDED $pc_cflags -g -O1 -fno-omit-frame-pointer
    -DKB_VERSION=\"fuzz\" -DKB_DATADIR=\"$top/data\" ${FUZZ_CFLAGS:-}"

# The sources the targets need: tui/import*.c, the reader's database
# files (tui/db-*.c but the writer), and, transitively, the tui/X.c of
# every "X.h" they or the targets include.  (The rest of the reader and
# the database writer are not needed, so an edit in progress there does
# not stop the fuzzing.)
files=$(ls tui/import*.c tui/db-*.c tests/fuzz/*.h tests/fuzz/*.c |
    grep -v '^tui/db-write\.c$')
while :; do
	# shellcheck disable=SC2086
	more=$(sed -n 's/^#include "\([^"]*\)\.h".*/\1/p' $files | sort -u |
	    while read -r h; do
		for f in "tui/$h.h" "tui/$h.c"; do
			[ -f "$f" ] && echo "$f"
		done
	done)
	all=$(printf '%s\n%s\n' "$files" "$more" | grep . | sort -u)
	[ "$all" = "$files" ] && break
	files=$all
done
srcs=$(echo "$files" | grep '^tui/.*\.c$')
objs=
pids=
newest_h=$(ls -t tui/*.h tests/fuzz/*.h | head -n 1)
for src in $srcs; do
	case "$src" in
	tui/kuaibao.c|tui/kuaibao-import.c) continue ;;
	esac
	obj=$out/obj/$(basename "$src" .c).o
	objs="$objs $obj"
	if [ -f "$obj" ] && [ ! "$src" -nt "$obj" ] &&
	    [ ! "$newest_h" -nt "$obj" ]; then
		continue
	fi
	# shellcheck disable=SC2086
	( "$cc" $cflags $san -fsanitize=fuzzer-no-link -c -o "$obj.$$" \
	    "$src" && mv -f "$obj.$$" "$obj" ) &
	pids="$pids $!"
done
fail=0
for p in $pids; do
	wait "$p" || fail=1
done
[ "$fail" -eq 0 ] || { echo "build.sh: compiling failed" >&2; exit 1; }
# shellcheck disable=SC2086
ar rcs "$out/libkb-fuzz.a.$$" $objs &&
    mv -f "$out/libkb-fuzz.a.$$" "$out/libkb-fuzz.a" || exit 1

for t in $targets; do
	# shellcheck disable=SC2086
	"$cc" $cflags $san -fsanitize=fuzzer -Itui \
	    -DFUZZ_DATADIR="\"$top/data\"" -o "$out/$t.$$" \
	    "tests/fuzz/$t.c" "$out/libkb-fuzz.a" $pc_libs -lunistring -lm &&
	    mv -f "$out/$t.$$" "$out/$t" ||
	    { echo "build.sh: linking $t failed" >&2; exit 1; }
done

# The seed corpus: each corpus document whole and in chunks of about
# 4 KiB cut at line ends; the hand-made cases are in tests/fuzz/seeds/.
# Written beside and renamed, so that a concurrent run never misses one.
gen=$out/seeds.$$
rm -rf "$gen"
mkdir -p "$gen" || exit 1
for f in data/corpus/*; do
	[ -f "$f" ] || continue
	b=$(basename "$f")
	cp "$f" "$gen/$b"
	awk -v pre="$gen/$b.chunk" '
	    { buf = buf $0 "\n"; if (length(buf) > 4096) flush() }
	    END { if (buf != "") flush() }
	    function flush() { printf "%s", buf > (pre n); close(pre n);
		n++; buf = "" }' n=0 "$f"
done
for f in "$out"/seeds/*; do
	[ -f "$f" ] && [ ! -f "$gen/$(basename "$f")" ] && rm -f "$f"
done
for f in "$gen"/*; do
	cmp -s "$f" "$out/seeds/$(basename "$f")" ||
	    mv -f "$f" "$out/seeds/$(basename "$f")"
done
rm -rf "$gen"

# The seeds of fuzz-db: databases the importer (KB_BUILD, default build)
# made of the import cases, each small, in 512-byte pages so that a
# mutation hits one thing.  Made again when the importer is newer.
imp=${KB_BUILD:-build}/kuaibao-import
if [ ! -x "$imp" ] || ! command -v sqlite3 >/dev/null 2>&1; then
	echo "build.sh: no $imp or no sqlite3: fuzz-db has no seeds" >&2
	exit 0
fi
mkdir -p "$out/seeds-db" || exit 1
for f in tests/import/cases/*.txt tests/import/cases/*.md \
    tests/import/guides/*.txt; do
	[ -f "$f" ] || continue
	db=$out/seeds-db/$(basename "$f").db
	[ -f "$db" ] && [ ! "$imp" -nt "$db" ] && [ ! "$f" -nt "$db" ] &&
	    continue
	rm -f "$db"
	"$imp" -q --new --data-dir data -o "$db.$$" "$f" >/dev/null 2>&1 &&
	    sqlite3 "$db.$$" 'PRAGMA page_size = 512; VACUUM' &&
	    [ "$(wc -c <"$db.$$")" -le 65536 ] && mv -f "$db.$$" "$db"
	rm -f "$db.$$"
done
exit 0

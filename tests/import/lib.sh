# What the shell tests of the importer share (tests/import/*.sh; sourced,
# not run, from the script's own directory): the top of the tree as the
# working directory, the importer, TAP output, a temporary directory.
#
# TAP: a test gathers its reasons to fail with fail WHY..., then check
# DESCRIPTION says "ok" when there are none, else "not ok" with them (and
# the start of the file $errlog, when a script sets it and it is not
# empty).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
imp=${KB_BUILD:-build}/kuaibao-import
data=data
export LC_ALL=C.UTF-8

. tests/lib/tap.sh
why=
errlog=
fail() { why="${why:+$why
}$*"; }
check() {
	if [ -z "$why" ]; then
		ok "$*"
	else
		notok "$*"
		printf '%s\n' "$why" | sed 's/^/#   /'
		[ -n "$errlog" ] && [ -s "$errlog" ] &&
		    head -c 2000 "$errlog" | sed 's/^/# | /'
	fi
	why=
}

# $tmp: kb-SCRIPT.XXXXXX, removed at exit, after the processes in
# $bgpids are killed
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kb-$(basename "$0" .sh).XXXXXX") || exit 1
bgpids=
cleanup() {
	for p in $bgpids; do
		kill "$p" 2>/dev/null
	done
	chmod -R u+rwx "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [ ! -x "$imp" ]; then
	echo "1..1"
	echo "not ok 1 - $imp is not built"
	exit 1
fi

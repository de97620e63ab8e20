#!/bin/sh
# Checks the build (or test) dependencies.  As root on Debian or Ubuntu
# it installs what is missing with apt-get; otherwise it stops with one
# line giving the exact command to run.
#
#   sh tests/deps.sh build|test
set -u
what=${1:-build}
missing=""

need() {	# need DEBIAN-PACKAGE TEST-COMMAND...
	pkg=$1
	shift
	"$@" >/dev/null 2>&1 || missing="$missing $pkg"
}

# ReportLab, in python3 or in Debian's own (python3 may be another one)
have_reportlab() {
	python3 -c 'import reportlab' || /usr/bin/python3 -c 'import reportlab'
}

have_lib() {	# a header that compiles and a library that links
	printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <stdint.h>\n#include <%s>\nint main(void){return 0;}\n' "$1" |
	    ${CC:-cc} -x c -o /dev/null - "$2" >/dev/null 2>&1
}

need gcc command -v "${CC:-cc}"
need make command -v make
need pkg-config command -v pkg-config
need libncurses-dev pkg-config --exists ncursesw
need libsqlite3-dev pkg-config --exists sqlite3
need libunistring-dev have_lib unistr.h -lunistring
need libexpat1-dev pkg-config --exists expat
need poppler-utils command -v pdftotext
if [ "$what" = test ]; then
	need tmux command -v tmux
	need python3 command -v python3
	need libcmocka-dev have_lib cmocka.h -lcmocka
	need mandoc command -v mandoc
	need sqlite3 command -v sqlite3
	need openssh-client command -v ssh
	need openssh-server test -x /usr/sbin/sshd
	need clang command -v clang
	need valgrind command -v valgrind
	need strace command -v strace
	need python3-reportlab have_reportlab
	need fonts-wqy-microhei test -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "kuaibao: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 &&
	    apt-get install -y -qq $missing >&2 && exit 0
	echo "kuaibao: apt-get install$missing failed" >&2
	exit 1
fi

# The same packages under other package managers' names.
translate() {
	for p in $missing; do
		case "$1:$p" in
		dnf:gcc|pacman:gcc|brew:gcc) echo gcc ;;
		dnf:libncurses-dev) echo ncurses-devel ;;
		dnf:libsqlite3-dev) echo sqlite-devel ;;
		dnf:libunistring-dev) echo libunistring-devel ;;
		dnf:libexpat1-dev) echo expat-devel ;;
		dnf:libcmocka-dev) echo libcmocka-devel ;;
		dnf:pkg-config) echo pkgconf-pkg-config ;;
		dnf:openssh-client) echo openssh-clients ;;
		dnf:fonts-wqy-microhei) echo wqy-microhei-fonts ;;
		pacman:libncurses-dev|brew:libncurses-dev) echo ncurses ;;
		pacman:libsqlite3-dev|brew:libsqlite3-dev) echo sqlite ;;
		pacman:libunistring-dev|brew:libunistring-dev) echo libunistring ;;
		pacman:libexpat1-dev|brew:libexpat1-dev) echo expat ;;
		pacman:libcmocka-dev|brew:libcmocka-dev) echo cmocka ;;
		pacman:pkg-config) echo pkgconf ;;
		pacman:openssh-*) echo openssh ;;
		pacman:poppler-utils|brew:poppler-utils) echo poppler ;;
		pacman:python3-reportlab) echo python-reportlab ;;
		pacman:fonts-wqy-microhei) echo wqy-microhei ;;
		brew:python3-reportlab|brew:fonts-wqy-microhei) ;;	# the test skips
		pacman:python3|brew:python3) echo python ;;
		brew:clang) echo llvm ;;
		brew:openssh-*) echo openssh ;;
		brew:sqlite3) echo sqlite ;;
		*) echo "$p" ;;
		esac
	done | sort -u | tr '\n' ' '
}

if command -v apt-get >/dev/null 2>&1; then
	cmd="sudo apt-get install -y$missing"
elif command -v dnf >/dev/null 2>&1; then
	cmd="sudo dnf install -y $(translate dnf)"
elif command -v pacman >/dev/null 2>&1; then
	cmd="sudo pacman -S --needed $(translate pacman)"
elif command -v brew >/dev/null 2>&1; then
	cmd="brew install $(translate brew)"
else
	cmd="install the packages providing:$missing"
fi
echo "kuaibao: missing$missing; run: $cmd" >&2
exit 1

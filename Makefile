# kuaibao: a terminal reader for 科技政策与咨询快报 and related policy documents.
#
#   make            build both programs and the corpus database data/kuaibao.db
#   make run        ... then open the reader on it
#   make test       build and run every test (ends with "N passed, N failed")
#   make bench      benchmarks (not part of make test)
#   make fuzz       a fuzzing campaign, 10^6 runs a target (clang)
#   make install    PREFIX=/usr/local DESTDIR= ; make uninstall ; make clean

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share/kuaibao
MANDIR	?= $(PREFIX)/share/man
DESTDIR	?=
PKG_CONFIG ?= pkg-config
CC	?= cc
CFLAGS	?= -O2 -g
VERSION	 = 0.1.0

# BUILD is the object directory; SAN=1 builds with AddressSanitizer and
# UBSan into build-asan; WERROR=1 turns warnings into errors (CI).
SAN	?= 0
BUILD	?= $(if $(filter 1,$(SAN)),build-asan,build)
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wpointer-arith -Wformat=2 -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN	+= -Werror
endif
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
endif

PC_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 expat 2>/dev/null))
PC_LIBS	  := $(shell $(PKG_CONFIG) --libs ncursesw sqlite3 expat 2>/dev/null)
# Debian's libunistring-dev ships no .pc file.
LIBS	 = $(PC_LIBS) -lunistring
# The libraries are linked statically when their archives are installed
# (Debian's -dev packages have them): the dynamic loader's symbol lookups
# were a fifth of the reader's start-up (make bench).  STATIC=0 links
# them dynamically, as a distribution may prefer.
STATIC	?= 1
STATIC_ARCHIVES = sqlite3 unistring ncursesw tinfo expat
ifeq ($(STATIC),1)
ifeq ($(words $(filter /%,$(foreach l,$(STATIC_ARCHIVES),$(shell $(CC) -print-file-name=lib$(l).a)))),5)
LIBS	 = -Wl,-Bstatic $(STATIC_ARCHIVES:%=-l%) -Wl,-Bdynamic -lm -ldl -lpthread
endif
endif
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
	   -D_XOPEN_SOURCE_EXTENDED $(PC_CFLAGS) $(WARN) $(SANFLAGS) $(CFLAGS) \
	   -DKB_VERSION='"$(VERSION)"' -DKB_DATADIR='"$(DATADIR)"'
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

MAINS	 = tui/kuaibao.c tui/kuaibao-import.c
LIBSRCS	:= $(filter-out $(MAINS),$(wildcard tui/*.c))
LIBOBJS	 = $(LIBSRCS:tui/%.c=$(BUILD)/%.o)
UNITSRCS := $(wildcard tests/unit/test-*.c)
UNITBINS = $(UNITSRCS:tests/unit/%.c=$(BUILD)/tests/%)
CORPUS	:= $(sort $(wildcard data/corpus/*.txt data/corpus/*.md))
DATAFILES = data/countries.tsv data/themes.tsv
MANPAGES = man/kuaibao.1 man/kuaibao-import.1 man/kuaibao.5

all: deps-build $(BUILD)/kuaibao $(BUILD)/kuaibao-import data/kuaibao.db

$(BUILD)/%.o: tui/%.c tui/*.h | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libkb.a: $(LIBOBJS)
	rm -f $@
	ar rcs $@ $(LIBOBJS)

$(BUILD)/kuaibao: $(BUILD)/kuaibao.o $(BUILD)/libkb.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/kuaibao-import: $(BUILD)/kuaibao-import.o $(BUILD)/libkb.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/*.h $(BUILD)/libkb.a | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itui $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libkb.a \
	    -lcmocka $(LIBS)

$(BUILD):
	mkdir -p $(BUILD)

# The corpus database: built beside the target and renamed into place by
# the importer itself.
data/kuaibao.db: $(BUILD)/kuaibao-import $(CORPUS) $(DATAFILES)
	$(BUILD)/kuaibao-import --new --data-dir data -o $@ $(CORPUS)

run: all
	$(BUILD)/kuaibao -d data/kuaibao.db

# Dependencies: installed with apt-get when we are root on Debian/Ubuntu,
# otherwise one line naming the command to run.
deps-build:
	@sh tests/deps.sh build
deps-test:
	@sh tests/deps.sh test

unit: $(UNITBINS)

test: deps-test all unit
	@sh tests/run.sh $(BUILD)

test-asan:
	$(MAKE) SAN=1 test

bench: all
	@sh tests/bench/run.sh $(BUILD)

# (all: fuzz-db's seeds are made with the importer)
fuzz: deps-test all
	@sh tests/fuzz/run.sh long

install: $(BUILD)/kuaibao $(BUILD)/kuaibao-import data/kuaibao.db
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 0755 $(BUILD)/kuaibao $(BUILD)/kuaibao-import \
	    $(DESTDIR)$(BINDIR)/
	install -m 0644 data/kuaibao.db $(DATAFILES) $(DESTDIR)$(DATADIR)/
	install -m 0644 man/kuaibao.1 man/kuaibao-import.1 \
	    $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 man/kuaibao.5 $(DESTDIR)$(MANDIR)/man5/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kuaibao $(DESTDIR)$(BINDIR)/kuaibao-import
	rm -f $(DESTDIR)$(DATADIR)/kuaibao.db $(DESTDIR)$(DATADIR)/countries.tsv \
	    $(DESTDIR)$(DATADIR)/themes.tsv
	-rmdir $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/kuaibao.1 \
	    $(DESTDIR)$(MANDIR)/man1/kuaibao-import.1 \
	    $(DESTDIR)$(MANDIR)/man5/kuaibao.5

clean:
	rm -rf build build-asan build-fuzz data/kuaibao.db data/.kuaibao.db.*

.PHONY: all run deps-build deps-test unit test test-asan bench fuzz install \
	uninstall clean

/*
 * kuaibao: the reader.  Finds the database, checks the terminal, and
 * runs the screen (or prints with --list, --cat, --search).
 */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cat.h"
#include "cmd.h"
#include "db-read.h"
#include "fsutil.h"
#include "msg.h"
#include "ui.h"
#include "xmalloc.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: kuaibao [-d DB] [--state FILE] [--language zh|en]"
	    " [--measure N]\n"
	    "       kuaibao --list [-d DB]\n"
	    "       kuaibao --cat KEY [--width N] [-d DB]\n"
	    "       kuaibao --search WORDS [--limit N] [-d DB]\n"
	    "       kuaibao --list-commands\n"
	    "\n"
	    "  -d, --db DB       the database (default: $KUAIBAO_DB,\n"
	    "                    $XDG_DATA_HOME/kuaibao/kuaibao.db, %s/kuaibao.db)\n"
	    "      --state FILE  read marks and position (default:\n"
	    "                    $XDG_STATE_HOME/kuaibao/state.db)\n"
	    "      --language L  the reader's words: zh (Chinese, the default)"
	    " or en\n"
	    "      --measure N   text lines at most N columns wide (0: the"
	    " pane's width)\n"
	    "      --list        print the issues, sections and articles\n"
	    "      --cat KEY     print one article, wrapped to --width columns\n"
	    "      --search W    print the keys of the newest articles with W\n"
	    "      --list-commands  print the reader's commands and their keys\n"
	    "  -h, --help, -V, --version\n"
	    "Press ? in the reader for the keys.\n", KB_DATADIR);
}

/* A decimal number and nothing else, or -1. */
static int
number(const char *s)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 0 || v > 1000000)
		return -1;
	return (int)v;
}

static int
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* -d, $KUAIBAO_DB, $XDG_DATA_HOME (or ~/.local/share), the install. */
static char *
find_db(const char *given)
{
	const char *e, *home;
	char *p;

	if (given != NULL)
		return xstrdup(given);
	if ((e = getenv("KUAIBAO_DB")) != NULL && *e != '\0')
		return xstrdup(e);
	home = getenv("HOME");
	if ((e = getenv("XDG_DATA_HOME")) != NULL && *e != '\0')
		p = xasprintf("%s/kuaibao/kuaibao.db", e);
	else
		p = xasprintf("%s/.local/share/kuaibao/kuaibao.db",
		    home ? home : ".");
	if (exists(p))
		return p;
	free(p);
	p = xstrdup(KB_DATADIR "/kuaibao.db");
	if (exists(p))
		return p;
	free(p);
	return NULL;
}

static char *
state_path(const char *given)
{
	const char *e, *home;
	char *dir, *p;

	if (given != NULL)
		return xstrdup(given);
	home = getenv("HOME");
	if ((e = getenv("XDG_STATE_HOME")) != NULL && *e != '\0')
		dir = xasprintf("%s/kuaibao", e);
	else if (home != NULL)
		dir = xasprintf("%s/.local/state/kuaibao", home);
	else
		return NULL;
	/* private to the user; checked before use (dbr_open) */
	fs_mkdirs(dir, 0700);
	p = xasprintf("%s/state.db", dir);
	free(dir);
	return p;
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Why the terminal cannot show the reader, or NULL. */
static const char *
terminal_problem(void)
{
	const char *term;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return "not a terminal; use --list, --cat or --search to print";
	term = getenv("TERM");
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0)
		return "this terminal (TERM=dumb) cannot show the reader; set"
		    " TERM, or use --list and --cat";
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		return "the locale is not UTF-8, so Chinese text cannot be"
		    " shown; run it as: LANG=C.UTF-8 kuaibao";
	return NULL;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "state",	required_argument,	NULL, 'S' },
		{ "list",	no_argument,		NULL, 'L' },
		{ "cat",	required_argument,	NULL, 'c' },
		{ "width",	required_argument,	NULL, 'w' },
		{ "search",	required_argument,	NULL, 's' },
		{ "limit",	required_argument,	NULL, 'n' },
		{ "list-commands", no_argument,	NULL, 'C' },
		{ "language",	required_argument,	NULL, 'G' },
		{ "measure",	required_argument,	NULL, 'M' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	struct dbr *db;
	const char *given, *state_given, *cat, *search, *why;
	char *path, *state, *err, *warning;
	int ch, list, width, limit, measure, rc;
	enum msg_lang lang;

	progname = "kuaibao";
	/* the character type only (UTF-8, widths): numbers and messages
	 * stay C, and the other categories' files are not read at start */
	setlocale(LC_CTYPE, "");
	given = state_given = cat = search = NULL;
	list = 0;
	width = 0;
	limit = 20;
	measure = -1;
	while ((ch = getopt_long(argc, argv, "d:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			given = optarg;
			break;
		case 'S':
			state_given = optarg;
			break;
		case 'L':
			list = 1;
			break;
		case 'c':
			cat = optarg;
			break;
		case 'w':
			width = number(optarg);
			if (width < 10 || width > 1000) {
				fprintf(stderr, "kuaibao: --width %s: give 10"
				    " to 1000 columns\n", optarg);
				return 2;
			}
			break;
		case 's':
			search = optarg;
			break;
		case 'n':
			limit = number(optarg);
			if (limit < 1 || limit > 100000) {
				fprintf(stderr, "kuaibao: --limit %s: give 1"
				    " to 100000\n", optarg);
				return 2;
			}
			break;
		case 'C':
			return cmd_list(stdout) == 0 ? 0 : 1;
		case 'G':
			if (msg_language_named(optarg, &lang) == -1) {
				fprintf(stderr, "kuaibao: --language %s: give zh"
				    " or en\n", optarg);
				return 2;
			}
			msg_set_language(lang);
			break;
		case 'M':
			measure = number(optarg);
			if (measure != 0 && (measure < 10 || measure > 1000)) {
				fprintf(stderr, "kuaibao: --measure %s: give 10"
				    " to 1000 columns, or 0\n", optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("kuaibao %s\n", KB_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (!list && cat == NULL && search == NULL &&
	    (why = terminal_problem()) != NULL) {
		fprintf(stderr, "kuaibao: %s\n", why);
		return 1;
	}
	/* printing needs no UTF-8 terminal, but widths need a UTF-8 ctype */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");

	if ((path = find_db(given)) == NULL) {
		fprintf(stderr, "kuaibao: no database: give -d DB or set"
		    " KUAIBAO_DB (looked in $XDG_DATA_HOME/kuaibao and %s)\n",
		    KB_DATADIR);
		return 1;
	}
	/* printing touches no state */
	state = list || cat || search ? NULL : state_path(state_given);
	db = dbr_open(path, state, &err, &warning);
	if (db != NULL && state == NULL && !list && !cat && !search &&
	    warning == NULL)
		warning = xstrdup(msg(MSG_NO_STATE_HOME));
	free(state);
	if (db == NULL) {
		fprintf(stderr, "kuaibao: %s\n", err);
		free(err);
		free(path);
		return 1;
	}
	if (list)
		rc = cat_list(db);
	else if (cat != NULL)
		rc = cat_article(db, cat, width ? width : terminal_width());
	else if (search != NULL)
		rc = cat_search(db, search, limit);
	else {
		rc = ui_run(db, warning, measure);
		if (rc == -1)
			fprintf(stderr, "kuaibao: cannot set up the terminal"
			    " (TERM=%s)\n", getenv("TERM"));
	}
	dbr_close(db);
	free(warning);
	free(path);
	return rc == 0 ? 0 : 1;
}

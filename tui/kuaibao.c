/*
 * kuaibao: the reader.  Reads the options, finds the database, checks
 * the terminal and its locale, and runs the screen (or prints with
 * --list, --cat, --search).
 */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cat.h"
#include "cmd.h"
#include "db-read.h"
#include "db-state.h"
#include "expr.h"
#include "export.h"
#include "fsutil.h"
#include "msg.h"
#include "restrict.h"
#include "ui.h"
#include "xmalloc.h"

#define LIMIT_DEFAULT	20	/* --search results */
#define QUIT_WAIT_MS	300	/* for a locked state, once the screen is gone */

enum mode {
	MODE_READ,
	MODE_LIST,
	MODE_CAT,
	MODE_SEARCH,
	MODE_COMMANDS,
	MODE_EXPORT,
	MODE_STATE_EXPORT,
	MODE_STATE_IMPORT
};

/* What the command line asks for. */
struct options {
	enum mode	 mode;
	const char	*mode_opt;	/* the option that chose it */
	const char	*arg;		/* --cat KEY, --search WORDS */
	const char	*db;		/* -d */
	const char	*state;		/* --state */
	int		 width;		/* --width; 0: the terminal's */
	int		 limit;		/* --limit; 0: all, -1: the default */
	int		 measure;	/* --measure; -1: the one kept */
	enum msg_lang	 language;	/* --language */
	int		 language_given;
	const char	*config;	/* -c */
	int		 restricted;	/* --restricted, KUAIBAO_SECURE */
	const char	*filter;	/* --filter */
	const char	*format;	/* --format */
	int		 flagged;	/* --flagged */
	char		**keys;		/* --export KEY... */
	int		 nkeys;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: kuaibao [-d DB] [-c FILE] [--state FILE] [--language zh|en]"
	    " [--measure N]\n"
	    "               [--restricted]\n"
	    "       kuaibao --list [--filter EXPR] [--format F] [-d DB]\n"
	    "       kuaibao --cat KEY [--width N] [-d DB]\n"
	    "       kuaibao --search WORDS [--filter EXPR] [--limit N]"
	    " [--format F] [-d DB]\n"
	    "       kuaibao --list-commands\n"
	    "       kuaibao --export [--filter EXPR | --flagged | KEY...]"
	    " [--format F]\n"
	    "       kuaibao --state-export FILE | --state-import FILE\n"
	    "\n"
	    "  -d, --db DB       the database (default: $KUAIBAO_DB,\n"
	    "                    $XDG_DATA_HOME/kuaibao/kuaibao.db, %s/kuaibao.db)\n"
	    "  -c, --config FILE the configuration (default:\n"
	    "                    $XDG_CONFIG_HOME/kuaibao/config)\n"
	    "      --restricted  reading only: no files, pipes or URLs opened\n"
	    "                    (also KUAIBAO_SECURE=1)\n"
	    "      --state FILE  read marks and places (default:\n"
	    "                    $XDG_STATE_HOME/kuaibao/state.db)\n"
	    "      --language L  the reader's words: zh (Chinese, the default)"
	    " or en\n"
	    "      --measure N   text lines at most N columns wide (0: the"
	    " pane's width)\n"
	    "      --list        print the issues, columns and articles\n"
	    "      --filter EXPR with --list, --search, --export: only the articles\n"
	    "                    passing EXPR (country:jp year:2022.. ...)\n"
	    "      --format F    with --list and --search: text, tsv or json\n"
	    "                    (with --export: md, txt, json or csv)\n"
	    "      --cat KEY     print one article, wrapped to --width columns\n"
	    "                    (default: $COLUMNS, the terminal's, 80)\n"
	    "      --search W    print the newest articles with W; exit 1 if none\n"
	    "      --limit N     at most N of them (default 20; 0: all)\n"
	    "      --list-commands  print the reader's commands and their keys\n"
	    "      --export      print articles with their citations: those\n"
	    "                    passing --filter, the --flagged ones, or the\n"
	    "                    KEYs given; --format md (default), txt, json, csv\n"
	    "      --state-export FILE, --state-import FILE\n"
	    "                    write the read marks, flags, places and views\n"
	    "                    to FILE (- for stdout); merge them from FILE\n"
	    "  -h, --help, -V, --version\n"
	    "Press ? in the reader for the keys.\n", KB_DATADIR);
}

/* A decimal number from min to max and nothing else, or -1. */
static int
number(const char *s, int min, int max)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < min || v > max)
		return -1;
	return (int)v;
}

/* The option at argv[optind - 1] as it was typed, for a message. */
static const char *
typed(char *argv[], int i)
{
	return i > 0 && argv[i - 1] != NULL ? argv[i - 1] : "?";
}

/* One mode only: a second is a usage error. */
static int
set_mode(struct options *o, enum mode m, const char *opt, const char *arg)
{
	if (o->mode != MODE_READ && o->mode != m) {
		cat_error("%s and %s cannot be used together", o->mode_opt,
		    opt);
		return -1;
	}
	o->mode = m;
	o->mode_opt = opt;
	o->arg = arg;
	return 0;
}

/*
 * The options into o.  0, or the exit status: 2 for a usage error
 * (one line), 0 after --help or --version.
 */
static int
parse_options(int argc, char *argv[], struct options *o)
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "state",	required_argument,	NULL, 'S' },
		{ "list",	no_argument,		NULL, 'L' },
		{ "cat",	required_argument,	NULL, 'K' },
		{ "config",	required_argument,	NULL, 'c' },
		{ "restricted",	no_argument,		NULL, 'R' },
		{ "width",	required_argument,	NULL, 'w' },
		{ "search",	required_argument,	NULL, 's' },
		{ "limit",	required_argument,	NULL, 'n' },
		{ "list-commands", no_argument,	NULL, 'C' },
		{ "language",	required_argument,	NULL, 'G' },
		{ "measure",	required_argument,	NULL, 'M' },
		{ "filter",	required_argument,	NULL, 'F' },
		{ "format",	required_argument,	NULL, 'f' },
		{ "export",	no_argument,		NULL, 'E' },
		{ "flagged",	no_argument,		NULL, 'g' },
		{ "state-export", required_argument,	NULL, 'X' },
		{ "state-import", required_argument,	NULL, 'I' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	int ch, bad;

	memset(o, 0, sizeof(*o));
	o->limit = -1;
	o->measure = -1;
	o->language = msg_language();	/* the default */
	opterr = 0;	/* our own messages: one line, "kuaibao:" first */
	o->restricted = restrict_from_env();
	while ((ch = getopt_long(argc, argv, ":c:d:hV", longopts, NULL)) != -1) {
		bad = 0;
		switch (ch) {
		case 'd':
			o->db = optarg;
			break;
		case 'S':
			o->state = optarg;
			break;
		case 'L':
			bad = set_mode(o, MODE_LIST, "--list", NULL);
			break;
		case 'K':
			bad = set_mode(o, MODE_CAT, "--cat", optarg);
			break;
		case 'c':
			o->config = optarg;
			break;
		case 'R':
			o->restricted = 1;
			break;
		case 's':
			bad = set_mode(o, MODE_SEARCH, "--search", optarg);
			break;
		case 'C':
			bad = set_mode(o, MODE_COMMANDS, "--list-commands",
			    NULL);
			break;
		case 'w':
			if ((o->width = number(optarg, 10, 1000)) == -1) {
				cat_error("--width %s: give 10 to 1000 columns",
				    optarg);
				return 2;
			}
			break;
		case 'n':
			if ((o->limit = number(optarg, 0, 1000000)) == -1) {
				cat_error("--limit %s: give 0 (all) to 1000000",
				    optarg);
				return 2;
			}
			break;
		case 'G':
			if (msg_language_named(optarg, &o->language) == -1) {
				cat_error("--language %s: give zh or en",
				    optarg);
				return 2;
			}
			o->language_given = 1;
			break;
		case 'M':
			/* 0: no measure, the pane's width */
			if ((o->measure = number(optarg, 0, 1000)) == -1 ||
			    (o->measure > 0 && o->measure < 10)) {
				cat_error("--measure %s: give 10 to 1000"
				    " columns, or 0", optarg);
				return 2;
			}
			break;
		case 'F':
			o->filter = optarg;
			break;
		case 'f':
			o->format = optarg;
			break;
		case 'E':
			bad = set_mode(o, MODE_EXPORT, "--export", NULL);
			break;
		case 'g':
			o->flagged = 1;
			break;
		case 'X':
			bad = set_mode(o, MODE_STATE_EXPORT, "--state-export",
			    optarg);
			break;
		case 'I':
			bad = set_mode(o, MODE_STATE_IMPORT, "--state-import",
			    optarg);
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? -1 : 1;
		case 'V':
			printf("kuaibao %s\n", KB_VERSION);
			return fflush(stdout) == 0 ? -1 : 1;
		case ':':
			cat_error("%s needs an argument (kuaibao --help)",
			    typed(argv, optind));
			return 2;
		default:
			cat_error("%s: unknown option (kuaibao --help)",
			    typed(argv, optind));
			return 2;
		}
		if (bad)
			return 2;
	}
	if (o->mode == MODE_EXPORT) {
		/* --export KEY...: the articles to export */
		o->keys = argv + optind;
		o->nkeys = argc - optind;
	} else if (optind != argc) {
		cat_error("%s: unexpected argument (kuaibao --help)",
		    argv[optind]);
		return 2;
	}
	if (o->mode == MODE_EXPORT && (o->filter != NULL) + o->flagged +
	    (o->nkeys > 0) > 1) {
		cat_error("--export takes one of --filter, --flagged or keys");
		return 2;
	}
	if (o->flagged && o->mode != MODE_EXPORT) {
		cat_error("--flagged goes with --export");
		return 2;
	}
	if (o->width != 0 && o->mode != MODE_CAT) {
		cat_error("--width goes with --cat");
		return 2;
	}
	if (o->limit != -1 && o->mode != MODE_SEARCH) {
		cat_error("--limit goes with --search");
		return 2;
	}
	if ((o->filter != NULL || o->format != NULL) && o->mode != MODE_LIST &&
	    o->mode != MODE_SEARCH && o->mode != MODE_EXPORT) {
		cat_error("%s goes with --list, --search or --export",
		    o->filter ? "--filter" : "--format");
		return 2;
	}
	if (o->format != NULL && o->mode != MODE_EXPORT &&
	    cat_format_named(o->format) == -1) {
		cat_error("--format %s: give text, tsv or json", o->format);
		return 2;
	}
	if (o->format != NULL && o->mode == MODE_EXPORT &&
	    export_format_named(o->format) == -1) {
		cat_error("--format %s: give md, txt, json or csv", o->format);
		return 2;
	}
	if (o->limit == -1)
		o->limit = LIMIT_DEFAULT;
	/*
	 * restricted: the files are the database and the state only
	 * (--export prints, as --list does)
	 */
	if (o->restricted && (o->config != NULL || o->state != NULL ||
	    o->mode == MODE_STATE_EXPORT || o->mode == MODE_STATE_IMPORT)) {
		cat_error("%s: not in restricted mode",
		    o->config != NULL ? "-c" : o->state != NULL ? "--state" :
		    o->mode_opt);
		return 2;
	}
	return 0;
}

static int
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/*
 * -d, $KUAIBAO_DB, $XDG_DATA_HOME (or ~/.local/share), the install.
 * NULL when there is none; *looked then says where it looked.
 */
static char *
find_db(const char *given, char **looked)
{
	const char *e, *home;
	char *p;

	*looked = NULL;
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
	*looked = xasprintf("%s or %s", p, KB_DATADIR "/kuaibao.db");
	free(p);
	p = xstrdup(KB_DATADIR "/kuaibao.db");
	if (exists(p)) {
		free(*looked);
		*looked = NULL;
		return p;
	}
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
	/* private to the user; checked before use (dbr_state_attach) */
	fs_mkdirs(dir, 0700);
	p = xasprintf("%s/state.db", dir);
	free(dir);
	return p;
}

/* --cat's width: --width, else $COLUMNS, else the terminal's, else 80. */
static int
cat_width(int given)
{
	struct winsize ws;
	const char *e;
	int w;

	if (given > 0)
		return given;
	if ((e = getenv("COLUMNS")) != NULL && (w = number(e, 10, 1000)) > 0)
		return w;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) ==
	    0 && ws.ws_col >= 10)
		return ws.ws_col > 1000 ? 1000 : ws.ws_col;
	return 80;
}

/* The variable that decides the character type: LC_ALL, LC_CTYPE, LANG,
 * the first set and not empty; NULL when none is. */
static const char *
locale_var(const char **value)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((*value = getenv(vars[i])) != NULL && **value != '\0')
			return vars[i];
	*value = "C";
	return NULL;
}

/* Whether a locale's name says UTF-8 ("zh_CN.UTF-8", "C.utf8"). */
static int
utf8_name(const char *s)
{
	for (; *s != '\0'; s++)
		if (strncasecmp(s, "UTF-8", 5) == 0 ||
		    strncasecmp(s, "UTF8", 4) == 0)
			return 1;
	return 0;
}

/*
 * Sets the character type from the environment (only: numbers and
 * messages stay C, and the other categories' files are not read at
 * start).  A locale that names UTF-8 but is not installed here
 * (zh_CN.UTF-8 on a host with C.UTF-8 only; LC_CTYPE=UTF-8 as macOS
 * sends it over SSH) is taken as C.UTF-8, as tmux does.  NULL, or why
 * it is not UTF-8 (caller frees).
 */
static char *
setup_locale(void)
{
	const char *var, *value;

	var = locale_var(&value);
	if (setlocale(LC_CTYPE, "") == NULL && (!utf8_name(value) ||
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL))
		return xasprintf("%s=%s: no such locale here, and not UTF-8,"
		    " so Chinese text cannot be shown; run it as: %s=C.UTF-8"
		    " kuaibao", var ? var : "LANG", value, var ? var : "LANG");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return NULL;
	if (var == NULL)
		return xstrdup("the locale is C (LC_ALL, LC_CTYPE and LANG are"
		    " not set), not UTF-8, so Chinese text cannot be shown;"
		    " run it as: LANG=C.UTF-8 kuaibao");
	return xasprintf("%s=%s is not a UTF-8 locale, so Chinese text cannot"
	    " be shown; run it as: %s=C.UTF-8 kuaibao", var, value, var);
}

/* Why the terminal cannot show the reader, or NULL (caller frees). */
static char *
terminal_problem(char *why_locale)
{
	const char *term;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		free(why_locale);
		return xstrdup("not a terminal; use --list, --cat or --search"
		    " to print");
	}
	term = getenv("TERM");
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		free(why_locale);
		return xstrdup("this terminal (TERM=dumb) cannot show the"
		    " reader; set TERM, or use --list and --cat");
	}
	return why_locale;
}

/* The reader on the terminal, its state attached. */
static int
read_on_screen(struct dbr *db, const struct options *o)
{
	struct ui_options uo;
	char *state, *warning;
	int rc;

	state = state_path(o->state);
	dbr_state_attach(db, state, &warning);
	if (state == NULL && warning == NULL)
		warning = xstrdup(msg(MSG_NO_STATE_HOME));
	free(state);
	memset(&uo, 0, sizeof(uo));
	uo.warning = warning;
	uo.measure = o->measure;
	uo.pinned = (o->measure >= 0 ? PIN_MEASURE : 0) |
	    (o->language_given ? PIN_LANGUAGE : 0);
	uo.config = o->config;
	rc = ui_run(db, &uo);
	if (rc == -1)
		cat_error("cannot set up the terminal (TERM=%s)",
		    getenv("TERM"));
	free(warning);
	return rc == 0 ? 0 : 1;
}

/*
 * The state a printing mode reads: the user's when a filter may ask for
 * marks and there is one (it is not made for a print), else an empty
 * one in memory.
 */
static void
attach_for_print(struct dbr *db, const struct options *o)
{
	char *path, *warning;

	path = o->filter != NULL || o->mode == MODE_EXPORT ?
	    state_path(o->state) : NULL;
	if (path != NULL && !exists(path)) {
		free(path);
		path = NULL;
	}
	dbr_state_attach(db, path, &warning);
	free(warning);
	free(path);
}

/* --export: the articles passing f, the flagged ones, or those keyed. */
static int
export(struct dbr *db, const struct options *o, struct filter *f)
{
	struct article_row row;
	int64_t *ids;
	size_t n;
	int i, fmt, rc;

	fmt = o->format != NULL ? export_format_named(o->format) : EXPORT_MD;
	f->flagged = o->flagged;
	if (o->nkeys > 0) {
		ids = xcalloc((size_t)o->nkeys, sizeof(*ids));
		for (n = 0, i = 0; i < o->nkeys; i++) {
			if (!dbr_find(db, o->keys[i], &row)) {
				cat_error("%s: no such article (see kuaibao"
				    " --list)", o->keys[i]);
				free(ids);
				return 1;
			}
			ids[n++] = row.id;
			dbr_article_rows_free(&row, 1);
		}
	} else if (o->filter == NULL && !o->flagged) {
		cat_error("--export: say what: --filter EXPR, --flagged or"
		    " article keys");
		return 2;
	} else
		n = export_select(db, f, &ids);
	rc = export_write(db, ids, n, (enum export_format)fmt, stdout);
	free(ids);
	if (rc == 0 && n == 0)
		return 1;	/* nothing to export, as grep */
	return rc == 0 ? 0 : 1;
}

/* --state-export FILE, --state-import FILE (- is stdout, stdin). */
static int
state_transfer(struct dbr *db, const struct options *o)
{
	char *path, *warning, *err;
	FILE *fp;
	size_t n;
	int rc, out;

	out = o->mode == MODE_STATE_EXPORT;
	if ((path = state_path(o->state)) == NULL) {
		cat_error("no state: HOME is not set; give --state FILE");
		return 1;
	}
	dbr_state_attach(db, path, &warning);
	free(path);
	if (warning != NULL) {
		cat_error("%s", warning);
		free(warning);
		return 1;
	}
	if (strcmp(o->arg, "-") == 0)
		fp = out ? stdout : stdin;
	else if ((fp = fopen(o->arg, out ? "w" : "r")) == NULL) {
		cat_error("%s: %s", o->arg, strerror(errno));
		return 1;
	}
	if (out) {
		rc = dbr_state_export(db, fp) == 0 ? 0 : 1;
		if (rc != 0)
			cat_error("%s: cannot be written", o->arg);
	} else {
		rc = dbr_state_import(db, fp, o->arg, &n, &err) == 0 ? 0 : 1;
		if (rc != 0) {
			cat_error("%s", err);
			free(err);
		}
	}
	if (fp != stdout && fp != stdin && fclose(fp) != 0 && rc == 0) {
		cat_error("%s: %s", o->arg, strerror(errno));
		rc = 1;
	}
	return rc;
}

/* --list, --cat, --search. */
static int
print(struct dbr *db, const struct options *o)
{
	struct expr_error err;
	struct filter f;
	int rc, fmt;

	attach_for_print(db, o);
	memset(&f, 0, sizeof(f));
	if (o->filter != NULL &&
	    dbr_expr_compile(db, o->filter, &f.expr, &err) == -1) {
		cat_error("--filter: %s (column %d of \"%s\")", err.msg,
		    err.col, o->filter);
		free(err.msg);
		return 2;
	}
	if (o->mode == MODE_EXPORT) {
		rc = export(db, o, &f);
		expr_free(f.expr);
		return rc;
	}
	fmt = o->format != NULL ? cat_format_named(o->format) : CAT_TEXT;
	if (o->mode == MODE_LIST)
		rc = cat_list(db, &f, fmt);
	else if (o->mode == MODE_CAT)
		rc = cat_article(db, o->arg, cat_width(o->width));
	else
		rc = cat_search(db, o->arg, (size_t)o->limit, &f, fmt);
	expr_free(f.expr);
	return rc;
}

static int
run(const struct options *o)
{
	struct dbr *db;
	char *why, *path, *looked, *err, *lost;
	int rc;

	msg_set_language(o->language);
	if (o->restricted)
		restrict_enable();
	if (o->mode == MODE_COMMANDS)
		return cmd_list(stdout) == 0 ? 0 : 1;
	why = setup_locale();
	if (o->mode == MODE_READ && (why = terminal_problem(why)) != NULL) {
		cat_error("%s", why);
		free(why);
		return 1;
	}
	free(why);
	/* printing needs no UTF-8 terminal, but widths need a UTF-8 ctype */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if ((path = find_db(o->db, &looked)) == NULL) {
		cat_error("no database: none at %s; give -d DB or set"
		    " KUAIBAO_DB", looked);
		free(looked);
		return 1;
	}
	if ((db = dbr_open(path, &err)) == NULL) {
		cat_error("%s", err);
		free(err);
		free(path);
		return 1;
	}
	if (o->mode == MODE_READ)
		rc = read_on_screen(db, o);
	else if (o->mode == MODE_STATE_EXPORT || o->mode == MODE_STATE_IMPORT)
		rc = state_transfer(db, o);
	else
		rc = print(db, o);
	if (dbr_timed_out(db)) {
		cat_error("%s: a query ran over %d s: the database is damaged"
		    " or made to hang the reader", path,
		    DBR_TIME_LIMIT_MS / 1000);
		rc = 1;
	}
	free(path);
	if ((lost = dbr_state_detach(db, QUIT_WAIT_MS)) != NULL) {
		cat_error("%s", lost);
		free(lost);
		rc = 1;
	}
	dbr_close(db);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct options o;
	int rc;

	progname = "kuaibao";
	if ((rc = parse_options(argc, argv, &o)) != 0)
		return rc == -1 ? 0 : rc;
	return run(&o);
}

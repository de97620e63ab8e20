/*
 * kuaibao-import: parses bulletin and guide sources and builds the
 * database the reader opens, or prints what it found (--json,
 * --outline) or read (--text).  Here only the command line is read, into a struct cli;
 * import-cli.c does the rest.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "import-cli.h"
#include "xmalloc.h"

static const struct option longopts[] = {
	{ "output",	required_argument,	NULL, 'o' },
	{ "new",	no_argument,		NULL, 'n' },
	{ "follow",	no_argument,		NULL, 'F' },
	{ "json",	no_argument,		NULL, 'j' },
	{ "outline",	no_argument,		NULL, 'O' },
	{ "text",	no_argument,		NULL, 't' },
	{ "data-dir",	required_argument,	NULL, 'D' },
	{ "countries",	required_argument,	NULL, 'C' },
	{ "themes",	required_argument,	NULL, 'T' },
	{ "year",	required_argument,	NULL, 'y' },
	{ "date",	required_argument,	NULL, 'd' },
	{ "number",	required_argument,	NULL, 'N' },
	{ "quiet",	no_argument,		NULL, 'q' },
	{ "verbose",	no_argument,		NULL, 'v' },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: kuaibao-import [-nqv] [-o DB] [--data-dir DIR] "
	    "[--follow] [--year N]\n"
	    "                      [--date YYYY-MM-DD] [--number TEXT] FILE...\n"
	    "       kuaibao-import --json | --outline | --text [options] "
	    "FILE...\n"
	    "\n"
	    "  -o, --output DB     database to create or update (default: "
	    "$KUAIBAO_DB,\n"
	    "                      else $XDG_DATA_HOME/kuaibao/kuaibao.db)\n"
	    "  -n, --new           start from an empty database instead of "
	    "adding to DB\n"
	    "      --follow        DB may be a symbolic link: update the file "
	    "it points to\n"
	    "      --json          print the parsed issues as JSON; write "
	    "nothing\n"
	    "      --outline       print the columns and articles found; "
	    "write nothing\n"
	    "      --text          print the text as read (a PDF's, with "
	    "its tables a row\n"
	    "                      a line), which diagnostics count lines "
	    "in\n"
	    "      --data-dir DIR  where countries.tsv and themes.tsv are "
	    "(default:\n"
	    "                      $KUAIBAO_DATA_DIR, else %s)\n"
	    "      --countries F, --themes F   those lists, one by one\n"
	    "      --year N, --date YYYY-MM-DD, --number TEXT\n"
	    "                      override the issue's year, date or "
	    "number\n"
	    "  -q, --quiet         errors only: no progress, summaries, "
	    "warnings\n"
	    "  -v, --verbose       notices too: what was converted or "
	    "inferred\n"
	    "  -h, --help, -V, --version\n", KB_DATADIR);
}

/* The options into c: -1 to go on, else the exit status. */
static int
options(struct cli *c, int argc, char *argv[])
{
	int ch;

	while ((ch = getopt_long(argc, argv, "o:nqvhV", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'o':
			c->output = optarg;
			break;
		case 'n':
			c->fresh = 1;
			break;
		case 'F':
			c->follow = 1;
			break;
		case 'j':
			c->mode = CLI_JSON;
			break;
		case 'O':
			c->mode = CLI_OUTLINE;
			break;
		case 't':
			c->mode = CLI_TEXT;
			break;
		case 'D':
			c->datadir = optarg;
			break;
		case 'C':
			c->countries = optarg;
			break;
		case 'T':
			c->themes = optarg;
			break;
		case 'y':
			if (cli_year(c, optarg) != 0)
				return DIAG_FATAL;
			break;
		case 'd':
			if (cli_date(c, optarg) != 0)
				return DIAG_FATAL;
			break;
		case 'N':
			c->opts.number = optarg;
			break;
		case 'q':
			c->shown = DIAG_ERROR;
			break;
		case 'v':
			c->shown = DIAG_NOTICE;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("kuaibao-import %s\n", KB_VERSION);
			return 0;
		default:
			usage(stderr);
			return DIAG_FATAL;
		}
	}
	c->files = argv + optind;
	c->nfiles = argc - optind;
	if (c->nfiles == 0) {
		usage(stderr);
		return DIAG_FATAL;
	}
	return -1;
}

int
main(int argc, char *argv[])
{
	struct cli c;
	int status;

	progname = "kuaibao-import";
	fatal_hook = diag_die;
	cli_init(&c);
	if ((status = options(&c, argc, argv)) != -1)
		return status;
	return cli_run(&c);
}

/*
 * kuaibao-import: parses bulletin and guide sources and builds the
 * database the reader opens (or prints the parsed structure as JSON).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db-write.h"
#include "diag.h"
#include "doc.h"
#include "import.h"
#include "import-country.h"
#include "import-json.h"
#include "import-theme.h"
#include "xmalloc.h"

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: kuaibao-import [-q] [--new] [-o DB] [--data-dir DIR] "
	    "[--follow] [--year N]\n"
	    "                      [--date YYYY-MM-DD] [--number TEXT] FILE...\n"
	    "       kuaibao-import --json [options] FILE...\n"
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
	    "      --data-dir DIR  where countries.tsv and themes.tsv are "
	    "(default:\n"
	    "                      $KUAIBAO_DATA_DIR, else %s)\n"
	    "      --countries F, --themes F   those lists, one by one\n"
	    "      --year N, --date YYYY-MM-DD, --number TEXT\n"
	    "                      override the issue's year, date or "
	    "number\n"
	    "  -q, --quiet         no progress, no notices\n"
	    "  -h, --help, -V, --version\n", KB_DATADIR);
}

static char *
default_db(void)
{
	const char *e;

	if ((e = getenv("KUAIBAO_DB")) != NULL && *e != '\0')
		return xstrdup(e);
	if ((e = getenv("XDG_DATA_HOME")) != NULL && *e != '\0')
		return xasprintf("%s/kuaibao/kuaibao.db", e);
	if ((e = getenv("HOME")) != NULL && *e != '\0')
		return xasprintf("%s/.local/share/kuaibao/kuaibao.db", e);
	return xstrdup("kuaibao.db");
}

static int
valid_date(const char *s)
{
	int y, m, d, n;

	n = 0;
	return sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
	    n == 10 && s[n] == '\0' && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output",	required_argument,	NULL, 'o' },
		{ "new",	no_argument,		NULL, 'n' },
		{ "follow",	no_argument,		NULL, 'F' },
		{ "json",	no_argument,		NULL, 'j' },
		{ "data-dir",	required_argument,	NULL, 'D' },
		{ "countries",	required_argument,	NULL, 'C' },
		{ "themes",	required_argument,	NULL, 'T' },
		{ "year",	required_argument,	NULL, 'y' },
		{ "date",	required_argument,	NULL, 'd' },
		{ "number",	required_argument,	NULL, 'N' },
		{ "quiet",	no_argument,		NULL, 'q' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	struct import_opts opts;
	struct gazetteer *gaz;
	struct themes *themes;
	struct issue *is;
	struct dbw *w;
	const char *datadir, *countries_path, *themes_path;
	char *out, *cpath, *tpath;
	int ch, json, fresh, follow, quiet, i, nfiles, ok, progress, printed;
	size_t narticles;

	progname = "kuaibao-import";
	memset(&opts, 0, sizeof(opts));
	out = NULL;
	json = fresh = follow = quiet = 0;
	datadir = getenv("KUAIBAO_DATA_DIR");
	if (datadir == NULL || *datadir == '\0')
		datadir = KB_DATADIR;
	countries_path = themes_path = NULL;
	while ((ch = getopt_long(argc, argv, "o:nqhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			free(out);
			out = xstrdup(optarg);
			break;
		case 'n':
			fresh = 1;
			break;
		case 'F':
			follow = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'D':
			datadir = optarg;
			break;
		case 'C':
			countries_path = optarg;
			break;
		case 'T':
			themes_path = optarg;
			break;
		case 'y':
			opts.year = atoi(optarg);
			if (opts.year < 1900 || opts.year > 2200) {
				fprintf(stderr, "%s: --year %s: not a year\n",
				    progname, optarg);
				return 3;
			}
			break;
		case 'd':
			if (!valid_date(optarg)) {
				fprintf(stderr, "%s: --date %s: expected "
				    "YYYY-MM-DD\n", progname, optarg);
				return 3;
			}
			opts.date = optarg;
			break;
		case 'N':
			opts.number = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("kuaibao-import %s\n", KB_VERSION);
			return 0;
		default:
			usage(stderr);
			return 3;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return 3;
	}
	diag_quiet(quiet);

	cpath = countries_path ? xstrdup(countries_path) :
	    xasprintf("%s/countries.tsv", datadir);
	tpath = themes_path ? xstrdup(themes_path) :
	    xasprintf("%s/themes.tsv", datadir);
	gaz = gazetteer_load(cpath);
	themes = themes_load(tpath);
	free(cpath);
	free(tpath);
	if (gaz == NULL || themes == NULL) {
		gazetteer_free(gaz);
		themes_free(themes);
		return diag_status();
	}
	opts.gaz = gaz;
	opts.themes = themes;

	/*
	 * One file at a time, into a temporary database that replaces the
	 * old one only if every file was read without error.
	 */
	nfiles = argc;
	progress = !json && !quiet && isatty(STDERR_FILENO);
	narticles = 0;
	printed = 0;
	w = NULL;
	if (json)
		json_begin(stdout);
	else {
		if (out == NULL)
			out = default_db();
		if (progress)
			fprintf(stderr, "opening %s…", out);	/* copies it */
		if ((w = dbw_open(out, (fresh ? DBW_NEW : 0) |
		    (follow ? DBW_FOLLOW : 0), gaz)) == NULL)
			nfiles = 0;
		if (progress)
			fprintf(stderr, "\r\033[K");
	}
	for (i = 0; i < nfiles; i++) {
		if (progress)
			fprintf(stderr, "\r\033[K[%d/%d] %zu articles  %s",
			    i + 1, nfiles, narticles, argv[i]);
		if ((is = import_file(argv[i], &opts)) == NULL)
			continue;
		narticles += doc_article_count(is);
		if (json)
			json_issue(stdout, is, printed++ == 0);
		else if (diag_worst() < DIAG_ERROR && dbw_put_issue(w, is) != 0)
			nfiles = i + 1;		/* a write error: stop */
		doc_issue_free(is);
	}
	if (progress)
		fprintf(stderr, "\r\033[K");
	ok = diag_worst() < DIAG_ERROR;
	if (json) {
		json_end(stdout);
		if (fflush(stdout) == EOF || ferror(stdout)) {
			perror(progname);
			ok = 0;
		}
	} else if (w != NULL && ok) {
		if (progress)
			fprintf(stderr, "indexing and compacting %zu articles…", narticles);
		ok = dbw_commit(w) == 0;
		if (progress)
			fprintf(stderr, "\r\033[K");
		if (ok && !quiet)
			fprintf(stderr, "%s: %s: %d file%s, %zu articles\n",
			    progname, out, nfiles, nfiles == 1 ? "" : "s",
			    narticles);
	} else if (w != NULL) {
		dbw_abort(w);
		fprintf(stderr, "%s: nothing written; %s is unchanged\n",
		    progname, out);
	}
	free(out);
	gazetteer_free(gaz);
	themes_free(themes);
	if (!ok && diag_worst() < DIAG_ERROR)
		return 3;
	return diag_status();
}

/*
 * kuaibao-import's run: the lists of countries and themes, then one
 * file at a time into a temporary database that replaces the old one
 * only if every file was read without error (or into the JSON dump, or
 * the outline), with a summary line after each file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "db-write.h"
#include "diag.h"
#include "doc.h"
#include "import.h"
#include "import-check.h"
#include "import-cli.h"
#include "import-country.h"
#include "import-json.h"
#include "import-input.h"
#include "import-outline.h"
#include "sanitize.h"
#include "import-theme.h"
#include "xmalloc.h"

struct run {
	const struct cli	*c;
	struct import_opts	 opts;
	struct gazetteer	*gaz;
	struct themes		*themes;
	struct dbw		*w;
	char			*out;		/* the database */
	int			 quiet;
	int			 progress;	/* a line on a terminal */
	int			 nfiles;	/* taken; less after an error */
	int			 done;
	int			 printed;	/* issues in the dump */
	size_t			 narticles;
};

void
cli_init(struct cli *c)
{
	const char *e;

	memset(c, 0, sizeof(*c));
	c->shown = DIAG_WARNING;
	if ((e = getenv("KUAIBAO_DATA_DIR")) != NULL && *e != '\0')
		c->datadir = e;
	else
		c->datadir = KB_DATADIR;
}

int
cli_year(struct cli *c, const char *arg)
{
	char *end;
	long y;

	errno = 0;
	y = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || y < 1900 ||
	    y > 2200) {
		diag_msg(MSG_BAD_YEAR, NULL, 0, 0, "%s", arg);
		return -1;
	}
	c->opts.year = (int)y;
	return 0;
}

int
cli_date(struct cli *c, const char *s)
{
	int m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 2 ||
	    strspn(s + 8, "0123456789") != 2 ||
	    (m = atoi(s + 5)) < 1 || m > 12 ||
	    (d = atoi(s + 8)) < 1 || d > 31) {
		diag_msg(MSG_BAD_DATE, NULL, 0, 0, "%s", s);
		return -1;
	}
	c->opts.date = s;
	return 0;
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
lists_load(struct run *r)
{
	char *p;

	p = r->c->countries ? xstrdup(r->c->countries) :
	    xasprintf("%s/countries.tsv", r->c->datadir);
	r->gaz = gazetteer_load(p);
	free(p);
	p = r->c->themes ? xstrdup(r->c->themes) :
	    xasprintf("%s/themes.tsv", r->c->datadir);
	r->themes = themes_load(p);
	free(p);
	r->opts.gaz = r->gaz;
	r->opts.themes = r->themes;
	return r->gaz != NULL && r->themes != NULL ? 0 : -1;
}

static void
output_begin(struct run *r)
{
	struct buf b = { 0 };

	if (r->c->mode == CLI_JSON)
		json_begin(stdout);
	if (r->c->mode != CLI_DB)
		return;
	r->out = r->c->output ? xstrdup(r->c->output) : default_db();
	if (r->progress) {
		diag_put_name(&b, r->out);
		fprintf(stderr, "opening %s…", buf_str(&b));	/* copies it */
		buf_free(&b);
	}
	if ((r->w = dbw_open(r->out, (r->c->fresh ? DBW_NEW : 0) |
	    (r->c->follow ? DBW_FOLLOW : 0), r->gaz, r->themes)) == NULL)
		r->nfiles = 0;
	if (r->progress)
		fputs("\r\033[K", stderr);
}

/* "14 articles in 5 columns, 23 notes bound, 0 warnings" */
static void
summary(const struct issue *is, size_t warnings)
{
	const struct column *s;
	size_t i, k, n, notes, bound;
	char of[32];

	notes = bound = 0;
	for (i = 0; i < is->ncolumns; i++) {
		s = &is->columns[i];
		for (k = 0; k < s->narticles; k++) {
			notes += s->articles[k].nnotes;
			bound += check_cited(&s->articles[k]);
		}
	}
	of[0] = '\0';
	if (bound != notes)
		snprintf(of, sizeof(of), " of %zu", notes);
	n = doc_article_count(is);
	diag_say(is->source, "%zu article%s in %zu %s%s, %zu%s notes bound,"
	    " %zu warning%s", n, n == 1 ? "" : "s", is->ncolumns,
	    is->kind == DOC_GUIDE ? "part" : "column",
	    is->ncolumns == 1 ? "" : "s", bound, of, warnings,
	    warnings == 1 ? "" : "s");
}

/*
 * The text as the parser reads it, line by line, a form feed before a
 * page's first line: what a PDF's diagnostics count lines in.
 */
static void
print_text(const char *path)
{
	struct input *in;
	char *s;
	size_t i;

	if ((in = input_load(path)) == NULL)
		return;
	for (i = 0; i < in->nlines; i++) {
		s = sanitize_text(in->lines[i].s, in->lines[i].len,
		    SANITIZE_KEEP_TAB | SANITIZE_LOG);
		printf("%s%s\n", in->lines[i].flags & LINE_PAGESTART ? "\f" :
		    "", s);
		free(s);
	}
	input_free(in);
}

static void
take_file(struct run *r, const char *path)
{
	struct issue *is;
	struct buf b = { 0 };
	size_t warnings;

	if (r->progress) {
		diag_put_name(&b, path);
		fprintf(stderr, "\r\033[K[%d/%d] %zu articles  %s", r->done + 1,
		    r->nfiles, r->narticles, buf_str(&b));
		buf_free(&b);
	}
	r->done++;
	if (r->c->mode == CLI_TEXT) {
		print_text(path);
		return;
	}
	warnings = diag_count(DIAG_WARNING);
	is = import_file(path, &r->opts);
	if (r->progress)
		fputs("\r\033[K", stderr);
	if (is == NULL)
		return;
	r->narticles += doc_article_count(is);
	if (r->c->mode == CLI_JSON)
		json_issue(stdout, is, r->printed++ == 0);
	else if (r->c->mode == CLI_OUTLINE)
		outline_issue(stdout, is);
	else if (diag_worst() < DIAG_ERROR && dbw_put_issue(r->w, is) != 0)
		r->nfiles = r->done;		/* a write error: stop */
	if (!r->quiet)
		summary(is, diag_count(DIAG_WARNING) - warnings);
	doc_issue_free(is);
}

/* Standard output, for --json, --outline and --text. */
static void
stdout_end(const struct run *r)
{
	if (r->c->mode == CLI_JSON)
		json_end(stdout);
	if (fflush(stdout) == EOF || ferror(stdout))
		diag_msg(MSG_OUTPUT, NULL, 0, 0, "%s", strerror(errno));
}

/* The database: renamed into place if all went well, else left as it was. */
static void
db_end(struct run *r)
{
	struct buf b = { 0 };
	int ok;

	if (r->w == NULL) {
		if (diag_worst() < DIAG_ERROR)
			diag_msg(MSG_OUTPUT, r->out, 0, 0, NULL);
		return;
	}
	if (diag_worst() >= DIAG_ERROR) {
		dbw_abort(r->w);
		diag_put_name(&b, r->out);
		diag_say(NULL, "nothing written; %s is unchanged", buf_str(&b));
		buf_free(&b);
		return;
	}
	if (r->progress)
		fprintf(stderr, "indexing and compacting %zu articles…",
		    r->narticles);
	ok = dbw_commit(r->w) == 0;
	if (r->progress)
		fputs("\r\033[K", stderr);
	if (!ok && diag_worst() < DIAG_ERROR)	/* fsync or chmod failed */
		diag_msg(MSG_OUTPUT, r->out, 0, 0, NULL);
	else if (ok && !r->quiet)
		diag_say(r->out, "%d file%s, %zu articles", r->nfiles,
		    r->nfiles == 1 ? "" : "s", r->narticles);
}

int
cli_run(const struct cli *c)
{
	struct run r;
	int i;

	memset(&r, 0, sizeof(r));
	r.c = c;
	r.opts = c->opts;
	r.quiet = c->shown > DIAG_WARNING;
	r.progress = c->mode == CLI_DB && !r.quiet && isatty(STDERR_FILENO);
	r.nfiles = c->nfiles;
	diag_show(c->shown);
	if (c->mode == CLI_TEXT || lists_load(&r) == 0) {
		output_begin(&r);
		for (i = 0; i < r.nfiles; i++)
			take_file(&r, c->files[i]);
		if (c->mode == CLI_DB)
			db_end(&r);
		else
			stdout_end(&r);
	}
	free(r.out);
	gazetteer_free(r.gaz);
	themes_free(r.themes);
	return diag_status();
}

/*
 * libFuzzer target: a database from elsewhere.  The input is a database
 * image (as SQLite's own fuzzing of page images, through
 * sqlite3_deserialize), mutated from small databases the importer made;
 * the reader opens it with its checks (dbr_open_image) and reads it as
 * --list, --cat and --search do, and as the sidebar does: its tree,
 * expanded, counted, and filtered by a country, a theme and flags.
 * What it prints must have passed the sanitiser: valid UTF-8 without a
 * control character but LF.  Queries get 0.2 s each (the reader's time
 * limit, made short), so a hostile image is a slow input, not a hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "cat.h"
#include "db-read.h"
#include "db-state.h"
#include "tree.h"

const char *__asan_default_options(void);
int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define QUERY_MS	200	/* the time limit of one query */
#define ARTICLES	8	/* articles printed with --cat, at most */
#define ROWS		200	/* tree rows walked, at most */

static FILE *real_stdout;

/*
 * SQLite allocates much while it opens and prepares, and AddressSanitizer
 * records a stack for every allocation: without them, a third faster.
 * (ASAN_OPTIONS=malloc_context_size=30 brings them back for a crash.)
 */
const char *
__asan_default_options(void)
{
	return "malloc_context_size=0";
}

static void
fail(const char *what, size_t at)
{
	fprintf(real_stdout, "fuzz-db: %s (byte %zu of the output)\n", what,
	    at);
	fflush(real_stdout);
	abort();
}

/* What the reader printed: sanitised, whatever the database held. */
static void
check_output(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	const uint8_t *bad;
	size_t i;

	if ((bad = u8_check(p, len)) != NULL)
		fail("not UTF-8", (size_t)(bad - p));
	for (i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f)
			fail("a control character was printed", i);
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			fail("a C1 control was printed", i);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *e;
	FILE *null;

	(void)argc;
	(void)argv;
	real_stdout = stdout;
	/* cat_error's lines are not what is checked */
	if (((e = getenv("FUZZ_VERBOSE")) == NULL || *e == '\0' ||
	    *e == '0') && (null = fopen("/dev/null", "w")) != NULL)
		stderr = null;
	return 0;
}

/* The sidebar's walk: every row, expanded, counted to the end. */
static void
walk_tree(struct dbr *r, const struct filter *f)
{
	struct tree *t;
	struct trow row;
	size_t i, n;
	int steps;

	t = tree_create(r, f);
	for (i = 0; i < ROWS && i < tree_nrows(t); i++)
		if (tree_row(t, i, &row) && row.kind != TR_ARTICLE &&
		    !row.expanded)
			tree_expand(t, i, 1);
	(void)tree_total(t, &n);
	for (steps = 0; steps < 1000 && tree_count_step(t); steps++)
		;
	for (steps = 0; steps < ROWS && tree_step_article(t, 1); steps++)
		;
	tree_free(t);
}

/* The first articles' keys, as --list finds them. */
static size_t
some_keys(struct dbr *r, char **keys)
{
	struct filter f;
	struct issue_row *issues;
	struct column_row *secs;
	struct article_row *arts;
	size_t ni, ns, na, i, s, a, n;

	memset(&f, 0, sizeof(f));
	n = 0;
	ni = dbr_issues(r, &f, NULL, 0, 4, &issues);
	for (i = 0; i < ni && n < ARTICLES; i++) {
		ns = dbr_columns(r, issues[i].id, &f, &secs);
		for (s = 0; s < ns && n < ARTICLES; s++) {
			na = dbr_articles(r, issues[i].id, secs[s].id, &f,
			    &arts);
			for (a = 0; a < na && n < ARTICLES; a++) {
				keys[n++] = arts[a].key;
				arts[a].key = NULL;
			}
			dbr_article_rows_free(arts, na);
			free(arts);
		}
		dbr_column_rows_free(secs, ns);
		free(secs);
	}
	dbr_issue_rows_free(issues, ni);
	free(issues);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dbr *r;
	struct filter f, none;
	struct choice *c;
	char *err, *warning, *out, *lost, *keys[ARTICLES];
	size_t outlen, nc, nk, i;
	FILE *fp;

	if ((r = dbr_open_image(data, size, &err)) == NULL) {
		free(err);
		return 0;
	}
	dbr_set_time_limit(r, QUERY_MS);
	dbr_state_attach(r, NULL, &warning);
	free(warning);

	out = NULL;
	outlen = 0;
	if ((fp = open_memstream(&out, &outlen)) == NULL)
		abort();
	stdout = fp;
	memset(&none, 0, sizeof(none));
	cat_list(r, &none, CAT_TEXT);
	cat_list(r, &none, CAT_JSON);
	nk = some_keys(r, keys);
	for (i = 0; i < nk; i++) {
		cat_article(r, keys[i], 20 + (int)(i * 13 % 80));
		free(keys[i]);
	}
	cat_search(r, "美国 AI", 20, &none, CAT_TEXT);
	cat_search(r, "芯", 0, &none, CAT_TEXT);
	fflush(fp);
	stdout = real_stdout;
	fclose(fp);
	check_output(out, outlen);
	free(out);

	memset(&f, 0, sizeof(f));
	walk_tree(r, &f);
	if ((nc = dbr_countries(r, &c)) > 0) {
		f.country = c[0].id;
		f.mentions = 1;
		walk_tree(r, &f);
	}
	dbr_choices_free(c, nc);
	memset(&f, 0, sizeof(f));
	if ((nc = dbr_themes(r, &c)) > 0) {
		f.theme = c[nc - 1].id;
		f.flagged = 1;
		walk_tree(r, &f);
	}
	dbr_choices_free(c, nc);
	/* a search of a long word: the index, then the text itself */
	memset(&f, 0, sizeof(f));
	f.typed = (char *)"美国芯片";
	f.query = dbr_fts_query(f.typed);
	walk_tree(r, &f);
	free(f.query);

	lost = dbr_state_detach(r, 0);
	free(lost);
	dbr_close(r);
	return 0;
}

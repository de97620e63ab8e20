/*
 * Non-interactive output, for pipes, grep and printers: the same
 * sanitised text the screen shows, without attributes.  Every string
 * from the database goes out through put(): a key or a date is as
 * hostile as a title (a key holding ESC ] 52 would write the clipboard
 * of whoever lists the archive).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cat.h"
#include "db-read.h"
#include "render.h"
#include "sanitize.h"
#include "xmalloc.h"

/* One field, sanitised: no control character, no line break. */
static void
put(FILE *fp, const char *s)
{
	char *clean;

	if (s == NULL)
		return;
	clean = sanitize_text(s, strlen(s), 0);
	fputs(clean, fp);
	free(clean);
}

void
cat_error(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	fputs("kuaibao: ", stderr);
	put(stderr, buf_str(&b));
	fputc('\n', stderr);
	buf_free(&b);
}

static int
flushed(void)
{
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

int
cat_list(struct dbr *db)
{
	struct filter f;
	struct issue_row *issues, last;
	struct section_row *secs;
	struct article_row *arts;
	size_t ni, ns, na, i, s, a;
	char *label;
	int more;

	memset(&f, 0, sizeof(f));
	memset(&last, 0, sizeof(last));
	more = 0;
	do {
		ni = dbr_issues(db, &f, more ? &last : NULL, 0, 256, &issues);
		for (i = 0; i < ni; i++) {
			label = render_issue_label(issues[i].date,
			    issues[i].year, issues[i].number, issues[i].title,
			    issues[i].guide);
			put(stdout, label);
			printf(" (%d)  ", issues[i].n);
			put(stdout, issues[i].key);
			putchar('\n');
			free(label);
			ns = dbr_sections(db, issues[i].id, &f, &secs);
			for (s = 0; s < ns; s++) {
				fputs("  ", stdout);
				put(stdout, secs[s].name);
				printf(" (%d)\n", secs[s].n);
				na = dbr_articles(db, issues[i].id, secs[s].id,
				    &f, &arts);
				for (a = 0; a < na; a++) {
					fputs("    ", stdout);
					put(stdout, arts[a].key);
					fputs("  ", stdout);
					put(stdout, arts[a].title);
					putchar('\n');
				}
				dbr_article_rows_free(arts, na);
				free(arts);
			}
			dbr_section_rows_free(secs, ns);
			free(secs);
		}
		if (ni > 0)
			last = issues[ni - 1];
		more = ni == 256;
		dbr_issue_rows_free(issues, ni);
		free(issues);
	} while (more);
	return flushed();
}

/* The article with key as given, else in lower case (keys are hex). */
static int
find(struct dbr *db, const char *key, struct article_row *row)
{
	char *lower, *p;
	int found;

	if (dbr_find(db, key, row))
		return 1;
	lower = xstrdup(key);
	for (p = lower; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	found = strcmp(lower, key) != 0 && dbr_find(db, lower, row);
	free(lower);
	return found;
}

int
cat_article(struct dbr *db, const char *key, int width)
{
	struct article_row row;
	struct art a;
	struct rendered *r;
	size_t i;

	if (!find(db, key, &row)) {
		cat_error("%s: no such article (see kuaibao --list)", key);
		return 1;
	}
	if (!dbr_article(db, row.id, &a)) {
		dbr_article_rows_free(&row, 1);
		cat_error("%s: cannot read it: %s", key, dbr_error(db));
		return 1;
	}
	dbr_article_rows_free(&row, 1);
	r = render_article(&a, width, NULL);
	for (i = 0; i < r->nlines; i++) {
		fwrite(r->text.s + r->lines[i].off, 1, r->lines[i].len, stdout);
		/* a URL is one line: the terminal wraps it, if it must */
		if (i + 1 == r->nlines || !r->lines[i + 1].cont)
			putchar('\n');
	}
	render_free(r);
	art_free(&a);
	return flushed();
}

int
cat_search(struct dbr *db, const char *query, size_t limit)
{
	struct filter f;
	struct article_row *rows;
	size_t n, i;
	int rc;

	memset(&f, 0, sizeof(f));
	f.typed = (char *)query;
	if ((f.query = dbr_fts_query(query)) == NULL) {
		cat_error("--search: nothing to search for");
		return 2;
	}
	/* one more than asked for tells whether there are more */
	n = dbr_search(db, &f, INT64_MAX, limit == 0 ? SIZE_MAX : limit + 1,
	    &rows);
	for (i = 0; i < n && (limit == 0 || i < limit); i++) {
		put(stdout, rows[i].key);
		fputs("  ", stdout);
		put(stdout, rows[i].date);
		fputs("  ", stdout);
		put(stdout, rows[i].title);
		putchar('\n');
	}
	rc = flushed();
	if (rc == 0 && limit > 0 && n > limit)
		cat_error("the first %zu results; more match (--limit 0 prints"
		    " them all)", limit);
	if (rc == 0 && n == 0)
		rc = 1;
	dbr_article_rows_free(rows, n);
	free(rows);
	free(f.query);
	return rc;
}

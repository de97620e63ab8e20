/*
 * Non-interactive output, for pipes, grep and printers: the same
 * sanitised text the screen shows, without attributes.  Every string
 * from the database goes out through export_put(): a key or a date is as
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
#include "export.h"
#include "render.h"
#include "sanitize.h"
#include "xmalloc.h"

void
cat_error(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	fputs("kuaibao: ", stderr);
	export_put(stderr, buf_str(&b));
	fputc('\n', stderr);
	buf_free(&b);
}

static int
flushed(void)
{
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

int
cat_format_named(const char *name)
{
	static const char *const names[] = { "text", "tsv", "json" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

/* An article as a script reads it: a line of TSV, or a JSON object. */
struct cat_row {
	const char	*key, *date, *issue, *column, *title;
};

static void
put_row(enum cat_format fmt, const struct cat_row *r, size_t i)
{
	if (fmt == CAT_TSV) {
		export_put(stdout, r->key);
		putchar('\t');
		export_put(stdout, r->date);
		putchar('\t');
		export_put(stdout, r->issue);
		putchar('\t');
		export_put(stdout, r->column);
		putchar('\t');
		export_put(stdout, r->title);
		putchar('\n');
		return;
	}
	fputs(i == 0 ? "[\n  {\"key\": " : ",\n  {\"key\": ", stdout);
	export_json_string(stdout, r->key);
	fputs(", \"date\": ", stdout);
	export_json_string(stdout, r->date);
	fputs(", \"issue\": ", stdout);
	export_json_string(stdout, r->issue);
	fputs(", \"column\": ", stdout);
	export_json_string(stdout, r->column);
	fputs(", \"title\": ", stdout);
	export_json_string(stdout, r->title);
	fputs("}", stdout);
}

/* The end of a JSON array of n rows. */
static void
put_rows_end(enum cat_format fmt, size_t n)
{
	if (fmt == CAT_JSON)
		fputs(n > 0 ? "\n]\n" : "[]\n", stdout);
}

/* An issue's date, or its year, as the lists show it. */
static char *
issue_date(const struct issue_row *r)
{
	if (r->date != NULL)
		return xstrdup(r->date);
	return r->year ? xasprintf("%d", r->year) : xstrdup("");
}

int
cat_list(struct dbr *db, const struct filter *f, enum cat_format fmt)
{
	struct issue_row *issues, last;
	struct column_row *secs;
	struct article_row *arts;
	struct cat_row row;
	size_t ni, ns, na, i, s, a, nrows;
	char *label, *date;
	int more;

	memset(&last, 0, sizeof(last));
	more = 0;
	nrows = 0;
	do {
		ni = dbr_issues(db, f, more ? &last : NULL, 0, 256, &issues);
		for (i = 0; i < ni; i++) {
			if (dbr_filtered(f))
				dbr_issue_counts(db, f, &issues[i]);
			date = issue_date(&issues[i]);
			if (fmt == CAT_TEXT) {
				label = render_issue_label(issues[i].date,
				    issues[i].year, issues[i].number,
				    issues[i].title, issues[i].guide);
				export_put(stdout, label);
				printf(" (%d)  ", issues[i].n);
				export_put(stdout, issues[i].key);
				putchar('\n');
				free(label);
			}
			ns = dbr_columns(db, issues[i].id, f, &secs);
			for (s = 0; s < ns; s++) {
				if (fmt == CAT_TEXT) {
					fputs("  ", stdout);
					export_put(stdout, secs[s].name);
					printf(" (%d)\n", secs[s].n);
				}
				na = dbr_articles(db, issues[i].id, secs[s].id,
				    f, &arts);
				for (a = 0; a < na; a++) {
					if (fmt != CAT_TEXT) {
						row.key = arts[a].key;
						row.date = date;
						row.issue = issues[i].key;
						row.column = secs[s].name;
						row.title = arts[a].title;
						put_row(fmt, &row, nrows++);
						continue;
					}
					fputs("    ", stdout);
					export_put(stdout, arts[a].key);
					fputs("  ", stdout);
					export_put(stdout, arts[a].title);
					putchar('\n');
				}
				dbr_article_rows_free(arts, na);
				free(arts);
			}
			dbr_column_rows_free(secs, ns);
			free(secs);
			free(date);
		}
		if (ni > 0)
			last = issues[ni - 1];
		more = ni == 256;
		dbr_issue_rows_free(issues, ni);
		free(issues);
	} while (more);
	put_rows_end(fmt, nrows);
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
cat_search(struct dbr *db, const char *query, size_t limit,
    const struct filter *base, enum cat_format fmt)
{
	struct filter f;
	struct article_row *rows;
	struct cat_row row;
	struct art a;
	size_t n, i;
	int rc;

	f = *base;
	f.typed = (char *)query;
	if ((f.query = dbr_fts_query(query)) == NULL) {
		cat_error("--search: nothing to search for");
		return 2;
	}
	/* one more than asked for tells whether there are more */
	n = dbr_search(db, &f, INT64_MAX, limit == 0 ? SIZE_MAX : limit + 1,
	    &rows);
	for (i = 0; i < n && (limit == 0 || i < limit); i++) {
		if (fmt != CAT_TEXT) {
			memset(&a, 0, sizeof(a));
			dbr_article(db, rows[i].id, &a);
			row.key = rows[i].key;
			row.date = rows[i].date;
			row.issue = a.issue_key;
			row.column = a.column;
			row.title = rows[i].title;
			put_row(fmt, &row, i);
			art_free(&a);
			continue;
		}
		export_put(stdout, rows[i].key);
		fputs("  ", stdout);
		export_put(stdout, rows[i].date);
		fputs("  ", stdout);
		export_put(stdout, rows[i].title);
		putchar('\n');
	}
	put_rows_end(fmt, i);
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

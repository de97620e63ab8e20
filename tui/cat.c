/*
 * Non-interactive output, for pipes, grep and printers: the same
 * sanitised text the screen shows, without attributes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cat.h"
#include "db-read.h"
#include "render.h"
#include "sanitize.h"
#include "xmalloc.h"

static void
put(const char *s)
{
	char *clean;

	clean = sanitize_text(s, strlen(s), 0);
	fputs(clean, stdout);
	free(clean);
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
			put(label);
			printf(" (%d)  %s\n", issues[i].n, issues[i].key);
			free(label);
			ns = dbr_sections(db, issues[i].id, &f, &secs);
			for (s = 0; s < ns; s++) {
				fputs("  ", stdout);
				put(secs[s].name);
				printf(" (%d)\n", secs[s].n);
				na = dbr_articles(db, issues[i].id, secs[s].id,
				    &f, &arts);
				for (a = 0; a < na; a++) {
					printf("    %s  ", arts[a].key);
					put(arts[a].title);
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
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
}

int
cat_article(struct dbr *db, const char *key, int width)
{
	struct article_row row;
	struct art a;
	struct rendered *r;
	size_t i;

	if (!dbr_find(db, key, &row)) {
		fprintf(stderr, "kuaibao: %s: no such article (see"
		    " kuaibao --list)\n", key);
		return 1;
	}
	if (!dbr_article(db, row.id, &a)) {
		dbr_article_rows_free(&row, 1);
		fprintf(stderr, "kuaibao: %s: cannot read it: %s\n", key,
		    dbr_error(db));
		return 1;
	}
	dbr_article_rows_free(&row, 1);
	r = render_article(&a, width, NULL);
	for (i = 0; i < r->nlines; i++) {
		fwrite(r->text.s + r->lines[i].off, 1, r->lines[i].len, stdout);
		putchar('\n');
	}
	render_free(r);
	art_free(&a);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

int
cat_search(struct dbr *db, const char *query, int limit)
{
	struct filter f;
	struct article_row *rows;
	size_t n, i;

	memset(&f, 0, sizeof(f));
	f.typed = (char *)query;
	if ((f.query = dbr_fts_query(query)) == NULL) {
		fprintf(stderr, "kuaibao: nothing to search for\n");
		return 1;
	}
	n = dbr_search(db, &f, INT64_MAX, (size_t)limit, &rows);
	for (i = 0; i < n; i++) {
		printf("%s  %s  ", rows[i].key, rows[i].date ? rows[i].date :
		    "");
		put(rows[i].title);
		putchar('\n');
	}
	dbr_article_rows_free(rows, n);
	free(rows);
	free(f.query);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

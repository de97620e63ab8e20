/*
 * Export: each article's citation, then (Markdown and text) its
 * paragraphs and notes.  JSON and CSV are for scripts and spreadsheets:
 * their keys are English whatever the interface's language.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db-read.h"
#include "db-schema.h"
#include "export.h"
#include "msg.h"
#include "render.h"
#include "sanitize.h"
#include "xmalloc.h"

static const char *const names[] = { "md", "txt", "json", "csv" };

int
export_format_named(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	if (strcmp(name, "markdown") == 0)
		return EXPORT_MD;
	if (strcmp(name, "text") == 0)
		return EXPORT_TXT;
	return -1;
}

const char *
export_extension(enum export_format f)
{
	return names[f];
}

size_t
export_select(struct dbr *db, const struct filter *f, int64_t **out)
{
	struct article_row *rows;
	size_t n, i, j, k;
	int64_t t;

	n = dbr_search(db, f, INT64_MAX, SIZE_MAX, &rows);
	*out = xcalloc(n + 1, sizeof(**out));
	for (i = 0; i < n; i++)
		(*out)[i] = rows[i].id;
	dbr_article_rows_free(rows, n);
	free(rows);
	/* newest first: an issue's articles back in their order */
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && DB_ISSUE_OF((*out)[j]) ==
		    DB_ISSUE_OF((*out)[i]); j++)
			;
		for (k = 0; k < (j - i) / 2; k++) {
			t = (*out)[i + k];
			(*out)[i + k] = (*out)[j - 1 - k];
			(*out)[j - 1 - k] = t;
		}
	}
	return n;
}

void
export_put(FILE *fp, const char *s)
{
	char *clean;

	if (s == NULL)
		return;
	clean = sanitize_text(s, strlen(s), 0);
	fputs(clean, fp);
	free(clean);
}

void
export_json_string(FILE *fp, const char *s)
{
	char *clean, *p;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	clean = sanitize_text(s, strlen(s), 0);
	fputc('"', fp);
	for (p = clean; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
	free(clean);
}

/* A CSV cell (RFC 4180); one a spreadsheet would take for a formula
 * (= + - @ first) is kept as text with a ' first. */
static void
csv_cell(FILE *fp, const char *s)
{
	char *clean, *p;

	clean = sanitize_text(s != NULL ? s : "", s != NULL ? strlen(s) : 0,
	    0);
	fputc('"', fp);
	if (strchr("=+-@", clean[0]) != NULL && clean[0] != '\0')
		fputc('\'', fp);
	for (p = clean; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
	free(clean);
}

/* The issue as a citation names it: 科技政策与咨询快报, 总第086期 第08期,
 * 2021-08-05. */
static char *
issue_cited(const struct art *a)
{
	struct buf b = { 0 };

	buf_adds(&b, a->issue_title != NULL ? a->issue_title : "");
	if (a->issue_number != NULL)
		buf_printf(&b, ", %s", a->issue_number);
	if (a->issue_date != NULL)
		buf_printf(&b, ", %s", a->issue_date);
	else if (a->issue_year != 0)
		buf_printf(&b, ", %d", a->issue_year);
	return buf_take(&b);
}

/* The date of the article, else of its issue, else its year. */
static char *
date_of(const struct art *a)
{
	if (a->date != NULL)
		return xstrdup(a->date);
	if (a->issue_date != NULL)
		return xstrdup(a->issue_date);
	return a->issue_year ? xasprintf("%d", a->issue_year) : xstrdup("");
}

static void
put_urls(FILE *fp, const struct art *a, const char *sep)
{
	size_t i, k;
	int first = 1;

	for (i = 0; i < a->nnotes; i++)
		for (k = 0; k < a->notes[i].nurls; k++) {
			if (!first)
				fputs(sep, fp);
			export_put(fp, a->notes[i].urls[k]);
			first = 0;
		}
}

/* Markdown and text: the citation, the paragraphs, the notes. */
static void
write_prose(FILE *fp, const struct art *a, int md)
{
	char *issue, *date;
	size_t i, k;

	issue = issue_cited(a);
	date = date_of(a);
	fputs(md ? "## " : "", fp);
	export_put(fp, a->title);
	fputs(md ? "\n\n" : "\n", fp);
	fprintf(fp, "%s%s", md ? "- " : "", msg(MSG_EXPORT_ISSUE));
	export_put(fp, issue);
	fprintf(fp, "\n%s%s", md ? "- " : "", msg(MSG_EXPORT_DATE));
	export_put(fp, date);
	fprintf(fp, "\n%s%s", md ? "- " : "", msg(MSG_EXPORT_COLUMN));
	export_put(fp, a->column);
	if (a->authors != NULL && *a->authors != '\0') {
		fprintf(fp, "\n%s%s", md ? "- " : "", msg(MSG_EXPORT_EDITORS));
		export_put(fp, a->authors);
	}
	fprintf(fp, "\n%s%s", md ? "- " : "", msg(MSG_EXPORT_KEY));
	export_put(fp, a->key);
	fputs("\n\n", fp);
	for (i = 0; i < a->nblocks; i++) {
		if (md && a->blocks[i].type == BLOCK_HEADING)
			fputs("### ", fp);
		export_put(fp, a->blocks[i].text);
		fputs("\n\n", fp);
	}
	for (i = 0; i < a->nnotes; i++) {
		fprintf(fp, md ? "[^%d]: " : "[%d] ", a->notes[i].n);
		export_put(fp, a->notes[i].text);
		for (k = 0; k < a->notes[i].nurls; k++) {
			fputs(md ? " <" : "\n    ", fp);
			export_put(fp, a->notes[i].urls[k]);
			fputs(md ? ">" : "", fp);
		}
		fputc('\n', fp);
	}
	if (a->nnotes > 0)
		fputc('\n', fp);
	free(issue);
	free(date);
}

static void
json_field(FILE *fp, const char *name, const char *value)
{
	fprintf(fp, ", \"%s\": ", name);
	export_json_string(fp, value);
}

static void
write_json(FILE *fp, const struct art *a, int first)
{
	char *date, *copy, *w, *save;
	size_t i, k;
	int any;

	date = date_of(a);
	fputs(first ? "\n  {" : ",\n  {", fp);
	fputs("\"key\": ", fp);
	export_json_string(fp, a->key);
	json_field(fp, "title", a->title);
	json_field(fp, "issue", a->issue_title);
	json_field(fp, "issue_key", a->issue_key);
	json_field(fp, "number", a->issue_number);
	json_field(fp, "issue_date", a->issue_date);
	json_field(fp, "date", date);
	json_field(fp, "column", a->column);
	fputs(", \"editors\": [", fp);
	copy = xstrdup(a->authors != NULL ? a->authors : "");
	any = 0;
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		fputs(any++ ? ", " : "", fp);
		export_json_string(fp, w);
	}
	free(copy);
	fputs("], \"urls\": [", fp);
	any = 0;
	for (i = 0; i < a->nnotes; i++)
		for (k = 0; k < a->notes[i].nurls; k++) {
			fputs(any++ ? ", " : "", fp);
			export_json_string(fp, a->notes[i].urls[k]);
		}
	fputs("], \"text\": [", fp);
	for (i = 0; i < a->nblocks; i++) {
		fputs(i ? ", " : "", fp);
		export_json_string(fp, a->blocks[i].text);
	}
	fputs("]}", fp);
	free(date);
}

static void
write_csv(FILE *fp, const struct art *a)
{
	char *issue, *date;

	issue = issue_cited(a);
	date = date_of(a);
	csv_cell(fp, a->key);
	fputc(',', fp);
	csv_cell(fp, a->title);
	fputc(',', fp);
	csv_cell(fp, issue);
	fputc(',', fp);
	csv_cell(fp, date);
	fputc(',', fp);
	csv_cell(fp, a->column);
	fputc(',', fp);
	csv_cell(fp, a->authors);
	fputs(",\"", fp);
	put_urls(fp, a, " ");
	fputs("\"\r\n", fp);
	free(issue);
	free(date);
}

int
export_write(struct dbr *db, const int64_t *ids, size_t n,
    enum export_format fmt, FILE *fp)
{
	struct art a;
	size_t i, done;

	if (fmt == EXPORT_JSON)
		fputs("{\"format\": \"kuaibao-export/1\", \"articles\": [", fp);
	else if (fmt == EXPORT_CSV)
		fputs("key,title,issue,date,column,editors,urls\r\n", fp);
	for (i = done = 0; i < n; i++) {
		if (!dbr_article(db, ids[i], &a))
			continue;
		if (fmt == EXPORT_JSON)
			write_json(fp, &a, done++ == 0);
		else if (fmt == EXPORT_CSV)
			write_csv(fp, &a);
		else
			write_prose(fp, &a, fmt == EXPORT_MD);
		art_free(&a);
	}
	if (fmt == EXPORT_JSON)
		fputs(done > 0 ? "\n]}\n" : "]}\n", fp);
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}

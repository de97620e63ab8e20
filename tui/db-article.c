/*
 * Reading an article with its parts, and the choices of the filter
 * prompts; freeing what the reader's queries return.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db-read.h"
#include "db-read-int.h"
#include "db-schema.h"
#include "xmalloc.h"

/* The same query for each part of an article: (article_id) → rows. */
static sqlite3_stmt *
part(struct dbr *r, const char *sql, int64_t id)
{
	sqlite3_stmt *st;

	if ((st = dbr_stmt(r, sql)) != NULL)
		sqlite3_bind_int64(st, 1, id);
	return st;
}

int
dbr_article(struct dbr *r, int64_t id, struct art *a)
{
	sqlite3_stmt *st;
	struct block b;
	struct footnote fn;
	struct field fd;
	const char *urls, *nl;
	size_t cap;

	memset(a, 0, sizeof(*a));
	st = part(r, "SELECT a.key, a.title, a.date, a.date_text,"
	    " a.authors, s.name, i.title, i.date, i.number, i.year,"
	    " " DB_GUIDE_STATUS ", i.key FROM articles a JOIN sections s ON"
	    " s.id ="
	    " a.section_id JOIN issues i ON i.id = a.issue_id WHERE a.id = ?",
	    id);
	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return 0;
	a->id = id;
	a->key = dbr_col_text(st, 0);
	a->title = dbr_col_text(st, 1);
	a->date = dbr_col_opt(st, 2);
	a->date_text = dbr_col_opt(st, 3);
	a->authors = dbr_col_text(st, 4);
	a->column = dbr_col_text(st, 5);
	a->issue_title = dbr_col_text(st, 6);
	a->issue_date = dbr_col_opt(st, 7);
	a->issue_number = dbr_col_opt(st, 8);
	a->issue_year = sqlite3_column_int(st, 9);
	a->guide = sqlite3_column_int(st, 10);
	a->issue_key = dbr_col_text(st, 11);
	sqlite3_reset(st);

	cap = 0;
	st = part(r, "SELECT type, text FROM blocks WHERE id "
	    DB_BLOCKS_OF_ARTICLE " ORDER BY id", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		b.type = t == NULL ? BLOCK_PARAGRAPH : *t == 'h' ?
		    BLOCK_HEADING : *t == 't' ? BLOCK_TABLE : BLOCK_PARAGRAPH;
		b.text = dbr_col_text(st, 1);
		b.line = 0;
		VEC_PUSH(a->blocks, a->nblocks, cap, b);
	}
	cap = 0;
	st = part(r, "SELECT n, text, urls FROM footnotes WHERE"
	    " article_id = ? ORDER BY seq", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		memset(&fn, 0, sizeof(fn));
		fn.n = sqlite3_column_int(st, 0);
		fn.text = dbr_col_text(st, 1);
		urls = (const char *)sqlite3_column_text(st, 2);
		for (; urls != NULL && *urls != '\0'; urls = nl + 1) {
			nl = strchr(urls, '\n');
			fn.urls = xreallocarray(fn.urls, fn.nurls + 1,
			    sizeof(*fn.urls));
			fn.urls[fn.nurls++] = nl ? xstrndup(urls,
			    (size_t)(nl - urls)) : xstrdup(urls);
			if (nl == NULL)
				break;
		}
		VEC_PUSH(a->notes, a->nnotes, cap, fn);
	}
	cap = 0;
	st = part(r, "SELECT name, value FROM fields WHERE"
	    " article_id = ? ORDER BY seq", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		fd.name = dbr_col_text(st, 0);
		fd.value = dbr_col_text(st, 1);
		VEC_PUSH(a->fields, a->nfields, cap, fd);
	}
	st = part(r, "SELECT c.name, ac.role FROM"
	    " article_countries ac JOIN countries c ON c.id = ac.country_id"
	    " WHERE ac.article_id = ? ORDER BY ac.pos", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		a->countries = xreallocarray(a->countries, a->ncountries + 1,
		    sizeof(*a->countries));
		a->subject = xreallocarray(a->subject, a->ncountries + 1,
		    sizeof(*a->subject));
		a->countries[a->ncountries] = dbr_col_text(st, 0);
		a->subject[a->ncountries++] = sqlite3_column_int(st, 1) == 0;
	}
	st = part(r, "SELECT t.name FROM article_themes at JOIN"
	    " themes t ON t.id = at.theme_id WHERE at.article_id = ? ORDER BY"
	    " at.rank", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		a->themes = xreallocarray(a->themes, a->nthemes + 1,
		    sizeof(*a->themes));
		a->themes[a->nthemes++] = dbr_col_text(st, 0);
	}
	return 1;
}

char *
dbr_article_key(struct dbr *r, int64_t id)
{
	sqlite3_stmt *st;
	char *key;

	if ((st = part(r, "SELECT key FROM articles WHERE id = ?", id)) ==
	    NULL)
		return NULL;
	key = sqlite3_step(st) == SQLITE_ROW ? dbr_col_text(st, 0) : NULL;
	sqlite3_reset(st);
	return key;
}

static size_t
choices(struct dbr *r, const char *sql, struct choice **out)
{
	sqlite3_stmt *st;
	struct choice c;
	size_t n, cap;

	*out = NULL;
	n = cap = 0;
	dbr_clock_start(r);
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		c.id = sqlite3_column_int64(st, 0);
		c.name = dbr_col_text(st, 1);
		c.code = dbr_col_opt(st, 2);
		c.iso3 = dbr_col_opt(st, 3);
		c.english = dbr_col_opt(st, 4);
		c.n = sqlite3_column_int(st, 5);
		c.nall = sqlite3_column_int(st, 6);
		VEC_PUSH(*out, n, cap, c);
	}
	sqlite3_finalize(st);
	return n;
}

size_t
dbr_countries(struct dbr *r, struct choice **out)
{
	return choices(r, "SELECT id, name, code, iso3, english, nsubject,"
	    " narticles FROM countries WHERE narticles > 0 ORDER BY"
	    " nsubject DESC, narticles DESC, id", out);
}

size_t
dbr_themes(struct dbr *r, struct choice **out)
{
	/* schema 4 has no English names of themes */
	return choices(r, r->schema < 5 ? "SELECT id, name, NULL, NULL, NULL,"
	    " narticles, narticles FROM themes WHERE narticles > 0 ORDER BY"
	    " narticles DESC, id" : "SELECT id, name, NULL, NULL, english,"
	    " narticles, narticles FROM themes WHERE narticles > 0 ORDER BY"
	    " narticles DESC, id", out);
}

/* Freeing. */

void
dbr_issue_rows_free(struct issue_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].title);
		free(v[i].date);
		free(v[i].number);
	}
}

void
dbr_column_rows_free(struct column_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
}

void
dbr_article_rows_free(struct article_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].title);
		free(v[i].date);
		free(v[i].adate);
	}
}

void
dbr_choices_free(struct choice *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].code);
		free(v[i].iso3);
		free(v[i].english);
	}
	free(v);
}

void
art_free(struct art *a)
{
	free(a->key);
	free(a->title);
	free(a->date);
	free(a->date_text);
	free(a->authors);
	free(a->column);
	free(a->issue_title);
	free(a->issue_date);
	free(a->issue_number);
	free(a->issue_key);
	doc_text_free(a->blocks, a->nblocks, a->notes, a->nnotes, a->fields,
	    a->nfields);
	free_strings(a->countries, a->ncountries);
	free(a->subject);
	free_strings(a->themes, a->nthemes);
	memset(a, 0, sizeof(*a));
}


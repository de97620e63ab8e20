/*
 * The reader's connection: opening and checking a database, the cache of
 * prepared statements, an article with its parts, the filter choices.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "db-read.h"
#include "db-read-int.h"
#include "db-schema.h"
#include "db-tokenizer.h"
#include "xmalloc.h"

sqlite3_stmt *
dbr_stmt(struct dbr *r, const char *sql)
{
	struct dbr_stmt *s, *old;
	size_t i;

	old = &r->stmts[0];
	for (i = 0; i < DBR_NSTMTS; i++) {
		s = &r->stmts[i];
		if (s->sql != NULL && strcmp(s->sql, sql) == 0) {
			s->used = ++r->clock;
			sqlite3_reset(s->st);
			sqlite3_clear_bindings(s->st);
			return s->st;
		}
		if (s->used < old->used)
			old = s;
	}
	sqlite3_finalize(old->st);
	free(old->sql);
	old->sql = NULL;
	old->used = 0;
	if (sqlite3_prepare_v3(r->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &old->st, NULL) != SQLITE_OK) {
		old->st = NULL;
		return NULL;
	}
	old->sql = xstrdup(sql);
	old->used = ++r->clock;
	return old->st;
}

void
dbr_bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i;

	if ((i = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_int64(st, i, v);
}

void
dbr_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i;

	if (v != NULL && (i = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

char *
dbr_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s;

	s = sqlite3_column_text(st, i);
	return s == NULL ? NULL : xstrdup((const char *)s);
}

const char *
dbr_error(struct dbr *r)
{
	return sqlite3_errmsg(r->db);
}

/*
 * A file shorter than its header says: a copy or a download that was
 * cut.  SQLite reads only what it needs, so it would not always notice.
 */
static int
truncated(const char *path)
{
	unsigned char h[100];
	unsigned long pagesize, pages;
	struct stat sb;
	FILE *fp;
	size_t n;

	/* header and size of one file: it may be renamed over meanwhile */
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(h, 1, sizeof(h), fp);
	if (fstat(fileno(fp), &sb) == -1)
		n = 0;
	fclose(fp);
	if (n < sizeof(h) || memcmp(h, "SQLite format 3", 16) != 0)
		return 0;
	pagesize = (unsigned long)h[16] << 8 | h[17];
	if (pagesize == 1)
		pagesize = 65536;
	pages = (unsigned long)h[28] << 24 | (unsigned long)h[29] << 16 |
	    (unsigned long)h[30] << 8 | h[31];
	/* the count is valid when the version-valid-for number matches */
	if (memcmp(h + 24, h + 92, 4) != 0)
		return 0;
	return (off_t)(pagesize * pages) > sb.st_size;
}

/* Checks what a database must hold to be read; NULL or a message. */
static const char *
check_schema(struct dbr *r)
{
	sqlite3_stmt *st;
	int v, rc;

	if (sqlite3_prepare_v2(r->db, "SELECT value FROM main.meta WHERE key ="
	    " 'schema_version'", -1, &st, NULL) != SQLITE_OK)
		switch (sqlite3_errcode(r->db)) {
		case SQLITE_NOTADB:
			return "not a database (corrupt or another kind of"
			    " file)";
		case SQLITE_CORRUPT:
			return "the database is corrupt";
		case SQLITE_IOERR:
			return "cannot read the database (I/O error)";
		default:
			return "not a kuaibao database";
		}
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return "the database is corrupt";
	if (v < 0)
		return "not a kuaibao database";
	if (v > DB_SCHEMA_VERSION)
		return "made by a newer kuaibao-import; upgrade kuaibao";
	if (v < DB_SCHEMA_VERSION)
		return "made by an older kuaibao-import; rebuild it with"
		    " kuaibao-import --new";
	if (sqlite3_prepare_v2(r->db, "SELECT rowid FROM main.fts WHERE fts"
	    " MATCH 'kuaibao' LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return "the full-text index is missing; rebuild the database";
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return "the full-text index is damaged; rebuild the database";
	if (sqlite3_exec(r->db, "SELECT id FROM main.issues LIMIT 1", NULL,
	    NULL, NULL) != SQLITE_OK)
		return "the database is damaged";
	return NULL;
}

/*
 * path as a URI file name: every byte but the unreserved and '/' is
 * percent-encoded, or a '#' or '?' in a directory's name would end the
 * path and pass the rest as parameters.  The caller frees.
 */
static char *
file_uri(const char *path, const char *params)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = { 0 };
	const unsigned char *p;

	/* "file:" and an authority, empty: "file://" + "/a" */
	buf_adds(&b, path[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			buf_addc(&b, (char)*p);
		else {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*p >> 4]);
			buf_addc(&b, hex[*p & 15]);
		}
	buf_printf(&b, "?%s", params);
	return buf_take(&b);
}

struct dbr *
dbr_open(const char *path, const char *state, char **err, char **warning)
{
	struct dbr *r;
	struct stat sb;
	char *uri, real[PATH_MAX];
	const char *why;

	*err = *warning = NULL;
	if (stat(path, &sb) == -1) {
		*err = xasprintf("%s: no such database (build one with"
		    " kuaibao-import, or give -d DB)", path);
		return NULL;
	}
	if (!S_ISREG(sb.st_mode) || sb.st_size == 0) {
		*err = xasprintf("%s: %s", path, S_ISREG(sb.st_mode) ?
		    "empty file, not a database" : "not a regular file");
		return NULL;
	}
	if (access(path, R_OK) == -1) {
		*err = xasprintf("%s: permission denied: the database cannot"
		    " be read", path);
		return NULL;
	}
	if (truncated(path)) {
		*err = xasprintf("%s: truncated: the file is shorter than the"
		    " database it holds (an incomplete copy?)", path);
		return NULL;
	}
	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(realpath(path, real) ? real : path);
	/*
	 * immutable: no locks, no journal checks; it is replaced by rename.
	 * READWRITE is for the attached state database (main is mode=ro),
	 * which is made beforehand: SQLite creates no file but its WAL.
	 */
	uri = file_uri(r->path, "mode=ro&immutable=1");
	if (sqlite3_open_v2(uri, &r->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: %s", path, sqlite3_errmsg(r->db));
		free(uri);
		dbr_close(r);
		return NULL;
	}
	free(uri);
	sqlite3_busy_timeout(r->db, 3000);
	sqlite3_exec(r->db, "PRAGMA cache_size = -1024", NULL, NULL, NULL);
	if (db_tokenizer_register(r->db) != SQLITE_OK) {
		*err = xasprintf("%s: cannot register the tokenizer", path);
		dbr_close(r);
		return NULL;
	}
	if ((why = check_schema(r)) != NULL) {
		*err = xasprintf("%s: %s", path, why);
		dbr_close(r);
		return NULL;
	}
	dbr_attach_state(r, state, warning);
	return r;
}

void
dbr_close(struct dbr *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < DBR_NSTMTS; i++) {
		sqlite3_finalize(r->stmts[i].st);
		free(r->stmts[i].sql);
	}
	sqlite3_close(r->db);
	free(r->path);
	free(r);
}

int
dbr_find(struct dbr *r, const char *key, struct article_row *row)
{
	struct article_row *rows;
	sqlite3_stmt *st;
	size_t n;

	if ((st = dbr_stmt(r, "SELECT a.id, a.issue_id, a.section_id, a.key,"
	    " a.title, NULL, k.read, k.flagged FROM articles a" ARTICLE_MARKS
	    " WHERE a.key = ?")) == NULL)
		return 0;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	n = dbr_article_rows(st, &rows);
	if (n == 0) {
		free(rows);
		return 0;
	}
	*row = rows[0];
	dbr_article_rows_free(rows + 1, n - 1);
	free(rows);
	return 1;
}

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
	    " " DB_GUIDE_STATUS " FROM articles a JOIN sections s ON s.id ="
	    " a.section_id JOIN issues i ON i.id = a.issue_id WHERE a.id = ?",
	    id);
	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return 0;
	a->id = id;
	a->key = dbr_col_text(st, 0);
	a->title = dbr_col_text(st, 1);
	a->date = dbr_col_text(st, 2);
	a->date_text = dbr_col_text(st, 3);
	a->authors = dbr_col_text(st, 4);
	a->section = dbr_col_text(st, 5);
	a->issue_title = dbr_col_text(st, 6);
	a->issue_date = dbr_col_text(st, 7);
	a->issue_number = dbr_col_text(st, 8);
	a->issue_year = sqlite3_column_int(st, 9);
	a->guide = sqlite3_column_int(st, 10);
	sqlite3_reset(st);

	cap = 0;
	st = part(r, "SELECT type, text FROM blocks WHERE id "
	    DB_BLOCKS_OF_ARTICLE " ORDER BY id", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		b.type = t == NULL ? BLOCK_PARAGRAPH : *t == 'h' ?
		    BLOCK_HEADING : *t == 't' ? BLOCK_TABLE : BLOCK_PARAGRAPH;
		b.text = dbr_col_text(st, 1);
		if (b.text == NULL)
			b.text = xstrdup("");
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
		if (fn.text == NULL)
			fn.text = xstrdup("");
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
		if (fd.name == NULL || fd.value == NULL) {
			free(fd.name);
			free(fd.value);
			continue;
		}
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
		if (a->countries[a->ncountries] == NULL)
			continue;
		a->subject[a->ncountries++] = sqlite3_column_int(st, 1) == 0;
	}
	st = part(r, "SELECT t.name FROM article_themes at JOIN"
	    " themes t ON t.id = at.theme_id WHERE at.article_id = ? ORDER BY"
	    " at.rank", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		a->themes = xreallocarray(a->themes, a->nthemes + 1,
		    sizeof(*a->themes));
		if ((a->themes[a->nthemes] = dbr_col_text(st, 0)) != NULL)
			a->nthemes++;
	}
	return 1;
}

static size_t
choices(struct dbr *r, const char *sql, struct choice **out)
{
	sqlite3_stmt *st;
	struct choice c;
	size_t n, cap;

	*out = NULL;
	n = cap = 0;
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		c.id = sqlite3_column_int64(st, 0);
		c.name = dbr_col_text(st, 1);
		c.code = dbr_col_text(st, 2);
		c.iso3 = dbr_col_text(st, 3);
		c.english = dbr_col_text(st, 4);
		c.n = sqlite3_column_int(st, 5);
		c.nall = sqlite3_column_int(st, 6);
		if (c.name == NULL) {
			free(c.code);
			free(c.iso3);
			free(c.english);
			continue;
		}
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
	return choices(r, "SELECT id, name, NULL, NULL, NULL, narticles,"
	    " narticles FROM themes WHERE narticles > 0 ORDER BY narticles"
	    " DESC, id", out);
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
dbr_section_rows_free(struct section_row *v, size_t n)
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
	free(a->section);
	free(a->issue_title);
	free(a->issue_date);
	free(a->issue_number);
	doc_text_free(a->blocks, a->nblocks, a->notes, a->nnotes, a->fields,
	    a->nfields);
	free_strings(a->countries, a->ncountries);
	free(a->subject);
	free_strings(a->themes, a->nthemes);
	memset(a, 0, sizeof(*a));
}


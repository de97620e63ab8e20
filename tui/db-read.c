/* The reader's queries: one connection, statements prepared once. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "db-read.h"
#include "db-schema.h"
#include "db-tokenizer.h"
#include "text.h"
#include "xmalloc.h"

enum query {
	Q_ISSUES, Q_ISSUE_COUNT, Q_SECTIONS, Q_ARTICLES, Q_SEARCH,
	Q_SEARCH_COUNT, Q_NQUERY
};
#define NMASKS	16	/* combinations of the four filters */

struct dbr {
	sqlite3		*db;
	char		*path;		/* canonical: keys the saved position */
	sqlite3_stmt	*cache[Q_NQUERY][NMASKS];
	sqlite3_stmt	*article, *blocks, *notes, *fields, *countries,
			*themes, *find, *mark_get, *mark_set, *pos_get,
			*pos_set;
};

static const char state_schema[] =
	"CREATE TABLE IF NOT EXISTS st.marks("
	"  key TEXT PRIMARY KEY,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  flagged INTEGER NOT NULL DEFAULT 0,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS st.positions("
	"  db TEXT PRIMARY KEY,"
	"  article TEXT NOT NULL,"
	"  place INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;";

static char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s;

	s = sqlite3_column_text(st, i);
	return s == NULL ? NULL : xstrdup((const char *)s);
}

static sqlite3_stmt *
prepare(struct dbr *r, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v3(r->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK)
		return NULL;
	return st;
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
truncated(const char *path, off_t size)
{
	unsigned char h[100];
	unsigned long pagesize, pages;
	FILE *fp;
	size_t n;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(h, 1, sizeof(h), fp);
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
	return (off_t)(pagesize * pages) > size;
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
	if (sqlite3_exec(r->db, "SELECT count(*) FROM main.issues", NULL,
	    NULL, NULL) != SQLITE_OK)
		return "the database is damaged";
	return NULL;
}

static void
attach_state(struct dbr *r, const char *state, char **warning)
{
	sqlite3_stmt *st;
	int ok;

	ok = 0;
	if (state != NULL && sqlite3_prepare_v2(r->db, "ATTACH ? AS st", -1,
	    &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		if (ok)
			ok = sqlite3_exec(r->db, "PRAGMA st.journal_mode = WAL;",
			    NULL, NULL, NULL) == SQLITE_OK &&
			    sqlite3_exec(r->db, state_schema, NULL, NULL,
			    NULL) == SQLITE_OK &&
			    sqlite3_exec(r->db, "SELECT count(*) FROM st.marks",
			    NULL, NULL, NULL) == SQLITE_OK;
		if (!ok) {
			*warning = xasprintf("%s: %s; marks will not be kept",
			    state, sqlite3_errmsg(r->db));
			sqlite3_exec(r->db, "DETACH st", NULL, NULL, NULL);
		}
	}
	if (!ok) {
		sqlite3_exec(r->db, "ATTACH ':memory:' AS st", NULL, NULL,
		    NULL);
		sqlite3_exec(r->db, state_schema, NULL, NULL, NULL);
	}
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
	if (truncated(path, sb.st_size)) {
		*err = xasprintf("%s: truncated: the file is shorter than the"
		    " database it holds (an incomplete copy?)", path);
		return NULL;
	}
	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(realpath(path, real) ? real : path);
	/* immutable: no locks, no journal checks; it is replaced by rename */
	uri = sqlite3_mprintf("file:%q?mode=ro&immutable=1", r->path);
	/* CREATE is for the attached state database; main is mode=ro */
	if (sqlite3_open_v2(uri, &r->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: %s", path, sqlite3_errmsg(r->db));
		sqlite3_free(uri);
		dbr_close(r);
		return NULL;
	}
	sqlite3_free(uri);
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
	attach_state(r, state, warning);
	return r;
}

void
dbr_close(struct dbr *r)
{
	int q, m;

	if (r == NULL)
		return;
	for (q = 0; q < Q_NQUERY; q++)
		for (m = 0; m < NMASKS; m++)
			sqlite3_finalize(r->cache[q][m]);
	sqlite3_finalize(r->article);
	sqlite3_finalize(r->blocks);
	sqlite3_finalize(r->notes);
	sqlite3_finalize(r->fields);
	sqlite3_finalize(r->countries);
	sqlite3_finalize(r->themes);
	sqlite3_finalize(r->find);
	sqlite3_finalize(r->mark_get);
	sqlite3_finalize(r->mark_set);
	sqlite3_finalize(r->pos_get);
	sqlite3_finalize(r->pos_set);
	sqlite3_close(r->db);
	free(r->path);
	free(r);
}

/* Filters as SQL on an articles row named a. */

static int
filter_mask(const struct filter *f)
{
	return (f->country ? 1 : 0) | (f->theme ? 2 : 0) |
	    (f->query ? 4 : 0) | (f->flagged ? 8 : 0);
}

static void
filter_sql(struct buf *b, int mask)
{
	if (mask & 1)
		buf_adds(b, " AND EXISTS (SELECT 1 FROM article_countries ac"
		    " WHERE ac.country_id = :country AND ac.article_id = a.id"
		    " AND ac.role <= :mentions)");
	if (mask & 2)
		buf_adds(b, " AND EXISTS (SELECT 1 FROM article_themes at"
		    " WHERE at.theme_id = :theme AND at.article_id = a.id)");
	if (mask & 4)
		buf_adds(b, " AND a.id IN (SELECT rowid FROM fts WHERE fts"
		    " MATCH :query)");
	if (mask & 8)
		buf_adds(b, " AND EXISTS (SELECT 1 FROM st.marks m WHERE"
		    " m.key = a.key AND m.flagged)");
}

static void
bind_name_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i;

	if ((i = sqlite3_bind_parameter_index(st, name)) > 0)
		sqlite3_bind_int64(st, i, v);
}

static void
filter_bind(sqlite3_stmt *st, const struct filter *f)
{
	int i;

	bind_name_int(st, ":country", f->country);
	bind_name_int(st, ":mentions", f->mentions ? 1 : 0);
	bind_name_int(st, ":theme", f->theme);
	if ((i = sqlite3_bind_parameter_index(st, ":query")) > 0)
		sqlite3_bind_text(st, i, f->query, -1, SQLITE_STATIC);
}

#define UNREAD(alias) \
	"NOT EXISTS (SELECT 1 FROM st.marks m WHERE m.key = " alias \
	".key AND m.read)"

/* The statement for a query under a filter, prepared on first use. */
static sqlite3_stmt *
cached(struct dbr *r, enum query q, const struct filter *f)
{
	struct buf b = { 0 };
	int mask;

	mask = filter_mask(f);
	if (r->cache[q][mask] != NULL) {
		sqlite3_reset(r->cache[q][mask]);
		sqlite3_clear_bindings(r->cache[q][mask]);
		filter_bind(r->cache[q][mask], f);
		return r->cache[q][mask];
	}
	switch (q) {
	case Q_ISSUES:
		buf_adds(&b, "SELECT i.id, i.day, i.key, i.title, i.date,"
		    " i.number, i.year, i.kind = 'guide', ");
		if (mask == 0)
			buf_adds(&b, "i.narticles, (SELECT count(*) FROM"
			    " articles a WHERE a.issue_id = i.id AND " UNREAD("a")
			    ") FROM issues i WHERE ");
		else {
			buf_adds(&b, "(SELECT count(*) FROM articles a WHERE"
			    " a.issue_id = i.id");
			filter_sql(&b, mask);
			buf_adds(&b, ") AS n, (SELECT count(*) FROM articles a"
			    " WHERE a.issue_id = i.id AND " UNREAD("a"));
			filter_sql(&b, mask);
			buf_adds(&b, ") FROM issues i WHERE n > 0 AND ");
		}
		buf_adds(&b, "(i.day, i.id) < (:day, :id) ORDER BY i.day DESC,"
		    " i.id DESC LIMIT :limit");
		break;
	case Q_ISSUE_COUNT:
		if (mask == 0)
			buf_adds(&b, "SELECT count(*) FROM issues");
		else {
			buf_adds(&b, "SELECT count(DISTINCT a.issue_id) FROM"
			    " articles a WHERE 1");
			filter_sql(&b, mask);
		}
		break;
	case Q_SECTIONS:
		buf_adds(&b, "SELECT s.id, s.name, (SELECT count(*) FROM"
		    " articles a WHERE a.section_id = s.id");
		filter_sql(&b, mask);
		buf_adds(&b, ") AS n, (SELECT count(*) FROM articles a WHERE"
		    " a.section_id = s.id AND " UNREAD("a"));
		filter_sql(&b, mask);
		buf_adds(&b, ") FROM sections s WHERE s.issue_id = :parent AND"
		    " n > 0 ORDER BY s.pos");
		break;
	case Q_ARTICLES:
		buf_adds(&b, "SELECT a.id, a.issue_id, a.section_id, a.key,"
		    " a.title, NULL FROM articles a WHERE a.section_id = :parent");
		filter_sql(&b, mask);
		buf_adds(&b, " ORDER BY a.id");
		break;
	case Q_SEARCH:
		buf_adds(&b, "SELECT a.id, a.issue_id, a.section_id, a.key,"
		    " a.title, coalesce(i.date, i.year) FROM (SELECT rowid AS"
		    " id FROM fts WHERE fts MATCH :query ORDER BY rowid DESC)"
		    " f JOIN articles a ON a.id = f.id JOIN issues i ON i.id ="
		    " a.issue_id WHERE 1");
		filter_sql(&b, mask & ~4);
		buf_adds(&b, " ORDER BY f.id DESC LIMIT :limit OFFSET :offset");
		break;
	case Q_SEARCH_COUNT:
		buf_adds(&b, "SELECT count(*) FROM (SELECT rowid AS id FROM fts"
		    " WHERE fts MATCH :query) f JOIN articles a ON a.id = f.id"
		    " WHERE 1");
		filter_sql(&b, mask & ~4);
		break;
	default:
		break;
	}
	r->cache[q][mask] = prepare(r, buf_str(&b));
	buf_free(&b);
	if (r->cache[q][mask] != NULL)
		filter_bind(r->cache[q][mask], f);
	return r->cache[q][mask];
}

size_t
dbr_issue_count(struct dbr *r, const struct filter *f)
{
	sqlite3_stmt *st;
	size_t n;

	if ((st = cached(r, Q_ISSUE_COUNT, f)) == NULL)
		return 0;
	n = sqlite3_step(st) == SQLITE_ROW ?
	    (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

size_t
dbr_issues(struct dbr *r, const struct filter *f,
    const struct issue_row *after, size_t limit, struct issue_row **out)
{
	sqlite3_stmt *st;
	struct issue_row row;
	size_t n, cap;

	*out = NULL;
	if ((st = cached(r, Q_ISSUES, f)) == NULL)
		return 0;
	bind_name_int(st, ":day", after ? after->day : INT64_MAX);
	bind_name_int(st, ":id", after ? after->id : INT64_MAX);
	bind_name_int(st, ":limit", (int64_t)limit);
	n = cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.day = sqlite3_column_int64(st, 1);
		row.key = col_text(st, 2);
		row.title = col_text(st, 3);
		row.date = col_text(st, 4);
		row.number = col_text(st, 5);
		row.year = sqlite3_column_int(st, 6);
		row.guide = sqlite3_column_int(st, 7);
		row.n = sqlite3_column_int(st, 8);
		row.unread = sqlite3_column_int(st, 9);
		VEC_PUSH(*out, n, cap, row);
	}
	sqlite3_reset(st);
	return n;
}

size_t
dbr_sections(struct dbr *r, int64_t issue, const struct filter *f,
    struct section_row **out)
{
	sqlite3_stmt *st;
	struct section_row row;
	size_t n, cap;

	*out = NULL;
	if ((st = cached(r, Q_SECTIONS, f)) == NULL)
		return 0;
	bind_name_int(st, ":parent", issue);
	n = cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.name = col_text(st, 1);
		row.n = sqlite3_column_int(st, 2);
		row.unread = sqlite3_column_int(st, 3);
		VEC_PUSH(*out, n, cap, row);
	}
	sqlite3_reset(st);
	return n;
}

static size_t
article_rows(struct dbr *r, sqlite3_stmt *st, struct article_row **out)
{
	struct article_row row;
	size_t n, cap;

	*out = NULL;
	n = cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.issue = sqlite3_column_int64(st, 1);
		row.section = sqlite3_column_int64(st, 2);
		row.key = col_text(st, 3);
		row.title = col_text(st, 4);
		row.date = col_text(st, 5);
		VEC_PUSH(*out, n, cap, row);
	}
	sqlite3_reset(st);
	for (cap = 0; cap < n; cap++)
		dbr_marks(r, (*out)[cap].key, &(*out)[cap].read,
		    &(*out)[cap].flagged);
	return n;
}

size_t
dbr_articles(struct dbr *r, int64_t section, const struct filter *f,
    struct article_row **out)
{
	sqlite3_stmt *st;

	*out = NULL;
	if ((st = cached(r, Q_ARTICLES, f)) == NULL)
		return 0;
	bind_name_int(st, ":parent", section);
	return article_rows(r, st, out);
}

/* The words of what was typed (split at spaces, U+3000 too). */
static size_t
words(const char *typed, char ***out)
{
	const char *p, *start;
	uint32_t c;
	size_t n;
	int len;

	*out = NULL;
	n = 0;
	for (p = typed; *p != '\0'; ) {
		c = text_first(p, strlen(p), &len);
		if (len <= 0 || text_is_space(c)) {
			p += len > 0 ? len : 1;
			continue;
		}
		for (start = p; *p != '\0'; p += len) {
			c = text_first(p, strlen(p), &len);
			if (len <= 0 || text_is_space(c))
				break;
		}
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n++] = xstrndup(start, (size_t)(p - start));
	}
	return n;
}

static void
free_words(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

struct qctx {
	struct buf	*b;
	int		 ntok;
};

static int
add_token(void *arg, const char *tok, int len, int start, int end)
{
	struct qctx *q = arg;
	int i;

	(void)start;
	(void)end;
	if (q->b->len > 0)
		buf_addc(q->b, ' ');
	buf_addc(q->b, '"');
	for (i = 0; i < len; i++) {
		if (tok[i] == '"')
			buf_addc(q->b, '"');
		buf_addc(q->b, tok[i]);
	}
	buf_addc(q->b, '"');
	q->ntok++;
	return 0;
}

/* A word of Chinese only, three characters or more. */
static int
long_cjk(const char *w)
{
	const char *p;
	uint32_t c;
	int n, chars;

	for (p = w, chars = 0; *p != '\0'; p += n, chars++) {
		c = text_first(p, strlen(p), &n);
		if (n <= 0 || !text_is_cjk(c))
			return 0;
	}
	return chars >= 3;
}

/*
 * What the user typed, as an FTS5 query: every token of every word
 * must occur (the index has no positions, so the bigrams of a longer
 * word are ANDed; dbr_search checks the word itself).  Tokens are
 * quoted, so nothing typed is FTS5 syntax; a single Chinese character
 * is a prefix query, since the index holds bigrams.
 */
char *
dbr_fts_query(const char *typed)
{
	struct buf b = { 0 };
	struct qctx q;
	char **w;
	size_t n, i;
	uint32_t c;
	int len;

	n = words(typed, &w);
	q.b = &b;
	for (i = 0; i < n; i++) {
		q.ntok = 0;
		db_tokenize(w[i], (int)strlen(w[i]), 1, add_token, &q);
		c = text_first(w[i], strlen(w[i]), &len);
		if (q.ntok == 1 && w[i][len] == '\0' && text_is_cjk(c))
			buf_adds(&b, " *");
	}
	free_words(w, n);
	return b.len ? buf_take(&b) : NULL;
}

/*
 * The statement for the results (or their count): newest first and,
 * for the longer Chinese words whose bigrams the index only ANDs, only
 * the articles that hold the word itself.  Without such words it is a
 * cached statement; with them, one to finalize (*owned set).
 */
static sqlite3_stmt *
search_stmt(struct dbr *r, const struct filter *f, int count, int *owned)
{
	struct buf b = { 0 };
	sqlite3_stmt *st;
	char **w, name[32];
	size_t n, i, k;

	*owned = 0;
	if (f->query == NULL)
		return NULL;
	w = NULL;
	n = f->typed ? words(f->typed, &w) : 0;
	for (i = k = 0; i < n; i++)
		k += long_cjk(w[i]);
	if (k == 0) {
		free_words(w, n);
		return cached(r, count ? Q_SEARCH_COUNT : Q_SEARCH, f);
	}
	buf_adds(&b, count ? "SELECT count(*)" : "SELECT a.id, a.issue_id,"
	    " a.section_id, a.key, a.title, coalesce(i.date, i.year)");
	buf_adds(&b, " FROM (SELECT rowid AS id FROM fts WHERE fts MATCH"
	    " :query ORDER BY rowid DESC) f JOIN articles a ON a.id = f.id"
	    " JOIN issues i ON i.id = a.issue_id WHERE 1");
	filter_sql(&b, filter_mask(f) & ~4);
	for (i = 0; i < n; i++)
		if (long_cjk(w[i]))
			buf_printf(&b, " AND (instr(a.title, :v%zu) OR EXISTS"
			    " (SELECT 1 FROM blocks b WHERE b.id BETWEEN a.id <<"
			    " 16 AND (a.id << 16) + 65535 AND instr(b.text,"
			    " :v%zu)) OR EXISTS (SELECT 1 FROM footnotes n WHERE"
			    " n.article_id = a.id AND instr(n.text, :v%zu)) OR"
			    " EXISTS (SELECT 1 FROM fields d WHERE d.article_id ="
			    " a.id AND instr(d.value, :v%zu)))", i, i, i, i);
	if (!count)
		buf_adds(&b, " ORDER BY f.id DESC LIMIT :limit OFFSET :offset");
	st = NULL;
	if (sqlite3_prepare_v2(r->db, buf_str(&b), -1, &st, NULL) ==
	    SQLITE_OK) {
		filter_bind(st, f);
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), ":v%zu", i);
			if ((k = (size_t)sqlite3_bind_parameter_index(st,
			    name)) > 0)
				sqlite3_bind_text(st, (int)k, w[i], -1,
				    SQLITE_TRANSIENT);
		}
		*owned = 1;
	}
	free_words(w, n);
	buf_free(&b);
	return st;
}

size_t
dbr_search(struct dbr *r, const struct filter *f, size_t offset,
    size_t limit, struct article_row **out)
{
	sqlite3_stmt *st;
	size_t rows;
	int owned;

	*out = NULL;
	if ((st = search_stmt(r, f, 0, &owned)) == NULL)
		return 0;
	bind_name_int(st, ":limit", (int64_t)limit);
	bind_name_int(st, ":offset", (int64_t)offset);
	rows = article_rows(r, st, out);
	if (owned)
		sqlite3_finalize(st);
	return rows;
}

size_t
dbr_search_count(struct dbr *r, const struct filter *f)
{
	sqlite3_stmt *st;
	size_t n;
	int owned;

	if ((st = search_stmt(r, f, 1, &owned)) == NULL)
		return 0;
	n = sqlite3_step(st) == SQLITE_ROW ?
	    (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (owned)
		sqlite3_finalize(st);
	return n;
}

int
dbr_find(struct dbr *r, const char *key, struct article_row *row)
{
	struct article_row *rows;
	size_t n;

	if (r->find == NULL && (r->find = prepare(r, "SELECT a.id,"
	    " a.issue_id, a.section_id, a.key, a.title, NULL FROM articles a"
	    " WHERE a.key = ?")) == NULL)
		return 0;
	sqlite3_bind_text(r->find, 1, key, -1, SQLITE_STATIC);
	n = article_rows(r, r->find, &rows);
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
part(struct dbr *r, sqlite3_stmt **st, const char *sql, int64_t id)
{
	if (*st == NULL && (*st = prepare(r, sql)) == NULL)
		return NULL;
	sqlite3_reset(*st);
	sqlite3_bind_int64(*st, 1, id);
	return *st;
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
	st = part(r, &r->article, "SELECT a.key, a.title, a.date, a.date_text,"
	    " a.authors, s.name, i.title, i.date, i.number, i.year,"
	    " i.kind = 'guide' FROM articles a JOIN sections s ON s.id ="
	    " a.section_id JOIN issues i ON i.id = a.issue_id WHERE a.id = ?",
	    id);
	if (st == NULL || sqlite3_step(st) != SQLITE_ROW)
		return 0;
	a->id = id;
	a->key = col_text(st, 0);
	a->title = col_text(st, 1);
	a->date = col_text(st, 2);
	a->date_text = col_text(st, 3);
	a->authors = col_text(st, 4);
	a->section = col_text(st, 5);
	a->issue_title = col_text(st, 6);
	a->issue_date = col_text(st, 7);
	a->issue_number = col_text(st, 8);
	a->issue_year = sqlite3_column_int(st, 9);
	a->guide = sqlite3_column_int(st, 10);
	sqlite3_reset(st);

	cap = 0;
	st = part(r, &r->blocks, "SELECT type, text FROM blocks WHERE id"
	    " BETWEEN ?1 << 16 AND (?1 << 16) + 65535 ORDER BY id", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		b.type = t == NULL ? BLOCK_PARAGRAPH : *t == 'h' ?
		    BLOCK_HEADING : *t == 't' ? BLOCK_TABLE : BLOCK_PARAGRAPH;
		b.text = col_text(st, 1);
		if (b.text == NULL)
			b.text = xstrdup("");
		b.line = 0;
		VEC_PUSH(a->blocks, a->nblocks, cap, b);
	}
	cap = 0;
	st = part(r, &r->notes, "SELECT n, text, urls FROM footnotes WHERE"
	    " article_id = ? ORDER BY seq", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		memset(&fn, 0, sizeof(fn));
		fn.n = sqlite3_column_int(st, 0);
		fn.text = col_text(st, 1);
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
	st = part(r, &r->fields, "SELECT name, value FROM fields WHERE"
	    " article_id = ? ORDER BY seq", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		fd.name = col_text(st, 0);
		fd.value = col_text(st, 1);
		if (fd.name == NULL || fd.value == NULL) {
			free(fd.name);
			free(fd.value);
			continue;
		}
		VEC_PUSH(a->fields, a->nfields, cap, fd);
	}
	st = part(r, &r->countries, "SELECT c.name, ac.role FROM"
	    " article_countries ac JOIN countries c ON c.id = ac.country_id"
	    " WHERE ac.article_id = ? ORDER BY ac.pos", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		a->countries = xreallocarray(a->countries, a->ncountries + 1,
		    sizeof(*a->countries));
		a->subject = xreallocarray(a->subject, a->ncountries + 1,
		    sizeof(*a->subject));
		a->countries[a->ncountries] = col_text(st, 0);
		if (a->countries[a->ncountries] == NULL)
			continue;
		a->subject[a->ncountries++] = sqlite3_column_int(st, 1) == 0;
	}
	st = part(r, &r->themes, "SELECT t.name FROM article_themes at JOIN"
	    " themes t ON t.id = at.theme_id WHERE at.article_id = ? ORDER BY"
	    " at.rank", id);
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		a->themes = xreallocarray(a->themes, a->nthemes + 1,
		    sizeof(*a->themes));
		if ((a->themes[a->nthemes] = col_text(st, 0)) != NULL)
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
		c.name = col_text(st, 1);
		c.code = col_text(st, 2);
		c.iso3 = col_text(st, 3);
		c.english = col_text(st, 4);
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

/* Per-user state. */

void
dbr_marks(struct dbr *r, const char *key, int *read, int *flagged)
{
	*read = *flagged = 0;
	if (r->mark_get == NULL && (r->mark_get = prepare(r, "SELECT read,"
	    " flagged FROM st.marks WHERE key = ?")) == NULL)
		return;
	sqlite3_bind_text(r->mark_get, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(r->mark_get) == SQLITE_ROW) {
		*read = sqlite3_column_int(r->mark_get, 0);
		*flagged = sqlite3_column_int(r->mark_get, 1);
	}
	sqlite3_reset(r->mark_get);
}

/* One statement per mark: another session's marks are never lost. */
void
dbr_mark(struct dbr *r, const char *key, int read, int flagged)
{
	if (r->mark_set == NULL && (r->mark_set = prepare(r, "INSERT INTO"
	    " st.marks(key, read, flagged, updated) VALUES (?1, ?2, ?3,"
	    " strftime('%s')) ON CONFLICT(key) DO UPDATE SET read = ?2,"
	    " flagged = ?3, updated = strftime('%s')")) == NULL)
		return;
	sqlite3_bind_text(r->mark_set, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(r->mark_set, 2, read);
	sqlite3_bind_int(r->mark_set, 3, flagged);
	sqlite3_step(r->mark_set);
	sqlite3_reset(r->mark_set);
}

void
dbr_save_position(struct dbr *r, const char *key, long long place)
{
	if (r->pos_set == NULL && (r->pos_set = prepare(r, "INSERT OR REPLACE"
	    " INTO st.positions(db, article, place, updated) VALUES (?, ?,"
	    " ?, strftime('%s'))")) == NULL)
		return;
	sqlite3_bind_text(r->pos_set, 1, r->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(r->pos_set, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(r->pos_set, 3, place);
	sqlite3_step(r->pos_set);
	sqlite3_reset(r->pos_set);
}

char *
dbr_load_position(struct dbr *r, long long *place)
{
	char *key;

	*place = 0;
	if (r->pos_get == NULL && (r->pos_get = prepare(r, "SELECT article,"
	    " place FROM st.positions WHERE db = ?")) == NULL)
		return NULL;
	sqlite3_bind_text(r->pos_get, 1, r->path, -1, SQLITE_STATIC);
	key = NULL;
	if (sqlite3_step(r->pos_get) == SQLITE_ROW) {
		key = col_text(r->pos_get, 0);
		*place = sqlite3_column_int64(r->pos_get, 1);
	}
	sqlite3_reset(r->pos_get);
	return key;
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
	size_t i, j;

	free(a->key);
	free(a->title);
	free(a->date);
	free(a->date_text);
	free(a->authors);
	free(a->section);
	free(a->issue_title);
	free(a->issue_date);
	free(a->issue_number);
	for (i = 0; i < a->nblocks; i++)
		free(a->blocks[i].text);
	free(a->blocks);
	for (i = 0; i < a->nnotes; i++) {
		free(a->notes[i].text);
		for (j = 0; j < a->notes[i].nurls; j++)
			free(a->notes[i].urls[j]);
		free(a->notes[i].urls);
	}
	free(a->notes);
	for (i = 0; i < a->nfields; i++) {
		free(a->fields[i].name);
		free(a->fields[i].value);
	}
	free(a->fields);
	for (i = 0; i < a->ncountries; i++)
		free(a->countries[i]);
	free(a->countries);
	free(a->subject);
	for (i = 0; i < a->nthemes; i++)
		free(a->themes[i]);
	free(a->themes);
	memset(a, 0, sizeof(*a));
}


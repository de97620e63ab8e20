/*
 * The reader's connection: opening and checking a database, and the
 * cache of prepared statements.  What is read through it is in the other
 * db-*.c files; the per-user state is attached by the caller
 * (db-state.c).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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
	/* reading a schema, when it is needed, counts as this query's */
	dbr_clock_start(r);
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
	return xstrdup(s == NULL ? "" : (const char *)s);
}

char *
dbr_col_opt(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	return dbr_col_text(st, i);
}

const char *
dbr_error(struct dbr *r)
{
	return sqlite3_errmsg(r->db);
}

/* How often (in virtual machine steps) a running query is looked at. */
#define PROGRESS_STEPS	100
/* What a query may still take once the reader is stopping. */
#define STOPPING_MS	100
/* The longest text or blob (bytes): a paragraph is a few thousand. */
#define MAX_LENGTH	(16 << 20)

double
dbr_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void
dbr_clock_start(struct dbr *r)
{
	r->started = dbr_now_ms();
}

/* A statement begins to run (SQLITE_TRACE_STMT): its clock starts. */
static int
on_trace(unsigned type, void *arg, void *p, void *x)
{
	(void)type;
	(void)p;
	(void)x;
	dbr_clock_start(arg);
	return 0;
}

/* Every PROGRESS_STEPS steps of a query: non-zero stops it. */
static int
on_progress(void *arg)
{
	struct dbr *r = arg;
	double now, limit;

	now = dbr_now_ms();
	limit = r->expired || (r->cancelled != NULL && r->cancelled()) ?
	    STOPPING_MS : r->limit_ms;
	if (now - r->started <= limit)
		return 0;
	if (limit == r->limit_ms)
		r->expired = 1;
	return 1;
}

void
dbr_set_time_limit(struct dbr *r, int ms)
{
	r->limit_ms = ms;
}

void
dbr_set_cancel(struct dbr *r, int (*cancelled)(void))
{
	r->cancelled = cancelled;
}

int
dbr_timed_out(struct dbr *r)
{
	return r->expired;
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

/*
 * A database made elsewhere may pass for ours while it is not: a view
 * or a virtual table where the reader reads a table (a view can run a
 * query for ever).  NULL or a message.
 */
static const char *
check_tables(struct dbr *r)
{
	static char why[128];
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(r->db, "SELECT name, type FROM main.sqlite_schema"
	    " WHERE name COLLATE NOCASE IN ('meta', 'issues', 'guides',"
	    " 'sections', 'articles', 'blocks', 'footnotes', 'fields',"
	    " 'countries', 'article_countries', 'themes', 'article_themes',"
	    " 'fts', 'fts_data', 'fts_idx', 'fts_config') AND (type = 'view'"
	    " OR (type = 'table' AND (sql LIKE 'CREATE VIRTUAL%') <> (name ="
	    " 'fts' COLLATE NOCASE))) LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return NULL;	/* check_schema tells what is wrong */
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(why, sizeof(why), "not a kuaibao database: its %.40s"
		    " is a %s, not a table", (const char *)sqlite3_column_text(
		    st, 0), strcmp((const char *)sqlite3_column_text(st, 1),
		    "view") == 0 ? "view" : "virtual table");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? why : NULL;
}

/*
 * Ids beyond those of db-schema.h, which the reader shifts, or country
 * and theme ids beyond DB_MAX_LIST_ID, which index an array: NULL or why.
 */
static const char *
check_ids(struct dbr *r)
{
	sqlite3_stmt *st;
	int bad;

	if (sqlite3_prepare_v2(r->db, "SELECT (SELECT min(id) FROM main.issues)"
	    " < 0 OR (SELECT max(id) FROM main.issues) > ?1 OR (SELECT min(id)"
	    " FROM main.articles) < 0 OR (SELECT max(id) FROM main.articles) >"
	    " ?2 OR (SELECT min(id) FROM main.countries) < 0 OR (SELECT max(id)"
	    " FROM main.countries) > ?3 OR (SELECT min(id) FROM main.themes) <"
	    " 0 OR (SELECT max(id) FROM main.themes) > ?3", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, DB_MAX_ISSUE);
	sqlite3_bind_int64(st, 2, DB_LAST_ARTICLE(DB_MAX_ISSUE));
	sqlite3_bind_int64(st, 3, DB_MAX_LIST_ID);
	bad = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return bad ? "not a kuaibao database: its ids are out of range" :
	    NULL;
}

/* Checks what a database must hold to be read; NULL or a message. */
static const char *
check_schema(struct dbr *r)
{
	sqlite3_stmt *st;
	const char *why;
	int v, rc;

	if ((why = check_tables(r)) != NULL)
		return why;
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
	if (v < DB_SCHEMA_OLDEST)
		return "made by an older kuaibao-import; rebuild it with"
		    " kuaibao-import --new";
	r->schema = v;
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
	return check_ids(r);
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

/*
 * The connection r just opened, set up to read a database that may
 * come from anyone (SQLite's "defense against the dark arts"): no
 * schema may call functions with side effects, no value is longer than
 * MAX_LENGTH, every query has a time limit; then checked.  r, or NULL
 * with *err set (r is closed).
 */
static struct dbr *
guard(struct dbr *r, const char *path, char **err)
{
	const char *why;

	sqlite3_db_config(r->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(r->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_limit(r->db, SQLITE_LIMIT_LENGTH, MAX_LENGTH);
	r->limit_ms = DBR_TIME_LIMIT_MS;
	dbr_clock_start(r);
	sqlite3_progress_handler(r->db, PROGRESS_STEPS, on_progress, r);
	sqlite3_trace_v2(r->db, SQLITE_TRACE_STMT, on_trace, r);
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
	return r;
}

struct dbr *
dbr_open(const char *path, char **err)
{
	struct dbr *r;
	struct stat sb;
	char *uri, real[PATH_MAX];

	*err = NULL;
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
	 * READWRITE is for a state database the caller may attach (main is
	 * mode=ro), which is made beforehand: SQLite creates no file but
	 * its WAL.
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
	return guard(r, path, err);
}

struct dbr *
dbr_open_image(const void *image, size_t size, char **err)
{
	struct dbr *r;
	unsigned char *copy;

	*err = NULL;
	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(":image:");
	if (sqlite3_open_v2(":memory:", &r->db, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK || (copy = sqlite3_malloc64(size ? size :
	    1)) == NULL) {
		*err = xasprintf("%s: %s", r->path, sqlite3_errmsg(r->db));
		dbr_close(r);
		return NULL;
	}
	memcpy(copy, image, size);
	if (sqlite3_deserialize(r->db, "main", copy, (sqlite3_int64)size,
	    (sqlite3_int64)size, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
		*err = xasprintf("%s: %s", r->path, sqlite3_errmsg(r->db));
		dbr_close(r);
		return NULL;
	}
	return guard(r, r->path, err);
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

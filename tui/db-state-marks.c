/*
 * Read and flagged marks, by article key, and finding unread articles.
 * An article without a mark is unread unless its issue is dated before
 * the state's read-before day (meta "read_before", counted as issues.day
 * counts days): a fresh state starts with every issue but the newest
 * read, and "everything read" moves the day, so neither writes a row
 * per article.  Since article ids sort by issue day (db-schema.h), the
 * day is an id: articles below it are read but for the few marked
 * unread, which an index of their own lists.
 */
#include <stdlib.h>
#include <string.h>

#include "db-read.h"
#include "db-read-int.h"
#include "db-schema.h"
#include "db-state.h"
#include "db-state-int.h"
#include "xmalloc.h"

const char dbr_marks_schema[] =
	"CREATE TABLE IF NOT EXISTS st.marks("
	"  key TEXT PRIMARY KEY,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  flagged INTEGER NOT NULL DEFAULT 0,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS st.marks_unread ON marks(key)"
	"  WHERE read = 0;"
	"CREATE TABLE IF NOT EXISTS st.meta("
	"  name TEXT PRIMARY KEY,"
	"  value) WITHOUT ROWID;";

static const struct dbr_change_type mark_change = {
	"marks", dbr_marks_schema, {
	"INSERT INTO st.marks(key, read, flagged, updated) VALUES (:key, :a,"
	" :b, strftime('%s')) ON CONFLICT(key) DO UPDATE SET read = :a,"
	" flagged = :b, updated = strftime('%s')", NULL }, 1
};

/* everything marked unread, read (with a new read-before day) */
static const struct dbr_change_type all_read_change = {
	"marks", dbr_marks_schema, {
	"UPDATE st.marks SET read = 1, updated = strftime('%s') WHERE"
	" read = 0", NULL }, 0
};

static const struct dbr_change_type read_before_change = {
	"read-before day", dbr_marks_schema, {
	"INSERT OR REPLACE INTO st.meta(name, value) VALUES ('read_before',"
	" :a)", NULL }, 1
};

/* The first article id of the issues of day. */
static int64_t
day_id(int64_t day)
{
	if (day > DB_MAX_DAY)	/* a state that says so is not ours */
		day = DB_MAX_DAY;
	return day <= 0 ? 0 : DB_FIRST_ARTICLE(day << DB_SLOT_BITS);
}

/* The day of the newest issue, or 0 when there is none. */
static int64_t
newest_day(struct dbr *r)
{
	sqlite3_stmt *st;
	int64_t id;

	if ((st = dbr_stmt(r, "SELECT max(id) FROM main.issues")) == NULL)
		return 0;
	id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id > 0 ? id >> DB_SLOT_BITS : 0;
}

static void
set_read_before(struct dbr *r, int64_t day)
{
	r->read_before = day_id(day);
	dbr_state_change(r, &read_before_change, NULL, NULL, day, 0);
}

/* The marks not yet written over rows read from st (r->overlay). */
static void
overlay(struct dbr *r, struct article_row *rows, size_t n)
{
	size_t i;

	if (r->state == NULL || r->state->n == 0)
		return;
	for (i = 0; i < n; i++)
		if (rows[i].key != NULL)
			dbr_marks_queued(r, rows[i].key, &rows[i].read,
			    &rows[i].flagged);
}

void
dbr_marks_start(struct dbr *r)
{
	sqlite3_stmt *st;
	int64_t day;
	int found, reader;

	r->overlay = overlay;
	found = 0;
	day = 0;
	if ((st = dbr_stmt(r, "SELECT value FROM st.meta WHERE name ="
	    " 'read_before'")) != NULL) {
		if ((found = sqlite3_step(st) == SQLITE_ROW))
			day = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (found) {
		r->read_before = day_id(day);
		return;
	}
	/* a state that has read something is asked (dbr_read_older) */
	reader = 1;
	if ((st = dbr_stmt(r, "SELECT 1 FROM st.marks WHERE read LIMIT 1")) !=
	    NULL) {
		reader = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	if (reader)
		r->state->undecided = 1;
	else
		set_read_before(r, newest_day(r));
}

int
dbr_marks_undecided(struct dbr *r)
{
	return r->state != NULL && r->state->undecided;
}

void
dbr_read_older(struct dbr *r, int yes)
{
	if (r->state == NULL)
		return;
	r->state->undecided = 0;
	set_read_before(r, yes ? newest_day(r) : 0);
}

void
dbr_marks_queued(struct dbr *r, const char *key, int *read, int *flagged)
{
	const struct dbr_state *s = r->state;
	size_t i;
	int all;

	all = 0;
	for (i = s != NULL ? s->n : 0; i > 0; i--) {
		if (s->v[i - 1].type == &all_read_change)
			all = 1;
		else if (s->v[i - 1].type == &mark_change && key != NULL &&
		    strcmp(s->v[i - 1].key, key) == 0) {
			*read = all || s->v[i - 1].a;
			*flagged = (int)s->v[i - 1].b;
			return;
		}
	}
	if (all)
		*read = 1;
}

void
dbr_marks(struct dbr *r, const char *key, int *read, int *flagged)
{
	sqlite3_stmt *st;

	*read = *flagged = 0;
	if ((st = dbr_stmt(r, "SELECT " ARTICLE_READ ", k.flagged FROM"
	    " articles a" ARTICLE_MARKS " WHERE a.key = :key")) != NULL) {
		dbr_bind_text(st, ":key", key);
		dbr_bind_int(st, ":read_before", r->read_before);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*read = sqlite3_column_int(st, 0);
			*flagged = sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
	}
	dbr_marks_queued(r, key, read, flagged);
}

void
dbr_mark(struct dbr *r, const char *key, int read, int flagged)
{
	if (key == NULL)
		return;
	dbr_state_change(r, &mark_change, key, NULL, read, flagged);
}

void
dbr_mark_all_read(struct dbr *r)
{
	int64_t day;

	if ((day = newest_day(r)) <= 0)
		return;
	dbr_state_hold(r, 1);
	if (day_id(day + 1) > r->read_before)
		set_read_before(r, day + 1);
	dbr_state_change(r, &all_read_change, NULL, NULL, 0, 0);
	dbr_state_hold(r, 0);
}

/*
 * Below the read-before id: the articles marked unread, from lo to hi,
 * the first (dir 1) or the last passing f; 0 when none.
 */
static int64_t
marked_unread(struct dbr *r, const struct filter *f, int64_t lo,
    int64_t hi, int dir)
{
	sqlite3_stmt *st;
	int64_t *ids, id;
	size_t n, cap, i;
	char *key;
	int read, flagged;

	if (lo > hi)
		return 0;
	/* the few unread marks lead: the index is theirs */
	st = dbr_stmt(r, dir > 0 ? "SELECT a.id, a.key FROM st.marks k"
	    " INDEXED BY marks_unread CROSS JOIN articles a ON a.key = k.key"
	    " WHERE k.read = 0 AND a.id BETWEEN :lo AND :hi ORDER BY a.id" :
	    "SELECT a.id, a.key FROM st.marks k INDEXED BY marks_unread"
	    " CROSS JOIN articles a ON a.key = k.key WHERE k.read = 0 AND"
	    " a.id BETWEEN :lo AND :hi ORDER BY a.id DESC");
	if (st == NULL)
		return 0;
	dbr_bind_int(st, ":lo", lo);
	dbr_bind_int(st, ":hi", hi);
	ids = NULL;
	n = cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		key = dbr_col_opt(st, 1);
		read = 0;
		if (key != NULL)
			dbr_marks_queued(r, key, &read, &flagged);
		free(key);
		if (!read)
			VEC_PUSH(ids, n, cap, sqlite3_column_int64(st, 0));
	}
	sqlite3_reset(st);
	id = 0;
	for (i = 0; i < n && id == 0; i++)
		if (!dbr_filtered(f) || dbr_passes(r, f, ids[i]))
			id = ids[i];
	free(ids);
	return id;
}

/* From the read-before id up: every article, the marks not yet written
 * taken into account. */
static int64_t
walked_unread(struct dbr *r, const struct filter *f, int64_t lo, int64_t hi,
    int dir)
{
	int64_t id;
	char *key;
	int read, flagged;

	while ((id = dbr_unread_in(r, f, lo, hi, dir)) != 0) {
		if (r->state->n == 0 || (key = dbr_article_key(r, id)) == NULL)
			return id;
		read = 0;
		dbr_marks_queued(r, key, &read, &flagged);
		free(key);
		if (!read)
			return id;
		if (dir > 0)
			lo = id + 1;
		else
			hi = id - 1;
	}
	return 0;
}

/* The first (dir 1) or last unread article passing f from lo to hi. */
static int64_t
unread_between(struct dbr *r, const struct filter *f, int64_t lo,
    int64_t hi, int dir)
{
	int64_t rb = r->read_before, id;

	if (dir > 0) {
		if ((id = marked_unread(r, f, lo, hi < rb ? hi : rb - 1, 1)))
			return id;
		return walked_unread(r, f, lo > rb ? lo : rb, hi, 1);
	}
	if ((id = walked_unread(r, f, lo > rb ? lo : rb, hi, -1)))
		return id;
	return marked_unread(r, f, lo, hi < rb ? hi : rb - 1, -1);
}

int64_t
dbr_next_unread(struct dbr *r, const struct filter *f, int64_t from,
    int dir)
{
	int64_t id, first, last;

	if (r->state == NULL)
		return 0;
	if (f->query != NULL)	/* results: newest first, one list */
		return dir > 0 ? unread_between(r, f, 0, from > 0 ? from - 1 :
		    INT64_MAX, -1) : from > 0 ? unread_between(r, f, from + 1,
		    INT64_MAX, 1) : 0;
	/* the tree: issues newest first, an issue's articles in order */
	first = from > 0 ? DB_FIRST_ARTICLE(DB_ISSUE_OF(from)) : 0;
	last = from > 0 ? DB_LAST_ARTICLE(DB_ISSUE_OF(from)) : 0;
	if (dir > 0) {
		if (from > 0 && (id = unread_between(r, f, from + 1, last, 1)))
			return id;
		if ((id = unread_between(r, f, 0, from > 0 ? first - 1 :
		    INT64_MAX, -1)) == 0)
			return 0;
		return unread_between(r, f, DB_FIRST_ARTICLE(DB_ISSUE_OF(id)),
		    id, 1);
	}
	if (from == 0)
		return 0;
	if ((id = unread_between(r, f, first, from - 1, -1)))
		return id;
	if ((id = unread_between(r, f, last + 1, INT64_MAX, 1)) == 0)
		return 0;
	return unread_between(r, f, id, DB_LAST_ARTICLE(DB_ISSUE_OF(id)), -1);
}

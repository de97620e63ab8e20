/*
 * The per-user state database: finding a safe file, attaching it as
 * "st", and writing changes without ever waiting for it.  Every change
 * goes into a queue, and the queue is written in one short transaction
 * at once; when another process holds the lock (a second reader in the
 * middle of a write waits a little; anything longer is left) or the
 * write fails, the queue stays in memory, the readers look in it before
 * the database, and dbr_state_retry tries again between keys.  WAL lets
 * two sessions of one user read while the other writes; each change is
 * a statement of its own, so neither loses the other's.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "db-read.h"
#include "db-read-int.h"
#include "db-state.h"
#include "db-state-int.h"
#include "fsutil.h"
#include "xmalloc.h"

#define WAIT_MS		50	/* for another session's write, when all is well */
#define RETRY_MS	500	/* between tries while changes wait */

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Whether the state's first tables are there and can be read. */
static int
readable(struct dbr *r)
{
	return sqlite3_exec(r->db, "SELECT 1 FROM st.marks, st.positions"
	    " LIMIT 1", NULL, NULL, NULL) == SQLITE_OK;
}

/*
 * The state file to use for path, in its real directory (*real, which
 * the caller frees), made if it is missing; NULL, or why it cannot be
 * used.  Another user who could write in its directory could
 * put a link there to a file of ours, which SQLite would switch to WAL
 * and write marks into: the directory must be ours alone, and the file a
 * plain file of ours.
 */
static char *
state_file(const char *path, char **real)
{
	char dir[PATH_MAX], *d, *b, *why;
	const char *given;
	struct stat sb;
	int fd;

	*real = NULL;
	d = xstrdup(path);
	b = xstrdup(path);
	given = dirname(d);
	why = NULL;
	if (realpath(given, dir) == NULL)
		why = xasprintf("%s: %s", given, strerror(errno));
	else if ((why = fs_unsafe_dir(dir)) == NULL) {
		*real = xasprintf("%s/%s", dir, basename(b));
		fd = open(*real, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd != -1)
			close(fd);
		if (fd == -1 && errno != EEXIST)
			why = xasprintf("%s: %s", *real, strerror(errno));
		else if (lstat(*real, &sb) == -1)
			why = xasprintf("%s: %s", *real, strerror(errno));
		else if (S_ISLNK(sb.st_mode))
			why = xasprintf("%s: a symbolic link, not followed",
			    *real);
		else if (!S_ISREG(sb.st_mode))
			why = xasprintf("%s: not a regular file", *real);
		else if (sb.st_uid != geteuid())
			why = xasprintf("%s: owned by uid %lu, not by you",
			    *real, (unsigned long)sb.st_uid);
	}
	free(d);
	free(b);
	return why;
}

/*
 * The tables every state has from its start; 0 when they could not be
 * made (an old state that is locked: they are made with its first
 * write).  The history and the views are made here too, when they can
 * be: made at the first prompt or view instead, they would change the
 * schema under every prepared statement in the middle of a key.
 */
static int
make_tables(struct dbr *r)
{
	int ok;

	ok = sqlite3_exec(r->db, dbr_marks_schema, NULL, NULL, NULL) ==
	    SQLITE_OK && sqlite3_exec(r->db, dbr_places_schema, NULL, NULL,
	    NULL) == SQLITE_OK && sqlite3_exec(r->db, dbr_settings_schema,
	    NULL, NULL, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_exec(r->db, dbr_history_schema, NULL, NULL, NULL);
		sqlite3_exec(r->db, dbr_views_schema, NULL, NULL, NULL);
	}
	return ok;
}

/* Attaches the file; NULL, or why it cannot be used. */
static char *
attach_file(struct dbr *r, const char *path)
{
	sqlite3_stmt *st;
	char *real, *why;
	int ok;

	if ((why = state_file(path, &real)) != NULL)
		return why;
	ok = 0;
	if (sqlite3_prepare_v2(r->db, "ATTACH ? AS st", -1, &st, NULL) ==
	    SQLITE_OK) {
		/* the connection follows no link (SQLITE_OPEN_NOFOLLOW) */
		sqlite3_bind_text(st, 1, real, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
	}
	/* made once; WAL is kept in the file */
	if (ok && !readable(r))
		ok = sqlite3_exec(r->db, "PRAGMA st.journal_mode = WAL;",
		    NULL, NULL, NULL) == SQLITE_OK && make_tables(r) &&
		    readable(r);
	else if (ok)
		make_tables(r);
	/*
	 * A commit in WAL waits for no fsync(2) (the WAL is synced at a
	 * checkpoint): a key that marks an article does not wait for the
	 * disk.  A crash of the machine may lose the last marks; it cannot
	 * corrupt the file.
	 */
	if (ok)
		sqlite3_exec(r->db, "PRAGMA st.synchronous = NORMAL", NULL, NULL,
		    NULL);
	if (!ok) {
		why = xasprintf("%s: %s", real, sqlite3_errmsg(r->db));
		sqlite3_exec(r->db, "DETACH st", NULL, NULL, NULL);
		free(real);
		return why;
	}
	r->state->file = real;
	return NULL;
}

void
dbr_state_attach(struct dbr *r, const char *path, char **warning)
{
	struct dbr_state *s;
	char *why;

	*warning = NULL;
	s = r->state = xcalloc(1, sizeof(*s));
	sqlite3_busy_timeout(r->db, WAIT_MS);
	/* why only (FILE: reason): the screen says what it means */
	if (path != NULL && (why = attach_file(r, path)) != NULL)
		*warning = why;
	if (s->file == NULL) {
		/* in memory: the session keeps its marks until it ends */
		sqlite3_exec(r->db, "ATTACH ':memory:' AS st", NULL, NULL,
		    NULL);
		make_tables(r);
		s->health = STATE_MEMORY;
	}
	dbr_marks_start(r);
}

const char *
dbr_state_file(struct dbr *r)
{
	return r->state != NULL ? r->state->file : NULL;
}

static void
change_free(struct dbr_change *c)
{
	free(c->key);
	free(c->text);
}

/* One change: its statements, each with the values bound. */
static int
write_change(struct dbr *r, const struct dbr_change *c)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < 2 && c->type->sql[i] != NULL; i++) {
		if ((st = dbr_stmt(r, c->type->sql[i])) == NULL)
			return sqlite3_errcode(r->db);
		dbr_bind_text(st, ":key", c->key);
		dbr_bind_text(st, ":text", c->text);
		dbr_bind_int(st, ":a", c->a);
		dbr_bind_int(st, ":b", c->b);
		dbr_bind_text(st, ":db", r->path);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return rc;
	}
	return SQLITE_OK;
}

/* An error that writing the same change again would give again. */
static int
for_ever(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_TOOBIG:
	case SQLITE_RANGE:
		return 1;
	default:
		return 0;
	}
}

static void
drop(struct dbr_state *s, size_t i)
{
	change_free(&s->v[i]);
	memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof(*s->v));
	s->n--;
}

/*
 * Writes the queue in one transaction.  While the state is known to be
 * locked, it does not wait at all: a key must not.  A change that can
 * never be written (a hostile key) is dropped, not left to hold back
 * the others.
 */
static void
flush(struct dbr *r, int wait)
{
	struct dbr_state *s = r->state;
	size_t i, k;
	int rc;

	if (s->n == 0)
		return;
	sqlite3_busy_timeout(r->db, wait);
	rc = sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	for (i = 0; rc == SQLITE_OK && i < s->n; i++) {
		/* a table is made before its first row (an old state) */
		for (k = 0; k < i && s->v[k].type != s->v[i].type; k++)
			;
		if (k == i && s->v[i].type->schema != NULL)
			rc = sqlite3_exec(r->db, s->v[i].type->schema, NULL,
			    NULL, NULL);
		if (rc == SQLITE_OK && for_ever(rc = write_change(r,
		    &s->v[i]))) {
			drop(s, i--);
			rc = SQLITE_OK;	/* only the statement was undone */
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_busy_timeout(r->db, WAIT_MS);
	free(s->why);
	s->why = NULL;
	if (rc != SQLITE_OK) {
		s->why = xstrdup(sqlite3_errmsg(r->db));
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		s->health = (rc & 0xff) == SQLITE_BUSY ||
		    (rc & 0xff) == SQLITE_LOCKED ? STATE_LOCKED :
		    STATE_FAILING;
		s->retry_at = now_ms() + RETRY_MS;
		return;
	}
	for (i = 0; i < s->n; i++)
		change_free(&s->v[i]);
	s->n = 0;
	if (s->health == STATE_LOCKED || s->health == STATE_FAILING)
		s->health = STATE_KEPT;
}

void
dbr_state_change(struct dbr *r, const struct dbr_change_type *type,
    const char *key, const char *text, int64_t a, int64_t b)
{
	struct dbr_state *s = r->state;
	struct dbr_change c;
	size_t i;

	if (s == NULL)
		return;
	if (type->replaces)
		for (i = 0; i < s->n; i++)
			if (s->v[i].type == type && (key == NULL ?
			    s->v[i].key == NULL : s->v[i].key != NULL &&
			    strcmp(s->v[i].key, key) == 0)) {
				/* the newer goes last, after what it follows */
				drop(s, i);
				break;
			}
	c.type = type;
	c.key = key != NULL ? xstrdup(key) : NULL;
	c.text = text != NULL ? xstrdup(text) : NULL;
	c.a = a;
	c.b = b;
	VEC_PUSH(s->v, s->n, s->cap, c);
	if (!s->hold)
		flush(r, s->health == STATE_KEPT ? WAIT_MS : 0);
}

void
dbr_state_hold(struct dbr *r, int on)
{
	struct dbr_state *s = r->state;

	if (s == NULL)
		return;
	s->hold = on;
	if (!on)
		flush(r, s->health == STATE_KEPT ? WAIT_MS : 0);
}

const struct dbr_change *
dbr_state_queued(struct dbr *r, const struct dbr_change_type *type,
    const char *key)
{
	struct dbr_state *s = r->state;
	size_t i;

	for (i = s != NULL ? s->n : 0; i > 0; i--)
		if (s->v[i - 1].type == type && (key == NULL ||
		    (s->v[i - 1].key != NULL &&
		    strcmp(s->v[i - 1].key, key) == 0)))
			return &s->v[i - 1];
	return NULL;
}

enum dbr_state_health
dbr_state_health(struct dbr *r, size_t *waiting, const char **why)
{
	struct dbr_state *s = r->state;

	*waiting = s != NULL ? s->n : 0;
	*why = s != NULL ? s->why : NULL;
	return s != NULL ? s->health : STATE_MEMORY;
}

int
dbr_state_retry_in(struct dbr *r)
{
	struct dbr_state *s = r->state;
	long long left;

	if (s == NULL || s->n == 0)
		return -1;
	left = s->retry_at - now_ms();
	return left < 0 ? 0 : left > RETRY_MS ? RETRY_MS : (int)left;
}

void
dbr_state_retry(struct dbr *r)
{
	struct dbr_state *s = r->state;

	if (s != NULL && s->n > 0 && now_ms() >= s->retry_at)
		flush(r, 0);
}

/* "FILE: why: not saved: marks (2), places (1)" */
static char *
unsaved(const struct dbr_state *s)
{
	struct buf b = { 0 };
	const char *sep;
	size_t i, k, n;

	buf_printf(&b, "%s: %s: not saved:", s->file != NULL ? s->file :
	    "the state", s->why != NULL ? s->why : "cannot be written");
	sep = " ";
	for (i = 0; i < s->n; i++) {
		for (k = 0; k < i && s->v[k].type != s->v[i].type; k++)
			;
		if (k < i)
			continue;	/* counted with the first of its type */
		for (n = 0, k = i; k < s->n; k++)
			n += s->v[k].type == s->v[i].type;
		buf_printf(&b, "%s%s (%zu)", sep, s->v[i].type->name, n);
		sep = ", ";
	}
	return buf_take(&b);
}

char *
dbr_state_detach(struct dbr *r, int ms)
{
	struct dbr_state *s = r->state;
	char *lost;
	size_t i;

	if (s == NULL)
		return NULL;
	flush(r, ms);
	lost = s->n > 0 ? unsaved(s) : NULL;
	for (i = 0; i < s->n; i++)
		change_free(&s->v[i]);
	free(s->v);
	free(s->why);
	free(s->file);
	free(s);
	r->state = NULL;
	r->overlay = NULL;
	r->read_before = 0;
	/* statements on st go before it does */
	for (i = 0; i < DBR_NSTMTS; i++) {
		sqlite3_finalize(r->stmts[i].st);
		free(r->stmts[i].sql);
		memset(&r->stmts[i], 0, sizeof(r->stmts[i]));
	}
	sqlite3_exec(r->db, "DETACH st", NULL, NULL, NULL);
	return lost;
}

/*
 * The per-user state: read and flagged marks, and the place last read.
 * It is a small database of its own, attached to the reader's connection
 * as "st" so that unread counts are part of the tree's queries.  WAL lets
 * two sessions of one user read while the other writes; each mark is one
 * statement, so neither loses the other's.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db-read.h"
#include "db-read-int.h"
#include "fsutil.h"
#include "xmalloc.h"

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

/* Whether the state's tables are there and can be read. */
static int
readable(struct dbr *r)
{
	return sqlite3_exec(r->db, "SELECT 1 FROM st.marks, st.positions"
	    " LIMIT 1", NULL, NULL, NULL) == SQLITE_OK;
}

/*
 * The state file to use for path, in its real directory (*real, which
 * the caller frees), made if it is missing; NULL, or why it cannot be
 * used.  Another user who could write in its directory could put a
 * link there to a file of ours, which SQLite would switch to WAL and
 * write marks into: the directory must be ours alone, and the file a
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

void
dbr_attach_state(struct dbr *r, const char *path, char **warning)
{
	sqlite3_stmt *st;
	char *real, *why;
	int ok;

	ok = 0;
	real = NULL;
	if (path != NULL && (why = state_file(path, &real)) != NULL)
		*warning = why;		/* the screen adds what it means */
	else if (path != NULL && sqlite3_prepare_v2(r->db, "ATTACH ? AS st",
	    -1, &st, NULL) == SQLITE_OK) {
		/* the connection follows no link (SQLITE_OPEN_NOFOLLOW) */
		sqlite3_bind_text(st, 1, real, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		/* made once; WAL is kept in the file */
		if (ok && !readable(r))
			ok = sqlite3_exec(r->db, "PRAGMA st.journal_mode = WAL;",
			    NULL, NULL, NULL) == SQLITE_OK &&
			    sqlite3_exec(r->db, state_schema, NULL, NULL,
			    NULL) == SQLITE_OK && readable(r);
		if (!ok) {
			*warning = xasprintf("%s: %s", real,
			    sqlite3_errmsg(r->db));
			sqlite3_exec(r->db, "DETACH st", NULL, NULL, NULL);
		}
	}
	free(real);
	r->state_memory = !ok;
	if (!ok) {
		/* in memory: the session keeps its marks until it ends */
		sqlite3_exec(r->db, "ATTACH ':memory:' AS st", NULL, NULL,
		    NULL);
		sqlite3_exec(r->db, state_schema, NULL, NULL, NULL);
	}
}

void
dbr_marks(struct dbr *r, const char *key, int *read, int *flagged)
{
	sqlite3_stmt *st;

	*read = *flagged = 0;
	if ((st = dbr_stmt(r, "SELECT read, flagged FROM st.marks WHERE"
	    " key = ?")) == NULL)
		return;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*read = sqlite3_column_int(st, 0);
		*flagged = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
}

void
dbr_mark(struct dbr *r, const char *key, int read, int flagged)
{
	sqlite3_stmt *st;

	if ((st = dbr_stmt(r, "INSERT INTO st.marks(key, read, flagged,"
	    " updated) VALUES (?1, ?2, ?3, strftime('%s')) ON CONFLICT(key)"
	    " DO UPDATE SET read = ?2, flagged = ?3, updated ="
	    " strftime('%s')")) == NULL)
		return;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, read);
	sqlite3_bind_int(st, 3, flagged);
	dbr_state_wrote(r, sqlite3_step(st));
	sqlite3_reset(st);
}

void
dbr_save_position(struct dbr *r, const char *key, long long place)
{
	sqlite3_stmt *st;

	if ((st = dbr_stmt(r, "INSERT OR REPLACE INTO st.positions(db,"
	    " article, place, updated) VALUES (?, ?, ?, strftime('%s'))")) ==
	    NULL)
		return;
	sqlite3_bind_text(st, 1, r->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, place);
	dbr_state_wrote(r, sqlite3_step(st));
	sqlite3_reset(st);
}

char *
dbr_load_position(struct dbr *r, long long *place)
{
	sqlite3_stmt *st;
	char *key;

	*place = 0;
	if ((st = dbr_stmt(r, "SELECT article, place FROM st.positions"
	    " WHERE db = ?")) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, r->path, -1, SQLITE_STATIC);
	key = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		key = dbr_col_text(st, 0);
		*place = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return key;
}

/*
 * What was typed at the prompts (the search, the : command line), for
 * ↑ and ↓.  The table is made on first use, so that a state database
 * from before it, or a read-only one, costs the start nothing.  Newest
 * first by rowid: a text typed again is replaced, so it moves up.
 */
static const char history_schema[] =
	"CREATE TABLE IF NOT EXISTS st.history("
	"  kind TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  UNIQUE(kind, text));";

#define HISTORY_KEEP	200	/* entries kept of each kind */

/* The statement for sql on the history, the table made if need be. */
static sqlite3_stmt *
history_stmt(struct dbr *r, const char *sql)
{
	sqlite3_stmt *st;

	if ((st = dbr_stmt(r, sql)) == NULL &&
	    sqlite3_exec(r->db, history_schema, NULL, NULL, NULL) == SQLITE_OK)
		st = dbr_stmt(r, sql);
	return st;
}

void
dbr_history_add(struct dbr *r, const char *kind, const char *text)
{
	sqlite3_stmt *st;

	if ((st = history_stmt(r, "INSERT OR REPLACE INTO st.history(kind,"
	    " text, at) VALUES (?, ?, strftime('%s'))")) == NULL)
		return;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	dbr_state_wrote(r, sqlite3_step(st));
	sqlite3_reset(st);
	if ((st = dbr_stmt(r, "DELETE FROM st.history WHERE kind = ?1 AND"
	    " rowid NOT IN (SELECT rowid FROM st.history WHERE kind = ?1"
	    " ORDER BY rowid DESC LIMIT ?2)")) == NULL)
		return;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, HISTORY_KEEP);
	dbr_state_wrote(r, sqlite3_step(st));
	sqlite3_reset(st);
}

size_t
dbr_history(struct dbr *r, const char *kind, size_t limit, char ***out)
{
	sqlite3_stmt *st;
	size_t n, cap;
	char *s;

	*out = NULL;
	n = cap = 0;
	if ((st = history_stmt(r, "SELECT text FROM st.history WHERE kind = ?"
	    " ORDER BY rowid DESC LIMIT ?")) == NULL)
		return 0;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((s = dbr_col_text(st, 0)) != NULL)
			VEC_PUSH(*out, n, cap, s);
	sqlite3_reset(st);
	return n;
}

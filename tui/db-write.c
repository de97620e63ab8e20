/*
 * The importer's database writer.  All SQL is parameterised; one
 * transaction covers the whole run.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "db-schema.h"
#include "db-tokenizer.h"
#include "db-write.h"
#include "diag.h"
#include "doc.h"
#include "fsutil.h"
#include "import-country.h"
#include "import-theme.h"
#include "xmalloc.h"

#define TMP_INFIX	".tmp-"
#define LOCK_WAIT	30		/* seconds, unless KUAIBAO_LOCK_WAIT */
/* SQLite follows no symbolic link, and creates no file but journals */
#define OPEN_RW		(SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW)
#define OPEN_RO		(SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW)

enum stmt {
	S_ISSUE, S_GUIDE, S_COLUMN, S_ARTICLE, S_BLOCK, S_NOTE, S_FIELD,
	S_ACOUNTRY,
	S_ATHEME, S_FTS, S_COUNTRY_ID, S_THEME_ID, S_MAXID, S_FIND_ISSUE,
	S_NSTMT
};

static const char *const stmt_sql[S_NSTMT] = {
	[S_ISSUE] = "INSERT INTO issues(id, key, source, source_name, kind,"
	    " title, year, date, number, narticles, day)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
	[S_GUIDE] = "INSERT INTO guides(issue_id, status, directions,"
	    " projects, funding) VALUES (?,?,?,?,?)",
	[S_COLUMN] = "INSERT INTO sections(issue_id, pos, name, narticles)"
	    " VALUES (?,?,?,?)",
	[S_ARTICLE] = "INSERT INTO articles(id, key, issue_id, section_id,"
	    " title, date, date_text, authors) VALUES (?,?,?,?,?,?,?,?)",
	[S_BLOCK] = "INSERT INTO blocks(id, type, text) VALUES (?,?,?)",
	[S_NOTE] = "INSERT INTO footnotes(article_id, seq, n, text, urls)"
	    " VALUES (?,?,?,?,?)",
	[S_FIELD] = "INSERT INTO fields(article_id, seq, name, value)"
	    " VALUES (?,?,?,?)",
	[S_ACOUNTRY] = "INSERT OR IGNORE INTO article_countries(country_id,"
	    " role, article_id, pos) VALUES (?,?,?,?)",
	[S_ATHEME] = "INSERT OR IGNORE INTO article_themes(theme_id,"
	    " article_id, rank) VALUES (?,?,?)",
	[S_FTS] = "INSERT INTO fts(rowid, title, body) VALUES (?,?,?)",
	[S_COUNTRY_ID] = "SELECT id FROM countries WHERE name = ?",
	[S_THEME_ID] = "SELECT id FROM themes WHERE name = ?",
	[S_MAXID] = "SELECT max(id) FROM issues WHERE id >= ? AND id < ?",
	[S_FIND_ISSUE] = "SELECT id, source FROM issues WHERE source = ?"
	    " OR key = ?",
};

/*
 * The temporary files are made in a directory of their own beside the
 * target, .NAME.tmp-PID-XXXXXX, with a random name and mode 0700: in a
 * shared directory no one else can foresee its name, nor put a file or
 * a link in it for SQLite's journals.  The rename out of it into the
 * target's directory is atomic.
 */
enum tmpfile { T_NEW, T_NEW_JOURNAL, T_PACKED, T_PACKED_JOURNAL, T_DIR, NTMP };
static const char *const tmp_names[NTMP - 1] = {
	"new.db", "new.db-journal", "packed.db", "packed.db-journal"
};

struct dbw {
	sqlite3		*db;
	char		*target;	/* as given, for messages */
	char		*real;		/* the file replaced, in its real dir */
	struct stat	 old;		/* ... its owner and mode */
	int		 exists;
	int		 lock;		/* fd of the directory, or < 0 */
	int		 fd[T_PACKED + 1];	/* of the files made, or -1 */
	sqlite3_stmt	*st[S_NSTMT];
	sqlite3_int64	*added;		/* issues written by this run */
	size_t		 nadded, addedcap;
	sqlite3_int64	 kept;		/* articles of the database updated */
	sqlite3_int64	 written;	/* articles written by this run */
	const char	*source;	/* of the issue being written */
};

/* The temporary files, last the directory: what a signal removes. */
static char tmp_paths[NTMP][PATH_MAX];

static void
on_signal(int sig)
{
	size_t i;

	for (i = 0; i < NTMP - 1; i++)
		if (tmp_paths[i][0] != '\0')
			unlink(tmp_paths[i]);
	if (tmp_paths[T_DIR][0] != '\0')
		rmdir(tmp_paths[T_DIR]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
block_signals(int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(how, &set, NULL);
}

static void
catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/*
 * The directory of the temporary files, made under blocked signals so
 * that a signal finds it in tmp_paths as soon as it exists.
 */
static int
make_tmpdir(const char *dir, const char *base)
{
	char tmpl[PATH_MAX];
	size_t i, len;
	int n;

	n = snprintf(tmpl, sizeof(tmpl), "%s/.%s%s%ld-XXXXXX", dir, base,
	    TMP_INFIX, (long)getpid());
	if (n < 0 || (size_t)n + 20 >= sizeof(tmpl)) {
		diag_msg(MSG_PATH_LONG, dir, 0, 0, NULL);
		return -1;
	}
	block_signals(SIG_BLOCK);
	if (mkdtemp(tmpl) == NULL) {
		block_signals(SIG_UNBLOCK);
		diag_msg(MSG_TMPDIR, dir, 0, 0, "%s", strerror(errno));
		return -1;
	}
	len = (size_t)n;	/* room for the names was checked above */
	memcpy(tmp_paths[T_DIR], tmpl, len + 1);
	for (i = 0; i < NTMP - 1; i++) {
		memcpy(tmp_paths[i], tmpl, len);
		tmp_paths[i][len] = '/';
		memcpy(tmp_paths[i] + len + 1, tmp_names[i],
		    strlen(tmp_names[i]) + 1);
	}
	block_signals(SIG_UNBLOCK);
	return 0;
}

/* A new, empty file t in the temporary directory; its fd, or -1. */
static int
make_tmpfile(struct dbw *w, enum tmpfile t)
{
	w->fd[t] = open(tmp_paths[t], O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (w->fd[t] == -1)
		diag_msg(MSG_TMPFILE, tmp_paths[t], 0, 0, "%s",
		    strerror(errno));
	return w->fd[t];
}

/*
 * Removes the temporary files and their directory; a file that cannot
 * be removed is reported with message why.
 */
static int
remove_tmpdir(struct dbw *w, enum diag_msg why)
{
	size_t i;
	int rc;

	rc = 0;
	for (i = 0; i <= T_PACKED; i++)
		if (w->fd[i] != -1) {
			close(w->fd[i]);
			w->fd[i] = -1;
		}
	if (tmp_paths[T_DIR][0] == '\0')
		return 0;
	for (i = 0; i < NTMP; i++)
		if ((i == T_DIR ? rmdir(tmp_paths[i]) : unlink(tmp_paths[i])) ==
		    -1 && errno != ENOENT) {
			diag_msg(why, tmp_paths[i], 0, 0, "%s",
			    strerror(errno));
			rc = -1;
		}
	memset(tmp_paths, 0, sizeof(tmp_paths));
	return rc;
}

static int
sql_error(struct dbw *w, const char *what)
{
	diag_msg(MSG_SQLITE, w->target, 0, 0, "%s: %s", what,
	    sqlite3_errmsg(w->db));
	return -1;
}

static int
exec(struct dbw *w, const char *sql)
{
	char *err;

	if (sqlite3_exec(w->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		diag_msg(MSG_SQLITE, w->target, 0, 0, "%s", err);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* Runs a write, ready for the next; an error is reported as what. */
static int
step(struct dbw *w, sqlite3_stmt *st, const char *what)
{
	int rc;

	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sql_error(w, what);
	return 0;
}

static int
step_done(struct dbw *w, enum stmt s)
{
	return step(w, w->st[s], "write");
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Seconds to wait for the lock: $KUAIBAO_LOCK_WAIT, or LOCK_WAIT. */
static int
lock_wait(void)
{
	const char *e;
	char *end;
	long n;

	if ((e = getenv("KUAIBAO_LOCK_WAIT")) == NULL || *e == '\0')
		return LOCK_WAIT;
	n = strtol(e, &end, 10);
	if (*end != '\0' || n < 0 || n > 86400) {
		diag_msg(MSG_LOCK_WAIT_ENV, NULL, 0, 0, "%s", e);
		return -1;
	}
	return (int)n;
}

/*
 * One importer at a time per directory: a second one waits, or the
 * last to finish would silently drop the first one's issues.  The lock
 * is on the directory, so that it leaves no file behind; whoever can
 * read the directory can take it too, hence the time limit.  -1 after
 * a message; the directory's fd, or -2 when it cannot be opened (which
 * fails later, clearly).
 */
static int
take_lock(const char *dir, const char *base)
{
	struct timespec tick = { 0, 100 * 1000 * 1000 }, now, end;
	char *holder;
	int fd, wait;

	if ((wait = lock_wait()) == -1)
		return -1;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -2;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK)
		return fd;
	diag_msg(MSG_WAITING, NULL, 0, 0, "%s/%s", dir, base);
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += wait;
	while (flock(fd, LOCK_EX | LOCK_NB) == -1 && errno == EWOULDBLOCK) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > end.tv_sec || (now.tv_sec == end.tv_sec &&
		    now.tv_nsec >= end.tv_nsec)) {
			holder = fs_lock_holder(fd);
			diag_msg(MSG_LOCKED, dir, 0, 0, "by %s for %d s",
			    holder ? holder : "another process", wait);
			free(holder);
			close(fd);
			return -1;
		}
		nanosleep(&tick, NULL);
	}
	return fd;
}

/*
 * Removes the temporary files of importers that were killed: this
 * user's only (another's are not ours to judge, and a sticky directory
 * would not let us), and not those of a process still running.
 */
static int
clean_stale(const char *dir, const char *base)
{
	DIR *d, *sub;
	struct dirent *de, *se;
	struct stat sb;
	char *prefix, *path;
	size_t plen;
	long pid;
	int dfd, sfd, rc;

	if ((d = opendir(dir)) == NULL)
		return 0;
	dfd = dirfd(d);
	prefix = xasprintf(".%s%s", base, TMP_INFIX);
	plen = strlen(prefix);
	rc = 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, plen) != 0)
			continue;
		pid = strtol(de->d_name + plen, NULL, 10);
		if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;	/* still running */
		if (fstatat(dfd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == -1 ||
		    sb.st_uid != geteuid())
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (S_ISDIR(sb.st_mode) && (sfd = openat(dfd, de->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) != -1 &&
		    (sub = fdopendir(sfd)) != NULL) {
			while (rc == 0 && (se = readdir(sub)) != NULL)
				if (strcmp(se->d_name, ".") != 0 &&
				    strcmp(se->d_name, "..") != 0 &&
				    unlinkat(sfd, se->d_name, 0) == -1 &&
				    errno != ENOENT)
					rc = errno;
			closedir(sub);
		}
		if (rc == 0 && unlinkat(dfd, de->d_name, S_ISDIR(sb.st_mode) ?
		    AT_REMOVEDIR : 0) == -1 && errno != ENOENT)
			rc = errno;
		if (rc != 0)
			diag_msg(MSG_STALE, path, 0, 0, "%s", strerror(rc));
		free(path);
	}
	closedir(d);
	free(prefix);
	return rc == 0 ? 0 : -1;
}

/*
 * Whether path is a kuaibao database of this schema, or of one it can
 * bring up to date (*version); why not in *why.
 */
static int
check_existing(const char *path, const char **why, int *version)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int ok, v;

	*why = NULL;
	if (sqlite3_open_v2(path, &db, OPEN_RO, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		*why = "cannot be opened";
		return 0;
	}
	ok = 0;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key ="
	    " 'schema_version'", -1, &st, NULL) != SQLITE_OK)
		*why = "is not a kuaibao database";
	else {
		if (sqlite3_step(st) == SQLITE_ROW) {
			v = sqlite3_column_int(st, 0);
			*version = v;
			if (v >= DB_SCHEMA_OLDEST && v <= DB_SCHEMA_VERSION)
				ok = 1;
			else
				*why = "has another schema version";
		} else
			*why = "is not a kuaibao database";
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return ok;
}

/*
 * A copy of db, table by table in key order, into the new file path
 * (made empty beforehand).  Documents imported out of date order (a
 * back catalogue listed newest first) insert in the middle of the
 * tables, whose pages split half full; the copy is some 10% smaller
 * and a screen reads fewer pages.
 */
static int
vacuum_into(sqlite3 *db, const char *path)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, "VACUUM INTO ?", -1, &st, NULL)) !=
	    SQLITE_OK)
		return rc;
	bind_text(st, 1, path);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * The database to update, copied compacted into the temporary file: a
 * small update (the next monthly issue) then needs no second copy at
 * the end.  Counts its articles into w->kept.
 */
static int
copy_db(struct dbw *w, const char *from)
{
	sqlite3 *src;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_open_v2(from, &src, OPEN_RO, NULL);
	/* the copy takes this connection's syncs, not needed (dbw_commit) */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(src, "PRAGMA synchronous = OFF", NULL, NULL,
		    NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_prepare_v2(src, "SELECT"
	    " sum(narticles) FROM issues", -1, &st, NULL)) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			w->kept = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK)
		rc = vacuum_into(src, tmp_paths[T_NEW]);
	if (rc != SQLITE_OK)
		diag_msg(MSG_COPY, from, 0, 0, "%s", sqlite3_errmsg(src));
	sqlite3_close(src);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Country and theme lists: rows are kept by name, new ones added. */
static int
put_lists(struct dbw *w, const struct gazetteer *g, const struct themes *t)
{
	sqlite3_stmt *st;
	const struct country *c;
	size_t i;

	if (sqlite3_prepare_v2(w->db, "INSERT INTO countries(name, code,"
	    " iso3, english) VALUES (?1,?2,?3,?4) ON CONFLICT(name) DO UPDATE"
	    " SET code = ?2, iso3 = ?3, english = ?4", -1, &st, NULL) !=
	    SQLITE_OK)
		return sql_error(w, "prepare");
	for (i = 0; i < gazetteer_count(g); i++) {
		c = gazetteer_get(g, i);
		bind_text(st, 1, c->name);
		bind_text(st, 2, c->code);
		bind_text(st, 3, c->iso3);
		bind_text(st, 4, c->english);
		if (step(w, st, "countries") != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(w->db, "INSERT INTO themes(name, english)"
	    " VALUES (?1,?2) ON CONFLICT(name) DO UPDATE SET english = ?2",
	    -1, &st, NULL) != SQLITE_OK)
		return sql_error(w, "prepare");
	for (i = 0; i < theme_count; i++) {
		bind_text(st, 1, theme_names[i]);
		bind_text(st, 2, themes_english(t, i));
		if (step(w, st, "themes") != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/*
 * Where the database goes: w->real, the target in its real directory
 * (a symbolic link is followed only with DBW_FOLLOW: replacing it would
 * cut the link), and whether it exists, in w->old.  Takes the lock.
 */
static int
place(struct dbw *w, int flags)
{
	char real[PATH_MAX], *d, *b, *dir, *base;
	const char *path;
	struct stat sb;
	int rc;

	path = w->target;
	if ((flags & DBW_FOLLOW) && lstat(path, &sb) == 0 &&
	    S_ISLNK(sb.st_mode)) {
		if (realpath(path, real) == NULL) {
			diag_msg(MSG_DANGLING, path, 0, 0, "%s",
			    strerror(errno));
			return -1;
		}
		path = real;
	}
	d = xstrdup(path);
	b = xstrdup(path);
	dir = dirname(d);
	base = basename(b);
	rc = -1;
	if (fs_mkdirs(dir, 0777) == -1)
		diag_msg(MSG_MKDIR, dir, 0, 0, "%s", strerror(errno));
	else if (realpath(dir, real) == NULL)
		diag_msg(MSG_REALPATH, dir, 0, 0, "%s", strerror(errno));
	else if ((w->lock = take_lock(real, base)) != -1 &&
	    clean_stale(real, base) == 0) {
		w->real = xasprintf("%s/%s", real, base);
		w->exists = lstat(w->real, &w->old) == 0;
		if (w->exists && S_ISLNK(w->old.st_mode))
			diag_msg(MSG_SYMLINK, w->target, 0, 0, NULL);
		else if (w->exists && !S_ISREG(w->old.st_mode))
			diag_msg(MSG_DB_NOT_FILE, w->target, 0, 0, NULL);
		/* the new file is made beside the target: say so, not
		 * "unable to open database file" about a temporary name */
		else if (access(real, W_OK | X_OK) == -1)
			diag_msg(MSG_UNWRITABLE, dir, 0, 0, "%s (%s)",
			    strerror(errno), base);
		else
			rc = make_tmpdir(real, base);
	}
	free(d);
	free(b);
	return rc;
}

struct dbw *
dbw_open(const char *target, int flags, const struct gazetteer *g,
    const struct themes *t)
{
	struct dbw *w;
	const char *why;
	int i, update, version;

	w = xcalloc(1, sizeof(*w));
	w->lock = -1;
	for (i = 0; i <= T_PACKED; i++)
		w->fd[i] = -1;
	w->target = xstrdup(target);
	catch_signals();
	if (place(w, flags) != 0)
		goto fail;
	update = w->exists && !(flags & DBW_NEW);
	if (update && !check_existing(w->real, &why, &version)) {
		diag_msg(MSG_NOT_KUAIBAO, target, 0, 0, "%s", why);
		goto fail;
	}
	if (make_tmpfile(w, T_NEW) == -1 ||
	    (update && copy_db(w, w->real) != 0))
		goto fail;
	if (sqlite3_open_v2(tmp_paths[T_NEW], &w->db, OPEN_RW, NULL) !=
	    SQLITE_OK) {
		diag_msg(MSG_SQLITE, tmp_paths[T_NEW], 0, 0, "%s",
		    sqlite3_errmsg(w->db));
		goto fail;
	}
	if (db_tokenizer_register(w->db) != SQLITE_OK) {
		sql_error(w, "tokenizer");
		goto fail;
	}
	/* Atomicity comes from the rename: no journal is needed. */
	if (exec(w, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;") != 0)
		goto fail;
	if (!update && (exec(w, "PRAGMA page_size = 4096;") != 0 ||
	    exec(w, db_schema_sql) != 0))
		goto fail;
	/* schema 4 to 5: the themes' names (finish writes the version) */
	if (update && version < 5 &&
	    exec(w, "ALTER TABLE themes ADD COLUMN english TEXT") != 0)
		goto fail;
	/*
	 * The index is merged once, at the end (see finish): merging
	 * while inserting, FTS5's default, costs more than it saves here.
	 */
	if (exec(w, "PRAGMA journal_mode = OFF;"
	    " PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = MEMORY;"
	    " PRAGMA cache_size = -65536; BEGIN;"
	    " INSERT INTO fts(fts, rank) VALUES ('automerge', 0);"
	    " INSERT INTO fts(fts, rank) VALUES ('crisismerge', 64)") != 0)
		goto fail;
	for (i = 0; i < S_NSTMT; i++)
		if (sqlite3_prepare_v3(w->db, stmt_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &w->st[i], NULL) != SQLITE_OK) {
			sql_error(w, "prepare");
			goto fail;
		}
	if (put_lists(w, g, t) != 0)
		goto fail;
	return w;
fail:
	dbw_abort(w);
	return NULL;
}

void
dbw_fts_add(struct buf *b, const char *text)
{
	const char *p, *q;

	if (b->len > 0)
		buf_addc(b, '\n');
	/* footnote markers [^n] are not words of the text */
	for (p = text; (q = strstr(p, "[^")) != NULL; ) {
		buf_add(b, p, (size_t)(q - p));
		for (p = q + 2; *p >= '0' && *p <= '9'; p++)
			;
		if (*p == ']' && p > q + 2)
			p++;
		else
			buf_add(b, q, (size_t)(p - q));
	}
	buf_adds(b, p);
}

/* Deletes an article's index entry, rebuilding the text it indexed. */
static int
fts_delete(struct dbw *w, sqlite3_int64 id, const char *title)
{
	static const char *const parts[] = {
		"SELECT text FROM blocks WHERE id " DB_BLOCKS_OF_ARTICLE
		" ORDER BY id",
		"SELECT text FROM footnotes WHERE article_id = ? ORDER BY seq",
		"SELECT value FROM fields WHERE article_id = ? ORDER BY seq",
	};
	struct buf body = { 0 };
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (sqlite3_prepare_v2(w->db, parts[i], -1, &st, NULL) !=
		    SQLITE_OK)
			return sql_error(w, "prepare");
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW)
			dbw_fts_add(&body,
			    (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(w->db, "INSERT INTO fts(fts, rowid, title,"
	    " body) VALUES ('delete', ?, ?, ?)", -1, &st, NULL) != SQLITE_OK) {
		buf_free(&body);
		return sql_error(w, "prepare");
	}
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, title);
	bind_text(st, 3, buf_str(&body));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	buf_free(&body);
	return rc == SQLITE_DONE ? 0 : sql_error(w, "index delete");
}

/* A guide's status and totals (see kuaibao(5)); a bulletin has none. */
static int
put_guide(struct dbw *w, const struct issue *is, sqlite3_int64 issue)
{
	sqlite3_stmt *st = w->st[S_GUIDE];

	if (is->kind != DOC_GUIDE)
		return 0;
	sqlite3_bind_int64(st, 1, issue);
	bind_text(st, 2, is->status == GUIDE_DRAFT ? "draft" : "final");
	if (is->ndirections > 0)
		sqlite3_bind_int(st, 3, is->ndirections);
	if (is->nprojects > 0)
		sqlite3_bind_int(st, 4, is->nprojects);
	bind_text(st, 5, is->funding);
	return step_done(w, S_GUIDE);
}

/* Removes an issue (and everything of its articles). */
static int
delete_issue(struct dbw *w, sqlite3_int64 issue)
{
	static const char *const del[] = {
		/* ranges of the keys, not scans of whole tables */
		"DELETE FROM blocks WHERE id " DB_BLOCKS_OF_ISSUE,
		"DELETE FROM footnotes WHERE article_id " DB_ARTICLES_OF_ISSUE,
		"DELETE FROM fields WHERE article_id " DB_ARTICLES_OF_ISSUE,
		"DELETE FROM article_countries WHERE article_id "
		    DB_ARTICLES_OF_ISSUE,
		"DELETE FROM article_themes WHERE article_id "
		    DB_ARTICLES_OF_ISSUE,
		"DELETE FROM articles WHERE id " DB_ARTICLES_OF_ISSUE,
		"DELETE FROM sections WHERE issue_id = ?1",
		"DELETE FROM guides WHERE issue_id = ?1",
		"DELETE FROM issues WHERE id = ?1",
	};
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if (sqlite3_prepare_v2(w->db, "SELECT id, title FROM articles"
	    " WHERE id " DB_ARTICLES_OF_ISSUE, -1, &st, NULL) != SQLITE_OK)
		return sql_error(w, "prepare");
	sqlite3_bind_int64(st, 1, issue);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (fts_delete(w, sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1)) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	for (i = 0; i < sizeof(del) / sizeof(del[0]); i++) {
		if (sqlite3_prepare_v2(w->db, del[i], -1, &st, NULL) !=
		    SQLITE_OK)
			return sql_error(w, "prepare");
		sqlite3_bind_int64(st, 1, issue);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return sql_error(w, "delete");
	}
	return 0;
}

static sqlite3_int64
lookup_id(struct dbw *w, enum stmt s, const char *name)
{
	sqlite3_int64 id;

	bind_text(w->st[s], 1, name);
	id = sqlite3_step(w->st[s]) == SQLITE_ROW ?
	    sqlite3_column_int64(w->st[s], 0) : 0;
	sqlite3_reset(w->st[s]);
	return id;
}

static const char *
block_type(enum block_type t)
{
	return t == BLOCK_HEADING ? "h" : t == BLOCK_TABLE ? "t" : "p";
}

static int
put_article(struct dbw *w, const struct article *a, sqlite3_int64 id,
    sqlite3_int64 issue, sqlite3_int64 column)
{
	struct buf authors = { 0 }, body = { 0 }, urls = { 0 };
	sqlite3_stmt *st;
	sqlite3_int64 cid;
	size_t i, j;
	int rc;

	for (i = 0; i < a->nauthors; i++) {
		if (i > 0)
			buf_addc(&authors, ' ');
		buf_adds(&authors, a->authors[i]);
	}
	st = w->st[S_ARTICLE];
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, a->key);
	sqlite3_bind_int64(st, 3, issue);
	sqlite3_bind_int64(st, 4, column);
	bind_text(st, 5, a->title);
	bind_text(st, 6, a->date);
	bind_text(st, 7, a->date_text);
	bind_text(st, 8, buf_str(&authors));
	rc = step_done(w, S_ARTICLE);
	buf_free(&authors);
	for (i = 0; rc == 0 && i < a->nblocks; i++) {
		if (i > DB_BLOCK_MAX) {
			diag_msg(MSG_TOO_LONG, w->source, a->line, 0,
			    "%s: more than %d blocks", a->title, DB_BLOCK_MAX);
			break;
		}
		st = w->st[S_BLOCK];
		sqlite3_bind_int64(st, 1, id << DB_BLOCK_SHIFT | (sqlite3_int64)i);
		bind_text(st, 2, block_type(a->blocks[i].type));
		bind_text(st, 3, a->blocks[i].text);
		rc = step_done(w, S_BLOCK);
		dbw_fts_add(&body, a->blocks[i].text);
	}
	for (i = 0; rc == 0 && i < a->nnotes; i++) {
		buf_truncate(&urls, 0);
		for (j = 0; j < a->notes[i].nurls; j++) {
			if (j > 0)
				buf_addc(&urls, '\n');
			buf_adds(&urls, a->notes[i].urls[j]);
		}
		st = w->st[S_NOTE];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, (int)i);
		sqlite3_bind_int(st, 3, a->notes[i].n);
		bind_text(st, 4, a->notes[i].text);
		bind_text(st, 5, buf_str(&urls));
		rc = step_done(w, S_NOTE);
		dbw_fts_add(&body, a->notes[i].text);
	}
	buf_free(&urls);
	for (i = 0; rc == 0 && i < a->nfields; i++) {
		st = w->st[S_FIELD];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, (int)i);
		bind_text(st, 3, a->fields[i].name);
		bind_text(st, 4, a->fields[i].value);
		rc = step_done(w, S_FIELD);
		dbw_fts_add(&body, a->fields[i].value);
	}
	for (i = 0; rc == 0 && i < a->ncountries; i++) {
		if ((cid = lookup_id(w, S_COUNTRY_ID,
		    a->countries[i].name)) == 0)
			continue;
		st = w->st[S_ACOUNTRY];
		sqlite3_bind_int64(st, 1, cid);
		sqlite3_bind_int(st, 2, a->countries[i].role == ROLE_SUBJECT ?
		    0 : 1);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_int(st, 4, (int)i);
		rc = step_done(w, S_ACOUNTRY);
	}
	for (i = 0; rc == 0 && i < a->nthemes; i++) {
		if ((cid = lookup_id(w, S_THEME_ID, a->themes[i])) == 0)
			continue;
		st = w->st[S_ATHEME];
		sqlite3_bind_int64(st, 1, cid);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int(st, 3, (int)i);
		rc = step_done(w, S_ATHEME);
	}
	if (rc == 0) {
		st = w->st[S_FTS];
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, a->title);
		bind_text(st, 3, buf_str(&body));
		rc = step_done(w, S_FTS);
	}
	buf_free(&body);
	return rc;
}

static const char *
base_name(const char *path)
{
	const char *p;

	return (p = strrchr(path, '/')) != NULL ? p + 1 : path;
}

int
dbw_put_issue(struct dbw *w, const struct issue *is)
{
	sqlite3_stmt *st;
	sqlite3_int64 issue, column, id, day;
	const struct column *s;
	size_t i, k, narticles;
	int rc;

	w->source = is->source;
	/* The same file, or the same issue from another file, is replaced. */
	st = w->st[S_FIND_ISSUE];
	bind_text(st, 1, is->source);
	bind_text(st, 2, is->key);
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *old = xstrdup((const char *)sqlite3_column_text(st, 1));
		size_t j;

		issue = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		for (j = 0; j < w->nadded && w->added[j] != issue; j++)
			;
		if (j < w->nadded)
			diag_msg(MSG_SAME_ISSUE, is->source, 0, 0, "%s", old);
		else if (strcmp(old, is->source) != 0)
			diag_msg(MSG_REPLACES, is->source, 0, 0, "from %s",
			    old);
		free(old);
		if (delete_issue(w, issue) != 0)
			return -1;
		bind_text(st, 1, is->source);
		bind_text(st, 2, is->key);
	}
	sqlite3_reset(st);

	/* the next place among the issues of its day (db-schema.h) */
	day = db_days(is->date, is->year);
	st = w->st[S_MAXID];
	sqlite3_bind_int64(st, 1, day << DB_SLOT_BITS);
	sqlite3_bind_int64(st, 2, (day + 1) << DB_SLOT_BITS);
	issue = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL ?
	    sqlite3_column_int64(st, 0) + 1 : day << DB_SLOT_BITS;
	sqlite3_reset(st);
	if (issue >= (day + 1) << DB_SLOT_BITS) {
		diag_msg(MSG_MANY_ISSUES, is->source, 0, 0, "more than %d dated"
		    " %s", (1 << DB_SLOT_BITS) - 1, is->date ? is->date : "the"
		    " same year");
		return -1;
	}
	narticles = doc_article_count(is);
	if (narticles >= (size_t)1 << DB_ARTICLE_BITS) {
		diag_msg(MSG_MANY_ARTICLES, is->source, 0, 0, "more than %d",
		    (1 << DB_ARTICLE_BITS) - 1);
		return -1;
	}
	st = w->st[S_ISSUE];
	sqlite3_bind_int64(st, 1, issue);
	bind_text(st, 2, is->key);
	bind_text(st, 3, is->source);
	bind_text(st, 4, base_name(is->source));
	bind_text(st, 5, is->kind == DOC_GUIDE ? "guide" : "bulletin");
	bind_text(st, 6, is->title);
	if (is->year != 0)
		sqlite3_bind_int(st, 7, is->year);
	bind_text(st, 8, is->date);
	bind_text(st, 9, is->number);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)narticles);
	sqlite3_bind_int64(st, 11, day);
	if (step_done(w, S_ISSUE) != 0 || put_guide(w, is, issue) != 0)
		return -1;
	VEC_PUSH(w->added, w->nadded, w->addedcap, issue);
	w->written += (sqlite3_int64)narticles;

	/* article ids follow from the issue's; see db-schema.h */
	id = DB_FIRST_ARTICLE(issue);

	for (k = 0; k < is->ncolumns; k++) {
		s = &is->columns[k];
		st = w->st[S_COLUMN];
		sqlite3_bind_int64(st, 1, issue);
		sqlite3_bind_int(st, 2, (int)k);
		bind_text(st, 3, s->name);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)s->narticles);
		if (step_done(w, S_COLUMN) != 0)
			return -1;
		column = sqlite3_last_insert_rowid(w->db);
		for (i = 0; i < s->narticles; i++) {
			rc = put_article(w, &s->articles[i], ++id, issue,
			    column);
			if (rc != 0)
				return -1;
		}
	}
	return 0;
}

static int
meta_put(struct dbw *w, sqlite3_stmt *st, const char *key, const char *value)
{
	bind_text(st, 1, key);
	bind_text(st, 2, value);
	return step(w, st, "meta");
}

/*
 * Counts, metadata and the index's final merge: all of it into one
 * segment (the fastest to search) after a large run; after a small one,
 * only what FTS5 would merge by itself (4 segments of a level), which
 * costs little and keeps the number of segments low over the months.
 */
static int
finish(struct dbw *w, int large)
{
	char version[16], built[32];
	time_t now;
	sqlite3_stmt *st;
	int failed;

	if (exec(w, "UPDATE countries SET"
	    " narticles = (SELECT count(*) FROM article_countries a"
	    "  WHERE a.country_id = countries.id),"
	    " nsubject = (SELECT count(*) FROM article_countries a"
	    "  WHERE a.country_id = countries.id AND a.role = 0);"
	    "UPDATE themes SET narticles = (SELECT count(*) FROM"
	    " article_themes a WHERE a.theme_id = themes.id);") != 0)
		return -1;
	if (sqlite3_prepare_v2(w->db, "INSERT OR REPLACE INTO meta(key,"
	    " value) VALUES (?,?)", -1, &st, NULL) != SQLITE_OK)
		return sql_error(w, "prepare");
	snprintf(version, sizeof(version), "%d", DB_SCHEMA_VERSION);
	now = time(NULL);
	strftime(built, sizeof(built), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	failed = meta_put(w, st, "schema_version", version) != 0 ||
	    meta_put(w, st, "generator", "kuaibao-import " KB_VERSION) != 0 ||
	    meta_put(w, st, "built", built) != 0;
	sqlite3_finalize(st);
	if (failed)
		return -1;
	return exec(w, large ? "INSERT INTO fts(fts) VALUES ('optimize');"
	    " COMMIT;" : "INSERT INTO fts(fts, rank) VALUES ('merge', 1000);"
	    " COMMIT;");
}

/* The finished database, compacted into path (see vacuum_into). */
static int
pack(struct dbw *w, const char *path)
{
	/* the import's cache is not read again: give its memory back */
	if (exec(w, "PRAGMA cache_size = -2048; PRAGMA shrink_memory;") != 0)
		return -1;
	if (vacuum_into(w->db, path) != SQLITE_OK)
		return sql_error(w, "compacting");
	return 0;
}

static void
close_db(struct dbw *w)
{
	int i;

	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(w->st[i]);
	sqlite3_close(w->db);
	w->db = NULL;
}

static void
dbw_free(struct dbw *w)
{
	if (w->lock >= 0)
		close(w->lock);
	free(w->added);
	free(w->target);
	free(w->real);
	free(w);
}

/*
 * The new file takes the old one's mode and group (and, for root, its
 * owner): a database kept from some readers stays so.  A new database
 * is for every reader.  Set on the open file, which no one can swap.
 */
static int
keep_mode(struct dbw *w, int fd)
{
	uid_t uid;

	if (w->exists) {
		uid = geteuid() == 0 ? w->old.st_uid : (uid_t)-1;
		if (fchown(fd, uid, w->old.st_gid) == -1)
			diag_msg(MSG_GROUP, w->target, 0, 0, "gid %lu: %s",
			    (unsigned long)w->old.st_gid, strerror(errno));
	}
	if (fchmod(fd, w->exists ? w->old.st_mode & 0777 : 0644) == -1) {
		diag_msg(MSG_MODE, w->target, 0, 0, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

int
dbw_commit(struct dbw *w)
{
	enum tmpfile t;
	int rc, repack;

	/* a copy compacted at the start stays so when a tenth is new */
	repack = w->written > w->kept / 10;
	t = repack ? T_PACKED : T_NEW;
	rc = finish(w, repack);
	if (rc == 0 && repack)
		rc = make_tmpfile(w, T_PACKED) == -1 ? -1 :
		    pack(w, tmp_paths[T_PACKED]);
	close_db(w);
	if (rc == 0 && fsync(w->fd[t]) == -1) {
		diag_msg(MSG_FSYNC, tmp_paths[t], 0, 0, "%s", strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		rc = keep_mode(w, w->fd[t]);
	if (rc == 0 && rename(tmp_paths[t], w->real) == -1) {
		diag_msg(MSG_RENAME, w->target, 0, 0, "%s", strerror(errno));
		rc = -1;
	}
	/* the rename itself on disk: the lock is the directory's fd */
	if (rc == 0 && w->lock >= 0)
		fsync(w->lock);
	/* once renamed, what is left is only litter */
	remove_tmpdir(w, rc == 0 ? MSG_TMP_LEFT : MSG_TMP_REMOVE);
	dbw_free(w);
	return rc;
}

void
dbw_abort(struct dbw *w)
{
	if (w == NULL)
		return;
	if (w->db != NULL)
		close_db(w);
	remove_tmpdir(w, MSG_TMP_REMOVE);
	dbw_free(w);
}

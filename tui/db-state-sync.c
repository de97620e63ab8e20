/*
 * The state between machines: kuaibao --state-export writes the marks,
 * places, read-before day, this database's last position and the views
 * as lines of tab-separated text (kuaibao-state/1, kuaibao(5)), keyed by
 * article keys, which a rebuilt archive keeps; --state-import merges
 * such a file in one transaction, a row replacing ours only when it was
 * changed later, so that a state can go to a server and back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db-read.h"
#include "db-read-int.h"
#include "db-state.h"
#include "db-state-int.h"
#include "xmalloc.h"

#define MAGIC		"kuaibao-state/1"
#define MAXFIELDS	6

/* A field written so that no tab or line break can split it. */
static void
field(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

/* Each row of sql as a line: the tag, then its columns. */
static void
rows(struct dbr *r, FILE *fp, const char *tag, const char *sql)
{
	sqlite3_stmt *st;
	int i, n;

	if ((st = dbr_stmt(r, sql)) == NULL)
		return;		/* no such table: nothing of it kept */
	dbr_bind_text(st, ":db", r->path);
	n = sqlite3_column_count(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		fputs(tag, fp);
		for (i = 0; i < n; i++) {
			fputc('\t', fp);
			field(fp, (const char *)sqlite3_column_text(st, i));
		}
		fputc('\n', fp);
	}
	sqlite3_reset(st);
}

int
dbr_state_export(struct dbr *r, FILE *fp)
{
	fputs(MAGIC "\n", fp);
	rows(r, fp, "read-before", "SELECT value FROM st.meta WHERE name ="
	    " 'read_before'");
	rows(r, fp, "mark", "SELECT key, read, flagged, updated FROM st.marks"
	    " ORDER BY key");
	rows(r, fp, "place", "SELECT key, place, updated FROM st.places"
	    " ORDER BY key");
	rows(r, fp, "position", "SELECT article, place, updated FROM"
	    " st.positions WHERE db = :db");
	if (sqlite3_exec(r->db, "SELECT 1 FROM st.views", NULL, NULL, NULL) ==
	    SQLITE_OK)
		rows(r, fp, "view", "SELECT name, expr, updated FROM st.views"
		    " ORDER BY pos");
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}

/* What each tag takes: its fields (after the tag), which of them are
 * numbers, and the statement that merges it. */
static const struct {
	const char	*tag;
	int		 nfields;
	const char	*numbers;	/* "knn": k text, n number */
	const char	*sql;
} kinds[] = {
	{ "read-before", 1, "n",
	  /* everything read before the later of the two days */
	  "INSERT INTO st.meta(name, value) VALUES ('read_before', :f1)"
	  " ON CONFLICT(name) DO UPDATE SET value = max(value, :f1)" },
	{ "mark", 4, "knnn",
	  "INSERT INTO st.marks(key, read, flagged, updated) VALUES (:f1,"
	  " :f2, :f3, :f4) ON CONFLICT(key) DO UPDATE SET read = :f2,"
	  " flagged = :f3, updated = :f4 WHERE updated < :f4" },
	{ "place", 3, "knn",
	  "INSERT INTO st.places(key, place, updated) VALUES (:f1, :f2, :f3)"
	  " ON CONFLICT(key) DO UPDATE SET place = :f2, updated = :f3 WHERE"
	  " updated < :f3" },
	{ "position", 3, "knn",
	  "INSERT INTO st.positions(db, article, place, updated) VALUES"
	  " (:db, :f1, :f2, :f3) ON CONFLICT(db) DO UPDATE SET article = :f1,"
	  " place = :f2, updated = :f3 WHERE updated < :f3" },
	{ "view", 3, "ktn",
	  "INSERT INTO st.views(name, expr, pos, updated) VALUES (:f1, :f2,"
	  " (SELECT coalesce(max(pos), 0) + 1 FROM st.views), :f3) ON"
	  " CONFLICT(name) DO UPDATE SET expr = :f2, updated = :f3 WHERE"
	  " updated < :f3" },
};
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

/* A decimal number, and nothing else. */
static int
number(const char *s, long long *v)
{
	char *end;

	errno = 0;
	*v = strtoll(s, &end, 10);
	return end != s && *end == '\0' && errno == 0;
}

/* One line merged: NULL, or what is wrong with it (caller frees). */
static char *
merge_line(struct dbr *r, char *line)
{
	char *f[MAXFIELDS + 1], name[8];
	sqlite3_stmt *st;
	long long v;
	size_t k;
	int n, i, rc;

	for (n = 0; n <= MAXFIELDS && line != NULL; n++)
		f[n] = strsep(&line, "\t");
	if (line != NULL)
		return xstrdup("too many fields");
	for (k = 0; k < NKINDS && strcmp(kinds[k].tag, f[0]) != 0; k++)
		;
	if (k == NKINDS)
		return xasprintf("\"%.40s\": not a kind of line of a state",
		    f[0]);
	if (n - 1 != kinds[k].nfields)
		return xasprintf("%s: %d fields, not %d", f[0], n - 1,
		    kinds[k].nfields);
	for (i = 1; i < n; i++) {
		if (kinds[k].numbers[i - 1] == 'n' && !number(f[i], &v))
			return xasprintf("%s: field %d is not a number", f[0],
			    i);
		if (kinds[k].numbers[i - 1] != 'n' && *f[i] == '\0')
			return xasprintf("%s: field %d is empty", f[0], i);
	}
	if ((st = dbr_stmt(r, kinds[k].sql)) == NULL)
		return xstrdup(sqlite3_errmsg(r->db));
	dbr_bind_text(st, ":db", r->path);
	for (i = 1; i < n; i++) {
		snprintf(name, sizeof(name), ":f%d", i);
		if (kinds[k].numbers[i - 1] == 'n') {
			number(f[i], &v);
			dbr_bind_int(st, name, v);
		} else
			dbr_bind_text(st, name, f[i]);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? NULL : xstrdup(sqlite3_errmsg(r->db));
}

int
dbr_state_import(struct dbr *r, FILE *fp, const char *name, size_t *n,
    char **err)
{
	char *line, *why;
	size_t cap, lineno;
	ssize_t len;

	*n = 0;
	*err = NULL;
	if (dbr_state_file(r) == NULL) {
		*err = xstrdup("the state cannot be written: nothing imported");
		return -1;
	}
	if (sqlite3_exec(r->db, dbr_views_schema, NULL, NULL, NULL) !=
	    SQLITE_OK || sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL) != SQLITE_OK) {
		*err = xasprintf("the state: %s", sqlite3_errmsg(r->db));
		return -1;
	}
	line = NULL;
	cap = 0;
	why = NULL;
	for (lineno = 1; why == NULL &&
	    (len = getline(&line, &cap, fp)) != -1; lineno++) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (lineno == 1) {
			if (strcmp(line, MAGIC) != 0)
				why = xstrdup("not a state written by kuaibao"
				    " --state-export (" MAGIC ")");
			continue;
		}
		if (*line == '\0' || *line == '#')
			continue;
		if ((why = merge_line(r, line)) == NULL)
			++*n;
	}
	free(line);
	if (why == NULL && lineno == 1)
		why = xstrdup("empty: not a state");
	if (why == NULL && ferror(fp))
		why = xstrdup(strerror(errno));
	if (why != NULL) {
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		/* nothing taken: the line that stopped it */
		*err = xasprintf("%s:%zu: %s", name, lineno - 1, why);
		free(why);
		*n = 0;
		return -1;
	}
	if (sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		*err = xasprintf("the state: %s", sqlite3_errmsg(r->db));
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		*n = 0;
		return -1;
	}
	return 0;
}

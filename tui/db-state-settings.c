/*
 * Settings kept in the per-user state (the sidebar's width, the text's
 * measure): names and values in a small table, read when the reader
 * starts and written when they change; and whether the state is being
 * written at all, so that the status line can say so for as long as
 * marks are lost.  The table is made on first write, so that a state
 * from before it, or a read-only one, costs the start nothing.
 */
#include <stdio.h>
#include <string.h>

#include "db-read.h"
#include "db-read-int.h"

static const char settings_schema[] =
	"CREATE TABLE IF NOT EXISTS st.settings("
	"  name TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;";

char *
dbr_setting(struct dbr *r, const char *name)
{
	sqlite3_stmt *st;
	char *v;

	/* no table yet: nothing was ever set */
	if ((st = dbr_stmt(r, "SELECT value FROM st.settings WHERE"
	    " name = ?")) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	v = sqlite3_step(st) == SQLITE_ROW ? dbr_col_text(st, 0) : NULL;
	sqlite3_reset(st);
	return v;
}

int
dbr_set_setting(struct dbr *r, const char *name, const char *value)
{
	static const char sql[] = "INSERT OR REPLACE INTO st.settings(name,"
	    " value, updated) VALUES (?, ?, strftime('%s'))";
	sqlite3_stmt *st;
	int rc;

	if ((st = dbr_stmt(r, sql)) == NULL &&
	    sqlite3_exec(r->db, settings_schema, NULL, NULL, NULL) == SQLITE_OK)
		st = dbr_stmt(r, sql);
	if (st == NULL) {
		dbr_state_wrote(r, SQLITE_ERROR);
		return -1;
	}
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	dbr_state_wrote(r, rc);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void
dbr_state_wrote(struct dbr *r, int rc)
{
	r->state_failing = rc != SQLITE_DONE && rc != SQLITE_ROW;
	if (r->state_failing)
		snprintf(r->state_why, sizeof(r->state_why), "%s",
		    sqlite3_errmsg(r->db));
}

int
dbr_state_kept(struct dbr *r, const char **why)
{
	*why = r->state_why;
	return !r->state_memory && !r->state_failing;
}

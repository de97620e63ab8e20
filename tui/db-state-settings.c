/*
 * Settings kept in the per-user state (the sidebar's width, the text's
 * measure): names and values in a small table, read when the reader
 * starts and written when they change.  A setting is a change like a
 * mark (db-state.c): queued, written at once when the state takes the
 * lock and later when it does not, and read from the queue first.
 */
#include <stdlib.h>

#include "db-read.h"
#include "db-read-int.h"
#include "db-state.h"
#include "db-state-int.h"
#include "xmalloc.h"

const char dbr_settings_schema[] =
	"CREATE TABLE IF NOT EXISTS st.settings("
	"  name TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;";

static const struct dbr_change_type setting_change = {
	"settings", dbr_settings_schema, {
	"INSERT OR REPLACE INTO st.settings(name, value, updated) VALUES"
	" (:key, :text, strftime('%s'))", NULL }, 1
};

char *
dbr_setting(struct dbr *r, const char *name)
{
	const struct dbr_change *c;
	sqlite3_stmt *st;
	char *v;

	if ((c = dbr_state_queued(r, &setting_change, name)) != NULL)
		return xstrdup(c->text);
	/* no table (an old state, locked at start): nothing was set */
	if ((st = dbr_stmt(r, "SELECT value FROM st.settings WHERE"
	    " name = ?")) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	v = sqlite3_step(st) == SQLITE_ROW ? dbr_col_opt(st, 0) : NULL;
	sqlite3_reset(st);
	return v;
}

void
dbr_set_setting(struct dbr *r, const char *name, const char *value)
{
	dbr_state_change(r, &setting_change, name, value, 0, 0);
}

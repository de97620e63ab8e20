/*
 * What was typed at the prompts (the search, the : command line), for
 * ↑ and ↓.  The table is made when the state is attached (db-state.c),
 * or with the first write of a state that could not be written then.
 * Newest first by rowid: a text typed again is replaced, so it moves up.
 */
#include <stdlib.h>
#include <string.h>

#include "db-read.h"
#include "db-read-int.h"
#include "db-state.h"
#include "db-state-int.h"
#include "xmalloc.h"

#define HISTORY_KEEP	200	/* entries kept of each kind */

const char dbr_history_schema[] =
	"CREATE TABLE IF NOT EXISTS st.history("
	"  kind TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  UNIQUE (kind, text));";

static const struct dbr_change_type history_change = {
	"prompt history", dbr_history_schema, {
	"INSERT OR REPLACE INTO st.history(kind, text, at) VALUES (:key,"
	" :text, strftime('%s'))",
	"DELETE FROM st.history WHERE kind = :key AND rowid NOT IN (SELECT"
	" rowid FROM st.history WHERE kind = :key ORDER BY rowid DESC LIMIT"
	" :a)" }, 0
};

void
dbr_history_add(struct dbr *r, const char *kind, const char *text)
{
	dbr_state_change(r, &history_change, kind, text, HISTORY_KEEP, 0);
}

size_t
dbr_history(struct dbr *r, const char *kind, size_t limit, char ***out)
{
	const struct dbr_state *s = r->state;
	sqlite3_stmt *st;
	size_t n, cap, i;
	char *t;

	*out = NULL;
	n = cap = 0;
	/* what waits to be written is newer than what is */
	for (i = s != NULL ? s->n : 0; i > 0 && n < limit; i--)
		if (s->v[i - 1].type == &history_change &&
		    strcmp(s->v[i - 1].key, kind) == 0)
			VEC_PUSH(*out, n, cap, xstrdup(s->v[i - 1].text));
	if ((st = dbr_stmt(r, "SELECT text FROM st.history WHERE kind = ?"
	    " ORDER BY rowid DESC LIMIT ?")) == NULL)
		return n;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(limit - n));
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((t = dbr_col_opt(st, 0)) != NULL)
			VEC_PUSH(*out, n, cap, t);
	sqlite3_reset(st);
	return n;
}

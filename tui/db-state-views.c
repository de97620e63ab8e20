/*
 * Saved views: a name and a filter expression, kept in the per-user
 * state (changes queued as marks are, db-state.c) in the order they were
 * first saved.  The table is made as the history's is.
 */
#include <stdlib.h>
#include <string.h>

#include "db-read.h"
#include "db-read-int.h"
#include "db-state.h"
#include "db-state-int.h"
#include "xmalloc.h"

const char dbr_views_schema[] =
	"CREATE TABLE IF NOT EXISTS st.views("
	"  name TEXT PRIMARY KEY,"
	"  expr TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;";

/* a view saved again keeps its place */
static const struct dbr_change_type view_change = {
	"views", dbr_views_schema, {
	"INSERT INTO st.views(name, expr, pos, updated) VALUES (:key, :text,"
	" (SELECT coalesce(max(pos), 0) + 1 FROM st.views), strftime('%s'))"
	" ON CONFLICT(name) DO UPDATE SET expr = :text, updated ="
	" strftime('%s')", NULL }, 1
};

static const struct dbr_change_type view_del_change = {
	"views", dbr_views_schema, {
	"DELETE FROM st.views WHERE name = :key", NULL }, 1
};

void
dbr_view_save(struct dbr *r, const char *name, const char *expr)
{
	dbr_state_change(r, &view_change, name, expr, 0, 0);
}

void
dbr_view_delete(struct dbr *r, const char *name)
{
	dbr_state_change(r, &view_del_change, name, NULL, 0, 0);
}

/* The view called name in v, or n. */
static size_t
find(const struct dbr_view *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n && strcmp(v[i].name, name) != 0; i++)
		;
	return i;
}

size_t
dbr_views(struct dbr *r, struct dbr_view **out)
{
	const struct dbr_state *s = r->state;
	struct dbr_view v;
	sqlite3_stmt *st;
	size_t n, cap, i, k;

	*out = NULL;
	n = cap = 0;
	/* no table yet: no view saved (the queue may hold some) */
	if (sqlite3_exec(r->db, "SELECT 1 FROM st.views LIMIT 1", NULL, NULL,
	    NULL) == SQLITE_OK &&
	    (st = dbr_stmt(r, "SELECT name, expr FROM st.views ORDER BY"
	    " pos")) != NULL) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			v.name = dbr_col_text(st, 0);
			v.expr = dbr_col_text(st, 1);
			if (v.name == NULL || v.expr == NULL) {
				free(v.name);
				free(v.expr);
				continue;
			}
			VEC_PUSH(*out, n, cap, v);
		}
		sqlite3_reset(st);
	}
	/* what waits to be written, in order, over what is */
	for (i = 0; s != NULL && i < s->n; i++) {
		if (s->v[i].type != &view_change &&
		    s->v[i].type != &view_del_change)
			continue;
		k = find(*out, n, s->v[i].key);
		if (s->v[i].type == &view_del_change) {
			if (k < n) {
				free((*out)[k].name);
				free((*out)[k].expr);
				memmove(*out + k, *out + k + 1,
				    (n - k - 1) * sizeof(**out));
				n--;
			}
		} else if (k < n) {
			free((*out)[k].expr);
			(*out)[k].expr = xstrdup(s->v[i].text);
		} else {
			v.name = xstrdup(s->v[i].key);
			v.expr = xstrdup(s->v[i].text);
			VEC_PUSH(*out, n, cap, v);
		}
	}
	return n;
}

void
dbr_views_free(struct dbr_view *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].expr);
	}
	free(v);
}

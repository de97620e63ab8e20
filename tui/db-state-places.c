/*
 * Where reading stopped: each article's place, the article open when
 * the reader last quit on a database, and what a database held at the
 * last visit, so that a start after an import can say what is new.
 * Places are render_anchor() values: the same text comes back at the
 * top whatever the width of the terminal.
 */
#include <stdlib.h>
#include <string.h>

#include "db-read.h"
#include "db-read-int.h"
#include "db-schema.h"
#include "db-state.h"
#include "db-state-int.h"
#include "xmalloc.h"

const char dbr_places_schema[] =
	"CREATE TABLE IF NOT EXISTS st.positions("
	"  db TEXT PRIMARY KEY,"
	"  article TEXT NOT NULL,"
	"  place INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS st.places("
	"  key TEXT PRIMARY KEY,"
	"  place INTEGER NOT NULL,"
	"  updated INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS st.visits("
	"  db TEXT PRIMARY KEY,"
	"  newest INTEGER NOT NULL,"
	"  at INTEGER NOT NULL) WITHOUT ROWID;";

static const struct dbr_change_type place_change = {
	"places", dbr_places_schema, {
	"INSERT OR REPLACE INTO st.places(key, place, updated) VALUES (:key,"
	" :a, strftime('%s'))", NULL }, 1
};

static const struct dbr_change_type position_change = {
	"position", dbr_places_schema, {
	"INSERT OR REPLACE INTO st.positions(db, article, place, updated)"
	" VALUES (:db, :text, :a, strftime('%s'))", NULL }, 1
};

static const struct dbr_change_type visit_change = {
	"visit", dbr_places_schema, {
	"INSERT OR REPLACE INTO st.visits(db, newest, at) VALUES (:db, :a,"
	" strftime('%s'))", NULL }, 1
};

void
dbr_save_place(struct dbr *r, const char *key, long long place)
{
	const struct dbr_change *c;

	if (key == NULL)
		return;
	/* only what changed is written: opening is not moving */
	if ((c = dbr_state_queued(r, &place_change, key)) != NULL ?
	    c->a == place : dbr_place(r, key) == place)
		return;
	dbr_state_change(r, &place_change, key, NULL, place, 0);
}

long long
dbr_place(struct dbr *r, const char *key)
{
	const struct dbr_change *c;
	sqlite3_stmt *st;
	long long place;

	if (key == NULL)
		return 0;
	if ((c = dbr_state_queued(r, &place_change, key)) != NULL)
		return c->a;
	if ((st = dbr_stmt(r, "SELECT place FROM st.places WHERE key = ?")) ==
	    NULL)
		return 0;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	place = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) :
	    0;
	sqlite3_reset(st);
	return place;
}

void
dbr_save_position(struct dbr *r, const char *key, long long place)
{
	if (key == NULL)
		return;
	dbr_state_change(r, &position_change, NULL, key, place, 0);
}

char *
dbr_load_position(struct dbr *r, long long *place)
{
	const struct dbr_change *c;
	sqlite3_stmt *st;
	char *key;

	*place = 0;
	if ((c = dbr_state_queued(r, &position_change, NULL)) != NULL) {
		*place = c->a;
		return xstrdup(c->text);
	}
	if ((st = dbr_stmt(r, "SELECT article, place FROM st.positions"
	    " WHERE db = ?")) == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, r->path, -1, SQLITE_STATIC);
	key = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		key = dbr_col_opt(st, 0);
		*place = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return key;
}

void
dbr_news(struct dbr *r, struct dbr_news *n)
{
	sqlite3_stmt *st;
	int64_t newest, seen;

	memset(n, 0, sizeof(*n));
	newest = 0;
	if ((st = dbr_stmt(r, "SELECT max(id) FROM main.issues")) != NULL) {
		if (sqlite3_step(st) == SQLITE_ROW)
			newest = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	seen = -1;
	if ((st = dbr_stmt(r, "SELECT newest FROM st.visits WHERE db = ?")) !=
	    NULL) {
		sqlite3_bind_text(st, 1, r->path, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			seen = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	n->first = seen < 0;
	if (!n->first && newest > seen &&
	    (st = dbr_stmt(r, "SELECT count(*), total(narticles) FROM"
	    " main.issues WHERE id > ?")) != NULL) {
		/* the issues newer than the newest seen: an index range */
		sqlite3_bind_int64(st, 1, seen);
		if (sqlite3_step(st) == SQLITE_ROW) {
			n->issues = (size_t)sqlite3_column_int64(st, 0);
			n->articles = (size_t)sqlite3_column_double(st, 1);
		}
		sqlite3_reset(st);
	}
	if (newest != seen)
		dbr_state_change(r, &visit_change, NULL, NULL, newest, 0);
}

/*
 * The tree's and the search's queries under a filter.  Each is built on
 * one subquery, "the articles passing the filter with ids from :lo to
 * :hi": the rows of the filter's most selective part (the flags, the
 * words, the country, the theme; each an index in article id order)
 * checked against its other parts.  Article ids sort by issue date and
 * an issue's articles have consecutive ids (db-schema.h), so the next
 * issue with a match, an issue's matches and the next page of results
 * are each a short range of that index: what a screen costs does not
 * grow with the archive.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db-read.h"
#include "db-read-int.h"
#include "db-schema.h"
#include "expr.h"
#include "text.h"
#include "xmalloc.h"

#define STEP_MS		2.0	/* time of a dbr_count_step, after its first row */

enum {
	F_COUNTRY = 1, F_THEME = 2, F_QUERY = 4, F_FLAGGED = 8, F_EXPR = 16
};

/* An article's issue, from its id (db-schema.h): a.issue_id of a
 * database from elsewhere could be any number. */
#define ISSUE_OF_A	"a.id >> " DB_STR(DB_ARTICLE_BITS)

#define ISSUE_COLUMNS \
	"i.id, i.key, i.title, i.date, i.number, i.year, " DB_GUIDE_STATUS \
	", i.narticles"

/* What a query needs to know of a filter, the typed words split once. */
struct match {
	const struct filter	*f;
	char			**words;	/* to check in the text */
	size_t			 nwords;
};

static void
match_init(struct match *m, const struct filter *f)
{
	char **w;
	size_t n, i;

	m->f = f;
	m->words = NULL;
	m->nwords = 0;
	n = f->query != NULL && f->typed != NULL ? text_words(f->typed, &w) : 0;
	for (i = 0; i < n; i++)
		if (dbr_long_cjk(w[i]))
			w[m->nwords++] = w[i];
		else
			free(w[i]);
	if (n > 0)
		m->words = w;
}

static void
match_free(struct match *m)
{
	free_strings(m->words, m->nwords);
}

void
dbr_word_sql(struct buf *b, const char *id, const char *param)
{
	buf_printf(b, "(instr((SELECT title FROM articles WHERE id = %1$s),"
	    " %2$s) OR EXISTS (SELECT 1 FROM blocks b WHERE b.id "
	    DB_ID_RANGE_("%1$s", DB_STR(DB_BLOCK_SHIFT)) " AND instr(b.text,"
	    " %2$s)) OR EXISTS (SELECT 1 FROM footnotes n WHERE n.article_id ="
	    " %1$s AND instr(n.text, %2$s)) OR EXISTS (SELECT 1 FROM fields d"
	    " WHERE d.article_id = %1$s AND instr(d.value, %2$s)))", id,
	    param);
}

/*
 * The other parts of the filter, as conditions on the article id; lead,
 * the expression's atom that leads the query, if one does.
 */
static void
checks(struct buf *b, const struct match *m, int mask, const char *id,
    const struct expr *lead)
{
	char param[32];
	size_t i;

	if (mask & F_COUNTRY)
		buf_printf(b, " AND EXISTS (SELECT 1 FROM article_countries c"
		    " WHERE c.country_id = :country AND c.article_id = %s AND"
		    " c.role <= :mentions)", id);
	if (mask & F_THEME)
		buf_printf(b, " AND EXISTS (SELECT 1 FROM article_themes t"
		    " WHERE t.theme_id = :theme AND t.article_id = %s)", id);
	if (mask & F_QUERY)
		buf_printf(b, " AND EXISTS (SELECT 1 FROM fts WHERE fts MATCH"
		    " :query AND rowid = %s)", id);
	/* the index ANDs a long word's bigrams: the word itself must be
	 * in the title, a block, a note or a field */
	for (i = 0; i < m->nwords; i++) {
		snprintf(param, sizeof(param), ":w%zu", i);
		buf_adds(b, " AND ");
		dbr_word_sql(b, id, param);
	}
	if (mask & F_EXPR) {
		buf_adds(b, " AND ");
		dbr_expr_sql(b, m->f->expr, id, lead);
	}
}

/* "(SELECT id FROM <the articles passing m from :lo to :hi>) m" */
static void
matches(struct buf *b, const struct match *m)
{
	const struct filter *f = m->f;
	const struct expr *lead;
	int mask;

	mask = (f->country ? F_COUNTRY : 0) | (f->theme ? F_THEME : 0) |
	    (f->query ? F_QUERY : 0) | (f->flagged ? F_FLAGGED : 0) |
	    (f->expr ? F_EXPR : 0);
	buf_adds(b, "(SELECT ");
	if (mask & F_FLAGGED) {
		buf_adds(b, "p.id AS id FROM st.marks k JOIN articles p ON"
		    " p.key = k.key WHERE k.flagged AND p.id BETWEEN :lo AND"
		    " :hi");
		checks(b, m, mask & ~F_FLAGGED, "p.id", NULL);
	} else if (mask & F_QUERY) {
		buf_adds(b, "rowid AS id FROM fts WHERE fts MATCH :query AND"
		    " rowid BETWEEN :lo AND :hi");
		checks(b, m, mask & ~F_QUERY, "fts.rowid", NULL);
	} else if (mask & F_COUNTRY) {
		buf_adds(b, "p.article_id AS id FROM article_countries p WHERE"
		    " p.country_id = :country AND p.role <= :mentions AND"
		    " p.article_id BETWEEN :lo AND :hi");
		checks(b, m, mask & ~F_COUNTRY, "p.article_id", NULL);
	} else if (mask & F_THEME) {
		buf_adds(b, "p.article_id AS id FROM article_themes p WHERE"
		    " p.theme_id = :theme AND p.article_id BETWEEN :lo AND :hi");
		checks(b, m, mask & ~F_THEME, "p.article_id", NULL);
	} else if ((lead = dbr_expr_lead(f->expr)) != NULL) {
		/* the expression's most selective index leads */
		dbr_expr_from(b, lead);
		checks(b, m, mask, dbr_expr_lead_id(lead), lead);
	} else {
		buf_adds(b, "p.id AS id FROM articles p WHERE p.id BETWEEN :lo"
		    " AND :hi");
		checks(b, m, mask, "p.id", NULL);
	}
	buf_adds(b, ") m");
}

/* hi, no higher than the expression's years and dates allow */
static int64_t
clamp_hi(const struct filter *f, int64_t hi)
{
	int64_t xlo = 0, xhi = INT64_MAX;

	dbr_expr_range(f->expr, &xlo, &xhi);
	return hi < xhi ? hi : xhi;
}

/*
 * The statement for sql, with "%M" standing for the articles passing f
 * with ids from lo to hi, and the filter bound.
 */
static sqlite3_stmt *
query(struct dbr *r, const struct filter *f, const char *sql, int64_t lo,
    int64_t hi)
{
	struct buf b = { 0 };
	struct match m;
	sqlite3_stmt *st;
	const char *p;
	char name[32];
	size_t i;

	match_init(&m, f);
	for (p = sql; *p != '\0'; p++)
		if (p[0] == '%' && p[1] == 'M') {
			matches(&b, &m);
			p++;
		} else
			buf_addc(&b, *p);
	st = dbr_stmt(r, buf_str(&b));
	buf_free(&b);
	if (st != NULL) {
		dbr_expr_range(f->expr, &lo, &hi);
		dbr_bind_int(st, ":lo", lo);
		dbr_bind_int(st, ":hi", hi);
		dbr_expr_bind(st, f->expr);
		dbr_bind_int(st, ":country", f->country);
		dbr_bind_int(st, ":mentions", f->mentions ? 1 : 0);
		dbr_bind_int(st, ":theme", f->theme);
		dbr_bind_text(st, ":query", f->query);
		dbr_bind_int(st, ":read_before", r->read_before);
		for (i = 0; i < m.nwords; i++) {
			snprintf(name, sizeof(name), ":w%zu", i);
			dbr_bind_text(st, name, m.words[i]);
		}
	}
	match_free(&m);
	return st;
}

int
dbr_filtered(const struct filter *f)
{
	return f->country || f->theme || f->query || f->flagged ||
	    f->expr != NULL;
}

static void
issue_row(sqlite3_stmt *st, struct issue_row *row, int counted)
{
	row->id = sqlite3_column_int64(st, 0);
	row->key = dbr_col_text(st, 1);
	row->title = dbr_col_text(st, 2);
	row->date = dbr_col_opt(st, 3);
	row->number = dbr_col_opt(st, 4);
	row->year = sqlite3_column_int(st, 5);
	row->guide = sqlite3_column_int(st, 6);
	row->n = counted ? sqlite3_column_int(st, 7) : -1;
	row->unread = -1;
}

/* Unfiltered: a page of the issues table, newest first. */
static size_t
issue_page(struct dbr *r, const struct issue_row *after, int64_t to,
    size_t limit, struct issue_row **out)
{
	sqlite3_stmt *st;
	struct issue_row row;
	size_t n, cap;

	if ((st = dbr_stmt(r, "SELECT " ISSUE_COLUMNS " FROM issues i WHERE"
	    " i.id < :before AND i.id >= :to ORDER BY i.id DESC LIMIT"
	    " :limit")) == NULL)
		return 0;
	dbr_bind_int(st, ":before", after ? after->id : INT64_MAX);
	dbr_bind_int(st, ":to", to);
	dbr_bind_int(st, ":limit", limit > INT64_MAX ? -1 : (int64_t)limit);
	n = cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		issue_row(st, &row, 1);
		VEC_PUSH(*out, n, cap, row);
	}
	sqlite3_reset(st);
	return n;
}

/* Filtered: from the newest match below the last issue, its issue. */
static size_t
issue_walk(struct dbr *r, const struct filter *f,
    const struct issue_row *after, int64_t to, size_t limit,
    struct issue_row **out)
{
	sqlite3_stmt *match, *st;
	struct issue_row row;
	int64_t before, issue;
	size_t n, cap;

	before = after ? DB_FIRST_ARTICLE(after->id) : INT64_MAX;
	n = cap = 0;
	/* one statement for every step, only its upper bound rebound */
	match = query(r, f, "SELECT m.id FROM %M ORDER BY m.id DESC LIMIT 1",
	    DB_FIRST_ARTICLE(to), before - 1);
	while (match != NULL && n < limit && before > 0) {
		dbr_bind_int(match, ":hi", clamp_hi(f, before - 1));
		if (sqlite3_step(match) != SQLITE_ROW)
			break;
		issue = DB_ISSUE_OF(sqlite3_column_int64(match, 0));
		sqlite3_reset(match);
		if ((st = dbr_stmt(r, "SELECT " ISSUE_COLUMNS " FROM issues i"
		    " WHERE i.id = ?")) == NULL)
			break;
		sqlite3_bind_int64(st, 1, issue);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			break;
		}
		issue_row(st, &row, 0);
		sqlite3_reset(st);
		VEC_PUSH(*out, n, cap, row);
		before = DB_FIRST_ARTICLE(row.id);
	}
	if (match != NULL)
		sqlite3_reset(match);
	return n;
}

size_t
dbr_issues(struct dbr *r, const struct filter *f,
    const struct issue_row *after, int64_t to, size_t limit,
    struct issue_row **out)
{
	*out = NULL;
	return dbr_filtered(f) ? issue_walk(r, f, after, to, limit, out) :
	    issue_page(r, after, to, limit, out);
}

int
dbr_passes(struct dbr *r, const struct filter *f, int64_t article)
{
	sqlite3_stmt *st;
	int yes;

	if ((st = query(r, f, "SELECT 1 FROM %M", article, article)) == NULL)
		return 0;
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

void
dbr_issue_counts(struct dbr *r, const struct filter *f,
    struct issue_row *row)
{
	sqlite3_stmt *st;

	st = query(r, f, "SELECT count(*), coalesce(sum(" UNREAD "), 0) FROM"
	    " %M JOIN articles a ON a.id = m.id", DB_FIRST_ARTICLE(row->id),
	    DB_LAST_ARTICLE(row->id));
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		row->n = sqlite3_column_int(st, 0);
		row->unread = sqlite3_column_int(st, 1);
	} else
		row->n = row->unread = 0;
	if (st != NULL)
		sqlite3_reset(st);
}

/* count(*) of the articles passing f from lo to hi, with more (SQL after
 * "%M") joined. */
static int
count_in(struct dbr *r, const struct filter *f, const char *sql, int64_t lo,
    int64_t hi)
{
	sqlite3_stmt *st;
	int n;

	n = 0;
	if (lo > hi || (st = query(r, f, sql, lo, hi)) == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return n;
}

/*
 * The unread are counted without looking up every article's mark: those
 * from the read-before id up, less the ones marked read there, and the
 * few marked unread below it (the marks' partial index).
 */
void
dbr_count_all(struct dbr *r, const struct filter *f, int *n, int *unread)
{
	sqlite3_stmt *st;
	int64_t rb = r->read_before, *ids;
	size_t nids, cap, i;

	*n = count_in(r, f, "SELECT count(*) FROM %M", 0, INT64_MAX);
	*unread = count_in(r, f, "SELECT count(*) FROM %M", rb, INT64_MAX) -
	    count_in(r, f, "SELECT count(*) FROM %M WHERE EXISTS (SELECT 1"
	    " FROM st.marks k WHERE k.key = (SELECT a.key FROM articles a"
	    " WHERE a.id = m.id) AND k.read)", rb, INT64_MAX);
	/* the marks lead: a join could walk the articles below rb */
	if (rb == 0 || (st = dbr_stmt(r, "SELECT (SELECT a.id FROM articles"
	    " a WHERE a.key = k.key) AS id FROM st.marks k WHERE k.read = 0"
	    " AND id < :rb")) == NULL)
		return;
	dbr_bind_int(st, ":rb", rb);
	ids = NULL;
	nids = cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		VEC_PUSH(ids, nids, cap, sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	for (i = 0; i < nids; i++)
		*unread += dbr_passes(r, f, ids[i]);
	free(ids);
}

size_t
dbr_columns(struct dbr *r, int64_t issue,
    const struct filter *f, struct column_row **out)
{
	sqlite3_stmt *st;
	struct column_row row;
	size_t n, cap;

	*out = NULL;
	st = query(r, f, "SELECT s.id, s.name, c.n, c.unread FROM (SELECT"
	    " a.section_id AS sid, count(*) AS n, sum(" UNREAD ") AS unread"
	    " FROM %M JOIN articles a ON a.id = m.id GROUP BY a.section_id)"
	    " c JOIN sections s ON s.id = c.sid ORDER BY s.pos",
	    DB_FIRST_ARTICLE(issue), DB_LAST_ARTICLE(issue));
	n = cap = 0;
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.name = dbr_col_text(st, 1);
		row.n = sqlite3_column_int(st, 2);
		row.unread = sqlite3_column_int(st, 3);
		VEC_PUSH(*out, n, cap, row);
	}
	if (st != NULL)
		sqlite3_reset(st);
	return n;
}

size_t
dbr_article_rows(struct dbr *r, sqlite3_stmt *st, struct article_row **out)
{
	struct article_row row;
	size_t n, cap;

	*out = NULL;
	n = cap = 0;
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(st, 0);
		row.issue = sqlite3_column_int64(st, 1);
		row.column = sqlite3_column_int64(st, 2);
		row.key = dbr_col_text(st, 3);
		row.title = dbr_col_text(st, 4);
		row.date = dbr_col_opt(st, 5);
		row.read = sqlite3_column_int(st, 6);
		row.flagged = sqlite3_column_int(st, 7);
		row.adate = dbr_col_text(st, 8);
		VEC_PUSH(*out, n, cap, row);
	}
	if (st != NULL)
		sqlite3_reset(st);
	if (r->overlay != NULL)
		r->overlay(r, *out, n);
	return n;
}

int
dbr_find(struct dbr *r, const char *key, struct article_row *row)
{
	struct article_row *rows;
	sqlite3_stmt *st;
	size_t n;

	if ((st = dbr_stmt(r, "SELECT a.id, " ISSUE_OF_A ", a.section_id, a.key,"
	    " a.title, NULL, " ARTICLE_READ ", k.flagged, a.date FROM articles a"
	    ARTICLE_MARKS " WHERE a.key = :key")) == NULL)
		return 0;
	dbr_bind_text(st, ":key", key);
	dbr_bind_int(st, ":read_before", r->read_before);
	n = dbr_article_rows(r, st, &rows);
	if (n == 0) {
		free(rows);
		return 0;
	}
	*row = rows[0];
	dbr_article_rows_free(rows + 1, n - 1);
	free(rows);
	return 1;
}

int64_t
dbr_unread_in(struct dbr *r, const struct filter *f, int64_t lo,
    int64_t hi, int dir)
{
	sqlite3_stmt *st;
	int64_t id;

	if (lo > hi)
		return 0;
	st = query(r, f, dir > 0 ? "SELECT m.id FROM %M JOIN articles a ON"
	    " a.id = m.id WHERE " UNREAD " ORDER BY m.id LIMIT 1" :
	    "SELECT m.id FROM %M JOIN articles a ON a.id = m.id WHERE "
	    UNREAD " ORDER BY m.id DESC LIMIT 1", lo, hi);
	id = st != NULL && sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int64(st, 0) : 0;
	if (st != NULL)
		sqlite3_reset(st);
	return id;
}

size_t
dbr_articles(struct dbr *r, int64_t issue, int64_t column,
    const struct filter *f, struct article_row **out)
{
	sqlite3_stmt *st;

	*out = NULL;
	st = query(r, f, "SELECT a.id, " ISSUE_OF_A ", a.section_id, a.key,"
	    " a.title, NULL, " ARTICLE_READ ", k.flagged, a.date FROM %M JOIN"
	    " articles a ON a.id = m.id" ARTICLE_MARKS " WHERE a.section_id ="
	    " :column ORDER BY m.id", DB_FIRST_ARTICLE(issue),
	    DB_LAST_ARTICLE(issue));
	if (st != NULL)
		dbr_bind_int(st, ":column", column);
	return dbr_article_rows(r, st, out);
}

size_t
dbr_search(struct dbr *r, const struct filter *f, int64_t before,
    size_t limit, struct article_row **out)
{
	sqlite3_stmt *st;

	*out = NULL;
	st = query(r, f, "SELECT a.id, " ISSUE_OF_A ", a.section_id, a.key,"
	    " a.title, coalesce(i.date, i.year), " ARTICLE_READ ", k.flagged,"
	    " coalesce(a.date, i.date, i.year)"
	    " FROM %M JOIN articles a ON a.id = m.id JOIN issues i ON i.id ="
	    " a.issue_id" ARTICLE_MARKS " ORDER BY m.id DESC LIMIT :limit",
	    0, before - 1);
	if (st != NULL)
		dbr_bind_int(st, ":limit", limit > INT64_MAX ? -1 :
		    (int64_t)limit);
	return dbr_article_rows(r, st, out);
}

void
dbr_count_step(struct dbr *r, const struct filter *f, struct dbr_count *c)
{
	sqlite3_stmt *st;
	size_t rows;
	int64_t issue;
	double t1, per;

	if (c->done)
		return;
	if (!dbr_filtered(f)) {
		/* the issues: the tree shows no article total */
		st = dbr_stmt(r, "SELECT count(*) FROM issues");
		if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
			c->issues = (size_t)sqlite3_column_int64(st, 0);
		if (st != NULL)
			sqlite3_reset(st);
		c->done = 1;
		return;
	}
	if (c->step == 0) {
		c->before = INT64_MAX;
		c->step = 64;
	}
	st = query(r, f, "SELECT m.id FROM %M ORDER BY m.id DESC LIMIT :limit",
	    0, c->before - 1);
	if (st != NULL)
		dbr_bind_int(st, ":limit", (int64_t)c->step);
	rows = 0;
	t1 = dbr_now_ms();
	while (st != NULL && sqlite3_step(st) == SQLITE_ROW) {
		if (rows++ == 0)
			t1 = dbr_now_ms();
		c->before = sqlite3_column_int64(st, 0);
		issue = DB_ISSUE_OF(c->before);
		/* an issue's matches are consecutive: count where it changes */
		if (c->articles == 0 || issue != c->issue)
			c->issues++;
		c->issue = issue;
		c->articles++;
	}
	if (st != NULL)
		sqlite3_reset(st);
	/* (an id of 0, which only a database from elsewhere has, ends it
	 * too: nothing is below it) */
	if (rows < c->step || c->before <= 0) {
		c->done = 1;
		return;
	}
	/*
	 * The next step: as many rows as take STEP_MS after the first.
	 * Finding the first costs what it costs (a prefix query reads
	 * many lists) whatever the size, so it is left out.
	 */
	per = (dbr_now_ms() - t1) / (double)(rows > 1 ? rows - 1 : 1);
	c->step = per > 0 ? (size_t)(STEP_MS / per) : c->step * 2;
	if (c->step < 16)
		c->step = 16;
	if (c->step > 1 << 20)
		c->step = 1 << 20;
}

/* f without the part the prompt chooses: its country, or its theme. */
static struct filter
others(const struct filter *f, int countries)
{
	struct filter g = *f;

	if (countries)
		g.country = 0;
	else
		g.theme = 0;
	return g;
}

int
dbr_choices_counted(const struct filter *f, int countries)
{
	struct filter g = others(f, countries);

	return !dbr_filtered(&g);
}

void
dbr_choices_step(struct dbr *r, const struct filter *f, int countries,
    struct choice *v, size_t n, struct dbr_count *c)
{
	struct filter g = others(f, countries);
	sqlite3_stmt *st, *tags;
	size_t i, *at, maxid;
	int64_t id;
	double t0;
	int more;

	if (c->done)
		return;
	if (c->before == 0) {
		c->before = INT64_MAX;
		for (i = 0; i < n; i++)
			v[i].n = v[i].nall = 0;
	}
	/* the choices by id: a list's ids are few and small */
	for (i = 0, maxid = 0; i < n; i++)
		if (v[i].id > 0 && (size_t)v[i].id > maxid)
			maxid = (size_t)v[i].id;
	at = xcalloc(maxid + 1, sizeof(*at));
	for (i = 0; i < n; i++)
		if (v[i].id > 0)
			at[v[i].id] = i + 1;
	/* the articles passing the other filters, newest first, each one's
	 * tags counted, for STEP_MS after the first */
	st = query(r, &g, "SELECT m.id FROM %M ORDER BY m.id DESC", 0,
	    c->before - 1);
	tags = dbr_stmt(r, countries ? "SELECT country_id, role = 0 FROM"
	    " article_countries WHERE article_id = ?" : "SELECT theme_id, 1"
	    " FROM article_themes WHERE article_id = ?");
	t0 = 0;
	more = 0;
	while (st != NULL && tags != NULL && sqlite3_step(st) == SQLITE_ROW) {
		if (t0 == 0)
			t0 = dbr_now_ms();
		else if (dbr_now_ms() - t0 > STEP_MS) {
			more = 1;
			break;
		}
		c->before = sqlite3_column_int64(st, 0);
		c->articles++;
		sqlite3_bind_int64(tags, 1, c->before);
		while (sqlite3_step(tags) == SQLITE_ROW) {
			id = sqlite3_column_int64(tags, 0);
			if (id <= 0 || (size_t)id > maxid || at[id] == 0)
				continue;
			v[at[id] - 1].n += sqlite3_column_int(tags, 1);
			v[at[id] - 1].nall++;
		}
		sqlite3_reset(tags);
	}
	if (st != NULL)
		sqlite3_reset(st);
	free(at);
	c->done = !more;
}

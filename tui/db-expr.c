/*
 * Filter expressions against the archive: their names resolved (a
 * country as the prompts take it: 日本, japan, jp), and the tree turned
 * into SQL over the same indexes as the tree's queries (db-match.c).
 * Each atom is a condition on an article id, with its values bound as
 * parameters named after the atom (:e3, :e3l, :e3h); a year or a date
 * is a range of ids, as ids sort by issue date (db-schema.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "choice.h"
#include "db-read.h"
#include "db-read-int.h"
#include "db-schema.h"
#include "expr.h"
#include "msg.h"
#include "text.h"
#include "xmalloc.h"

/* What an article's id is, inside a condition on id X. */
#define ISSUE_OF(x)	"(" x " >> " DB_STR(DB_ARTICLE_BITS) ")"

struct resolve {
	struct dbr		*r;
	struct choice		*countries, *themes;
	size_t			 ncountries, nthemes;
	struct expr_error	*err;
};

static int
resolve_error(struct resolve *rs, const struct expr *e, enum msg id)
{
	struct buf b = { 0 };

	buf_printf(&b, msg(id), e->value);
	rs->err->msg = buf_take(&b);
	rs->err->col = e->col;
	return -1;
}

/* A country or a theme by the prompts' matching: the best one. */
static int
resolve_choice(struct resolve *rs, struct expr *e)
{
	struct choice *v;
	size_t n, k, *shown;

	if (e->kind == EX_COUNTRY) {
		if (rs->countries == NULL)
			rs->ncountries = dbr_countries(rs->r, &rs->countries);
		v = rs->countries;
		n = rs->ncountries;
	} else {
		if (rs->themes == NULL)
			rs->nthemes = dbr_themes(rs->r, &rs->themes);
		v = rs->themes;
		n = rs->nthemes;
	}
	k = choice_narrow(v, n, e->value, &shown);
	if (k == 0) {
		free(shown);
		return resolve_error(rs, e, e->kind == EX_COUNTRY ?
		    MSG_NO_COUNTRY : MSG_NO_THEME);
	}
	e->id = v[shown[0]].id;
	free(e->name);
	e->name = xstrdup(v[shown[0]].name);
	e->rows = e->kind == EX_COUNTRY ? v[shown[0]].nall : v[shown[0]].n;
	free(shown);
	return 0;
}

static int
column_exists(struct dbr *r, const char *name)
{
	sqlite3_stmt *st;
	int yes;

	if ((st = dbr_stmt(r, "SELECT 1 FROM sections WHERE instr(name, ?)"
	    " LIMIT 1")) == NULL)
		return 1;	/* the query will say what is wrong */
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

static int
resolve(struct resolve *rs, struct expr *e)
{
	if (e == NULL)
		return 0;
	switch (e->kind) {
	case EX_AND:
	case EX_OR:
	case EX_NOT:
		return resolve(rs, e->a) == -1 ? -1 : resolve(rs, e->b);
	case EX_COUNTRY:
	case EX_THEME:
		return resolve_choice(rs, e);
	case EX_WORDS:
		free(e->fts);
		if ((e->fts = dbr_fts_query(e->value)) == NULL)
			return resolve_error(rs, e, MSG_EXPR_NO_WORDS);
		return 0;
	case EX_COLUMN:
		return column_exists(rs->r, e->value) ? 0 :
		    resolve_error(rs, e, MSG_EXPR_NO_COLUMN);
	default:
		return 0;
	}
}

int
dbr_expr_compile(struct dbr *r, const char *s, struct expr **out,
    struct expr_error *err)
{
	struct resolve rs;
	int rc;

	if (expr_parse(s, out, err) == -1)
		return -1;
	memset(&rs, 0, sizeof(rs));
	rs.r = r;
	rs.err = err;
	rc = resolve(&rs, *out);
	dbr_choices_free(rs.countries, rs.ncountries);
	dbr_choices_free(rs.themes, rs.nthemes);
	if (rc == -1) {
		expr_free(*out);
		*out = NULL;
	}
	return rc;
}

/* A year's or a date's days, as article ids. */
static void
id_range(const struct expr *e, int64_t *lo, int64_t *hi)
{
	char d[16];
	int64_t first, last;

	if (e->kind == EX_YEAR) {
		snprintf(d, sizeof(d), "%04d-01-01", (int)(e->lo < 1900 ? 1900 :
		    e->lo > 2258 ? 2258 : e->lo));
		first = e->lo < 1900 ? 0 : db_days(d, 0);
		snprintf(d, sizeof(d), "%04d-12-31", (int)(e->hi < 1900 ? 1900 :
		    e->hi > 2258 ? 2258 : e->hi));
		last = e->hi < 1900 ? -1 : db_days(d, 0);
	} else {
		first = e->lo;
		last = e->hi;
	}
	*lo = DB_FIRST_ARTICLE(first << DB_SLOT_BITS);
	*hi = last < 0 ? -1 : DB_FIRST_ARTICLE((last + 1) << DB_SLOT_BITS) -
	    1;
}

void
dbr_expr_range(const struct expr *e, int64_t *lo, int64_t *hi)
{
	int64_t l, h;

	if (e == NULL)
		return;
	if (e->kind == EX_AND) {
		dbr_expr_range(e->a, lo, hi);
		dbr_expr_range(e->b, lo, hi);
	} else if (e->kind == EX_YEAR || e->kind == EX_DATE) {
		id_range(e, &l, &h);
		if (l > *lo)
			*lo = l;
		if (h < *hi)
			*hi = h;
	}
}

/* The rows an atom that can lead a query would give, or -1. */
static int64_t
lead_rows(const struct expr *e)
{
	switch (e->kind) {
	case EX_IS:
		return e->lo == IS_FLAGGED ? 0 : -1;	/* few, as a rule */
	case EX_WORDS:
		return 1;	/* the index says no more */
	case EX_COUNTRY:
	case EX_THEME:
		return e->rows + 2;
	default:
		return -1;
	}
}

const struct expr *
dbr_expr_lead(const struct expr *e)
{
	const struct expr *a, *b;
	int64_t ra, rb;

	if (e == NULL)
		return NULL;
	if (e->kind != EX_AND)
		return lead_rows(e) >= 0 ? e : NULL;
	a = dbr_expr_lead(e->a);
	b = dbr_expr_lead(e->b);
	if (a == NULL || b == NULL)
		return a != NULL ? a : b;
	ra = lead_rows(a);
	rb = lead_rows(b);
	return rb < ra ? b : a;
}

void
dbr_expr_from(struct buf *b, const struct expr *lead)
{
	switch (lead->kind) {
	case EX_IS:
		buf_adds(b, "p.id AS id FROM st.marks k JOIN articles p ON"
		    " p.key = k.key WHERE k.flagged AND p.id BETWEEN :lo AND"
		    " :hi");
		break;
	case EX_WORDS:
		buf_printf(b, "rowid AS id FROM fts WHERE fts MATCH :e%d AND"
		    " rowid BETWEEN :lo AND :hi", lead->n);
		break;
	case EX_COUNTRY:
		buf_printf(b, "p.article_id AS id FROM article_countries p"
		    " WHERE p.country_id = :e%d AND p.role <= :mentions AND"
		    " p.article_id BETWEEN :lo AND :hi", lead->n);
		break;
	default:
		buf_printf(b, "p.article_id AS id FROM article_themes p WHERE"
		    " p.theme_id = :e%d AND p.article_id BETWEEN :lo AND :hi",
		    lead->n);
		break;
	}
}

const char *
dbr_expr_lead_id(const struct expr *lead)
{
	switch (lead->kind) {
	case EX_IS:
		return "p.id";
	case EX_WORDS:
		return "fts.rowid";
	default:
		return "p.article_id";
	}
}

/* The condition of an atom on the article id x. */
static void
atom_sql(struct buf *b, const struct expr *e, const char *x)
{
	char **w, param[32];
	size_t n, i;

	switch (e->kind) {
	case EX_WORDS:
		buf_printf(b, "EXISTS (SELECT 1 FROM fts WHERE fts MATCH :e%d"
		    " AND rowid = %s)", e->n, x);
		n = text_words(e->value, &w);
		for (i = 0; i < n; i++)
			if (dbr_long_cjk(w[i])) {
				snprintf(param, sizeof(param), ":e%dw%zu",
				    e->n, i);
				buf_adds(b, " AND ");
				dbr_word_sql(b, x, param);
			}
		free_strings(w, n);
		break;
	case EX_COUNTRY:
		buf_printf(b, "EXISTS (SELECT 1 FROM article_countries c WHERE"
		    " c.country_id = :e%d AND c.article_id = %s AND c.role <="
		    " :mentions)", e->n, x);
		break;
	case EX_THEME:
		buf_printf(b, "EXISTS (SELECT 1 FROM article_themes t WHERE"
		    " t.theme_id = :e%d AND t.article_id = %s)", e->n, x);
		break;
	case EX_COLUMN:
		buf_printf(b, "instr((SELECT s.name FROM sections s WHERE s.id"
		    " = (SELECT x.section_id FROM articles x WHERE x.id = %s)),"
		    " :e%d) > 0", x, e->n);
		break;
	case EX_ISSUE:
		buf_printf(b, ISSUE_OF("%1$s") " IN (SELECT id FROM issues WHERE"
		    " key = :e%2$d OR substr(key, 1, length(:e%2$d)) = :e%2$d"
		    " OR instr(coalesce(number, ''), :e%2$d) > 0)", x, e->n);
		break;
	case EX_KIND:
		buf_printf(b, "(SELECT kind FROM issues WHERE id = "
		    ISSUE_OF("%s") ") = :e%d", x, e->n);
		break;
	case EX_YEAR:
	case EX_DATE:
		buf_printf(b, "%s BETWEEN :e%dl AND :e%dh", x, e->n, e->n);
		/* an issue known by its year only has no day */
		if (e->kind == EX_DATE)
			buf_printf(b, " AND (SELECT date FROM issues WHERE id = "
			    ISSUE_OF("%s") ") IS NOT NULL", x);
		break;
	case EX_IS:
		if (e->lo == IS_FLAGGED)
			buf_printf(b, "coalesce((SELECT k.flagged FROM st.marks k"
			    " WHERE k.key = (SELECT x.key FROM articles x WHERE"
			    " x.id = %s)), 0)", x);
		else
			buf_printf(b, "%scoalesce((SELECT k.read FROM st.marks k"
			    " WHERE k.key = (SELECT x.key FROM articles x WHERE"
			    " x.id = %s)), %s < :read_before)",
			    e->lo == IS_UNREAD ? "NOT " : "", x, x);
		break;
	default:
		break;
	}
}

/*
 * e on the article x; top: e is one of the expression's top-level terms,
 * whose years and dates the range of ids already holds (dbr_expr_range):
 * two ranges on the rowid would leave SQLite to take either.
 */
static void
expr_sql(struct buf *b, const struct expr *e, const char *x,
    const struct expr *lead, int top)
{
	if (e == lead || (top && e->kind == EX_YEAR)) {
		buf_adds(b, "1");	/* the rows it leads pass it */
		return;
	}
	switch (e->kind) {
	case EX_AND:
	case EX_OR:
		buf_addc(b, '(');
		expr_sql(b, e->a, x, lead, top && e->kind == EX_AND);
		buf_adds(b, e->kind == EX_AND ? " AND " : " OR ");
		expr_sql(b, e->b, x, lead, top && e->kind == EX_AND);
		buf_addc(b, ')');
		break;
	case EX_NOT:
		buf_adds(b, "NOT (");
		expr_sql(b, e->a, x, NULL, 0);
		buf_addc(b, ')');
		break;
	case EX_DATE:
		if (top) {
			/* its range is the query's: only the day is asked */
			buf_printf(b, "((SELECT date FROM issues WHERE id = "
			    ISSUE_OF("%s") ") IS NOT NULL)", x);
			break;
		}
		/* FALLTHROUGH */
	default:
		buf_addc(b, '(');
		atom_sql(b, e, x);
		buf_addc(b, ')');
		break;
	}
}

void
dbr_expr_sql(struct buf *b, const struct expr *e, const char *x,
    const struct expr *lead)
{
	expr_sql(b, e, x, lead, 1);
}

void
dbr_expr_bind(sqlite3_stmt *st, const struct expr *e)
{
	static const char *const kinds[] = { "bulletin", "guide" };
	char name[32], **w;
	int64_t lo, hi;
	size_t n, i;

	if (e == NULL)
		return;
	snprintf(name, sizeof(name), ":e%d", e->n);
	switch (e->kind) {
	case EX_AND:
	case EX_OR:
	case EX_NOT:
		dbr_expr_bind(st, e->a);
		dbr_expr_bind(st, e->b);
		break;
	case EX_WORDS:
		dbr_bind_text(st, name, e->fts);
		n = text_words(e->value, &w);
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), ":e%dw%zu", e->n, i);
			dbr_bind_text(st, name, w[i]);
		}
		free_strings(w, n);
		break;
	case EX_COUNTRY:
	case EX_THEME:
		dbr_bind_int(st, name, e->id);
		break;
	case EX_COLUMN:
	case EX_ISSUE:
		dbr_bind_text(st, name, e->value);
		break;
	case EX_KIND:
		dbr_bind_text(st, name, kinds[e->lo != 0]);
		break;
	case EX_YEAR:
	case EX_DATE:
		id_range(e, &lo, &hi);
		snprintf(name, sizeof(name), ":e%dl", e->n);
		dbr_bind_int(st, name, lo);
		snprintf(name, sizeof(name), ":e%dh", e->n);
		dbr_bind_int(st, name, hi);
		break;
	default:
		break;
	}
}

/*
 * Filter expressions: a recursive descent over the grammar in expr.h.
 * Field names and values are checked here (a year is four digits, a date
 * a day of the calendar) so that a mistake is reported where it is typed;
 * names of countries and themes are left to db-expr.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "db-schema.h"
#include "expr.h"
#include "msg.h"
#include "xmalloc.h"

struct parser {
	const char		*s;	/* the whole expression */
	const char		*p;	/* where the parser is */
	int			 atoms;
	struct expr_error	*err;
};

static const struct {
	const char	*name;
	enum expr_kind	 kind;
} fields[] = {
	{ "country", EX_COUNTRY }, { "国家", EX_COUNTRY },
	{ "theme", EX_THEME }, { "主题", EX_THEME },
	{ "column", EX_COLUMN }, { "栏目", EX_COLUMN },
	{ "issue", EX_ISSUE }, { "期", EX_ISSUE },
	{ "kind", EX_KIND }, { "类型", EX_KIND },
	{ "year", EX_YEAR }, { "年", EX_YEAR },
	{ "date", EX_DATE }, { "日期", EX_DATE },
	{ "is", EX_IS },
};

static const struct {
	const char	*name;
	enum expr_kind	 kind;
	int64_t		 v;
} values[] = {
	{ "bulletin", EX_KIND, 0 }, { "快报", EX_KIND, 0 },
	{ "guide", EX_KIND, 1 }, { "指南", EX_KIND, 1 },
	{ "flagged", EX_IS, IS_FLAGGED }, { "星标", EX_IS, IS_FLAGGED },
	{ "unread", EX_IS, IS_UNREAD }, { "未读", EX_IS, IS_UNREAD },
	{ "read", EX_IS, IS_READ }, { "已读", EX_IS, IS_READ },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static int
column_of(const char *s, const char *at)
{
	int col = 1;

	for (; s < at; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			col++;
	return col;
}

/* Sets the error at byte at of the expression; returns NULL. */
static struct expr *
fail(struct parser *ps, const char *at, enum msg id, ...)
{
	struct buf b = { 0 };
	va_list ap;

	if (ps->err->msg != NULL)
		return NULL;	/* the first fault is the one to show */
	va_start(ap, id);
	buf_vprintf(&b, msg(id), ap);
	va_end(ap);
	ps->err->msg = buf_take(&b);
	ps->err->col = column_of(ps->s, at);
	return NULL;
}

/* The length of the space at p: ASCII blanks and the ideographic space. */
static size_t
space_at(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n')
		return 1;
	if (strncmp(p, "　", 3) == 0)
		return 3;
	return 0;
}

static void
skip_space(struct parser *ps)
{
	size_t n;

	while ((n = space_at(ps->p)) > 0)
		ps->p += n;
}

/* A colon, ASCII or full-width (as a Chinese input method types it). */
static size_t
colon_at(const char *p)
{
	if (*p == ':')
		return 1;
	if (strncmp(p, "：", 3) == 0)
		return 3;
	return 0;
}

/* Where a bare word ends. */
static const char *
word_end(const char *p)
{
	while (*p != '\0' && space_at(p) == 0 && *p != '(' && *p != ')' &&
	    *p != '"')
		p++;
	return p;
}

/* The keyword at p (and, or, not), as a whole word; its length or 0. */
static size_t
keyword(const char *p, const char *kw)
{
	size_t n = strlen(kw);

	if (strncasecmp(p, kw, n) != 0 || word_end(p) != p + n)
		return 0;
	return n;
}

static struct expr *
node(enum expr_kind kind, struct expr *a, struct expr *b)
{
	struct expr *e;

	e = xcalloc(1, sizeof(*e));
	e->kind = kind;
	e->a = a;
	e->b = b;
	return e;
}

void
expr_free(struct expr *e)
{
	if (e == NULL)
		return;
	expr_free(e->a);
	expr_free(e->b);
	free(e->value);
	free(e->name);
	free(e->fts);
	free(e);
}

struct expr *
expr_copy(const struct expr *e)
{
	struct expr *c;

	if (e == NULL)
		return NULL;
	c = xmalloc(sizeof(*c));
	*c = *e;
	c->a = expr_copy(e->a);
	c->b = expr_copy(e->b);
	c->value = e->value ? xstrdup(e->value) : NULL;
	c->name = e->name ? xstrdup(e->name) : NULL;
	c->fts = e->fts ? xstrdup(e->fts) : NULL;
	return c;
}

struct expr *
expr_and(struct expr *a, struct expr *b)
{
	if (a == NULL)
		return b;
	if (b == NULL)
		return a;
	return node(EX_AND, a, b);
}

/* A "quoted" string at ps->p (\" and \\ inside), unquoted. */
static char *
quoted(struct parser *ps)
{
	struct buf b = { 0 };
	const char *open = ps->p++;

	buf_adds(&b, "");
	while (*ps->p != '"') {
		if (*ps->p == '\0') {
			buf_free(&b);
			fail(ps, open, MSG_NO_CLOSING, '"');
			return NULL;
		}
		if (*ps->p == '\\' && (ps->p[1] == '"' || ps->p[1] == '\\'))
			ps->p++;
		buf_addc(&b, *ps->p++);
	}
	ps->p++;
	return buf_take(&b);
}

/* Four digits, a year; -1 if s to end is not one. */
static int
year(const char *s, const char *end)
{
	int y = 0;

	if (end - s != 4)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		y = y * 10 + (*s - '0');
	}
	return y;
}

static int
digits(const char *s, int n)
{
	for (; n > 0; n--, s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/*
 * YYYY, YYYY-MM or YYYY-MM-DD from s to end: its first and last days
 * (days since 1900, db_days).  -1 if it is none of them.
 */
static int
date(const char *s, const char *end, int64_t *first, int64_t *last)
{
	char d[32];
	int y, m, day, n;

	n = (int)(end - s);
	if ((n != 4 && n != 7 && n != 10) || (y = year(s, s + 4)) == -1)
		return -1;
	memcpy(d, s, (size_t)n);
	d[n] = '\0';
	m = day = 1;
	if (n >= 7 && (d[4] != '-' || !digits(d + 5, 2) ||
	    (m = atoi(d + 5)) < 1 || m > 12))
		return -1;
	if (n == 10 && (d[7] != '-' || !digits(d + 8, 2) ||
	    (day = atoi(d + 8)) < 1 || day > month_days(y, m)))
		return -1;
	snprintf(d, sizeof(d), "%04d-%02d-%02d", y, m, day);
	*first = db_days(d, 0);
	if (n == 10)
		*last = *first;
	else if (n == 7)
		*last = *first + month_days(y, m) - 1;
	else
		*last = *first + (month_days(y, 2) == 29 ? 365 : 364);
	return 0;
}

/*
 * A year's or a date's range into e: N, N.., ..N, N..M.  at is where the
 * value starts in the expression, for the error.
 */
static int
range(struct expr *e)
{
	const char *v = e->value, *dots, *end;
	int64_t l2, h2;

	end = v + strlen(v);
	if ((dots = strstr(v, "..")) == NULL)
		dots = end;
	if (dots == v && (dots == end || dots[2] == '\0'))
		return -1;
	e->lo = 0;
	e->hi = e->kind == EX_YEAR ? 9999 : DB_MAX_DAY;
	if (e->kind == EX_YEAR) {
		if (dots > v && (e->lo = year(v, dots)) == -1)
			return -1;
		if (dots == end)
			e->hi = e->lo;
		else if (dots[2] != '\0' && (e->hi = year(dots + 2, end)) == -1)
			return -1;
	} else {
		if (dots > v && date(v, dots, &e->lo, &h2) == -1)
			return -1;
		if (dots == end)
			e->hi = h2;
		else if (dots[2] != '\0' && date(dots + 2, end, &l2, &e->hi) ==
		    -1)
			return -1;
	}
	return e->lo <= e->hi ? 0 : -1;
}

/* A field's value checked, where it can be without the database. */
static struct expr *
check_value(struct parser *ps, struct expr *e, const char *at)
{
	size_t i;

	if (*e->value == '\0') {
		expr_free(e);
		return fail(ps, at, MSG_EXPR_NO_VALUE);
	}
	switch (e->kind) {
	case EX_YEAR:
	case EX_DATE:
		if (range(e) == -1) {
			fail(ps, at, e->kind == EX_YEAR ? MSG_EXPR_BAD_YEAR :
			    MSG_EXPR_BAD_DATE, e->value);
			expr_free(e);
			return NULL;
		}
		break;
	case EX_KIND:
	case EX_IS:
		for (i = 0; i < NELEM(values); i++)
			if (values[i].kind == e->kind &&
			    strcasecmp(values[i].name, e->value) == 0)
				break;
		if (i == NELEM(values)) {
			fail(ps, at, e->kind == EX_KIND ? MSG_EXPR_BAD_KIND :
			    MSG_EXPR_BAD_IS, e->value);
			expr_free(e);
			return NULL;
		}
		e->lo = values[i].v;
		break;
	default:
		break;
	}
	return e;
}

/* FIELD:VALUE, "words" or a word. */
static struct expr *
atom(struct parser *ps)
{
	const char *start = ps->p, *end, *colon;
	struct expr *e;
	size_t i, n, c;

	e = node(EX_WORDS, NULL, NULL);
	e->col = column_of(ps->s, start);
	e->n = ps->atoms++;
	if (*ps->p == '"') {
		if ((e->value = quoted(ps)) == NULL) {
			expr_free(e);
			return NULL;
		}
		return e;
	}
	end = word_end(ps->p);
	for (colon = ps->p; colon < end && colon_at(colon) == 0; colon++)
		;
	if (colon == end) {
		e->value = xstrndup(ps->p, (size_t)(end - ps->p));
		ps->p = end;
		return e;
	}
	n = (size_t)(colon - ps->p);
	for (i = 0; i < NELEM(fields); i++)
		if (strlen(fields[i].name) == n &&
		    strncasecmp(fields[i].name, ps->p, n) == 0)
			break;
	if (i == NELEM(fields)) {
		e->value = xstrndup(ps->p, n);
		fail(ps, start, MSG_EXPR_UNKNOWN_FIELD, e->value);
		expr_free(e);
		return NULL;
	}
	e->kind = fields[i].kind;
	c = colon_at(colon);
	ps->p = colon + c;
	if (*ps->p == '"') {
		if ((e->value = quoted(ps)) == NULL) {
			expr_free(e);
			return NULL;
		}
	} else {
		end = word_end(ps->p);
		e->value = xstrndup(ps->p, (size_t)(end - ps->p));
		ps->p = end;
	}
	return check_value(ps, e, colon + c);
}

static struct expr *or_expr(struct parser *);

/* ["not" | "-"] ( atom | "(" expr ")" ) */
static struct expr *
term(struct parser *ps)
{
	const char *open;
	struct expr *e;
	size_t k;

	skip_space(ps);
	if ((k = keyword(ps->p, "not")) > 0 || (*ps->p == '-' &&
	    (k = 1))) {
		open = ps->p;
		ps->p += k;
		skip_space(ps);
		if (*ps->p == '\0' || *ps->p == ')')
			return fail(ps, open, MSG_EXPR_NOTHING_AFTER,
			    k == 1 ? "-" : "not");
		if ((e = term(ps)) == NULL)
			return NULL;
		return node(EX_NOT, e, NULL);
	}
	if (*ps->p == '(') {
		open = ps->p++;
		skip_space(ps);
		if (*ps->p == ')')
			return fail(ps, open, MSG_EXPR_EMPTY_PARENS);
		if ((e = or_expr(ps)) == NULL)
			return NULL;
		skip_space(ps);
		if (*ps->p != ')') {
			expr_free(e);
			return fail(ps, open, MSG_EXPR_NO_CLOSING_PAREN);
		}
		ps->p++;
		return e;
	}
	if (*ps->p == ')')
		return fail(ps, ps->p, MSG_EXPR_UNEXPECTED, ")");
	if ((k = keyword(ps->p, "and")) > 0 || (k = keyword(ps->p, "or")) > 0)
		return fail(ps, ps->p, MSG_EXPR_UNEXPECTED, ps->p[0] == 'a' ||
		    ps->p[0] == 'A' ? "and" : "or");
	return atom(ps);
}

/* Whether a term follows: not the end, nor ")", nor "or". */
static int
more_terms(struct parser *ps)
{
	skip_space(ps);
	return *ps->p != '\0' && *ps->p != ')' && keyword(ps->p, "or") == 0;
}

/* term { ["and"] term } */
static struct expr *
and_expr(struct parser *ps)
{
	struct expr *e, *t;
	const char *at;
	size_t k;

	if ((e = term(ps)) == NULL)
		return NULL;
	while (more_terms(ps)) {
		at = ps->p;
		if ((k = keyword(ps->p, "and")) > 0) {
			ps->p += k;
			skip_space(ps);
			if (*ps->p == '\0' || *ps->p == ')') {
				expr_free(e);
				return fail(ps, at, MSG_EXPR_NOTHING_AFTER,
				    "and");
			}
		}
		if ((t = term(ps)) == NULL) {
			expr_free(e);
			return NULL;
		}
		e = node(EX_AND, e, t);
	}
	return e;
}

/* and_expr { "or" and_expr } */
static struct expr *
or_expr(struct parser *ps)
{
	struct expr *e, *t;
	const char *at;
	size_t k;

	if ((e = and_expr(ps)) == NULL)
		return NULL;
	for (;;) {
		skip_space(ps);
		if ((k = keyword(ps->p, "or")) == 0)
			return e;
		at = ps->p;
		ps->p += k;
		skip_space(ps);
		if (*ps->p == '\0' || *ps->p == ')') {
			expr_free(e);
			return fail(ps, at, MSG_EXPR_NOTHING_AFTER, "or");
		}
		if ((t = and_expr(ps)) == NULL) {
			expr_free(e);
			return NULL;
		}
		e = node(EX_OR, e, t);
	}
}

int
expr_parse(const char *s, struct expr **out, struct expr_error *err)
{
	struct parser ps;
	struct expr *e;

	memset(err, 0, sizeof(*err));
	memset(&ps, 0, sizeof(ps));
	ps.s = ps.p = s;
	ps.err = err;
	*out = NULL;
	skip_space(&ps);
	if (*ps.p == '\0')
		return 0;
	if ((e = or_expr(&ps)) == NULL) {
		if (err->msg == NULL)
			fail(&ps, ps.p, MSG_EXPR_UNEXPECTED, "?");
		return -1;
	}
	skip_space(&ps);
	if (*ps.p != '\0') {
		/* only a ")" too many stops the loops before the end */
		expr_free(e);
		fail(&ps, ps.p, MSG_EXPR_UNEXPECTED, ")");
		return -1;
	}
	*out = e;
	return 0;
}

int
expr_atoms(const struct expr *e)
{
	int a, b;

	if (e == NULL)
		return 0;
	if (e->kind == EX_AND || e->kind == EX_OR || e->kind == EX_NOT) {
		a = expr_atoms(e->a);
		b = expr_atoms(e->b);
		return a > b ? a : b;
	}
	return e->n + 1;
}

/* A value as the parser reads it back: quoted when it has to be. */
static void
put_value(struct buf *b, const char *v, int words)
{
	const char *p;
	int plain;

	plain = *v != '\0' && *word_end(v) == '\0';
	for (p = v; plain && *p != '\0'; p++)
		if (colon_at(p) > 0 && words)
			plain = 0;
	if (plain && words && (keyword(v, "and") || keyword(v, "or") ||
	    keyword(v, "not") || *v == '-'))
		plain = 0;
	if (plain) {
		buf_adds(b, v);
		return;
	}
	buf_addc(b, '"');
	for (p = v; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

static const char *
field_name(enum expr_kind k)
{
	size_t i;

	for (i = 0; i < NELEM(fields); i++)
		if (fields[i].kind == k)
			return fields[i].name;
	return "?";
}

static void
put(struct buf *b, const struct expr *e, enum expr_kind parent)
{
	size_t i;

	switch (e->kind) {
	case EX_AND:
	case EX_OR:
		/* and inside or needs none: and binds tighter */
		if (e->kind == EX_OR && parent != EX_OR && parent != EX_WORDS)
			buf_addc(b, '(');
		put(b, e->a, e->kind);
		buf_adds(b, e->kind == EX_AND ? " " : " or ");
		put(b, e->b, e->kind);
		if (e->kind == EX_OR && parent != EX_OR && parent != EX_WORDS)
			buf_addc(b, ')');
		break;
	case EX_NOT:
		buf_addc(b, '-');
		if (e->a->kind == EX_AND || e->a->kind == EX_OR) {
			buf_addc(b, '(');
			put(b, e->a, EX_WORDS);
			buf_addc(b, ')');
		} else
			put(b, e->a, EX_NOT);
		break;
	case EX_WORDS:
		put_value(b, e->value, 1);
		break;
	case EX_KIND:
	case EX_IS:
		buf_printf(b, "%s:", field_name(e->kind));
		for (i = 0; i < NELEM(values); i++)
			if (values[i].kind == e->kind && values[i].v == e->lo)
				break;
		buf_adds(b, values[i].name);
		break;
	default:
		buf_printf(b, "%s:", field_name(e->kind));
		put_value(b, e->name != NULL ? e->name : e->value, 0);
		break;
	}
}

char *
expr_string(const struct expr *e)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	if (e != NULL)
		put(&b, e, EX_WORDS);
	return buf_take(&b);
}

/*
 * Filter expressions (:filter, views, --filter): the grammar of
 * design.md parsed into a tree, and the tree written back as text.
 *
 *	expr  := term { ["and" | "or"] term }	adjacency means and
 *	term  := ["not" | "-"] ( atom | "(" expr ")" )
 *	atom  := FIELD ":" VALUE | "\"" words "\"" | word
 *
 * "and" binds tighter than "or".  No SQL and no database here (the
 * grammar is unit-tested): db-expr.c resolves the names and turns the
 * tree into a query.
 */
#ifndef KB_EXPR_H
#define KB_EXPR_H

#include <stddef.h>
#include <stdint.h>

enum expr_kind {
	EX_AND,
	EX_OR,
	EX_NOT,
	EX_WORDS,	/* a word or a "quoted phrase": the full text */
	EX_COUNTRY,
	EX_THEME,
	EX_COLUMN,
	EX_ISSUE,	/* an issue's key (or its start) or number */
	EX_KIND,	/* lo: 0 bulletin, 1 guide */
	EX_YEAR,	/* lo..hi, years */
	EX_DATE,	/* lo..hi, days since 1900 (db_days) */
	EX_IS		/* lo: an enum expr_is */
};

enum expr_is {
	IS_FLAGGED,
	IS_UNREAD,
	IS_READ
};

struct expr {
	enum expr_kind	 kind;
	struct expr	*a, *b;		/* and, or: both; not: a */
	char		*value;		/* atoms: the value, unquoted */
	int		 col;		/* 1-based column, in characters */
	int		 n;		/* atoms: their place, naming SQL
					   parameters */
	int64_t		 lo, hi;
	/* filled by db-expr.c */
	int64_t		 id;		/* country, theme */
	char		*name;		/* ... as it is called */
	char		*fts;		/* words: the FTS5 query */
	int64_t		 rows;		/* country, theme: their articles */
};

/* An error and where it is: col is 1-based, in characters. */
struct expr_error {
	int		 col;
	char		*msg;		/* caller frees */
};

/*
 * Parses s.  0 with *out the tree (NULL for an empty expression), or -1
 * with *err set.
 */
int		 expr_parse(const char *s, struct expr **out,
		    struct expr_error *err);
void		 expr_free(struct expr *);
/*
 * e written back in the grammar, with the fewest parentheses and the
 * resolved names (caller frees): what the status line shows.
 */
char		*expr_string(const struct expr *e);
/* A copy of e, with what db-expr.c filled (caller frees). */
struct expr	*expr_copy(const struct expr *e);
/* The number of atoms (the n of the last, plus one). */
int		 expr_atoms(const struct expr *e);
/* a and b, either possibly NULL; takes both. */
struct expr	*expr_and(struct expr *a, struct expr *b);

#endif

/*
 * What the reader's db-*.c files share: the connection and its cache of
 * prepared statements.  Not for the screen files; they use db-read.h.
 */
#ifndef KB_DB_READ_INT_H
#define KB_DB_READ_INT_H

#include <stdint.h>

#include <sqlite3.h>

#define DBR_NSTMTS	32	/* statements kept prepared */

struct dbr_stmt {
	char		*sql;
	sqlite3_stmt	*st;
	unsigned	 used;		/* when last handed out, for eviction */
};

struct dbr_state;
struct article_row;

struct dbr {
	sqlite3		*db;
	char		*path;		/* canonical: keys the saved position */
	int		 schema;	/* its version (db-schema.h) */
	struct dbr_stmt	 stmts[DBR_NSTMTS];
	unsigned	 clock;
	/*
	 * What the attached state adds to the queries, set by db-state.c so
	 * that the queries need not call it: the id below which an article
	 * without a mark is read (:read_before), and the marks not yet
	 * written over rows read from st (NULL: none).
	 */
	struct dbr_state *state;
	int64_t		 read_before;
	void		(*overlay)(struct dbr *, struct article_row *, size_t);
	/*
	 * How long a query may run (dbr_set_time_limit): the clock of the
	 * one running (ms), set when it starts; and what stops one early.
	 */
	int		 limit_ms;
	double		 started;
	int		(*cancelled)(void);
	int		 expired;	/* a query ran out of time */
};

/*
 * The statement for sql, reset and unbound: prepared once and kept, as
 * the same few queries run on every key.  NULL on an SQL error (see
 * dbr_error).  It stays valid until DBR_NSTMTS other statements are asked
 * for, so step it to the end before asking for another.
 */
sqlite3_stmt	*dbr_stmt(struct dbr *, const char *sql);
/* Milliseconds on a monotonic clock. */
double		 dbr_now_ms(void);
/*
 * The clock of a query starts (dbr_set_time_limit): when it begins to
 * run, and before a prepare, which may read a schema.
 */
void		 dbr_clock_start(struct dbr *);
/* Binds v (a copy of it) to the parameter called name, if there is one. */
void		 dbr_bind_int(sqlite3_stmt *, const char *name, int64_t v);
void		 dbr_bind_text(sqlite3_stmt *, const char *name, const char *);
/*
 * Column i as a string the caller frees: "" for NULL, which a database
 * from elsewhere may hold in any column whatever the schema says, so
 * that no caller meets a NULL it was not promised.  dbr_col_opt is for
 * the columns that may be NULL (a date, a number): NULL for NULL.
 */
char		*dbr_col_text(sqlite3_stmt *, int i);
char		*dbr_col_opt(sqlite3_stmt *, int i);

/*
 * Whether article a has been read, as SQL: its mark k (joined by
 * ARTICLE_MARKS) or, without one, whether it is below :read_before
 * (r->read_before, db-state-marks.c).  UNREAD is the same for an
 * article a without the join.
 */
#define ARTICLE_MARKS	" LEFT JOIN st.marks k ON k.key = a.key"
#define ARTICLE_READ	"coalesce(k.read, a.id < :read_before)"
#define UNREAD \
	"NOT coalesce((SELECT k.read FROM st.marks k WHERE k.key = a.key)," \
	" a.id < :read_before)"

/* db-match.c: rows of (id, issue, column, key, title, date, read,
 * flagged) from st, with the marks not yet written (r->overlay). */
size_t		 dbr_article_rows(struct dbr *, sqlite3_stmt *,
		    struct article_row **out);

/* db-match.c: the first (dir 1) or last (dir -1) unread article passing
 * f with an id from lo to hi, or 0.  It walks the ids: keep the range to
 * articles newer than the read-before id. */
struct filter;
int64_t		 dbr_unread_in(struct dbr *, const struct filter *,
		    int64_t lo, int64_t hi, int dir);

/* db-match.c: the condition that the text of article id (an SQL
 * expression) holds the word bound to param, as it is. */
struct buf;
void		 dbr_word_sql(struct buf *, const char *id, const char *param);

/*
 * db-expr.c: a filter expression in the tree's queries.  dbr_expr_sql
 * appends the condition that article x (an SQL expression) passes e,
 * taking lead as passed; dbr_expr_bind binds its values.  dbr_expr_lead
 * is the atom whose index should lead the query (NULL: none does), whose
 * rows dbr_expr_from selects ("... AS id FROM ... WHERE ... BETWEEN :lo
 * AND :hi") with the id called dbr_expr_lead_id.  dbr_expr_range
 * narrows lo..hi to the ids its years and dates allow.
 */
struct expr;
void		 dbr_expr_sql(struct buf *, const struct expr *e,
		    const char *x, const struct expr *lead);
void		 dbr_expr_bind(sqlite3_stmt *, const struct expr *e);
const struct expr *dbr_expr_lead(const struct expr *e);
void		 dbr_expr_from(struct buf *, const struct expr *lead);
const char	*dbr_expr_lead_id(const struct expr *lead);
void		 dbr_expr_range(const struct expr *e, int64_t *lo, int64_t *hi);

/* db-words.c: a word of three Chinese characters or more, which the
 * index (bigrams, no positions) can only approximate. */
int		 dbr_long_cjk(const char *word);

#endif

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

struct dbr {
	sqlite3		*db;
	char		*path;		/* canonical: keys the saved position */
	struct dbr_stmt	 stmts[DBR_NSTMTS];
	unsigned	 clock;
	int		 state_memory;	/* no state file: marks last the session */
	int		 state_failing;	/* the last write to the state failed */
	char		 state_why[160];	/* why, as SQLite said */
};

/*
 * The statement for sql, reset and unbound: prepared once and kept, as
 * the same few queries run on every key.  NULL on an SQL error (see
 * dbr_error).  It stays valid until DBR_NSTMTS other statements are asked
 * for, so step it to the end before asking for another.
 */
sqlite3_stmt	*dbr_stmt(struct dbr *, const char *sql);
/* Binds v (a copy of it) to the parameter called name, if there is one. */
void		 dbr_bind_int(sqlite3_stmt *, const char *name, int64_t v);
void		 dbr_bind_text(sqlite3_stmt *, const char *name, const char *);
/* Column i as a string the caller frees, or NULL. */
char		*dbr_col_text(sqlite3_stmt *, int i);

/* db-match.c: rows of (id, issue, section, key, title, date, read,
 * flagged) from st: articles a, their marks joined by ARTICLE_MARKS. */
#define ARTICLE_MARKS	" LEFT JOIN st.marks k ON k.key = a.key"
struct article_row;
size_t		 dbr_article_rows(sqlite3_stmt *, struct article_row **out);

/* db-words.c: a word of three Chinese characters or more, which the
 * index (bigrams, no positions) can only approximate. */
int		 dbr_long_cjk(const char *word);

/* db-state.c: attaches the per-user state as "st"; see dbr_open. */
void		 dbr_attach_state(struct dbr *, const char *path,
		    char **warning);
/* db-state-settings.c: a write to the state ended with rc (sqlite3_step). */
void		 dbr_state_wrote(struct dbr *, int rc);

#endif

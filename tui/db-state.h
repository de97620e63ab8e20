/*
 * The per-user state database: read and flagged marks, where each
 * article was left and where the last session ended, what was new at the
 * last visit, and what was typed at the prompts (db-state*.c).  The
 * caller attaches it to the reader's connection, as "st", so that
 * unread counts are part of the tree's queries.
 *
 * Nothing waits for it.  A change is kept in memory and written at once
 * when the database takes the lock; when another process holds it, or a
 * write fails, the changes wait in memory, the queries see them, and
 * dbr_state_retry writes them later.  No key is held up by the state.
 */
#ifndef KB_DB_STATE_H
#define KB_DB_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct dbr;
struct filter;

enum dbr_state_health {
	STATE_KEPT,		/* every change is written */
	STATE_MEMORY,		/* the file cannot be used: for the session */
	STATE_LOCKED,		/* another process holds it: changes wait */
	STATE_FAILING		/* a write failed: changes wait */
};

/*
 * Attaches the state file path (made if need be; NULL: none) as "st".
 * When it cannot be used, a state in memory is attached instead and
 * *warning says why (caller frees).
 */
void		 dbr_state_attach(struct dbr *, const char *path,
		    char **warning);
/*
 * Writes what waits, trying for up to ms, and detaches.  NULL, or a line
 * saying what could not be written and why (caller frees).
 */
char		*dbr_state_detach(struct dbr *, int ms);
/* The state file, or NULL when the state is in memory. */
const char	*dbr_state_file(struct dbr *);
/* How the state is kept: the changes waiting, and the last error. */
enum dbr_state_health dbr_state_health(struct dbr *, size_t *waiting,
		    const char **why);
/* Milliseconds until changes that wait should be tried again; -1: none. */
int		 dbr_state_retry_in(struct dbr *);
/* Tries them (dbr_state_health then says how it went). */
void		 dbr_state_retry(struct dbr *);

/* Marks (db-state-marks.c).  An article with no mark is unread, unless
 * its issue is older than the state's read-before date. */
void		 dbr_mark(struct dbr *, const char *key, int read, int flagged);
void		 dbr_marks(struct dbr *, const char *key, int *read,
		    int *flagged);
/* Every article read: the read-before day after the newest issue's, and
 * the articles marked unread read. */
void		 dbr_mark_all_read(struct dbr *);
/*
 * A state from before the read-before day, with read marks: 1 until
 * dbr_read_older says whether the issues before the newest count as
 * read (a new state's do); the user is asked once.
 */
int		 dbr_marks_undecided(struct dbr *);
void		 dbr_read_older(struct dbr *, int yes);
/* Writes of several marks go as one: hold 1, mark, hold 0. */
void		 dbr_state_hold(struct dbr *, int);
/*
 * The next unread article passing f after article from (0: from the top)
 * in the sidebar's order (issues newest first, an issue's articles in
 * order); dir -1: the one before.  0 when there is none.  It looks among
 * the articles newer than the read-before date and those marked unread
 * only, through indexes: what it costs does not grow with the archive.
 */
int64_t		 dbr_next_unread(struct dbr *, const struct filter *,
		    int64_t from, int dir);

/* Places (db-state-places.c): render_anchor() values, not lines. */
void		 dbr_save_place(struct dbr *, const char *key,
		    long long place);
/* Where the article was left; 0 (its top) when it never was. */
long long	 dbr_place(struct dbr *, const char *key);
/* The article open when the reader last quit on this database. */
void		 dbr_save_position(struct dbr *, const char *key,
		    long long place);
char		*dbr_load_position(struct dbr *, long long *place);

/*
 * What was imported since the last visit to this database: issues newer
 * than the newest seen then, and their articles.  The first visit sees
 * nothing new.  This visit is recorded.
 */
struct dbr_news {
	size_t	 issues;
	size_t	 articles;
	int	 first;		/* the first visit with this state */
};
void		 dbr_news(struct dbr *, struct dbr_news *);

/* History (db-state-history.c): what was typed at a prompt of a kind
 * ("search", "command"), newest first, at most limit (caller frees
 * with free_strings). */
size_t		 dbr_history(struct dbr *, const char *kind, size_t limit,
		    char ***out);
void		 dbr_history_add(struct dbr *, const char *kind,
		    const char *text);

/*
 * Settings (db-state-settings.c), kept by name: the value of name
 * (caller frees), or NULL when it was never set.  Setting one is a
 * change like a mark's: queued, and never waited for.
 */
char		*dbr_setting(struct dbr *, const char *name);
void		 dbr_set_setting(struct dbr *, const char *name,
		    const char *value);

/*
 * Views (db-state-views.c): filter expressions kept by name, in the
 * order they were first saved.  Saving one again changes its
 * expression; dbr_views lists them (caller frees with dbr_views_free).
 */
struct dbr_view {
	char	*name;
	char	*expr;
};
void		 dbr_view_save(struct dbr *, const char *name,
		    const char *expr);
void		 dbr_view_delete(struct dbr *, const char *name);
size_t		 dbr_views(struct dbr *, struct dbr_view **out);
void		 dbr_views_free(struct dbr_view *, size_t);

/*
 * Moving the state between machines (db-state-sync.c): read marks,
 * flags, places, the read-before day, the last position in this
 * database and the views, keyed by the articles' stable keys, as lines
 * of text (kuaibao(5)).  dbr_state_import merges: what the file holds
 * replaces what the state holds only where it is newer.  0, or -1 with
 * *err (caller frees); *n: the lines taken.
 */
int		 dbr_state_export(struct dbr *, FILE *);
int		 dbr_state_import(struct dbr *, FILE *, const char *name,
		    size_t *n, char **err);

#endif

/*
 * What the db-state*.c files share: the state of the state database,
 * and its queue of changes not yet written.  Each file that keeps a
 * table in it describes its changes by a struct dbr_change_type (the
 * table's schema and the statements that write one change); db-state.c
 * writes them, in order, in one transaction, whenever the database takes
 * the lock, and the readers look in the queue before the database.
 */
#ifndef KB_DB_STATE_INT_H
#define KB_DB_STATE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "db-state.h"

struct dbr;

struct dbr_change_type {
	const char	*name;		/* for messages: "mark", "place" */
	const char	*schema;	/* CREATE ... IF NOT EXISTS, or NULL */
	/* the statements, with :key, :text, :a, :b and :db (the database) */
	const char	*sql[2];
	int		 replaces;	/* a change replaces one of the same key */
};

struct dbr_change {
	const struct dbr_change_type *type;
	char		*key;		/* NULL for the database's own */
	char		*text;
	int64_t		 a, b;
};

struct dbr_state {
	char		*file;		/* NULL: in memory, not kept */
	struct dbr_change *v;		/* not yet written, oldest first */
	size_t		 n, cap;
	enum dbr_state_health health;
	char		*why;		/* the last write's error */
	long long	 retry_at;	/* ms, monotonic */
	int		 hold;		/* changes wait for dbr_state_hold 0 */
	int		 undecided;	/* read marks, but no read-before day */
};

/*
 * Queues a change (key and text copied; either may be NULL) and tries
 * to write the queue at once.  A change of a type that replaces drops
 * the queued one of the same key first.
 */
void			 dbr_state_change(struct dbr *,
			    const struct dbr_change_type *, const char *key,
			    const char *text, int64_t a, int64_t b);
/* The newest queued change of type for key (NULL: any), or NULL. */
const struct dbr_change	*dbr_state_queued(struct dbr *,
			    const struct dbr_change_type *, const char *key);
/* The tables a state holds from its start (marks.c, places.c,
 * settings.c). */
extern const char	 dbr_marks_schema[];
extern const char	 dbr_places_schema[];
extern const char	 dbr_settings_schema[];
extern const char	 dbr_history_schema[];
extern const char	 dbr_views_schema[];
/* At attach (marks.c): the read-before day, set for a new reader. */
void			 dbr_marks_start(struct dbr *);
/* A queued mark of key over *read and *flagged, if there is one. */
void			 dbr_marks_queued(struct dbr *, const char *key,
			    int *read, int *flagged);

#endif

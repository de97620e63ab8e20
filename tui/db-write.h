/*
 * Writing the database (importer only).  The new database is built in
 * a temporary file beside the target, from a copy of the target unless
 * a fresh start is asked for, and renamed over it on commit: a reader
 * that has the old file open keeps reading it undisturbed, and a
 * failure or a kill leaves the old file as it was.
 */
#ifndef KB_DB_WRITE_H
#define KB_DB_WRITE_H

struct dbw;
struct issue;
struct gazetteer;
struct themes;

#define DBW_NEW		0x01	/* start from an empty database */
#define DBW_FOLLOW	0x02	/* a symbolic link: update what it points to */

/* NULL after an error message.  flags: DBW_*.  The lists are stored
 * for the reader's prompts (themes may be NULL). */
struct dbw	*dbw_open(const char *target, int flags,
		    const struct gazetteer *, const struct themes *);
/* Adds an issue, replacing one from a file of the same name. */
int		 dbw_put_issue(struct dbw *, const struct issue *);
int		 dbw_commit(struct dbw *);	/* frees w; 0 on success */
void		 dbw_abort(struct dbw *);	/* frees w */

/* The text indexed for an article, built the same way on every path. */
struct buf;
void		 dbw_fts_add(struct buf *, const char *text);

#endif

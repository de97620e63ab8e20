/*
 * Reading the database (reader only).  The corpus database is opened
 * read-only and immutable (the importer replaces it by rename, never
 * in place); the caller attaches the per-user state database to the
 * same connection (db-state.h) so that unread counts are one query.
 * Every query is bounded by what is on screen: issues come in pages,
 * columns and articles one issue at a time.
 */
#ifndef KB_DB_READ_H
#define KB_DB_READ_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct dbr;

/* What narrows the tree and the search; zeros mean no filter. */
struct filter {
	int64_t	 country;
	int	 mentions;	/* also articles that only mention it */
	int64_t	 theme;
	char	*query;		/* the FTS5 query (dbr_fts_query), or NULL */
	char	*typed;		/* the search as typed */
	int	 flagged;	/* only flagged articles */
	struct expr *expr;	/* a filter expression (db-expr.c), or NULL:
				   whoever sets it frees it */
};

struct issue_row {
	int64_t	 id;
	char	*key;
	char	*title;
	char	*date;		/* or NULL */
	char	*number;	/* or NULL */
	int	 year;		/* 0 if unknown */
	int	 guide;		/* 0 a bulletin, 1 a guide, 2 a draft */
	int	 n;		/* articles passing the filter */
	int	 unread;
};

struct column_row {
	int64_t	 id;
	char	*name;
	int	 n;
	int	 unread;
};

struct article_row {
	int64_t	 id;
	int64_t	 issue;
	int64_t	 column;
	char	*key;
	char	*title;
	char	*date;		/* the issue's date or year, for lists */
	char	*adate;		/* the article's date, else date (:sort) */
	int	 read;
	int	 flagged;
};

/* A country or theme offered by a filter prompt. */
struct choice {
	int64_t	 id;
	char	*name;
	char	*code;		/* ISO codes and English names, or NULL */
	char	*iso3;
	char	*english;
	int	 n;		/* articles where it is a subject */
	int	 nall;		/* articles that name it at all */
};

/* An article as the reader shows it. */
struct art {
	int64_t		 id;
	char		*key;
	char		*title;
	char		*date;
	char		*date_text;
	char		*authors;
	char		*column;
	char		*issue_title;
	char		*issue_date;
	char		*issue_number;
	char		*issue_key;
	int		 issue_year;
	int		 guide;		/* as issue_row's */
	struct block	*blocks;
	size_t		 nblocks;
	struct footnote	*notes;
	size_t		 nnotes;
	struct field	*fields;
	size_t		 nfields;
	char		**countries;
	int		*subject;	/* per country: 1 subject, 0 mentioned */
	size_t		 ncountries;
	char		**themes;
	size_t		 nthemes;
};

/*
 * Opens path read-only and checks that it is a kuaibao database of this
 * schema.  On failure returns NULL and sets *err to a one-line message
 * (caller frees).  The queries below need a state database attached
 * (dbr_state_attach, in memory at least); dbr_state_detach it before
 * dbr_close.
 */
struct dbr	*dbr_open(const char *path, char **err);
void		 dbr_close(struct dbr *);
const char	*dbr_error(struct dbr *);
/* The same for a database image in memory (copied): for the fuzzer. */
struct dbr	*dbr_open_image(const void *, size_t, char **err);

/*
 * A database from elsewhere may be made to keep a query running for
 * ever, so every query is bounded: it stops after ms milliseconds
 * (DBR_TIME_LIMIT_MS unless set), and after 0.1 s once cancelled()
 * returns non-zero (a signal came) or once one query ran out of time.
 * A stopped query ends as if it had found no more rows;
 * dbr_timed_out then says that the database is not to be trusted.
 */
#define DBR_TIME_LIMIT_MS	10000
void		 dbr_set_time_limit(struct dbr *, int ms);
void		 dbr_set_cancel(struct dbr *, int (*cancelled)(void));
int		 dbr_timed_out(struct dbr *);

/* Whether f narrows the archive at all (a country, theme, search, flag). */
int		 dbr_filtered(const struct filter *);

/*
 * Issues newest first, older than after (NULL: from the newest) and not
 * older than the issue id to (0: all), that hold an article passing the
 * filter; at most limit.  Their counts are left at -1 (n too under a
 * filter): dbr_issue_counts fills them, for the issues a screen shows.
 */
size_t		 dbr_issues(struct dbr *, const struct filter *,
		    const struct issue_row *after, int64_t to, size_t limit,
		    struct issue_row **out);
void		 dbr_issue_counts(struct dbr *, const struct filter *,
		    struct issue_row *);
/* The columns of an issue with articles passing the filter. */
size_t		 dbr_columns(struct dbr *, int64_t issue,
		    const struct filter *, struct column_row **out);
size_t		 dbr_articles(struct dbr *, int64_t issue,
		    int64_t column, const struct filter *,
		    struct article_row **out);
/* Search results newest first, with ids below before (INT64_MAX: all). */
size_t		 dbr_search(struct dbr *, const struct filter *,
		    int64_t before, size_t limit, struct article_row **out);
/* The articles passing the filter in the whole archive, and the unread. */
void		 dbr_count_all(struct dbr *, const struct filter *, int *n,
		    int *unread);
/* Whether the article passes the filter. */
int		 dbr_passes(struct dbr *, const struct filter *, int64_t article);

/*
 * Counting the articles that pass a filter and the issues they are in
 * (without a filter, only the issues), a bounded step at a time, so that
 * no key waits for a count: call dbr_count_step on a zeroed struct until
 * done is set.
 */
struct dbr_count {
	int64_t	 before;	/* ids below this are still to count */
	int64_t	 issue;		/* the issue of the last one counted */
	size_t	 articles, issues;
	size_t	 step;		/* rows to count in the next step */
	int	 done;
};
void		 dbr_count_step(struct dbr *, const struct filter *,
		    struct dbr_count *);

/* The article with key (as it is: keys are case-sensitive here). */
int		 dbr_find(struct dbr *, const char *key, struct article_row *);
int		 dbr_article(struct dbr *, int64_t id, struct art *);
/* The key of article id, or NULL (caller frees). */
char		*dbr_article_key(struct dbr *, int64_t id);
size_t		 dbr_countries(struct dbr *, struct choice **out);
size_t		 dbr_themes(struct dbr *, struct choice **out);
/*
 * The counts of the choices of a prompt (countries, or themes) under the
 * other parts of f (f without its country, or without its theme): when
 * there are none, dbr_choices_counted says so and the archive's counts
 * stand; else dbr_choices_step, called on a zeroed dbr_count until done
 * is set, counts them a bounded step at a time (the first zeroes them).
 */
int		 dbr_choices_counted(const struct filter *, int countries);
void		 dbr_choices_step(struct dbr *, const struct filter *,
		    int countries, struct choice *v, size_t n,
		    struct dbr_count *);

void		 dbr_issue_rows_free(struct issue_row *, size_t);
void		 dbr_column_rows_free(struct column_row *, size_t);
void		 dbr_article_rows_free(struct article_row *, size_t);
void		 dbr_choices_free(struct choice *, size_t);
void		 art_free(struct art *);

/*
 * Parses the filter expression s (expr.h) and resolves its names against
 * the archive: countries and themes as the prompts match them, columns.
 * 0 with *out the expression (NULL if s is empty; caller frees with
 * expr_free), or -1 with *err (caller frees err->msg).
 */
struct expr_error;
int		 dbr_expr_compile(struct dbr *, const char *s,
		    struct expr **out, struct expr_error *err);

/* The FTS5 query for what a user typed (caller frees); NULL if empty. */
char		*dbr_fts_query(const char *typed);

#endif

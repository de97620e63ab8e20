/*
 * The sidebar's model: issues → columns → articles under the current
 * filter, flattened into the rows that are visible (expanded), under the
 * saved views (db-state.h) with their counts; or, while a search is
 * active, the flat list of results.  Issues and results are
 * loaded a page at a time as the cursor gets near them, so the cost of
 * a screen does not grow with the archive.  No curses here.
 */
#ifndef KB_TREE_H
#define KB_TREE_H

#include <stddef.h>
#include <stdint.h>

struct dbr;
struct filter;
struct tree;

enum trow_kind {
	TR_ISSUE,
	TR_COLUMN,
	TR_ARTICLE,
	TR_VIEW		/* a saved view, above the issues */
};

struct trow {
	enum trow_kind	 kind;
	int		 depth;
	int		 expanded;
	const char	*label;		/* owned by the tree */
	int		 n, unread;	/* issues and columns */
	int		 read, flagged;	/* articles */
	int64_t		 id;
	const char	*key;		/* articles; a view's expression */
	const char	*issue_label;	/* the issue it belongs to; results:
					   its date */
	const char	*column;	/* articles: their column, if known */
	size_t		 pos;		/* issues and results: 1-based place */
};

struct tree	*tree_create(struct dbr *, const struct filter *);
void		 tree_free(struct tree *);
/* The issues' labels made again when next shown (a new language or
 * date format); nothing is read again. */
void		 tree_relabel(struct tree *);
/* After the filter or the views changed: rebuilds, keeping the article
 * key selected. */
void		 tree_reload(struct tree *, const struct filter *,
		    const char *keep);
int		 tree_is_search(const struct tree *);

/*
 * The order of the articles: of the results, and of each column's in
 * the tree (issues stay newest first).  By issue is the archive's own
 * order; by date the article's date, newest first; by title in
 * character order.  Results are all loaded to be sorted otherwise.
 */
enum tree_sort {
	SORT_ISSUE,
	SORT_DATE,
	SORT_TITLE
};
void		 tree_sort(struct tree *, enum tree_sort);
/*
 * The number of issues (or results) in *n; 0 while they are still being
 * counted.  Asking starts the count: tree_counting says whether one is
 * under way, tree_count_step counts some more, returning 1 while there is
 * more to count (a step is short enough to take between two keys).
 */
int		 tree_total(struct tree *, size_t *n);
int		 tree_counting(const struct tree *);
int		 tree_count_step(struct tree *);

/* Rows: asking for row i loads what is needed to know it. */
size_t		 tree_nrows(struct tree *);
/* The views' rows, first of all (0 in a search's results). */
size_t		 tree_nviews(const struct tree *);
int		 tree_row(struct tree *, size_t i, struct trow *);
void		 tree_load_all(struct tree *);

size_t		 tree_cursor(const struct tree *);
void		 tree_set_cursor(struct tree *, size_t);
/* Expand or collapse the row; returns 1 if something changed. */
int		 tree_expand(struct tree *, size_t, int expand);
/* Selects the article with key, expanding its issue and column. */
int		 tree_select_key(struct tree *, const char *key);
/* Moves the cursor to the next (dir 1) or previous (-1) article. */
int		 tree_step_article(struct tree *, int dir);
/* The cursor's parent issue or column row, for h/← from an article. */
size_t		 tree_parent(struct tree *, size_t);
/* Updates an article's marks in the model (after m or reading). */
void		 tree_set_marks(struct tree *, const char *key, int read,
		    int flagged);
/* The issue's counts are taken again when it is next shown (after marks
 * on articles of it that are not loaded). */
void		 tree_recount(struct tree *, int64_t issue);
/* 1-based position of the article among its column's, and their count. */
void		 tree_article_pos(struct tree *, size_t, int *pos, int *count);

#endif

/* Non-interactive output: --list, --cat and --search print to stdout. */
#ifndef KB_CAT_H
#define KB_CAT_H

struct dbr;

int	cat_list(struct dbr *);
int	cat_article(struct dbr *, const char *key, int width);
int	cat_search(struct dbr *, const char *query, int limit);

#endif

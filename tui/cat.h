/*
 * Non-interactive output: --list, --cat and --search print to stdout,
 * and the command line's messages go to stderr.  Everything printed
 * passes the sanitiser first, whatever it came from: a database is
 * hostile input, and so is what was typed.
 */
#ifndef KB_CAT_H
#define KB_CAT_H

#include <stddef.h>

struct dbr;
struct filter;

/* How --list and --search print: as they always did, or for scripts. */
enum cat_format {
	CAT_TEXT,
	CAT_TSV,	/* key, date, issue key, column, title */
	CAT_JSON	/* an array of objects with the same */
};
/* The format called name (text, tsv, json), or -1. */
int	cat_format_named(const char *name);

/* The articles passing f.  0, or 1 when stdout could not be written. */
int	cat_list(struct dbr *, const struct filter *, enum cat_format);
/* key in any letter case; 1 when there is no such article. */
int	cat_article(struct dbr *, const char *key, int width);
/* At most limit results (0: all); 1 when nothing matches, as grep. */
int	cat_search(struct dbr *, const char *query, size_t limit,
	    const struct filter *, enum cat_format);
/* "kuaibao: MESSAGE" on stderr, on one line, sanitised. */
void	cat_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif

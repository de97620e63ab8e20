/* Dates and stable keys of issues and articles: see import-meta.c. */
#ifndef KB_IMPORT_META_H
#define KB_IMPORT_META_H

#include <stddef.h>

struct issue;

/*
 * A date at the start of a text: "[YYYY年]M月" (meta_parse_month), that
 * and "D日" if printed (meta_parse_day), or that, maybe a range, and
 * the comma that ends a date lead (meta_parse_date).  Each returns the
 * bytes of the date, 0 if there is none, and sets what was printed (y
 * and d are 0 if not).
 */
size_t	meta_parse_month(const char *, int *y, int *m);
size_t	meta_parse_day(const char *, int *y, int *m, int *d);
size_t	meta_parse_date(const char *, int *y, int *m, int *d);
void	meta_year(struct issue *);	/* when no cover gave it */
void	meta_dates(struct issue *);	/* each article's opening date */
void	meta_keys(struct issue *);

#endif

/* Dates and stable keys of issues and articles: see import-meta.c. */
#ifndef KB_IMPORT_META_H
#define KB_IMPORT_META_H

#include <stddef.h>

struct issue;

size_t	meta_parse_date(const char *, int *y, int *m, int *d);
void	meta_year(struct issue *);	/* when no cover gave it */
void	meta_dates(struct issue *);	/* each article's opening date */
void	meta_keys(struct issue *);

#endif

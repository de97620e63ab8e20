/*
 * The check pass, as mandoc's *_validate.c: once an issue is built,
 * what may be wrong with it is given as warnings naming its source
 * line, for whoever adds the issue to act on.
 */
#ifndef KB_IMPORT_CHECK_H
#define KB_IMPORT_CHECK_H

#include <stddef.h>

struct article;
struct issue;

/*
 * Warns of an article without editors where most have them, a footnote
 * that no marker cites, a marker with no footnote, an article without
 * text, a column without articles, and the text the parsers dropped.
 */
void	check_issue(const struct issue *);

/* The footnotes of an article that a marker [^n] in its text cites. */
size_t	check_cited(const struct article *);

#endif

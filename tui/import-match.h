/*
 * Many fixed strings looked for at once, longest first: the names of
 * countries and the keywords of themes.  Patterns are bucketed by
 * their first character so that a scan costs little more than reading
 * the text.  ASCII patterns match case-insensitively, on word bounds.
 */
#ifndef KB_IMPORT_MATCH_H
#define KB_IMPORT_MATCH_H

#include <stddef.h>

struct matcher;

struct matcher	*matcher_create(void);
void		 matcher_free(struct matcher *);
void		 matcher_add(struct matcher *, const char *pattern, int value);
void		 matcher_done(struct matcher *);	/* before matching */

/*
 * The longest pattern at s[off]: returns its length in bytes and sets
 * *value, or returns 0.  The whole text is passed for word bounds.
 */
size_t		 matcher_at(const struct matcher *, const char *s, size_t len,
		    size_t off, int *value);

/*
 * The same, calling fn for every pattern that is that longest text
 * (one keyword may count for several themes).
 */
size_t		 matcher_each(const struct matcher *, const char *s, size_t len,
		    size_t off, void (*fn)(void *, int value, size_t id),
		    void *arg);
size_t		 matcher_count(const struct matcher *);	/* ids: 0 … count-1 */

#endif

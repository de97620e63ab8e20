/*
 * Narrowing a prompt's choices (struct choice: countries, themes) as
 * the user types: Chinese names, English names and ISO codes all match
 * (jp, japan, 日本), best matches first.  Not the article filter
 * (struct filter, db-read.h), which the chosen one then sets.  No
 * curses, no SQL: the logic is unit-tested.
 */
#ifndef KB_CHOICE_H
#define KB_CHOICE_H

#include <stddef.h>

struct choice;

/* How well typed matches c: 0 not at all, higher is better. */
int	choice_score(const struct choice *c, const char *typed);
/* Indices of the matching choices, best first (caller frees). */
size_t	choice_narrow(const struct choice *v, size_t n, const char *typed,
	    size_t **out);
/* Sorts v by its counts, the most first: nall (by_all) or n first. */
void	choice_sort(struct choice *v, size_t n, int by_all);

#endif

/*
 * Narrowing the choices of a filter prompt as the user types: Chinese
 * names, English names and ISO codes all match (jp, japan, 日本), best
 * matches first.  No curses, no SQL: the logic is unit-tested.
 */
#ifndef KB_FILTER_H
#define KB_FILTER_H

#include <stddef.h>

struct choice;

/* How well typed matches c: 0 not at all, higher is better. */
int	filter_score(const struct choice *c, const char *typed);
/* Indices of the matching choices, best first (caller frees). */
size_t	filter_narrow(const struct choice *v, size_t n, const char *typed,
	    size_t **out);
/* Sorts v by its counts, the most first: nall (by_all) or n first. */
void	filter_sort(struct choice *v, size_t n, int by_all);

#endif

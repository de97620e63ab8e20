/*
 * Allocation that never returns NULL: running out of memory is fatal,
 * and so is asking for zero bytes (a bug, as in tmux).
 */
#ifndef KB_XMALLOC_H
#define KB_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 free_strings(char **, size_t);	/* n strings, then the array */
extern const char *progname;
void	 fatal(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Where fatal() ends, with its message, when a main sets it (no return). */
extern void (*fatal_hook)(const char *);

/*
 * Append one element to a growable array: VEC_PUSH(arr, n, cap, value).
 * arr is a pointer, n and cap are size_t lvalues.
 */
#define VEC_PUSH(arr, n, cap, value) do {				\
	if ((n) == (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 8;				\
		(arr) = xreallocarray((arr), (cap), sizeof(*(arr)));	\
	}								\
	(arr)[(n)++] = (value);						\
} while (0)

#endif

/* Allocation wrappers that die on failure, so callers never check for NULL. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

const char *progname = "kuaibao";	/* set by each main */
void (*fatal_hook)(const char *);

/* Formats into a fixed buffer: memory may be what ran out. */
void
fatal(const char *fmt, ...)
{
	static int dying;
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	if (fatal_hook != NULL && !dying++)
		fatal_hook(why);
	fflush(stdout);
	fprintf(stderr, "%s: %s\n", progname ? progname : "kuaibao", why);
	exit(2);
}

/*
 * A zero size is a bug, as in tmux: a caller that means "nothing" has
 * nothing to allocate, and malloc(0) may answer NULL or a pointer to no
 * byte that an off-by-one would write.
 */
void *
xmalloc(size_t size)
{
	void *p;

	if (size == 0)
		fatal("xmalloc: zero size");
	if ((p = malloc(size)) == NULL)
		fatal("out of memory (%zu bytes)", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0)
		fatal("xcalloc: zero size");
	if ((p = calloc(n, size)) == NULL)
		fatal("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0)
		fatal("xreallocarray: zero size");
	if (n > SIZE_MAX / size)
		fatal("allocation overflow (%zu x %zu bytes)", n, size);
	if ((p = realloc(old, n * size)) == NULL)
		fatal("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t len)
{
	char *p;

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		fatal("bad format: %s", fmt);
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
free_strings(char **v, size_t n)
{
	while (n > 0)
		free(v[--n]);
	free(v);
}

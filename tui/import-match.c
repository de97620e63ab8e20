/* A multi-string matcher bucketed by first character. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import-match.h"
#include "text.h"
#include "xmalloc.h"

#define NBUCKETS	4096

struct pattern {
	char	*s;
	size_t	 len;
	int	 value;
	int	 ascii;
};

struct matcher {
	struct pattern	*v;
	size_t		 n, cap;
	size_t		*start;		/* per bucket, into v (sorted) */
};

/* A hash of the first character's bytes; no decoding, it is hot. */
static unsigned
bucket(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned h;

	if (p[0] < 0x80)
		return (p[0] >= 'A' && p[0] <= 'Z' ? p[0] | 0x20 : p[0]);
	h = p[0];
	if (len > 1)
		h = h * 31 + p[1];
	if (len > 2 && p[0] >= 0xe0)
		h = h * 31 + p[2];
	if (len > 3 && p[0] >= 0xf0)
		h = h * 31 + p[3];
	return 128 + h % (NBUCKETS - 128);
}

struct matcher *
matcher_create(void)
{
	return xcalloc(1, sizeof(struct matcher));
}

void
matcher_free(struct matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->v[i].s);
	free(m->v);
	free(m->start);
	free(m);
}

void
matcher_add(struct matcher *m, const char *pattern, int value)
{
	struct pattern p;
	size_t i;

	p.s = xstrdup(pattern);
	p.len = strlen(pattern);
	p.value = value;
	p.ascii = 1;
	for (i = 0; i < p.len; i++)
		if ((unsigned char)p.s[i] >= 0x80)
			p.ascii = 0;
	if (p.len == 0) {
		free(p.s);
		return;
	}
	VEC_PUSH(m->v, m->n, m->cap, p);
}

static int
cmp_pattern(const void *a, const void *b)
{
	const struct pattern *x = a, *y = b;
	unsigned bx, by;

	bx = bucket(x->s, x->len);
	by = bucket(y->s, y->len);
	if (bx != by)
		return bx < by ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;	/* longest first */
	if (strcmp(x->s, y->s) != 0)
		return strcmp(x->s, y->s);
	/* the same text twice: a value (a row) beats an exclusion
	 * (negative), then the earlier row wins */
	if ((x->value < 0) != (y->value < 0))
		return x->value < 0 ? 1 : -1;
	return x->value < y->value ? -1 : x->value > y->value;
}

void
matcher_done(struct matcher *m)
{
	size_t i;
	unsigned b;

	qsort(m->v, m->n, sizeof(*m->v), cmp_pattern);
	m->start = xcalloc(NBUCKETS + 1, sizeof(*m->start));
	for (b = 0, i = 0; b <= NBUCKETS; b++) {
		while (i < m->n && bucket(m->v[i].s, m->v[i].len) < b)
			i++;
		m->start[b] = i;
	}
}

static int
word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

static int
matches(const struct pattern *p, const char *s, size_t len, size_t off)
{
	if (p->len > len - off)
		return 0;
	if (!p->ascii)
		return memcmp(s + off, p->s, p->len) == 0;
	if (strncasecmp(s + off, p->s, p->len) != 0)
		return 0;
	return !((off > 0 && word_char((unsigned char)s[off - 1]) &&
	    word_char((unsigned char)p->s[0])) || (off + p->len < len &&
	    word_char((unsigned char)s[off + p->len]) &&
	    word_char((unsigned char)p->s[p->len - 1])));
}

/* Index of the longest pattern at s[off], or m->n. */
static size_t
longest(const struct matcher *m, const char *s, size_t len, size_t off)
{
	size_t i;
	unsigned b;

	if (m->n == 0 || off >= len)
		return m->n;
	b = bucket(s + off, len - off);
	for (i = m->start[b]; i < m->start[b + 1]; i++)
		if (matches(&m->v[i], s, len, off))
			return i;
	return m->n;
}

size_t
matcher_at(const struct matcher *m, const char *s, size_t len, size_t off,
    int *value)
{
	size_t i;

	if ((i = longest(m, s, len, off)) == m->n)
		return 0;
	*value = m->v[i].value;
	return m->v[i].len;
}

size_t
matcher_each(const struct matcher *m, const char *s, size_t len, size_t off,
    void (*fn)(void *, int, size_t), void *arg)
{
	size_t i, k;

	if ((i = longest(m, s, len, off)) == m->n)
		return 0;
	/* equal patterns sort next to each other */
	for (k = i; k < m->n && m->v[k].len == m->v[i].len &&
	    strcasecmp(m->v[k].s, m->v[i].s) == 0; k++)
		fn(arg, m->v[k].value, k);
	return m->v[i].len;
}

size_t
matcher_count(const struct matcher *m)
{
	return m->n;
}

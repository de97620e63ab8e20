/* Filter prompt matching: names, English names and codes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db-read.h"
#include "filter.h"
#include "xmalloc.h"

enum {
	S_EXACT = 100,		/* 日本, jp, jpn */
	S_ENGLISH = 90,		/* japan */
	S_PREFIX = 80,
	S_ENGLISH_PREFIX = 70,
	S_INSIDE = 60,
	S_ENGLISH_INSIDE = 40,
	S_ANY = 1		/* nothing typed */
};

static int
ci_prefix(const char *s, const char *p)
{
	return strncasecmp(s, p, strlen(p)) == 0;
}

static int
ci_inside(const char *s, const char *p)
{
	size_t n = strlen(p);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, p, n) == 0)
			return 1;
	return 0;
}

/* The best score of typed against the ";"-separated English names. */
static int
english(const char *list, const char *typed)
{
	char *copy, *name, *save;
	int best;

	if (list == NULL)
		return 0;
	best = 0;
	copy = xstrdup(list);
	for (name = strtok_r(copy, ";", &save); name != NULL;
	    name = strtok_r(NULL, ";", &save)) {
		if (strcasecmp(name, typed) == 0)
			best = S_ENGLISH;
		else if (ci_prefix(name, typed) && best < S_ENGLISH_PREFIX)
			best = S_ENGLISH_PREFIX;
		else if (ci_inside(name, typed) && best < S_ENGLISH_INSIDE)
			best = S_ENGLISH_INSIDE;
	}
	free(copy);
	return best;
}

int
filter_score(const struct choice *c, const char *typed)
{
	int s, e;

	while (*typed == ' ')
		typed++;
	if (*typed == '\0')
		return S_ANY;
	if (strcmp(c->name, typed) == 0 ||
	    (c->code != NULL && strcasecmp(c->code, typed) == 0) ||
	    (c->iso3 != NULL && strcasecmp(c->iso3, typed) == 0))
		return S_EXACT;
	s = 0;
	if (strncmp(c->name, typed, strlen(typed)) == 0)
		s = S_PREFIX;
	else if (strstr(c->name, typed) != NULL)
		s = S_INSIDE;
	e = english(c->english, typed);
	return e > s ? e : s;
}

struct scored {
	size_t	i;
	int	score;
};

static int
cmp_scored(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return y->score - x->score;
	return x->i < y->i ? -1 : x->i > y->i;
}

size_t
filter_narrow(const struct choice *v, size_t n, const char *typed,
    size_t **out)
{
	struct scored *s;
	size_t i, k;

	s = xcalloc(n + 1, sizeof(*s));
	for (i = k = 0; i < n; i++)
		if ((s[k].score = filter_score(&v[i], typed)) > 0)
			s[k++].i = i;
	qsort(s, k, sizeof(*s), cmp_scored);
	*out = xcalloc(k + 1, sizeof(**out));
	for (i = 0; i < k; i++)
		(*out)[i] = s[i].i;
	free(s);
	return k;
}

struct ranked {
	size_t	i;
	int	key, key2;
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->key != y->key)
		return y->key - x->key;
	if (x->key2 != y->key2)
		return y->key2 - x->key2;
	return x->i < y->i ? -1 : x->i > y->i;
}

void
filter_sort(struct choice *v, size_t n, int by_all)
{
	struct ranked *rk;
	struct choice *copy;
	size_t i;

	rk = xcalloc(n + 1, sizeof(*rk));
	for (i = 0; i < n; i++) {
		rk[i].i = i;
		rk[i].key = by_all ? v[i].nall : v[i].n;
		rk[i].key2 = by_all ? v[i].n : v[i].nall;
	}
	qsort(rk, n, sizeof(*rk), cmp_ranked);
	copy = xcalloc(n + 1, sizeof(*copy));
	memcpy(copy, v, n * sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = copy[rk[i].i];
	free(copy);
	free(rk);
}

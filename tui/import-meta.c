/*
 * Dates and keys.  An article's date is the one its body opens with
 * ("4 月 20 日，", "2019 年 6 月 4 日，", "6 月，"); the issue's year, when no
 * cover gives it, is inferred from such dates and from the footnotes'
 * URLs, which carry their publication dates.  Keys are hashes of what
 * identifies an issue and an article, so that they survive a rebuild.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "doc.h"
#include "import-meta.h"
#include "text.h"
#include "xmalloc.h"

static int
digits(const char *p, int max, int *val)
{
	int n;

	*val = 0;
	for (n = 0; n < max && p[n] >= '0' && p[n] <= '9'; n++)
		*val = *val * 10 + (p[n] - '0');
	return n;
}

size_t
meta_parse_month(const char *s, int *y, int *m)
{
	const char *p;
	int n, v;

	*y = *m = 0;
	p = s;
	n = digits(p, 4, &v);
	if (n == 4 && text_starts(p + n, "年")) {
		*y = v;
		p += n + strlen("年");
		n = digits(p, 2, &v);
	}
	if (n == 0 || !text_starts(p + n, "月") || v < 1 || v > 12) {
		*y = 0;
		return 0;
	}
	*m = v;
	p += n + strlen("月");
	return (size_t)(p - s);
}

/*
 * Parses a date at the start of s.  Returns the bytes of its text (0 if
 * none) and sets y (0 if not printed), m and d (0 if not printed).
 */
size_t
meta_parse_day(const char *s, int *y, int *m, int *d)
{
	const char *p;
	size_t k;
	int n, v;

	*d = 0;
	if ((k = meta_parse_month(s, y, m)) == 0)
		return 0;
	p = s + k;
	n = digits(p, 2, &v);
	if (n > 0 && text_starts(p + n, "日") && v >= 1 && v <= 31) {
		*d = v;
		p += n + strlen("日");
	}
	return (size_t)(p - s);
}

size_t
meta_parse_date(const char *s, int *y, int *m, int *d)
{
	const char *p;
	size_t k;
	int n, v;

	if ((k = meta_parse_day(s, y, m, d)) == 0)
		return 0;
	p = s + k;
	if (*d > 0) {
		/* a range: 17 日~23 日, 6 月 8 日至 10 日 */
		if (text_starts(p, "~") || text_starts(p, "-")) {
			n = digits(p + 1, 2, &v);
			if (n > 0 && text_starts(p + 1 + n, "日"))
				p += 1 + n + strlen("日");
		} else if (text_starts(p, "～") || text_starts(p, "至") ||
		    text_starts(p, "—")) {
			n = digits(p + 3, 2, &v);
			if (n > 0 && text_starts(p + 3 + n, "日"))
				p += 3 + n + strlen("日");
		}
	}
	if (!text_starts(p, "，") && !text_starts(p, ",") &&
	    !text_starts(p, "、"))
		return 0;
	return (size_t)(p - s);
}

/* The year of publication in a URL: /2023/04/… or /2023/3/… */
static void
url_years(const char *url, int *best, int now)
{
	const char *p;
	int v, m, n, k;

	for (p = url; (p = strchr(p, '/')) != NULL; p++) {
		n = digits(p + 1, 4, &v);
		if (n != 4 || p[5] != '/')
			continue;
		k = digits(p + 6, 2, &m);
		if (k == 0 || m < 1 || m > 12 || (p[6 + k] != '/' &&
		    (p[6 + k] < '0' || p[6 + k] > '9')))
			continue;
		if (v >= 1990 && v <= now && v > *best)
			*best = v;
	}
}

void
meta_year(struct issue *is)
{
	const struct article *a;
	const char *p;
	time_t t;
	struct tm tm;
	size_t s, i, k;
	int y, m, d, best, now;

	if (is->year != 0)
		return;
	t = time(NULL);
	gmtime_r(&t, &tm);
	now = tm.tm_year + 1900;
	best = 0;
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++) {
			a = &is->columns[s].articles[i];
			if ((p = doc_first_paragraph(a)) != NULL &&
			    meta_parse_date(p, &y, &m, &d) > 0 && y <= now &&
			    y > best)
				best = y;
			for (k = 0; k < a->nnotes; k++)
				if (a->notes[k].nurls > 0)
					url_years(a->notes[k].urls[0], &best,
					    now);
		}
	is->year = best;
}

void
meta_dates(struct issue *is)
{
	struct article *a;
	const char *p;
	size_t s, i, n;
	int y, m, d, im;

	im = 0;
	if (is->date != NULL)
		im = atoi(is->date + 5);
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++) {
			a = &is->columns[s].articles[i];
			if ((p = doc_first_paragraph(a)) == NULL ||
			    (n = meta_parse_date(p, &y, &m, &d)) == 0)
				continue;
			a->date_text = text_squeeze(p, n);
			if (y == 0 && is->year != 0) {
				y = is->year;
				/* a December story in a January issue */
				if (im != 0 && m > im + 1)
					y--;
			}
			if (y != 0 && d != 0)
				a->date = xasprintf("%04d-%02d-%02d", y, m, d);
		}
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

struct keyref {
	struct article	*a;
	size_t		 order;
};

static int
cmp_keyref(const void *x, const void *y)
{
	const struct keyref *a = x, *b = y;
	int c;

	if ((c = strcmp(a->a->key, b->a->key)) != 0)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

void
meta_keys(struct issue *is)
{
	struct keyref *refs;
	struct article *a;
	const char *first;
	uint64_t h;
	size_t s, i, n, run;
	char when[16], *k;

	first = "";
	if (is->ncolumns > 0 && is->columns[0].narticles > 0)
		first = is->columns[0].articles[0].title;
	if (is->date != NULL)
		snprintf(when, sizeof(when), "%s", is->date);
	else
		snprintf(when, sizeof(when), "%04d", is->year);
	h = fnv1a(fnv1a(0xcbf29ce484222325ULL, is->title), first);
	free(is->key);
	is->key = xasprintf("%s-%08x", when, (unsigned)(h >> 32));

	refs = xcalloc(doc_article_count(is) + 1, sizeof(*refs));
	n = 0;
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++) {
			a = &is->columns[s].articles[i];
			h = fnv1a(fnv1a(0xcbf29ce484222325ULL, is->key),
			    a->title);
			free(a->key);
			a->key = xasprintf("%012llx",
			    (unsigned long long)(h >> 16));
			refs[n].a = a;
			refs[n].order = n;
			n++;
		}
	/* The same title twice in one issue: -2, -3 … in document order. */
	qsort(refs, n, sizeof(*refs), cmp_keyref);
	for (i = 1, run = 1; i < n; i++) {
		if (strncmp(refs[i].a->key, refs[i - 1].a->key, 12) != 0) {
			run = 1;
			continue;
		}
		k = xasprintf("%.12s-%zu", refs[i].a->key, ++run);
		free(refs[i].a->key);
		refs[i].a->key = k;
	}
	free(refs);
}

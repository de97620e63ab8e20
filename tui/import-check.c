/*
 * Checks a built issue for what may be wrong with it: warnings that the
 * parsers cannot give while they read, since they need the whole issue
 * (do most articles have editors?) or the notes already bound.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "import-check.h"
#include "text.h"
#include "xmalloc.h"

#define EXCERPT_CHARS	30	/* of dropped text, quoted in its warning */

/* A footnote, or a marker citing one: its number and where it is. */
struct ref {
	int	n;
	int	line;
	size_t	order;		/* in the article, to keep it in sorting */
};

struct refs {
	struct ref	*v;
	size_t		 n, cap;
};

static int
cmp_ref(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void
add_ref(struct refs *r, int n, int line)
{
	struct ref x;

	x.n = n;
	x.line = line;
	x.order = r->n;
	VEC_PUSH(r->v, r->n, r->cap, x);
}

/* The markers [^n] of the article's text. */
static void
markers(const struct article *a, struct refs *r)
{
	const char *p, *q;
	size_t i;

	/* not strstr(): under the sanitizers it measures the rest of the
	 * text at every marker, 100,000 markers of one paragraph a hang */
	for (i = 0; i < a->nblocks; i++)
		for (p = a->blocks[i].text; *p != '\0'; p++) {
			if (p[0] != '[' || p[1] != '^')
				continue;
			for (q = p + 2; *q >= '0' && *q <= '9'; q++)
				;
			if (q > p + 2 && *q == ']')
				add_ref(r, text_digits(p + 2,
				    (size_t)(q - p - 2)), a->blocks[i].line);
		}
}

static void
notes(const struct article *a, struct refs *r)
{
	size_t i;

	for (i = 0; i < a->nnotes; i++)
		add_ref(r, a->notes[i].n, a->notes[i].line);
}

/*
 * Pairs the notes of an article with its markers, number by number: a
 * note beyond the markers of its number is cited by none, a marker
 * beyond the notes has none.  Returns the pairs; warns of the rest if
 * source is not NULL.
 */
static size_t
pair_notes(const struct article *a, const char *source)
{
	struct refs m = { 0 }, f = { 0 };
	size_t i, j, ie, je, pairs;

	markers(a, &m);
	notes(a, &f);
	if (m.n > 1)
		qsort(m.v, m.n, sizeof(*m.v), cmp_ref);
	if (f.n > 1)
		qsort(f.v, f.n, sizeof(*f.v), cmp_ref);
	pairs = 0;
	for (i = j = 0; i < f.n || j < m.n; i = ie, j = je) {
		int n = j == m.n || (i < f.n && f.v[i].n < m.v[j].n) ?
		    f.v[i].n : m.v[j].n;

		for (ie = i; ie < f.n && f.v[ie].n == n; ie++)
			;
		for (je = j; je < m.n && m.v[je].n == n; je++)
			;
		for (; i < ie && j < je; i++, j++)
			pairs++;
		for (; source != NULL && i < ie; i++)
			diag_msg(MSG_NOTE_UNCITED, source, f.v[i].line, 0,
			    "%d", n);
		for (; source != NULL && j < je; j++)
			diag_msg(MSG_MARKER_NO_NOTE, source, m.v[j].line, 0,
			    "[^%d]", n);
	}
	free(m.v);
	free(f.v);
	return pairs;
}

size_t
check_cited(const struct article *a)
{
	return pair_notes(a, NULL);
}

/* The start of a dropped text, enough to find it in the source. */
static char *
excerpt(const char *s)
{
	size_t len, off;
	int i, n;

	len = strlen(s);
	for (off = 0, i = 0; off < len && i < EXCERPT_CHARS; i++) {
		text_first(s + off, len - off, &n);
		off += (size_t)n;
	}
	return off < len ? xasprintf("%.*s…", (int)off, s) : xstrdup(s);
}

static void
check_drops(const struct issue *is)
{
	size_t i;
	char *e;

	for (i = 0; i < is->ndrops; i++) {
		e = excerpt(is->drops[i].text);
		diag_msg(is->drops[i].why, is->source, is->drops[i].line, 0,
		    "%s", e);
		free(e);
	}
}

/* An article without editors is suspect where most have them. */
static int
editors_expected(const struct issue *is)
{
	size_t s, i, with, all;

	if (is->kind != DOC_BULLETIN)
		return 0;
	with = all = 0;
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++, all++)
			with += is->columns[s].articles[i].nauthors > 0;
	return with * 2 > all;
}

void
check_issue(const struct issue *is)
{
	const struct column *sec;
	const struct article *a;
	size_t s, i;
	int editors;

	editors = editors_expected(is);
	for (s = 0; s < is->ncolumns; s++) {
		sec = &is->columns[s];
		if (sec->narticles == 0)
			diag_msg(MSG_EMPTY_COLUMN, is->source, sec->line, 0,
			    "%s", sec->name);
		for (i = 0; i < sec->narticles; i++) {
			a = &sec->articles[i];
			if (editors && a->nauthors == 0)
				diag_msg(MSG_NO_EDITORS, is->source, a->line,
				    0, "%s", a->title);
			if (a->nblocks == 0 && a->nfields == 0)
				diag_msg(MSG_NO_BODY, is->source, a->line, 0,
				    "%s", a->title);
			pair_notes(a, is->source);
		}
	}
	check_drops(is);
}

/*
 * Physical lines of a PDF extraction: their cues, the width of a full
 * line, and the page furniture among them.  See import-lines.h.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import-input.h"
#include "import-lines.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

#define MIN_BODY_COLS	16	/* shorter lines say nothing of the width */
#define HEADER_MAX_COLS	50

static int
wide(uint32_t c)
{
	return text_is_fullwidth(c) || c == 0x201c || c == 0x201d ||
	    c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 ||
	    c == 0x00b7;
}

/*
 * Printed width.  Quotes, dashes and the ellipsis are full-width in a
 * Chinese font though Unicode calls them ambiguous.  A space next to a
 * Chinese character stands for the sliver a typesetter puts between
 * scripts (2023 年): half a column.  Latin letters are counted apart,
 * since a proportional font makes their width uncertain.
 */
static int
width_of(const char *s, size_t len, int *latin)
{
	uint32_t c, prev;
	size_t i;
	int n, halves;

	halves = *latin = 0;
	prev = 0;
	for (i = 0; i < len; i += (size_t)n) {
		c = text_first(s + i, len - i, &n);
		if (n <= 0)
			break;
		if (wide(c))
			halves += 4;
		else if (c == ' ')
			halves += wide(prev) || wide(text_first(s + i + 1,
			    len - i - 1, NULL)) ? 1 : 2;
		else {
			halves += 2;
			(*latin)++;
		}
		prev = c;
	}
	return (halves + 1) / 2;
}

static int
is_blank(const char *s, size_t len, size_t *spaces)
{
	size_t i;

	*spaces = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			(*spaces)++;
		else
			return 0;
	}
	return 1;
}

static void
collect(struct lines *L, const struct input *in)
{
	struct phys ph;
	const char *s;
	size_t i, len, cap, spaces;
	int page, blank, rule;

	cap = 0;
	page = 1;
	blank = rule = 0;
	for (i = 0; i < in->nlines; i++) {
		s = in->lines[i].s;
		len = in->lines[i].len;
		if (in->lines[i].flags & LINE_PAGESTART)
			page = 1;
		if (is_blank(s, len, &spaces)) {
			blank = 1;
			if (spaces >= 20)
				rule = 1;
			continue;
		}
		memset(&ph, 0, sizeof(ph));
		ph.lead = s[0] == ' ' || s[0] == '\t';
		while (ph.leadtabs < 15 && ph.leadtabs < len &&
		    s[ph.leadtabs] == '\t')
			ph.leadtabs++;
		ph.tabbed = memchr(s, '\t', len) != NULL;
		ph.indent = text_starts(s, "\xe3\x80\x80") ||
		    text_starts(s, "  ");
		ph.trail = s[len - 1] == ' ' || s[len - 1] == '\t';
		ph.len = text_trim(&s, len);
		ph.s = s;
		if (ph.len == 0) {	/* ideographic spaces only */
			blank = 1;
			continue;
		}
		ph.no = in->lines[i].no;
		ph.cols = width_of(ph.s, ph.len, &ph.latin);
		ph.page = page;
		ph.blank = blank;
		ph.rule = rule;
		page = blank = rule = 0;
		VEC_PUSH(L->p, L->n, cap, ph);
	}
}

/*
 * A cue is worth reading only where it tells lines apart: a blank line
 * after every line, or a trailing space on every line, says nothing.
 */
static void
cues(struct lines *L)
{
	size_t i, trails, blanks, leads;

	trails = blanks = leads = 0;
	for (i = 0; i < L->n; i++) {
		trails += L->p[i].trail;
		blanks += i > 0 && L->p[i].blank;
		leads += L->p[i].lead;
	}
	/* a text indented throughout: a leading space marks nothing */
	if (leads * 10 >= L->n * 3)
		for (i = 0; i < L->n; i++)
			L->p[i].lead = L->p[i].indent = 0;
	L->trailmode = L->n > 0 && trails * 50 >= L->n * 2 &&
	    trails * 20 <= L->n * 19;
	L->blankmode = blanks >= 3 && blanks * 50 >= L->n * 2;
}

/*
 * Blank lines end paragraphs if they are missing where a sentence runs
 * on from a line of body width to the next: a text spaced double
 * throughout has them there too.  Where no sentence runs on, blank
 * lines after most lines say nothing.
 */
static void
blank_cue(struct lines *L)
{
	const struct phys *p;
	size_t i, blanks, wraps, spaced;

	if (!L->blankmode)
		return;
	blanks = wraps = spaced = 0;
	for (i = 1; i < L->n; i++) {
		p = &L->p[i - 1];
		blanks += L->p[i].blank;
		if (p->cols * 3 >= L->width * 2 &&
		    !shape_ends_sentence(p->s, p->len)) {
			wraps++;
			spaced += L->p[i].blank;
		}
	}
	if (wraps >= 2)
		L->blankmode = spaced * 4 <= wraps;
	else
		L->blankmode = blanks * 5 <= L->n * 3;
}

static int
has_url(const struct phys *p)
{
	return text_has(p->s, p->len, "://") ||
	    text_has(p->s, p->len, "www.");
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * A line that may tell the body's width: wide enough, no URL (set in
 * another font), no table row whose cells tabs part.
 */
static int
measured(const struct phys *p)
{
	return p->cols >= MIN_BODY_COLS && !has_url(p) && !p->tabbed;
}

/*
 * Too few lines for a mode: lines that stop mid-sentence mostly run
 * to the margin, and the widest of them are full.  The width four in
 * five of them do not exceed, and what lies just above it.
 */
static int
upper_width(const struct lines *L)
{
	const struct phys *p;
	int *v, w;
	size_t i, n;

	v = xcalloc(L->n + 1, sizeof(*v));
	for (i = n = 0; i < L->n; i++) {
		p = &L->p[i];
		if (measured(p) && !shape_ends_sentence(p->s, p->len) &&
		    !shape_toc_entry(p->s, p->len))
			v[n++] = p->cols;
	}
	qsort(v, n, sizeof(*v), cmp_int);
	w = 0;
	if (n > 0) {
		w = v[n * 4 / 5];
		for (i = n * 4 / 5; i < n && v[i] <= w + 3; i++)
			w = v[i];
	}
	free(v);
	return w;
}

/* The median width of the lines that may be body text. */
static int
median_width(const struct lines *L)
{
	int *v, m;
	size_t i, n;

	v = xcalloc(L->n + 1, sizeof(*v));
	for (i = n = 0; i < L->n; i++)
		if (measured(&L->p[i]))
			v[n++] = L->p[i].cols;
	qsort(v, n, sizeof(*v), cmp_int);
	m = n > 0 ? v[n / 2] : MIN_BODY_COLS;
	free(v);
	return m;
}

/*
 * The width of a full line: the most common width among the wider
 * half of the lines (short ones, a colophon's, may be more alike).  A
 * paragraph's first line is indented in most typesetting and loses its
 * indent in most extractions: a second peak two characters below the
 * first gives the indent.
 */
static void
measure(struct lines *L)
{
	int *h, max, w, best, bestscore, i2, lo;
	size_t i;

	max = 0;
	for (i = 0; i < L->n; i++)
		if (L->p[i].cols > max)
			max = L->p[i].cols;
	h = xcalloc((size_t)max + 3, sizeof(*h));
	lo = median_width(L);
	for (i = 0; i < L->n; i++)
		if (measured(&L->p[i]))
			h[L->p[i].cols]++;
	best = bestscore = 0;
	for (w = lo; w <= max; w++)
		if (h[w] >= bestscore && h[w] > 0) {
			best = w;
			bestscore = h[w];
		}
	if (bestscore < 5) {
		best = upper_width(L);
		bestscore = best <= max ? h[best] : 0;
	}
	L->width = best > MIN_BODY_COLS ? best : 60;
	L->indent = 0;
	i2 = L->width - 4;
	if (bestscore >= 3 && i2 > MIN_BODY_COLS && i2 + 1 <= max &&
	    (h[i2 - 1] + h[i2] + h[i2 + 1]) * 5 >= bestscore)
		L->indent = 4;
	free(h);
}

static int
url_char(unsigned char c)
{
	return c > ' ' && c < 0x7f && c != '<' && c != '>' && c != '"';
}

/*
 * A line that goes on with a URL: its first word is made of URL
 * characters, and is either all of the line or looks like a piece of a
 * path (S-National-Pathway.pdf, v/data/reports, id=5), not like the
 * number or word that opens a sentence.
 */
int
lines_url_tail(const struct phys *p)
{
	size_t i, k;
	int punct;

	punct = 0;
	for (i = 0; i < p->len && url_char((unsigned char)p->s[i]); i++)
		if (strchr("/.-_=?&%#~", p->s[i]) != NULL)
			punct++;
	if (i == 0)
		return 0;
	for (k = i; k < p->len && p->s[k] == ' '; k++)
		;
	if (k == p->len)
		return 1;
	return punct > 0 && i >= 4 && (i == p->len || p->s[i] == ' ');
}

/* The line ends inside a URL: its last word is one, or a piece of one. */
static int
ends_in_url(const struct lines *L, const struct phys *p)
{
	size_t i;

	if (!p->url || (L->trailmode && p->trail))
		return 0;
	for (i = p->len; i > 0 && p->s[i - 1] != ' '; i--)
		;
	return i == 0 || text_has(p->s + i, p->len - i, "://") ||
	    text_has(p->s + i, p->len - i, "www.");
}

/*
 * Lines that hold a URL or go on with one: a URL is broken anywhere,
 * over as many lines as it takes, and a piece of it may look like a
 * page number or a header.
 */
static void
mark_urls(struct lines *L)
{
	struct phys *p;
	size_t i;

	for (i = 0; i < L->n; i++) {
		p = &L->p[i];
		p->url = text_has(p->s, p->len, "://") ||
		    text_has(p->s, p->len, "www.") ||
		    (i > 0 && ends_in_url(L, &L->p[i - 1]) && lines_url_tail(p));
	}
}

static long
number_of(const struct phys *p)
{
	size_t k;

	for (k = 0; k < p->len && (p->s[k] < '0' || p->s[k] > '9'); k++)
		;
	return strtol(p->s + k, NULL, 10);
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Every number that stands alone on a line, sorted: page numbers. */
static void
numbers_collect(struct lines *L)
{
	size_t i, cap;

	cap = 0;
	for (i = 0; i < L->n; i++)
		if (shape_pagenum(L->p[i].s, L->p[i].len))
			VEC_PUSH(L->numbers, L->nnumbers, cap,
			    number_of(&L->p[i]));
	if (L->nnumbers > 0)
		qsort(L->numbers, L->nnumbers, sizeof(*L->numbers), cmp_long);
}

/* Another page number, one before or after v, stands alone somewhere. */
static int
in_sequence(const struct lines *L, long v)
{
	long w;

	w = v - 1;
	if (L->nnumbers > 0 && bsearch(&w, L->numbers, L->nnumbers,
	    sizeof(*L->numbers), cmp_long) != NULL)
		return 1;
	w = v + 1;
	return L->nnumbers > 0 && bsearch(&w, L->numbers, L->nnumbers,
	    sizeof(*L->numbers), cmp_long) != NULL;
}

/* The URL a line ends with looks whole: …/x.pdf, …/index.html, …/ */
static int
url_whole(const struct phys *p)
{
	size_t i, dot;

	if (p->len == 0)
		return 0;
	if (p->s[p->len - 1] == '/')
		return 1;
	for (i = p->len, dot = 0; i > 0 && p->s[i - 1] != '/'; i--)
		if (p->s[i - 1] == '.' && dot == 0)
			dot = p->len - i;
	return dot >= 2 && dot <= 5;
}

/*
 * Page numbers are small (2022 after a URL's hyphen is not one) unless
 * the next or the last page's stands alone too (an excerpt), and
 * after a URL cut at the line's end a number is the URL's tail unless
 * the URL looks whole or the number has neighbours in sequence.
 */
static int
is_pagenum(const struct lines *L, size_t i)
{
	const struct phys *p = &L->p[i];
	long v;

	if (!shape_pagenum(p->s, p->len))
		return 0;
	v = number_of(p);
	if (v > 20 && (size_t)v > L->n / 8)
		return v < 1000 && !p->url && in_sequence(L, v);
	if (!p->url || i == 0)
		return 1;
	if (in_sequence(L, v))
		return 1;
	return url_whole(&L->p[i - 1]);
}

/*
 * A running header is compared by its first part: pdftotext -layout
 * prints the bulletin's name and the column's on one line, far apart.
 */
static size_t
key_len(const struct phys *p)
{
	size_t i;

	for (i = 0; i + 2 < p->len; i++)
		if (p->s[i] == ' ' && p->s[i + 1] == ' ' && p->s[i + 2] == ' ')
			return i;
	return p->len;
}

static int
header_shape(const struct phys *p)
{
	size_t off;
	int n;

	/* a line that closes a parenthesis it did not open, or opens one
	   it does not close, goes on one; a header has no sentence in it */
	if (text_has(p->s, p->len, "）") != text_has(p->s, p->len, "（") ||
	    text_has(p->s, p->len, "。") || text_has(p->s, p->len, "，") ||
	    text_has(p->s, p->len, "；"))
		return 0;
	return width_of(p->s, key_len(p), &n) <= HEADER_MAX_COLS &&
	    !shape_ends_sentence(p->s, p->len) &&
	    !shape_ends_clause(p->s, p->len) && !shape_enum(p->s, p->len) &&
	    !shape_pagenum(p->s, p->len) &&
	    !shape_note_start(p->s, p->len, &n, &off) && !p->url &&
	    !shape_direction(p->s, p->len, &n, &n, &off) &&
	    shape_label(p->s, p->len) == 0 &&
	    shape_editors(p->s, p->len, NULL, NULL) == p->len;
}

static int
same_text(const struct phys *a, const struct phys *b)
{
	size_t n = key_len(a);

	return n == key_len(b) && memcmp(a->s, b->s, n) == 0;
}

/* A candidate header: a line and where it stands on its page. */
struct cand {
	size_t	 i;
	int	 where;		/* TOP, UNDER, FOOT bits */
	size_t	 same;		/* candidates alike in text and place */
};

#define TOP	1	/* a page's first line */
#define UNDER	2	/* the line under a short first line */
#define FOOT	4	/* the line above a page number */

static const struct phys *sort_p;	/* for cmp_cand only */

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *ca = a, *cb = b;
	const struct phys *x = &sort_p[ca->i], *y = &sort_p[cb->i];
	size_t xn = key_len(x), yn = key_len(y);
	int c;

	if (ca->where != cb->where)
		return ca->where - cb->where;
	c = memcmp(x->s, y->s, xn < yn ? xn : yn);
	if (c == 0)
		c = (xn > yn) - (xn < yn);
	return c;
}

static int
cmp_index(const void *a, const void *b)
{
	const struct cand *ca = a, *cb = b;

	return (ca->i > cb->i) - (ca->i < cb->i);
}

/*
 * How many candidates stand alike, in text and in place on the page:
 * sorted, not compared pairwise (there may be thousands of pages).
 * The bulletin's name in a running header recurs; the column name that
 * heads the contents and then its first page does not.
 */
static void
count_same(const struct lines *L, struct cand *c, size_t n)
{
	size_t k, j, m;

	if (n == 0)
		return;
	sort_p = L->p;
	qsort(c, n, sizeof(*c), cmp_cand);
	for (k = 0; k < n; k = j) {
		for (j = k + 1; j < n && c[j].where == c[k].where &&
		    same_text(&L->p[c[j].i], &L->p[c[k].i]); j++)
			;
		for (m = k; m < j; m++)
			c[m].same = j - k;
	}
	qsort(c, n, sizeof(*c), cmp_index);
}

/*
 * Line i stands where a page broke a sentence off at the margin: the
 * body line before it runs to the margin without ending its sentence
 * or its article (a footnote's line, wider, a URL's or a contents
 * entry's, says nothing).
 */
static int
interrupts(const struct lines *L, size_t i)
{
	const struct phys *p;

	while (i > 0) {
		p = &L->p[--i];
		if (p->drop)
			continue;
		return p->cols >= L->width - L->indent - 2 &&
		    p->cols <= L->width + 4 && !p->url &&
		    !shape_ends_sentence(p->s, p->len) &&
		    !shape_toc_entry(p->s, p->len) &&
		    shape_editors(p->s, p->len, NULL, NULL) == p->len;
	}
	return 0;
}

/*
 * Line i, just above a page number, is an article's title: the next
 * page opens with its dated lead, and line i follows an article's end.
 */
static int
title_over_lead(const struct lines *L, size_t i)
{
	const struct phys *a;

	if (i + 2 >= L->n || !shape_date_lead(L->p[i + 2].s, L->p[i + 2].len))
		return 0;
	if (i == 0)
		return 1;
	a = &L->p[i - 1];
	return shape_ends_sentence(a->s, a->len) ||
	    shape_editors(a->s, a->len, NULL, NULL) < a->len;
}

/* Chinese characters and spaces only: a bulletin's or a column's name. */
static int
names_only(const struct phys *p)
{
	uint32_t c;
	size_t i;
	int n;

	for (i = 0; i < p->len; i += (size_t)n) {
		c = text_first(p->s + i, p->len - i, &n);
		if (n <= 0 || !(text_is_cjk(c) || c == ' ' || c == 0x3000))
			return 0;
	}
	return 1;
}

/* Line i ends a numbered heading or direction the line above began. */
static int
title_rest(const struct lines *L, size_t i)
{
	const struct phys *a;
	size_t off;
	int ma, mi;

	if (i == 0)
		return 0;
	a = &L->p[i - 1];
	return (shape_enum(a->s, a->len) > 0 || shape_direction(a->s,
	    a->len, &ma, &mi, &off)) && a->cols * 4 >= L->width * 3 &&
	    !shape_ends_sentence(a->s, a->len) &&
	    !text_has(a->s, a->len, "，") && !text_has(a->s, a->len, "。");
}

/*
 * Line i ends what the line above began in a note's smaller type, wider
 * than any body line, and left running on (…的虚拟合 / 作社区).
 */
static int
note_rest(const struct lines *L, size_t i)
{
	const struct phys *a;

	if (i == 0)
		return 0;
	a = &L->p[i - 1];
	return a->cols > L->width + 4 && !a->url &&
	    !shape_ends_sentence(a->s, a->len);
}

/* A header other than a page number was dropped just above line i. */
static int
header_above(const struct lines *L, size_t i)
{
	while (i > 0 && L->p[i - 1].drop) {
		i--;
		if (!shape_pagenum(L->p[i].s, L->p[i].len))
			return 1;
	}
	return 0;
}

/* Where line i stands on its page, as a header would (0: elsewhere). */
static int
place(const struct lines *L, size_t i)
{
	const struct phys *a;
	int w;

	w = i + 1 < L->n && L->p[i + 1].drop ? FOOT : 0;
	if (i == 0)
		return w;
	if (L->p[i].page || L->p[i - 1].drop)
		return w | TOP;
	a = &L->p[i - 1];
	if (i > 1 && (a->page || L->p[i - 2].drop) && header_shape(a))
		return w | UNDER;
	return w | (i + 1 < L->n && L->p[i + 1].page ? FOOT : 0);
}

static int
same_as_next(const struct lines *L, size_t i)
{
	return i + 1 < L->n && L->p[i].len == L->p[i + 1].len &&
	    memcmp(L->p[i].s, L->p[i + 1].s, L->p[i].len) == 0;
}

/*
 * Page numbers go, and the running headers and footers around page
 * breaks: a short line that recurs in the same place on the pages, or
 * stands just above a page number, or heads a page where a sentence was
 * cut in two.  A header line over the same words is the page's header
 * over the column's heading.
 */
static void
furniture(struct lines *L)
{
	struct cand *c, one;
	size_t i, k, n, cap, most;
	int drop;

	numbers_collect(L);
	for (i = 0; i < L->n; i++)
		if (is_pagenum(L, i)) {
			L->p[i].drop = 1;
			L->p[i].url = 0;
			diag_msg(MSG_PAGENO_DROPPED, L->path, L->p[i].no, 1,
			    "%.*s", (int)L->p[i].len, L->p[i].s);
		}
	for (i = 0; i + 1 < L->n; i++)
		if (L->p[i].drop)
			L->p[i + 1].page = 1;
	c = NULL;
	n = cap = 0;
	for (i = 0; i < L->n; i++) {
		one.i = i;
		one.same = 0;
		if (!L->p[i].drop && header_shape(&L->p[i]) &&
		    (one.where = place(L, i)) != 0)
			VEC_PUSH(c, n, cap, one);
	}
	count_same(L, c, n);
	most = 0;
	for (k = 0; k < n; k++) {
		i = c[k].i;
		drop = c[k].same >= 2 || same_as_next(L, i);
		/*
		 * Above a page number: a name, unless a title over its lead
		 * or the rest of a title or a note the line above began.
		 */
		if ((c[k].where & FOOT) && i + 1 < L->n && L->p[i + 1].drop &&
		    names_only(&L->p[i]) && !title_over_lead(L, i) &&
		    !title_rest(L, i) && !note_rest(L, i))
			drop = 1;
		if ((c[k].where & TOP) && interrupts(L, i) &&
		    !header_above(L, i))
			drop = 1;
		if (!drop)
			continue;
		L->p[i].drop = 1;
		diag_msg(MSG_HEADER_DROPPED, L->path, L->p[i].no, 1, "%.*s",
		    (int)L->p[i].len, L->p[i].s);
		if (c[k].same > most) {
			most = c[k].same;
			free(L->header);
			L->header = xstrndup(L->p[i].s, key_len(&L->p[i]));
		}
	}
	for (i = 0; i + 1 < L->n; i++)
		if (L->p[i].drop)
			L->p[i + 1].page = 1;
	free(c);
	for (i = 0; i < L->n; i++)
		L->ndropped += L->p[i].drop;
}

void
lines_read(struct lines *L, const struct input *in)
{
	memset(L, 0, sizeof(*L));
	L->path = in->path;
	collect(L, in);
	cues(L);
	mark_urls(L);
	measure(L);
	blank_cue(L);
	furniture(L);
	L->notewidth = L->width;
}

void
lines_free(struct lines *L)
{
	free(L->p);
	free(L->header);
	free(L->numbers);
	memset(L, 0, sizeof(*L));
}

static int
is_opener(uint32_t c)
{
	return c == 0xff08 || c == 0x300a || c == 0x201c || c == 0x2018 ||
	    c == 0x3010 || c == 0x300c || c == '(' || c == '"';
}

static int
is_closer(uint32_t c)
{
	return c == 0x3002 || c == 0xff0c || c == 0x3001 || c == 0xff1b ||
	    c == 0xff1a || c == 0xff09 || c == 0x300b || c == 0x201d ||
	    c == 0x2019 || c == 0xff01 || c == 0xff1f || c == 0x3011 ||
	    c == 0x300d;
}

/*
 * Columns of what would have had to fit on the line before: opening
 * marks (never left at a line's end), then a Latin word or one
 * character, then closing marks (never at a line's start).
 */
int
lines_unit(const struct phys *p)
{
	uint32_t c;
	size_t i;
	int n, cols, word;

	cols = word = 0;
	for (i = 0; i < p->len; i += (size_t)n) {
		c = text_first(p->s + i, p->len - i, &n);
		if (n <= 0)
			break;
		if (is_opener(c))
			cols += c < 0x80 ? 1 : 2;
		else if (c > ' ' && c < 0x80) {
			cols++;
			word = 1;
		} else if (word || c == ' ')
			break;
		else {
			cols += 2;
			i += (size_t)n;
			break;
		}
	}
	while (i < p->len) {
		c = text_first(p->s + i, p->len - i, &n);
		if (n <= 0 || !is_closer(c))
			break;
		cols += 2;
		i += (size_t)n;
	}
	return cols;
}

size_t
lines_next_body(const struct lines *L, size_t i)
{
	for (i++; i < L->n; i++)
		if (!L->p[i].drop && L->p[i].role == LINE_BODY)
			return i;
	return LINES_NONE;
}

/*
 * A column either way is noise (punctuation is squeezed in some lines);
 * Latin letters make the width uncertain.
 */
int
lines_full(const struct phys *p, int cols, const struct phys *q, int width)
{
	return width - cols < lines_unit(q) + 1 + p->latin / 3;
}

int
lines_has_note(const struct lines *L, int n)
{
	return n >= 0 && n < 1000 && (L->notenums[n / 8] & (1 << n % 8));
}

/* Binds footnotes to the markers that cite them. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "import-elem.h"
#include "import-notes.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

struct cand {
	size_t	 sec, art, blk;
	size_t	 off, len;
	int	 n;
	int	 line;
	int	 bound;
};

struct cands {
	struct cand	*v;
	size_t		 n, cap;
	struct cand	 proto;
	/* An index for best(): without it, binding is quadratic. */
	size_t		*order;	/* candidates by number, then in order */
	size_t		*pos;	/* each candidate's place in order */
	size_t		*up;	/* 1 + the nearest unbound place <= p, or 0 */
	int		 mono;	/* lines never decrease within a number */
};

void
notes_add(struct notepool *pool, const struct elem *e,
    const struct issue *is)
{
	struct pending_note p;

	memset(&p, 0, sizeof(p));
	p.n = e->n;
	p.text = xstrdup(e->text);
	p.line = e->line;
	p.at = e->at;
	p.at_line = e->at_line;
	if (is->ncolumns > 0 && is->columns[is->ncolumns - 1].narticles > 0) {
		p.sec = is->ncolumns - 1;
		p.art = is->columns[p.sec].narticles - 1;
		p.placed = 1;
	}
	VEC_PUSH(pool->v, pool->n, pool->cap, p);
}

void
notes_free(struct notepool *pool)
{
	size_t i;

	for (i = 0; i < pool->n; i++)
		free(pool->v[i].text);
	free(pool->v);
	memset(pool, 0, sizeof(*pool));
}

static int
url_char(unsigned char c)
{
	return c > ' ' && c < 0x7f && c != '<' && c != '>' && c != '"' &&
	    c != '\'' && c != '`';
}

void
notes_split(const char *raw, char **text, char ***urls, size_t *nurls)
{
	struct buf b = { 0 };
	const char *p, *start;
	size_t len;
	char *t;

	*urls = NULL;
	*nurls = 0;
	for (p = raw; *p != '\0'; ) {
		if (!text_starts(p, "http://") && !text_starts(p, "https://") &&
		    !(text_starts(p, "www.") && (p == raw || p[-1] == ' '))) {
			buf_addc(&b, *p++);
			continue;
		}
		start = p;
		while (url_char((unsigned char)*p))
			p++;
		len = (size_t)(p - start);
		/* sentence punctuation after a URL is not part of it */
		while (len > 0 && strchr(".,;:!?)]}", start[len - 1]) != NULL) {
			if (start[len - 1] == ')' &&
			    memchr(start, '(', len) != NULL)
				break;
			len--;
		}
		p = start + len;
		*urls = xreallocarray(*urls, *nurls + 1, sizeof(**urls));
		(*urls)[(*nurls)++] = xstrndup(start, len);
		buf_addc(&b, ' ');
	}
	t = text_squeeze(buf_str(&b), b.len);
	buf_free(&b);
	len = strlen(t);
	while (len > 0 && strchr(" ,;:", t[len - 1]) != NULL)
		len--;
	while (len >= 3 && (text_ends(t, len, "，") || text_ends(t, len, "；") ||
	    text_ends(t, len, "：")))
		len -= 3;
	t[len] = '\0';
	*text = t;
}

static void
cand_cb(void *arg, size_t off, size_t len, int n)
{
	struct cands *c = arg;
	struct cand x = c->proto;

	x.off = off;
	x.len = len;
	x.n = n;
	VEC_PUSH(c->v, c->n, c->cap, x);
}

/* Explicit markers: [^n]. */
static void
find_explicit(const char *s, struct cands *c)
{
	const char *p, *q;

	for (p = s; (p = strstr(p, "[^")) != NULL; p += 2) {
		q = p + 2;
		if (*q < '0' || *q > '9')
			continue;
		while (*q >= '0' && *q <= '9')
			q++;
		if (*q != ']')
			continue;
		cand_cb(c, (size_t)(p - s), (size_t)(q - p + 1),
		    text_digits(p + 2, (size_t)(q - p - 2)));
	}
}

static void
collect(const struct issue *is, int explicit, struct cands *c)
{
	const struct block *b;
	size_t s, a, k;

	for (s = 0; s < is->ncolumns; s++)
		for (a = 0; a < is->columns[s].narticles; a++)
			for (k = 0; k < is->columns[s].articles[a].nblocks;
			    k++) {
				b = &is->columns[s].articles[a].blocks[k];
				c->proto.sec = s;
				c->proto.art = a;
				c->proto.blk = k;
				c->proto.line = b->line;
				if (explicit)
					find_explicit(b->text, c);
				else
					shape_markers(b->text, strlen(b->text),
					    cand_cb, c);
			}
}

/*
 * The latest unbound marker for note n printed before the note: in the
 * latest paragraph that has one, the last one (before the point where
 * the note interrupted that paragraph, if it did).
 */
static const struct cands *sorting;

static int
cmp_order(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int m = sorting->v[i].n, n = sorting->v[j].n;

	if (m != n)
		return m < n ? -1 : 1;
	return i < j ? -1 : i > j;
}

static void
index_cands(struct cands *c)
{
	size_t p;

	c->order = xcalloc(c->n + 1, sizeof(*c->order));
	c->pos = xcalloc(c->n + 1, sizeof(*c->pos));
	c->up = xcalloc(c->n + 1, sizeof(*c->up));
	for (p = 0; p < c->n; p++)
		c->order[p] = p;
	sorting = c;
	qsort(c->order, c->n, sizeof(*c->order), cmp_order);
	c->mono = 1;
	for (p = 0; p < c->n; p++) {
		c->pos[c->order[p]] = p;
		c->up[p] = p + 1;
		if (p > 0 && c->v[c->order[p]].n == c->v[c->order[p - 1]].n &&
		    c->v[c->order[p]].line < c->v[c->order[p - 1]].line)
			c->mono = 0;
	}
}

/* 1 + the nearest unbound place at or before place p1 - 1, or 0. */
static size_t
find_unbound(struct cands *c, size_t p1)
{
	size_t r, next;

	for (r = p1; r != 0 && c->up[r - 1] != r; r = c->up[r - 1])
		;
	while (p1 != r) {
		next = c->up[p1 - 1];
		c->up[p1 - 1] = r;
		p1 = next;
	}
	return r;
}

static void
mark_bound(struct cands *c, struct cand *m)
{
	size_t p;

	m->bound = 1;
	p = c->pos[m - c->v];
	c->up[p] = p;		/* on to the place before */
}

static int
excluded(const struct cand *x, const struct pending_note *note)
{
	return note->at > 0 && x->line == note->at_line && x->off >= note->at;
}

static struct cand *
best(struct cands *c, const struct pending_note *note)
{
	struct cand *found, *x;
	size_t lo, hi, a, b, mid, r;

	/* the candidates with the note's number: order[lo..hi) */
	for (a = 0, b = c->n; a < b; ) {
		mid = a + (b - a) / 2;
		if (c->v[c->order[mid]].n < note->n)
			a = mid + 1;
		else
			b = mid;
	}
	lo = a;
	for (b = c->n; a < b; ) {
		mid = a + (b - a) / 2;
		if (c->v[c->order[mid]].n <= note->n)
			a = mid + 1;
		else
			b = mid;
	}
	hi = a;
	if (!c->mono) {
		found = NULL;
		for (a = lo; a < hi; a++) {
			x = &c->v[c->order[a]];
			if (x->bound || x->line > note->line || excluded(x, note))
				continue;
			if (found == NULL || x->line >= found->line)
				found = x;
		}
		return found;
	}
	/*
	 * Lines in order: the last unbound one not after the note is the
	 * latest, unless the note interrupted its paragraph before it.
	 */
	for (a = lo, b = hi; a < b; ) {
		mid = a + (b - a) / 2;
		if (c->v[c->order[mid]].line <= note->line)
			a = mid + 1;
		else
			b = mid;
	}
	for (r = find_unbound(c, a); r > lo; r = find_unbound(c, r - 1)) {
		x = &c->v[c->order[r - 1]];
		if (!excluded(x, note))
			return x;
	}
	return NULL;
}

static void
attach(struct article *a, const struct pending_note *note)
{
	struct footnote *f;
	char *text, **urls;
	size_t nurls, i;

	notes_split(note->text, &text, &urls, &nurls);
	f = doc_note_add(a, note->n, text, note->line);
	for (i = 0; i < nurls; i++) {
		doc_note_add_url(f, urls[i]);
		free(urls[i]);
	}
	free(urls);
	free(text);
}

/*
 * Rewrites bound bare-digit markers as [^n]: each block once, whatever
 * the number of its markers (they are in order and do not overlap).
 */
static void
rewrite(struct issue *is, struct cands *c)
{
	struct block *b;
	struct buf out = { 0 };
	size_t i, j, k, pos;
	int any;

	for (i = 0; i < c->n; i = j) {
		for (j = i + 1; j < c->n && c->v[j].sec == c->v[i].sec &&
		    c->v[j].art == c->v[i].art && c->v[j].blk == c->v[i].blk;
		    j++)
			;
		b = &is->columns[c->v[i].sec].articles[c->v[i].art]
		    .blocks[c->v[i].blk];
		pos = 0;
		any = 0;
		for (k = i; k < j; k++) {
			if (!c->v[k].bound)
				continue;
			buf_add(&out, b->text + pos, c->v[k].off - pos);
			buf_printf(&out, "[^%d]", c->v[k].n);
			pos = c->v[k].off + c->v[k].len;
			any = 1;
		}
		if (!any)
			continue;
		buf_adds(&out, b->text + pos);
		free(b->text);
		b->text = buf_take(&out);
	}
}

/*
 * Notes are numbered in order: the marker for n is the first candidate
 * after the one bound to n - 1, if that one is known.
 */
static struct cand *
next_in_sequence(struct cands *c, const struct pending_note *note,
    const struct cand *prev)
{
	size_t i;

	if (prev == NULL)
		return NULL;
	for (i = (size_t)(prev - c->v) + 1; i < c->n; i++) {
		if (c->v[i].line > note->line)
			break;
		if (c->v[i].n == note->n && !c->v[i].bound &&
		    !excluded(&c->v[i], note))
			return &c->v[i];
	}
	return NULL;
}

void
notes_bind(struct issue *is, struct notepool *pool, int explicit,
    const char *path)
{
	struct cands c;
	struct cand *m, *prev;
	struct article *a;
	size_t i;

	memset(&c, 0, sizeof(c));
	collect(is, explicit, &c);
	index_cands(&c);
	prev = NULL;
	for (i = 0; i < pool->n; i++) {
		m = next_in_sequence(&c, &pool->v[i], prev != NULL &&
		    pool->v[i].n == prev->n + 1 ? prev : NULL);
		if (m == NULL)
			m = best(&c, &pool->v[i]);
		if (m != NULL) {
			prev = m;
			mark_bound(&c, m);
			a = &is->columns[m->sec].articles[m->art];
			if (pool->v[i].placed && (m->sec != pool->v[i].sec ||
			    m->art != pool->v[i].art))
				diag_msg(MSG_NOTE_PREVIOUS, path,
				    pool->v[i].line, 0, "%d (%s)",
				    pool->v[i].n, a->title);
		} else {
			/* its article may have been back matter, since dropped */
			if (pool->v[i].placed && (pool->v[i].sec >=
			    is->ncolumns || pool->v[i].art >=
			    is->columns[pool->v[i].sec].narticles))
				pool->v[i].placed = 0;
			if (!pool->v[i].placed && doc_article_count(is) > 0) {
				pool->v[i].sec = pool->v[i].art = 0;
				while (is->columns[pool->v[i].sec].narticles == 0)
					pool->v[i].sec++;
				pool->v[i].placed = 1;
			}
			if (!pool->v[i].placed) {
				doc_drop(is, MSG_NOTE_OUTSIDE, pool->v[i].line,
				    pool->v[i].text);
				continue;
			}
			a = &is->columns[pool->v[i].sec]
			    .articles[pool->v[i].art];
		}
		attach(a, &pool->v[i]);
	}
	if (!explicit)
		rewrite(is, &c);
	free(c.v);
	free(c.order);
	free(c.pos);
	free(c.up);
}

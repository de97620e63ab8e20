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
	if (is->nsections > 0 && is->sections[is->nsections - 1].narticles > 0) {
		p.sec = is->nsections - 1;
		p.art = is->sections[p.sec].narticles - 1;
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
		cand_cb(c, (size_t)(p - s), (size_t)(q - p + 1), atoi(p + 2));
	}
}

static void
collect(const struct issue *is, int explicit, struct cands *c)
{
	const struct block *b;
	size_t s, a, k;

	for (s = 0; s < is->nsections; s++)
		for (a = 0; a < is->sections[s].narticles; a++)
			for (k = 0; k < is->sections[s].articles[a].nblocks;
			    k++) {
				b = &is->sections[s].articles[a].blocks[k];
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
static struct cand *
best(struct cands *c, const struct pending_note *note)
{
	struct cand *found;
	size_t i;

	found = NULL;
	for (i = 0; i < c->n; i++) {
		if (c->v[i].n != note->n || c->v[i].bound ||
		    c->v[i].line > note->line)
			continue;
		if (note->at > 0 && c->v[i].line == note->at_line &&
		    c->v[i].off >= note->at)
			continue;
		if (found == NULL || c->v[i].line >= found->line)
			found = &c->v[i];
	}
	return found;
}

static void
attach(struct article *a, const struct pending_note *note)
{
	struct footnote *f;
	char *text, **urls;
	size_t nurls, i;

	notes_split(note->text, &text, &urls, &nurls);
	f = doc_note_add(a, note->n, text);
	for (i = 0; i < nurls; i++) {
		doc_note_add_url(f, urls[i]);
		free(urls[i]);
	}
	free(urls);
	free(text);
}

/* Rewrites bound bare-digit markers as [^n], last first. */
static void
rewrite(struct issue *is, struct cands *c)
{
	struct block *b;
	struct buf out = { 0 };
	size_t i;

	for (i = c->n; i-- > 0; ) {
		if (!c->v[i].bound)
			continue;
		b = &is->sections[c->v[i].sec].articles[c->v[i].art]
		    .blocks[c->v[i].blk];
		buf_add(&out, b->text, c->v[i].off);
		buf_printf(&out, "[^%d]", c->v[i].n);
		buf_adds(&out, b->text + c->v[i].off + c->v[i].len);
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
		    !(note->at > 0 && c->v[i].line == note->at_line &&
		    c->v[i].off >= note->at))
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
	int prev_n;

	memset(&c, 0, sizeof(c));
	collect(is, explicit, &c);
	prev = NULL;
	prev_n = 0;
	for (i = 0; i < pool->n; i++) {
		m = next_in_sequence(&c, &pool->v[i], pool->v[i].n ==
		    prev_n + 1 ? prev : NULL);
		if (m == NULL)
			m = best(&c, &pool->v[i]);
		if (m != NULL) {
			prev = m;
			prev_n = m->n;
		}
		if (m != NULL) {
			m->bound = 1;
			a = &is->sections[m->sec].articles[m->art];
		} else {
			if (!pool->v[i].placed && doc_article_count(is) > 0) {
				pool->v[i].sec = pool->v[i].art = 0;
				while (is->sections[pool->v[i].sec].narticles == 0)
					pool->v[i].sec++;
				pool->v[i].placed = 1;
			}
			if (!pool->v[i].placed) {
				diag(path, pool->v[i].line, 0, DIAG_WARNING,
				    "footnote %d outside any article, dropped",
				    pool->v[i].n);
				continue;
			}
			diag(path, pool->v[i].line, 0, DIAG_WARNING,
			    "footnote %d: no marker cites it", pool->v[i].n);
			a = &is->sections[pool->v[i].sec]
			    .articles[pool->v[i].art];
		}
		attach(a, &pool->v[i]);
	}
	if (explicit) {
		for (i = 0; i < c.n; i++)
			if (!c.v[i].bound)
				diag(path, c.v[i].line, 0, DIAG_WARNING,
				    "marker [^%d] has no footnote", c.v[i].n);
	} else
		rewrite(is, &c);
	free(c.v);
}

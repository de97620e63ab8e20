/*
 * Which lines of a PDF extraction are footnotes.  A note begins with a
 * number, the next one (or 1, where numbering starts again), cited by a
 * marker in the body text above it; within a block of notes the next
 * number suffices.  A note runs on while its line is full, set wider
 * than the body in the notes' smaller type, or its URL is unfinished;
 * then the body text resumes, even below the notes of a page.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-footnotes.h"
#include "import-lines.h"
#include "import-shape.h"
#include "text.h"

#define RECENT_MAX	8192	/* body text looked back on for markers */

static void
recent_add(struct buf *b, const char *s, size_t len)
{
	size_t keep;

	if (b->len + len > RECENT_MAX && b->len > RECENT_MAX / 2) {
		keep = RECENT_MAX / 2;
		memmove(b->s, b->s + b->len - keep, keep);
		buf_truncate(b, keep);
	}
	buf_add(b, s, len);
	/* a very long line: its end only, in whole characters */
	if (b->len > 2 * RECENT_MAX) {
		keep = RECENT_MAX;
		while (keep < b->len && (b->s[b->len - keep] & 0xc0) == 0x80)
			keep++;
		memmove(b->s, b->s + b->len - keep, keep);
		buf_truncate(b, keep);
	}
}

/*
 * Whether the recent body text cites marker n: asked again for every
 * note line while no body line comes between (100,000 notes numbered 1
 * scanned 8 KB each), so the last answer is kept until recent grows.
 */
struct cited {
	unsigned gen;		/* recent's version when asked */
	int	 n, yes;
};

static int
cites(struct cited *c, const struct buf *recent, unsigned gen, int n)
{
	if (c->gen != gen || c->n != n) {
		c->gen = gen;
		c->n = n;
		c->yes = shape_has_marker(recent->s, recent->len, n);
	}
	return c->yes;
}

/* A script other than Chinese: the title of a source cited in a note. */
static int
foreign(const char *s, size_t len)
{
	uint32_t c;
	size_t i;
	int n;

	for (i = 0; i < len; i += (size_t)n) {
		c = text_first(s + i, len - i, &n);
		if (n <= 0)
			break;
		if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= 0x400 && c <= 0x4ff) ||
		    (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af))
			return 1;
	}
	return 0;
}

/*
 * Looks like a note rather than a numbered line of a table: 2 where it
 * cites a source in another script or by a URL, is set in smaller type
 * than the body or follows a note rule; 1 where it only ends the page
 * or names a title in 《》; 0 otherwise.
 */
static int
note_like(const struct lines *L, size_t i, size_t off)
{
	const struct phys *p = &L->p[i];
	size_t j;

	if (p->rule || p->cols > L->width + 6 ||
	    foreign(p->s + off, p->len - off) || text_has(p->s, p->len, "://"))
		return 2;
	if (text_has(p->s, p->len, "《") || i + 1 == L->n)
		return 1;
	j = i + 1;
	return L->p[j].drop || L->p[j].page || shape_starts_url(L->p[j].s, L->p[j].len);
}

/* The note that line i begins names a source with its URL. */
static int
cites_url(const struct lines *L, size_t i)
{
	return L->p[i].url || (i + 1 < L->n && L->p[i + 1].url &&
	    shape_starts_url(L->p[i + 1].s, L->p[i + 1].len));
}

/* A line without Chinese, Japanese or Korean: a Latin title's. */
static int
latin_only(const struct phys *p)
{
	size_t i;
	int n;

	for (i = 0; i < p->len; i += (size_t)n)
		if (text_is_cjk(text_first(p->s + i, p->len - i, &n)) ||
		    n <= 0)
			return 0;
	return 1;
}

/* Whether line i goes on with the note whose last line is prev. */
static int
note_goes_on(const struct lines *L, size_t prev, size_t i,
    const struct buf *note)
{
	const struct phys *a = &L->p[prev], *p = &L->p[i];

	if (p->page)
		return 0;
	/* a note ends with its URL, unless the URL goes on */
	if (shape_url_open(note->s, note->len))
		return lines_url_tail(p);
	if (shape_starts_url(p->s, p->len) && !p->lead)
		return 1;
	if (p->lead || shape_ends_sentence(a->s, a->len))
		return 0;
	/* the source's URL, on a line with the rest of its title */
	if (!text_has(note->s, note->len, "://") &&
	    text_has(p->s, p->len, "://") && !p->blank)
		return 1;
	/* a blank line inside a note: only after a line that runs on */
	if (L->blankmode && p->blank && a->cols <= L->width + 6)
		return 0;
	/* a Latin title wrapped at a word, however ragged */
	if (latin_only(a) && latin_only(p))
		return 1;
	/* wider than any body line: set in the notes' smaller type */
	if (p->cols > L->width + 6)
		return 1;
	if (L->trailmode)
		return !a->trail;
	return a->cols > L->width + 6 || a->cols >= L->notewidth - 4;
}

/*
 * "N text": within a block of notes, the next number begins the next
 * note even where its text reads like a quantity (8 次世代…).
 */
static int
numbered(const struct phys *p, int *n, size_t *off)
{
	size_t i, j;

	for (i = 0; i < p->len && i < 4 && p->s[i] >= '0' && p->s[i] <= '9';
	    i++)
		;
	if (i == 0 || i > 3)
		return 0;
	for (j = i; j < p->len && p->s[j] == ' '; j++)
		;
	if (j == i || j == p->len)
		return 0;
	*n = atoi(p->s);
	*off = j;
	return 1;
}

static void
note_begin(struct lines *L, size_t i, int n, size_t off, struct buf *note)
{
	struct phys *p = &L->p[i];

	p->role = LINE_NOTE;
	p->note = n;
	p->noteoff = (int)off;
	L->notenums[n / 8] |= 1 << n % 8;	/* n has at most 3 digits */
	buf_truncate(note, 0);
	buf_add(note, p->s + off, p->len - off);
}

/*
 * Which lines are footnotes.  A note begins with the next
 * number (or 1, where numbering starts again), cited by a marker in the
 * body text above it; within a block of notes the next number suffices.
 */
void
footnotes_find(struct lines *L)
{
	struct buf recent = { 0 }, note = { 0 };
	struct cited cited = { 0, 0, 0 };
	const struct phys *p;
	size_t i, off, prev;
	unsigned gen = 1;	/* recent's version */
	int n, cur, top, in_note, like;

	cur = top = in_note = 0;
	prev = 0;
	for (i = 0; i < L->n; i++) {
		p = &L->p[i];
		if (p->drop)
			continue;
		if (in_note) {
			if (numbered(p, &n, &off) &&
			    n > cur && n <= cur + 3 && (p->cols >
			    L->width + 6 || cites(&cited, &recent, gen, n))) {
				note_begin(L, i, n, off, &note);
				cur = n;
				top = n > top ? n : top;
				prev = i;
				continue;
			}
			if (note_goes_on(L, prev, i, &note)) {
				L->p[i].role = LINE_NOTECONT;
				text_join(&note, p->s, p->len,
				    shape_starts_url(p->s, p->len) ||
				    !shape_url_open(note.s, note.len));
				if (p->cols > L->notewidth)
					L->notewidth = p->cols;
				if (L->p[prev].cols > L->notewidth)
					L->notewidth = L->p[prev].cols;
				prev = i;
				continue;
			}
			in_note = 0;
		}
		/*
		 * Out of sequence only where it is surely a note; with no
		 * marker above it only where it cites a source by its URL
		 * (the importer then warns that no marker cites it).
		 */
		/* a row of a table whose cells tabs part is no note */
		if (!p->tabbed && shape_note_start(p->s, p->len, &n, &off) &&
		    (like = note_like(L, i, off)) > 0 &&
		    (cites(&cited, &recent, gen, n) ?
		    like == 2 || n == 1 || (n > top && n <= top + 3) :
		    like == 2 && recent.len > 0 && cites_url(L, i))) {
			note_begin(L, i, n, off, &note);
			cur = n;
			top = n > top ? n : top;
			in_note = 1;
			prev = i;
			continue;
		}
		L->p[i].role = LINE_BODY;
		recent_add(&recent, p->s, p->len);
		gen++;
	}
	buf_free(&recent);
	buf_free(&note);
}

/*
 * Reader for plain text extracted from PDF (pdftotext and the like):
 * removes page headers and page numbers, joins hard-wrapped lines into
 * logical lines, lifts footnote blocks out of the paragraphs they
 * interrupt, and rebuilds tables whose columns the PDF flattened.
 *
 * Two cues carry the layout.  pdftotext ends the last line of a
 * paragraph (and every title or heading) with a space, so a line
 * without one continues; files without that cue fall back on line
 * width and punctuation.  Footnote text is set in a smaller font, so
 * its lines are wider than the body's.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-elem.h"
#include "import-input.h"
#include "import-shape.h"
#include "import-text.h"
#include "text.h"
#include "xmalloc.h"

#define RECENT_MAX	8192

struct phys {
	const char	*s;	/* trimmed */
	size_t		 len;
	int		 no;
	int		 cols;
	unsigned	 lead:1;	/* had leading white space */
	unsigned	 trail:1;	/* had trailing white space */
	unsigned	 page:1;	/* first line of a page */
	unsigned	 drop:1;	/* page header or number */
};

struct row {
	struct buf	 left;
	int		 left_open;
	struct buf	*items;
	size_t		 nitems, itemscap;
	int		 item_open;
};

struct tp {
	struct elemlist	*out;
	struct phys	*p;
	size_t		 np;
	int		 trailmode;	/* a trailing space ends a paragraph */
	int		 width;		/* columns of a full body line */

	struct buf	 para;
	int		 para_line, para_nphys, para_flags, para_cols;
	int		 para_trail;

	struct buf	 note;
	int		 note_n, note_line, note_open, in_notes;
	size_t		 note_at;	/* the open paragraph it interrupts */
	int		 note_at_line;

	char		**seen;		/* standalone lines: titles, headings */
	size_t		 nseen, seencap;
	size_t		*seenhash;	/* 1 + index in seen, or 0: a set */
	size_t		 seenhcap;	/* a power of 2 */

	int		 in_table, table_line;
	struct buf	 table;
	struct row	 row;

	struct buf	 recent;	/* body text seen lately, for markers */
};

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int
is_ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

static void
recent_add(struct tp *t, const char *s, size_t len)
{
	if (t->recent.len + len > RECENT_MAX && t->recent.len > RECENT_MAX / 2) {
		size_t keep = RECENT_MAX / 2;

		memmove(t->recent.s, t->recent.s + t->recent.len - keep, keep);
		buf_truncate(&t->recent, keep);
	}
	buf_add(&t->recent, s, len);
	/*
	 * A very long line: keep its end only, in whole characters, or
	 * every footnote line after it would search all of it.
	 */
	if (t->recent.len > 2 * RECENT_MAX) {
		size_t keep = RECENT_MAX;

		while (keep < t->recent.len &&
		    (t->recent.s[t->recent.len - keep] & 0xc0) == 0x80)
			keep++;
		memmove(t->recent.s, t->recent.s + t->recent.len - keep, keep);
		buf_truncate(&t->recent, keep);
	}
}

/* Physical lines, trimmed, with their layout cues. */
static void
collect(struct tp *t, const struct input *in)
{
	size_t i, cap;
	struct phys ph;
	const char *s;
	size_t len;
	int nextpage;

	cap = 0;
	nextpage = 0;
	for (i = 0; i < in->nlines; i++) {
		s = in->lines[i].s;
		len = in->lines[i].len;
		if (in->lines[i].flags & LINE_PAGESTART)
			nextpage = 1;
		memset(&ph, 0, sizeof(ph));
		ph.lead = len > 0 && (s[0] == ' ' || s[0] == '\t');
		ph.trail = len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t');
		ph.len = text_trim(&s, len);
		ph.s = s;
		if (ph.len == 0)
			continue;
		ph.no = in->lines[i].no;
		ph.cols = text_cols(ph.s, ph.len);
		ph.page = nextpage;
		nextpage = 0;
		VEC_PUSH(t->p, t->np, cap, ph);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a's text is one of the n headers, sorted by strcmp. */
static int
is_header(const struct phys *a, char *const *headers, size_t n)
{
	size_t lo, hi, mid, hlen;
	int c;

	lo = 0;
	hi = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		hlen = strlen(headers[mid]);
		c = memcmp(a->s, headers[mid], a->len < hlen ? a->len : hlen);
		if (c == 0)
			c = (a->len > hlen) - (a->len < hlen);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/*
 * Page numbers, and the running header printed next to them, are
 * dropped; the line after a page number starts a page.
 */
static void
drop_page_furniture(struct tp *t)
{
	char **headers;
	size_t i, nh, hcap;
	struct phys *h;

	headers = NULL;
	nh = hcap = 0;
	for (i = 0; i < t->np; i++) {
		if (!shape_pagenum(t->p[i].s, t->p[i].len))
			continue;
		t->p[i].drop = 1;
		if (i + 1 < t->np)
			t->p[i + 1].page = 1;
		if (i == 0)
			continue;
		h = &t->p[i - 1];
		if (h->drop || h->cols > 50 || shape_ends_sentence(h->s, h->len) ||
		    shape_ends_clause(h->s, h->len) || shape_enum(h->s, h->len) ||
		    shape_pagenum(h->s, h->len))
			continue;
		{
			int dummy;
			size_t off;

			if (shape_note_start(h->s, h->len, &dummy, &off))
				continue;
		}
		h->drop = 1;
		/* duplicates too: sorted and searched below, not scanned */
		VEC_PUSH(headers, nh, hcap, xstrndup(h->s, h->len));
	}
	if (nh > 0 && t->out->header == NULL)
		t->out->header = xstrdup(headers[0]);
	/*
	 * The same header elsewhere, next to a page break.  A binary
	 * search: a text with a "header" before every page number would
	 * make a scan quadratic.
	 */
	if (nh > 0)
		qsort(headers, nh, sizeof(*headers), cmp_str);
	for (i = 0; i < t->np; i++)
		if (!t->p[i].drop && (t->p[i].page || t->p[i].lead ||
		    (i + 1 < t->np && (t->p[i + 1].page ||
		    t->p[i + 1].drop))) && is_header(&t->p[i], headers, nh))
			t->p[i].drop = 1;
	free_strings(headers, nh);
}

/*
 * Which cue ends paragraphs, and how wide a full body line is: the
 * median width of lines that continue onto the next one.
 */
static void
measure(struct tp *t)
{
	int *w;
	size_t i, n, trails, lines;

	trails = lines = 0;
	for (i = 0; i < t->np; i++) {
		if (t->p[i].drop)
			continue;
		lines++;
		trails += t->p[i].trail;
	}
	t->trailmode = lines > 0 && trails * 20 >= lines;
	w = xcalloc(t->np + 1, sizeof(*w));
	for (i = n = 0; i < t->np; i++)
		if (!t->p[i].drop && t->p[i].cols >= 20 &&
		    (!t->trailmode || !t->p[i].trail))
			w[n++] = t->p[i].cols;
	if (n > 0) {
		qsort(w, n, sizeof(*w), cmp_int);
		t->width = w[n / 2];
	} else
		t->width = 60;
	free(w);
}

static const struct phys *
next_phys(const struct tp *t, size_t i)
{
	for (i++; i < t->np; i++)
		if (!t->p[i].drop)
			return &t->p[i];
	return NULL;
}

/*
 * The standalone lines seen so far, with a hash set to find one again:
 * a scan for every line would make long texts quadratic.
 */
static size_t
seen_slot(const struct tp *t, const char *s)
{
	const unsigned char *p;
	size_t h, mask;

	h = 2166136261u;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	mask = t->seenhcap - 1;
	for (h &= mask; t->seenhash[h] != 0 &&
	    strcmp(t->seen[t->seenhash[h] - 1], s) != 0; h = (h + 1) & mask)
		;
	return h;
}

static int
seen_has(const struct tp *t, const char *s)
{
	return t->seenhcap > 0 && t->seenhash[seen_slot(t, s)] != 0;
}

static void
seen_add(struct tp *t, char *text)
{
	size_t i;

	VEC_PUSH(t->seen, t->nseen, t->seencap, text);
	if (t->nseen * 2 > t->seenhcap) {
		free(t->seenhash);
		t->seenhcap = t->seenhcap ? t->seenhcap * 2 : 64;
		t->seenhash = xcalloc(t->seenhcap, sizeof(*t->seenhash));
		for (i = 0; i + 1 < t->nseen; i++)
			if (t->seenhash[seen_slot(t, t->seen[i])] == 0)
				t->seenhash[seen_slot(t, t->seen[i])] = i + 1;
	}
	i = seen_slot(t, text);
	if (t->seenhash[i] == 0)
		t->seenhash[i] = t->nseen;
}

static void
flush_para(struct tp *t)
{
	char *text;
	int flags;

	if (t->para.len == 0)
		return;
	flags = t->para_flags;
	if (t->para_nphys == 1 && t->para_cols < t->width - 4)
		flags |= EF_STANDALONE;
	text = text_squeeze(t->para.s, t->para.len);
	elem_add(t->out, EL_LINE, text, t->para_line, flags);
	if (flags & EF_STANDALONE)
		seen_add(t, text);
	else
		free(text);
	buf_truncate(&t->para, 0);
	t->para_nphys = 0;
}

static void
flush_note(struct tp *t)
{
	struct elem *e;
	char *text;

	if (t->note.len == 0)
		return;
	text = text_squeeze(t->note.s, t->note.len);
	e = elem_add(t->out, EL_NOTE, text, t->note_line, 0);
	e->n = t->note_n;
	e->at = t->note_at;
	e->at_line = t->note_at_line;
	free(text);
	buf_truncate(&t->note, 0);
}

/* "N text": a number, spaces, something. */
static int
leading_number(const struct phys *p, int *n, size_t *off)
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

static int
is_note_start(struct tp *t, const struct phys *p, int *n, size_t *off)
{
	if (shape_note_start(p->s, p->len, n, off))
		return shape_has_marker(t->recent.s, t->recent.len, *n);
	/* inside a footnote block, the next number starts the next note */
	return t->in_notes && leading_number(p, n, off) && *n == t->note_n + 1;
}

static int
starts_url(const struct phys *p)
{
	return text_starts(p->s, "http") || text_starts(p->s, "www.");
}

/* Whether a note's line goes on on the next line, by the page's cue. */
static int
note_continues(const struct tp *t, const struct phys *p)
{
	return t->trailmode ? !p->trail : p->cols >= t->width + 8;
}

/*
 * Footnote lines.  Returns 1 if the line belongs to a footnote block.
 */
static int
take_note(struct tp *t, size_t i)
{
	const struct phys *p = &t->p[i];
	size_t off;
	int n;

	if (t->in_notes) {
		if (t->note_open) {
			text_join(&t->note, p->s, p->len, 0);
			t->note_open = note_continues(t, p);
			return 1;
		}
		if (is_note_start(t, p, &n, &off)) {
			flush_note(t);
			goto start;
		}
		if (starts_url(p) || (!p->lead && !p->page &&
		    p->cols > t->width + 8)) {
			text_join(&t->note, p->s, p->len, 1);
			t->note_open = note_continues(t, p);
			return 1;
		}
		flush_note(t);
		t->in_notes = 0;
		return 0;
	}
	if (!is_note_start(t, p, &n, &off))
		return 0;
start:
	t->in_notes = 1;
	t->note_n = n;
	t->note_line = p->no;
	t->note_at = t->note_at_line = 0;
	if (t->para.len > 0) {
		/* the marker is before this point of the open paragraph */
		char *before = text_squeeze(t->para.s, t->para.len);

		t->note_at = strlen(before) + 1;
		t->note_at_line = t->para_line;
		free(before);
	}
	buf_add(&t->note, p->s + off, p->len - off);
	t->note_open = note_continues(t, p);
	return 1;
}

/* Tables: a header of short words, then cells by column width. */

static void
add_cell(struct buf *b, const struct buf *cell)
{
	char *text;

	text = text_squeeze(buf_str(cell), cell->len);
	buf_adds(b, text);
	free(text);
}

static void
row_flush(struct tp *t)
{
	struct row *r = &t->row;
	size_t i;

	if (r->left.len == 0 && r->nitems == 0)
		return;
	if (t->table.len > 0)
		buf_addc(&t->table, '\n');
	add_cell(&t->table, &r->left);
	for (i = 0; i < r->nitems || i == 0; i++) {
		if (i > 0)
			buf_addc(&t->table, '\n');
		buf_addc(&t->table, '\t');
		if (i < r->nitems)
			add_cell(&t->table, &r->items[i]);
	}
	for (i = 0; i < r->nitems; i++)
		buf_free(&r->items[i]);
	free(r->items);
	buf_free(&r->left);
	memset(r, 0, sizeof(*r));
}

static void
table_end(struct tp *t)
{
	row_flush(t);
	if (t->table.len > 0)
		elem_add(t->out, EL_TABLE, t->table.s, t->table_line, 0);
	buf_truncate(&t->table, 0);
	t->in_table = 0;
}

static void
table_start(struct tp *t, const struct phys *p)
{
	const char *s;
	size_t i;

	flush_para(t);
	t->in_table = 1;
	t->table_line = p->no;
	s = p->s;
	for (i = 0; i < p->len; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			while (i + 1 < p->len && (s[i + 1] == ' ' ||
			    s[i + 1] == '\t'))
				i++;
			buf_addc(&t->table, '\t');
		} else
			buf_addc(&t->table, s[i]);
	}
}

static int
take_table(struct tp *t, const struct phys *p)
{
	struct row *r = &t->row;
	struct buf empty = { 0 };
	int narrow;

	narrow = p->cols <= t->width * 45 / 100;
	if (!r->item_open && !r->left_open) {
		if (shape_enum(p->s, p->len) || shape_table_header(p->s, p->len) ||
		    shape_caption(p->s, p->len) ||
		    shape_editors(p->s, p->len, NULL, NULL) < p->len) {
			table_end(t);
			return 0;
		}
	}
	recent_add(t, p->s, p->len);
	if (r->item_open) {
		text_join(&r->items[r->nitems - 1], p->s, p->len, 0);
		r->item_open = !p->trail;
	} else if (r->left_open && narrow) {
		text_join(&r->left, p->s, p->len, 0);
		r->left_open = !p->trail;
	} else if (narrow && !r->left_open) {
		row_flush(t);
		buf_add(&r->left, p->s, p->len);
		r->left_open = !p->trail;
	} else {
		VEC_PUSH(r->items, r->nitems, r->itemscap, empty);
		buf_add(&r->items[r->nitems - 1], p->s, p->len);
		r->item_open = !p->trail;
	}
	return 1;
}

/* Width mode: whether a line starts a new item or heading. */
static int
starts_item(const struct phys *p)
{
	int ma, mi;
	size_t off;

	return shape_enum(p->s, p->len) > 0 ||
	    shape_direction(p->s, p->len, &ma, &mi, &off);
}

static int
para_ends(struct tp *t, size_t i)
{
	const struct phys *p = &t->p[i], *q;
	uint32_t a, b;

	q = next_phys(t, i);
	if (t->trailmode) {
		if (!p->trail)
			return 0;
		/* A Latin word wrapped at a space is not a paragraph end. */
		if (q != NULL && p->cols >= t->width - 16 && !q->lead &&
		    !q->page) {
			a = text_last(p->s, p->len, NULL);
			b = text_first(q->s, q->len, NULL);
			if (is_ascii_alnum(a) && is_ascii_alnum(b))
				return 0;
		}
		return 1;
	}
	if (q == NULL)
		return 1;
	if (shape_ends_clause(p->s, p->len))
		return 0;
	if (t->para_nphys == 1 && p->cols < t->width - 8 &&
	    (starts_item(p) || shape_label(p->s, p->len) > 0 ||
	    !shape_ends_clause(p->s, p->len)))
		return 1;
	if (starts_item(q))
		return 1;
	/* a field such as 合作协议： starts after a finished line */
	if (shape_label(q->s, q->len) > 0 && (p->cols < t->width - 8 ||
	    shape_ends_sentence(p->s, p->len)))
		return 1;
	if (shape_ends_sentence(p->s, p->len) && p->cols < t->width - 6)
		return 1;
	return p->cols < t->width / 2;
}

static void
take_body(struct tp *t, size_t i)
{
	const struct phys *p = &t->p[i];

	if (t->para.len == 0) {
		t->para_line = p->no;
		t->para_flags = (p->lead || p->page) ? EF_PAGESTART : 0;
		buf_add(&t->para, p->s, p->len);
	} else
		text_join(&t->para, p->s, p->len, t->para_trail);
	recent_add(t, p->s, p->len);
	t->para_nphys++;
	t->para_cols = p->cols;
	t->para_trail = p->trail;
	if (para_ends(t, i))
		flush_para(t);
}

/*
 * A running header that repeats an earlier title, at the top of a page
 * in the middle of a paragraph.
 */
static int
running_header(const struct tp *t, const struct phys *p)
{
	char *text;
	int found;

	if (t->para.len == 0 || !(p->lead || p->page) || !p->trail)
		return 0;
	text = text_squeeze(p->s, p->len);
	found = seen_has(t, text);
	free(text);
	return found;
}

void
text_read(const struct input *in, struct elemlist *out)
{
	struct tp t;
	size_t i;

	memset(&t, 0, sizeof(t));
	t.out = out;
	collect(&t, in);
	drop_page_furniture(&t);
	measure(&t);
	for (i = 0; i < t.np; i++) {
		if (t.p[i].drop || running_header(&t, &t.p[i]))
			continue;
		if (take_note(&t, i))
			continue;
		if (t.in_table && take_table(&t, &t.p[i]))
			continue;
		if (t.trailmode && t.para.len == 0 && t.p[i].trail &&
		    shape_table_header(t.p[i].s, t.p[i].len)) {
			table_start(&t, &t.p[i]);
			continue;
		}
		take_body(&t, i);
	}
	flush_note(&t);
	if (t.in_table)
		table_end(&t);
	flush_para(&t);
	buf_free(&t.para);
	buf_free(&t.note);
	buf_free(&t.table);
	buf_free(&t.recent);
	free_strings(t.seen, t.nseen);
	free(t.seenhash);
	free(t.p);
}

/*
 * A guide's text in pieces: the elements of the PDF reader, cut where a
 * line of the source began a label, a direction or a part that the
 * reader ran into the line before (a title as wide as the page, a full
 * line of keywords), and mended where it dropped a line for furniture
 * that was none.  See import-guide.h.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-elem.h"
#include "import-guide.h"
#include "import-input.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

#define MAX_CUTS	64

struct gcut {
	struct gsegs	*out;
	char		**lines;	/* the source's lines, squeezed */
	size_t		 nlines;
	int		 cutpart;	/* the last part 一、二、… cut at */
};

static int
cols(const char *s)
{
	return text_cols(s, strlen(s));
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * The columns of a full line: four in five of the lines that may be
 * body text are no wider (the widest are notes, URLs, titles).
 */
static int
full_width(char **lines, size_t n)
{
	int *v, w;
	size_t i, k;

	v = xcalloc(n + 1, sizeof(*v));
	for (i = k = 0; i < n; i++)
		if ((v[k] = cols(lines[i])) >= 16)
			k++;
	qsort(v, k, sizeof(*v), cmp_int);
	w = k >= 5 ? v[k * 4 / 5] : 0;
	free(v);
	return w;
}

static void
seg_add(struct gcut *g, const struct elem *e, const char *text, size_t len,
    int flags)
{
	struct gseg s;

	memset(&s, 0, sizeof(s));
	s.text = xstrndup(text, len);
	s.line = e->line;
	s.flags = flags;
	s.kind = e->kind == EL_HEADING ? EL_LINE : e->kind;
	if (e->kind == EL_HEADING)
		s.flags |= EF_STANDALONE;
	s.e = e;
	VEC_PUSH(g->out->v, g->out->n, g->out->cap, s);
}

enum opens { OPENS_NOTHING, OPENS_LABEL, OPENS_KNOWN, OPENS_PART };

/*
 * What a squeezed source line begins that the reader may have run into
 * the line before: a label (a common one, or any), a direction or a
 * part.  Sets *key to the bytes that begin it.
 */
static enum opens
line_opens(struct gcut *g, const char *sq, size_t *key)
{
	struct glabel l;
	size_t off;
	int ma, mi, n;
	enum opens o;

	if ((*key = guide_label(sq, &l)) > 0) {
		o = l.known ? OPENS_KNOWN : OPENS_LABEL;
		guide_label_free(&l);
		return o;
	}
	if (guide_direction(sq, &ma, &mi, &off)) {
		text_first(sq + off, strlen(sq + off), &n);
		*key = off + (size_t)(n > 0 ? n : 0);
		return OPENS_PART;
	}
	if (guide_annex(sq)) {
		g->cutpart = 0;
		*key = strlen(sq);
		return OPENS_PART;
	}
	if (guide_next_part(sq, &g->cutpart)) {
		*key = strlen(sq);
		return OPENS_PART;
	}
	return OPENS_NOTHING;
}

/*
 * A group's heading (1. 基础前沿技术, （一）…) on line no: the next line
 * of the source is a direction.
 */
static int
group_line(const struct gcut *g, const struct input *in, int no,
    const char *sq)
{
	int kind, ma, mi;
	size_t k, off;

	kind = shape_enum_kind(sq, strlen(sq));
	if ((kind != 2 && kind != 3) ||
	    !guide_heading_like(sq, GUIDE_GROUP_COLS))
		return 0;
	for (k = (size_t)no; k < g->nlines && k < in->nlines &&
	    g->lines[k][0] == '\0'; k++)
		;
	return k < g->nlines && guide_direction(g->lines[k], &ma, &mi, &off);
}

/*
 * A line that is a heading by itself, which nothing after it continues:
 * a closing part's (附件：…, 联系方式) short of the margin, a direction's
 * title ending in ）, whose last line it must be; at the document's top,
 * the line of the title that names the guide or its status.
 */
static int
whole_heading(const struct gcut *g, const char *s, int top)
{
	size_t len = strlen(s);
	int ma, mi;
	size_t off;

	if (text_ends(s, len, "）") && guide_direction(s, &ma, &mi, &off) &&
	    guide_no_stops(s))
		return 1;
	/* a heading as wide as the page may go on on the next line */
	if ((guide_annex(s) || guide_closing_name(s)) &&
	    !guide_fills(g->out->width, s))
		return 1;
	return top && guide_no_stops(s) && !strstr(s, "：") &&
	    (text_ends(s, len, "指南") || guide_status_line(s));
}

/*
 * Whether line sq cannot go on with the heading prev (part: a part's
 * heading): a heading short of the margin ends there, one as wide as
 * the page only before an item, a label or a direction.
 */
static int
ends_heading(const struct gcut *g, const char *prev, int part, int top,
    const char *sq)
{
	int ma, mi;
	size_t off;

	if (!part && !guide_annex(prev) && !guide_closing_name(prev))
		return whole_heading(g, prev, top);
	return !guide_fills(g->out->width, prev) ||
	    shape_enum(sq, strlen(sq)) || guide_is_label(sq) ||
	    guide_direction(sq, &ma, &mi, &off);
}

/*
 * Where the first n bytes of key occur in s near byte at: a line of an
 * element begins where the one before it ended, give or take the
 * spaces that joining them removed or added.
 */
static const char *
find_near(const char *s, size_t at, size_t lo, const char *key, size_t n)
{
	size_t len, from, to, i, slack;

	/* a short line matches only where it is expected: 算 / 核算 */
	slack = n < 9 ? 2 : 8;
	len = strlen(s);
	from = at > lo + slack ? at - slack : lo;
	to = at + slack < len ? at + slack : len;
	for (i = from; n > 0 && i + n <= len && i <= to; i++)
		if (strncmp(s + i, key, n) == 0)
			return s + i;
	return NULL;
}

/* The bytes of whole characters in the first n or fewer of s. */
static size_t
prefix(const char *s, size_t n)
{
	size_t len = strlen(s);

	if (n >= len)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* Line i (0-based) is the first or the last of a page. */
static int
page_edge(const struct gcut *g, const struct input *in, size_t i)
{
	size_t k;

	if (in->lines[i].flags & LINE_PAGESTART)
		return 1;
	for (k = i; k-- > 0 && g->lines[k][0] == '\0'; )
		;
	if (k == (size_t)-1 || shape_pagenum(g->lines[k], strlen(g->lines[k])))
		return 1;
	for (k = i + 1; k < g->nlines && g->lines[k][0] == '\0'; k++)
		;
	return k == g->nlines || (in->lines[k].flags & LINE_PAGESTART) ||
	    shape_pagenum(g->lines[k], strlen(g->lines[k]));
}

/*
 * Whether the reader may have dropped line sq on purpose: a page
 * number, a running header or footer (printed at the edge of several
 * pages, never elsewhere), or a footnote, which it lifted out of the
 * text.
 */
static int
furniture(const struct gcut *g, const struct elemlist *el,
    const struct input *in, const char *sq)
{
	size_t i, n;

	if (shape_pagenum(sq, strlen(sq)))
		return 1;
	for (i = n = 0; i < g->nlines; i++)
		if (strcmp(g->lines[i], sq) == 0) {
			if (!page_edge(g, in, i))
				break;
			n++;
		}
	if (i == g->nlines && n >= 2)
		return 1;
	for (i = 0; i < el->n; i++)
		if (el->v[i].kind == EL_NOTE &&
		    strstr(el->v[i].text, sq) != NULL)
			return 1;
	return 0;
}

/*
 * The element e, which runs from source line e->line to before line
 * end, cut where one of its lines began a direction, a part or a label:
 * a common label anywhere, any label right after a direction's title.
 * The place of each line in the element's text is found by its first
 * bytes, near where the line before ended.  An element whose first line
 * is a heading ending in ） is cut after that line too.
 *
 * A line the reader dropped from the middle of the element, or from its
 * end, is put back unless it may have been furniture: the reader takes
 * a page's short last line above its number, or "实施年限：3 年"
 * printed alike in every direction after a full line, for a running
 * header or footer.
 */
static void
cut(struct gcut *g, const struct elemlist *el, const struct elem *e,
    const struct input *in, int end)
{
	const struct srcline *sl;
	const char *s, *hit;
	char *sq, *first, *prev;
	struct buf t = { 0 };
	size_t cuts[MAX_CUTS], ncut, expect, at, key, len, copied;
	int no, ma, mi, title, top, prevpart;
	enum opens o;

	ncut = 0;
	prevpart = 0;
	first = prev = NULL;
	expect = copied = 0;
	len = strlen(e->text);
	title = guide_direction(e->text, &ma, &mi, &at);
	top = e == &el->v[0];
	for (no = e->line; in != NULL && no < end && no <= (int)in->nlines &&
	    ncut < MAX_CUTS; no++) {
		sl = &in->lines[no - 1];
		s = sl->s;
		sq = text_squeeze(s, text_trim(&s, sl->len));
		if (*sq == '\0') {
			free(sq);
			continue;
		}
		if (first == NULL) {
			first = prev = sq;
			expect = strlen(sq);
			prevpart = guide_next_part(sq, &g->cutpart);
			if (guide_annex(sq))
				g->cutpart = 0;
			continue;
		}
		if ((o = line_opens(g, sq, &key)) == OPENS_NOTHING &&
		    group_line(g, in, no, sq)) {
			o = OPENS_PART;
			key = strlen(sq);
		} else if (o == OPENS_NOTHING)
			key = prefix(sq, 12);
		if ((hit = find_near(e->text, expect, copied, sq, key)) !=
		    NULL) {
			at = (size_t)(hit - e->text);
			if (o == OPENS_LABEL && !(title && ncut == 0 &&
			    guide_no_stops(first)))
				o = OPENS_NOTHING;
			if (o == OPENS_NOTHING && ends_heading(g, prev,
			    prevpart, top, sq))
				o = OPENS_PART;
			if (o != OPENS_NOTHING && at >= copied) {
				buf_add(&t, e->text + copied, at - copied);
				copied = at;
				if (t.len > 0 && (ncut == 0 ||
				    cuts[ncut - 1] < t.len))
					cuts[ncut++] = t.len;
			}
			expect = at + strlen(sq);
			if (prev != first)
				free(prev);
			prev = sq;
			prevpart = o == OPENS_PART && guide_part_heading(sq);
			continue;
		} else if (expect <= len && expect >= copied &&
		    find_near(e->text, expect, copied, sq, strlen(sq)) ==
		    NULL && (strlen(sq) < 12 || !strstr(e->text, sq)) &&
		    o != OPENS_LABEL && (o == OPENS_KNOWN ||
		    !furniture(g, el, in, sq))) {
			/* dropped by the reader: put it back */
			buf_add(&t, e->text + copied, expect - copied);
			copied = expect;
			if ((o != OPENS_NOTHING || ends_heading(g, prev,
			    prevpart, top, sq)) && t.len > 0 &&
			    (ncut == 0 || cuts[ncut - 1] < t.len))
				cuts[ncut++] = t.len;
			buf_adds(&t, sq);
			if (prev != first)
				free(prev);
			prev = sq;
			prevpart = 0;
			continue;
		}
		free(sq);
	}
	if (prev != first)
		free(prev);
	free(first);
	buf_add(&t, e->text + copied, len - copied);
	for (key = 0, at = 0; key <= ncut; key++) {
		expect = key < ncut ? cuts[key] : t.len;
		while (at < expect && t.s[at] == ' ')
			at++;
		if (expect > at)
			seg_add(g, e, t.s + at, expect - at, (e->flags &
			    ~EF_STANDALONE) | (key > 0 ? GSEG_CUT : 0) |
			    (key == ncut ? e->flags & EF_STANDALONE : 0));
		at = expect;
	}
	buf_free(&t);
}

/* The source line where the element after e begins. */
static int
next_line(const struct elemlist *el, size_t i)
{
	for (i++; i < el->n; i++)
		if (el->v[i].kind != EL_NOTE)
			return el->v[i].line;
	return 1 << 30;
}

void
guide_segments(struct gsegs *out, const struct elemlist *el,
    const struct input *in)
{
	struct gcut g;
	const struct elem *e, *n;
	const char *s;
	char *t;
	size_t i, cap;

	memset(&g, 0, sizeof(g));
	g.out = out;
	cap = 0;
	for (i = 0; in != NULL && i < in->nlines; i++) {
		s = in->lines[i].s;
		t = text_squeeze(s, text_trim(&s, in->lines[i].len));
		VEC_PUSH(g.lines, g.nlines, cap, t);
	}
	out->width = full_width(g.lines, g.nlines);
	for (i = 0; i < el->n; i++) {
		e = &el->v[i];
		n = i + 1 < el->n ? &el->v[i + 1] : NULL;
		if (e->kind == EL_LINE)
			cut(&g, el, e, in, next_line(el, i));
		else if (e->kind == EL_HEADING && (e->flags & EF_BOLD) &&
		    n != NULL && n->kind == EL_LINE && n->line == e->line) {
			/* Markdown's **研究内容：**… is one line */
			t = xasprintf("%s%s", e->text, n->text);
			seg_add(&g, n, t, strlen(t), n->flags);
			free(t);
			i++;
		} else
			seg_add(&g, e, e->text, strlen(e->text), e->flags);
	}
	free_strings(g.lines, g.nlines);
}

void
guide_segments_free(struct gsegs *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/*
 * Builds a funding guide (申报指南) from the elements of its text.
 *
 * A guide opens with its title, printed over one to three lines
 * (programme, special project, year, 申报指南, and （征求意见稿） on a
 * draft), then a preamble: the article 前言.  A part with text of its
 * own (一、总体目标) becomes a column holding an article of its title; a
 * group heading without any (一、基础前沿技术, 1. 基础前沿技术) a column
 * only.  Each numbered direction (1.1, 2.10, …) becomes an article whose
 * labelled paragraphs (研究内容：, 考核指标：, 实施年限：, …) are its
 * fields, each running to the next label or direction, numbered items
 * and page breaks included.  Parts after the last direction (三、申报要求,
 * 附件：…, 联系方式) are columns again, not text of the last direction.
 *
 * The PDF reader runs a line into the one before where that one filled
 * the margin without ending a sentence: a wide direction title, a list
 * of keywords.  The source lines say where a label, a direction or a
 * part began, and the elements are cut there first.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "import-build.h"
#include "import-elem.h"
#include "import-guide.h"
#include "import-input.h"
#include "import-notes.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

#define SEG_CUT		0x100	/* cut out of an element: a line began it */
#define HEAD_COLS	60	/* a part's heading is no wider */
#define GROUP_COLS	40	/* nor a group's name or an internal heading */
#define TITLE_COLS	120	/* nor a line of the guide's title */
#define MAX_CUTS	64

/* A piece of the text: an element, or a part of one cut at a line. */
struct seg {
	char			*text;
	int			 line;
	int			 flags;		/* EF_*, SEG_CUT */
	enum elem_kind		 kind;
	const struct elem	*e;		/* EL_NOTE: the note */
};

/* A label printed in several directions: a field wherever it stands. */
struct learned {
	char	*name;
	int	 lastdir, ndirs;
};

struct gb {
	struct issue	*is;
	struct notepool	*notes;
	char		**lines;	/* the source's lines, squeezed */
	size_t		 nlines;
	int		 width;		/* columns of a full line, or 0 */
	struct seg	*v;
	size_t		 n, cap;
	struct learned	*labels;
	size_t		 nlabels, labelscap;
	struct buf	 front;		/* the text before the first direction */
	char		*column;	/* a column headed, not yet opened */
	struct section	*sec;
	struct article	*art;
	int		 dir;		/* art is a direction */
	int		 titled;	/* and its title is complete */
	int		 field;		/* the field being read, or -1 */
	int		 standalone;	/* the last text stood alone */
	int		 major, minor;	/* the last direction */
	int		 ndirs;
	int		 group;		/* a group "N." opened, or 0 */
	int		 part;		/* the last part 一、二、… read, or 0 */
	int		 cutpart;	/* the same while cutting elements */
};

/* ---- shapes of whole pieces -------------------------------------- */

/* Holds none of ，。；！？ (a heading, a name, a title). */
static int
no_stops(const char *s)
{
	static const char *const stops[] = { "，", "。", "；", "！", "？" };
	size_t i;

	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		if (strstr(s, stops[i]) != NULL)
			return 0;
	return 1;
}

static int
cols(const char *s)
{
	return text_cols(s, strlen(s));
}

/* A heading or a name: short, no sentence in it, no colon at its end. */
static int
heading_like(const char *s, int width)
{
	return cols(s) <= width && no_stops(s) && !text_ends(s, strlen(s),
	    "：");
}

static int
is_label(const char *s)
{
	return shape_label(s, strlen(s)) > 0;
}

/* The number of an item's enumerator: 3 of （3）, 3. and 三、; or 0. */
static int
item_number(const char *s)
{
	static const char *const cn = "一二三四五六七八九十";
	const char *p;
	uint32_t c;

	p = s;
	if (text_starts(p, "（") || *p == '(')
		p += *p == '(' ? 1 : strlen("（");
	if (*p >= '0' && *p <= '9')
		return atoi(p);
	c = text_first(p, strlen(p), NULL);
	for (p = cn; *p != '\0'; p += strlen("一"))
		if (text_first(p, strlen(p), NULL) == c)
			return 1 + (int)((p - cn) / strlen("一"));
	return 0;
}

/* 一、总体目标, 二、申报要求（略） */
static int
part_heading(const char *s)
{
	return shape_enum_kind(s, strlen(s)) == 1 && heading_like(s,
	    HEAD_COLS);
}

/*
 * A part that comes after part *last (0: none yet, or an annex): its
 * heading has a higher number (a line "一、核算结果不确定性" that a
 * narrow page broke out of "…尺度不一、核算…" after part 一 is no
 * part); *last follows it.
 */
static int
next_part(const char *s, int *last)
{
	if (!part_heading(s) || item_number(s) <= *last)
		return 0;
	*last = item_number(s);
	return 1;
}

/* 附件, 附件2, 附件：形式审查条件要求 */
static int
annex(const char *s)
{
	const char *p;

	if (!text_starts(s, "附件") || !heading_like(s, HEAD_COLS))
		return 0;
	p = s + strlen("附件");
	while ((*p >= '0' && *p <= '9') || *p == ' ')
		p++;
	return *p == '\0' || text_starts(p, "：") || *p == ':';
}

/* The closing parts that guides print without a number. */
static int
closing_name(const char *s)
{
	static const char *const names[] = {
		"联系方式", "联系人", "申报要求", "申报条件", "申报说明",
		"注意事项", "其他事项", "形式审查条件要求", "形式审查要求"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return 1;
	return 0;
}

/* A status printed under the title: （征求意见稿） */
static int
status_line(const char *s)
{
	size_t len = strlen(s);

	return strstr(s, "征求意见稿") != NULL && len <= 3 * 12 &&
	    (text_starts(s, "（") || *s == '(');
}

/* A line that fills the page's measure: a heading so wide may go on. */
static int
full_line(const struct gb *g, const char *s)
{
	return g->width > 0 && cols(s) >= g->width - 4;
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

/* ---- the pieces: elements, cut where a line began a part --------- */

static void
seg_add(struct gb *g, const struct elem *e, const char *text, size_t len,
    int flags)
{
	struct seg s;

	memset(&s, 0, sizeof(s));
	s.text = xstrndup(text, len);
	s.line = e->line;
	s.flags = flags;
	s.kind = e->kind == EL_HEADING ? EL_LINE : e->kind;
	if (e->kind == EL_HEADING)
		s.flags |= EF_STANDALONE;
	s.e = e;
	VEC_PUSH(g->v, g->n, g->cap, s);
}

enum opens { OPENS_NOTHING, OPENS_LABEL, OPENS_KNOWN, OPENS_PART };

/*
 * What a squeezed source line begins that the reader may have run into
 * the line before: a label (a common one, or any), a direction or a
 * part.  Sets *key to the bytes that begin it.
 */
static enum opens
line_opens(struct gb *g, const char *sq, size_t *key)
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
	if (annex(sq)) {
		g->cutpart = 0;
		*key = strlen(sq);
		return OPENS_PART;
	}
	if (next_part(sq, &g->cutpart)) {
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
group_line(const struct gb *g, const struct input *in, int no,
    const char *sq)
{
	int kind, ma, mi;
	size_t k, off;

	kind = shape_enum_kind(sq, strlen(sq));
	if ((kind != 2 && kind != 3) || !heading_like(sq, GROUP_COLS))
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
whole_heading(const struct gb *g, const char *s, int top)
{
	size_t len = strlen(s);
	int ma, mi;
	size_t off;

	if (text_ends(s, len, "）") && guide_direction(s, &ma, &mi, &off) &&
	    no_stops(s))
		return 1;
	/* a heading as wide as the page may go on on the next line */
	if ((annex(s) || closing_name(s)) && !full_line(g, s))
		return 1;
	return top && no_stops(s) && !strstr(s, "：") &&
	    (text_ends(s, len, "指南") || status_line(s));
}

/*
 * Whether line sq cannot go on with the heading prev (part: a part's
 * heading): a heading short of the margin ends there, one as wide as
 * the page only before an item, a label or a direction.
 */
static int
ends_heading(const struct gb *g, const char *prev, int part, int top,
    const char *sq)
{
	int ma, mi;
	size_t off;

	if (!part && !annex(prev) && !closing_name(prev))
		return whole_heading(g, prev, top);
	return !full_line(g, prev) || shape_enum(sq, strlen(sq)) ||
	    is_label(sq) || guide_direction(sq, &ma, &mi, &off);
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
page_edge(const struct gb *g, const struct input *in, size_t i)
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
furniture(const struct gb *g, const struct elemlist *el,
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
cut(struct gb *g, const struct elemlist *el, const struct elem *e,
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
			prevpart = next_part(sq, &g->cutpart);
			if (annex(sq))
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
			    no_stops(first)))
				o = OPENS_NOTHING;
			if (o == OPENS_NOTHING && ends_heading(g, prev, prevpart,
			    top, sq))
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
			prevpart = o == OPENS_PART && part_heading(sq);
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
			    ~EF_STANDALONE) | (key > 0 ? SEG_CUT : 0) |
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

static void
segments(struct gb *g, const struct elemlist *el, const struct input *in)
{
	const struct elem *e, *n;
	const char *s;
	char *t;
	size_t i, cap;

	cap = 0;
	for (i = 0; in != NULL && i < in->nlines; i++) {
		s = in->lines[i].s;
		t = text_squeeze(s, text_trim(&s, in->lines[i].len));
		VEC_PUSH(g->lines, g->nlines, cap, t);
	}
	g->width = full_width(g->lines, g->nlines);

	for (i = 0; i < el->n; i++) {
		e = &el->v[i];
		n = i + 1 < el->n ? &el->v[i + 1] : NULL;
		if (e->kind == EL_LINE)
			cut(g, el, e, in, next_line(el, i));
		else if (e->kind == EL_HEADING && (e->flags & EF_BOLD) &&
		    n != NULL && n->kind == EL_LINE && n->line == e->line) {
			/* Markdown's **研究内容：**… is one line */
			t = xasprintf("%s%s", e->text, n->text);
			seg_add(g, n, t, strlen(t), n->flags);
			free(t);
			i++;
		} else
			seg_add(g, e, e->text, strlen(e->text), e->flags);
	}
}

/* ---- labels learned from the document ----------------------------- */

/*
 * The labels printed in two directions or more.  The directions are
 * counted roughly (any line shaped like one), which is enough to tell
 * a guide's fields from the 主题一： and 具体研究内容： inside one.
 */
static void
learn_labels(struct gb *g)
{
	struct glabel l;
	struct learned nl;
	size_t i, k;
	int ndir, ma, mi;

	ndir = 0;
	for (i = 0; i < g->n; i++) {
		if (g->v[i].kind != EL_LINE)
			continue;
		if (guide_direction(g->v[i].text, &ma, &mi, &k)) {
			ndir++;
			continue;
		}
		if (guide_label(g->v[i].text, &l) == 0 || l.ordinal != NULL) {
			guide_label_free(&l);
			continue;
		}
		for (k = 0; k < g->nlabels; k++)
			if (strcmp(g->labels[k].name, l.name) == 0)
				break;
		if (k == g->nlabels) {
			nl.name = l.name;
			l.name = NULL;
			nl.lastdir = -1;
			nl.ndirs = 0;
			VEC_PUSH(g->labels, g->nlabels, g->labelscap, nl);
		}
		if (g->labels[k].lastdir != ndir) {
			g->labels[k].lastdir = ndir;
			g->labels[k].ndirs++;
		}
		guide_label_free(&l);
	}
}

static int
learned(const struct gb *g, const char *name)
{
	size_t k;

	for (k = 0; k < g->nlabels; k++)
		if (strcmp(g->labels[k].name, name) == 0)
			return g->labels[k].ndirs >= 2;
	return 0;
}

int
guide_detect(const struct elemlist *el)
{
	struct glabel l;
	size_t i, off;
	int labels, dirs, ma, mi;

	labels = dirs = 0;
	for (i = 0; i < el->n; i++) {
		if (el->v[i].kind != EL_LINE && el->v[i].kind != EL_HEADING)
			continue;
		if (guide_label(el->v[i].text, &l) > 0 && l.known)
			labels++;
		guide_label_free(&l);
		if (guide_direction(el->v[i].text, &ma, &mi, &off))
			dirs++;
	}
	return labels >= 3 && (dirs >= 1 || labels >= 8);
}

/* ---- the guide's structure ---------------------------------------- */

/* The next piece that is no note, or g->n. */
static size_t
next_seg(const struct gb *g, size_t i)
{
	for (i++; i < g->n && g->v[i].kind == EL_NOTE; i++)
		;
	return i;
}

/* A line that goes on with a direction's title: no label, no sentence. */
static int
title_goes_on(const struct seg *s)
{
	int ma, mi;
	size_t off;

	return s->kind == EL_LINE && heading_like(s->text, TITLE_COLS / 2) &&
	    !is_label(s->text) && !shape_enum(s->text, strlen(s->text)) &&
	    !guide_direction(s->text, &ma, &mi, &off) &&
	    !part_heading(s->text) && !annex(s->text);
}

/* A label follows piece i, maybe after the rest of a title. */
static int
label_follows(const struct gb *g, size_t i)
{
	size_t j;

	j = next_seg(g, i);
	if (j < g->n && title_goes_on(&g->v[j]))
		j = next_seg(g, j);
	return j < g->n && g->v[j].kind == EL_LINE && is_label(g->v[j].text);
}

/*
 * Whether piece i is the next direction: numbered on from the last one
 * (1.9 and 2.0 both follow 1.8; 2.10 follows 2.9) or first in its
 * group, or opening with labelled fields; never a sentence.
 */
static int
is_direction(const struct gb *g, size_t i, int *ma, int *mi, size_t *off)
{
	const char *s = g->v[i].text;

	if (g->v[i].kind != EL_LINE || !guide_direction(s, ma, mi, off) ||
	    strstr(s, "。") || strstr(s, "；") || strstr(s, "！"))
		return 0;
	if (g->ndirs > 0 && ((*ma == g->major && *mi == g->minor + 1) ||
	    (*ma == g->major + 1 && *mi <= 1)))
		return 1;
	if (g->group > 0 && *ma == g->group && *mi <= 1 &&
	    (g->ndirs == 0 || *ma != g->major))
		return 1;
	if (g->ndirs == 0 && *mi <= 1 && (g->v[i].flags & EF_STANDALONE))
		return 1;
	return label_follows(g, i) && (g->ndirs == 0 || *ma > g->major ||
	    (*ma == g->major && *mi > g->minor));
}

/*
 * A group's heading, which has no text of its own: a direction follows
 * it, numbered under it where the group is numbered 1. 2. …
 */
/*
 * A group's heading: 一、… （一）… or 1. …, a direction right after it,
 * numbered under it where the group is numbered 1. 2. …; sets *num to
 * that number (0 for the others).
 */
static int
group_heading(const struct gb *g, size_t i, int *num)
{
	const char *s = g->v[i].text;
	size_t j, off;
	int kind, ma, mi;

	*num = 0;
	kind = shape_enum_kind(s, strlen(s));
	if ((kind != 1 && kind != 2 && kind != 3) ||
	    !heading_like(s, kind == 1 ? HEAD_COLS : GROUP_COLS))
		return 0;
	j = next_seg(g, i);
	if (j >= g->n || g->v[j].kind != EL_LINE ||
	    !guide_direction(g->v[j].text, &ma, &mi, &off))
		return 0;
	if (kind != 3)
		return 1;
	*num = atoi(s);
	return *num == ma && mi <= 1;
}

static void
open_article(struct gb *g, const char *title, int line, int dir)
{
	if (g->column != NULL) {
		g->sec = doc_section_add(g->is, g->column);
		free(g->column);
		g->column = NULL;
	} else if (g->sec == NULL)
		g->sec = doc_section_add(g->is, dir ? "指南方向" : "前言");
	g->art = doc_article_add(g->sec, title, line);
	g->dir = dir;
	g->titled = !dir;
	g->field = -1;
}

/* A direction's category, from its title, is its first field 类别. */
static void
close_direction(struct gb *g)
{
	struct article *a = g->art;
	struct field f;
	char *cat;
	size_t i;

	if (!g->dir || a == NULL)
		return;
	g->dir = 0;
	for (i = 0; i < a->nfields; i++)
		if (strcmp(a->fields[i].name, "类别") == 0)
			return;
	if ((cat = guide_category(a->title)) == NULL)
		return;
	doc_field_add(a, "类别", cat);
	free(cat);
	f = a->fields[a->nfields - 1];
	memmove(a->fields + 1, a->fields, (a->nfields - 1) * sizeof(f));
	a->fields[0] = f;
}

/*
 * A heading opens a column for what follows.  Text of its own makes it
 * a part, an article of its title; directions only, a group.
 */
static void
heading(struct gb *g, const char *text)
{
	close_direction(g);
	free(g->column);
	g->column = xstrdup(text);
	g->art = NULL;
	g->field = -1;
	g->group = 0;
}

/* Joins a piece of text that goes on with the one before. */
static char *
run_on(const char *a, const char *b)
{
	uint32_t x, y;

	const char *w;
	int space;

	x = text_last(a, strlen(a), NULL);
	y = text_first(b, strlen(b), NULL);
	space = (x | 0x20) >= 'a' && (x | 0x20) <= 'z' && (y | 0x20) >= 'a' &&
	    (y | 0x20) <= 'z';
	/* no space inside a name, an address or a code: Delegation-Chi/na */
	for (w = a + strlen(a); space && w > a && (unsigned char)w[-1] < 0x80 &&
	    w[-1] != ' '; w--)
		if (strchr("-@/._0123456789", w[-1]) != NULL)
			space = 0;
	return xasprintf("%s%s%s", a, space ? " " : "", b);
}

/*
 * Ends with 。！？ (maybe inside closing quotes): a paragraph may end
 * there, not at ； or ：, after which a line goes on unless an item
 * begins (…研制可靠性测试装备 2 台（套）； / 完成… across a page).
 */
static int
ends_paragraph(const char *s)
{
	static const char *const closers[] = { "”", "’", "」", "）", "》" };
	size_t len, k;
	int more;

	len = strlen(s);
	do {
		more = 0;
		for (k = 0; k < sizeof(closers) / sizeof(closers[0]); k++)
			if (text_ends(s, len, closers[k])) {
				len -= strlen(closers[k]);
				more = 1;
			}
	} while (more);
	return text_ends(s, len, "。") || text_ends(s, len, "！") ||
	    text_ends(s, len, "？") || text_ends(s, len, "…") ||
	    (len > 0 && (s[len - 1] == '!' || s[len - 1] == '?'));
}

/*
 * Whether piece s goes on with the text last, rather than beginning a
 * line of its own.  An item (（1）, 1.) begins one after a sentence or
 * after the item before it (not 上述（1）至 / （4）共…); a label after a
 * sentence or a heading (主题一：…), not after 对应的 (链接如下：).  An
 * item goes on until the next; other text goes on where the text
 * before did not end a sentence, or where the reader cut it out of the
 * line before.
 */
static int
goes_on(const struct gb *g, const char *last, const struct seg *s,
    int in_field)
{
	size_t len = strlen(last);
	int ended, n;

	ended = ends_paragraph(last) || (g->standalone &&
	    heading_like(last, GROUP_COLS));
	if (shape_enum(s->text, strlen(s->text))) {
		n = item_number(s->text);
		return !ended && n > 1 && shape_enum(last, len) &&
		    shape_enum_kind(last, len) == shape_enum_kind(s->text,
		    strlen(s->text)) && item_number(last) + 1 != n;
	}
	if (is_label(s->text))
		return !ended;
	if (shape_enum(last, len) && (in_field ||
	    !heading_like(last, GROUP_COLS)))
		return 1;
	if (s->flags & SEG_CUT)
		return 1;
	return !ended;
}

/* Text of the field being read: a line of its value, or more of one. */
static void
field_text(struct gb *g, const struct seg *s)
{
	struct field *f = &g->art->fields[g->field];
	const char *last;
	char *v;

	last = strrchr(f->value, '\n');
	last = last != NULL ? last + 1 : f->value;
	if (*f->value == '\0')
		v = xstrdup(s->text);
	else if (goes_on(g, last, s, 1))
		v = run_on(f->value, s->text);
	else
		v = xasprintf("%s\n%s", f->value, s->text);
	free(f->value);
	f->value = v;
}

static void
block_text(struct gb *g, const struct seg *s)
{
	struct block *b;
	char *v, *title;

	if (g->art == NULL) {
		title = xstrdup(g->column ? g->column : "前言");
		open_article(g, title, s->line, 0);
		free(title);
	}
	b = g->art->nblocks > 0 ? &g->art->blocks[g->art->nblocks - 1] : NULL;
	if (s->kind == EL_TABLE) {
		doc_block_add(g->art, BLOCK_TABLE, s->text, s->line);
		return;
	}
	if (b != NULL && b->type != BLOCK_TABLE && goes_on(g, b->text, s, 0)) {
		v = run_on(b->text, s->text);
		free(b->text);
		b->text = v;
		b->type = BLOCK_PARAGRAPH;
		return;
	}
	doc_block_add(g->art, (s->flags & EF_STANDALONE) &&
	    shape_enum(s->text, strlen(s->text)) &&
	    heading_like(s->text, GROUP_COLS) ? BLOCK_HEADING :
	    BLOCK_PARAGRAPH, s->text, s->line);
}

/* A label in a direction: a field, or a line of the field before. */
static int
field_label(struct gb *g, const struct seg *s)
{
	struct glabel l;
	char *name, *value;

	if (guide_label(s->text, &l) == 0 || !(l.known || g->field < 0 ||
	    (l.ordinal == NULL && learned(g, l.name)))) {
		guide_label_free(&l);
		return 0;
	}
	if (l.ordinal != NULL && l.known) {
		/* 领域方向一： the field 领域方向, its value 方向一：… */
		name = xstrdup(l.name);
		value = xasprintf("%s%s：%s", l.name + strlen(l.name) -
		    (strlen(l.name) >= 6 ? 6 : strlen(l.name)), l.ordinal,
		    l.value);
	} else {
		name = l.ordinal != NULL ? xasprintf("%s%s", l.name,
		    l.ordinal) : xstrdup(l.name);
		value = xstrdup(l.value);
	}
	doc_field_add(g->art, name, value);
	g->field = (int)g->art->nfields - 1;
	g->titled = 1;
	free(name);
	free(value);
	guide_label_free(&l);
	return 1;
}

static void
direction(struct gb *g, size_t i, int ma, int mi, size_t off)
{
	char *title;

	close_direction(g);
	title = xasprintf("%d.%d %s", ma, mi, g->v[i].text + off);
	g->art = NULL;
	open_article(g, title, g->v[i].line, 1);
	free(title);
	g->major = ma;
	g->minor = mi;
	g->ndirs++;
}

static void
title_text(struct gb *g, const struct seg *s)
{
	char *t;

	t = run_on(g->art->title, s->text);
	free(g->art->title);
	g->art->title = t;
}

static void
piece(struct gb *g, size_t i)
{
	const struct seg *s = &g->v[i];
	size_t off;
	char *t;
	int ma, mi, num = 0;

	if (s->kind == EL_NOTE) {
		notes_add(g->notes, s->e, g->is);
		return;
	}
	if (s->kind == EL_LINE) {
		if (annex(s->text) || (g->ndirs > 0 &&
		    closing_name(s->text))) {
			heading(g, s->text);
			g->part = 0;
			return;
		}
		if ((part_heading(s->text) ? next_part(s->text, &g->part) :
		    group_heading(g, i, &num))) {
			heading(g, s->text);
			g->group = part_heading(s->text) ? 0 : num;
			return;
		}
		if (is_direction(g, i, &ma, &mi, &off)) {
			direction(g, i, ma, mi, off);
			return;
		}
	}
	if (g->column != NULL && g->art == NULL && full_line(g, g->column) &&
	    heading_like(s->text, GROUP_COLS / 2) && title_goes_on(s)) {
		/* a heading as wide as the page, on two lines */
		t = run_on(g->column, s->text);
		free(g->column);
		g->column = t;
		return;
	}
	if (g->ndirs == 0)
		buf_printf(&g->front, "%s\n", s->text);
	if (g->dir && !g->titled && g->art->nblocks == 0 &&
	    title_goes_on(s)) {
		title_text(g, s);
		return;
	}
	g->titled = 1;
	if (g->dir && s->kind == EL_LINE && field_label(g, s))
		;
	else if (g->dir && g->field >= 0 && s->kind == EL_LINE)
		field_text(g, s);
	else
		block_text(g, s);
	g->standalone = (s->flags & EF_STANDALONE) != 0;
}

/* ---- the front matter --------------------------------------------- */

static int
title_line(const char *s)
{
	int ma, mi;
	size_t off;

	return heading_like(s, TITLE_COLS) && !strstr(s, "：") &&
	    !part_heading(s) && !guide_direction(s, &ma, &mi, &off) &&
	    !shape_enum(s, strlen(s));
}

/* What a guide's title ends with: …申报指南, …的通知 */
static int
names_guide(const char *s)
{
	return strstr(s, "指南") != NULL || strstr(s, "通知") != NULL ||
	    strstr(s, "办法") != NULL;
}

/*
 * The title printed over the first lines, up to the one that names the
 * guide (…申报指南) and a status under it (（征求意见稿）): returns the
 * piece after them, and the title in *title, NULL when the first lines
 * name no guide; the preamble's first line is never taken for one.
 */
static size_t
title_lines(struct gb *g, char **title)
{
	struct buf b = { 0 };
	const char *s;
	char *t;
	size_t i, start, n;

	*title = NULL;
	i = 0;
	/* 附件1, above the title of a guide published with its notice */
	if (i < g->n && annex(g->v[i].text) && cols(g->v[i].text) <= 10)
		i++;
	for (start = i, n = 0; i < g->n && n < 4; i++, n++) {
		s = g->v[i].text;
		if (g->v[i].kind != EL_LINE || status_line(s) ||
		    !title_line(s))
			break;
		t = b.len > 0 ? run_on(b.s, s) : xstrdup(s);
		buf_truncate(&b, 0);
		buf_adds(&b, t);
		free(t);
		if (names_guide(s)) {
			i++;
			break;
		}
	}
	if (b.len > 0 && !names_guide(g->v[i - 1].text)) {
		buf_truncate(&b, 0);
		i = start;
	}
	if (i < g->n && g->v[i].kind == EL_LINE && status_line(g->v[i].text))
		buf_adds(&b, g->v[i++].text);
	*title = b.len > 0 ? buf_take(&b) : NULL;
	return i;
}

/*
 * The guide's own name, when its title is not printed: the document
 * the preamble says it has drawn up (…编制形成了 X 指南。).
 */
static char *
infer_title(const char *text)
{
	static const char *const kinds[] = { "指南", "办法", "通知", "方案" };
	const char *hit, *p, *start;
	size_t k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		hit = NULL;
		for (p = text; (p = strstr(p, kinds[k])) != NULL;
		    p += strlen(kinds[k]))
			hit = p;
		if (hit == NULL)
			continue;
		/* back to the start of the clause, then after 了 */
		start = text;
		for (p = text; p < hit; p++)
			if (text_starts(p, "，") || text_starts(p, "。") ||
			    text_starts(p, "；") || *p == '\n')
				start = p + (*p == '\n' ? 1 : 3);
		for (p = start; p < hit; p++)
			if (text_starts(p, "了"))
				start = p + 3;
		if (hit - start > 6)
			return xstrndup(start, (size_t)(hit - start) +
			    strlen(kinds[k]));
	}
	return NULL;
}

/* The text of the preamble, 前言, for the title it names. */
static char *
preamble(const struct issue *is)
{
	struct buf b = { 0 };
	const struct article *a;
	size_t k;

	if (is->nsections == 0 || strcmp(is->sections[0].name, "前言") != 0 ||
	    is->sections[0].narticles == 0)
		return xstrdup("");
	a = &is->sections[0].articles[0];
	for (k = 0; k < a->nblocks; k++)
		buf_printf(&b, "%s\n", a->blocks[k].text);
	return b.len > 0 ? buf_take(&b) : xstrdup("");
}

/*
 * The title, status, year and totals.  A title that is only a status
 * （征求意见稿）, or none, is completed from the preamble.
 */
static void
front_matter(struct gb *g, char *title)
{
	struct issue *is = g->is;
	char *name, *text;

	if (title == NULL || status_line(title)) {
		text = preamble(is);
		if ((name = infer_title(text)) == NULL)
			name = xstrdup("申报指南");
		is->title = xasprintf("%s%s", name, title ? title : "");
		free(name);
		free(text);
		free(title);
	} else
		is->title = title;
	is->status = strstr(is->title, "征求意见稿") ? GUIDE_DRAFT :
	    GUIDE_FINAL;
	if ((is->year = guide_year(is->title)) == 0)
		is->year = guide_year(buf_str(&g->front));
	guide_totals(buf_str(&g->front), &is->ndirections, &is->nprojects,
	    &is->funding);
}

void
guide_build(const struct elemlist *el, const struct input *in,
    struct issue *is, struct notepool *notes)
{
	struct gb g;
	char *title;
	size_t i;

	memset(&g, 0, sizeof(g));
	g.is = is;
	g.notes = notes;
	g.field = -1;
	is->kind = DOC_GUIDE;
	segments(&g, el, in);
	learn_labels(&g);
	for (i = title_lines(&g, &title); i < g.n; i++)
		piece(&g, i);
	close_direction(&g);
	front_matter(&g, title);
	for (i = 0; i < g.n; i++)
		free(g.v[i].text);
	free(g.v);
	free_strings(g.lines, g.nlines);
	for (i = 0; i < g.nlabels; i++)
		free(g.labels[i].name);
	free(g.labels);
	free(g.column);
	buf_free(&g.front);
}

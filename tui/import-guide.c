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
 * The builder reads the readers' elements as pieces; the shapes of
 * lines are in import-guide-shape.c.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "import-build.h"
#include "import-elem.h"
#include "import-guide.h"
#include "import-notes.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

/* A label printed in several directions: a field wherever it stands. */
struct learned {
	char	*name;
	int	 lastdir, ndirs;
};

struct gb {
	struct issue	*is;
	struct notepool	*notes;
	struct gsegs	 s;		/* the text in pieces */
	struct learned	*labels;
	size_t		 nlabels, labelscap;
	struct buf	 front;		/* the text before any direction */
	char		*column;	/* a column headed, not yet opened */
	struct column	*sec;
	struct article	*art;
	int		 dir;		/* art is a direction */
	int		 titled;	/* and its title is complete */
	int		 field;		/* the field being read, or -1 */
	int		 standalone;	/* the last text stood alone */
	int		 major, minor;	/* the last direction */
	int		 ndirs;
	int		 group;		/* a group "N." opened, or 0 */
	int		 part;		/* the last part 一、二、… read, or 0 */
};

static void
seg_add(struct gsegs *out, const struct elem *e, const char *text,
    size_t len, int flags)
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
	VEC_PUSH(out->v, out->n, out->cap, s);
}

/*
 * The elements as pieces: Markdown's bold label and the text after it
 * (**研究内容：**…) are one line.
 */
static void
guide_segments(struct gsegs *out, const struct elemlist *el)
{
	const struct elem *e, *n;
	char *t;
	size_t i;

	out->width = el->width;
	for (i = 0; i < el->n; i++) {
		e = &el->v[i];
		n = i + 1 < el->n ? &el->v[i + 1] : NULL;
		if (e->kind == EL_HEADING && (e->flags & EF_BOLD) &&
		    n != NULL && n->kind == EL_LINE && n->line == e->line) {
			/* Markdown's **研究内容：**… is one line */
			t = xasprintf("%s%s", e->text, n->text);
			seg_add(out, n, t, strlen(t), n->flags);
			free(t);
			i++;
		} else
			seg_add(out, e, e->text, strlen(e->text), e->flags);
	}
}

static void
guide_segments_free(struct gsegs *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	memset(s, 0, sizeof(*s));
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
	for (i = 0; i < g->s.n; i++) {
		if (g->s.v[i].kind != EL_LINE)
			continue;
		if (guide_direction(g->s.v[i].text, &ma, &mi, &k)) {
			ndir++;
			continue;
		}
		if (guide_label(g->s.v[i].text, &l) == 0 || l.ordinal != NULL) {
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

/* The next piece that is no note, or g->s.n. */
static size_t
next_seg(const struct gb *g, size_t i)
{
	for (i++; i < g->s.n && g->s.v[i].kind == EL_NOTE; i++)
		;
	return i;
}

/* A line that goes on with a direction's title: no label, no sentence. */
static int
title_goes_on(const struct gseg *s)
{
	int ma, mi;
	size_t off;

	return s->kind == EL_LINE &&
	    guide_heading_like(s->text, GUIDE_TITLE_COLS / 2) &&
	    !guide_is_label(s->text) && !shape_enum(s->text, strlen(s->text)) &&
	    !guide_direction(s->text, &ma, &mi, &off) &&
	    !guide_part_heading(s->text) && !guide_annex(s->text);
}

/* A label follows piece i, maybe after the rest of a title. */
static int
label_follows(const struct gb *g, size_t i)
{
	size_t j;

	j = next_seg(g, i);
	if (j < g->s.n && title_goes_on(&g->s.v[j]))
		j = next_seg(g, j);
	return j < g->s.n && g->s.v[j].kind == EL_LINE &&
	    guide_is_label(g->s.v[j].text);
}

/*
 * Whether piece i is the next direction: numbered on from the last one
 * (1.9 and 2.0 both follow 1.8; 2.10 follows 2.9) or first in its
 * group, or opening with labelled fields; never a sentence.
 */
static int
is_direction(const struct gb *g, size_t i, int *ma, int *mi, size_t *off)
{
	const char *s = g->s.v[i].text;

	if (g->s.v[i].kind != EL_LINE || !guide_direction(s, ma, mi, off) ||
	    strstr(s, "。") || strstr(s, "；") || strstr(s, "！"))
		return 0;
	if (g->ndirs > 0 && ((*ma == g->major && *mi == g->minor + 1) ||
	    (*ma == g->major + 1 && *mi <= 1)))
		return 1;
	if (g->group > 0 && *ma == g->group && *mi <= 1 &&
	    (g->ndirs == 0 || *ma != g->major))
		return 1;
	if (g->ndirs == 0 && *mi <= 1 && (g->s.v[i].flags & EF_STANDALONE))
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
	const char *s = g->s.v[i].text;
	size_t j, off;
	int kind, ma, mi;

	*num = 0;
	kind = shape_enum_kind(s, strlen(s));
	if ((kind != 1 && kind != 2 && kind != 3) ||
	    !guide_heading_like(s, kind == 1 ? GUIDE_HEAD_COLS :
	    GUIDE_GROUP_COLS))
		return 0;
	j = next_seg(g, i);
	if (j >= g->s.n || g->s.v[j].kind != EL_LINE ||
	    !guide_direction(g->s.v[j].text, &ma, &mi, &off))
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
		g->sec = doc_column_add(g->is, g->column, line);
		free(g->column);
		g->column = NULL;
	} else if (g->sec == NULL)
		g->sec = doc_column_add(g->is, dir ? "指南方向" : "前言", line);
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
 * Whether piece s goes on with the text last, rather than beginning a
 * line of its own.  An item (（1）, 1.) begins one after a sentence or
 * after the item before it (not 上述（1）至 / （4）共…); a label after a
 * sentence or a heading (主题一：…), not after 对应的 (链接如下：).  An
 * item goes on until the next; other text goes on where the text
 * before did not end a sentence.
 */
static int
goes_on(const struct gb *g, const char *last, const struct gseg *s,
    int in_field)
{
	size_t len = strlen(last);
	int ended, n;

	ended = guide_ends_paragraph(last) || (g->standalone &&
	    guide_heading_like(last, GUIDE_GROUP_COLS));
	if (shape_enum(s->text, strlen(s->text))) {
		n = guide_item_number(s->text);
		return !ended && n > 1 && shape_enum(last, len) &&
		    shape_enum_kind(last, len) == shape_enum_kind(s->text,
		    strlen(s->text)) && guide_item_number(last) + 1 != n;
	}
	if (guide_is_label(s->text))
		return !ended;
	if (shape_enum(last, len) && (in_field ||
	    !guide_heading_like(last, GUIDE_GROUP_COLS)))
		return 1;
	return !ended;
}

/* Text of the field being read: a line of its value, or more of one. */
static void
field_text(struct gb *g, const struct gseg *s)
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
block_text(struct gb *g, const struct gseg *s)
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
	    guide_heading_like(s->text, GUIDE_GROUP_COLS) ? BLOCK_HEADING :
	    BLOCK_PARAGRAPH, s->text, s->line);
}

/* A label in a direction: a field, or a line of the field before. */
static int
field_label(struct gb *g, const struct gseg *s)
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
	title = xasprintf("%d.%d %s", ma, mi, g->s.v[i].text + off);
	g->art = NULL;
	open_article(g, title, g->s.v[i].line, 1);
	free(title);
	g->major = ma;
	g->minor = mi;
	g->ndirs++;
}

static void
title_text(struct gb *g, const struct gseg *s)
{
	char *t;

	t = run_on(g->art->title, s->text);
	free(g->art->title);
	g->art->title = t;
}

static void
piece(struct gb *g, size_t i)
{
	const struct gseg *s = &g->s.v[i];
	size_t off;
	char *t;
	int ma, mi, num = 0;

	if (s->kind == EL_NOTE) {
		notes_add(g->notes, s->e, g->is);
		return;
	}
	if (s->kind == EL_LINE) {
		if (guide_annex(s->text) || (g->ndirs > 0 &&
		    guide_closing_name(s->text))) {
			heading(g, s->text);
			g->part = 0;
			return;
		}
		if (guide_part_heading(s->text) ? guide_next_part(s->text,
		    &g->part) : group_heading(g, i, &num)) {
			heading(g, s->text);
			g->group = guide_part_heading(s->text) ? 0 : num;
			return;
		}
		if (is_direction(g, i, &ma, &mi, &off)) {
			direction(g, i, ma, mi, off);
			return;
		}
	}
	if (g->column != NULL && g->art == NULL &&
	    guide_fills(g->s.width, g->column) &&
	    guide_heading_like(s->text, GUIDE_GROUP_COLS / 2) &&
	    title_goes_on(s)) {
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

	return guide_heading_like(s, GUIDE_TITLE_COLS) && !strstr(s, "：") &&
	    !guide_part_heading(s) && !guide_direction(s, &ma, &mi, &off) &&
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
	const char *s, *status;
	char *t;
	size_t i, start, n;

	*title = NULL;
	i = 0;
	/* 附件1, above the title of a guide published with its notice */
	if (i < g->s.n && guide_annex(g->s.v[i].text) &&
	    text_cols(g->s.v[i].text, strlen(g->s.v[i].text)) <= 10)
		i++;
	/* （征求意见稿） may stand above the title as well as under it */
	status = NULL;
	if (i + 1 < g->s.n && g->s.v[i].kind == EL_LINE &&
	    guide_status_line(g->s.v[i].text) && title_line(g->s.v[i + 1].text))
		status = g->s.v[i++].text;
	for (start = i, n = 0; i < g->s.n && n < 4; i++, n++) {
		s = g->s.v[i].text;
		if (g->s.v[i].kind != EL_LINE || guide_status_line(s) ||
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
	if (b.len > 0 && !names_guide(g->s.v[i - 1].text)) {
		buf_truncate(&b, 0);
		i = start;
	}
	if (i < g->s.n && g->s.v[i].kind == EL_LINE &&
	    guide_status_line(g->s.v[i].text))
		buf_adds(&b, g->s.v[i++].text);
	else if (status != NULL)
		buf_adds(&b, status);
	*title = b.len > 0 ? buf_take(&b) : NULL;
	buf_free(&b);
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

	if (is->ncolumns == 0 || strcmp(is->columns[0].name, "前言") != 0 ||
	    is->columns[0].narticles == 0)
		return xstrdup("");
	a = &is->columns[0].articles[0];
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

	if (title == NULL || guide_status_line(title)) {
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
guide_build(const struct elemlist *el, struct issue *is,
    struct notepool *notes)
{
	struct gb g;
	char *title;
	size_t i;

	memset(&g, 0, sizeof(g));
	g.is = is;
	g.notes = notes;
	g.field = -1;
	is->kind = DOC_GUIDE;
	guide_segments(&g.s, el);
	learn_labels(&g);
	for (i = title_lines(&g, &title); i < g.s.n; i++)
		piece(&g, i);
	close_direction(&g);
	front_matter(&g, title);
	guide_segments_free(&g.s);
	for (i = 0; i < g.nlabels; i++)
		free(g.labels[i].name);
	free(g.labels);
	free(g.column);
	buf_free(&g.front);
}

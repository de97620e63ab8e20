/*
 * Builds a bulletin issue from its elements.  Nothing here knows a
 * title or a column name: a column name is a short line of Chinese
 * that stands before a title; a title stands after a column name or
 * after the editors' parenthesis that closes the previous article (or,
 * when the editors are missing, before a paragraph that opens with a
 * date); an article ends with its editors.  Markdown headings are
 * classified the same way, whatever their level, since the conversions
 * use levels inconsistently.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "import-build.h"
#include "import-elem.h"
#include "import-meta.h"
#include "import-notes.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

#define TITLE_MAX_COLS	120	/* a title is at most two lines */
#define HEADING_MAX_COLS 80
#define LEADIN_MAX_COLS	60	/* a numbered lead-in sentence */

struct builder {
	const struct elemlist	*el;
	struct issue		*is;
	struct notepool		*notes;
	struct column		*sec;
	struct article		*art;
	int			 expect_title;	/* after editors or a column */
	int			 body;		/* the article has body text */
	int			 done;		/* the back matter was reached */
	size_t			 credited_sec;	/* where the last article */
	size_t			 credited_n;	/* with editors ends, or 0 */
	size_t			 credited_blocks;
};

static size_t
len_of(const struct elem *e)
{
	return strlen(e->text);
}

/* The next element that is not a footnote, or NULL. */
static const struct elem *
peek(const struct builder *b, size_t i)
{
	for (i++; i < b->el->n; i++)
		if (b->el->v[i].kind != EL_NOTE)
			return &b->el->v[i];
	return NULL;
}

static int
is_text(const struct elem *e)
{
	return e != NULL && (e->kind == EL_LINE || e->kind == EL_HEADING);
}

/* A paragraph that opens with a date: 4 月 20 日，/ 2019年6月4日，/ 6月， */
static int
date_lead(const struct elem *e)
{
	int y, m;

	return e != NULL && e->kind == EL_LINE &&
	    meta_parse_month(e->text, &y, &m) > 0;
}

static int
headingish(const struct elem *e)
{
	return e->kind == EL_HEADING && e->level != LEVEL_LEADIN;
}

/* Could stand as an article title. */
static int
titleish(const struct elem *e)
{
	size_t len;
	int cols;

	if (!is_text(e) || e->level == LEVEL_LEADIN)
		return 0;
	/* Markdown titles are headings; its paragraphs never are. */
	if (e->kind == EL_LINE && (e->flags & EF_MARKERS))
		return 0;
	len = len_of(e);
	cols = text_cols(e->text, len);
	if (cols > TITLE_MAX_COLS || cols < 4 || shape_enum(e->text, len) ||
	    shape_ends_sentence(e->text, len) ||
	    shape_ends_clause(e->text, len) ||
	    shape_toc_entry(e->text, len) || shape_caption(e->text, len))
		return 0;
	if (shape_editors(e->text, len, NULL, NULL) < len)
		return 0;
	/* a title is one phrase: a full stop inside means a paragraph */
	if (strstr(e->text, "。") != NULL)
		return 0;
	return 1;
}

static int
columnish(const struct elem *e)
{
	return is_text(e) && e->level != LEVEL_LEADIN &&
	    shape_column_name(e->text, len_of(e));
}

/* What follows a title: body text, not another title-like line. */
static int
bodyish(const struct elem *e)
{
	if (e == NULL)
		return 0;
	if (e->kind == EL_TABLE)
		return 1;
	if (e->kind != EL_LINE)
		return e->kind == EL_HEADING && shape_enum(e->text, len_of(e));
	return date_lead(e) || !titleish(e) || shape_enum(e->text, len_of(e));
}

static void
new_column(struct builder *b, const struct elem *e)
{
	b->sec = doc_column_add(b->is, e->text, e->line);
	diag_msg(MSG_COLUMN, b->is->source, e->line, 0, "%s", e->text);
	b->art = NULL;
	b->expect_title = 1;
}

static void
new_article(struct builder *b, const struct elem *e)
{
	if (b->sec == NULL) {
		b->sec = doc_column_add(b->is, "正文", 0);
		diag_msg(MSG_COLUMN, b->is->source, e->line, 0,
		    "正文, as no column name comes before the first article");
	}
	b->art = doc_article_add(b->sec, e->text, e->line);
	b->expect_title = 0;
	b->body = 0;
}

static void
set_authors(struct builder *b, char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (b->art != NULL)
			VEC_PUSH(b->art->authors, b->art->nauthors,
			    b->art->authorscap, names[i]);
		else
			free(names[i]);
	}
	free(names);
	b->expect_title = 1;
	if (b->art != NULL && b->is->ncolumns > 0) {
		b->credited_sec = b->is->ncolumns - 1;
		b->credited_n = b->sec->narticles;
		b->credited_blocks = b->art->nblocks;
	}
}

/*
 * A numbered lead-in set on a line of its own (（1）数字技术标准化。):
 * one short sentence, a paragraph under it that is no item of the same
 * numbering or a higher one, and no item of its numbering before it, as
 * the last item of a list would have.  Items of a lower numbering under
 * it (1、… over ①…②…) are its text.
 */
static int
leadin(const struct builder *b, const struct elem *e, const struct elem *next)
{
	const struct block *last;
	size_t len;
	int kind, nk;

	len = len_of(e);
	kind = shape_enum_kind(e->text, len);
	if (!(e->flags & EF_STANDALONE) || kind == 0 ||
	    !text_ends(e->text, len, "。") || text_has(e->text, len - 3, "。") ||
	    text_cols(e->text, len) > LEADIN_MAX_COLS)
		return 0;
	if (next == NULL || next->kind != EL_LINE ||
	    (next->flags & EF_STANDALONE))
		return 0;
	nk = shape_enum_kind(next->text, len_of(next));
	if (nk != 0 && nk <= kind)	/* a sibling, or a higher level */
		return 0;
	last = b->art->nblocks > 0 ? &b->art->blocks[b->art->nblocks - 1] :
	    NULL;
	return last == NULL || last->type != BLOCK_PARAGRAPH ||
	    shape_enum_kind(last->text, strlen(last->text)) != kind;
}

static void
add_text(struct builder *b, const struct elem *e, const struct elem *next)
{
	size_t len;
	int cols;

	len = len_of(e);
	cols = text_cols(e->text, len);
	if (e->kind == EL_HEADING || shape_caption(e->text, len) ||
	    ((e->flags & EF_STANDALONE) && cols <= HEADING_MAX_COLS &&
	    !shape_ends_sentence(e->text, len) &&
	    !shape_ends_clause(e->text, len)) || leadin(b, e, next))
		doc_block_add(b->art, BLOCK_HEADING, e->text, e->line);
	else
		doc_block_add(b->art, BLOCK_PARAGRAPH, e->text, e->line);
	b->body = 1;
}

/*
 * The colophon on the back cover (主 办：…, 地 址：…, 编辑部): where the
 * articles end.
 */
static int
colophon(const struct elem *e)
{
	static const char *const labels[] = {
		"主办：", "主办:", "地址：", "电话：", "邮箱：", "传真：", "网址：",
		"主编：", "E-mail", "Email"
	};
	char *c;
	size_t i;
	int hit;

	if (e == NULL || !is_text(e))
		return 0;
	c = text_unspaced(e->text);	/* labels are letter-spaced: 主    办： */
	hit = 0;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (text_starts(c, labels[i]))
			hit = 1;
	if (text_ends(c, strlen(c), "编辑部"))
		hit = 1;
	free(c);
	return hit;
}

/* A line that repeats the running header or the article's title. */
static int
furniture(const struct builder *b, const struct elem *e)
{
	if (b->el->header != NULL && strcmp(e->text, b->el->header) == 0)
		return 1;
	return b->art != NULL && b->body && (e->flags & EF_STANDALONE) &&
	    strcmp(e->text, b->art->title) == 0;
}

static void
take_text(struct builder *b, size_t i)
{
	const struct elem *e = &b->el->v[i], *next, *after;
	char **names;
	size_t nnames, off, len;
	char *body;
	int newtitle;

	len = len_of(e);
	if (furniture(b, e) || shape_toc_entry(e->text, len))
		return;
	off = shape_editors(e->text, len, &names, &nnames);
	if (off < len && b->art != NULL) {
		if (off > 0) {
			body = text_squeeze(e->text, off);
			if (*body != '\0')
				doc_block_add(b->art, BLOCK_PARAGRAPH, body,
				    e->line);
			free(body);
		}
		set_authors(b, names, nnames);
		return;
	}
	free_strings(names, nnames);

	next = peek(b, i);
	after = NULL;
	if (next != NULL) {
		size_t j = (size_t)(next - b->el->v);

		after = peek(b, j);
	}
	/*
	 * The back cover: what follows the last article's editors, up to
	 * the colophon, is no article even where it looks like one.
	 */
	if (b->art != NULL && (colophon(e) || (b->expect_title &&
	    colophon(next)))) {
		if (b->credited_n > 0)
			doc_truncate(b->is, b->credited_sec, b->credited_n,
			    b->credited_blocks);
		diag_msg(MSG_BACK_MATTER, b->is->source, e->line, 0, NULL);
		b->done = 1;
		return;
	}
	if (columnish(e) && (b->expect_title || b->art == NULL ||
	    date_lead(after)) && titleish(next) && bodyish(after)) {
		new_column(b, e);
		return;
	}
	newtitle = titleish(e) && (headingish(e) ? 1 :
	    ((b->expect_title || b->art == NULL) && bodyish(next)) ||
	    ((e->flags & EF_STANDALONE) && date_lead(next)));
	if (newtitle) {
		new_article(b, e);
		return;
	}
	if (b->art == NULL) {
		doc_drop(b->is, MSG_BEFORE_FIRST, e->line, e->text);
		return;
	}
	add_text(b, e, next);
}

/*
 * Back matter with no colophon (a description of the product series):
 * where most articles end with their editors, what follows the last of
 * them and opens with no date is no article.
 */
static void
undated_tail(struct builder *b)
{
	struct issue *is = b->is;
	const struct article *a;
	const char *p;
	size_t s, i, total, credited, n;

	if (b->credited_n == 0)
		return;
	total = credited = 0;
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++) {
			a = &is->columns[s].articles[i];
			n = s < b->credited_sec || (s == b->credited_sec &&
			    i < b->credited_n);
			if (n) {
				total++;
				credited += a->nauthors > 0;
				continue;
			}
			p = doc_first_paragraph(a);
			if (a->nauthors > 0 || (p != NULL &&
			    shape_date_lead(p, strlen(p))))
				return;		/* an article after all */
		}
	if (credited * 2 >= total)
		doc_truncate(is, b->credited_sec, b->credited_n,
		    b->credited_blocks);
}

void
bulletin_build(const struct elemlist *el, const struct cover *c,
    struct issue *is, struct notepool *notes)
{
	struct builder b;
	const struct elem *e;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.el = el;
	b.is = is;
	b.notes = notes;
	b.expect_title = 1;
	for (i = c->start; i < el->n && !b.done; i++) {
		e = &el->v[i];
		switch (e->kind) {
		case EL_NOTE:
			notes_add(notes, e, is);
			break;
		case EL_TABLE:
			if (b.art != NULL) {
				doc_block_add(b.art, BLOCK_TABLE, e->text,
				    e->line);
				b.body = 1;
			}
			break;
		case EL_HEADING:
			/* Back matter: a top heading that is no column. */
			if (e->level == 1 && b.art != NULL && !columnish(e)) {
				diag_msg(MSG_BACK_MATTER, is->source, e->line,
				    0, NULL);
				return;
			}
			/* FALLTHROUGH */
		case EL_LINE:
			take_text(&b, i);
			break;
		}
	}
	if (!b.done)
		undated_tail(&b);
}

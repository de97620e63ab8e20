/*
 * Tables whose columns a PDF extraction flattened: a header of two to
 * four short words alone on a line, then rows whose cells are narrow
 * lines (the left column, wrapped at its width) and wider lines (the
 * items, wrapped at theirs).  A PDF viewer's copy keeps the columns
 * apart with tabs instead: a row a line.  The rows come out as an
 * EL_TABLE element: rows by '\n', cells by '\t'.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "import-elem.h"
#include "import-lines.h"
#include "import-ptable.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

static void
add_cell(struct buf *b, const struct buf *cell)
{
	char *text;

	text = text_squeeze(buf_str(cell), cell->len);
	buf_adds(b, text);
	free(text);
}

static void
row_flush(struct ptable *t)
{
	struct ptable_row *r = &t->row;
	size_t i;

	if (r->left.len == 0 && r->nitems == 0)
		return;
	if (t->text.len > 0)
		buf_addc(&t->text, '\n');
	t->rows++;
	add_cell(&t->text, &r->left);
	for (i = 0; i < r->nitems || i == 0; i++) {
		if (i > 0)
			buf_addc(&t->text, '\n');
		buf_addc(&t->text, '\t');
		if (i < r->nitems)
			add_cell(&t->text, &r->items[i]);
	}
	for (i = 0; i < r->nitems; i++)
		buf_free(&r->items[i]);
	free(r->items);
	buf_free(&r->left);
	memset(r, 0, sizeof(*r));
}

void
ptable_end(struct ptable *t, const struct lines *L, struct elemlist *out)
{
	row_flush(t);
	if (t->text.len > 0) {
		elem_add(out, EL_TABLE, t->text.s, t->line, 0);
		diag_msg(MSG_TABLE_REBUILT, L->path, t->line, 1,
		    "%zu rows", t->rows);
	}
	buf_truncate(&t->text, 0);
	t->active = 0;
}

/* One Chinese character: half of a letter-spaced word (建 议). */
static int
letter(const char *s, size_t len)
{
	int n;

	return text_is_cjk(text_first(s, len, &n)) && (size_t)n == len;
}

/*
 * The header's words, a cell each: split at white space, but the
 * letters of a letter-spaced word (建 议) stay one word.
 */
static void
header_cells(struct buf *b, const struct phys *p)
{
	const char *w, *prev;
	size_t k, len, prevlen;

	prev = NULL;
	prevlen = 0;
	for (k = 0; k < p->len; ) {
		while (k < p->len && (p->s[k] == ' ' || p->s[k] == '\t'))
			k++;
		if (k == p->len)
			break;
		w = p->s + k;
		while (k < p->len && p->s[k] != ' ' && p->s[k] != '\t')
			k++;
		len = (size_t)(p->s + k - w);
		if (prev != NULL && !(letter(prev, prevlen) && letter(w, len)))
			buf_addc(b, '\t');
		buf_add(b, w, len);
		prev = w;
		prevlen = len;
	}
}

static int
has_tab(const struct phys *p)
{
	return memchr(p->s, '\t', p->len) != NULL;
}

/*
 * A row whose cells tabs part: a row of its own, whole on its line.  The
 * tabs it begins with stand for its first cells, empty (a cell spanning
 * rows above: the PDF reader writes such rows).
 */
static void
tab_row(struct ptable *t, const struct phys *p)
{
	const char *s, *tab, *end;
	struct buf cell = { 0 };
	unsigned k;

	row_flush(t);
	if (t->text.len > 0)
		buf_addc(&t->text, '\n');
	t->rows++;
	for (k = 0; k < p->leadtabs; k++)
		buf_addc(&t->text, '\t');
	end = p->s + p->len;
	for (s = p->s; ; s = tab + 1) {
		if ((tab = memchr(s, '\t', (size_t)(end - s))) == NULL)
			tab = end;
		buf_truncate(&cell, 0);
		buf_add(&cell, s, (size_t)(tab - s));
		if (s > p->s)
			buf_addc(&t->text, '\t');
		add_cell(&t->text, &cell);
		if (tab == end)
			break;
	}
	buf_free(&cell);
}

/*
 * A table begins with two lines running that have a tab in them, or
 * with a header of two to four short words, alone on a line, and a
 * narrow first cell under it.  Its cells are then narrow lines (the
 * left column) and wider ones (the items); the widest item line within
 * reach gives the width at which items wrap.
 */
int
ptable_start(struct ptable *t, const struct lines *L, size_t i)
{
	const struct phys *p = &L->p[i], *q;
	size_t k, j;
	int n;

	if ((j = lines_next_body(L, i)) == LINES_NONE)
		return 0;
	t->tabbed = 0;
	if (has_tab(p) && has_tab(&L->p[j])) {
		t->active = t->tabbed = 1;
		t->rownum = 0;
		t->rows = 0;
		t->line = p->no;
		t->itemw = L->width;
		tab_row(t, p);
		return 1;
	}
	if (!shape_table_header(p->s, p->len) || p->cols > L->width / 2)
		return 0;
	t->narrow = L->width * 45 / 100;
	t->itemw = 0;
	for (k = j, n = 0; k != LINES_NONE && n < 80; k = lines_next_body(L, k), n++) {
		q = &L->p[k];
		if (shape_starts_block(q->s, q->len) ||
		    shape_table_header(q->s, q->len) ||
		    (q->cols > t->narrow && q->cols > L->width + 2))
			break;		/* a block, or notes: the table is over */
		if (q->cols > t->narrow && shape_ends_sentence(q->s, q->len) &&
		    q->cols >= L->width - 2)
			break;		/* a paragraph's end */
		if (q->cols > t->narrow && q->cols > t->itemw)
			t->itemw = q->cols;
	}
	if (t->itemw == 0)
		return 0;
	t->spaced = L->blankmode && L->p[j].blank;
	t->active = 1;
	t->rownum = 0;
	t->rows = 0;
	t->line = p->no;
	header_cells(&t->text, p);
	return 1;
}

/* The number that opens a numbered row (1 为战略性…), or 0. */
static int
row_number(const struct phys *p)
{
	size_t k;

	for (k = 0; k < p->len && k < 3 && p->s[k] >= '0' && p->s[k] <= '9';
	    k++)
		;
	if (k == 0 || k == p->len || p->s[k] != ' ')
		return 0;
	return atoi(p->s);
}

/* Whether the cell that line i ends goes on to the next line. */
static int
cell_open(const struct ptable *t, const struct lines *L, size_t i,
    int narrow)
{
	const struct phys *p = &L->p[i], *q;
	size_t j;

	if (L->trailmode)
		return !p->trail;
	if ((j = lines_next_body(L, i)) == LINES_NONE)
		return 0;
	q = &L->p[j];
	if (L->blankmode && q->blank)
		return 0;
	if (narrow)
		return q->cols <= t->narrow;
	/* a full item line goes on, though the rest be short */
	return lines_full(p, p->cols, q, t->itemw);
}

int
ptable_take(struct ptable *t, const struct lines *L, size_t i,
    struct elemlist *out)
{
	const struct phys *p = &L->p[i];
	struct ptable_row *r = &t->row;
	struct buf empty = { 0 };
	size_t k;
	int narrow, n;

	if (p->tabbed) {
		tab_row(t, p);
		r->item_open = r->left_open = 0;
		return 1;
	}
	if (t->tabbed) {		/* a line without tabs ends such a table */
		ptable_end(t, L, out);
		return 0;
	}
	narrow = p->cols <= t->narrow;
	/* what ends a table whatever cell is open */
	if (shape_editors(p->s, p->len, NULL, NULL) < p->len ||
	    shape_table_header(p->s, p->len) || shape_caption(p->s, p->len)) {
		ptable_end(t, L, out);
		return 0;
	}
	if (!r->item_open && !r->left_open) {
		if (shape_enum(p->s, p->len) || p->cols > t->itemw + 4 ||
		    (L->blankmode && p->blank && !narrow && !t->spaced)) {
			ptable_end(t, L, out);
			return 0;
		}
	}
	if ((n = row_number(p)) > 0 && n == t->rownum + 1) {
		/* a numbered row: 7 与盟友和合作伙伴合作… */
		row_flush(t);
		t->rownum = n;
		k = 0;
		while (k < p->len && p->s[k] != ' ')
			k++;
		buf_add(&r->left, p->s, k);
		while (k < p->len && p->s[k] == ' ')
			k++;
		VEC_PUSH(r->items, r->nitems, r->itemscap, empty);
		buf_add(&r->items[0], p->s + k, p->len - k);
		r->item_open = cell_open(t, L, i, 0);
	} else if (r->item_open) {
		text_join(&r->items[r->nitems - 1], p->s, p->len, 0);
		r->item_open = cell_open(t, L, i, 0);
	} else if (r->left_open && narrow) {
		text_join(&r->left, p->s, p->len, 0);
		r->left_open = cell_open(t, L, i, 1);
	} else if (narrow && !r->left_open) {
		row_flush(t);
		buf_add(&r->left, p->s, p->len);
		r->left_open = cell_open(t, L, i, 1);
	} else {
		VEC_PUSH(r->items, r->nitems, r->itemscap, empty);
		buf_add(&r->items[r->nitems - 1], p->s, p->len);
		r->item_open = cell_open(t, L, i, 0);
		r->left_open = 0;
	}
	return 1;
}

void
ptable_free(struct ptable *t)
{
	size_t i;

	for (i = 0; i < t->row.nitems; i++)
		buf_free(&t->row.items[i]);
	free(t->row.items);
	buf_free(&t->row.left);
	buf_free(&t->text);
	memset(t, 0, sizeof(*t));
}

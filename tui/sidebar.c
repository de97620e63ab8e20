/*
 * The sidebar: the rows of the tree (or the search results) that fit,
 * each cut and padded to the exact width so the border stays straight.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "msg.h"
#include "sanitize.h"
#include "tree.h"
#include "ui.h"
#include "wrap.h"

/* Keeps the cursor on screen, scrolling as little as possible. */
static void
follow(struct ui *ui)
{
	size_t cur, h;

	cur = tree_cursor(ui->tree);
	h = ui->body_h > 0 ? (size_t)ui->body_h : 1;
	if (cur < ui->side_top)
		ui->side_top = cur;
	else if (cur >= ui->side_top + h)
		ui->side_top = cur - h + 1;
}

/*
 * A result's date, short enough to leave the title room: the year and
 * month of a dated issue (2021-08-05: 21-08), else the year, padded to
 * the same width so that the titles line up.
 */
static void
short_date(struct buf *b, const char *date)
{
	size_t n = date != NULL ? strlen(date) : 0;

	if (n == 10 && date[4] == '-' && date[7] == '-')
		buf_printf(b, "%.2s-%.2s", date + 2, date + 5);
	else
		buf_printf(b, "%-5.*s", n > 5 ? 5 : (int)n, n ? date : "");
}

/*
 * A row, exactly width columns: its marks, its label (cut with an
 * ellipsis where it does not fit) and its count.
 */
static void
row_text(struct ui *ui, const struct trow *r, struct buf *out, int width)
{
	struct buf b = { 0 }, tail = { 0 };
	char *label;
	int tw;

	if (tree_is_search(ui->tree)) {
		buf_printf(&b, "%c%c", r->flagged ? '!' : ' ',
		    r->read ? ' ' : '*');
		short_date(&b, r->issue_label);
		buf_addc(&b, ' ');
	} else {
		buf_printf(&b, "%*s", r->depth * 2, "");
		if (r->kind == TR_ARTICLE)
			buf_printf(&b, "%c%c", r->flagged ? '!' : ' ',
			    r->read ? ' ' : '*');
		else if (r->kind == TR_VIEW)
			buf_adds(&b, "= ");
		else
			buf_printf(&b, "%c ", r->expanded ? '-' : '+');
	}
	if (r->kind != TR_ARTICLE) {
		if (r->unread < r->n)	/* 0/n: all read, not "none" */
			buf_printf(&tail, " %d/%d", r->unread, r->n);
		else
			buf_printf(&tail, " %d", r->n);
	}
	buf_adds(&b, r->label);
	label = sanitize_text(b.s, b.len, 0);
	tw = wrap_width(buf_str(&tail), tail.len);
	wrap_cut(out, label, strlen(label), width - tw);
	buf_adds(out, buf_str(&tail));
	free(label);
	buf_free(&b);
	buf_free(&tail);
}

void
sidebar_draw(struct ui *ui)
{
	struct buf line = { 0 };
	struct trow r;
	const char *e;
	size_t i, cur;
	int y, width;
	attr_t a;

	follow(ui);
	cur = tree_cursor(ui->tree);
	width = getmaxx(ui->wside);
	for (y = 0; y < ui->body_h; y++) {
		i = ui->side_top + (size_t)y;
		wmove(ui->wside, y, 0);
		if (!tree_row(ui->tree, i, &r)) {
			/* nothing under the views: say so where it would be */
			if (y == 0 || i == tree_nviews(ui->tree)) {
				wattrset(ui->wside, ui->look[LOOK_META]);
				e = msg(tree_is_search(ui->tree) ?
				    MSG_EMPTY_RESULTS : MSG_EMPTY_TREE);
				buf_truncate(&line, 0);
				wrap_cut(&line, e, strlen(e), width);
				waddnstr(ui->wside, line.s, (int)line.len);
			}
			wattrset(ui->wside, A_NORMAL);
			wclrtoeol(ui->wside);
			continue;
		}
		buf_truncate(&line, 0);
		row_text(ui, &r, &line, width);
		a = A_NORMAL;
		if (r.kind == TR_ISSUE || (r.kind == TR_VIEW && r.unread > 0))
			a = A_BOLD;
		else if (r.kind == TR_ARTICLE && !r.read)
			a = A_BOLD;
		if (i == cur)
			a = ui->focus == PANE_SIDE ? ui->look[LOOK_SELECT] :
			    a | A_UNDERLINE;
		wattrset(ui->wside, a);
		waddnstr(ui->wside, line.s, (int)line.len);
		wattrset(ui->wside, A_NORMAL);
		wclrtoeol(ui->wside);
	}
	buf_free(&line);
	wnoutrefresh(ui->wside);
}

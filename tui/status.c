/*
 * The status line: where you are (issue · column · article n/m ·
 * scroll %), the active filters and search, or a one-time message.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "render.h"
#include "sanitize.h"
#include "tree.h"
#include "ui.h"
#include "wrap.h"
#include "xmalloc.h"

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	va_end(ap);
	free(ui->msg);
	ui->msg = s;
	ui->msg_error = error;
	ui->dirty |= DIRTY_STATUS;
}

/* The issue's label, cut to a third of the line: the rest matters. */
static void
issue_part(struct ui *ui, struct buf *b, const char *label)
{
	char *s;
	size_t n;

	s = sanitize_text(label, strlen(label), 0);
	n = wrap_fit(s, strlen(s), ui->cols / 3, NULL);
	buf_add(b, s, n);
	if (n < strlen(s))
		buf_adds(b, "…");
	free(s);
}

static void
where(struct ui *ui, struct buf *b)
{
	struct trow r;
	int pos, count, pct;
	size_t rows;

	if (ui->focus == PANE_ART && ui->have_art) {
		char *issue = render_issue_label(ui->art.issue_date,
		    ui->art.issue_year, ui->art.issue_number,
		    ui->art.issue_title);

		issue_part(ui, b, issue);
		buf_printf(b, " · %s", ui->art.section);
		free(issue);
		tree_article_pos(ui->tree, tree_cursor(ui->tree), &pos,
		    &count);
		if (count > 0)
			buf_printf(b, " · %d/%d", pos, count);
		if (ui->r != NULL) {
			rows = ui->r->nlines > (size_t)ui->body_h ?
			    ui->r->nlines - (size_t)ui->body_h : 0;
			pct = rows == 0 ? 100 : (int)(ui->scroll * 100 / rows);
			buf_printf(b, " · %d%%", pct > 100 ? 100 : pct);
		}
		return;
	}
	if (!tree_row(ui->tree, tree_cursor(ui->tree), &r)) {
		buf_adds(b, tree_is_search(ui->tree) ? "no results" :
		    "no issues");
		return;
	}
	if (tree_is_search(ui->tree)) {
		buf_printf(b, "result %zu/%zu", tree_cursor(ui->tree) + 1,
		    tree_total(ui->tree));
		return;
	}
	issue_part(ui, b, r.issue_label ? r.issue_label : "");
	if (r.kind == TR_ARTICLE) {
		tree_article_pos(ui->tree, tree_cursor(ui->tree), &pos,
		    &count);
		buf_printf(b, " · %s · %d/%d", r.section ? r.section : "",
		    pos, count);
	} else if (r.kind == TR_SECTION)
		buf_printf(b, " · %s", r.label);
	else
		buf_printf(b, " · %zu issues", tree_total(ui->tree));
}

static void
filters(struct ui *ui, struct buf *b)
{
	if (ui->country_name != NULL)
		buf_printf(b, " [国家 %s%s]", ui->country_name,
		    ui->filter.mentions ? " +提及" : "");
	if (ui->theme_name != NULL)
		buf_printf(b, " [主题 %s]", ui->theme_name);
	if (ui->filter.flagged)
		buf_adds(b, " [flagged]");
	if (ui->search_text != NULL)
		buf_printf(b, " [/%s %zu]", ui->search_text,
		    tree_total(ui->tree));
	buf_adds(b, "  ?:help");
}

void
status_draw(struct ui *ui)
{
	struct buf left = { 0 }, right = { 0 }, line = { 0 };
	char *l, *r;
	int rw;

	if (ui->msg != NULL)
		buf_adds(&left, ui->msg);
	else
		where(ui, &left);
	filters(ui, &right);
	l = sanitize_text(buf_str(&left), left.len, 0);
	r = sanitize_text(buf_str(&right), right.len, 0);
	rw = wrap_width(r, strlen(r));
	if (rw > ui->cols / 2)
		rw = 0;		/* too narrow: the position matters more */
	wrap_pad(&line, l, strlen(l), ui->cols - rw - 1);
	if (rw > 0)
		buf_adds(&line, r);
	werase(ui->wstatus);
	wattrset(ui->wstatus, ui->msg && ui->msg_error ?
	    ui->look[LOOK_ERROR] : ui->look[LOOK_STATUS]);
	/* the last cell is left alone: writing it may scroll some terminals */
	mvwaddnstr(ui->wstatus, 0, 0, line.s, (int)wrap_fit(line.s, line.len,
	    ui->cols - 1, NULL));
	wattrset(ui->wstatus, A_NORMAL);
	wnoutrefresh(ui->wstatus);
	free(l);
	free(r);
	buf_free(&left);
	buf_free(&right);
	buf_free(&line);
}

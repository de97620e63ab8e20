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
#include "expr.h"
#include "msg.h"
#include "render.h"
#include "sanitize.h"
#include "tree.h"
#include "ui.h"
#include "wrap.h"
#include "xmalloc.h"

static void
set_message(struct ui *ui, int error, const char *fmt, va_list ap)
{
	struct buf b = { 0 };

	buf_vprintf(&b, fmt, ap);
	free(ui->msg);
	ui->msg = buf_take(&b);
	ui->msg_error = error;
	ui->dirty |= DIRTY_STATUS;
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(ui, error, fmt, ap);
	va_end(ap);
}

void
ui_say(struct ui *ui, int error, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	set_message(ui, error, msg(id), ap);
	va_end(ap);
}

/* The number of issues or results, or "…" while it is being counted. */
static void
add_total(struct buf *b, struct tree *t)
{
	size_t n;

	if (tree_total(t, &n))
		buf_printf(b, "%zu", n);
	else
		buf_adds(b, "…");
}

/* "14 articles", "1 article". */
static void
add_articles(struct buf *b, int n)
{
	buf_printf(b, msg_count(MSG_ONE_ARTICLE, MSG_N_ARTICLES, n), n);
}

/*
 * Where the reader is: what it is on (*head: the issue, or in the
 * sidebar the full title of the row, which is cut first when the line
 * is narrow) and where that is (*rest: column, article n/m, scroll %).
 */
static void
where(struct ui *ui, struct buf *head, struct buf *rest)
{
	struct buf total = { 0 };
	struct trow r;
	int pos, count, pct, have;
	size_t rows;
	char *label;

	have = tree_row(ui->tree, tree_cursor(ui->tree), &r);
	if (ui->focus == PANE_ART && ui->have_art) {
		/* the issue as the sidebar labels it, when it is the row's */
		if (have && r.kind == TR_ARTICLE && r.id == ui->art.id &&
		    !tree_is_search(ui->tree))
			buf_adds(head, r.issue_label);
		else {
			label = render_issue_label(ui->art.issue_date,
			    ui->art.issue_year, ui->art.issue_number,
			    ui->art.issue_title, ui->art.guide);
			buf_adds(head, label);
			free(label);
		}
		buf_printf(rest, " · %s", ui->art.column);
		tree_article_pos(ui->tree, tree_cursor(ui->tree), &pos,
		    &count);
		if (count > 0)
			buf_printf(rest, " · %d/%d", pos, count);
		else if (count < 0)
			buf_printf(rest, " · %d/…", pos);
		if (ui->r != NULL) {
			rows = ui->r->nlines > (size_t)ui->body_h ?
			    ui->r->nlines - (size_t)ui->body_h : 0;
			pct = rows == 0 ? 100 : (int)(ui->scroll * 100 / rows);
			buf_printf(rest, " · %d%%", pct > 100 ? 100 : pct);
		}
		return;
	}
	if (!have) {
		buf_adds(rest, msg(tree_is_search(ui->tree) ? MSG_NO_RESULTS :
		    MSG_NO_ISSUES));
		return;
	}
	if (tree_is_search(ui->tree)) {
		/* the result's place first: its title follows, cut if need be */
		buf_printf(rest, msg(MSG_RESULT_N), r.pos);
		add_total(rest, ui->tree);
		buf_adds(rest, " · ");
		buf_adds(head, r.label);
		return;
	}
	switch (r.kind) {
	case TR_VIEW:
		/* the view: its name and what it shows */
		buf_adds(head, r.label);
		buf_printf(rest, " · %s", r.key);
		break;
	case TR_ARTICLE:
		buf_adds(head, r.label);
		tree_article_pos(ui->tree, tree_cursor(ui->tree), &pos,
		    &count);
		buf_printf(rest, " · %s · %d/%d", r.column ? r.column : "",
		    pos, count);
		break;
	case TR_COLUMN:
		buf_adds(head, r.issue_label);
		buf_printf(rest, " · %s", r.label);
		break;
	default:
		/* the issue: its full name, its size, and which it is */
		buf_adds(head, r.label);
		buf_adds(rest, " · ");
		add_articles(rest, r.n);
		add_total(&total, ui->tree);
		buf_adds(rest, " · ");
		buf_printf(rest, msg(MSG_ISSUE_N), r.pos, buf_str(&total));
	}
	buf_free(&total);
}

void
status_filters(struct ui *ui, struct buf *b)
{
	char *e;

	if (ui->country_name != NULL)
		buf_printf(b, msg(MSG_FILTER_COUNTRY), ui->country_name,
		    ui->filter.mentions ? msg(MSG_MENTIONS_TAG) : "");
	if (ui->theme_name != NULL)
		buf_printf(b, msg(MSG_FILTER_THEME), ui->theme_name);
	if (ui->filter.flagged)
		buf_adds(b, msg(MSG_FILTER_FLAGGED));
	if (ui->filter.expr != NULL) {
		e = expr_string(ui->filter.expr);
		buf_printf(b, msg(MSG_FILTER_EXPR), e);
		free(e);
	}
	if (ui->filter.typed != NULL) {
		buf_printf(b, " [/%s ", ui->filter.typed);
		add_total(b, ui->tree);
		buf_adds(b, "]");
	}
	if (ui->find != NULL)
		buf_printf(b, msg(MSG_FILTER_FIND), ui->find, ui->r != NULL ?
		    ui->r->noccs : 0);
}

/* s, sanitised, cut to cols with an ellipsis when it is longer. */
static void
add_cut(struct buf *out, const char *s, size_t len, int cols)
{
	char *clean;
	int w;

	clean = sanitize_text(s, len, 0);
	w = wrap_width(clean, strlen(clean));
	if (w <= cols)
		buf_adds(out, clean);
	else if (cols > 1) {
		/* no padding: what follows comes right after the … */
		buf_add(out, clean, wrap_fit(clean, strlen(clean), cols - 1,
		    NULL));
		buf_adds(out, "…");
	}
	free(clean);
}

void
status_draw(struct ui *ui)
{
	struct buf head = { 0 }, rest = { 0 }, right = { 0 }, line = { 0 };
	const char *hint, *trouble;
	char *r;
	int width, rw, filw, restw, markx;

	width = ui->cols - 1;	/* the last cell may scroll some terminals */
	if (ui->msg != NULL)
		buf_adds(&rest, ui->msg);
	else
		where(ui, &head, &rest);
	status_filters(ui, &right);
	/* the state's trouble ends the filters */
	if ((trouble = ui_state_trouble(ui)) != NULL)
		buf_adds(&right, trouble);
	r = sanitize_text(buf_str(&right), right.len, 0);
	rw = filw = wrap_width(r, strlen(r));
	restw = wrap_width(buf_str(&rest), rest.len);
	hint = msg(MSG_HELP_HINT);
	rw += wrap_width(hint, strlen(hint));
	/*
	 * The place first, then the filters, then the full name; the
	 * state's mark stays whatever else has to go.
	 */
	if (restw + rw > width - 6) {
		free(r);
		r = xstrdup(trouble != NULL ? trouble : "");
		rw = filw = wrap_width(r, strlen(r));
		hint = "";
	}
	/* in the sidebar, the row's name follows the result's place */
	if (ui->msg == NULL && tree_is_search(ui->tree) &&
	    ui->focus == PANE_SIDE) {
		add_cut(&line, buf_str(&rest), rest.len, width - rw);
		add_cut(&line, buf_str(&head), head.len, width - rw -
		    wrap_width(buf_str(&line), line.len));
	} else {
		add_cut(&line, buf_str(&head), head.len, width - rw - restw);
		add_cut(&line, buf_str(&rest), rest.len, width - rw -
		    wrap_width(buf_str(&line), line.len));
	}
	markx = -1;
	{
		struct buf padded = { 0 };

		wrap_pad(&padded, buf_str(&line), line.len, width - rw);
		if (rw > 0) {
			/* the trouble starts with a space */
			if (trouble != NULL)
				markx = width - rw + filw - wrap_width(trouble,
				    strlen(trouble)) + 1;
			buf_adds(&padded, r);
			buf_adds(&padded, hint);
		}
		buf_free(&line);
		line = padded;
	}
	werase(ui->wstatus);
	wattrset(ui->wstatus, ui->msg && ui->msg_error ?
	    ui->look[LOOK_ERROR] : ui->look[LOOK_STATUS]);
	mvwaddnstr(ui->wstatus, 0, 0, buf_str(&line), (int)wrap_fit(
	    buf_str(&line), line.len, width, NULL));
	if (trouble != NULL && markx >= 0) {
		/* the state's trouble stands out for as long as it lasts */
		wattrset(ui->wstatus, ui->look[LOOK_ERROR]);
		mvwaddstr(ui->wstatus, 0, markx, trouble + 1);
	}
	wattrset(ui->wstatus, A_NORMAL);
	wnoutrefresh(ui->wstatus);
	free(r);
	buf_free(&head);
	buf_free(&rest);
	buf_free(&right);
	buf_free(&line);
}

/*
 * Filter expressions and saved views: :filter applies an expression
 * (expr.h) over the country, theme and flag shorthands, :view keeps one
 * under a name in the state, listed at the top of the sidebar.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "db-read.h"
#include "expr.h"
#include "msg.h"
#include "prompt.h"
#include "ui.h"
#include "xmalloc.h"

/* The filter as one expression: the shorthands' parts, then its own. */
static char *
view_current(struct ui *ui)
{
	struct buf b = { 0 };
	char *s, *q;

	buf_adds(&b, "");
	if (ui->country_name != NULL) {
		q = cmd_quote(ui->country_name);
		buf_printf(&b, "country:%s ", q);
		free(q);
	}
	if (ui->theme_name != NULL) {
		q = cmd_quote(ui->theme_name);
		buf_printf(&b, "theme:%s ", q);
		free(q);
	}
	if (ui->filter.flagged)
		buf_adds(&b, "is:flagged ");
	if (ui->filter.expr != NULL) {
		s = expr_string(ui->filter.expr);
		if (ui->filter.expr->kind == EX_OR && b.len > 0)
			buf_printf(&b, "(%s)", s);
		else
			buf_adds(&b, s);
		free(s);
	}
	while (b.len > 0 && buf_str(&b)[b.len - 1] == ' ')
		buf_truncate(&b, b.len - 1);
	return buf_take(&b);
}

/*
 * Applies s as the whole filter: the shorthands it replaces are cleared
 * (the search stays).  -1 with err (col from 1 in s) if it is wrong.
 */
static int
view_apply(struct ui *ui, const char *s, struct expr_error *err)
{
	struct expr *e;

	if (dbr_expr_compile(ui->db, s, &e, err) == -1)
		return -1;
	expr_free(ui->filter.expr);
	ui->filter.expr = e;
	ui->filter.country = ui->filter.theme = 0;
	ui->filter.flagged = 0;
	free(ui->country_name);
	free(ui->theme_name);
	ui->country_name = ui->theme_name = NULL;
	ui_refilter(ui);
	return 0;
}

static void
accept_filter(struct ui *ui, struct prompt *p)
{
	struct expr_error err;

	if (view_apply(ui, buf_str(&p->text), &err) == -1) {
		ui_say(ui, 1, MSG_ERROR_AT, err.msg, err.col);
		free(err.msg);
	}
}

static int
exec_filter(struct ui *ui, struct cmd_args *a)
{
	struct expr_error err;
	struct prompt *p;
	char *now;
	int rc;

	if (a->argc == 0) {
		/* the filter as it is, to be edited */
		p = prompt_open(PROMPT_SEARCH, msg(MSG_PROMPT_FILTER), NULL, 0,
		    accept_filter);
		prompt_history(p, ui, "filter");
		now = view_current(ui);
		prompt_set_text(p, now);
		free(now);
		ui_prompt(ui, p);
		return 0;
	}
	if (view_apply(ui, cmd_rest(a, 0), &err) == -1) {
		rc = cmd_fail(a, 0, "%s", err.msg);
		/* where in the expression, not where it starts */
		a->err->col = a->col[0] + err.col - 1;
		free(err.msg);
		return rc;
	}
	return 0;
}

const struct cmd_entry cmd_view_table[] = {
	{ .name = "filter", .upper = -1, .usage = "[EXPRESSION]",
	  .help = "filter by an expression (country:jp year:2022.. …)",
	  .help_zh = "按表达式筛选（country:jp year:2022.. …）",
	  .exec = exec_filter },
	{ .name = NULL }
};

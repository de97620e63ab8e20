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
#include "db-state.h"
#include "expr.h"
#include "msg.h"
#include "prompt.h"
#include "tree.h"
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

/* The view called name, or NULL (caller frees with dbr_views_free). */
static const struct dbr_view *
find_view(struct ui *ui, const char *name, struct dbr_view **v, size_t *n)
{
	size_t i;

	*n = dbr_views(ui->db, v);
	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0)
			return &(*v)[i];
	return NULL;
}

int
view_open(struct ui *ui, const char *name)
{
	const struct dbr_view *view;
	struct expr_error err;
	struct dbr_view *v;
	size_t n;
	int rc;

	if ((view = find_view(ui, name, &v, &n)) == NULL) {
		ui_say(ui, 1, MSG_NO_VIEW, name);
		dbr_views_free(v, n);
		return -1;
	}
	/* the name may be the tree's, which applying the view rebuilds */
	name = view->name;
	if ((rc = view_apply(ui, view->expr, &err)) == -1) {
		ui_say(ui, 1, MSG_VIEW_BROKEN, name, err.msg, err.col);
		free(err.msg);
	} else
		ui_say(ui, 0, MSG_VIEW_OPEN, name);
	dbr_views_free(v, n);
	return rc;
}

/* Saves name as expression s (NULL: the filter as it is); i is the
 * argument s starts at, for the error's column. */
static int
view_add(struct ui *ui, struct cmd_args *a, const char *name, const char *s,
    int i)
{
	struct expr_error err;
	struct expr *e;
	char *text;
	int rc;

	if (*name == '\0' || name[strcspn(name, "\t\n\r")] != '\0')
		return cmd_say(a, i - 1, MSG_VIEW_BAD_NAME, name);
	if (dbr_expr_compile(ui->db, s != NULL ? s : "", &e, &err) == -1) {
		rc = cmd_fail(a, i, "%s", err.msg);
		a->err->col = a->col[i] + err.col - 1;
		free(err.msg);
		return rc;
	}
	text = s != NULL ? expr_string(e) : view_current(ui);
	expr_free(e);
	if (*text == '\0') {
		free(text);
		return cmd_say(a, i - 1, MSG_VIEW_EMPTY, name);
	}
	dbr_view_save(ui->db, name, text);
	free(text);
	ui_refilter(ui);
	ui_say(ui, 0, MSG_VIEW_SAVED, name);
	return 0;
}

static int
exec_view(struct ui *ui, struct cmd_args *a)
{
	const struct dbr_view *view;
	struct dbr_view *v;
	size_t n;

	if (strcmp(a->argv[0], "del") == 0 && a->argc == 2) {
		view = find_view(ui, a->argv[1], &v, &n);
		dbr_views_free(v, n);
		if (view == NULL)
			return cmd_say(a, 1, MSG_NO_VIEW, a->argv[1]);
		dbr_view_delete(ui->db, a->argv[1]);
		ui_refilter(ui);
		ui_say(ui, 0, MSG_VIEW_DELETED, a->argv[1]);
		return 0;
	}
	if (strcmp(a->argv[0], "add") == 0 && a->argc >= 2)
		return view_add(ui, a, a->argv[1], a->argc > 2 ?
		    cmd_rest(a, 2) : NULL, 2);
	if (a->argc >= 2)	/* view NAME EXPR, as the config writes it */
		return view_add(ui, a, a->argv[0], cmd_rest(a, 1), 1);
	view_open(ui, a->argv[0]);	/* it says what went wrong */
	return 0;
}

/* Tab: add, del and the views' names. */
static size_t
complete_views(struct ui *ui, int argi, char ***out)
{
	struct dbr_view *v;
	size_t n, i, k, cap;

	*out = NULL;
	k = cap = 0;
	if (argi > 1)
		return 0;
	if (argi == 0) {
		VEC_PUSH(*out, k, cap, xstrdup("add"));
		VEC_PUSH(*out, k, cap, xstrdup("del"));
	}
	n = dbr_views(ui->db, &v);
	for (i = 0; i < n; i++)
		VEC_PUSH(*out, k, cap, xstrdup(v[i].name));
	dbr_views_free(v, n);
	return k;
}

static const char *const sorts[] = { "issue", "date", "title" };

static int
exec_sort(struct ui *ui, struct cmd_args *a)
{
	size_t i;

	for (i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++)
		if (strcmp(a->argv[0], sorts[i]) == 0)
			break;
	if (i == sizeof(sorts) / sizeof(sorts[0]))
		return cmd_say(a, 0, MSG_SORT_BAD, a->argv[0]);
	tree_sort(ui->tree, (enum tree_sort)i);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
	ui_say(ui, 0, MSG_SORTED, msg(MSG_SORT_ISSUE + (int)i));
	return 0;
}

static size_t
complete_sorts(struct ui *ui, int argi, char ***out)
{
	size_t i, n = sizeof(sorts) / sizeof(sorts[0]);

	(void)ui;
	*out = NULL;
	if (argi != 0)
		return 0;
	*out = xcalloc(n + 1, sizeof(**out));
	for (i = 0; i < n; i++)
		(*out)[i] = xstrdup(sorts[i]);
	return n;
}

const struct cmd_entry cmd_view_table[] = {
	{ .name = "filter", .upper = -1, .usage = "[EXPRESSION]",
	  .help = "filter by an expression (country:jp year:2022.. …)",
	  .help_zh = "按表达式筛选（country:jp year:2022.. …）",
	  .exec = exec_filter },
	{ .name = "view", .lower = 1, .upper = -1,
	  .usage = "add NAME [EXPRESSION] | del NAME | NAME [EXPRESSION]",
	  .help = "save a filter as a view, delete one, or open one",
	  .help_zh = "保存筛选为视图、删除或打开视图",
	  .exec = exec_view, .complete = complete_views },
	{ .name = "sort", .lower = 1, .upper = 1, .usage = "date|issue|title",
	  .help = "order the articles by date, by issue or by title",
	  .help_zh = "文章排序：按日期、按期或按标题",
	  .exec = exec_sort, .complete = complete_sorts },
	{ .name = NULL }
};

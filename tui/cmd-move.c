/*
 * Moving: in the sidebar the cursor, in the article pane the text;
 * opening and leaving articles, and the focus.
 */
#include <stdlib.h>

#include "cmd.h"
#include "msg.h"
#include "render.h"
#include "tree.h"
#include "ui.h"

static void
cursor_by(struct ui *ui, long delta)
{
	size_t old;
	long c;

	old = tree_cursor(ui->tree);
	c = (long)old + delta;
	tree_set_cursor(ui->tree, c < 0 ? 0 : (size_t)c);
	if (tree_cursor(ui->tree) != old)
		ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

/* Moves the focused pane: the article's text or the sidebar's cursor. */
static void
move_by(struct ui *ui, long d)
{
	if (ui->focus == PANE_ART && ui->have_art)
		ui_scroll(ui, d);
	else
		cursor_by(ui, d);
}

static long
page(const struct ui *ui)
{
	return ui->body_h > 1 ? ui->body_h - 1 : 1;
}

/* Lines, pages or half pages: N (default 1) times unit, dir -1 or 1. */
static int
move_units(struct ui *ui, struct cmd_args *a, long unit, int dir)
{
	long n;

	if (cmd_number(a, 0, 1, 100000, 1, &n) == -1)
		return -1;
	move_by(ui, dir * n * unit);
	return 0;
}

static int
exec_move_down(struct ui *ui, struct cmd_args *a)
{
	return move_units(ui, a, 1, 1);
}

static int
exec_move_up(struct ui *ui, struct cmd_args *a)
{
	return move_units(ui, a, 1, -1);
}

static int
exec_page_down(struct ui *ui, struct cmd_args *a)
{
	return move_units(ui, a, page(ui), 1);
}

static int
exec_page_up(struct ui *ui, struct cmd_args *a)
{
	return move_units(ui, a, page(ui), -1);
}

static int
exec_half_page_down(struct ui *ui, struct cmd_args *a)
{
	return move_units(ui, a, page(ui) / 2, 1);
}

static int
exec_half_page_up(struct ui *ui, struct cmd_args *a)
{
	return move_units(ui, a, page(ui) / 2, -1);
}

static int
exec_top(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	if (ui->focus == PANE_ART && ui->have_art)
		ui_scroll(ui, -(long)ui->scroll);
	else
		cursor_by(ui, -(long)tree_cursor(ui->tree));
	return 0;
}

static int
exec_bottom(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	if (ui->focus == PANE_ART && ui->have_art)
		ui_scroll(ui, (long)ui->r->nlines);
	else {
		tree_load_all(ui->tree);
		cursor_by(ui, (long)tree_nrows(ui->tree));
	}
	return 0;
}

/* On a row of the sidebar: open an article, or expand/collapse a group. */
static int
exec_open(struct ui *ui, struct cmd_args *a)
{
	struct trow r;
	size_t cur;

	(void)a;
	if (ui->focus != PANE_SIDE)
		return 0;
	cur = tree_cursor(ui->tree);
	if (!tree_row(ui->tree, cur, &r))
		return 0;
	if (r.kind == TR_ARTICLE) {
		ui_open_article(ui, r.id, 0);
		ui_focus(ui, PANE_ART);
		return 0;
	}
	if (r.kind == TR_VIEW)
		return view_open(ui, r.label);
	tree_expand(ui->tree, cur, !r.expanded);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
	return 0;
}

static int
exec_back(struct ui *ui, struct cmd_args *a)
{
	struct trow r;
	size_t cur;

	(void)a;
	if (ui->focus == PANE_ART) {
		ui_focus(ui, PANE_SIDE);
		return 0;
	}
	cur = tree_cursor(ui->tree);
	if (!tree_row(ui->tree, cur, &r))
		return 0;
	if (r.kind != TR_ARTICLE && r.expanded)
		tree_expand(ui->tree, cur, 0);
	else
		tree_set_cursor(ui->tree, tree_parent(ui->tree, cur));
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
	return 0;
}

static int
step_article(struct ui *ui, int dir)
{
	struct trow r;

	if (!tree_step_article(ui->tree, dir)) {
		ui_say(ui, 0, dir > 0 ? MSG_NO_NEXT_ARTICLE :
		    MSG_NO_PREV_ARTICLE);
		return 0;
	}
	tree_row(ui->tree, tree_cursor(ui->tree), &r);
	ui_open_article(ui, r.id, 0);
	ui->dirty |= DIRTY_SIDE;
	return 0;
}

static int
exec_previous_article(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return step_article(ui, -1);
}

static int
exec_next_article(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return step_article(ui, 1);
}

static int
exec_switch_pane(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	ui_focus(ui, ui->focus == PANE_SIDE && ui->have_art ? PANE_ART :
	    PANE_SIDE);
	return 0;
}

const struct cmd_entry cmd_move_table[] = {
	{ .name = "move-down", .upper = 1, .usage = "[N]",
	  .help = "move down (scroll in the article)",
	  .help_zh = "下移（在文章中向下滚动）",
	  .exec = exec_move_down },
	{ .name = "move-up", .upper = 1, .usage = "[N]",
	  .help = "move up",
	  .help_zh = "上移", .exec = exec_move_up },
	{ .name = "open", .usage = "",
	  .help = "open the article / expand",
	  .help_zh = "打开文章 / 展开", .exec = exec_open },
	{ .name = "back", .usage = "",
	  .help = "collapse / back to the sidebar",
	  .help_zh = "收起 / 回到侧栏", .exec = exec_back },
	{ .name = "page-down", .upper = 1, .usage = "[N]",
	  .help = "page down",
	  .help_zh = "下一页", .exec = exec_page_down },
	{ .name = "page-up", .upper = 1, .usage = "[N]",
	  .help = "page up",
	  .help_zh = "上一页", .exec = exec_page_up },
	{ .name = "half-page-down", .upper = 1, .usage = "[N]",
	  .help = "half a page down",
	  .help_zh = "下半页", .exec = exec_half_page_down },
	{ .name = "half-page-up", .upper = 1, .usage = "[N]",
	  .help = "half a page up",
	  .help_zh = "上半页", .exec = exec_half_page_up },
	{ .name = "top", .usage = "",
	  .help = "top",
	  .help_zh = "到顶部", .exec = exec_top },
	{ .name = "bottom", .usage = "",
	  .help = "bottom",
	  .help_zh = "到底部", .exec = exec_bottom },
	{ .name = "previous-article", .usage = "",
	  .help = "previous article",
	  .help_zh = "上一篇文章", .exec = exec_previous_article },
	{ .name = "next-article", .usage = "",
	  .help = "next article",
	  .help_zh = "下一篇文章", .exec = exec_next_article },
	{ .name = "switch-pane", .usage = "",
	  .help = "switch sidebar / article pane",
	  .help_zh = "在侧栏与文章之间切换", .exec = exec_switch_pane },
	{ .name = NULL }
};

/*
 * The layout: the sidebar's width (< and >) and the text's measure, its
 * widest line (- and +), each kept in the state for the next session.
 */
#include "cmd.h"
#include "msg.h"
#include "ui.h"

#define SIDE_STEP	2	/* columns < and > take or give */
#define MEASURE_STEP	4	/* two Chinese characters */

/* The sidebar beside the article is width wide (0: automatic). */
static int
side_width(struct ui *ui, int width)
{
	if (ui->cols < NARROW_COLS) {
		ui_say(ui, 0, MSG_SIDE_NARROW_SCREEN);
		return 0;
	}
	ui_set_side_width(ui, width, 1);
	ui_say(ui, 0, width > 0 ? MSG_SIDE_WIDTH : MSG_SIDE_AUTO, ui->side_w);
	return 0;
}

/*
 * The width from, changed by the step of a command (argument 0, else
 * def) in the direction dir, and no less than least; -1 on a bad step.
 */
static int
stepped(struct cmd_args *a, int from, long def, int dir, int least)
{
	long n;

	if (cmd_number(a, 0, 1, 1000, def, &n) == -1)
		return -1;
	n = from + dir * n;
	return n < least ? least : (int)n;
}

static int
exec_narrow_sidebar(struct ui *ui, struct cmd_args *a)
{
	int w;

	if ((w = stepped(a, ui->side_w, SIDE_STEP, -1, 1)) == -1)
		return -1;
	return side_width(ui, w);
}

static int
exec_widen_sidebar(struct ui *ui, struct cmd_args *a)
{
	int w;

	if ((w = stepped(a, ui->side_w, SIDE_STEP, 1, 1)) == -1)
		return -1;
	return side_width(ui, w);
}

static int
exec_set_sidebar_width(struct ui *ui, struct cmd_args *a)
{
	long n;

	if (cmd_number(a, 0, 0, 1000, 0, &n) == -1)
		return -1;
	return side_width(ui, (int)n);
}

/* The text is at most width columns wide (0: as wide as the pane). */
static int
measure(struct ui *ui, int width)
{
	ui_set_measure(ui, width, 1);
	if (width > 0)
		ui_say(ui, 0, MSG_MEASURE, ui->text_w);
	else
		ui_say(ui, 0, MSG_MEASURE_NONE);
	return 0;
}

static int
exec_narrow_text(struct ui *ui, struct cmd_args *a)
{
	int w;

	if ((w = stepped(a, ui->text_w, MEASURE_STEP, -1, 10)) == -1)
		return -1;
	return measure(ui, w);
}

static int
exec_widen_text(struct ui *ui, struct cmd_args *a)
{
	int w;

	if ((w = stepped(a, ui->text_w, MEASURE_STEP, 1, 10)) == -1)
		return -1;
	return measure(ui, w);
}

static int
exec_set_measure(struct ui *ui, struct cmd_args *a)
{
	long n;

	if (cmd_number(a, 0, 0, 1000, 0, &n) == -1)
		return -1;
	if (n > 0 && n < 10)
		return cmd_say(a, 0, MSG_NOT_A_NUMBER, a->argv[0], 10L, 1000L);
	return measure(ui, (int)n);
}

const struct cmd_entry cmd_layout_table[] = {
	{ .name = "narrow-sidebar", .upper = 1, .usage = "[N]",
	  .help = "narrow the sidebar",
	  .help_zh = "侧栏变窄", .exec = exec_narrow_sidebar },
	{ .name = "widen-sidebar", .upper = 1, .usage = "[N]",
	  .help = "widen the sidebar",
	  .help_zh = "侧栏变宽", .exec = exec_widen_sidebar },
	{ .name = "set-sidebar-width", .lower = 1, .upper = 1, .usage = "N",
	  .help = "the sidebar N columns wide (0: automatic)",
	  .help_zh = "侧栏宽 N 列（0：自动）", .exec = exec_set_sidebar_width },
	{ .name = "narrow-text", .upper = 1, .usage = "[N]",
	  .help = "narrow the text",
	  .help_zh = "正文变窄", .exec = exec_narrow_text },
	{ .name = "widen-text", .upper = 1, .usage = "[N]",
	  .help = "widen the text",
	  .help_zh = "正文变宽", .exec = exec_widen_text },
	{ .name = "set-measure", .lower = 1, .upper = 1, .usage = "N",
	  .help = "text lines at most N columns wide (0: the pane's width)",
	  .help_zh = "正文每行至多 N 列（0：与窗格同宽）",
	  .exec = exec_set_measure },
	{ .name = NULL }
};

/*
 * The screen: the sidebar shown or hidden, a redraw, the help, the :
 * command line (with Tab completion and history) and quitting.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"
#include "prompt.h"
#include "ui.h"
#include "xmalloc.h"

static int
exec_toggle_sidebar(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	if (ui->cols < NARROW_COLS) {
		ui_focus(ui, ui->focus == PANE_SIDE && ui->have_art ?
		    PANE_ART : PANE_SIDE);
		return 0;
	}
	ui->side_shown = !ui->side_shown;
	if (!ui->side_shown && ui->have_art)
		ui->focus = PANE_ART;
	else if (!ui->side_shown)
		ui->side_shown = 1;	/* nothing to show instead */
	ui_layout(ui);
	return 0;
}

static int
exec_redraw(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	ui->dirty |= DIRTY_CLEAR;
	return 0;
}

static int
exec_help(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	help_open(ui);
	return 0;
}

static int
exec_quit(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	ui->quit = 1;
	return 0;
}

/* What was typed at :, run; an error where it is. */
static void
accept_command(struct ui *ui, struct prompt *p)
{
	struct cmd_error err = { 0, NULL };

	if (cmd_run(ui, buf_str(&p->text), &err) == -1)
		ui_say(ui, 1, MSG_ERROR_AT, err.msg, err.col);
	cmd_error_free(&err);
}

/* The word being completed, from p->word on, replaced by word. */
static void
put_word(struct prompt *p, const char *word, int space)
{
	char *q = cmd_quote(word);

	buf_truncate(&p->text, p->word);
	buf_adds(&p->text, q);
	if (space)
		buf_addc(&p->text, ' ');
	free(q);
}

/* How many bytes the candidates share, letter case aside, whole
 * characters only. */
static size_t
common(char **v, size_t n)
{
	size_t len, i;

	for (len = 0; v[0][len] != '\0'; len++) {
		for (i = 1; i < n; i++)
			if (tolower((unsigned char)v[i][len]) !=
			    tolower((unsigned char)v[0][len]))
				break;
		if (i < n)
			break;
	}
	while (len > 0 && ((unsigned char)v[0][len] & 0xc0) == 0x80)
		len--;
	return len;
}

/*
 * Tab: one candidate is put in whole; several are listed above the
 * prompt, their common start put in; Tab again takes each in turn.
 */
static void
complete_command(struct ui *ui, struct prompt *p)
{
	char **v, *lcp;
	size_t n, start, len;

	if (p->cycling > 0 && p->nshown > 0) {
		if (p->cycling == 1) {
			p->cycling = 2;
			p->sel = 0;
		} else
			p->sel = (p->sel + 1) % p->nshown;
		put_word(p, p->choices[p->shown[p->sel]].name, 0);
		return;
	}
	if ((n = cmd_complete(ui, buf_str(&p->text), &start, &v)) == 0) {
		free(v);
		return;
	}
	p->word = start;
	if (n == 1) {
		put_word(p, v[0], 1);
		free_strings(v, n);
		return;
	}
	len = common(v, n);
	if (len > p->text.len - start) {
		lcp = xstrndup(v[0], len);
		put_word(p, lcp, 0);
		free(lcp);
	}
	prompt_set_list(p, v, n);
	p->cycling = 1;
}

static int
exec_command_prompt(struct ui *ui, struct cmd_args *a)
{
	struct prompt *p;
	char *text;

	p = prompt_open(PROMPT_COMMAND, msg(MSG_PROMPT_COMMAND), NULL, 0,
	    accept_command);
	p->complete = complete_command;
	prompt_history(p, ui, "command");
	if (a->argc > 0) {
		text = cmd_join(a, 0);
		prompt_set_text(p, text);
		free(text);
	}
	ui_prompt(ui, p);
	return 0;
}

static size_t
complete_command_name(struct ui *ui, int argi, char ***out)
{
	(void)ui;
	*out = NULL;
	return argi == 0 ? cmd_names(out) : 0;
}

const struct cmd_entry cmd_screen_table[] = {
	{ .name = "toggle-sidebar", .usage = "",
	  .help = "show / hide the sidebar",
	  .help_zh = "显示 / 隐藏侧栏", .exec = exec_toggle_sidebar },
	{ .name = "redraw", .usage = "",
	  .help = "redraw the screen",
	  .help_zh = "重绘屏幕", .exec = exec_redraw },
	{ .name = "help", .usage = "",
	  .help = "this help",
	  .help_zh = "本帮助", .exec = exec_help },
	{ .name = "command-prompt", .upper = -1, .usage = "[TEXT]",
	  .help = "type a command (Tab completes, ↑ ↓ recall)",
	  .help_zh = "输入命令（Tab 补全，↑ ↓ 调出历史）",
	  .exec = exec_command_prompt, .complete = complete_command_name },
	{ .name = "quit", .alias = "q", .usage = "",
	  .help = "quit",
	  .help_zh = "退出", .exec = exec_quit },
	{ .name = NULL }
};

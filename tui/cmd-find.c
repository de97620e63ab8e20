/*
 * Finding in the open article, as less's / does: the sidebar and the
 * archive search stay as they are, the find's matches are highlighted
 * in everything the pane shows, n and N move between them, and Esc
 * ends the find, back to the search's matches.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"
#include "prompt.h"
#include "render.h"
#include "ui.h"
#include "xmalloc.h"

/* The first match at or after the top of the screen, or the first. */
static size_t
match_from(const struct rendered *r, size_t scroll)
{
	size_t i;

	for (i = 0; i < r->nmatches; i++)
		if (r->matches[i].line >= scroll)
			return r->matches[i].occ;
	return 0;
}

static void
find(struct ui *ui, const char *typed)
{
	char *old;

	if (typed[strspn(typed, " ")] == '\0')
		return;
	if (!ui->have_art) {
		ui_say(ui, 1, MSG_OPEN_ARTICLE_FIRST);
		return;
	}
	old = ui->find;
	ui->find = xstrdup(typed);
	ui_rerender(ui);
	if (ui->r->noccs == 0) {
		/* as less: not found, and what was highlighted stays */
		free(ui->find);
		ui->find = old;
		ui_rerender(ui);
		ui_say(ui, 1, MSG_FIND_NONE, typed);
		return;
	}
	free(old);
	ui->match = match_from(ui->r, ui->scroll);
	ui_show_match(ui);
}

static void
accept_find(struct ui *ui, struct prompt *p)
{
	find(ui, buf_str(&p->text));
}

static int
exec_find(struct ui *ui, struct cmd_args *a)
{
	struct prompt *p;
	char *typed;

	if (a->argc == 0) {
		if (!ui->have_art) {
			ui_say(ui, 1, MSG_OPEN_ARTICLE_FIRST);
			return 0;
		}
		p = prompt_open(PROMPT_SEARCH, msg(MSG_PROMPT_FIND), NULL, 0,
		    accept_find);
		prompt_history(p, ui, "find");
		ui_prompt(ui, p);
		return 0;
	}
	typed = cmd_join(a, 0);
	find(ui, typed);
	free(typed);
	return 0;
}

static int
exec_end_find(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	if (ui->find == NULL)
		return 0;	/* Esc with nothing to end: nothing said */
	free(ui->find);
	ui->find = NULL;
	ui->match = 0;
	ui_rerender(ui);
	ui_say(ui, 0, MSG_FIND_ENDED);
	return 0;
}

const struct cmd_entry cmd_find_table[] = {
	{ .name = "find", .upper = -1, .usage = "[TEXT]",
	  .help = "find in the open article (n N: next, previous; Esc: end)",
	  .help_zh = "在本文中查找（n N 上下一处，Esc 结束）",
	  .exec = exec_find },
	{ .name = "end-find", .usage = "",
	  .help = "end the find: back to the search's matches",
	  .help_zh = "结束本文查找，回到搜索的匹配",
	  .exec = exec_end_find },
	{ .name = NULL }
};

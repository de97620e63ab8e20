/* An article's marks (flagged, read) and copying from it (OSC 52). */
#include <curses.h>
#include <stdlib.h>

#include "cmd.h"
#include "msg.h"
#include "db-read.h"
#include "db-state.h"
#include "prompt.h"
#include "render.h"
#include "restrict.h"
#include "tree.h"
#include "ui.h"
#include "xmalloc.h"

/* The open article in the article pane, the cursor's in the sidebar. */
static int
toggle_marks(struct ui *ui, int flag)
{
	struct trow r;
	const char *key;
	int read, flagged;

	if (ui->focus == PANE_ART && ui->have_art)
		key = ui->art.key;
	else if (tree_row(ui->tree, tree_cursor(ui->tree), &r) &&
	    r.kind == TR_ARTICLE)
		key = r.key;
	else {
		ui_say(ui, 0, MSG_SELECT_ARTICLE);
		return 0;
	}
	dbr_marks(ui->db, key, &read, &flagged);
	if (flag)
		flagged = !flagged;
	else
		read = !read;
	dbr_mark(ui->db, key, read, flagged);
	tree_set_marks(ui->tree, key, read, flagged);
	ui_say(ui, 0, flag ? (flagged ? MSG_FLAGGED : MSG_UNFLAGGED) :
	    (read ? MSG_MARKED_READ : MSG_MARKED_UNREAD));
	ui->dirty |= DIRTY_SIDE;
	return 0;
}

static int
exec_toggle_flag(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return toggle_marks(ui, 1);
}

static int
exec_toggle_read(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return toggle_marks(ui, 0);
}

static void
accept_copy(struct ui *ui, struct prompt *p)
{
	const struct choice *c;
	char *text;

	if ((c = prompt_choice(p)) == NULL)
		return;
	text = c == &p->choices[0] ? render_citation(&ui->art) :
	    xstrdup(c->name);
	doupdate();
	term_clipboard(text);
	ui_say(ui, 0, MSG_COPIED, text);
	free(text);
}

/* The choice of the citation or a note's URL, copied with Enter. */
static int
exec_copy(struct ui *ui, struct cmd_args *a)
{
	struct choice *v;
	size_t n, i;

	if (cmd_refused(a, RESTRICT_COPY))
		return -1;
	if (!ui->have_art) {
		ui_say(ui, 0, MSG_OPEN_ARTICLE_FIRST);
		return 0;
	}
	n = ui->r->nurls + 1;
	v = xcalloc(n, sizeof(*v));
	v[0].name = xstrdup("引用 citation");
	for (i = 1; i < n; i++)
		v[i].name = xstrdup(ui->r->urls[i - 1]);
	ui_prompt(ui, prompt_open(PROMPT_COPY, msg(MSG_PROMPT_COPY), v, n,
	    accept_copy));
	return 0;
}

const struct cmd_entry cmd_article_table[] = {
	{ .name = "toggle-flag", .usage = "",
	  .help = "flag / unflag the article",
	  .help_zh = "加星标 / 取消星标", .exec = exec_toggle_flag },
	{ .name = "toggle-read", .usage = "",
	  .help = "mark read / unread",
	  .help_zh = "标为已读 / 未读", .exec = exec_toggle_read },
	{ .name = "copy", .usage = "",
	  .help = "copy a URL or the citation (OSC 52)",
	  .help_zh = "复制网址或引用（OSC 52）", .exec = exec_copy },
	{ .name = NULL }
};

/*
 * An article's marks (flagged, read), copying from it (OSC 52) and
 * opening its URLs.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"
#include "db-read.h"
#include "db-state.h"
#include "link.h"
#include "prompt.h"
#include "render.h"
#include "sanitize.h"
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

/* The footnote URL a choice of url_choices stands for, or NULL. */
static const char *
chosen_url(const struct art *a, const struct choice *c)
{
	size_t i, k, n;

	for (i = n = 0; i < a->nnotes; i++)
		for (k = 0; k < a->notes[i].nurls; k++, n++)
			if ((int64_t)n == c->id)
				return a->notes[i].urls[k];
	return NULL;
}

/*
 * The article's URLs as choices, as urlview lists them: each shown with
 * its note's number ([17], which typing 17 picks), its id its place
 * among the URLs; after first choices made by the caller.  Returns the
 * number of choices, first included.
 */
static size_t
url_choices(const struct art *a, size_t first, struct choice **out)
{
	struct choice *v;
	size_t i, k, n;

	for (i = n = 0; i < a->nnotes; i++)
		n += a->notes[i].nurls;
	v = xcalloc(first + n + 1, sizeof(*v));
	for (i = 0, n = first; i < a->nnotes; i++)
		for (k = 0; k < a->notes[i].nurls; k++, n++) {
			v[n].id = (int64_t)(n - first);
			v[n].name = sanitize_text(a->notes[i].urls[k],
			    strlen(a->notes[i].urls[k]), 0);
			v[n].code = xasprintf("%d", a->notes[i].n);
		}
	*out = v;
	return n;
}

static void
accept_copy(struct ui *ui, struct prompt *p)
{
	const struct choice *c;
	const char *url;
	char *text;

	if ((c = prompt_choice(p)) == NULL)
		return;
	if (c == &p->choices[0])
		text = render_citation(&ui->art);
	else if ((url = chosen_url(&ui->art, c)) != NULL)
		text = xstrdup(url);
	else
		return;
	doupdate();
	term_clipboard(text);	/* it sanitises, as the status line does */
	ui_say(ui, 0, MSG_COPIED, text);
	free(text);
}

/* The choice of the citation or a note's URL, copied with Enter. */
static int
exec_copy(struct ui *ui, struct cmd_args *a)
{
	struct choice *v;
	size_t n;

	(void)a;
	if (!ui->have_art) {
		ui_say(ui, 0, MSG_OPEN_ARTICLE_FIRST);
		return 0;
	}
	n = url_choices(&ui->art, 1, &v);
	v[0].id = -1;
	v[0].name = xstrdup("引用 citation");
	ui_prompt(ui, prompt_open(PROMPT_COPY, msg(MSG_PROMPT_COPY), v, n,
	    accept_copy));
	return 0;
}

/*
 * A URL chosen with o: over SSH the browser to open it is on the other
 * side, so it goes to that side's clipboard (OSC 52); here, to
 * $BROWSER or xdg-open.
 */
static void
accept_open(struct ui *ui, struct prompt *p)
{
	const struct choice *c;
	const char *url, *why;
	char *target;

	if ((c = prompt_choice(p)) == NULL ||
	    (url = chosen_url(&ui->art, c)) == NULL)
		return;
	if (link_over_ssh()) {
		doupdate();
		term_clipboard(url);
		ui_say(ui, 0, MSG_COPIED, url);
		return;
	}
	if (link_restricted()) {
		ui_say(ui, 1, MSG_OPEN_RESTRICTED);
		return;
	}
	if ((target = link_target(url)) == NULL) {
		ui_say(ui, 1, MSG_NOT_WEB, url);
		return;
	}
	if (link_open(target, &why) == 0)
		ui_say(ui, 0, MSG_OPENED, target);
	else
		ui_say(ui, 1, MSG_CANNOT_OPEN, target, why);
	free(target);
}

/* The article's URLs, numbered by their notes; Enter opens one. */
static int
exec_open_url(struct ui *ui, struct cmd_args *a)
{
	struct choice *v;
	size_t n;

	(void)a;
	if (!ui->have_art) {
		ui_say(ui, 0, MSG_OPEN_ARTICLE_FIRST);
		return 0;
	}
	if ((n = url_choices(&ui->art, 0, &v)) == 0) {
		free(v);
		ui_say(ui, 0, MSG_NO_URLS);
		return 0;
	}
	ui_prompt(ui, prompt_open(PROMPT_COPY, msg(MSG_PROMPT_OPEN), v, n,
	    accept_open));
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
	{ .name = "open-url", .usage = "",
	  .help = "open a note's URL ($BROWSER; over SSH: copy it)",
	  .help_zh = "打开注释中的网址（$BROWSER；SSH 下复制）",
	  .exec = exec_open_url },
	{ .name = NULL }
};

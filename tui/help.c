/*
 * The help screen, made from the key bindings and the command table
 * when it opens: the keys of each command with its line of help, keys
 * bound to other command lines, then every command as : takes it.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "buf.h"
#include "cmd.h"
#include "db-state.h"
#include "msg.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"
#include "xmalloc.h"

#define KEYS_W		16	/* the keys' column */
#define COMMAND_W	30	/* the commands' column */
#define HALF_MIN	56	/* a half of the screen that takes a key row */
#define HEAD_ROWS	4	/* the title, the filters, blank rows */

struct help_build {
	const struct cmd_entry *entry;	/* the command whose keys are wanted */
	struct buf	*keys;
	int		 others;	/* collect keys bound to other lines */
	char		**lines;
	size_t		 n, cap;
};

static void
add_line(struct help_build *h, const char *left, const char *text, int w)
{
	struct buf b = { 0 };

	wrap_pad(&b, left, strlen(left), w);
	buf_adds(&b, text);
	VEC_PUSH(h->lines, h->n, h->cap, buf_take(&b));
}

/* A binding: its key listed with its command, or on a line of its own. */
static void
collect(key_code k, const char *cmd, void *arg)
{
	struct help_build *h = arg;
	char name[KEY_NAMELEN];

	keys_name(k, KEY_NAME_SHOW, name);
	if (h->others) {
		if (cmd_find(cmd) == NULL)	/* "move-down 5", not a name */
			add_line(h, name, cmd, KEYS_W);
		return;
	}
	if (strcmp(cmd, h->entry->name) == 0 || (h->entry->alias != NULL &&
	    strcmp(cmd, h->entry->alias) == 0)) {
		if (h->keys->len > 0)
			buf_addc(h->keys, ' ');
		buf_adds(h->keys, name);
	}
}

/*
 * The key rows from first on, side by side in two columns (down the
 * left, then down the right) when they do not fit the screen's height
 * and its width holds two: the whole table on one screen.
 */
static void
two_columns(struct ui *ui, struct help_build *h, size_t first)
{
	struct buf b = { 0 };
	size_t n, half, i;
	int w;

	n = h->n - first;
	w = (ui->cols - 2) / 2;
	if (n + HEAD_ROWS <= (size_t)ui->rows || w < HALF_MIN)
		return;
	half = (n + 1) / 2;
	for (i = 0; i < half; i++) {
		buf_truncate(&b, 0);
		wrap_pad(&b, h->lines[first + i], strlen(h->lines[first + i]),
		    i + half < n ? w : ui->cols - 2);
		if (i + half < n)
			buf_adds(&b, h->lines[first + i + half]);
		free(h->lines[first + i]);
		h->lines[first + i] = buf_take(&b);
	}
	for (i = half; i < n; i++)
		free(h->lines[first + i]);
	h->n = first + half;
	buf_free(&b);
}

void
help_open(struct ui *ui)
{
	struct help_build h;
	struct buf keys = { 0 }, left = { 0 };
	const struct cmd_entry *e;
	size_t i, first;

	help_close(ui);
	memset(&h, 0, sizeof(h));
	h.keys = &keys;
	/*
	 * What is in force, and where the marks are kept: one line, the
	 * keys right under it, so that the key table fits on a 40-row
	 * screen.
	 */
	status_filters(ui, &left);
	buf_printf(&keys, msg(MSG_HELP_FILTERS), left.len > 0 ?
	    buf_str(&left) + 1 : "-");
	buf_adds(&keys, "  ");
	if (dbr_state_file(ui->db) != NULL)
		buf_printf(&keys, msg(MSG_HELP_STATE), dbr_state_file(ui->db));
	else
		buf_adds(&keys, msg(MSG_HELP_STATE_MEMORY));
	add_line(&h, "", keys.s, 0);
	add_line(&h, "", "", 0);
	first = h.n;
	for (i = 0; (e = cmd_at(i)) != NULL; i++) {
		buf_truncate(&keys, 0);
		h.entry = e;
		bind_each(ui->binds, collect, &h);
		if (keys.len > 0)
			add_line(&h, keys.s, cmd_help(e), KEYS_W);
	}
	h.others = 1;
	bind_each(ui->binds, collect, &h);
	two_columns(ui, &h, first);
	add_line(&h, "", "", 0);
	add_line(&h, msg(MSG_HELP_COMMANDS), "", 0);
	for (i = 0; (e = cmd_at(i)) != NULL; i++) {
		buf_truncate(&left, 0);
		buf_printf(&left, ":%s%s%s", e->name, *e->usage ? " " : "",
		    e->usage);
		add_line(&h, left.s, cmd_help(e), COMMAND_W);
	}
	buf_free(&keys);
	buf_free(&left);
	ui->help_lines = h.lines;
	ui->help_n = h.n;
	ui->help_top = 0;
	ui->help = 1;
	ui->dirty |= DIRTY_ALL;
}

void
help_close(struct ui *ui)
{
	free_strings(ui->help_lines, ui->help_n);
	ui->help_lines = NULL;
	ui->help_n = 0;
	ui->help = 0;
	ui->help_top = 0;
}

void
help_draw(struct ui *ui)
{
	WINDOW *w;
	const char *title;
	size_t i, n;
	char *s;
	int y;

	/* the whole screen: the status line has nothing to say under it */
	w = newwin(ui->rows, ui->cols, 0, 0);
	if (w == NULL)
		return;
	werase(w);
	title = msg(MSG_HELP_TITLE);
	wattrset(w, ui->look[LOOK_TITLE]);
	mvwaddnstr(w, 0, 1, title, (int)wrap_fit(title, strlen(title),
	    ui->cols - 2, NULL));
	wattrset(w, A_NORMAL);
	for (y = 2, i = ui->help_top; y < ui->rows && i < ui->help_n;
	    y++, i++) {
		/* a key bound by hand may carry anything */
		s = sanitize_text(ui->help_lines[i], strlen(ui->help_lines[i]),
		    0);
		n = wrap_fit(s, strlen(s), ui->cols - 2, NULL);
		mvwaddnstr(w, y, 1, s, (int)n);
		free(s);
	}
	wnoutrefresh(w);
	delwin(w);
}

/* Whether the command line runs the command name. */
static int
runs(const char *line, const char *name)
{
	size_t n = strlen(name);

	return line != NULL && strncmp(line, name, n) == 0 &&
	    (line[n] == '\0' || line[n] == ' ');
}

void
help_key(struct ui *ui, const char *cmd)
{
	size_t lines, max;

	lines = ui->help_n + 4;
	max = lines > (size_t)ui->rows ? lines - (size_t)ui->rows : 0;
	if (runs(cmd, "move-down") || runs(cmd, "move-up")) {
		/* scrolling, even past an end, keeps the help up */
		if (runs(cmd, "move-down") && ui->help_top < max)
			ui->help_top++;
		else if (runs(cmd, "move-up") && ui->help_top > 0)
			ui->help_top--;
	} else
		help_close(ui);
	ui->dirty |= DIRTY_ALL;
}

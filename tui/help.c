/* The help screen, generated from the key binding table. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keys.h"
#include "ui.h"
#include "wrap.h"

#define TITLE	"kuaibao keys  (any key closes; j/k scroll)"

static size_t
lines(void)
{
	return key_nhelp + 4;
}

/* The keys bound to an action, "j ↓". */
static void
keys_of(enum action a, struct buf *b)
{
	size_t i;

	for (i = 0; i < key_nbindings; i++)
		if (key_bindings[i].action == a &&
		    key_bindings[i].name != NULL) {
			if (b->len > 0)
				buf_addc(b, ' ');
			buf_adds(b, key_bindings[i].name);
		}
}

void
help_draw(struct ui *ui)
{
	struct buf keys = { 0 }, line = { 0 };
	WINDOW *w;
	size_t i, n;
	int y;

	w = newwin(ui->body_h, ui->cols, 0, 0);
	if (w == NULL)
		return;
	werase(w);
	wattrset(w, ui->look[LOOK_TITLE]);
	mvwaddnstr(w, 0, 1, TITLE, (int)wrap_fit(TITLE, strlen(TITLE),
	    ui->cols - 2, NULL));
	for (y = 2, i = ui->help_top; y < ui->body_h && i < key_nhelp;
	    y++, i++) {
		buf_truncate(&keys, 0);
		buf_truncate(&line, 0);
		keys_of(key_help[i].action, &keys);
		wrap_pad(&line, buf_str(&keys), keys.len, 16);
		buf_adds(&line, key_help[i].text);
		n = wrap_fit(line.s, line.len, ui->cols - 2, NULL);
		wattrset(w, A_NORMAL);
		mvwaddnstr(w, y, 1, line.s, (int)n);
	}
	wnoutrefresh(w);
	delwin(w);
	buf_free(&keys);
	buf_free(&line);
}

void
help_key(struct ui *ui, int action)
{
	size_t max;

	max = lines() > (size_t)ui->body_h ? lines() - (size_t)ui->body_h : 0;
	if (action == ACT_DOWN || action == ACT_UP) {
		/* scrolling, even past an end, keeps the help up */
		if (action == ACT_DOWN && ui->help_top < max)
			ui->help_top++;
		else if (action == ACT_UP && ui->help_top > 0)
			ui->help_top--;
		ui->dirty |= DIRTY_ALL;
	} else {
		ui->help = 0;
		ui->help_top = 0;
		ui->dirty |= DIRTY_ALL;
	}
}

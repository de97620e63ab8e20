/*
 * The article pane: the rendered lines from the scroll offset down,
 * with search matches highlighted and the current one set apart.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "render.h"
#include "wrap.h"
#include "ui.h"

static attr_t
line_look(const struct ui *ui, int attr)
{
	switch (attr) {
	case R_TITLE:
		return ui->look[LOOK_TITLE];
	case R_META:
		return ui->look[LOOK_META];
	case R_RULE:
		return ui->look[LOOK_RULE];
	case R_HEADING:
	case R_TABLE_HEAD:
		return ui->look[LOOK_HEADING];
	case R_URL:
		return ui->look[LOOK_URL];
	default:
		return A_NORMAL;
	}
}

void
pane_segments(const struct ui *ui, size_t n, size_t *m, pane_segment_fn *fn,
    void *arg)
{
	const struct rendered *r = ui->r;
	const struct rline *l = &r->lines[n];
	const char *s = r->text.s + l->off;
	size_t pos, end;
	attr_t base;

	base = line_look(ui, l->attr);
	pos = 0;
	if (l->label > 0) {
		/* a field's or note's label, bold up to the value */
		end = 0;
		while (end < l->len && s[end] != ' ')
			end++;
		fn(arg, s, end, base | A_BOLD);
		pos = end;
	}
	while (*m < r->nmatches && r->matches[*m].line < n)
		(*m)++;
	for (; *m < r->nmatches && r->matches[*m].line == n; (*m)++) {
		if (r->matches[*m].off < pos)
			continue;
		fn(arg, s + pos, r->matches[*m].off - pos, base);
		fn(arg, s + r->matches[*m].off, r->matches[*m].len,
		    r->matches[*m].occ == ui->match ?
		    ui->look[LOOK_CURMATCH] : ui->look[LOOK_MATCH]);
		pos = r->matches[*m].off + r->matches[*m].len;
	}
	if (pos < l->len)
		fn(arg, s + pos, l->len - pos, base);
}

static void
draw_segment(void *arg, const char *s, size_t len, attr_t a)
{
	WINDOW *w = arg;

	wattrset(w, a);
	if (len > 0)
		waddnstr(w, s, (int)len);
}

void
pane_draw(struct ui *ui)
{
	size_t n, m;
	int y;

	m = 0;
	for (y = 0; y < ui->body_h; y++) {
		wmove(ui->wart, y, 0);
		wattrset(ui->wart, A_NORMAL);
		wclrtoeol(ui->wart);
		n = ui->scroll + (size_t)y;
		if (ui->r == NULL) {
			if (y == 1 || y == 2) {
				const char *hint = msg(y == 1 ?
				    MSG_HINT_OPEN : MSG_HINT_HELP);

				wattrset(ui->wart, ui->look[LOOK_META]);
				mvwaddnstr(ui->wart, y, ui->text_x, hint, (int)
				    wrap_fit(hint, strlen(hint), ui->text_w,
				    NULL));
			}
			continue;
		}
		if (n >= ui->r->nlines)
			continue;
		wmove(ui->wart, y, ui->text_x);
		pane_segments(ui, n, &m, draw_segment, ui->wart);
	}
	wattrset(ui->wart, A_NORMAL);
	wnoutrefresh(ui->wart);
}

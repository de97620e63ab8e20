/*
 * The footnote URLs of the article pane as OSC 8 hyperlinks.  curses
 * knows nothing of them, so once doupdate() has drawn the screen the
 * cells of each URL line are written again, the same characters in the
 * same attributes, between ESC ] 8 ; id=… ; URI ST and ESC ] 8 ; ; ST,
 * with the cursor saved and restored around them (DECSC, DECRC) and the
 * attributes left as curses believes them: curses' idea of the screen
 * stays true.  A terminal keeps a link on a cell until the cell is
 * written again, so a row that was linked and shows something else now
 * is given back to curses to write whole (wredrawln) first.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "link.h"
#include "prompt.h"
#include "render.h"
#include "ui.h"
#include "xmalloc.h"

#define DECSC		"\0337"
#define DECRC		"\0338"
#define OSC8_END	"\033]8;;\033\\"

/* A linked row on the screen: where, what it shows, where it leads. */
struct linked {
	int	 y, x;
	char	*text;
	char	*target;
	int	 link;
};

static struct linked *shown;	/* as the terminal has them now */
static size_t nshown;

static struct buf out;		/* vidputs() writes through a function */

static int
out_putc(int c)
{
	buf_addc(&out, (char)c);
	return c;
}

/* A run of the line, but the indent before the URL (*skip bytes). */
static void
segment(void *arg, const char *s, size_t len, attr_t a)
{
	size_t *skip = arg, k;

	k = *skip < len ? *skip : len;
	*skip -= k;
	if (k == len)
		return;
	vidputs((chtype)a, out_putc);
	buf_add(&out, s + k, len - k);
}

static void
free_linked(struct linked *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].target);
	}
	free(v);
}

/* The rows of the pane that show a URL that can be a link. */
static size_t
find_linked(struct ui *ui, struct linked **out_v)
{
	const struct rendered *r = ui->r;
	const struct rline *l;
	struct linked *v, e;
	size_t n, cap, line;
	int y, rows;

	*out_v = v = NULL;
	n = cap = 0;
	if (ui->help || ui->wart == NULL || r == NULL || !link_hyperlinks())
		return 0;
	rows = ui->body_h;
	if (ui->prompt != NULL)		/* its list covers the pane's foot */
		rows -= prompt_list_rows(ui);
	for (y = 0; y < rows; y++) {
		line = ui->scroll + (size_t)y;
		if (line >= r->nlines)
			break;
		l = &r->lines[line];
		if (l->link <= 0 || (size_t)l->link > r->nurls ||
		    r->targets[l->link - 1] == NULL)
			continue;
		e.y = y;
		e.x = ui->art_x + ui->text_x;
		e.text = xstrndup(r->text.s + l->off, l->len);
		e.target = xstrdup(r->targets[l->link - 1]);
		e.link = l->link;
		VEC_PUSH(v, n, cap, e);
	}
	*out_v = v;
	return n;
}

static int
same(const struct linked *a, const struct linked *b)
{
	return a->y == b->y && a->x == b->x && a->link == b->link &&
	    strcmp(a->text, b->text) == 0 && strcmp(a->target, b->target) == 0;
}

static int
among(const struct linked *e, const struct linked *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same(e, &v[i]))
			return 1;
	return 0;
}

void
pane_links_update(struct ui *ui, int full)
{
	struct linked *now;
	size_t n, i, m, skip;

	n = find_linked(ui, &now);
	if (full) {
		free_linked(shown, nshown);
		shown = NULL;
		nshown = 0;
	}
	for (i = 0; i < nshown; i++)
		if (!among(&shown[i], now, n))
			wredrawln(stdscr, shown[i].y, 1);
	doupdate();
	buf_truncate(&out, 0);
	for (i = 0; i < n; i++) {
		if (among(&now[i], shown, nshown))
			continue;	/* still there, still linked */
		if (out.len == 0) {
			vidputs(A_NORMAL, out_putc);
			buf_adds(&out, DECSC);
		}
		skip = strspn(now[i].text, " ");
		buf_printf(&out, "\033[%d;%zuH", now[i].y + 1,
		    (size_t)now[i].x + skip + 1);
		buf_printf(&out, "\033]8;id=kb%lld-%d;%s\033\\",
		    (long long)ui->art.id, now[i].link, now[i].target);
		m = 0;
		pane_segments(ui, ui->scroll + (size_t)now[i].y, &m, segment,
		    &skip);
		vidputs(A_NORMAL, out_putc);
		buf_adds(&out, OSC8_END);
	}
	if (out.len > 0) {
		buf_adds(&out, DECRC);
		/* a closed terminal is not worth an error */
		if (write(STDOUT_FILENO, out.s, out.len) != (ssize_t)out.len)
			out.len = 0;
	}
	free_linked(shown, nshown);
	shown = now;
	nshown = n;
}

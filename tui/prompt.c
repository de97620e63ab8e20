/* Prompts: line editing, narrowing choices, and drawing them. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "db-read.h"
#include "filter.h"
#include "prompt.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"
#include "xmalloc.h"

#define CTRL(c)		((c) & 0x1f)
#define LIST_MAX	12	/* choices shown at once */

static void
narrow(struct prompt *p)
{
	free(p->shown);
	p->shown = NULL;
	p->nshown = 0;
	p->sel = p->top = 0;
	if (p->choices != NULL)
		p->nshown = filter_narrow(p->choices, p->nchoices,
		    buf_str(&p->text), &p->shown);
}

struct prompt *
prompt_open(enum prompt_kind kind, const char *label, struct choice *v,
    size_t n)
{
	struct prompt *p;

	p = xcalloc(1, sizeof(*p));
	p->kind = kind;
	p->label = label;
	p->choices = v;
	p->nchoices = n;
	buf_adds(&p->text, "");
	narrow(p);
	return p;
}

void
prompt_close(struct prompt *p)
{
	if (p == NULL)
		return;
	dbr_choices_free(p->choices, p->nchoices);
	free(p->shown);
	buf_free(&p->text);
	free(p);
}

const struct choice *
prompt_choice(const struct prompt *p)
{
	if (p->choices == NULL || p->nshown == 0)
		return NULL;
	return &p->choices[p->shown[p->sel]];
}

/* Removes the last character (UTF-8) of the typed text. */
static void
backspace(struct prompt *p)
{
	size_t n = p->text.len;

	while (n > 0 && ((unsigned char)p->text.s[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	buf_truncate(&p->text, n);
}

static void
delete_word(struct prompt *p)
{
	while (p->text.len > 0 && p->text.s[p->text.len - 1] == ' ')
		buf_truncate(&p->text, p->text.len - 1);
	while (p->text.len > 0 && p->text.s[p->text.len - 1] != ' ')
		backspace(p);
}

enum prompt_result
prompt_key(struct prompt *p, wint_t c, int keycode)
{
	uint8_t u[8];
	int n;

	/* the keys with a code do what their control characters do */
	if (keycode)
		switch (c) {
		case KEY_ENTER:
			c = '\n';
			break;
		case KEY_BACKSPACE:
			c = 127;
			break;
		case KEY_DOWN:
			c = CTRL('n');
			break;
		case KEY_UP:
			c = CTRL('p');
			break;
		default:
			return PR_CONTINUE;
		}
	switch (c) {
	case '\n':
	case '\r':
		return PR_ACCEPT;
	case 27:		/* Esc */
	case CTRL('g'):
		return PR_CANCEL;
	case 127:
	case CTRL('h'):
		backspace(p);
		narrow(p);
		return PR_CONTINUE;
	case CTRL('u'):
		buf_truncate(&p->text, 0);
		narrow(p);
		return PR_CONTINUE;
	case CTRL('w'):
		delete_word(p);
		narrow(p);
		return PR_CONTINUE;
	case CTRL('n'):
		if (p->sel + 1 < p->nshown)
			p->sel++;
		return PR_CONTINUE;
	case CTRL('p'):
		if (p->sel > 0)
			p->sel--;
		return PR_CONTINUE;
	case '\t':
		if (prompt_choice(p) != NULL) {
			buf_truncate(&p->text, 0);
			buf_adds(&p->text, prompt_choice(p)->name);
			narrow(p);
		}
		return PR_CONTINUE;
	default:
		break;
	}
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
	    p->text.len > 256)
		return PR_CONTINUE;
	if ((n = u8_uctomb(u, (ucs4_t)c, sizeof(u))) > 0) {
		buf_add(&p->text, (const char *)u, (size_t)n);
		narrow(p);
	}
	return PR_CONTINUE;
}

int
prompt_list_rows(const struct ui *ui)
{
	const struct prompt *p = ui->prompt;
	int n;

	if (p == NULL || p->choices == NULL)
		return 0;
	n = p->nshown ? (int)p->nshown : 1;
	if (n > LIST_MAX)
		n = LIST_MAX;
	if (n > ui->body_h - 1)
		n = ui->body_h - 1;
	return n < 0 ? 0 : n;
}

/* One choice: name, codes, count; padded to the width. */
static void
draw_choice(struct ui *ui, WINDOW *w, int y, const struct choice *c,
    int selected)
{
	struct buf line = { 0 }, cell = { 0 };
	char *s, count[32];
	int cw;

	snprintf(count, sizeof(count), " %d", ui->prompt->kind ==
	    PROMPT_COUNTRY && ui->filter.mentions ? c->nall : c->n);
	if (ui->prompt->kind == PROMPT_COPY)
		count[0] = '\0';
	buf_printf(&line, " %s", c->name);
	if (c->code != NULL)
		buf_printf(&line, "  %s", c->code);
	if (c->iso3 != NULL)
		buf_printf(&line, " %s", c->iso3);
	if (c->english != NULL) {
		const char *semi = strchr(c->english, ';');

		buf_printf(&line, "  %.*s", semi ? (int)(semi - c->english) :
		    (int)strlen(c->english), c->english);
	}
	s = sanitize_text(line.s, line.len, 0);
	cw = (int)strlen(count);
	wrap_pad(&cell, s, strlen(s), ui->cols - cw);
	buf_adds(&cell, count);
	wattrset(w, selected ? ui->look[LOOK_SELECT] : A_NORMAL);
	mvwaddnstr(w, y, 0, cell.s, (int)cell.len);
	free(s);
	buf_free(&line);
	buf_free(&cell);
}

void
prompt_draw(struct ui *ui)
{
	struct prompt *p = ui->prompt;
	struct buf line = { 0 };
	char *typed;
	int rows, y, w;
	size_t i;
	WINDOW *list;

	rows = prompt_list_rows(ui);
	if (rows > 0) {
		if (p->sel < p->top)
			p->top = p->sel;
		if (p->sel >= p->top + (size_t)rows)
			p->top = p->sel - (size_t)rows + 1;
		list = newwin(rows, ui->cols, ui->body_h - rows, 0);
		if (list != NULL) {
			werase(list);
			if (p->nshown == 0) {
				wattrset(list, ui->look[LOOK_META]);
				mvwaddstr(list, 0, 1, "(nothing matches)");
			}
			for (y = 0, i = p->top; y < rows && i < p->nshown;
			    y++, i++)
				draw_choice(ui, list, y,
				    &p->choices[p->shown[i]], i == p->sel);
			wnoutrefresh(list);
			delwin(list);
		}
	}
	typed = sanitize_text(buf_str(&p->text), p->text.len, 0);
	buf_printf(&line, "%s: %s", p->label, typed);
	werase(ui->wstatus);
	wattrset(ui->wstatus, A_NORMAL);
	w = wrap_width(line.s, line.len);
	if (w >= ui->cols) {
		/* show the end of what is typed */
		size_t cut = line.len - wrap_fit(line.s + 0, line.len, w -
		    ui->cols + 1, NULL);

		mvwaddnstr(ui->wstatus, 0, 0, line.s + line.len - cut,
		    (int)cut);
	} else
		mvwaddnstr(ui->wstatus, 0, 0, line.s, (int)line.len);
	wnoutrefresh(ui->wstatus);
	free(typed);
	buf_free(&line);
}

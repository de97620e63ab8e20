/* Prompts: line editing, history, narrowing choices, and drawing them. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "db-read.h"
#include "db-state.h"
#include "filter.h"
#include "msg.h"
#include "prompt.h"
#include "sanitize.h"
#include "ui.h"
#include "wrap.h"
#include "xmalloc.h"

#define LIST_MAX	12	/* choices shown at once */
#define HISTORY_MAX	100	/* entries ↑ reaches back */
#define TEXT_MAX	256	/* bytes typed, at most */

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

/* The text changed: choices narrow; a command's candidates are gone. */
static void
edited(struct prompt *p)
{
	if (p->kind == PROMPT_COMMAND)
		prompt_set_list(p, NULL, 0);
	else
		narrow(p);
}

struct prompt *
prompt_open(enum prompt_kind kind, const char *label, struct choice *v,
    size_t n, prompt_fn *accept)
{
	struct prompt *p;

	p = xcalloc(1, sizeof(*p));
	p->kind = kind;
	p->label = label;
	p->choices = v;
	p->nchoices = n;
	p->accept = accept;
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
	free_strings(p->history, p->nhistory);
	free(p->draft);
	buf_free(&p->text);
	free(p);
}

void
prompt_history(struct prompt *p, struct ui *ui, const char *kind)
{
	p->history_kind = kind;
	p->nhistory = dbr_history(ui->db, kind, HISTORY_MAX, &p->history);
}

void
prompt_count_under(struct prompt *p, struct ui *ui)
{
	p->counting = !dbr_choices_counted(&ui->filter, p->kind ==
	    PROMPT_COUNTRY);
}

int
prompt_counting(const struct prompt *p)
{
	return p != NULL && p->counting;
}

void
prompt_count_step(struct ui *ui)
{
	struct prompt *p = ui->prompt;
	int countries = p->kind == PROMPT_COUNTRY;

	dbr_choices_step(ui->db, &ui->filter, countries, p->choices,
	    p->nchoices, &p->count);
	if (!p->count.done)
		return;
	p->counting = 0;
	filter_sort(p->choices, p->nchoices, countries && ui->filter.mentions);
	narrow(p);
	ui->dirty |= DIRTY_STATUS;
}

void
prompt_remember(struct prompt *p, struct ui *ui)
{
	const char *s = buf_str(&p->text);

	if (p->history_kind != NULL && s[strspn(s, " ")] != '\0')
		dbr_history_add(ui->db, p->history_kind, s);
}

void
prompt_set_text(struct prompt *p, const char *s)
{
	buf_truncate(&p->text, 0);
	buf_adds(&p->text, s);
	edited(p);
}

void
prompt_set_list(struct prompt *p, char **v, size_t n)
{
	size_t i;

	dbr_choices_free(p->choices, p->nchoices);
	p->choices = NULL;
	p->nchoices = 0;
	p->cycling = 0;
	if (n > 0) {
		p->choices = xcalloc(n, sizeof(*p->choices));
		for (i = 0; i < n; i++)
			p->choices[i].name = v[i];
		p->nchoices = n;
	}
	free(v);	/* the names are the choices' now */
	free(p->shown);
	p->shown = xcalloc(n + 1, sizeof(*p->shown));
	for (i = 0; i < n; i++)
		p->shown[i] = i;
	p->nshown = n;
	p->sel = p->top = 0;
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

/* ↑ (dir 1: older) and ↓ through the history; the draft at the end. */
static void
recall(struct prompt *p, int dir)
{
	if (dir > 0 ? p->hpos >= p->nhistory : p->hpos == 0)
		return;
	if (p->hpos == 0) {
		free(p->draft);
		p->draft = xstrdup(buf_str(&p->text));
	}
	p->hpos = dir > 0 ? p->hpos + 1 : p->hpos - 1;
	prompt_set_text(p, p->hpos == 0 ? p->draft : p->history[p->hpos - 1]);
}

/* A character typed or pasted: printable ones go into the text. */
static void
insert(struct prompt *p, key_code c)
{
	uint8_t u[8];
	int n;

	if (c >= KEYC_BASE || c < 0x20 || c == KEY_BSPACE ||
	    (c >= 0x80 && c < 0xa0) || p->text.len > TEXT_MAX)
		return;
	if ((n = u8_uctomb(u, (ucs4_t)c, sizeof(u))) > 0) {
		buf_add(&p->text, (const char *)u, (size_t)n);
		edited(p);
	}
}

enum prompt_result
prompt_key(struct ui *ui, struct prompt *p, const struct key_event *ev)
{
	key_code c = ev->key;

	if (ev->paste) {
		/* pasted text is text: a line break neither runs nor cancels */
		insert(p, c == '\t' || c == '\r' || c == '\n' ? ' ' : c);
		return PR_CONTINUE;
	}
	switch (c) {
	case '\r':
	case '\n':
		return PR_ACCEPT;
	case KEY_ESCAPE:
	case KEY_CTRL('g'):
		return PR_CANCEL;
	case KEY_BSPACE:
	case KEY_CTRL('h'):
		backspace(p);
		edited(p);
		return PR_CONTINUE;
	case KEY_CTRL('u'):
		buf_truncate(&p->text, 0);
		edited(p);
		return PR_CONTINUE;
	case KEY_CTRL('w'):
		delete_word(p);
		edited(p);
		return PR_CONTINUE;
	case KEYC_DOWN:
	case KEY_CTRL('n'):
		if (p->history_kind != NULL)
			recall(p, -1);
		else if (p->sel + 1 < p->nshown)
			p->sel++;
		return PR_CONTINUE;
	case KEYC_UP:
	case KEY_CTRL('p'):
		if (p->history_kind != NULL)
			recall(p, 1);
		else if (p->sel > 0)
			p->sel--;
		return PR_CONTINUE;
	case '\t':
		if (p->complete != NULL)
			p->complete(ui, p);
		else if (prompt_choice(p) != NULL)
			prompt_set_text(p, prompt_choice(p)->name);
		return PR_CONTINUE;
	}
	insert(p, c);
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

/* The first of the ";"-separated English names (caller frees). */
static char *
first_english(const char *english)
{
	const char *semi = strchr(english, ';');

	return semi ? xstrndup(english, (size_t)(semi - english)) :
	    xstrdup(english);
}

/* Columns of s, as it is shown: sanitised. */
static int
shown_width(const char *s)
{
	char *clean;
	int w;

	if (s == NULL)
		return 0;
	clean = sanitize_text(s, strlen(s), 0);
	w = wrap_width(clean, strlen(clean));
	free(clean);
	return w;
}

/* s sanitised and padded to cols columns (a column of the list). */
static void
add_cell(struct buf *b, const char *s, int cols)
{
	char *clean;

	clean = sanitize_text(s ? s : "", s ? strlen(s) : 0, 0);
	wrap_pad(b, clean, strlen(clean), cols);
	free(clean);
}

/*
 * The widths of the list's columns, by display width (中国 and 俄罗斯
 * differ): the name, the code and the ISO3 code; the name is not padded
 * when nothing follows it.
 */
static void
column_widths(const struct prompt *p, int *w)
{
	size_t i;
	int more;

	w[0] = w[1] = w[2] = 0;
	more = 0;
	for (i = 0; i < p->nchoices; i++) {
		const struct choice *c = &p->choices[i];
		int x;

		if ((x = shown_width(c->name)) > w[0])
			w[0] = x;
		if ((x = shown_width(c->code)) > w[1])
			w[1] = x;
		if ((x = shown_width(c->iso3)) > w[2])
			w[2] = x;
		more |= c->code != NULL || c->iso3 != NULL || c->english != NULL;
	}
	if (!more)
		w[0] = 0;
}

/* One choice: name, codes, English name, count; padded to the width. */
static void
draw_choice(struct ui *ui, WINDOW *w, int y, const struct choice *c,
    int selected, const int *cw)
{
	struct buf line = { 0 }, cell = { 0 };
	char count[32], *english;
	int n;

	snprintf(count, sizeof(count), " %d", ui->prompt->kind ==
	    PROMPT_COUNTRY && ui->filter.mentions ? c->nall : c->n);
	if (ui->prompt->counting)
		snprintf(count, sizeof(count), " …");	/* being counted */
	if (ui->prompt->kind == PROMPT_COPY ||
	    ui->prompt->kind == PROMPT_COMMAND ||
	    ui->prompt->kind == PROMPT_CHOOSE)
		count[0] = '\0';
	buf_addc(&line, ' ');
	if (ui->prompt->kind == PROMPT_COPY && c->code != NULL) {
		/* a URL and the number of its note, as the text shows it */
		buf_addc(&line, '[');
		add_cell(&line, c->code, shown_width(c->code));
		buf_adds(&line, "] ");
		add_cell(&line, c->name, shown_width(c->name));
	} else {
		add_cell(&line, c->name, cw[0] > 0 ? cw[0] :
		    shown_width(c->name));
		if (cw[1] > 0) {
			buf_adds(&line, "  ");
			add_cell(&line, c->code, cw[1]);
		}
		if (cw[2] > 0) {
			buf_addc(&line, ' ');
			add_cell(&line, c->iso3, cw[2]);
		}
	}
	if (c->english != NULL) {
		english = first_english(c->english);
		buf_adds(&line, "  ");
		add_cell(&line, english, shown_width(english));
		free(english);
	}
	n = (int)strlen(count);
	/* what does not fit ends in …, so that a cut URL says it is cut */
	wrap_cut(&cell, line.s, line.len, ui->cols - n);
	buf_adds(&cell, count);
	wattrset(w, selected ? ui->look[LOOK_SELECT] : A_NORMAL);
	mvwaddnstr(w, y, 0, cell.s, (int)cell.len);
	buf_free(&line);
	buf_free(&cell);
}

void
prompt_draw(struct ui *ui)
{
	struct prompt *p = ui->prompt;
	struct buf line = { 0 };
	char *typed;
	int rows, y, w, cw[3];
	size_t i;
	WINDOW *list;

	rows = prompt_list_rows(ui);
	column_widths(p, cw);
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
				mvwaddstr(list, 0, 1, msg(MSG_PROMPT_NOTHING));
			}
			/* candidates for Tab: none chosen until Tab again */
			for (y = 0, i = p->top; y < rows && i < p->nshown;
			    y++, i++)
				draw_choice(ui, list, y,
				    &p->choices[p->shown[i]], i == p->sel &&
				    (p->kind != PROMPT_COMMAND ||
				    p->cycling > 1), cw);
			wnoutrefresh(list);
			delwin(list);
		}
	}
	typed = sanitize_text(buf_str(&p->text), p->text.len, 0);
	buf_printf(&line, "%s%s", p->label, typed);
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

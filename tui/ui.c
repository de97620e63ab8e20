/*
 * The reader's loop: layout, the one redraw path, and the actions the
 * keys are bound to.
 */
#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "prompt.h"
#include "render.h"
#include "tree.h"
#include "ui.h"
#include "xmalloc.h"

#define SIDE_MIN	24
#define SIDE_MAX	40

int
ui_side_visible(const struct ui *ui)
{
	if (ui->cols < NARROW_COLS)
		return ui->focus == PANE_SIDE;
	return ui->side_shown;
}

int
ui_art_visible(const struct ui *ui)
{
	return ui->cols >= NARROW_COLS || ui->focus == PANE_ART;
}

static void
setup_looks(struct ui *ui)
{
	static const struct {
		enum look	look;
		short		fg, bg;
		attr_t		mono, extra;
	} looks[] = {
		{ LOOK_TITLE, COLOR_CYAN, -1, A_BOLD, A_BOLD },
		{ LOOK_META, COLOR_YELLOW, -1, A_NORMAL, 0 },
		{ LOOK_HEADING, COLOR_GREEN, -1, A_BOLD, A_BOLD },
		{ LOOK_MATCH, COLOR_BLACK, COLOR_YELLOW, A_UNDERLINE, 0 },
		{ LOOK_CURMATCH, COLOR_BLACK, COLOR_GREEN, A_REVERSE, 0 },
		{ LOOK_RULE, COLOR_BLUE, -1, A_NORMAL, 0 },
		{ LOOK_URL, COLOR_BLUE, -1, A_UNDERLINE, 0 },
		{ LOOK_SELECT, -1, -1, A_REVERSE, A_REVERSE },
		{ LOOK_STATUS, -1, -1, A_REVERSE, A_REVERSE },
		{ LOOK_ERROR, COLOR_WHITE, COLOR_RED, A_REVERSE | A_BOLD, 0 },
		{ LOOK_COUNT, -1, -1, A_NORMAL, 0 },
		{ LOOK_FLAG, COLOR_RED, -1, A_BOLD, 0 },
	};
	const char *nc;
	size_t i;

	nc = getenv("NO_COLOR");
	ui->color = has_colors() && (nc == NULL || *nc == '\0');
	if (ui->color) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < sizeof(looks) / sizeof(looks[0]); i++) {
		if (ui->color && (looks[i].fg != -1 || looks[i].bg != -1)) {
			init_pair((short)looks[i].look, looks[i].fg,
			    looks[i].bg);
			ui->look[looks[i].look] = COLOR_PAIR(looks[i].look) |
			    looks[i].extra;
		} else
			ui->look[looks[i].look] = looks[i].mono;
	}
}

/* Lays the article out again (a new width, new search words), keeping
 * the same text at the top. */
static void
render(struct ui *ui)
{
	long long anchor;

	anchor = ui->r != NULL ? render_anchor(ui->r, ui->scroll) : 0;
	render_free(ui->r);
	ui->r = NULL;
	if (!ui->have_art)
		return;
	ui->r = render_article(&ui->art, pane_width(ui), ui->filter.typed);
	ui->scroll = render_line_of(ui->r, anchor);
	if (ui->match >= ui->r->noccs)
		ui->match = 0;
}

/* One layout computes every region; everything is redrawn. */
static void
layout(struct ui *ui)
{
	int side, artx;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->body_h = ui->rows - 1 > 0 ? ui->rows - 1 : 1;
	side = ui->cols * 35 / 100;
	if (side < SIDE_MIN)
		side = SIDE_MIN;
	if (side > SIDE_MAX)
		side = SIDE_MAX;
	if (ui->cols < NARROW_COLS)
		side = ui->cols - 1;
	ui->side_w = side;
	delwin(ui->wside);
	delwin(ui->wborder);
	delwin(ui->wart);
	delwin(ui->wstatus);
	ui->wside = ui->wborder = ui->wart = NULL;
	/* parts of stdscr, sharing its cells: a screenful less memory */
	if (ui_side_visible(ui)) {
		ui->wside = derwin(stdscr, ui->body_h, ui->cols < NARROW_COLS ?
		    ui->cols : side, 0, 0);
		if (ui->cols >= NARROW_COLS)
			ui->wborder = derwin(stdscr, ui->body_h, 1, 0, side);
	}
	if (ui_art_visible(ui)) {
		artx = ui_side_visible(ui) ? side + 1 : 0;
		ui->wart = derwin(stdscr, ui->body_h, ui->cols - artx > 0 ?
		    ui->cols - artx : 1, 0, artx);
		if (ui->wart != NULL)
			idlok(ui->wart, TRUE);
	}
	ui->wstatus = derwin(stdscr, 1, ui->cols, ui->body_h, 0);
	/* the cursor is hidden: no move to put it back after drawing */
	leaveok(stdscr, TRUE);
	leaveok(ui->wside, TRUE);	/* a hidden pane's NULL: ERR, no harm */
	leaveok(ui->wborder, TRUE);
	leaveok(ui->wart, TRUE);
	if (ui->have_art && (ui->r == NULL || ui->r->width != pane_width(ui)))
		render(ui);
	ui->dirty |= DIRTY_ALL;
}

/* A window's contents, unchanged, copied to the screen again. */
static void
touch(WINDOW *w)
{
	if (w == NULL)
		return;
	touchwin(w);
	wnoutrefresh(w);
}

/* The one redraw path: every dirty region, then one doupdate(). */
static void
ui_draw(struct ui *ui)
{
	if (ui->dirty & (DIRTY_ALL | DIRTY_CLEAR)) {
		/* a clear costs the next scroll: ncurses forgets the rows */
		if (ui->dirty & DIRTY_CLEAR)
			clearok(curscr, TRUE);
		werase(stdscr);
		wnoutrefresh(stdscr);
		ui->dirty |= DIRTY_SIDE | DIRTY_ART | DIRTY_STATUS;
		if (ui->wborder != NULL) {
			wattrset(ui->wborder, ui->look[LOOK_RULE]);
			mvwvline(ui->wborder, 0, 0, ACS_VLINE, ui->body_h);
			wnoutrefresh(ui->wborder);
		}
	}
	if (ui->help) {
		help_draw(ui);
		ui->dirty = 0;
		doupdate();
		return;
	}
	if ((ui->dirty & DIRTY_SIDE) && ui->wside != NULL)
		sidebar_draw(ui);
	if ((ui->dirty & DIRTY_ART) && ui->wart != NULL)
		pane_draw(ui);
	if (ui->prompt != NULL || ui->overlay) {
		/*
		 * The list of choices covers the panes and changes size as
		 * one types: the panes are copied back under it first.
		 */
		touch(ui->wside);
		touch(ui->wborder);
		touch(ui->wart);
		ui->overlay = ui->prompt != NULL;
	}
	/* but for a prompt's, shown where one types */
	leaveok(ui->wstatus, ui->prompt == NULL);
	if (ui->prompt != NULL)
		prompt_draw(ui);
	else if (ui->dirty & DIRTY_STATUS)
		status_draw(ui);
	ui->dirty = 0;
	curs_set(ui->prompt != NULL);
	doupdate();
}

static void
close_article(struct ui *ui)
{
	if (ui->have_art)
		art_free(&ui->art);
	ui->have_art = 0;
	render_free(ui->r);
	ui->r = NULL;
}

/* Opens an article at a place (0: its top) from render_anchor(). */
static void
open_article(struct ui *ui, int64_t id, long long anchor)
{
	close_article(ui);
	if (!dbr_article(ui->db, id, &ui->art)) {
		ui_message(ui, 1, "cannot read the article: %s",
		    dbr_error(ui->db));
		return;
	}
	ui->have_art = 1;
	ui->match = 0;
	render(ui);
	ui->scroll = render_line_of(ui->r, anchor);
	if (ui->r->nmatches > 0 && anchor == 0) {
		/* open at the first match, a little below the top */
		size_t line = ui->r->matches[0].line;

		ui->scroll = line > 3 ? line - 3 : 0;
	}
	{
		int read, flagged;

		dbr_marks(ui->db, ui->art.key, &read, &flagged);
		if (!read)
			dbr_mark(ui->db, ui->art.key, 1, flagged);
		tree_set_marks(ui->tree, ui->art.key, 1, flagged);
	}
	ui->dirty |= DIRTY_ART | DIRTY_SIDE | DIRTY_STATUS;
	if (ui->cols < NARROW_COLS && ui->focus != PANE_ART) {
		ui->focus = PANE_ART;
		layout(ui);
	}
}

static void
focus(struct ui *ui, enum pane p)
{
	if (ui->focus == p)
		return;
	ui->focus = p;
	if (ui->cols < NARROW_COLS)
		layout(ui);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

static void
scroll_by(struct ui *ui, long delta)
{
	long max, s;

	if (ui->r == NULL)
		return;
	max = (long)ui->r->nlines - ui->body_h;
	if (max < 0)
		max = 0;
	s = (long)ui->scroll + delta;
	if (s > max)
		s = max;
	if (s < 0)
		s = 0;
	if ((size_t)s != ui->scroll) {
		ui->scroll = (size_t)s;
		ui->dirty |= DIRTY_ART | DIRTY_STATUS;
	}
}

static void
cursor_by(struct ui *ui, long delta)
{
	size_t old;
	long c;

	old = tree_cursor(ui->tree);
	c = (long)old + delta;
	tree_set_cursor(ui->tree, c < 0 ? 0 : (size_t)c);
	if (tree_cursor(ui->tree) != old)
		ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

/* Enter on a row: open an article, or expand/collapse a group. */
static void
open_row(struct ui *ui)
{
	struct trow r;
	size_t cur;

	cur = tree_cursor(ui->tree);
	if (!tree_row(ui->tree, cur, &r))
		return;
	if (r.kind == TR_ARTICLE) {
		open_article(ui, r.id, 0);
		focus(ui, PANE_ART);
		return;
	}
	tree_expand(ui->tree, cur, !r.expanded);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

static void
back(struct ui *ui)
{
	struct trow r;
	size_t cur;

	if (ui->focus == PANE_ART) {
		focus(ui, PANE_SIDE);
		return;
	}
	cur = tree_cursor(ui->tree);
	if (!tree_row(ui->tree, cur, &r))
		return;
	if (r.kind != TR_ARTICLE && r.expanded)
		tree_expand(ui->tree, cur, 0);
	else
		tree_set_cursor(ui->tree, tree_parent(ui->tree, cur));
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

static void
step_article(struct ui *ui, int dir)
{
	struct trow r;

	if (!tree_step_article(ui->tree, dir)) {
		ui_message(ui, 0, dir > 0 ? "no next article" :
		    "no previous article");
		return;
	}
	tree_row(ui->tree, tree_cursor(ui->tree), &r);
	open_article(ui, r.id, 0);
	ui->dirty |= DIRTY_SIDE;
}

/* The line of the first part of occurrence occ. */
static size_t
match_line(const struct rendered *r, size_t occ)
{
	size_t i;

	for (i = 0; i < r->nmatches; i++)
		if (r->matches[i].occ == occ)
			return r->matches[i].line;
	return 0;
}

static void
goto_match(struct ui *ui, int dir)
{
	size_t n, line;

	if (ui->r == NULL || ui->r->noccs == 0) {
		ui_message(ui, 0, ui->filter.query ? "no match here" :
		    "no search: press / to search");
		return;
	}
	n = ui->r->noccs;
	if (dir > 0)
		ui->match = (ui->match + 1) % n;
	else
		ui->match = (ui->match + n - 1) % n;
	line = match_line(ui->r, ui->match);
	if (line < ui->scroll || line >= ui->scroll + (size_t)ui->body_h)
		scroll_by(ui, (long)line - (long)ui->scroll - ui->body_h / 3);
	ui_message(ui, 0, "match %zu/%zu", ui->match + 1, n);
	ui->dirty |= DIRTY_ART;
}

/* The filters changed: rebuild the tree, keeping the article. */
static void
refilter(struct ui *ui)
{
	tree_reload(ui->tree, &ui->filter, ui->have_art ? ui->art.key : NULL);
	ui->side_top = 0;
	if (ui->have_art)
		render(ui);
	ui->dirty |= DIRTY_SIDE | DIRTY_ART | DIRTY_STATUS;
	if (tree_nrows(ui->tree) == 0)
		ui_message(ui, 0, ui->filter.query ?
		    "no article matches (x clears)" :
		    "nothing matches the filters (x clears)");
}

static void
start_prompt(struct ui *ui, enum prompt_kind kind)
{
	struct choice *v;
	size_t n, i;

	v = NULL;
	n = 0;
	switch (kind) {
	case PROMPT_COUNTRY:
		n = dbr_countries(ui->db, &v);
		ui->prompt = prompt_open(kind, ui->filter.mentions ?
		    "国家 (提及也算)" : "国家", v, n);
		break;
	case PROMPT_THEME:
		n = dbr_themes(ui->db, &v);
		ui->prompt = prompt_open(kind, "主题", v, n);
		break;
	case PROMPT_COPY:
		if (!ui->have_art) {
			ui_message(ui, 0, "open an article first");
			return;
		}
		n = ui->r->nurls + 1;
		v = xcalloc(n, sizeof(*v));
		v[0].name = xstrdup("引用 citation");
		for (i = 1; i < n; i++)
			v[i].name = xstrdup(ui->r->urls[i - 1]);
		ui->prompt = prompt_open(kind, "copy", v, n);
		break;
	default:
		ui->prompt = prompt_open(kind, "/", NULL, 0);
	}
	ui->dirty |= DIRTY_STATUS;
}

static void
set_name(char **slot, const char *name)
{
	free(*slot);
	*slot = name ? xstrdup(name) : NULL;
}

static void
accept_prompt(struct ui *ui)
{
	struct prompt *p = ui->prompt;
	const struct choice *c;
	char *q, *text;

	c = prompt_choice(p);
	switch (p->kind) {
	case PROMPT_SEARCH:
		if ((q = dbr_fts_query(buf_str(&p->text))) == NULL)
			break;
		free(ui->filter.query);
		ui->filter.query = q;
		set_name(&ui->filter.typed, buf_str(&p->text));
		focus(ui, PANE_SIDE);
		refilter(ui);
		break;
	case PROMPT_COUNTRY:
	case PROMPT_THEME:
		if (c == NULL) {
			ui_message(ui, 1, "nothing matches %s",
			    buf_str(&p->text));
			break;
		}
		if (p->kind == PROMPT_COUNTRY) {
			ui->filter.country = c->id;
			set_name(&ui->country_name, c->name);
		} else {
			ui->filter.theme = c->id;
			set_name(&ui->theme_name, c->name);
		}
		refilter(ui);
		break;
	case PROMPT_COPY:
		if (c == NULL)
			break;
		text = c == &p->choices[0] ? render_citation(&ui->art) :
		    xstrdup(c->name);
		doupdate();
		term_clipboard(text);
		ui_message(ui, 0, "copied: %s", text);
		free(text);
		break;
	}
}

static void
clear_filters(struct ui *ui)
{
	free(ui->filter.query);
	free(ui->filter.typed);
	memset(&ui->filter, 0, sizeof(ui->filter));
	set_name(&ui->country_name, NULL);
	set_name(&ui->theme_name, NULL);
	refilter(ui);
	ui_message(ui, 0, "filters and search cleared");
}

static void
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
		ui_message(ui, 0, "select an article");
		return;
	}
	dbr_marks(ui->db, key, &read, &flagged);
	if (flag)
		flagged = !flagged;
	else
		read = !read;
	dbr_mark(ui->db, key, read, flagged);
	tree_set_marks(ui->tree, key, read, flagged);
	ui_message(ui, 0, flag ? (flagged ? "flagged" : "unflagged") :
	    (read ? "marked read" : "marked unread"));
	ui->dirty |= DIRTY_SIDE;
}

static void
move_by(struct ui *ui, enum action a)
{
	long page = ui->body_h > 1 ? ui->body_h - 1 : 1;
	int art = ui->focus == PANE_ART && ui->have_art;
	long d;

	switch (a) {
	case ACT_DOWN:
		d = 1;
		break;
	case ACT_UP:
		d = -1;
		break;
	case ACT_PGDN:
		d = page;
		break;
	case ACT_PGUP:
		d = -page;
		break;
	case ACT_HALFDN:
		d = page / 2;
		break;
	case ACT_HALFUP:
		d = -page / 2;
		break;
	case ACT_TOP:
		d = art ? -(long)ui->scroll : -(long)tree_cursor(ui->tree);
		break;
	case ACT_BOTTOM:
		if (!art)
			tree_load_all(ui->tree);
		d = art ? (long)ui->r->nlines : (long)tree_nrows(ui->tree);
		break;
	default:
		return;
	}
	if (art)
		scroll_by(ui, d);
	else
		cursor_by(ui, d);
}

static void
act(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_DOWN: case ACT_UP: case ACT_PGDN: case ACT_PGUP: case ACT_HALFDN:
	case ACT_HALFUP: case ACT_TOP: case ACT_BOTTOM:
		move_by(ui, a);
		break;
	case ACT_OPEN:
		if (ui->focus == PANE_SIDE)
			open_row(ui);
		break;
	case ACT_BACK:
		back(ui);
		break;
	case ACT_PREV_ART:
		step_article(ui, -1);
		break;
	case ACT_NEXT_ART:
		step_article(ui, 1);
		break;
	case ACT_SWITCH:
		focus(ui, ui->focus == PANE_SIDE && ui->have_art ? PANE_ART :
		    PANE_SIDE);
		break;
	case ACT_SEARCH:
		start_prompt(ui, PROMPT_SEARCH);
		break;
	case ACT_NEXT_MATCH:
		goto_match(ui, 1);
		break;
	case ACT_PREV_MATCH:
		goto_match(ui, -1);
		break;
	case ACT_COUNTRY:
		start_prompt(ui, PROMPT_COUNTRY);
		break;
	case ACT_THEME:
		start_prompt(ui, PROMPT_THEME);
		break;
	case ACT_WIDEN:
		ui->filter.mentions = !ui->filter.mentions;
		if (ui->filter.country)
			refilter(ui);
		ui_message(ui, 0, ui->filter.mentions ?
		    "country filter: any mention" :
		    "country filter: subjects only");
		break;
	case ACT_FLAGGED:
		ui->filter.flagged = !ui->filter.flagged;
		refilter(ui);
		break;
	case ACT_CLEAR:
		clear_filters(ui);
		break;
	case ACT_FLAG:
		toggle_marks(ui, 1);
		break;
	case ACT_READ:
		toggle_marks(ui, 0);
		break;
	case ACT_COPY:
		start_prompt(ui, PROMPT_COPY);
		break;
	case ACT_SIDEBAR:
		if (ui->cols < NARROW_COLS)
			focus(ui, ui->focus == PANE_SIDE && ui->have_art ?
			    PANE_ART : PANE_SIDE);
		else {
			ui->side_shown = !ui->side_shown;
			if (!ui->side_shown && ui->have_art)
				ui->focus = PANE_ART;
			else if (!ui->side_shown)
				ui->side_shown = 1;
			layout(ui);
		}
		break;
	case ACT_REDRAW:
		ui->dirty |= DIRTY_CLEAR;
		break;
	case ACT_HELP:
		ui->help = 1;
		ui->dirty |= DIRTY_ALL;
		break;
	case ACT_QUIT:
		ui->quit = 1;
		break;
	case ACT_NONE:
		break;
	}
}

static void
key(struct ui *ui, wint_t c, int keycode)
{
	enum prompt_result pr;

	if (ui->msg != NULL) {
		free(ui->msg);
		ui->msg = NULL;
		ui->dirty |= DIRTY_STATUS;
	}
	if (ui->prompt != NULL) {
		pr = prompt_key(ui->prompt, c, keycode);
		if (pr == PR_CONTINUE) {
			ui->dirty |= DIRTY_STATUS;
			return;
		}
		if (pr == PR_ACCEPT)
			accept_prompt(ui);
		prompt_close(ui->prompt);
		ui->prompt = NULL;
		ui->dirty |= DIRTY_STATUS;
		return;
	}
	if (ui->help) {
		help_key(ui, key_action(c, keycode));
		return;
	}
	act(ui, key_action(c, keycode));
}

static void
restore(struct ui *ui)
{
	struct trow r;
	char *k;
	long long anchor;

	if ((k = dbr_load_position(ui->db, &anchor)) == NULL)
		return;
	if (tree_select_key(ui->tree, k) &&
	    tree_row(ui->tree, tree_cursor(ui->tree), &r)) {
		open_article(ui, r.id, anchor);
		focus(ui, PANE_ART);
	}
	free(k);
}

static void
save(struct ui *ui)
{
	if (ui->have_art && ui->r != NULL)
		dbr_save_position(ui->db, ui->art.key,
		    render_anchor(ui->r, ui->scroll));
}

int
ui_run(struct dbr *db, const char *warning)
{
	struct ui ui;
	wint_t c;
	int rc, counting;

	memset(&ui, 0, sizeof(ui));
	ui.db = db;
	ui.side_shown = 1;
	ui.focus = PANE_SIDE;
	if (term_begin() == -1)
		return -1;
	setup_looks(&ui);
	ui.tree = tree_create(db, &ui.filter);
	layout(&ui);
	restore(&ui);
	if (warning != NULL)
		ui_message(&ui, 1, "%s", warning);
	while (!ui.quit && !term_signalled()) {
		ui_draw(&ui);
		/* what a filter matches is counted between keys */
		counting = tree_counting(ui.tree);
		timeout(counting ? 0 : -1);
		rc = get_wch(&c);
		if (rc == ERR && counting) {
			if (!tree_count_step(ui.tree))
				ui.dirty |= DIRTY_STATUS;
			continue;
		}
		if (rc == ERR) {
			if (errno == EINTR || term_signalled())
				continue;
			break;		/* the terminal is gone */
		}
		if (rc == KEY_CODE_YES && c == KEY_RESIZE) {
			layout(&ui);
			ui.dirty |= DIRTY_CLEAR;
			continue;
		}
		key(&ui, c, rc == KEY_CODE_YES);
	}
	save(&ui);
	term_end();
	prompt_close(ui.prompt);
	close_article(&ui);
	tree_free(ui.tree);
	free(ui.filter.query);
	free(ui.country_name);
	free(ui.theme_name);
	free(ui.filter.typed);
	free(ui.msg);
	delwin(ui.wside);
	delwin(ui.wborder);
	delwin(ui.wart);
	delwin(ui.wstatus);
	return 0;
}

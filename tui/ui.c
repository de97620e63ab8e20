/*
 * The reader's loop: layout, the one redraw path, the terminal's input
 * parsed into keys and each key run as the command it is bound to; and
 * what commands do to the screen (ui_open_article, ui_focus, ...).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bind.h"
#include "cmd.h"
#include "config.h"
#include "db-state.h"
#include "expr.h"
#include "msg.h"
#include "keyparse.h"
#include "prompt.h"
#include "render.h"
#include "tree.h"
#include "ui.h"
#include "xmalloc.h"

#define SIDE_MIN	24	/* the sidebar as wide as the screen suggests */
#define SIDE_MAX	40
#define SIDE_LEAST	12	/* the narrowest it can be made */
#define ART_LEAST	20	/* what the article keeps beside it */
#define MARGIN		1	/* columns blank on each side of the text */
#define TEXT_LEAST	10	/* the narrowest text */
#define MEASURE		80	/* the widest text line, unless set */

/* Lays the article out again (a new width, new search words, a new
 * date format), keeping the same text at the top. */
static void
render(struct ui *ui)
{
	long long anchor;

	anchor = ui->r != NULL ? render_anchor(ui->r, ui->scroll) : 0;
	render_free(ui->r);
	ui->r = NULL;
	if (!ui->have_art)
		return;
	ui->r = ui->find != NULL ? render_article_find(&ui->art, ui->text_w,
	    ui->find) : render_article(&ui->art, ui->text_w, ui->filter.typed);
	ui->scroll = render_line_of(ui->r, anchor);
	if (ui->match >= ui->r->noccs)
		ui->match = 0;
}

void
ui_show_match(struct ui *ui)
{
	size_t i, line;

	for (i = 0, line = 0; i < ui->r->nmatches; i++)
		if (ui->r->matches[i].occ == ui->match) {
			line = ui->r->matches[i].line;
			break;
		}
	if (line < ui->scroll || line >= ui->scroll + (size_t)ui->body_h)
		ui_scroll(ui, (long)line - (long)ui->scroll - ui->body_h / 3);
	ui_say(ui, 0, MSG_MATCH_N, ui->match + 1, ui->r->noccs);
	ui->dirty |= DIRTY_ART;
}

void
ui_rerender(struct ui *ui)
{
	render(ui);
	ui->dirty |= DIRTY_ART | DIRTY_STATUS;
}

/* The sidebar's width beside the article on a screen this wide. */
static int
side_width(const struct ui *ui)
{
	int side;

	if (ui->side_want > 0) {
		side = ui->side_want;
		if (side > ui->cols - 1 - ART_LEAST)
			side = ui->cols - 1 - ART_LEAST;
		return side < SIDE_LEAST ? SIDE_LEAST : side;
	}
	side = ui->cols * 35 / 100;
	if (side < SIDE_MIN)
		side = SIDE_MIN;
	return side > SIDE_MAX ? SIDE_MAX : side;
}

/*
 * Where everything goes: on a narrow screen the sidebar and the article
 * take turns, on a wide one they stand side by side (unless s hid the
 * sidebar); the text is at most the measure wide, and the status line
 * takes the whole last row.
 */
static void
geometry(struct ui *ui)
{
	int avail;

	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->body_h = ui->rows - 1 > 0 ? ui->rows - 1 : 1;
	if (ui->cols < NARROW_COLS) {
		ui->side_on = ui->focus == PANE_SIDE;
		ui->art_on = !ui->side_on;
		ui->side_w = ui->cols;
		ui->art_x = 0;
	} else {
		ui->side_on = ui->side_shown;
		ui->art_on = 1;
		ui->side_w = side_width(ui);
		ui->art_x = ui->side_on ? ui->side_w + 1 : 0;
	}
	ui->art_w = ui->cols - ui->art_x > 0 ? ui->cols - ui->art_x : 1;
	avail = ui->art_w - 2 * MARGIN;
	ui->text_w = ui->measure > 0 && ui->measure < avail ? ui->measure :
	    avail;
	if (ui->text_w < TEXT_LEAST)
		ui->text_w = TEXT_LEAST;
	/* left, beside the sidebar the eye comes from, as man and less */
	ui->text_x = MARGIN;
}

/* One layout computes every region; everything is redrawn.  Before the
 * terminal is set up (a configuration's set) there is nothing to do. */
void
ui_layout(struct ui *ui)
{
	if (!ui->started)
		return;
	geometry(ui);
	delwin(ui->wside);
	delwin(ui->wborder);
	delwin(ui->wart);
	delwin(ui->wstatus);
	ui->wside = ui->wborder = ui->wart = NULL;
	/* parts of stdscr, sharing its cells: a screenful less memory */
	if (ui->side_on) {
		ui->wside = derwin(stdscr, ui->body_h, ui->side_w, 0, 0);
		if (ui->art_on)
			ui->wborder = derwin(stdscr, ui->body_h, 1, 0,
			    ui->side_w);
	}
	if (ui->art_on) {
		ui->wart = derwin(stdscr, ui->body_h, ui->art_w, 0, ui->art_x);
		if (ui->wart != NULL)
			idlok(ui->wart, TRUE);
	}
	ui->wstatus = derwin(stdscr, 1, ui->cols, ui->body_h, 0);
	/* the cursor is hidden: no move to put it back after drawing */
	leaveok(stdscr, TRUE);
	leaveok(ui->wside, TRUE);	/* a hidden pane's NULL: ERR, no harm */
	leaveok(ui->wborder, TRUE);
	leaveok(ui->wart, TRUE);
	if (ui->have_art && (ui->r == NULL || ui->r->width != ui->text_w))
		render(ui);
	ui->dirty |= DIRTY_ALL;
}

/* A setting kept in the state, as a number: def when there is none. */
static int
setting(struct ui *ui, const char *name, int def)
{
	char *v, *end;
	long n;

	if ((v = dbr_setting(ui->db, name)) == NULL)
		return def;
	n = strtol(v, &end, 10);
	if (end == v || *end != '\0' || n < 0 || n > 1000)
		n = def;
	free(v);
	return (int)n;
}

static void
set_setting(struct ui *ui, const char *name, int value)
{
	char v[16];

	snprintf(v, sizeof(v), "%d", value);
	dbr_set_setting(ui->db, name, v);
}

void
ui_set_side_width(struct ui *ui, int cols, int keep)
{
	ui->side_want = cols < 0 ? 0 : cols;
	if (keep)
		set_setting(ui, "sidebar-width", ui->side_want);
	ui_layout(ui);
}

void
ui_set_measure(struct ui *ui, int cols, int keep)
{
	ui->measure = cols < 0 ? 0 : cols;
	if (keep)
		set_setting(ui, "measure", ui->measure);
	ui_layout(ui);
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
	int full = (ui->dirty & DIRTY_CLEAR) != 0;

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
		pane_links_update(ui, full);
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
	pane_links_update(ui, full);
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

/* The article in the pane, at a place from render_anchor() (0: where
 * it was left, or at the first match); 0 when it cannot be read. */
static int
show(struct ui *ui, int64_t id, long long anchor)
{
	marks_leave(ui);
	close_article(ui);
	ui->preview = 0;
	if (!dbr_article(ui->db, id, &ui->art)) {
		ui_say(ui, 1, MSG_CANNOT_READ_ARTICLE,
		    dbr_error(ui->db));
		return 0;
	}
	ui->have_art = 1;
	ui->match = 0;
	render(ui);
	if (anchor == 0 && ui->r->nmatches == 0)
		anchor = dbr_place(ui->db, ui->art.key);
	ui->scroll = render_line_of(ui->r, anchor);
	if (ui->r->nmatches > 0 && anchor == 0) {
		/* open at the first match, a little below the top */
		size_t line = ui->r->matches[0].line;

		ui->scroll = line > 3 ? line - 3 : 0;
	}
	ui->dirty |= DIRTY_ART | DIRTY_SIDE | DIRTY_STATUS;
	return 1;
}

/* The article shown is being read: it is marked so. */
static void
read_it(struct ui *ui)
{
	int read, flagged;

	ui->preview = 0;
	dbr_marks(ui->db, ui->art.key, &read, &flagged);
	if (!read)
		dbr_mark(ui->db, ui->art.key, 1, flagged);
	tree_set_marks(ui->tree, ui->art.key, 1, flagged);
}

void
ui_open_article(struct ui *ui, int64_t id, long long anchor)
{
	if (!show(ui, id, anchor))
		return;
	read_it(ui);
	if (ui->cols < NARROW_COLS && ui->focus != PANE_ART) {
		ui->focus = PANE_ART;
		ui_layout(ui);
	}
}

void
ui_show_article(struct ui *ui, int64_t id)
{
	if (show(ui, id, 0))
		ui->preview = 1;
}

void
ui_focus(struct ui *ui, enum pane p)
{
	if (ui->focus == p)
		return;
	ui->focus = p;
	if (p == PANE_ART && ui->have_art && ui->preview)
		read_it(ui);	/* a result looked at is read */
	if (ui->cols < NARROW_COLS)
		ui_layout(ui);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

/* Scrolls the article by delta lines, within its ends. */
void
ui_scroll(struct ui *ui, long delta)
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

/* The filters changed: rebuild the tree, keeping the article. */
void
ui_refilter(struct ui *ui)
{
	tree_reload(ui->tree, &ui->filter, ui->have_art ? ui->art.key : NULL);
	ui->side_top = 0;
	if (ui->have_art)
		render(ui);
	ui->dirty |= DIRTY_SIDE | DIRTY_ART | DIRTY_STATUS;
	if (tree_nrows(ui->tree) == tree_nviews(ui->tree))
		ui_say(ui, 0, ui->filter.query ? MSG_NO_ARTICLE_MATCHES :
		    MSG_NO_FILTER_MATCHES);
}

void
ui_prompt(struct ui *ui, struct prompt *p)
{
	prompt_close(ui->prompt);
	ui->prompt = p;
	ui->dirty |= DIRTY_STATUS;
}

/* A key in a prompt: Enter runs what the prompt was opened for. */
static void
prompt_event(struct ui *ui, const struct key_event *ev)
{
	struct prompt *p = ui->prompt;
	enum prompt_result pr;

	pr = prompt_key(ui, p, ev);
	ui->dirty |= DIRTY_STATUS;
	if (pr == PR_CONTINUE)
		return;
	/* off the screen first: what Enter runs may open another */
	ui->prompt = NULL;
	if (pr == PR_ACCEPT) {
		prompt_remember(p, ui);
		if (p->accept != NULL)
			p->accept(ui, p);
	}
	prompt_close(p);
}

static void
event(struct ui *ui, const struct key_event *ev)
{
	struct cmd_error err = { 0, NULL };
	const char *line;

	/* a paste is text for a prompt, and nothing anywhere else */
	if (ev->paste && ui->prompt == NULL)
		return;
	if (ui->msg != NULL) {
		free(ui->msg);
		ui->msg = NULL;
		ui->dirty |= DIRTY_STATUS;
	}
	line = bind_lookup(ui->binds, ev->key);
	if (ui->prompt != NULL)
		prompt_event(ui, ev);
	else if (ui->help)
		help_key(ui, line);
	else if (line != NULL && cmd_run(ui, line, &err) == -1)
		ui_message(ui, 1, "%s", err.msg);
	cmd_error_free(&err);
}

void
ui_restore(struct ui *ui)
{
	struct trow r;
	char *k;
	long long anchor;

	if ((k = dbr_load_position(ui->db, &anchor)) == NULL)
		return;
	if (tree_select_key(ui->tree, k) &&
	    tree_row(ui->tree, tree_cursor(ui->tree), &r)) {
		ui_open_article(ui, r.id, anchor);
		ui_focus(ui, PANE_ART);
	}
	free(k);
}

static void
save(struct ui *ui)
{
	if (ui->have_art && ui->r != NULL && !ui->preview)
		dbr_save_position(ui->db, ui->art.key,
		    render_anchor(ui->r, ui->scroll));
	marks_leave(ui);
}

static void ui_free(struct ui *);

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The events the parser made, each run; none after q. */
static void
events(struct ui *ui, const struct key_event *ev, int n)
{
	int i;

	for (i = 0; i < n && !ui->quit; i++)
		event(ui, &ev[i]);
}

int
ui_run(struct dbr *db, const struct ui_options *o)
{
	struct ui ui;
	struct keyparse *in;
	struct key_event ev[KEYPARSE_MAXEV];
	unsigned char buf[4096];
	long long deadline;
	const char *why, *nc;
	size_t waiting;
	int i, n, wait, counting, retry;

	memset(&ui, 0, sizeof(ui));
	ui.db = db;
	ui.side_shown = 1;
	ui.focus = PANE_SIDE;
	ui.side_want = setting(&ui, "sidebar-width", 0);
	ui.measure = o->measure >= 0 ? o->measure :
	    setting(&ui, "measure", MEASURE);
	ui.pinned = o->pinned;
	nc = getenv("NO_COLOR");
	ui.scheme = nc != NULL && *nc != '\0' ? SCHEME_MONO : SCHEME_DARK;
	if (term_begin() == -1)
		return -1;
	/* ^C, SIGTERM, SIGHUP end a query that hangs (a hostile database) */
	dbr_set_cancel(db, term_signalled);
	ui.started = 1;
	look_setup(&ui);
	ui.tree = tree_create(db, &ui.filter);
	config_start(&ui, o->config);
	ui_layout(&ui);
	ui.state_health = dbr_state_health(db, &waiting, &why);
	marks_start(&ui);	/* what is new, or the last place */
	/* a bad configuration says so over the news; the state's trouble
	 * over both (the configuration's lines are on stderr at quit) */
	if (ui.conf_error != NULL) {
		ui_message(&ui, 1, "%s", ui.conf_error);
		free(ui.conf_error);
		ui.conf_error = NULL;
	}
	if (o->warning != NULL)
		ui_say(&ui, 1, MSG_STATE_NOT_KEPT, o->warning);
	in = keyparse_create();
	deadline = 0;
	while (!ui.quit && !term_signalled() && !dbr_timed_out(db)) {
		if (term_suspend())
			ui.dirty |= DIRTY_CLEAR;
		if (term_resized()) {
			ui_layout(&ui);
			ui.dirty |= DIRTY_CLEAR;
		}
		marks_check(&ui);
		ui_draw(&ui);
		/* what a filter matches is counted between keys */
		counting = tree_counting(ui.tree) || prompt_counting(ui.prompt);
		wait = -1;
		if (keyparse_delay(in) > 0) {
			wait = (int)(deadline - now_ms());
			if (wait < 0)
				wait = 0;
		}
		if (counting)
			wait = 0;
		/* changes the state did not take are tried again */
		if ((retry = dbr_state_retry_in(db)) >= 0 &&
		    (wait < 0 || retry < wait))
			wait = retry;
		if ((n = term_read(buf, sizeof(buf), wait)) < 0)
			break;		/* the terminal is gone */
		for (i = 0; i < n && !ui.quit; i++)
			events(&ui, ev, keyparse_feed(in, buf[i], ev));
		if (n > 0) {
			deadline = now_ms() + keyparse_delay(in);
			continue;
		}
		if (keyparse_delay(in) > 0 && now_ms() >= deadline)
			/* nothing more came: a lone ESC is Escape */
			events(&ui, ev, keyparse_timeout(in, ev));
		else if (prompt_counting(ui.prompt))
			prompt_count_step(&ui);
		else if (counting && !tree_count_step(ui.tree))
			ui.dirty |= DIRTY_STATUS;
	}
	save(&ui);
	term_end();
	config_log(stderr);	/* the configuration's bad lines, after q */
	keyparse_free(in);
	ui_free(&ui);
	return 0;
}

/* What the reader holds, let go. */
static void
ui_free(struct ui *ui)
{
	prompt_close(ui->prompt);
	help_close(ui);
	bind_free(ui->binds);
	close_article(ui);
	tree_free(ui->tree);
	expr_free(ui->filter.expr);
	free(ui->filter.query);
	free(ui->country_name);
	free(ui->theme_name);
	free(ui->filter.typed);
	free(ui->find);
	free(ui->msg);
	free(ui->conf_error);
	delwin(ui->wside);
	delwin(ui->wborder);
	delwin(ui->wart);
	delwin(ui->wstatus);
}

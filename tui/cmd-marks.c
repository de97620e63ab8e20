/*
 * Unread articles and marks on many at once: the next and the previous
 * unread article, and an issue, a column or everything marked read.
 * Also what the state database tells the reader: what is new at start,
 * where each article was left, and whether the marks are being kept.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db-read.h"
#include "db-schema.h"
#include "db-state.h"
#include "msg.h"
#include "prompt.h"
#include "render.h"
#include "tree.h"
#include "ui.h"
#include "xmalloc.h"

/* What mark-read marks: the choices' ids in its prompt. */
enum scope {
	SCOPE_COLUMN = 1,
	SCOPE_ISSUE,
	SCOPE_ALL
};

/* Where the reader is: the open article's, or the cursor's issue,
 * column (0 on an issue row) and article (0 on a row above one). */
struct here {
	int64_t	 issue, column, article;
};

static int
where(struct ui *ui, struct here *h)
{
	struct article_row row;
	struct trow r, next;
	const char *key;
	size_t cur;

	memset(h, 0, sizeof(*h));
	cur = tree_cursor(ui->tree);
	key = NULL;
	if (ui->focus == PANE_ART && ui->have_art)
		key = ui->art.key;
	else if (!tree_row(ui->tree, cur, &r) || r.kind == TR_VIEW)
		return 0;
	else if (r.kind == TR_ARTICLE)
		key = r.key;
	else if (r.kind == TR_COLUMN) {
		h->column = r.id;
		tree_row(ui->tree, tree_parent(ui->tree, cur), &next);
		h->issue = next.id;
		/* an open column: from just before its first article */
		if (tree_row(ui->tree, cur + 1, &next) &&
		    next.kind == TR_ARTICLE)
			h->article = next.id - 1;
		return 1;
	} else {
		h->issue = r.id;
		return 1;
	}
	if (!dbr_find(ui->db, key, &row))
		return 0;
	h->issue = row.issue;
	h->column = row.column;
	h->article = row.id;
	dbr_article_rows_free(&row, 1);
	return 1;
}

/* Opens the next (dir 1) or previous unread article. */
static int
step_unread(struct ui *ui, int dir)
{
	struct here h;
	int64_t id, from;

	if (!where(ui, &h))
		memset(&h, 0, sizeof(h));
	/* from an issue or a column row: its own articles come next */
	from = h.article;
	if (from == 0 && h.issue != 0)
		from = DB_FIRST_ARTICLE(h.issue);
	if ((id = dbr_next_unread(ui->db, &ui->filter, from, dir)) == 0) {
		ui_say(ui, 0, dir > 0 ? MSG_NO_NEXT_UNREAD :
		    MSG_NO_PREV_UNREAD);
		return 0;
	}
	ui_open_article(ui, id, 0);
	if (ui->have_art)
		tree_select_key(ui->tree, ui->art.key);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
	return 0;
}

static int
exec_next_unread(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return step_unread(ui, 1);
}

static int
exec_previous_unread(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return step_unread(ui, -1);
}

/* Marks the unread rows read, in the state and in the tree. */
static size_t
mark_rows(struct ui *ui, const struct article_row *rows, size_t n)
{
	size_t i, done;

	for (i = done = 0; i < n; i++) {
		if (rows[i].read || rows[i].key == NULL)
			continue;
		dbr_mark(ui->db, rows[i].key, 1, rows[i].flagged);
		tree_set_marks(ui->tree, rows[i].key, 1, rows[i].flagged);
		done++;
	}
	return done;
}

/* The articles shown (under the filters) of a column, or of every
 * column of the issue (column 0), marked read. */
static size_t
mark_read(struct ui *ui, int64_t issue, int64_t column)
{
	struct column_row *secs;
	struct article_row *rows;
	size_t ns, n, s, done;

	done = 0;
	ns = dbr_columns(ui->db, issue, &ui->filter, &secs);
	dbr_state_hold(ui->db, 1);
	for (s = 0; s < ns; s++) {
		if (column != 0 && secs[s].id != column)
			continue;
		n = dbr_articles(ui->db, issue, secs[s].id, &ui->filter,
		    &rows);
		done += mark_rows(ui, rows, n);
		dbr_article_rows_free(rows, n);
		free(rows);
	}
	dbr_state_hold(ui->db, 0);
	dbr_column_rows_free(secs, ns);
	free(secs);
	tree_recount(ui->tree, issue);
	return done;
}

static void
accept_all(struct ui *ui, struct prompt *p)
{
	const struct choice *c;

	if ((c = prompt_choice(p)) == NULL || c->id != 1)
		return;
	dbr_mark_all_read(ui->db);
	ui_refilter(ui);
	ui_say(ui, 0, MSG_MARKED_ALL_READ);
}

/* A question: "no" first (what Enter takes), then "yes" (id 1). */
static void
ask(struct ui *ui, enum msg question, enum msg no, enum msg yes,
    prompt_fn *accept)
{
	struct choice *v;

	v = xcalloc(2, sizeof(*v));
	v[0].name = xstrdup(msg(no));
	v[0].code = xstrdup("n");
	v[1].name = xstrdup(msg(yes));
	v[1].code = xstrdup("y");
	v[1].id = 1;
	ui_prompt(ui, prompt_open(PROMPT_CHOOSE, msg(question), v, 2,
	    accept));
}

/* Everything read, once the user says yes. */
static void
confirm_all(struct ui *ui)
{
	ask(ui, MSG_MARK_ALL_SURE, MSG_NO, MSG_YES_MARK_ALL, accept_all);
}

/* A state from an earlier kuaibao: the answer is kept (Esc: ask again). */
static void
accept_older(struct ui *ui, struct prompt *p)
{
	const struct choice *c;

	c = prompt_choice(p);
	dbr_read_older(ui->db, c != NULL && c->id == 1);
	ui_refilter(ui);
}

static void
mark_scope(struct ui *ui, enum scope scope)
{
	struct here h;
	size_t n;

	if (scope == SCOPE_ALL) {
		confirm_all(ui);
		return;
	}
	if (!where(ui, &h) || (scope == SCOPE_COLUMN && h.column == 0)) {
		ui_say(ui, 0, MSG_SELECT_ARTICLE);
		return;
	}
	n = mark_read(ui, h.issue, scope == SCOPE_COLUMN ? h.column : 0);
	ui_say(ui, 0, n > 0 ? MSG_MARKED_N_READ : MSG_NOTHING_TO_MARK, n);
	ui->dirty |= DIRTY_SIDE | DIRTY_STATUS;
}

static void
accept_scope(struct ui *ui, struct prompt *p)
{
	const struct choice *c;

	if ((c = prompt_choice(p)) != NULL)
		mark_scope(ui, (enum scope)c->id);
}

/* The prompt of mark-read: the column, the issue, everything. */
static void
choose_scope(struct ui *ui)
{
	struct choice *v;
	struct here h;
	size_t n;

	v = xcalloc(3, sizeof(*v));
	n = 0;
	if (where(ui, &h) && h.column != 0) {
		v[n].name = xstrdup(msg(MSG_MARK_COLUMN));
		v[n].code = xstrdup("c");
		v[n++].id = SCOPE_COLUMN;
	}
	if (h.issue != 0) {
		v[n].name = xstrdup(msg(MSG_MARK_ISSUE));
		v[n].code = xstrdup("i");
		v[n++].id = SCOPE_ISSUE;
	}
	v[n].name = xstrdup(msg(MSG_MARK_ALL));
	v[n].code = xstrdup("a");
	v[n++].id = SCOPE_ALL;
	ui_prompt(ui, prompt_open(PROMPT_CHOOSE, msg(MSG_MARK_READ_PROMPT), v,
	    n, accept_scope));
}

static int
exec_mark_read(struct ui *ui, struct cmd_args *a)
{
	static const struct {
		const char	*name;
		enum scope	 scope;
	} scopes[] = {
		{ "column", SCOPE_COLUMN },
		{ "issue", SCOPE_ISSUE },
		{ "all", SCOPE_ALL },
	};
	size_t i;

	if (a->argc == 0) {
		choose_scope(ui);
		return 0;
	}
	for (i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (strcmp(a->argv[0], scopes[i].name) == 0)
			break;
	if (i == sizeof(scopes) / sizeof(scopes[0]))
		return cmd_fail(a, 0, "give column, issue or all, not \"%s\"",
		    a->argv[0]);
	if (scopes[i].scope == SCOPE_ALL && a->flag['y'] != NULL) {
		dbr_mark_all_read(ui->db);
		ui_refilter(ui);
		ui_say(ui, 0, MSG_MARKED_ALL_READ);
	} else
		mark_scope(ui, scopes[i].scope);
	return 0;
}

static size_t
complete_scope(struct ui *ui, int argi, char ***out)
{
	static const char *const names[] = { "column", "issue", "all" };
	size_t i;

	(void)ui;
	*out = NULL;
	if (argi != 0)
		return 0;
	*out = xcalloc(3, sizeof(**out));
	for (i = 0; i < 3; i++)
		(*out)[i] = xstrdup(names[i]);
	return 3;
}

/* At start: after an import, the newest unread issue and what is new;
 * else the article open at the last quit. */
void
marks_start(struct ui *ui)
{
	struct dbr_news news;
	int64_t id;
	char *key;

	dbr_news(ui->db, &news);
	if (dbr_marks_undecided(ui->db))
		ask(ui, MSG_READ_OLDER_SURE, MSG_NO_KEEP_UNREAD,
		    MSG_YES_READ_OLDER, accept_older);
	if (news.articles == 0) {
		ui_restore(ui);
		return;
	}
	/* the cursor on it, unopened: it stays unread until it is read */
	if ((id = dbr_next_unread(ui->db, &ui->filter, 0, 1)) != 0 &&
	    (key = dbr_article_key(ui->db, id)) != NULL) {
		tree_select_key(ui->tree, key);
		free(key);
	}
	ui_say(ui, 0, MSG_NEWS, news.issues, news.articles);
}

void
marks_leave(struct ui *ui)
{
	if (ui->have_art && ui->r != NULL && !ui->preview)
		dbr_save_place(ui->db, ui->art.key, render_anchor(ui->r,
		    ui->scroll));
}

void
marks_check(struct ui *ui)
{
	enum dbr_state_health now;
	const char *why;
	size_t waiting;
	int retried;

	retried = dbr_state_retry_in(ui->db) == 0;
	if (retried) {
		dbr_state_retry(ui->db);
		ui->dirty |= DIRTY_STATUS;	/* fewer may wait */
	}
	now = dbr_state_health(ui->db, &waiting, &why);
	if ((int)now == ui->state_health)
		return;
	/*
	 * A write that fails says why once; the status line goes on saying
	 * that changes wait.  Written at last, by a key (whose own message
	 * stays) or by a try between keys (which says so).
	 */
	if (now == STATE_FAILING && why != NULL)
		ui_say(ui, 1, MSG_STATE_WRITE_FAILED, why);
	else if (now == STATE_KEPT && (retried || ui->msg == NULL))
		ui_say(ui, 0, MSG_STATE_SAVED);
	ui->state_health = now;
	ui->dirty |= DIRTY_STATUS;
}

const char *
ui_state_trouble(struct ui *ui)
{
	static char *text;
	size_t waiting;
	const char *why;

	free(text);
	text = NULL;
	switch (dbr_state_health(ui->db, &waiting, &why)) {
	case STATE_MEMORY:
		return msg(MSG_STATE_MARK);
	case STATE_LOCKED:
		text = xasprintf(msg(MSG_STATE_LOCKED), waiting);
		return text;
	case STATE_FAILING:
		text = xasprintf(msg(MSG_STATE_FAILING), waiting);
		return text;
	default:
		return NULL;
	}
}

const struct cmd_entry cmd_marks_table[] = {
	{ .name = "next-unread", .usage = "",
	  .help = "next unread article, across issues",
	  .help_zh = "下一篇未读文章（跨期）", .exec = exec_next_unread },
	{ .name = "previous-unread", .usage = "",
	  .help = "previous unread article",
	  .help_zh = "上一篇未读文章", .exec = exec_previous_unread },
	{ .name = "mark-read", .flags = "y", .upper = 1,
	  .usage = "[-y] [column|issue|all]",
	  .help = "mark a column, an issue or everything read",
	  .help_zh = "把本栏目、本期或全部文章标为已读",
	  .exec = exec_mark_read, .complete = complete_scope },
	{ .name = NULL }
};

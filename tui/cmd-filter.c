/*
 * Searching and filtering: the search and its matches, the country and
 * theme filters (a prompt when no value is given), flagged articles.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "msg.h"
#include "db-read.h"
#include "db-state.h"
#include "choice.h"
#include "expr.h"
#include "prompt.h"
#include "render.h"
#include "tree.h"
#include "ui.h"
#include "xmalloc.h"

static void
set_name(char **slot, const char *name)
{
	free(*slot);
	*slot = name ? xstrdup(name) : NULL;
}

/*
 * Searches the archive for what was typed, and shows the first result;
 * what has no word to search (nothing, or punctuation only) is said.
 */
static void
search(struct ui *ui, const char *typed)
{
	struct trow r;
	char *q;

	if ((q = dbr_fts_query(typed)) == NULL) {
		if (typed[strspn(typed, " ")] != '\0')
			ui_say(ui, 1, MSG_NO_WORDS, typed);
		return;
	}
	free(ui->filter.query);
	ui->filter.query = q;
	set_name(&ui->filter.typed, typed);
	set_name(&ui->find, NULL);	/* a new search ends a find (less) */
	ui_focus(ui, PANE_SIDE);
	ui_refilter(ui);
	/* the pane shows the result the cursor is on, not the last article */
	if (tree_row(ui->tree, tree_cursor(ui->tree), &r) &&
	    r.kind == TR_ARTICLE && !(ui->have_art && r.id == ui->art.id))
		ui_show_article(ui, r.id);
}

static void
accept_search(struct ui *ui, struct prompt *p)
{
	search(ui, buf_str(&p->text));
}

static int
exec_search(struct ui *ui, struct cmd_args *a)
{
	struct prompt *p;
	char *typed;

	if (a->argc == 0) {
		p = prompt_open(PROMPT_SEARCH, msg(MSG_PROMPT_SEARCH), NULL, 0,
		    accept_search);
		prompt_history(p, ui, "search");
		ui_prompt(ui, p);
		return 0;
	}
	typed = cmd_join(a, 0);
	if (typed[strspn(typed, " ")] != '\0')
		dbr_history_add(ui->db, "search", typed);
	search(ui, typed);
	free(typed);
	return 0;
}

static int
goto_match(struct ui *ui, int dir)
{
	size_t n;

	if (ui->r == NULL || ui->r->noccs == 0) {
		ui_say(ui, 0, ui->filter.query || ui->find ? MSG_NO_MATCH_HERE :
		    MSG_NO_SEARCH);
		return 0;
	}
	n = ui->r->noccs;
	if (dir > 0)
		ui->match = (ui->match + 1) % n;
	else
		ui->match = (ui->match + n - 1) % n;
	ui_show_match(ui);
	return 0;
}

static int
exec_next_match(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return goto_match(ui, 1);
}

static int
exec_previous_match(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	return goto_match(ui, -1);
}

/* A country or theme chosen: the filter is set. */
static void
choose(struct ui *ui, enum prompt_kind kind, const struct choice *c)
{
	if (kind == PROMPT_COUNTRY) {
		ui->filter.country = c->id;
		set_name(&ui->country_name, c->name);
	} else {
		ui->filter.theme = c->id;
		set_name(&ui->theme_name, c->name);
	}
	ui_refilter(ui);
}

static void
accept_choice(struct ui *ui, struct prompt *p)
{
	const struct choice *c;

	if ((c = prompt_choice(p)) == NULL)
		ui_say(ui, 1, MSG_NOTHING_MATCHES, buf_str(&p->text));
	else
		choose(ui, p->kind, c);
}

/* The country or theme prompt, or what Enter on it would take for the
 * words given. */
static int
filter_by(struct ui *ui, struct cmd_args *a, enum prompt_kind kind)
{
	struct prompt *p;
	struct choice *v;
	size_t n, *shown, k;
	char *typed;
	int rc;

	if (a->flag['m'] != NULL && !ui->filter.mentions) {
		ui->filter.mentions = 1;
		if (a->argc == 0 && ui->filter.country)
			ui_refilter(ui);
	}
	n = kind == PROMPT_COUNTRY ? dbr_countries(ui->db, &v) :
	    dbr_themes(ui->db, &v);
	if (a->argc == 0) {
		p = prompt_open(kind, msg(kind == PROMPT_THEME ?
		    MSG_PROMPT_THEME : ui->filter.mentions ?
		    MSG_PROMPT_COUNTRY_ANY : MSG_PROMPT_COUNTRY), v, n,
		    accept_choice);
		/* what choosing one would leave, with the other filters */
		prompt_count_under(p, ui);
		ui_prompt(ui, p);
		return 0;
	}
	typed = cmd_join(a, 0);
	k = choice_narrow(v, n, typed, &shown);
	rc = 0;
	if (k > 0)
		choose(ui, kind, &v[shown[0]]);
	else
		rc = cmd_say(a, 0, kind == PROMPT_COUNTRY ? MSG_NO_COUNTRY :
		    MSG_NO_THEME, typed);
	free(shown);
	free(typed);
	dbr_choices_free(v, n);
	return rc;
}

static int
exec_country_filter(struct ui *ui, struct cmd_args *a)
{
	return filter_by(ui, a, PROMPT_COUNTRY);
}

static int
exec_theme_filter(struct ui *ui, struct cmd_args *a)
{
	return filter_by(ui, a, PROMPT_THEME);
}

/* The names Tab offers for a country or a theme. */
static size_t
complete_choices(struct ui *ui, int argi, char ***out, int countries)
{
	struct choice *v;
	const char *semi;
	size_t n, i, k, cap;
	char *code, *c;

	*out = NULL;
	if (argi != 0)
		return 0;
	n = countries ? dbr_countries(ui->db, &v) : dbr_themes(ui->db, &v);
	k = cap = 0;
	for (i = 0; i < n; i++) {
		VEC_PUSH(*out, k, cap, xstrdup(v[i].name));
		if (v[i].english != NULL) {
			semi = strchr(v[i].english, ';');
			VEC_PUSH(*out, k, cap, semi ? xstrndup(v[i].english,
			    (size_t)(semi - v[i].english)) :
			    xstrdup(v[i].english));
		}
		if (v[i].code != NULL) {
			/* as people type them: jp */
			code = xstrdup(v[i].code);
			for (c = code; *c != '\0'; c++)
				if (*c >= 'A' && *c <= 'Z')
					*c += 'a' - 'A';
			VEC_PUSH(*out, k, cap, code);
		}
	}
	dbr_choices_free(v, n);
	return k;
}

static size_t
complete_countries(struct ui *ui, int argi, char ***out)
{
	return complete_choices(ui, argi, out, 1);
}

static size_t
complete_themes(struct ui *ui, int argi, char ***out)
{
	return complete_choices(ui, argi, out, 0);
}

static int
exec_toggle_mentions(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	ui->filter.mentions = !ui->filter.mentions;
	if (ui->filter.country)
		ui_refilter(ui);
	ui_say(ui, 0, ui->filter.mentions ? MSG_MENTIONS_ANY :
	    MSG_MENTIONS_SUBJECTS);
	return 0;
}

static int
exec_toggle_flagged_only(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	ui->filter.flagged = !ui->filter.flagged;
	ui_refilter(ui);
	return 0;
}

static int
exec_clear_filters(struct ui *ui, struct cmd_args *a)
{
	(void)a;
	free(ui->filter.query);
	free(ui->filter.typed);
	expr_free(ui->filter.expr);
	memset(&ui->filter, 0, sizeof(ui->filter));
	set_name(&ui->country_name, NULL);
	set_name(&ui->theme_name, NULL);
	ui_refilter(ui);
	ui_say(ui, 0, MSG_CLEARED);
	return 0;
}

const struct cmd_entry cmd_filter_table[] = {
	{ .name = "search", .upper = -1, .usage = "[WORDS]",
	  .help = "search the archive (within the filters)",
	  .help_zh = "搜索全部文章（在筛选范围内）",
	  .exec = exec_search },
	{ .name = "next-match", .usage = "",
	  .help = "next match",
	  .help_zh = "下一处匹配", .exec = exec_next_match },
	{ .name = "previous-match", .usage = "",
	  .help = "previous match",
	  .help_zh = "上一处匹配", .exec = exec_previous_match },
	{ .name = "country-filter", .flags = "m", .upper = -1,
	  .usage = "[-m] [COUNTRY]",
	  .help = "country filter (jp, japan, 日本 …)",
	  .help_zh = "按国家筛选（jp、japan、日本 …）",
	  .exec = exec_country_filter, .complete = complete_countries },
	{ .name = "theme-filter", .upper = -1, .usage = "[THEME]",
	  .help = "theme filter",
	  .help_zh = "按主题筛选", .exec = exec_theme_filter,
	  .complete = complete_themes },
	{ .name = "toggle-mentions", .usage = "",
	  .help = "country filter: subjects only / any mention",
	  .help_zh = "国家筛选：仅主体 / 包括提及",
	  .exec = exec_toggle_mentions },
	{ .name = "toggle-flagged-only", .usage = "",
	  .help = "show flagged articles only",
	  .help_zh = "只显示加星标的文章",
	  .exec = exec_toggle_flagged_only },
	{ .name = "clear-filters", .usage = "",
	  .help = "clear search and filters",
	  .help_zh = "清除搜索和筛选", .exec = exec_clear_filters },
	{ .name = NULL }
};

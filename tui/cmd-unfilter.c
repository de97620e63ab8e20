/*
 * Removing one filter of those in force (the country, the theme, the
 * search, flagged only, the filter expression), where x clears them all: named, or chosen at
 * a prompt listing them as the status line shows them; alone, it goes
 * at once.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "msg.h"
#include "db-read.h"
#include "expr.h"
#include "prompt.h"
#include "ui.h"
#include "xmalloc.h"

enum part {
	PART_COUNTRY = 1, PART_THEME, PART_SEARCH, PART_FLAGGED, PART_EXPR
};

/* The parts by the names remove-filter takes, and their prompt keys. */
static const struct {
	enum part	 part;
	const char	*name;
	const char	*code;
} parts[] = {
	{ PART_COUNTRY, "country", "c" },
	{ PART_THEME, "theme", "t" },
	{ PART_SEARCH, "search", "/" },
	{ PART_FLAGGED, "flagged", "f" },
	{ PART_EXPR, "filter", "e" },
};
#define NPARTS	(sizeof(parts) / sizeof(parts[0]))

static int
active(const struct ui *ui, enum part p)
{
	switch (p) {
	case PART_COUNTRY:
		return ui->filter.country != 0;
	case PART_THEME:
		return ui->filter.theme != 0;
	case PART_SEARCH:
		return ui->filter.query != NULL;
	case PART_FLAGGED:
		return ui->filter.flagged;
	case PART_EXPR:
		return ui->filter.expr != NULL;
	}
	return 0;
}

/* The part as the status line shows it: "[国家 美国]" (caller frees). */
static char *
label(const struct ui *ui, enum part p)
{
	struct buf b = { 0 };
	char *e;

	switch (p) {
	case PART_COUNTRY:
		buf_printf(&b, msg(MSG_FILTER_COUNTRY), ui->country_name,
		    ui->filter.mentions ? msg(MSG_MENTIONS_TAG) : "");
		break;
	case PART_THEME:
		buf_printf(&b, msg(MSG_FILTER_THEME), ui->theme_name);
		break;
	case PART_SEARCH:
		buf_printf(&b, " [/%s]", ui->filter.typed);
		break;
	case PART_FLAGGED:
		buf_adds(&b, msg(MSG_FILTER_FLAGGED));
		break;
	case PART_EXPR:
		e = expr_string(ui->filter.expr);
		buf_printf(&b, msg(MSG_FILTER_EXPR), e);
		free(e);
		break;
	}
	return buf_take(&b);
}

static void
remove_part(struct ui *ui, enum part p)
{
	char *l;

	l = label(ui, p);
	switch (p) {
	case PART_COUNTRY:
		ui->filter.country = 0;
		free(ui->country_name);
		ui->country_name = NULL;
		break;
	case PART_THEME:
		ui->filter.theme = 0;
		free(ui->theme_name);
		ui->theme_name = NULL;
		break;
	case PART_SEARCH:
		free(ui->filter.query);
		free(ui->filter.typed);
		ui->filter.query = ui->filter.typed = NULL;
		break;
	case PART_FLAGGED:
		ui->filter.flagged = 0;
		break;
	case PART_EXPR:
		expr_free(ui->filter.expr);
		ui->filter.expr = NULL;
		break;
	}
	ui_refilter(ui);
	if (ui->msg == NULL)	/* "nothing matches" says more */
		ui_say(ui, 0, MSG_REMOVED, l);
	free(l);
}

static void
accept_part(struct ui *ui, struct prompt *p)
{
	const struct choice *c;

	if ((c = prompt_choice(p)) != NULL && active(ui, (enum part)c->id))
		remove_part(ui, (enum part)c->id);
}

static int
exec_remove_filter(struct ui *ui, struct cmd_args *a)
{
	struct choice *v;
	size_t i, n, last;

	if (a->argc > 0) {
		for (i = 0; i < NPARTS; i++)
			if (strcmp(a->argv[0], parts[i].name) == 0 ||
			    strcmp(a->argv[0], parts[i].code) == 0)
				break;
		if (i == NPARTS)
			return cmd_say(a, 0, MSG_NO_SUCH_FILTER,
			    a->argv[0]);
		if (active(ui, parts[i].part))
			remove_part(ui, parts[i].part);
		else
			ui_say(ui, 0, MSG_NO_FILTERS);
		return 0;
	}
	v = xcalloc(NPARTS, sizeof(*v));
	for (i = n = last = 0; i < NPARTS; i++)
		if (active(ui, parts[i].part)) {
			char *l = label(ui, parts[i].part);

			v[n].name = xstrdup(l + 1);	/* no leading space */
			v[n].code = xstrdup(parts[i].code);
			v[n++].id = parts[i].part;
			last = i;
			free(l);
		}
	if (n <= 1) {
		/* one filter: no question to ask */
		dbr_choices_free(v, n);
		if (n == 0)
			ui_say(ui, 0, MSG_NO_FILTERS);
		else
			remove_part(ui, parts[last].part);
		return 0;
	}
	ui_prompt(ui, prompt_open(PROMPT_CHOOSE, msg(MSG_PROMPT_REMOVE), v, n,
	    accept_part));
	return 0;
}

static size_t
complete_parts(struct ui *ui, int argi, char ***out)
{
	size_t i, n, cap;

	(void)ui;
	*out = NULL;
	n = cap = 0;
	for (i = 0; argi == 0 && i < NPARTS; i++)
		VEC_PUSH(*out, n, cap, xstrdup(parts[i].name));
	return n;
}

const struct cmd_entry cmd_unfilter_table[] = {
	{ .name = "remove-filter", .upper = 1,
	  .usage = "[country|theme|search|flagged|filter]",
	  .help = "remove one filter (a list when there are several)",
	  .help_zh = "去掉一个筛选（有几个时列出来选）",
	  .exec = exec_remove_filter, .complete = complete_parts },
	{ .name = NULL }
};

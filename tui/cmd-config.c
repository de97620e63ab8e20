/*
 * The configuration's commands: set NAME VALUE, style ELEMENT ATTRS and
 * source FILE.  They run at the : prompt too; set there keeps the
 * sidebar's width and the measure in the state, as < > - + do, while a
 * configuration file's set lasts the session (config_reading), and
 * leaves alone what the command line gave (--measure, --language).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "datefmt.h"
#include "link.h"
#include "msg.h"
#include "restrict.h"
#include "tree.h"
#include "ui.h"
#include "xmalloc.h"

/* One of words (space separated), or -1 with the error said. */
static int
one_of(struct cmd_args *a, int i, const char *value, const char *words)
{
	const char *w;
	size_t len = strlen(value);
	int k;

	for (w = words, k = 0; *w != '\0'; k++) {
		if (strncmp(w, value, len) == 0 && (w[len] == ' ' ||
		    w[len] == '\0') && len > 0)
			return k;
		w += strcspn(w, " ");
		w += strspn(w, " ");
	}
	return cmd_say(a, i, MSG_BAD_VALUE, value, words);
}

/* The setting's value as a number from min to max. */
static int
number(struct cmd_args *a, long min, long max, long *n)
{
	return cmd_number(a, 1, min, max, 0, n);
}

static int
set_sidebar_width(struct ui *ui, struct cmd_args *a, const char *v)
{
	long n;

	(void)v;
	if (number(a, 0, 1000, &n) == -1)
		return -1;
	ui_set_side_width(ui, (int)n, !config_reading());
	return 0;
}

static int
set_measure(struct ui *ui, struct cmd_args *a, const char *v)
{
	long n;

	(void)v;
	if (number(a, 0, 1000, &n) == -1)
		return -1;
	if (n > 0 && n < 10)
		return cmd_say(a, 1, MSG_NOT_A_NUMBER, a->argv[1], 10L, 1000L);
	if (config_reading() && (ui->pinned & PIN_MEASURE))
		return 0;	/* --measure wins */
	ui_set_measure(ui, (int)n, !config_reading());
	return 0;
}

/* The sidebar's labels and the open article hold words and days: made
 * again. */
static void
relabel(struct ui *ui)
{
	if (ui->tree != NULL)
		tree_relabel(ui->tree);
	if (ui->started)
		ui_rerender(ui);
	ui->dirty |= DIRTY_ALL;
}

static int
set_language(struct ui *ui, struct cmd_args *a, const char *v)
{
	enum msg_lang l;

	if (msg_language_named(v, &l) == -1)
		return cmd_say(a, 1, MSG_BAD_VALUE, v, "zh en");
	if (config_reading() && (ui->pinned & PIN_LANGUAGE))
		return 0;	/* --language wins */
	msg_set_language(l);
	relabel(ui);
	return 0;
}

static int
set_colours(struct ui *ui, struct cmd_args *a, const char *v)
{
	int k;

	if ((k = one_of(a, 1, v, "dark light mono")) == -1)
		return -1;
	ui->scheme = (enum scheme)k;
	if (ui->started)
		look_setup(ui);
	return 0;
}

static int
set_date_format(struct ui *ui, struct cmd_args *a, const char *v)
{
	if (datefmt_set(v) == -1)
		return cmd_say(a, 1, MSG_BAD_DATE_FORMAT, v);
	relabel(ui);
	return 0;
}

static int
set_link_style(struct ui *ui, struct cmd_args *a, const char *v)
{
	int k;

	static const enum link_mode modes[] = { LINK_AUTO, LINK_ON, LINK_OFF };

	if ((k = one_of(a, 1, v, "auto osc8 plain")) == -1)
		return -1;
	link_set_mode(modes[k]);
	ui->dirty |= DIRTY_ART;
	return 0;
}

static int
set_clipboard(struct ui *ui, struct cmd_args *a, const char *v)
{
	int k;

	(void)ui;
	if ((k = one_of(a, 1, v, "off on")) == -1)
		return -1;
	if (restrict_set_copy(k) == -1)
		return cmd_say(a, 1, MSG_RESTRICTED);
	return 0;
}

static const struct setting {
	const char	*name;
	const char	*values;	/* for Tab, or NULL */
	int		(*apply)(struct ui *, struct cmd_args *, const char *);
} settings[] = {
	{ "sidebar-width", NULL, set_sidebar_width },
	{ "measure", NULL, set_measure },
	{ "date-format", NULL, set_date_format },
	{ "language", "zh en", set_language },
	{ "colours", "dark light mono", set_colours },
	{ "colors", "dark light mono", set_colours },
	{ "link-style", "auto osc8 plain", set_link_style },
	{ "clipboard", "on off", set_clipboard },
};
#define NSETTINGS	(sizeof(settings) / sizeof(settings[0]))

static int
exec_set(struct ui *ui, struct cmd_args *a)
{
	char *value;
	size_t i;
	int rc;

	for (i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, a->argv[0]) == 0)
			break;
	if (i == NSETTINGS)
		return cmd_say(a, 0, MSG_NO_SETTING, a->argv[0]);
	/* a date format may have spaces: the words after the name */
	value = cmd_join(a, 1);
	rc = settings[i].apply(ui, a, value);
	free(value);
	return rc;
}

static size_t
complete_set(struct ui *ui, int argi, char ***out)
{
	size_t i, n = 0, cap = 0;

	(void)ui;
	*out = NULL;
	if (argi == 0)
		for (i = 0; i < NSETTINGS; i++)
			VEC_PUSH(*out, n, cap, xstrdup(settings[i].name));
	return n;
}

static int
exec_style(struct ui *ui, struct cmd_args *a)
{
	struct style st;
	char *spec;
	size_t bad;
	int look, i, k;

	if ((look = look_named(a->argv[0])) == -1)
		return cmd_say(a, 0, MSG_NO_ELEMENT, a->argv[0]);
	spec = cmd_join(a, 1);
	if (look_parse(spec, &st, &bad) == -1) {
		/* the argument the fault is in */
		for (i = 1, k = 0; i + 1 < a->argc &&
		    bad >= (size_t)k + strlen(a->argv[i]) + 1; i++)
			k += (int)strlen(a->argv[i]) + 1;
		cmd_say(a, i, MSG_BAD_STYLE, spec + bad);
		a->err->col += cmd_column(a->argv[i], bad - (size_t)k) - 1;
		free(spec);
		return -1;
	}
	free(spec);
	ui->style[look] = st;
	if (ui->started)
		look_setup(ui);
	return 0;
}

static size_t
complete_style(struct ui *ui, int argi, char ***out)
{
	size_t i, n = 0, cap = 0;

	(void)ui;
	*out = NULL;
	if (argi == 0)
		for (i = 0; look_names[i] != NULL; i++)
			VEC_PUSH(*out, n, cap, xstrdup(look_names[i]));
	return n;
}

static int
exec_source(struct ui *ui, struct cmd_args *a)
{
	char *why;

	if (cmd_refused(a, RESTRICT_READ))
		return -1;
	if (config_source(ui, a->argv[0], &why) == -1) {
		cmd_fail(a, 0, "%s", why);
		free(why);
		return -1;
	}
	if (!config_reading() && ui->msg == NULL)
		ui_say(ui, 0, MSG_SOURCED, a->argv[0]);
	return 0;
}

const struct cmd_entry cmd_config_table[] = {
	{ .name = "set", .lower = 2, .upper = -1, .usage = "NAME VALUE",
	  .help = "change a setting (kuaibao-config(5))",
	  .help_zh = "更改设置（见 kuaibao-config(5)）",
	  .exec = exec_set, .complete = complete_set },
	{ .name = "style", .lower = 2, .upper = -1,
	  .usage = "ELEMENT ATTRIBUTES",
	  .help = "colours and attributes of a part of the screen",
	  .help_zh = "界面元素的颜色与属性",
	  .exec = exec_style, .complete = complete_style },
	{ .name = "source", .lower = 1, .upper = 1, .usage = "FILE",
	  .help = "run the commands of a file",
	  .help_zh = "执行文件中的命令", .exec = exec_source },
	{ .name = NULL }
};

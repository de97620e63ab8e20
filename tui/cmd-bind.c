/* bind and unbind: keys bound to command lines (bind.c keeps them). */
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "buf.h"
#include "cmd.h"
#include "ui.h"
#include "xmalloc.h"

/* The key of argument 0, or KEYC_NONE after an error. */
static key_code
key_arg(struct cmd_args *a)
{
	key_code k;

	if ((k = keys_parse(a->argv[0])) == KEYC_NONE)
		cmd_say(a, 0, MSG_NO_KEY, a->argv[0]);
	return k;
}

/*
 * bind KEY COMMAND [ARGUMENTS]: the command is checked now, so that a
 * mistake is told where it was typed, not when the key is pressed.
 */
static int
exec_bind(struct ui *ui, struct cmd_args *a)
{
	struct cmd_error err = { 0, NULL };
	struct buf line = { 0 };
	int start[CMD_MAXWORDS], i, k;
	char *q;
	key_code key;

	if ((key = key_arg(a)) == KEYC_NONE)
		return -1;
	for (i = 1; i < a->argc; i++) {
		if (i > 1)
			buf_addc(&line, ' ');
		start[i] = cmd_column(buf_str(&line), line.len);
		q = cmd_quote(a->argv[i]);
		buf_adds(&line, q);
		free(q);
	}
	if (cmd_check(buf_str(&line), &err) == -1) {
		/* the fault's column in the command, as typed in bind's */
		for (k = 1; k + 1 < a->argc && start[k + 1] <= err.col; k++)
			;
		cmd_fail(a, 1, "%s", err.msg);
		a->err->col = a->col[k] + err.col - start[k];
		cmd_error_free(&err);
		buf_free(&line);
		return -1;
	}
	bind_set(&ui->binds, key, buf_str(&line));
	buf_free(&line);
	return 0;
}

static int
exec_unbind(struct ui *ui, struct cmd_args *a)
{
	key_code key;

	if ((key = key_arg(a)) == KEYC_NONE)
		return -1;
	bind_set(&ui->binds, key, NULL);
	return 0;
}

static size_t
complete_bound_command(struct ui *ui, int argi, char ***out)
{
	(void)ui;
	*out = NULL;
	return argi == 1 ? cmd_names(out) : 0;
}

const struct cmd_entry cmd_bind_table[] = {
	{ .name = "bind", .lower = 2, .upper = -1,
	  .usage = "KEY COMMAND [ARGUMENTS]",
	  .help = "bind a key to a command",
	  .help_zh = "把按键绑定到命令",
	  .exec = exec_bind, .complete = complete_bound_command },
	{ .name = "unbind", .lower = 1, .upper = 1, .usage = "KEY",
	  .help = "make a key do nothing",
	  .help_zh = "让按键不做任何事", .exec = exec_unbind },
	{ .name = NULL }
};

/*
 * Writing briefings from the reader: export writes the articles of the
 * current view (or the flagged ones) to a file, asking for its path and
 * before replacing one; pipe hands the open article to a command, as
 * mutt's | does.  Both are commands, so that a restricted mode can
 * refuse them in one place.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "cmd.h"
#include "db-read.h"
#include "db-state.h"
#include "export.h"
#include "fsutil.h"
#include "msg.h"
#include "prompt.h"
#include "restrict.h"
#include "ui.h"
#include "xmalloc.h"

/* An export waiting for its path or for leave to replace a file. */
static struct {
	int	 flagged;	/* the flagged articles, not the view */
	int	 format;	/* -f, or -1: by the path's extension */
	char	*path;
	char	*question;	/* the prompt's label, which it does not own */
} pending;

/* The format a path asks for by its extension; md without one. */
static enum export_format
format_of(const char *path)
{
	const char *dot;
	int f;

	dot = strrchr(path, '.');
	if (pending.format >= 0)
		return (enum export_format)pending.format;
	if (dot != NULL && strchr(dot, '/') == NULL &&
	    (f = export_format_named(dot + 1)) != -1)
		return (enum export_format)f;
	return EXPORT_MD;
}

/* Writes the export to path, atomically. */
static void
write_export(struct ui *ui, const char *path)
{
	struct filter f;
	int64_t *ids;
	size_t n;
	char *tmp;
	FILE *fp;
	int rc;

	if (pending.flagged) {
		memset(&f, 0, sizeof(f));
		f.flagged = 1;
	} else
		f = ui->filter;
	n = export_select(ui->db, &f, &ids);
	if (n == 0) {
		free(ids);
		ui_say(ui, 1, MSG_NOTHING_TO_EXPORT);
		return;
	}
	if ((fp = fs_atomic_open(path, &tmp)) == NULL) {
		ui_say(ui, 1, MSG_EXPORT_FAILED, path, strerror(errno));
		free(ids);
		return;
	}
	rc = export_write(ui->db, ids, n, format_of(path), fp);
	free(ids);
	if (fs_atomic_close(fp, tmp, path, rc == 0) == -1)
		ui_say(ui, 1, MSG_EXPORT_FAILED, path, strerror(errno));
	else
		ui_say(ui, 0, MSG_EXPORTED, n, path);
}

static void
accept_overwrite(struct ui *ui, struct prompt *p)
{
	const struct choice *c;

	if ((c = prompt_choice(p)) != NULL && c->id == 1)
		write_export(ui, pending.path);
	else
		ui_say(ui, 0, MSG_EXPORT_KEPT, pending.path);
}

/* The path given: written at once, or after asking to replace a file. */
static void
export_to(struct ui *ui, const char *path)
{
	struct choice *v;
	struct stat sb;

	free(pending.path);
	pending.path = xstrdup(path);
	if (stat(path, &sb) == -1) {
		write_export(ui, path);
		return;
	}
	if (!S_ISREG(sb.st_mode)) {
		ui_say(ui, 1, MSG_EXPORT_FAILED, path, strerror(EISDIR));
		return;
	}
	/* "no" first: what Enter takes */
	v = xcalloc(2, sizeof(*v));
	v[0].name = xstrdup(msg(MSG_EXPORT_NO));
	v[0].code = xstrdup("n");
	v[1].name = xstrdup(msg(MSG_EXPORT_YES));
	v[1].code = xstrdup("y");
	v[1].id = 1;
	free(pending.question);
	pending.question = xasprintf(msg(MSG_EXPORT_EXISTS), path);
	ui_prompt(ui, prompt_open(PROMPT_CHOOSE, pending.question, v, 2,
	    accept_overwrite));
}

static void
accept_path(struct ui *ui, struct prompt *p)
{
	const char *path = buf_str(&p->text);

	if (*path == '\0')
		return;
	prompt_remember(p, ui);
	export_to(ui, path);
}

/* kuaibao-20250101-0930.md: a name of its own in the current directory. */
static char *
default_path(void)
{
	char stamp[32];
	time_t now;
	struct tm tm;

	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M", &tm);
	return xasprintf("kuaibao-%s.%s", stamp, export_extension(
	    pending.format >= 0 ? (enum export_format)pending.format :
	    EXPORT_MD));
}

static int
exec_export(struct ui *ui, struct cmd_args *a)
{
	struct prompt *p;
	char *path;

	if (cmd_refused(a, RESTRICT_WRITE))
		return -1;
	pending.flagged = a->flag['m'] != NULL;
	pending.format = -1;
	if (a->flag['f'] != NULL &&
	    (pending.format = export_format_named(a->flag['f'])) == -1)
		return cmd_say(a, -1, MSG_EXPORT_FORMAT, a->flag['f']);
	if (a->argc > 0) {
		export_to(ui, a->argv[0]);
		return 0;
	}
	p = prompt_open(PROMPT_SEARCH, msg(pending.flagged ?
	    MSG_PROMPT_EXPORT_FLAGGED : MSG_PROMPT_EXPORT), NULL, 0,
	    accept_path);
	prompt_history(p, ui, "export");
	path = default_path();
	prompt_set_text(p, path);
	free(path);
	ui_prompt(ui, p);
	return 0;
}

/* The open article to cmd's stdin, as text (export.c sanitises it). */
static void
pipe_to(struct ui *ui, const char *cmd)
{
	char *text;
	size_t len;
	FILE *fp;
	int rc;

	if ((fp = open_memstream(&text, &len)) == NULL)
		return;
	export_write(ui->db, &ui->art.id, 1, EXPORT_TXT, fp);
	fclose(fp);
	rc = term_pipe(cmd, text, len, msg(MSG_PIPE_BACK));
	free(text);
	ui->dirty |= DIRTY_CLEAR;
	if (rc != 0)
		ui_say(ui, 1, MSG_PIPE_STATUS, cmd, rc);
}

static void
accept_pipe(struct ui *ui, struct prompt *p)
{
	const char *cmd = buf_str(&p->text);

	if (cmd[strspn(cmd, " ")] == '\0')
		return;
	prompt_remember(p, ui);
	pipe_to(ui, cmd);
}

static int
exec_pipe(struct ui *ui, struct cmd_args *a)
{
	struct prompt *p;

	if (cmd_refused(a, RESTRICT_RUN))
		return -1;
	if (!ui->have_art)
		return cmd_say(a, -1, MSG_OPEN_ARTICLE_FIRST);
	if (a->argc > 0) {
		pipe_to(ui, cmd_rest(a, 0));
		return 0;
	}
	p = prompt_open(PROMPT_SEARCH, msg(MSG_PROMPT_PIPE), NULL, 0,
	    accept_pipe);
	prompt_history(p, ui, "pipe");
	ui_prompt(ui, p);
	return 0;
}

const struct cmd_entry cmd_export_table[] = {
	{ .name = "export", .flags = "mf:", .upper = 1,
	  .usage = "[-m] [-f md|txt|json|csv] [FILE]",
	  .help = "export the view (-m: the flagged) with citations to a file",
	  .help_zh = "导出当前视图（-m：加星标的文章）及出处到文件",
	  .exec = exec_export },
	{ .name = "pipe", .upper = -1, .usage = "[COMMAND]",
	  .help = "pipe the open article to a command",
	  .help_zh = "把当前文章交给命令处理（管道）",
	  .exec = exec_pipe },
	{ .name = NULL }
};

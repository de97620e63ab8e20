/*
 * Reading configuration files: finding them, checking who may have
 * written them, and running each line as the : prompt would.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "msg.h"
#include "restrict.h"
#include "sanitize.h"
#include "ui.h"
#include "xmalloc.h"

/* The files being read, the outermost first: a loop is one of them. */
static struct open_file {
	dev_t		 dev;
	ino_t		 ino;
	char		*path;
} reading[CONFIG_DEPTH];
static int depth;
static int starting;		/* config_start: the status line waits */
static char **said;		/* every bad line, for config_log */
static size_t nsaid, saidcap;

int
config_reading(void)
{
	return depth > 0;
}

/* A bad line: kept for stderr at quit, and the first for the status
 * line. */
static void
report(struct ui *ui, const char *text)
{
	char *clean;

	clean = sanitize_text(text, strlen(text), SANITIZE_LOG);
	VEC_PUSH(said, nsaid, saidcap, xstrdup(clean));
	if (ui->conf_errors++ == 0)
		ui->conf_error = clean;
	else
		free(clean);
}

/*
 * The errors of a whole reading as one message: the first, and how many
 * more there were.  On the status line now, or at start in
 * ui->conf_error, for ui_run to show once the screen is up.
 */
static void
tell(struct ui *ui)
{
	char *more, *text;

	if (ui->conf_errors == 0)
		return;
	if (ui->conf_errors > 1) {
		more = xasprintf(msg(MSG_CONFIG_MORE), ui->conf_errors - 1);
		text = xasprintf("%s%s", ui->conf_error, more);
		free(more);
		free(ui->conf_error);
		ui->conf_error = text;
	}
	ui->conf_errors = 0;
	if (starting)
		return;
	ui_message(ui, 1, "%s", ui->conf_error);
	free(ui->conf_error);
	ui->conf_error = NULL;
}

/* path, with ~/ the home directory and a relative path taken from the
 * directory of the file being read (caller frees). */
static char *
resolve(const char *path)
{
	const char *home, *slash;

	if (strncmp(path, "~/", 2) == 0 && (home = getenv("HOME")) != NULL)
		return xasprintf("%s/%s", home, path + 2);
	if (path[0] == '/' || depth == 0 ||
	    (slash = strrchr(reading[depth - 1].path, '/')) == NULL)
		return xstrdup(path);
	return xasprintf("%.*s/%s", (int)(slash - reading[depth - 1].path),
	    reading[depth - 1].path, path);
}

/*
 * The file open for reading if it is ours to trust: a regular file, the
 * user's or root's, writable by no one else (/dev/null too, as empty).
 * NULL and why otherwise.
 */
static FILE *
open_checked(const char *path, struct stat *sb, char **why)
{
	FILE *fp;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*why = xasprintf(msg(MSG_CONFIG_CANNOT_READ), path,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, sb) == -1) {
		*why = xasprintf(msg(MSG_CONFIG_CANNOT_READ), path,
		    strerror(errno));
		close(fd);
		return NULL;
	}
	*why = NULL;
	if (S_ISCHR(sb->st_mode) && strcmp(path, "/dev/null") == 0)
		;
	else if (!S_ISREG(sb->st_mode))
		*why = xasprintf(msg(MSG_CONFIG_NOT_FILE), path);
	else if (sb->st_uid != getuid() && sb->st_uid != 0)
		*why = xasprintf(msg(MSG_CONFIG_OWNER), path);
	else if (sb->st_mode & (S_IWGRP | S_IWOTH))
		*why = xasprintf(msg(MSG_CONFIG_WRITABLE), path);
	if (*why != NULL || (fp = fdopen(fd, "r")) == NULL) {
		if (*why == NULL)
			*why = xasprintf(msg(MSG_CONFIG_CANNOT_READ), path,
			    strerror(errno));
		close(fd);
		return NULL;
	}
	return fp;
}

/* Runs the lines of an open file, each bad one told. */
static void
run_lines(struct ui *ui, FILE *fp, const char *path)
{
	struct cmd_error err = { 0, NULL };
	char *line = NULL, *text;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;

	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strlen(line) != (size_t)len) {
			/* a NUL inside: the line is cut there, and said */
			text = xasprintf(msg(MSG_CONFIG_AT), path, lineno,
			    cmd_column(line, strlen(line)), "NUL");
			report(ui, text);
			free(text);
			continue;
		}
		if (cmd_run(ui, line, &err) == -1) {
			text = xasprintf(msg(MSG_CONFIG_AT), path, lineno,
			    err.col, err.msg);
			report(ui, text);
			free(text);
		}
		cmd_error_free(&err);
	}
	free(line);
}

int
config_source(struct ui *ui, const char *given, char **why)
{
	struct stat sb;
	FILE *fp;
	char *path;
	int i, outer = depth == 0;

	*why = NULL;
	if (depth == CONFIG_DEPTH) {
		*why = xasprintf(msg(MSG_CONFIG_DEPTH), CONFIG_DEPTH);
		return -1;
	}
	path = resolve(given);
	if ((fp = open_checked(path, &sb, why)) == NULL) {
		free(path);
		return -1;
	}
	for (i = 0; i < depth; i++)
		if (reading[i].dev == sb.st_dev && reading[i].ino == sb.st_ino) {
			*why = xasprintf(msg(MSG_CONFIG_LOOP), path);
			fclose(fp);
			free(path);
			return -1;
		}
	reading[depth].dev = sb.st_dev;
	reading[depth].ino = sb.st_ino;
	reading[depth].path = path;
	depth++;
	run_lines(ui, fp, path);
	depth--;
	fclose(fp);
	free(path);
	/* at the : prompt; at start, config_start tells */
	if (outer && !starting)
		tell(ui);
	return 0;
}

/* A file read at start; a missing one is no fault unless given. */
static void
start_file(struct ui *ui, const char *path, int given)
{
	char *why;

	if (!given && access(path, F_OK) == -1 && errno == ENOENT)
		return;
	if (config_source(ui, path, &why) == -1) {
		report(ui, why);
		free(why);
	}
}

void
config_start(struct ui *ui, const char *given)
{
	const char *e, *home;
	char *path;

	starting = 1;
	start_file(ui, KB_DATADIR "/config", 0);
	if (restrict_on())
		;	/* the system's file only */
	else if (given != NULL)
		start_file(ui, given, 1);
	else {
		if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e == '/')
			path = xasprintf("%s/kuaibao/config", e);
		else if ((home = getenv("HOME")) != NULL && *home != '\0')
			path = xasprintf("%s/.config/kuaibao/config", home);
		else
			path = NULL;
		if (path != NULL)
			start_file(ui, path, 0);
		free(path);
	}
	/* what the commands said as they ran is no news at start */
	free(ui->msg);
	ui->msg = NULL;
	tell(ui);
	starting = 0;
}

void
config_log(FILE *fp)
{
	size_t i;

	for (i = 0; i < nsaid; i++) {
		fprintf(fp, "%s: %s\n", progname, said[i]);
		free(said[i]);
	}
	free(said);
	said = NULL;
	nsaid = saidcap = 0;
}

/*
 * Reads a PDF through poppler's pdftotext(1), run without a shell, with
 * -bbox-layout: every word with its box, which import-pdflayout.c turns
 * into the text in reading order, a form feed ending each page, as the
 * default mode prints it, but with tables a row a line and note markers
 * in their lines.  A hostile PDF gets a bounded time and a bounded
 * amount of output.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "import-pdf.h"
#include "import-pdflayout.h"
#include "xmalloc.h"

extern char **environ;

#define ERR_KEEP	4096	/* bytes of pdftotext's messages kept */

enum outcome { RAN, TOO_LONG, TOO_MUCH, READ_ERROR };

struct child {
	pid_t	 pid;
	int	 fd[2];		/* its stdout and stderr; -1 once closed */
};

int
pdf_detect(const char *path, const char *bytes, size_t len)
{
	size_t n;

	if (len >= 5 && memcmp(bytes, "%PDF-", 5) == 0)
		return 1;
	n = strlen(path);
	return n > 4 && strcasecmp(path + n - 4, ".pdf") == 0;
}

static int
timeout(const char *path)
{
	const char *e;
	char *end;
	long n;

	if ((e = getenv("KUAIBAO_PDF_TIMEOUT")) == NULL || *e == '\0')
		return PDF_TIMEOUT;
	n = strtol(e, &end, 10);
	if (*end == '\0' && n >= 1 && n <= 86400)
		return (int)n;
	diag_msg(MSG_PDF_TIMEOUT_ENV, path, 0, 0, "%d seconds allowed",
	    PDF_TIMEOUT);
	return PDF_TIMEOUT;
}

static void
cloexec(int fd)
{
	fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
}

/* Starts pdftotext on path, its output on pipes; 0 or an errno value. */
static int
start(const char *path, struct child *ch)
{
	char *argv[] = { "pdftotext", "-bbox-layout", "-enc", "UTF-8", "--",
	    NULL, "-", NULL };
	const int file = 5;	/* argv[file] is the PDF */
	posix_spawn_file_actions_t fa;
	int out[2], err[2], e, i;

	/* after "--" a name cannot be an option, but "-" is standard input */
	argv[file] = strcmp(path, "-") == 0 ? "./-" : (char *)path;
	if (pipe(out) == -1)
		return errno;
	if (pipe(err) == -1) {
		e = errno;
		close(out[0]);
		close(out[1]);
		return e;
	}
	for (i = 0; i < 2; i++) {
		cloexec(out[i]);
		cloexec(err[i]);
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, err[1], 2);
	e = posix_spawnp(&ch->pid, "pdftotext", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	close(err[1]);
	if (e != 0) {
		close(out[0]);
		close(err[0]);
		return e;
	}
	ch->fd[0] = out[0];
	ch->fd[1] = err[0];
	return 0;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L +
	    (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

/*
 * Reads the child's stdout into out and the start of its stderr into
 * err until it closes both, prints too much or runs out of time.
 */
static enum outcome
drain(struct child *ch, struct buf *out, struct buf *err, int seconds,
    int *error)
{
	struct pollfd pfd[2];
	struct timespec t0;
	char chunk[65536];
	ssize_t r;
	long left;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (ch->fd[0] != -1 || ch->fd[1] != -1) {
		if ((left = seconds * 1000L - ms_since(&t0)) <= 0)
			return TOO_LONG;
		for (i = 0; i < 2; i++) {
			pfd[i].fd = ch->fd[i];	/* poll() ignores -1 */
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		if (poll(pfd, 2, (int)left) == -1) {
			if (errno == EINTR)
				continue;
			*error = errno;
			return READ_ERROR;
		}
		for (i = 0; i < 2; i++) {
			if (ch->fd[i] == -1 || pfd[i].revents == 0)
				continue;
			if ((r = read(ch->fd[i], chunk, sizeof(chunk))) == -1) {
				if (errno == EINTR || errno == EAGAIN)
					continue;
				*error = errno;
				return READ_ERROR;
			}
			if (r == 0) {
				close(ch->fd[i]);
				ch->fd[i] = -1;
			} else if (i == 0) {
				if (out->len + (size_t)r > PDF_MAX_TEXT)
					return TOO_MUCH;
				buf_add(out, chunk, (size_t)r);
			} else if (err->len < ERR_KEEP)
				buf_add(err, chunk, (size_t)r < ERR_KEEP - err->len ?
				    (size_t)r : ERR_KEEP - err->len);
		}
	}
	return RAN;
}

/*
 * The last of pdftotext's messages that tells an error (else its first
 * message), as printable ASCII: a message may quote the PDF.
 */
static char *
last_error(const struct buf *err)
{
	char *s, *line, *save, *v;
	const char *best;
	size_t i;

	s = xstrdup(buf_str(err));
	best = NULL;
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if (best == NULL || strstr(line, "Error") != NULL)
			best = line;
	if (best == NULL)
		best = "no message";
	v = xstrndup(best, strnlen(best, 160));
	free(s);
	for (i = 0; v[i] != '\0'; i++)
		if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] > 0x7e)
			v[i] = '?';
	return v;
}

char *
pdf_text(const char *path, size_t *len)
{
	struct child ch;
	struct buf out = { 0 }, err = { 0 };
	enum outcome how;
	char *msg, *text = NULL, why[160];
	int e, i, seconds, status;

	seconds = timeout(path);
	if ((e = start(path, &ch)) != 0) {
		if (e == ENOENT)
			diag_msg(MSG_PDF_NO_TOOL, path, 0, 0, NULL);
		else
			diag_msg(MSG_PDF_EXEC, path, 0, 0, "%s", strerror(e));
		return NULL;
	}
	if ((how = drain(&ch, &out, &err, seconds, &e)) != RAN)
		kill(ch.pid, SIGKILL);
	for (i = 0; i < 2; i++)
		if (ch.fd[i] != -1)
			close(ch.fd[i]);
	while (waitpid(ch.pid, &status, 0) == -1 && errno == EINTR)
		;
	msg = NULL;
	if (how == TOO_LONG)
		diag_msg(MSG_PDF_SLOW, path, 0, 0, "more than %d s", seconds);
	else if (how == TOO_MUCH)
		diag_msg(MSG_PDF_FLOOD, path, 0, 0, "more than %d MiB",
		    PDF_MAX_TEXT >> 20);
	else if (how == READ_ERROR)
		diag_msg(MSG_PDF_READ, path, 0, 0, "%s", strerror(e));
	else if (WIFSIGNALED(status))
		diag_msg(MSG_PDF_KILLED, path, 0, 0, "signal %d (%s)",
		    WTERMSIG(status), strsignal(WTERMSIG(status)));
	else if (WEXITSTATUS(status) == 127 && err.len == 0)
		diag_msg(MSG_PDF_NO_TOOL, path, 0, 0, NULL);
	else if (WEXITSTATUS(status) != 0 &&
	    strstr(buf_str(&err), "password") != NULL)
		diag_msg(MSG_PDF_ENCRYPTED, path, 0, 0, NULL);
	else if (WEXITSTATUS(status) != 0)
		diag_msg(MSG_PDF_FAILED, path, 0, 0, "exit status %d: %s",
		    WEXITSTATUS(status), (msg = last_error(&err)));
	else if ((text = pdflayout_text(buf_str(&out), out.len, len, why,
	    sizeof(why))) == NULL)
		diag_msg(MSG_PDF_LAYOUT, path, 0, 0, "%s", why);
	else if (strspn(text, " \t\r\n\f") == *len)
		diag_msg(MSG_PDF_NO_TEXT, path, 0, 0, NULL);
	else {
		buf_free(&out);
		buf_free(&err);
		return text;
	}
	free(text);
	free(msg);
	buf_free(&out);
	buf_free(&err);
	return NULL;
}

/*
 * Handing a URL to a browser: $BROWSER or xdg-open, started without a
 * shell (a URL is one argument, whatever it holds) and detached from
 * the reader and its terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "link.h"
#include "xmalloc.h"

#define MAXWORDS	16

#ifdef __APPLE__
#define OPENER	"open"
#else
#define OPENER	"xdg-open"
#endif

/* One command of $BROWSER as argv: its words, the URL for %s or last. */
static int
words(char *cmd, const char *url, char **argv)
{
	char *w, *save;
	int n, had;

	n = had = 0;
	for (w = strtok_r(cmd, " \t", &save); w != NULL && n < MAXWORDS - 2;
	    w = strtok_r(NULL, " \t", &save)) {
		if (strcmp(w, "%s") == 0) {
			w = (char *)url;
			had = 1;
		}
		argv[n++] = w;
	}
	if (n == 0)
		return 0;
	if (!had)
		argv[n++] = (char *)url;
	argv[n] = NULL;
	return n;
}

/*
 * The browser's process, a grandchild of the reader: a session of its
 * own (no terminal, none of the reader's signals), /dev/null for its
 * input and output, the signals as a new program expects them.  When
 * exec fails its errno goes back through fd.
 */
static void
browser(char *const *argv, int fd)
{
	sigset_t none;
	int null, e;
	long i, max;

	setsid();
	if ((null = open("/dev/null", O_RDWR)) != -1) {
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	/* nothing of the reader's (its databases) goes with it */
	max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 4096)
		max = 4096;
	for (i = STDERR_FILENO + 1; i < max; i++)
		if (i != fd)
			close((int)i);
	signal(SIGPIPE, SIG_DFL);	/* the one the reader ignores */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execvp(argv[0], argv);
	e = errno;
	if (write(fd, &e, sizeof(e)) != (ssize_t)sizeof(e))
		_exit(127);
	_exit(127);
}

/*
 * Starts argv without waiting for it: a child forks the browser and
 * ends at once, so that nothing is left for the reader to reap.  The
 * pipe, closed on exec, says whether exec worked.  0, or -1 with *err.
 */
static int
spawn(char *const *argv, int *err)
{
	pid_t pid;
	ssize_t n;
	int p[2], e;

	if (pipe(p) == -1) {
		*err = errno;
		return -1;
	}
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	if ((pid = fork()) == -1) {
		*err = errno;
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		if ((pid = fork()) == 0)
			browser(argv, p[1]);
		if (pid == -1) {
			e = errno;
			if (write(p[1], &e, sizeof(e)) != (ssize_t)sizeof(e))
				_exit(1);
		}
		_exit(0);
	}
	close(p[1]);
	while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
		;
	/* EOF once exec has closed it: a moment, never the browser's life */
	while ((n = read(p[0], &e, sizeof(e))) == -1 && errno == EINTR)
		;
	close(p[0]);
	if (n == (ssize_t)sizeof(e)) {
		*err = e;
		return -1;
	}
	return 0;
}

int
link_open(const char *target, const char **why)
{
	char *list, *cmd, *save, *argv[MAXWORDS];
	const char *b;
	int err, rc;

	*why = NULL;
	if (link_restricted()) {
		*why = strerror(EPERM);
		return -1;
	}
	b = getenv("BROWSER");
	list = xstrdup(b != NULL && *b != '\0' ? b : OPENER);
	err = ENOENT;
	rc = -1;
	/* as $BROWSER lists them, the first that starts */
	for (cmd = strtok_r(list, ":", &save); cmd != NULL && rc == -1;
	    cmd = strtok_r(NULL, ":", &save))
		if (words(cmd, target, argv) > 0)
			rc = spawn(argv, &err);
	free(list);
	if (rc == -1)
		*why = strerror(err);
	return rc;
}

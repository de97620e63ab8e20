/*
 * The terminal: curses setup and restore, the bytes typed (read here,
 * parsed by input.c: curses' keypad() knows only what terminfo says and
 * lets the rest fall apart into keys), and signals.  Every handler only
 * sets a flag and writes a byte to a pipe, so that term_read wakes up
 * (a signal between the loop's check and poll() is not lost).
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "buf.h"
#include "restrict.h"
#include "sanitize.h"
#include "ui.h"

/*
 * After SIGTERM, SIGHUP or SIGINT the reader ends within this time even
 * when the work in hand does not end (one step of a query of a hostile
 * database may take long).
 */
#define STOP_WAIT_S	2

/* Pasted text comes bracketed (ESC [ 200 ~ … ESC [ 201 ~), as text. */
#define PASTE_ON	"\033[?2004h"
#define PASTE_OFF	"\033[?2004l"

static volatile sig_atomic_t signalled, resized, suspended;
static volatile sig_atomic_t active;
static int wake[2] = { -1, -1 };
/* The terminal as it was, and what puts the screen back, for a crash. */
static struct termios saved_tio;
static int have_tio;
static char leave[256];
static size_t leave_len;

static void
poke(void)
{
	int saved = errno;
	ssize_t n = 0;

	/* a full pipe is one already awake: nothing to do about an error */
	if (wake[1] != -1)
		n = write(wake[1], "", 1);
	(void)n;
	errno = saved;
}

static void
on_signal(int sig)
{
	switch (sig) {
	case SIGWINCH:
		resized = 1;
		break;
	case SIGTSTP:
		suspended = 1;
		break;
	default:
		if (!signalled)
			alarm(STOP_WAIT_S);	/* on_overdue */
		signalled = sig;
	}
	poke();
}

int
term_signalled(void)
{
	return signalled != 0;
}

static void
say(const char *s)
{
	/* a closed terminal is not worth an error */
	if (write(STDOUT_FILENO, s, strlen(s)) == -1)
		return;
}

/* The terminal back as it was, with what is safe in a signal handler. */
static void
restore_now(void)
{
	if (!active)
		return;
	active = 0;
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	if (write(STDOUT_FILENO, leave, leave_len) == -1)
		leave_len = 0;
}

/*
 * A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT): the terminal
 * restored, then the default action, so the shell is never left raw
 * and blank.
 */
static void
on_fatal(int sig)
{
	restore_now();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* STOP_WAIT_S after a signal that ends the reader, it has not ended. */
static void
on_overdue(int sig)
{
	(void)sig;
	restore_now();
	_exit(128 + signalled);
}

/* leave: the terminal's own strings, and bracketed paste off. */
static void
save_leave(void)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmcup" };
	const char *s;
	size_t i, n;

	leave_len = 0;
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		s = tigetstr((char *)caps[i]);
		if (s == NULL || s == (char *)-1)
			continue;
		n = strlen(s);
		if (leave_len + n < sizeof(leave) - sizeof(PASTE_OFF)) {
			memcpy(leave + leave_len, s, n);
			leave_len += n;
		}
	}
	memcpy(leave + leave_len, PASTE_OFF, sizeof(PASTE_OFF) - 1);
	leave_len += sizeof(PASTE_OFF) - 1;
}

static void
handle(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: reads must end */
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int
term_begin(void)
{
	int i;

	if (pipe(wake) == 0)
		for (i = 0; i < 2; i++) {
			fcntl(wake[i], F_SETFL, fcntl(wake[i], F_GETFL) |
			    O_NONBLOCK);
			fcntl(wake[i], F_SETFD, FD_CLOEXEC);
		}
	/* before newterm: curses catches only what is left at default */
	catch(SIGTERM);
	catch(SIGHUP);
	catch(SIGINT);
	catch(SIGQUIT);
	catch(SIGWINCH);
	catch(SIGTSTP);
	signal(SIGPIPE, SIG_IGN);
	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	if (newterm(NULL, stdout, stdin) == NULL)
		return -1;
	save_leave();
	handle(SIGSEGV, on_fatal);
	handle(SIGBUS, on_fatal);
	handle(SIGFPE, on_fatal);
	handle(SIGILL, on_fatal);
	handle(SIGABRT, on_fatal);
	handle(SIGALRM, on_overdue);
	active = 1;
	atexit(term_end);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	/* the bytes are ours to parse: no keypad(), no escape delay */
	keypad(stdscr, FALSE);
	curs_set(0);
	/*
	 * ncurses 6.4 flushes its output at every cursor move until it
	 * has once come back from endwin(): a screen became dozens of
	 * writes (and packets over SSH).  Leaving and coming back once,
	 * before anything is drawn, makes it one.  (And then bracketed
	 * paste: putp() would hold it in stdio's buffer until exit.)
	 */
	endwin();
	say(PASTE_ON);
	return 0;
}

void
term_end(void)
{
	if (!active)
		return;
	active = 0;
	endwin();
	say(PASTE_OFF);
}

int
term_read(unsigned char *buf, size_t size, int ms)
{
	struct pollfd pfd[2];
	char drain[64];
	ssize_t n;
	int rc;

	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[1].fd = wake[0];
	pfd[1].events = POLLIN;
	if ((rc = poll(pfd, wake[0] != -1 ? 2 : 1, ms)) == 0)
		return 0;
	if (rc < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	if (wake[0] != -1 && (pfd[1].revents & POLLIN))
		while (read(wake[0], drain, sizeof(drain)) > 0)
			;
	if (pfd[0].revents & POLLNVAL)
		return -1;
	if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) {
		n = read(STDIN_FILENO, buf, size);
		if (n > 0)
			return (int)n;
		if (n == 0 || (errno != EINTR && errno != EAGAIN))
			return -1;	/* the terminal is gone */
	}
	return 0;
}

int
term_resized(void)
{
	struct winsize ws;

	if (!resized)
		return 0;
	resized = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	return 1;
}

int
term_suspend(void)
{
	if (!suspended)
		return 0;
	suspended = 0;
	/* restricted: stopping would hand the terminal to whatever ran us */
	if (restrict_on())
		return 0;
	/* the shell gets the terminal as it was before we started */
	endwin();
	say(PASTE_OFF);
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	/* and here we are, after fg */
	catch(SIGTSTP);
	say(PASTE_ON);
	resized = 1;	/* it may have changed while we were stopped */
	return 1;
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/*
 * The text to the clipboard of the terminal, through SSH and tmux.  It
 * passes the sanitiser first, whoever calls: a title holding ESC ] 8 or
 * a line break would otherwise be pasted into a shell or an editor.
 */
void
term_clipboard(const char *text)
{
	struct buf b = { 0 };
	const unsigned char *p;
	size_t len, i;
	unsigned v;
	char *clean;

	clean = sanitize_text(text, strlen(text), SANITIZE_LOG);
	buf_adds(&b, "\033]52;c;");
	p = (const unsigned char *)clean;
	len = strlen(clean);
	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		buf_addc(&b, b64[v >> 18 & 63]);
		buf_addc(&b, b64[v >> 12 & 63]);
		buf_addc(&b, b64[v >> 6 & 63]);
		buf_addc(&b, b64[v & 63]);
	}
	if (len - i == 1) {
		v = (unsigned)p[i] << 16;
		buf_addc(&b, b64[v >> 18 & 63]);
		buf_addc(&b, b64[v >> 12 & 63]);
		buf_adds(&b, "==");
	} else if (len - i == 2) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
		buf_addc(&b, b64[v >> 18 & 63]);
		buf_addc(&b, b64[v >> 12 & 63]);
		buf_addc(&b, b64[v >> 6 & 63]);
		buf_addc(&b, '=');
	}
	buf_adds(&b, "\a");
	fflush(stdout);
	/* a closed terminal is not worth an error: the text is shown too */
	if (write(STDOUT_FILENO, b.s, b.len) != (ssize_t)b.len)
		b.len = 0;
	buf_free(&b);
	free(clean);
}

int
term_pipe(const char *cmd, const char *input, size_t len, const char *back)
{
	struct sigaction ign, oint, oquit;
	int fd[2], status, c;
	ssize_t n;
	size_t off;
	pid_t pid;

	/* the command gets the terminal as the shell had it */
	endwin();
	say(PASTE_OFF);
	fflush(stdout);
	status = -1;
	if (pipe(fd) == 0) {
		memset(&ign, 0, sizeof(ign));
		ign.sa_handler = SIG_IGN;
		sigemptyset(&ign.sa_mask);
		/* ^C is the command's, as with system(3) */
		sigaction(SIGINT, &ign, &oint);
		sigaction(SIGQUIT, &ign, &oquit);
		if ((pid = fork()) == 0) {
			close(fd[1]);
			dup2(fd[0], STDIN_FILENO);
			close(fd[0]);
			signal(SIGINT, SIG_DFL);
			signal(SIGQUIT, SIG_DFL);
			signal(SIGTSTP, SIG_DFL);
			signal(SIGPIPE, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
			signal(SIGWINCH, SIG_DFL);
			execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
			_exit(127);
		}
		close(fd[0]);
		/* a command that reads nothing ends the writing (EPIPE) */
		for (off = 0; pid > 0 && off < len;) {
			if ((n = write(fd[1], input + off, len - off)) > 0)
				off += (size_t)n;
			else if (n == -1 && errno == EINTR)
				continue;
			else
				break;
		}
		close(fd[1]);
		while (pid > 0 && waitpid(pid, &status, 0) == -1 &&
		    errno == EINTR)
			;
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
	}
	/* the output stays on the screen until the user is done with it */
	fputs(back, stdout);
	fflush(stdout);
	while ((c = getchar()) != EOF && c != '\n' && c != '\r')
		;
	clearerr(stdin);
	say(PASTE_ON);
	resized = 1;	/* it may have changed meanwhile */
	if (status == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
	    WTERMSIG(status);
}

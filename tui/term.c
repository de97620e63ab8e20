/*
 * The terminal: curses setup and restore, the signals that end the
 * program (the handlers only set a flag; the loop sees get_wch fail
 * with EINTR and leaves cleanly), and the OSC 52 clipboard.
 */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "ui.h"

static volatile sig_atomic_t signalled;
static int active;

static void
on_signal(int sig)
{
	signalled = sig;
}

int
term_signalled(void)
{
	return signalled != 0;
}

int
term_begin(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: reads must end */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (newterm(NULL, stdout, stdin) == NULL)
		return -1;
	active = 1;
	atexit(term_end);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	/*
	 * ncurses 6.4 flushes its output at every cursor move until it
	 * has once come back from endwin(): a screen became dozens of
	 * writes (and packets over SSH).  Leaving and coming back once,
	 * before anything is drawn, makes it one.
	 */
	endwin();
	return 0;
}

void
term_end(void)
{
	if (!active)
		return;
	active = 0;
	endwin();
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The text to the clipboard of the terminal, through SSH and tmux. */
void
term_clipboard(const char *text)
{
	struct buf b = { 0 };
	const unsigned char *p;
	size_t len, i;
	unsigned v;

	buf_adds(&b, "\033]52;c;");
	p = (const unsigned char *)text;
	len = strlen(text);
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
}

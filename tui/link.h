/*
 * Footnote URLs as links: whether the terminal is told they are links
 * (OSC 8 hyperlinks), what a link may point to, and whether the reader
 * may hand one to a browser.  No curses here: the pane's overlay
 * (pane-links.c), the o command and the renderer ask.
 */
#ifndef KB_LINK_H
#define KB_LINK_H

#include <stddef.h>

enum link_mode {
	LINK_AUTO,		/* as the terminal and environment say */
	LINK_ON,
	LINK_OFF
};

/* The longest target a link is made for, in bytes (VTE's limit). */
#define LINK_MAX	2083

/*
 * Restricted mode (--restricted): no OSC 8 links, and no URL is handed
 * to a program (o copies over SSH and refuses otherwise).  One way: it
 * cannot be undone.
 */
void	link_restrict(void);
int	link_restricted(void);

/* What the configuration asks for; LINK_AUTO unless set. */
void	link_set_mode(enum link_mode);

/*
 * Whether footnote URLs are sent as OSC 8 hyperlinks.  Off when
 * restricted, when KUAIBAO_NO_HYPERLINKS is set and not empty, on a
 * TERM of dumb or linux, and inside tmux before 3.4 or GNU screen
 * (which swallow them); on in tmux 3.4 and later (TERM_PROGRAM,
 * TERM_PROGRAM_VERSION), VTE 0.50 and later (VTE_VERSION), iTerm2
 * (TERM_PROGRAM, or LC_TERMINAL, which ssh passes on), kitty, WezTerm,
 * foot, ghostty and Windows Terminal; off elsewhere.  LINK_ON and
 * LINK_OFF (link_set_mode) decide before the environment, restricted
 * mode before them.
 */
int	link_hyperlinks(void);

/*
 * The target of a link to url: an http, https or ftp URL, spaces
 * around it trimmed, every byte that is not printable ASCII (controls,
 * DEL, space, bytes of UTF-8, and so C1 controls) percent-encoded, at
 * most LINK_MAX bytes.  NULL for anything else: no other scheme is
 * opened or linked (file:, javascript:, or a word a browser would take
 * for an option).  The caller frees it.
 */
char	*link_target(const char *url);

/* The reader runs in an SSH session (SSH_CONNECTION is set). */
int	link_over_ssh(void);

/*
 * Opens target (from link_target) with $BROWSER, else xdg-open (open
 * on macOS), without a shell: the program and its words from $BROWSER
 * (a list separated by ':', each tried in turn, its words separated by
 * spaces, %s standing for the URL, else the URL last), the URL one
 * argument.  The program runs in a session of its own, detached from the
 * terminal: stdin, stdout and stderr are /dev/null, and the reader does
 * not wait for it.  0 when a program started; -1 with *why (a static
 * string, errno's) when none could.
 */
int	link_open(const char *target, const char **why);

#endif

/* Footnote URLs as links: the terminal's support for OSC 8, and targets. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "link.h"

static int restricted;
static enum link_mode mode = LINK_AUTO;

void
link_restrict(void)
{
	restricted = 1;
}

int
link_restricted(void)
{
	return restricted;
}

void
link_set_mode(enum link_mode m)
{
	mode = m;
}

/* The variable, when it is set and not empty. */
static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

static int
starts(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

static int
is(const char *s, const char *what)
{
	return s != NULL && strcmp(s, what) == 0;
}

/* "3.4", "3.5a", "next-3.6": at least major.minor. */
static int
version_at_least(const char *v, long major, long minor)
{
	char *end;
	long a, b;

	if (v == NULL)
		return 0;
	if (starts(v, "next-"))
		v += 5;
	a = strtol(v, &end, 10);
	if (end == v)
		return 0;
	b = *end == '.' ? strtol(end + 1, NULL, 10) : 0;
	return a > major || (a == major && b >= minor);
}

/* The terminal's support, from what it puts in the environment. */
static int
detect(void)
{
	const char *term = env("TERM"), *prog = env("TERM_PROGRAM");
	const char *vte = env("VTE_VERSION");

	if (env("KUAIBAO_NO_HYPERLINKS") != NULL)
		return 0;
	if (term == NULL || is(term, "dumb") || starts(term, "linux"))
		return 0;
	/*
	 * A multiplexer stands between us and the terminal: tmux passes
	 * OSC 8 on from 3.4, older ones and GNU screen drop it, whatever
	 * the terminal outside (whose variables the panes inherit) can do.
	 */
	if (env("TMUX") != NULL || env("STY") != NULL ||
	    starts(term, "tmux") || starts(term, "screen"))
		return is(prog, "tmux") &&
		    version_at_least(env("TERM_PROGRAM_VERSION"), 3, 4);
	if (vte != NULL && atoi(vte) >= 5000)
		return 1;
	if (is(prog, "iTerm.app") || is(prog, "WezTerm") ||
	    is(prog, "ghostty") || is(env("LC_TERMINAL"), "iTerm2"))
		return 1;
	if (env("KITTY_WINDOW_ID") != NULL || starts(term, "xterm-kitty") ||
	    starts(term, "foot") || starts(term, "wezterm") ||
	    is(term, "xterm-ghostty") || env("WT_SESSION") != NULL)
		return 1;
	return 0;
}

int
link_hyperlinks(void)
{
	if (restricted || mode == LINK_OFF)
		return 0;
	if (mode == LINK_ON)
		return 1;
	return detect();	/* a few getenv()s a frame: nothing to keep */
}

char *
link_target(const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = { 0 };
	const unsigned char *p, *end;

	if (url == NULL)
		return NULL;
	while (*url == ' ' || *url == '\t')
		url++;
	end = (const unsigned char *)url + strlen(url);
	while (end > (const unsigned char *)url &&
	    (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0 &&
	    strncasecmp(url, "ftp://", 6) != 0)
		return NULL;
	for (p = (const unsigned char *)url; p < end; p++) {
		if (*p > 0x20 && *p < 0x7f)
			buf_addc(&b, (char)*p);
		else {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*p >> 4]);
			buf_addc(&b, hex[*p & 15]);
		}
		if (b.len > LINK_MAX) {
			buf_free(&b);
			return NULL;
		}
	}
	return buf_take(&b);
}

int
link_over_ssh(void)
{
	return env("SSH_CONNECTION") != NULL;
}

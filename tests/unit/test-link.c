/*
 * Footnote URLs as links: what a link may point to (printable ASCII,
 * web schemes only) and which terminals are told about links.
 */
#include "tap.h"

#include "link.h"

static void
target_is(const char *url, const char *want)
{
	char *t = link_target(url);

	if (want == NULL)
		assert_null(t);
	else {
		assert_non_null(t);
		assert_string_equal(t, want);
	}
	free(t);
}

static void
test_target(void **state)
{
	char long_url[2200];

	(void)state;
	target_is("https://www.gov.uk/a-b/c?d=1&e=2#f",
	    "https://www.gov.uk/a-b/c?d=1&e=2#f");
	target_is("  http://a.example/x y\t", "http://a.example/x%20y");
	target_is("HTTPS://A.example/", "HTTPS://A.example/");
	target_is("ftp://ftp.example/f.pdf", "ftp://ftp.example/f.pdf");
	/* nothing can end the OSC early or start another */
	target_is("https://e.example/\x1b]8;;http://x/\x07y\x1b\\z",
	    "https://e.example/%1B]8;;http://x/%07y%1B\\z");
	/* C1 controls (as UTF-8 and as raw bytes), DEL, non-ASCII */
	target_is("https://e.example/\xc2\x9b" "31m\x9d\x7f",
	    "https://e.example/%C2%9B31m%9D%7F");
	target_is("https://例.cn/路", "https://%E4%BE%8B.cn/%E8%B7%AF");
	/* other schemes, and what a browser would take for an option */
	target_is("javascript:alert(1)", NULL);
	target_is("file:///etc/passwd", NULL);
	target_is("--new-window=evil", NULL);
	target_is("https:/one-slash", NULL);
	target_is("", NULL);
	target_is(NULL, NULL);
	/* too long for a terminal to keep */
	memcpy(long_url, "https://", 8);
	memset(long_url + 8, 'a', sizeof(long_url) - 9);
	long_url[sizeof(long_url) - 1] = '\0';
	target_is(long_url, NULL);
	long_url[LINK_MAX] = '\0';
	target_is(long_url, long_url);
}

static const char *vars[] = {
	"TERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "TMUX", "STY",
	"VTE_VERSION", "LC_TERMINAL", "KITTY_WINDOW_ID", "WT_SESSION",
	"KUAIBAO_NO_HYPERLINKS",
};

/* The environment given as "NAME=VALUE" words, nothing else of vars. */
static int
links_in(const char *first, ...)
{
	va_list ap;
	const char *w;
	char name[64];
	size_t i, n;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		unsetenv(vars[i]);
	va_start(ap, first);
	for (w = first; w != NULL; w = va_arg(ap, const char *)) {
		n = strcspn(w, "=");
		snprintf(name, sizeof(name), "%.*s", (int)n, w);
		setenv(name, w + n + 1, 1);
	}
	va_end(ap);
	return link_hyperlinks();
}

static void
test_terminals(void **state)
{
	(void)state;
	assert_false(links_in(NULL));
	assert_false(links_in("TERM=dumb", NULL));
	assert_false(links_in("TERM=linux", NULL));
	assert_false(links_in("TERM=xterm-256color", NULL));
	/* tmux passes OSC 8 on from 3.4 */
	assert_true(links_in("TERM=tmux-256color", "TERM_PROGRAM=tmux",
	    "TERM_PROGRAM_VERSION=3.4", NULL));
	assert_true(links_in("TERM=screen-256color", "TMUX=/tmp/t,1,0",
	    "TERM_PROGRAM=tmux", "TERM_PROGRAM_VERSION=3.10", NULL));
	assert_true(links_in("TERM=tmux-256color", "TERM_PROGRAM=tmux",
	    "TERM_PROGRAM_VERSION=next-3.6", NULL));
	assert_false(links_in("TERM=tmux-256color", "TERM_PROGRAM=tmux",
	    "TERM_PROGRAM_VERSION=3.3a", NULL));
	/* a multiplexer hides what the terminal outside can do */
	assert_false(links_in("TERM=tmux-256color", "VTE_VERSION=7200", NULL));
	assert_false(links_in("TERM=screen", "STY=1.pts", "VTE_VERSION=7200",
	    NULL));
	assert_false(links_in("TERM=xterm-256color", "TMUX=/tmp/t,1,0",
	    "LC_TERMINAL=iTerm2", NULL));
	/* terminals that say who they are */
	assert_true(links_in("TERM=xterm-256color", "VTE_VERSION=5000", NULL));
	assert_false(links_in("TERM=xterm-256color", "VTE_VERSION=4803", NULL));
	assert_true(links_in("TERM=xterm-256color", "TERM_PROGRAM=iTerm.app",
	    NULL));
	assert_true(links_in("TERM=xterm-256color", "LC_TERMINAL=iTerm2", NULL));
	assert_true(links_in("TERM=xterm-kitty", NULL));
	assert_true(links_in("TERM=foot", NULL));
	assert_true(links_in("TERM=xterm-256color", "WT_SESSION=x", NULL));
	/* the opt-out, NO_COLOR-style: set and not empty */
	assert_false(links_in("TERM=xterm-kitty", "KUAIBAO_NO_HYPERLINKS=1",
	    NULL));
	assert_true(links_in("TERM=xterm-kitty", "KUAIBAO_NO_HYPERLINKS=",
	    NULL));
}

static void
test_modes(void **state)
{
	const char *why;

	(void)state;
	link_set_mode(LINK_ON);
	assert_true(links_in("TERM=dumb", NULL));
	link_set_mode(LINK_OFF);
	assert_false(links_in("TERM=xterm-kitty", NULL));
	link_set_mode(LINK_AUTO);
	assert_true(links_in("TERM=xterm-kitty", NULL));
	/* restricted mode wins over everything, for good */
	assert_false(link_restricted());
	link_restrict();
	assert_true(link_restricted());
	assert_false(links_in("TERM=xterm-kitty", NULL));
	link_set_mode(LINK_ON);
	assert_false(links_in("TERM=xterm-kitty", NULL));
	/* and nothing is opened: no program runs */
	setenv("BROWSER", "/bin/false", 1);
	assert_int_equal(link_open("https://a.example/", &why), -1);
	assert_non_null(why);
}

static void
test_ssh(void **state)
{
	(void)state;
	unsetenv("SSH_CONNECTION");
	assert_false(link_over_ssh());
	setenv("SSH_CONNECTION", "", 1);
	assert_false(link_over_ssh());
	setenv("SSH_CONNECTION", "192.0.2.1 50000 192.0.2.2 22", 1);
	assert_true(link_over_ssh());
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_target),
		cmocka_unit_test(test_terminals),
		cmocka_unit_test(test_ssh),
		cmocka_unit_test(test_modes),	/* last: restricts for good */
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

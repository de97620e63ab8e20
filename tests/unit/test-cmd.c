/*
 * The command table (tui/cmd.c) and the key bindings (tui/bind.c):
 * parsing a line into words, flags and arguments, errors and their
 * columns (in characters, 1-based), quoting, completion of names; the
 * table itself (every entry whole, names unique); the default bindings
 * (every one a command line that parses) and bind/unbind over them.
 */
#include "tap.h"

#include "bind.h"
#include "cmd.h"
#include "msg.h"
#include "xmalloc.h"

/* line fails to parse with msg (a prefix of the message) at col */
static void
fails(const char *line, const char *msg, int col)
{
	struct cmd_error err = { 0, NULL };

	if (cmd_check(line, &err) != -1)
		fail_msg("\"%s\" parsed", line);
	if (strncmp(err.msg, msg, strlen(msg)) != 0 || err.col != col)
		fail_msg("\"%s\": \"%s\" at %d, not \"%s\" at %d", line,
		    err.msg, err.col, msg, col);
	cmd_error_free(&err);
}

static void
parses(const char *line)
{
	struct cmd_error err = { 0, NULL };

	if (cmd_check(line, &err) != 0)
		fail_msg("\"%s\": %s at %d", line, err.msg, err.col);
}

static void
test_parse(void **state)
{
	(void)state;
	parses("move-down");
	parses("move-down 5");
	parses("  move-down   5  ");
	parses("");
	parses("   ");
	parses("# a comment");
	parses("q");				/* quit's alias */
	parses("search 量子 计算");
	parses("search \"a b\" 'c d' e\\ f");
	parses("country-filter -m jp");
	parses("country-filter -- -m");		/* -- ends the flags */
	parses("bind J move-down 5");
	/* the words of errors in English: parsing is tested, not words */
	msg_set_language(MSG_LANG_EN);
	fails("foo", "unknown command \"foo\"", 1);
	fails("   foo bar", "unknown command \"foo\"", 4);
	fails("日本 x", "unknown command \"日本\"", 1);
	fails("move-down 3 4", "move-down: too many arguments", 13);
	fails("move-down 日本 4", "move-down: too many arguments", 14);
	fails("quit now", "quit: too many arguments", 6);
	fails("bind x", "bind: too few arguments", 7);
	fails("country-filter -z jp", "country-filter: unknown flag -z", 17);
	fails("country-filter -mz jp", "country-filter: unknown flag -z", 18);
	fails("search \"a b", "no closing \"", 8);
	fails("search 'a", "no closing '", 8);
	/* and the same errors in Chinese, the interface's language */
	msg_set_language(MSG_LANG_ZH);
	fails("foo", "没有命令“foo”", 1);
	fails("move-down 3 4", "move-down: 参数太多（move-down [N]）", 13);
	fails("bind x", "bind: 参数太少（bind KEY COMMAND [ARGUMENTS]）", 7);
	fails("country-filter -z jp", "country-filter: 没有选项 -z", 17);
	fails("search \"a b", "缺少收尾的 \"", 8);
}

static void
test_quote(void **state)
{
	static const char *words[] = { "jp", "United States", "a\"b", "c\\d",
	    "", "#x", "it's", "日本" };
	struct cmd_error err = { 0, NULL };
	char *q, *line;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		q = cmd_quote(words[i]);
		/* a one-argument command takes it back as one word */
		line = xasprintf("unbind %s", q);
		if (cmd_check(line, &err) != 0)
			fail_msg("%s: %s", line, err.msg);
		free(line);
		line = xasprintf("unbind %s x", q);
		assert_int_equal(cmd_check(line, &err), -1);
		cmd_error_free(&err);
		free(line);
		free(q);
	}
	q = cmd_quote("jp");
	assert_string_equal(q, "jp");
	free(q);
	q = cmd_quote("United States");
	assert_string_equal(q, "\"United States\"");
	free(q);
}

static size_t
complete(const char *line, size_t *start, char ***v)
{
	return cmd_complete(NULL, line, start, v);
}

static int
has(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static void
test_complete(void **state)
{
	char **v;
	size_t n, start;

	(void)state;
	n = complete("clear-f", &start, &v);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "clear-filters");
	assert_int_equal(start, 0);
	free_strings(v, n);
	n = complete("  t", &start, &v);
	assert_true(n >= 6);
	assert_true(has(v, n, "top") && has(v, n, "theme-filter") &&
	    has(v, n, "toggle-sidebar"));
	assert_false(has(v, n, "bottom"));
	assert_int_equal(start, 2);
	free_strings(v, n);
	n = complete("", &start, &v);
	assert_true(n > 25);
	free_strings(v, n);
	/* an argument: bind completes a command as its second */
	n = complete("bind J move-d", &start, &v);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "move-down");
	assert_int_equal(start, 7);
	free_strings(v, n);
	n = complete("bind J move-down ", &start, &v);
	assert_int_equal(n, 0);
	assert_int_equal(start, 17);
	free(v);
	/* no hook, no candidates */
	n = complete("move-down ", &start, &v);
	assert_int_equal(n, 0);
	free(v);
	n = complete("nothing-like-it", &start, &v);
	assert_int_equal(n, 0);
	free(v);
}

static void
test_table(void **state)
{
	const struct cmd_entry *e, *f;
	size_t i, j;

	(void)state;
	for (i = 0; (e = cmd_at(i)) != NULL; i++) {
		assert_non_null(e->name);
		assert_non_null(e->usage);
		assert_non_null(e->help);
		/* the help screen speaks both languages */
		assert_non_null(e->help_zh);
		assert_non_null(e->exec);
		assert_true(e->upper == -1 || e->lower <= e->upper);
		assert_ptr_equal(cmd_find(e->name), e);
		for (j = 0; j < i; j++) {
			f = cmd_at(j);
			assert_string_not_equal(e->name, f->name);
		}
	}
	assert_true(i >= 30);
	assert_null(cmd_find("no-such-command"));
}

struct seen {
	int	 n;
	int	 j, q;
};

static void
each(key_code k, const char *cmd, void *arg)
{
	struct seen *s = arg;
	struct cmd_error err = { 0, NULL };

	/* every binding runs a command line that parses */
	if (cmd_check(cmd, &err) != 0)
		fail_msg("the binding \"%s\": %s", cmd, err.msg);
	s->n++;
	s->j += k == 'j';
	s->q += k == 'q';
}

static void
test_bindings(void **state)
{
	struct bind_table *t = NULL;
	struct seen s = { 0, 0, 0 };

	(void)state;
	/* the defaults: the keys of design.md */
	assert_string_equal(bind_lookup(NULL, 'j'), "move-down");
	assert_string_equal(bind_lookup(NULL, KEYC_DOWN), "move-down");
	assert_string_equal(bind_lookup(NULL, KEYC_END), "bottom");
	assert_string_equal(bind_lookup(NULL, '['), "previous-article");
	assert_string_equal(bind_lookup(NULL, '\r'), "open");
	assert_string_equal(bind_lookup(NULL, '\n'), "open");
	assert_string_equal(bind_lookup(NULL, KEY_CTRL('d')), "half-page-down");
	assert_string_equal(bind_lookup(NULL, ':'), "command-prompt");
	assert_null(bind_lookup(NULL, 'z'));
	assert_null(bind_lookup(NULL, KEY_CTRL('c')));
	bind_each(NULL, each, &s);
	assert_true(s.n >= 38);
	assert_int_equal(s.j, 1);
	/* changes over them */
	bind_set(&t, 'z', "quit");
	bind_set(&t, 'q', NULL);
	bind_set(&t, 'j', "move-down 5");
	bind_set(&t, 'j', "move-down 2");
	assert_string_equal(bind_lookup(t, 'z'), "quit");
	assert_null(bind_lookup(t, 'q'));
	assert_string_equal(bind_lookup(t, 'j'), "move-down 2");
	assert_string_equal(bind_lookup(t, 'k'), "move-up");
	memset(&s, 0, sizeof(s));
	bind_each(t, each, &s);
	assert_int_equal(s.j, 1);
	assert_int_equal(s.q, 0);
	bind_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_bindings),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

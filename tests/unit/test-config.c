/*
 * What the configuration's commands rest on: the styles' attributes
 * (look.c), the days of set date-format (datefmt.c), restricted mode's
 * predicate (restrict.c), and xmalloc's refusal of a zero size.
 */
#include "tap.h"

#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>

#include "datefmt.h"
#include "restrict.h"
#include "ui.h"
#include "xmalloc.h"

static void
test_style(void **state)
{
	struct style st;
	size_t bad;

	(void)state;
	assert_int_equal(look_parse("fg=red,bold", &st, &bad), 0);
	assert_int_equal(st.sets, STYLE_FG | STYLE_ATTR);
	assert_int_equal(st.fg, COLOR_RED);
	assert_true(st.attr == A_BOLD);
	assert_int_equal(look_parse("bg=colour235 fg=brightblue underline",
	    &st, &bad), 0);
	assert_int_equal(st.sets, STYLE_FG | STYLE_BG | STYLE_ATTR);
	assert_int_equal(st.bg, 235);
	assert_int_equal(st.fg, 12);
	assert_int_equal(look_parse("fg=default", &st, &bad), 0);
	assert_int_equal(st.fg, -1);
	/* the fault's offset: at the colour, or at the word */
	assert_int_equal(look_parse("bold,fg=purple", &st, &bad), -1);
	assert_int_equal(bad, 8);
	assert_int_equal(look_parse("bold blinking", &st, &bad), -1);
	assert_int_equal(bad, 5);
	assert_int_equal(look_parse("fg=colour256", &st, &bad), -1);
	assert_int_equal(look_parse("fg=", &st, &bad), -1);
	assert_int_equal(look_named("current-match"), LOOK_CURMATCH);
	assert_int_equal(look_named("nosuch"), -1);
}

static void
test_datefmt(void **state)
{
	char *s;

	(void)state;
	s = datefmt_day("2021-08-05");
	assert_string_equal(s, "2021-08-05");	/* the default: as kept */
	free(s);
	assert_int_equal(datefmt_set("%d/%m/%Y"), 0);
	s = datefmt_day("2021-08-05");
	assert_string_equal(s, "05/08/2021");
	free(s);
	assert_int_equal(datefmt_set("%Y年%m月%d日 %a"), 0);
	s = datefmt_day("2021-08-05");
	assert_string_equal(s, "2021年08月05日 Thu");
	free(s);
	s = datefmt_day("2021");		/* no day: as it is */
	assert_string_equal(s, "2021");
	free(s);
	assert_int_equal(datefmt_set(""), -1);
	assert_int_equal(datefmt_set("%A %A %A %A %A %A %A %A"), -1);
	assert_string_equal(datefmt_get(), "%Y年%m月%d日 %a");
	assert_int_equal(datefmt_set(NULL), 0);
	assert_string_equal(datefmt_get(), "%Y-%m-%d");
}

static void
test_restrict(void **state)
{
	(void)state;
	assert_false(restrict_denies(RESTRICT_READ));
	assert_false(restrict_denies(RESTRICT_COPY));
	assert_int_equal(restrict_set_copy(0), 0);
	assert_true(restrict_denies(RESTRICT_COPY));
	assert_int_equal(restrict_set_copy(1), 0);	/* not restricted */
	restrict_enable();
	assert_true(restrict_denies(RESTRICT_READ));
	assert_true(restrict_denies(RESTRICT_WRITE));
	assert_true(restrict_denies(RESTRICT_RUN));
	assert_false(restrict_denies(RESTRICT_COPY));	/* unless off */
	assert_int_equal(restrict_set_copy(0), 0);
	assert_int_equal(restrict_set_copy(1), -1);	/* for good */
	assert_true(restrict_denies(RESTRICT_COPY));
	setenv("KUAIBAO_SECURE", "0", 1);
	assert_false(restrict_from_env());
	setenv("KUAIBAO_SECURE", "1", 1);
	assert_true(restrict_from_env());
}

/* fn(0) in a child: it must die with status 2 and say so. */
static void
dies(void (*fn)(void), const char *says)
{
	char buf[256];
	ssize_t n;
	pid_t pid;
	int fd[2], st;

	assert_int_equal(pipe(fd), 0);
	if ((pid = fork()) == 0) {
		dup2(fd[1], 2);
		fn();
		_exit(0);
	}
	close(fd[1]);
	n = read(fd[0], buf, sizeof(buf) - 1);
	close(fd[0]);
	buf[n > 0 ? n : 0] = '\0';
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 2);
	assert_non_null(strstr(buf, says));
}

static void malloc0(void) { free(xmalloc(0)); }
static void calloc0(void) { free(xcalloc(0, 4)); }
static void realloc0(void) { free(xreallocarray(NULL, 4, 0)); }

static void
test_zero(void **state)
{
	(void)state;
	dies(malloc0, "xmalloc: zero size");
	dies(calloc0, "xcalloc: zero size");
	dies(realloc0, "xreallocarray: zero size");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_style),
		cmocka_unit_test(test_datefmt),
		cmocka_unit_test(test_restrict),
		cmocka_unit_test(test_zero),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

/*
 * The filter language's grammar (design.md): what each expression parses
 * to, written back in its canonical form, and where each error points.
 */
#include "tap.h"

#include "db-schema.h"
#include "expr.h"
#include "msg.h"

/* s parsed and written back; "ERROR@col" when it does not parse. */
static char *
round_trip(const char *s)
{
	struct expr_error err;
	struct expr *e;
	char *out;

	if (expr_parse(s, &e, &err) == -1) {
		out = malloc(32);
		snprintf(out, 32, "ERROR@%d", err.col);
		free(err.msg);
		return out;
	}
	out = expr_string(e);
	expr_free(e);
	return out;
}

#define assert_parses(s, want) do {					\
	char *got_ = round_trip(s);					\
	assert_string_equal(got_, want);				\
	free(got_);							\
} while (0)

static struct expr *
parse(const char *s)
{
	struct expr_error err;
	struct expr *e;

	assert_int_equal(expr_parse(s, &e, &err), 0);
	assert_null(err.msg);
	return e;
}

static void
test_and_or_not(void **state)
{
	(void)state;
	assert_parses("a b", "a b");
	assert_parses("a and b", "a b");
	assert_parses("a AND b", "a b");
	assert_parses("a or b", "a or b");
	assert_parses("a OR b c", "a or b c");
	/* and binds tighter: a or (b and c) */
	assert_parses("a or b and c", "a or b c");
	assert_parses("(a or b) c", "(a or b) c");
	assert_parses("not a", "-a");
	assert_parses("-a b", "-a b");
	assert_parses("NOT (a or b)", "-(a or b)");
	assert_parses("-(a b)", "-(a b)");
	assert_parses("((a))", "a");
	assert_parses("  ", "");
	assert_parses("", "");
}

static void
test_tree_shape(void **state)
{
	struct expr *e;

	(void)state;
	e = parse("a or b c");
	assert_int_equal(e->kind, EX_OR);
	assert_int_equal(e->a->kind, EX_WORDS);
	assert_int_equal(e->b->kind, EX_AND);
	assert_string_equal(e->b->b->value, "c");
	assert_int_equal(e->b->b->n, 2);
	assert_int_equal(e->b->b->col, 8);
	assert_int_equal(expr_atoms(e), 3);
	expr_free(e);
	e = parse("-country:日本 is:unread");
	assert_int_equal(e->kind, EX_AND);
	assert_int_equal(e->a->kind, EX_NOT);
	assert_int_equal(e->a->a->kind, EX_COUNTRY);
	assert_string_equal(e->a->a->value, "日本");
	assert_int_equal(e->b->kind, EX_IS);
	assert_int_equal(e->b->lo, IS_UNREAD);
	expr_free(e);
}

static void
test_quoted_words(void **state)
{
	struct expr *e;

	(void)state;
	e = parse("\"量子 计算\"");
	assert_int_equal(e->kind, EX_WORDS);
	assert_string_equal(e->value, "量子 计算");
	expr_free(e);
	assert_parses("\"量子 计算\" 芯片", "\"量子 计算\" 芯片");
	/* a keyword or a colon quoted is a word to search for */
	assert_parses("\"or\"", "\"or\"");
	assert_parses("\"a:b\"", "\"a:b\"");
	assert_parses("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\"");
	assert_parses("a\"b c\"", "a \"b c\"");
}

static void
test_fields(void **state)
{
	struct expr *e;

	(void)state;
	assert_parses("country:日本 theme:半导体与芯片 column:智库观点",
	    "country:日本 theme:半导体与芯片 column:智库观点");
	assert_parses("COUNTRY:jp", "country:jp");
	assert_parses("国家：日本", "country:日本");
	assert_parses("country:\"United States\"", "country:\"United States\"");
	assert_parses("kind:guide", "kind:guide");
	assert_parses("kind:指南 or kind:Bulletin", "kind:guide or kind:bulletin");
	assert_parses("is:flagged is:unread is:read",
	    "is:flagged is:unread is:read");
	assert_parses("issue:2021-08-05", "issue:2021-08-05");
	e = parse("kind:guide");
	assert_int_equal(e->lo, 1);
	expr_free(e);
}

static int64_t
day(const char *d)
{
	return db_days(d, 0);
}

static void
test_ranges(void **state)
{
	struct expr *e;

	(void)state;
	e = parse("year:2022..");
	assert_int_equal(e->kind, EX_YEAR);
	assert_int_equal(e->lo, 2022);
	assert_int_equal(e->hi, 9999);
	expr_free(e);
	e = parse("year:..2019");
	assert_int_equal(e->lo, 0);
	assert_int_equal(e->hi, 2019);
	expr_free(e);
	e = parse("year:2020..2022");
	assert_int_equal(e->lo, 2020);
	assert_int_equal(e->hi, 2022);
	expr_free(e);
	e = parse("year:2021");
	assert_int_equal(e->lo, 2021);
	assert_int_equal(e->hi, 2021);
	expr_free(e);
	e = parse("date:2023-06-01..2023-09-30");
	assert_int_equal(e->kind, EX_DATE);
	assert_int_equal(e->lo, day("2023-06-01"));
	assert_int_equal(e->hi, day("2023-09-30"));
	expr_free(e);
	e = parse("date:2021-08");
	assert_int_equal(e->lo, day("2021-08-01"));
	assert_int_equal(e->hi, day("2021-08-31"));
	expr_free(e);
	e = parse("date:2024-02");	/* a leap year */
	assert_int_equal(e->hi, day("2024-02-29"));
	expr_free(e);
	e = parse("date:2020");
	assert_int_equal(e->lo, day("2020-01-01"));
	assert_int_equal(e->hi, day("2020-12-31"));
	expr_free(e);
	e = parse("date:..2021-08-05");
	assert_int_equal(e->lo, 0);
	assert_int_equal(e->hi, day("2021-08-05"));
	expr_free(e);
	assert_parses("year:2022.. date:2023-06-01..2023-09-30",
	    "year:2022.. date:2023-06-01..2023-09-30");
}

static void
assert_error(const char *s, int col, enum msg id)
{
	struct expr_error err;
	struct expr *e;
	char want[256];

	assert_int_equal(expr_parse(s, &e, &err), -1);
	assert_null(e);
	assert_int_equal(err.col, col);
	assert_non_null(err.msg);
	/* the message's words, without its arguments */
	snprintf(want, sizeof(want), "%.*s", (int)strcspn(msg_in(id,
	    MSG_LANG_EN), "%"), msg_in(id, MSG_LANG_EN));
	msg_set_language(MSG_LANG_EN);
	free(err.msg);
	assert_int_equal(expr_parse(s, &e, &err), -1);
	assert_memory_equal(err.msg, want, strlen(want));
	free(err.msg);
	msg_set_language(MSG_LANG_ZH);
}

static void
test_errors(void **state)
{
	(void)state;
	assert_error("a or", 3, MSG_EXPR_NOTHING_AFTER);
	assert_error("a and", 3, MSG_EXPR_NOTHING_AFTER);
	assert_error("not", 1, MSG_EXPR_NOTHING_AFTER);
	assert_error("or a", 1, MSG_EXPR_UNEXPECTED);
	assert_error("(a b", 1, MSG_EXPR_NO_CLOSING_PAREN);
	assert_error("a (b or (c)", 3, MSG_EXPR_NO_CLOSING_PAREN);
	assert_error("a b)", 4, MSG_EXPR_UNEXPECTED);
	assert_error("()", 1, MSG_EXPR_EMPTY_PARENS);
	assert_error("\"量子 计算", 1, MSG_NO_CLOSING);
	/* columns count characters, not bytes */
	assert_error("日本 colour:red", 4, MSG_EXPR_UNKNOWN_FIELD);
	assert_error("year:22", 6, MSG_EXPR_BAD_YEAR);
	assert_error("year:2023..2021", 6, MSG_EXPR_BAD_YEAR);
	assert_error("year:..", 6, MSG_EXPR_BAD_YEAR);
	assert_error("x date:2023-02-30", 8, MSG_EXPR_BAD_DATE);
	assert_error("date:2023-13", 6, MSG_EXPR_BAD_DATE);
	assert_error("date:2023-6-1", 6, MSG_EXPR_BAD_DATE);
	assert_error("kind:book", 6, MSG_EXPR_BAD_KIND);
	assert_error("is:new", 4, MSG_EXPR_BAD_IS);
	assert_error("country:", 9, MSG_EXPR_NO_VALUE);
	assert_error("国家：", 4, MSG_EXPR_NO_VALUE);
}

static void
test_expr_and(void **state)
{
	struct expr *e;
	char *s;

	(void)state;
	e = expr_and(NULL, parse("a or b"));
	e = expr_and(e, parse("c"));
	assert_null(expr_and(NULL, NULL));
	s = expr_string(e);
	assert_string_equal(s, "(a or b) c");
	free(s);
	expr_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_and_or_not),
		cmocka_unit_test(test_tree_shape),
		cmocka_unit_test(test_quoted_words),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_expr_and),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

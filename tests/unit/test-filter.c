/* The filter prompt's matching: jp, japan and 日本 must all find Japan. */
#include "tap.h"

#include "db-read.h"
#include "filter.h"

static struct choice countries[] = {
	{ 1, "美国", "US", "USA", "United States;USA;America", 40, 50 },
	{ 2, "中国", "CN", "CHN", "China;PRC", 20, 45 },
	{ 3, "日本", "JP", "JPN", "Japan", 8, 15 },
	{ 4, "印度尼西亚", "ID", "IDN", "Indonesia", 0, 1 },
	{ 5, "印度", "IN", "IND", "India", 2, 6 },
	{ 6, "南非", "ZA", "ZAF", "South Africa", 1, 2 },
};
#define NC	(sizeof(countries) / sizeof(countries[0]))

static const char *
first(const char *typed, size_t *n)
{
	size_t *idx;
	const char *name;

	*n = filter_narrow(countries, NC, typed, &idx);
	name = *n > 0 ? countries[idx[0]].name : NULL;
	free(idx);
	return name;
}

static void
test_japan_three_ways(void **state)
{
	size_t n;

	(void)state;
	assert_string_equal(first("jp", &n), "日本");
	assert_string_equal(first("JP", &n), "日本");
	assert_string_equal(first("jpn", &n), "日本");
	assert_string_equal(first("japan", &n), "日本");
	assert_string_equal(first("Jap", &n), "日本");
	assert_string_equal(first("日本", &n), "日本");
	assert_int_equal(n, 1);
}

static void
test_empty_keeps_order(void **state)
{
	size_t *idx, n, i;

	(void)state;
	n = filter_narrow(countries, NC, "", &idx);
	assert_int_equal(n, NC);
	for (i = 0; i < n; i++)
		assert_int_equal(idx[i], i);	/* the given order: by count */
	free(idx);
	n = filter_narrow(countries, NC, "   ", &idx);
	assert_int_equal(n, NC);
	free(idx);
}

static void
test_exact_before_prefix(void **state)
{
	size_t *idx, n;

	(void)state;
	/* 印度 exactly beats 印度尼西亚, which merely starts with it */
	n = filter_narrow(countries, NC, "印度", &idx);
	assert_int_equal(n, 2);
	assert_string_equal(countries[idx[0]].name, "印度");
	assert_string_equal(countries[idx[1]].name, "印度尼西亚");
	free(idx);
	/* "in": India's code exactly, then Indonesia and China by name */
	n = filter_narrow(countries, NC, "in", &idx);
	assert_string_equal(countries[idx[0]].name, "印度");
	free(idx);
}

static void
test_inside_and_none(void **state)
{
	size_t n;

	(void)state;
	assert_string_equal(first("非", &n), "南非");
	assert_string_equal(first("africa", &n), "南非");
	assert_null(first("xyzzy", &n));
	assert_int_equal(n, 0);
	/* a code must be typed whole: "j" is a prefix of Japan, not a code */
	assert_string_equal(first("j", &n), "日本");
}

/* Counts under other filters reorder a prompt's list, ties as they were. */
static void
test_sort(void **state)
{
	struct choice v[NC];
	size_t i;

	(void)state;
	memcpy(v, countries, sizeof(v));
	v[2].n = 40;		/* 日本 ties with 美国 on subjects ... */
	v[2].nall = 60;		/* ... and has more mentions */
	filter_sort(v, NC, 0);
	assert_string_equal(v[0].name, "日本");
	assert_string_equal(v[1].name, "美国");
	assert_string_equal(v[2].name, "中国");
	for (i = 1; i < NC; i++)
		assert_true(v[i - 1].n >= v[i].n);
	filter_sort(v, NC, 1);	/* any mention: by nall */
	assert_string_equal(v[0].name, "日本");
	assert_string_equal(v[1].name, "美国");
	assert_string_equal(v[2].name, "中国");
	assert_string_equal(v[NC - 1].name, "印度尼西亚");
}

static void
test_scores(void **state)
{
	(void)state;
	assert_true(filter_score(&countries[2], "jp") >
	    filter_score(&countries[2], "ja"));
	assert_true(filter_score(&countries[0], "america") > 0);
	assert_int_equal(filter_score(&countries[0], "日本"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_japan_three_ways),
		cmocka_unit_test(test_empty_keeps_order),
		cmocka_unit_test(test_exact_before_prefix),
		cmocka_unit_test(test_inside_and_none),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_scores),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

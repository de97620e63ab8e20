/*
 * The reader's words (tui/msg.c): every message in both languages, each
 * pair a printf format taking the same arguments in the same order (a
 * format that differed would read the wrong argument in one language);
 * Chinese by default; languages found by name; counts in the singular
 * and plural.
 */
#include "tap.h"

#include "msg.h"

/* The conversions of a format, as "%d %s %zu ...": flags and widths
 * aside, what each reads. */
static void
conversions(const char *fmt, char *out, size_t size)
{
	const char *p;
	size_t n = 0;

	out[0] = '\0';
	for (p = fmt; (p = strchr(p, '%')) != NULL; ) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		while (*p != '\0' && strchr("-+ #0123456789.*", *p) != NULL) {
			if (*p == '*')
				n += (size_t)snprintf(out + n, size - n, "*");
			p++;
		}
		while (*p != '\0' && strchr("hljzt", *p) != NULL)
			n += (size_t)snprintf(out + n, size - n, "%c", *p++);
		if (*p != '\0')
			n += (size_t)snprintf(out + n, size - n, "%c ", *p++);
	}
}

static void
test_pairs(void **state)
{
	char zh[256], en[256];
	int i;

	(void)state;
	for (i = 0; i < MSG__COUNT; i++) {
		if (msg_in(i, MSG_LANG_ZH) == NULL ||
		    msg_in(i, MSG_LANG_EN) == NULL)
			fail_msg("message %d: a language is missing", i);
		if (*msg_in(i, MSG_LANG_ZH) == '\0' ||
		    *msg_in(i, MSG_LANG_EN) == '\0')
			fail_msg("message %d is empty in a language", i);
		conversions(msg_in(i, MSG_LANG_ZH), zh, sizeof(zh));
		conversions(msg_in(i, MSG_LANG_EN), en, sizeof(en));
		if (strcmp(zh, en) != 0)
			fail_msg("message %d: \"%s\" reads %s, \"%s\" %s", i,
			    msg_in(i, MSG_LANG_ZH), zh, msg_in(i, MSG_LANG_EN),
			    en);
	}
}

static void
test_language(void **state)
{
	enum msg_lang l;

	(void)state;
	/* its readers are Chinese staff */
	assert_int_equal(msg_language(), MSG_LANG_ZH);
	assert_string_equal(msg(MSG_FLAGGED), "已加星标");
	assert_int_equal(msg_language_named("en", &l), 0);
	assert_int_equal(l, MSG_LANG_EN);
	assert_int_equal(msg_language_named("English", &l), 0);
	assert_int_equal(l, MSG_LANG_EN);
	assert_int_equal(msg_language_named("zh", &l), 0);
	assert_int_equal(l, MSG_LANG_ZH);
	assert_int_equal(msg_language_named("中文", &l), 0);
	assert_int_equal(l, MSG_LANG_ZH);
	assert_int_equal(msg_language_named("fr", &l), -1);
	msg_set_language(MSG_LANG_EN);
	assert_string_equal(msg(MSG_FLAGGED), "flagged");
	/* one article, two articles; Chinese has no plural */
	assert_string_equal(msg_count(MSG_ONE_ARTICLE, MSG_N_ARTICLES, 1),
	    "%d article");
	assert_string_equal(msg_count(MSG_ONE_ARTICLE, MSG_N_ARTICLES, 2),
	    "%d articles");
	assert_string_equal(msg_pick("中", "en"), "en");
	msg_set_language(MSG_LANG_ZH);
	assert_string_equal(msg_count(MSG_ONE_ARTICLE, MSG_N_ARTICLES, 1),
	    "%d 篇");
	assert_string_equal(msg_pick("中", "en"), "中");
	/* an entry without its Chinese falls back on the English */
	assert_string_equal(msg_pick(NULL, "en"), "en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_language),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

/*
 * Unit tests for diag.c, the importer's message catalogue: each message
 * at the level the manual gives it, the line format, the levels shown,
 * the repeat limit, the exit status, and no escape sequence of a
 * document on standard error.
 */
#include "tap.h"
#include "diag-tap.h"


/*
 * The level of every message, written from kuaibao-import(1) and the
 * issue that asked for them, not from diag.c: a message moved to
 * another level, or a new one, must be looked at here.
 */
static const struct {
	enum diag_msg	m;
	enum diag_level	level;
} expected[] = {
	{ MSG_UTF16, DIAG_NOTICE },
	{ MSG_GB18030, DIAG_NOTICE },
	{ MSG_COVER, DIAG_NOTICE },
	{ MSG_CONTENTS, DIAG_NOTICE },
	{ MSG_COLUMN, DIAG_NOTICE },
	{ MSG_TITLE_JOINED, DIAG_NOTICE },
	{ MSG_HEADER_DROPPED, DIAG_NOTICE },
	{ MSG_PAGENO_DROPPED, DIAG_NOTICE },
	{ MSG_PARA_JOINED, DIAG_NOTICE },
	{ MSG_TABLE_REBUILT, DIAG_NOTICE },
	{ MSG_NOTE_PAGE, DIAG_NOTICE },
	{ MSG_NOTE_PREVIOUS, DIAG_NOTICE },
	{ MSG_BACK_MATTER, DIAG_NOTICE },
	{ MSG_REPLACES, DIAG_NOTICE },
	{ MSG_WAITING, DIAG_NOTICE },
	{ MSG_NUL, DIAG_WARNING },
	{ MSG_CONTROL, DIAG_WARNING },
	{ MSG_LONG_LINE, DIAG_WARNING },
	{ MSG_NO_STRUCTURE, DIAG_WARNING },
	{ MSG_BEFORE_FIRST, DIAG_WARNING },
	{ MSG_NOTE_OUTSIDE, DIAG_WARNING },
	{ MSG_NOTE_UNCITED, DIAG_WARNING },
	{ MSG_MARKER_NO_NOTE, DIAG_WARNING },
	{ MSG_NO_EDITORS, DIAG_WARNING },
	{ MSG_NO_BODY, DIAG_WARNING },
	{ MSG_EMPTY_COLUMN, DIAG_WARNING },
	{ MSG_SAME_ISSUE, DIAG_WARNING },
	{ MSG_TOO_LONG, DIAG_WARNING },
	{ MSG_PDF_TIMEOUT_ENV, DIAG_WARNING },
	{ MSG_GROUP, DIAG_WARNING },
	{ MSG_TMP_LEFT, DIAG_WARNING },
	{ MSG_EMPTY, DIAG_ERROR },
	{ MSG_BINARY, DIAG_ERROR },
	{ MSG_BAD_UTF16, DIAG_ERROR },
	{ MSG_BAD_UTF8, DIAG_ERROR },
	{ MSG_OPEN, DIAG_ERROR },
	{ MSG_NOT_FILE, DIAG_ERROR },
	{ MSG_READ, DIAG_ERROR },
	{ MSG_PDF_NO_TOOL, DIAG_ERROR },
	{ MSG_PDF_EXEC, DIAG_ERROR },
	{ MSG_PDF_READ, DIAG_ERROR },
	{ MSG_PDF_KILLED, DIAG_ERROR },
	{ MSG_PDF_FAILED, DIAG_ERROR },
	{ MSG_PDF_ENCRYPTED, DIAG_ERROR },
	{ MSG_PDF_NO_TEXT, DIAG_ERROR },
	{ MSG_PDF_LAYOUT, DIAG_ERROR },
	{ MSG_PDF_SLOW, DIAG_ERROR },
	{ MSG_PDF_FLOOD, DIAG_ERROR },
	{ MSG_COUNTRY_FIELDS, DIAG_ERROR },
	{ MSG_NO_COUNTRIES, DIAG_ERROR },
	{ MSG_MEMBER_NAME, DIAG_ERROR },
	{ MSG_MEMBER_YEAR, DIAG_ERROR },
	{ MSG_THEME_FIELDS, DIAG_ERROR },
	{ MSG_THEME_UNKNOWN, DIAG_ERROR },
	{ MSG_THEME_WEIGHT, DIAG_ERROR },
	{ MSG_MANY_ISSUES, DIAG_ERROR },
	{ MSG_MANY_ARTICLES, DIAG_ERROR },
	{ MSG_BAD_YEAR, DIAG_FATAL },
	{ MSG_BAD_DATE, DIAG_FATAL },
	{ MSG_LOCK_WAIT_ENV, DIAG_FATAL },
	{ MSG_LOCKED, DIAG_FATAL },
	{ MSG_NOT_KUAIBAO, DIAG_FATAL },
	{ MSG_SYMLINK, DIAG_FATAL },
	{ MSG_DANGLING, DIAG_FATAL },
	{ MSG_DB_NOT_FILE, DIAG_FATAL },
	{ MSG_MKDIR, DIAG_FATAL },
	{ MSG_REALPATH, DIAG_FATAL },
	{ MSG_UNWRITABLE, DIAG_FATAL },
	{ MSG_PATH_LONG, DIAG_FATAL },
	{ MSG_TMPDIR, DIAG_FATAL },
	{ MSG_TMPFILE, DIAG_FATAL },
	{ MSG_STALE, DIAG_FATAL },
	{ MSG_TMP_REMOVE, DIAG_FATAL },
	{ MSG_COPY, DIAG_FATAL },
	{ MSG_SQLITE, DIAG_FATAL },
	{ MSG_FSYNC, DIAG_FATAL },
	{ MSG_MODE, DIAG_FATAL },
	{ MSG_RENAME, DIAG_FATAL },
	{ MSG_OUTPUT, DIAG_FATAL },
	{ MSG_ABORT, DIAG_FATAL },
};
#define NEXPECTED	(sizeof(expected) / sizeof(expected[0]))

static int
is_marker(enum diag_msg m)
{
	return m == MSG_NOTICE || m == MSG_WARNING || m == MSG_ERROR ||
	    m == MSG_FATAL;
}

static void
test_levels(void **state)
{
	char seen[MSG_MAX];
	size_t i;
	int m;

	(void)state;
	memset(seen, 0, sizeof(seen));
	for (i = 0; i < NEXPECTED; i++) {
		assert_false(seen[expected[i].m]);
		seen[expected[i].m] = 1;
		if (diag_level_of(expected[i].m) != expected[i].level)
			fail_msg("%s: %s, expected %s",
			    diag_text(expected[i].m),
			    diag_level_name(diag_level_of(expected[i].m)),
			    diag_level_name(expected[i].level));
	}
	/* and every message of the catalogue is in the list above */
	for (m = 0; m < MSG_MAX; m++)
		if (!is_marker(m) && !seen[m])
			fail_msg("message %d (%s) has no expected level", m,
			    diag_text(m));
}

static void
test_texts(void **state)
{
	const char *t;
	size_t n;
	int m;

	(void)state;
	for (m = 0; m < MSG_MAX; m++) {
		t = diag_text(m);
		if (is_marker(m)) {
			assert_null(t);
			continue;
		}
		assert_non_null(t);
		n = strlen(t);
		/* the detail follows ": ", so no text ends in punctuation */
		if (n < 5 || strchr(" :;,.", t[n - 1]) != NULL)
			fail_msg("message %d: '%s'", m, t);
	}
	assert_string_equal(diag_level_name(DIAG_NOTICE), "NOTICE");
	assert_string_equal(diag_level_name(DIAG_FATAL), "FATAL");
}

static void
test_format(void **state)
{
	char *s;

	(void)state;
	capture_begin();
	diag_msg(MSG_CONTROL, "a.txt", 3, 5, "0x%02x", 0x1b);
	diag_msg(MSG_LONG_LINE, "a.txt", 7, 0, "%d bytes", 2200000);
	diag_msg(MSG_EMPTY, "b.txt", 0, 0, NULL);
	diag_msg(MSG_BAD_YEAR, NULL, 0, 0, "%s", "20x");
	s = capture_end();
	assert_string_equal(s,
	    "kuaibao-import: a.txt:3:5: WARNING: control character kept;"
	    " the reader shows it escaped: 0x1b\n"
	    "kuaibao-import: a.txt:7: WARNING: very long line: 2200000 bytes\n"
	    "kuaibao-import: b.txt: ERROR: empty file\n"
	    "kuaibao-import: FATAL: --year: not a year from 1900 to 2200:"
	    " 20x\n");
	free(s);
}

/* A title or a path from a document carries an OSC 52 clipboard write. */
static void
test_hostile(void **state)
{
	char *s;

	(void)state;
	diag_show(DIAG_NOTICE);
	capture_begin();
	diag_msg(MSG_NO_EDITORS, "c.txt", 9, 0, "%s",
	    "美国\033]52;c;aGk=\007发布\xc2\x9b" "31m战略\xe2\x80\xae"
	    "abc\xff");
	diag_msg(MSG_REPLACES, "d\033]52;c;aGk=\007.txt", 0, 0, "from %s",
	    "/old/e\033[2J.txt");
	s = capture_end();
	assert_null(strchr(s, '\033'));
	assert_null(strchr(s, '\007'));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_null(strstr(s, "\xe2\x80\xae"));
	assert_null(strchr(s, '\xff'));
	assert_non_null(strstr(s, ": 美国^[]52;c;aGk=^G发布\xef\xbf\xbd" "31m"
	    "战略\xef\xbf\xbd" "abc\xef\xbf\xbd\n"));
	assert_non_null(strstr(s,
	    "kuaibao-import: d\\033]52;c;aGk=\\007.txt: NOTICE:"));
	assert_non_null(strstr(s, ": from /old/e^[[2J.txt\n"));
	free(s);
}

static void
test_shown(void **state)
{
	size_t notices, warnings;
	char *s;

	(void)state;
	notices = diag_count(DIAG_NOTICE);
	warnings = diag_count(DIAG_WARNING);
	capture_begin();
	diag_msg(MSG_COLUMN, "e.txt", 1, 0, "%s", "专题评述");
	diag_show(DIAG_NOTICE);			/* -v */
	diag_msg(MSG_COLUMN, "e.txt", 9, 0, "%s", "战略规划");
	diag_show(DIAG_ERROR);			/* -q */
	diag_msg(MSG_NO_BODY, "e.txt", 12, 0, "%s", "标题");
	diag_msg(MSG_EMPTY, "f.txt", 0, 0, NULL);
	s = capture_end();
	assert_string_equal(s,
	    "kuaibao-import: e.txt:9: NOTICE: column inferred: 战略规划\n"
	    "kuaibao-import: f.txt: ERROR: empty file\n");
	free(s);
	/* counted all the same, and in the exit status */
	assert_int_equal(diag_count(DIAG_NOTICE), notices + 2);
	assert_int_equal(diag_count(DIAG_WARNING), warnings + 1);
	assert_int_equal(diag_status(), 2);
}

static void
test_repeat(void **state)
{
	char *s, *p;
	int i, n;

	(void)state;
	capture_begin();
	for (i = 1; i <= 25; i++)
		diag_msg(MSG_NOTE_UNCITED, "g.txt", i, 0, "%d", i);
	for (i = 1; i <= 25; i++)
		diag_msg(MSG_READ, "g.txt", 0, 0, "%d", i);
	diag_msg(MSG_NOTE_UNCITED, "h.txt", 1, 0, "1");	/* another file */
	s = capture_end();
	for (n = 0, p = s; (p = strstr(p, "WARNING: footnote")) != NULL; p++)
		n++;
	assert_int_equal(n, 21);
	assert_non_null(strstr(s, "g.txt:20: WARNING: footnote cited by no"
	    " marker: 20 (and so on: no more of these for this file)\n"));
	assert_null(strstr(s, "g.txt:21:"));
	assert_non_null(strstr(s, "h.txt:1: WARNING:"));
	for (n = 0, p = s; (p = strstr(p, "ERROR: read error")) != NULL; p++)
		n++;
	assert_int_equal(n, 25);		/* errors, always */
	free(s);
}

static void
test_status(void **state)
{
	(void)state;
	diag_show(DIAG_MAX);			/* nothing printed */
	assert_int_equal(diag_status(), 0);
	diag_msg(MSG_COVER, "i.txt", 1, 0, NULL);
	assert_int_equal(diag_status(), 0);
	diag_msg(MSG_NO_BODY, "i.txt", 2, 0, NULL);
	assert_int_equal(diag_status(), 1);
	diag_msg(MSG_COVER, "i.txt", 3, 0, NULL);
	assert_int_equal(diag_status(), 1);	/* the worst, not the last */
	diag_msg(MSG_EMPTY, "i.txt", 0, 0, NULL);
	assert_int_equal(diag_status(), 2);
	diag_msg(MSG_ABORT, NULL, 0, 0, "out of memory");
	assert_int_equal(diag_status(), 3);
	assert_int_equal(diag_worst(), DIAG_FATAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_levels, diag_tap_reset),
		cmocka_unit_test_setup(test_texts, diag_tap_reset),
		cmocka_unit_test_setup(test_format, diag_tap_reset),
		cmocka_unit_test_setup(test_hostile, diag_tap_reset),
		cmocka_unit_test_setup(test_shown, diag_tap_reset),
		cmocka_unit_test_setup(test_repeat, diag_tap_reset),
		cmocka_unit_test_setup(test_status, diag_tap_reset),
	};

	return cmocka_run_group_tests_name("diag", tests, diag_tap_setup, NULL);
}

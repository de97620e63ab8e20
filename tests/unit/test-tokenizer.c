/*
 * The full-text tokenizer and the query built from what users type:
 * two-character Chinese words must be single index terms.
 */
#include "tap.h"

#include "buf.h"
#include "db-read.h"
#include "db-tokenizer.h"

static int
collect(void *arg, const char *tok, int len, int start, int end)
{
	struct buf *b = arg;

	(void)start;
	(void)end;
	if (b->len > 0)
		buf_addc(b, '|');
	buf_add(b, tok, (size_t)len);
	return 0;
}

static char *
tokens(const char *text, int query)
{
	struct buf b = { 0 };

	db_tokenize(text, (int)strlen(text), query, collect, &b);
	return buf_take(&b);
}

static void
check(const char *text, int query, const char *want)
{
	char *got = tokens(text, query);

	assert_string_equal(got, want);
	free(got);
}

static void
test_bigrams(void **state)
{
	(void)state;
	/* a document: overlapping bigrams and the last character alone */
	check("芯片", 0, "芯片|片");
	check("半导体", 0, "半导|导体|体");
	check("氢能。量子", 0, "氢能|能|量子|子");
	/* a query: bigrams only, so that a phrase matches anywhere */
	check("芯片", 1, "芯片");
	check("半导体", 1, "半导|导体");
	check("芯", 1, "芯");
}

static void
test_latin_words(void **state)
{
	(void)state;
	check("NSTC 的 AI", 0, "nstc|的|ai");
	check("O-RAN 5G", 0, "o|ran|5g");
	check("ＡＢＣ１２", 0, "abc12");	/* full-width folded */
	check("Über", 0, "über");
	check("美国FDA发布", 0, "美国|国|fda|发布|布");
}

static void
test_positions(void **state)
{
	(void)state;
	/* separators produce no token */
	check("，。！？  \t", 0, "");
	check("", 0, "");
}

static void
fq(const char *typed, const char *want)
{
	char *got = dbr_fts_query(typed);

	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
	free(got);
}

static void
test_query(void **state)
{
	(void)state;
	/* every token of every word, quoted: the index has no positions */
	fq("芯片", "\"芯片\"");
	fq("芯", "\"芯\" *");
	fq("芯片 美国", "\"芯片\" \"美国\"");
	fq("半导体", "\"半导\" \"导体\"");
	fq("5G网络", "\"5g\" \"网络\"");
	fq("  ", NULL);
	fq("", NULL);
	fq("，。", NULL);
	/* quotes and FTS5 operators typed by a user are just text */
	fq("a\"b", "\"a\" \"b\"");
	fq("NEAR(x y)", "\"near\" \"x\" \"y\"");
	fq("芯片\xe3\x80\x80美国", "\"芯片\" \"美国\"");	/* U+3000 */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bigrams),
		cmocka_unit_test(test_latin_words),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_query),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

/*
 * Unit tests for import-check.c, the check pass: issues built by hand,
 * each with one thing that may be wrong, and the warning it must give,
 * at the line it must name.
 */
#include "tap.h"
#include "diag-tap.h"

#include "doc.h"
#include "import-check.h"

/* An article with a title at line, a paragraph and, if given, editors. */
static struct article *
article(struct column *s, const char *title, int line, const char *editor)
{
	struct article *a;

	a = doc_article_add(s, title, line);
	doc_block_add(a, BLOCK_PARAGRAPH, "正文。", line + 2);
	if (editor != NULL)
		VEC_PUSH(a->authors, a->nauthors, a->authorscap,
		    xstrdup(editor));
	return a;
}

/* check_issue(is) gives exactly the lines want; is is freed. */
static void
expect(struct issue *is, const char *want)
{
	char *got;

	capture_begin();
	check_issue(is);
	doc_issue_free(is);
	got = capture_end();
	assert_string_equal(got, want);
	free(got);
}

static void
test_clean(void **state)
{
	struct issue *is;
	struct column *s;
	struct article *a;

	(void)state;
	is = doc_issue_create("clean.txt");
	s = doc_column_add(is, "专题评述", 1);
	a = article(s, "美国发布战略", 3, "张秋菊");
	doc_block_add(a, BLOCK_PARAGRAPH, "报告[^1]指出[^2]。", 6);
	doc_note_add(a, 1, "Report.", 9);
	doc_note_add(a, 2, "Another.", 10);
	s = doc_column_add(is, "战略规划", 12);
	article(s, "英国发布计划", 14, "刘燕飞");
	expect(is, "");
	assert_int_equal(diag_status(), 0);
}

/* Three articles, two with editors: the third is suspect. */
static void
test_no_editors(void **state)
{
	struct issue *is;
	struct column *s;

	(void)state;
	is = doc_issue_create("a.txt");
	s = doc_column_add(is, "专题评述", 1);
	article(s, "美国发布战略", 3, "张秋菊");
	article(s, "英国发布计划", 20, NULL);
	article(s, "韩国发布战略", 40, "叶京");
	expect(is, "kuaibao-import: a.txt:20: WARNING: article"
	    " without editors, where most have them: 英国发布计划\n");

	/* One of two is not most: no warning; nor in a guide. */
	is = doc_issue_create("b.txt");
	s = doc_column_add(is, "专题评述", 1);
	article(s, "美国发布战略", 3, "张秋菊");
	article(s, "英国发布计划", 20, NULL);
	expect(is, "");
	is = doc_issue_create("c.txt");
	is->kind = DOC_GUIDE;
	s = doc_column_add(is, "前言", 1);
	article(s, "前言", 1, NULL);
	article(s, "一、总体目标", 9, NULL);
	expect(is, "");
}

/*
 * Notes 1, 1 and 3 against markers 1, 2 and 1 in two blocks: both
 * notes 1 are cited, note 3 is not, marker 2 has no note (in the order
 * of their numbers).
 */
static void
test_notes(void **state)
{
	struct issue *is;
	struct column *s;
	struct article *a;

	(void)state;
	is = doc_issue_create("d.md");
	s = doc_column_add(is, "专题评述", 1);
	a = article(s, "美国发布战略", 3, "张秋菊");
	doc_block_add(a, BLOCK_PARAGRAPH, "甲[^1]乙[^2]丙[^x]丁[^]", 7);
	doc_block_add(a, BLOCK_TABLE, "表\t格[^1]", 11);
	doc_note_add(a, 1, "One.", 15);
	doc_note_add(a, 3, "Three.", 16);
	doc_note_add(a, 1, "One again.", 17);
	assert_int_equal(check_cited(a), 2);
	expect(is,
	    "kuaibao-import: d.md:7: WARNING: marker with no footnote: [^2]\n"
	    "kuaibao-import: d.md:16: WARNING: footnote cited by no marker:"
	    " 3\n");
}

static void
test_empty(void **state)
{
	struct issue *is;
	struct column *s;

	(void)state;
	is = doc_issue_create("e.txt");
	doc_column_add(is, "专题评述", 1);
	s = doc_column_add(is, "战略规划", 5);
	doc_article_add(s, "美国发布战略", 7);
	article(s, "英国发布计划", 8, NULL);
	expect(is,
	    "kuaibao-import: e.txt:1: WARNING: column without articles:"
	    " 专题评述\n"
	    "kuaibao-import: e.txt:7: WARNING: article without text:"
	    " 美国发布战略\n");
}

/* Dropped text is quoted: its first 30 characters, sanitised. */
static void
test_drops(void **state)
{
	struct issue *is;
	struct column *s;

	(void)state;
	is = doc_issue_create("f.txt");
	s = doc_column_add(is, "专题评述", 3);
	article(s, "美国发布战略", 5, "张秋菊");
	doc_drop(is, MSG_BEFORE_FIRST, 1, "一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十超出的部分");
	doc_drop(is, MSG_NOTE_OUTSIDE, 2, "1 Report\033]52;c;aGk=\007.");
	expect(is,
	    "kuaibao-import: f.txt:1: WARNING: text before the first article"
	    " dropped: 一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十…\n"
	    "kuaibao-import: f.txt:2: WARNING: footnote outside any article"
	    " dropped: 1 Report^[]52;c;aGk=^G.\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_clean, diag_tap_reset),
		cmocka_unit_test_setup(test_no_editors, diag_tap_reset),
		cmocka_unit_test_setup(test_notes, diag_tap_reset),
		cmocka_unit_test_setup(test_empty, diag_tap_reset),
		cmocka_unit_test_setup(test_drops, diag_tap_reset),
	};

	return cmocka_run_group_tests_name("check", tests, diag_tap_setup,
	    NULL);
}

/*
 * Unit tests for import-pdflayout.c: pages of word boxes written by
 * hand, as pdftotext -bbox-layout prints them (10.5-point type, lines
 * 15 points apart, a text column from x = 100 to 490), and the text
 * each must give.
 */
#include "tap.h"

#include "import-pdflayout.h"

static struct {
	char	*s;
	size_t	 len, cap;
} doc;

static void
add(const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(doc.s + doc.len, doc.cap - doc.len, fmt, ap);
		va_end(ap);
		if ((size_t)n < doc.cap - doc.len)
			break;
		doc.cap = doc.cap * 2 + (size_t)n + 64;
		doc.s = realloc(doc.s, doc.cap);
	}
	doc.len += (size_t)n;
}

static void
begin(void)
{
	doc.len = 0;
	add("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\""
	    " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>"
	    "<title>t</title></head>\n<body>\n<doc>\n");
}

static void page(void) { add("<page width=\"595.28\" height=\"841.89\">\n"); }
static void page_end(void) { add("</page>\n"); }
static void flow(void) { add("<flow><block xMin=\"0\" yMin=\"0\" xMax=\"0\" yMax=\"0\">\n"); }
static void flow_end(void) { add("</block></flow>\n"); }

/* A line of one word, size points high, at (x, y). */
static void
line(double x, double y, double size, const char *text)
{
	double w = (double)strlen(text) / 3 * size;

	add("<line xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">"
	    "<word xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">%s</word>"
	    "</line>\n", x, y, x + w, y + size, x, y, x + w, y + size, text);
}

/* A line of two words, the second starting at x2. */
static void
line2(double x, double y, const char *a, double x2, const char *b)
{
	double wa = (double)strlen(a) / 3 * 10.5;
	double wb = (double)strlen(b) / 3 * 10.5;

	add("<line xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">"
	    "<word xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">%s</word>"
	    "<word xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">%s</word>"
	    "</line>\n", x, y, x2 + wb, y + 10.5, x, y, x + wa, y + 10.5, a,
	    x2, y, x2 + wb, y + 10.5, b);
}

static char *
text(void)
{
	char why[160] = "";
	size_t n;
	char *t;

	add("</doc>\n</body>\n</html>\n");
	t = pdflayout_text(doc.s, doc.len, &n, why, sizeof(why));
	assert_non_null(t);
	assert_int_equal(strlen(t), n);
	return t;
}

/* Prose: a line a line, a blank line between flows, \f ending a page. */
static void
test_prose(void **state)
{
	char *t;

	(void)state;
	begin();
	page();
	flow();
	line(100, 100, 10.5, "美国商务部发布战略");
	flow_end();
	flow();
	line(121, 130, 10.5, "6月4日，美国商务部发布");
	line(100, 145, 10.5, "战略，指出美国高度依赖。");
	flow_end();
	page_end();
	t = text();
	assert_string_equal(t, "美国商务部发布战略\n\n6月4日，美国商务部发布\n"
	    "战略，指出美国高度依赖。\n\n\f");
	free(t);
}

/*
 * A table of two columns at x = 100 and 300: a header, a row whose
 * cells wrap over two lines each, a row whose first cell is empty (the
 * goal above spans it), and the text after it, across both columns.
 */
static void
test_table(void **state)
{
	char *t;

	(void)state;
	begin();
	page();
	flow();
	line(100, 100, 10.5, "1、推进研究");
	flow_end();
	flow();
	line(100, 125, 10.5, "目标");
	flow_end();
	flow();
	line(300, 125, 10.5, "建议");
	flow_end();
	flow();
	line2(100, 148, "制定研发战略，提高", 300, "制定研发路线图；");
	line(100, 163, 10.5, "科技供给能力");
	line(300, 163, 10.5, "协调各机构活动");
	line(300, 186, 10.5, "建立公私合作关系");
	flow_end();
	flow();
	line(100, 230, 10.5, "二、美国关键矿物行业现状，美国矿产资源丰富，开采的矿物原材料价值高达");
	flow_end();
	page_end();
	t = text();
	assert_string_equal(t, "1、推进研究\n\n"
	    "目标\t建议\n"
	    "制定研发战略，提高科技供给能力\t制定研发路线图；协调各机构活动\n"
	    "\t建立公私合作关系\n\n"
	    "二、美国关键矿物行业现状，美国矿产资源丰富，开采的矿物原材料价值高达\n"
	    "\n\f");
	free(t);
}

/* Two lines side by side, then prose: too few rows for a table. */
static void
test_no_table(void **state)
{
	char *t;

	(void)state;
	begin();
	page();
	flow();
	line2(100, 100, "第6期", 400, "2019年6月");
	line(100, 115, 10.5, "中国科学院科技战略咨询研究院主办的快报，每月出版一期。");
	flow_end();
	page_end();
	t = text();
	assert_string_equal(t, "第6期 2019年6月\n"
	    "中国科学院科技战略咨询研究院主办的快报，每月出版一期。\n\n\f");
	free(t);
}

/*
 * A note marker pdftotext set on a line of its own, in small type
 * raised over the line it belongs to, in a flow of its own: it goes
 * back into that line without spaces, and the flows run on.
 */
static void
test_superscript(void **state)
{
	char *t;

	(void)state;
	begin();
	page();
	flow();
	line(121, 100, 12, "发布战略创新议");
	add("<line xMin=\"112\" yMin=\"119\" xMax=\"116\" yMax=\"126.2\">"
	    "<word xMin=\"112\" yMin=\"119\" xMax=\"116\" yMax=\"126.2\">5"
	    "</word></line>\n");
	flow_end();
	flow();
	add("<line xMin=\"100\" yMin=\"120\" xMax=\"220\" yMax=\"132\">"
	    "<word xMin=\"100\" yMin=\"120\" xMax=\"112\" yMax=\"132\">程</word>"
	    "<word xMin=\"116.2\" yMin=\"120\" xMax=\"220\" yMax=\"132\">"
	    "，提出新预算期</word></line>\n");
	flow_end();
	page_end();
	t = text();
	assert_string_equal(t, "发布战略创新议\n程5，提出新预算期\n\n\f");
	free(t);
}

/*
 * A table the page break cut: the next page repeats its header row
 * under the running header and page number; the repetition goes.
 */
static void
test_header_repeated(void **state)
{
	int p;
	char *t;

	(void)state;
	begin();
	for (p = 1; p <= 3; p++) {
		page();
		flow();
		line(100, 40, 9, "科技政策与咨询快报");
		flow_end();
		flow();
		add("<line xMin=\"290\" yMin=\"800\" xMax=\"296\" yMax=\"809\">"
		    "<word xMin=\"290\" yMin=\"800\" xMax=\"296\" yMax=\"809\">"
		    "%d</word></line>\n", p);
		flow_end();
		flow();
		line2(100, 700, "目标", 300, "建议");
		line2(100, 723, p == 1 ? "制定战略" : "加强合作", 300,
		    "制定路线图");
		line(300, 746, 10.5, p == 3 ? "完成评估" : "开展研究");
		flow_end();
		page_end();
	}
	t = text();
	/* page 2 ends with its table, which a third page goes on */
	assert_string_equal(t,
	    "科技政策与咨询快报\n\n1\n\n"
	    "目标\t建议\n制定战略\t制定路线图\n\t开展研究\n\n\f"
	    "科技政策与咨询快报\n\n2\n\n"
	    "加强合作\t制定路线图\n\t开展研究\n\n\f"
	    "科技政策与咨询快报\n\n3\n\n"
	    "加强合作\t制定路线图\n\t完成评估\n\n\f");
	free(t);
}

/* What is not XML is refused, with expat's reason and the line. */
static void
test_not_xml(void **state)
{
	char why[160] = "";
	size_t n;
	static const char junk[] = "<page>\n<flow><block></page>";

	(void)state;
	assert_null(pdflayout_text(junk, sizeof(junk) - 1, &n, why,
	    sizeof(why)));
	assert_string_equal(why, "mismatched tag at line 2");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_no_table),
		cmocka_unit_test(test_superscript),
		cmocka_unit_test(test_header_repeated),
		cmocka_unit_test(test_not_xml),
	};
	int rc;

	rc = cmocka_run_group_tests_name("pdflayout", tests, tap_setup_utf8,
	    NULL);
	free(doc.s);
	return rc;
}

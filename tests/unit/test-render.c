/*
 * The article layout shared by the pane and --cat: every line fits the
 * width exactly as measured, markers read [n], tables keep columns, and
 * nothing the document holds is lost.
 */
#include "tap.h"

#include "db-read.h"
#include "render.h"

static struct block blocks[] = {
	{ BLOCK_PARAGRAPH, "4月20日，美国白宫科技政策办公室（OSTP）、能源部（DOE）、"
	    "国务院（DOS）联合发布《美国国家创新路径》[^1]，旨在加快推进清洁能源"
	    "关键技术创新。", 0 },
	{ BLOCK_HEADING, "一、美国清洁能源创新战略重点", 0 },
	{ BLOCK_TABLE, "目标\t建议\n制定研发战略，提高关键矿物供应链上的科技供给能力\t"
	    "制定研发路线图；识别研发需求，协调各机构活动\n\t建立并利用公私合作关系", 0 },
	{ BLOCK_PARAGRAPH, "A title with \x1b]0;pwned\x07 and \x1b[31mred\x1b[0m.", 0 },
};

static char *urls1[] = {
	"https://www.whitehouse.gov/wp-content/uploads/2023/04/"
	"US-National-Innovation-Pathway.pdf"
};
static struct footnote notes[] = {
	{ 1, "National Innovation Pathway of The United States.", urls1, 1, 0 },
};
static char *countries[] = { "美国", "印度" };
static int subject[] = { 1, 0 };
static char *themes[] = { "能源与碳中和" };

static struct art
article(void)
{
	struct art a;

	memset(&a, 0, sizeof(a));
	a.key = "k";
	a.title = "美国发布促进清洁能源发展的《美国国家创新路径》";
	a.date = "2023-04-20";
	a.date_text = "4月20日";
	a.authors = "张秋菊 秦冰雪";
	a.column = "专题评述";
	a.issue_title = "科技政策与咨询快报";
	a.issue_year = 2023;
	a.blocks = blocks;
	a.nblocks = sizeof(blocks) / sizeof(blocks[0]);
	a.notes = notes;
	a.nnotes = 1;
	a.countries = countries;
	a.subject = subject;
	a.ncountries = 2;
	a.themes = themes;
	a.nthemes = 1;
	return a;
}

static char *
joined(const struct rendered *r)
{
	char *s;
	size_t i, n;

	s = calloc(1, r->text.len + 1);
	assert_non_null(s);
	for (i = n = 0; i < r->nlines; i++) {
		memcpy(s + n, r->text.s + r->lines[i].off, r->lines[i].len);
		n += r->lines[i].len;
	}
	return s;
}

static void
test_widths(void **state)
{
	struct art a = article();
	struct rendered *r;
	size_t i, k;
	int width;

	(void)state;
	for (width = 10; width <= 120; width += 7) {
		r = render_article(&a, width, NULL);
		for (i = 0; i < r->nlines; i++) {
			const struct rline *l = &r->lines[i];
			int w = tap_libc_width(r->text.s + l->off, l->len);

			assert_int_equal(w, l->width);
			if (w > width)
				fail_msg("width %d: line %zu is %d wide: %.*s",
				    width, i, w, (int)l->len,
				    r->text.s + l->off);
			for (k = 0; k < l->len; k++)
				assert_true((unsigned char)r->text.s[l->off + k]
				    >= 0x20);
		}
		render_free(r);
	}
}

static void
test_content(void **state)
{
	struct art a = article();
	struct rendered *r;
	char *all;

	(void)state;
	r = render_article(&a, 200, NULL);	/* wide: nothing wraps */
	all = joined(r);
	assert_non_null(strstr(all, "《美国国家创新路径》[1]，"));
	assert_null(strstr(all, "[^1]"));
	assert_non_null(strstr(all, "编辑 张秋菊 秦冰雪"));
	assert_non_null(strstr(all, "国家 美国"));
	assert_non_null(strstr(all, "提及 印度"));
	assert_non_null(strstr(all, "一、美国清洁能源创新战略重点"));
	/* the escape sequences are shown, not executed */
	assert_null(strchr(all, '\x1b'));
	assert_non_null(strstr(all, "^[]0;pwned^G"));
	assert_non_null(strstr(all, "^[[31mred^[[0m"));
	/* the URL, whole, once the wrapped pieces are joined */
	assert_non_null(strstr(all, "[1] National Innovation Pathway"));
	assert_int_equal(r->nurls, 1);
	assert_string_equal(r->urls[0], urls1[0]);
	assert_true(r->notes_line > 0 && r->notes_line < r->nlines);
	free(all);
	render_free(r);
}

static void
test_table_columns(void **state)
{
	struct art a = article();
	struct rendered *r;
	size_t i;
	int found;

	(void)state;
	r = render_article(&a, 60, NULL);
	found = 0;
	for (i = 0; i < r->nlines; i++) {
		const char *s = r->text.s + r->lines[i].off;

		if (r->lines[i].attr == R_TABLE_HEAD &&
		    strncmp(s, "目标", strlen("目标")) == 0) {
			found = 1;
			assert_non_null(strstr(s, " │ 建议"));
		}
	}
	assert_true(found);
	render_free(r);
	/* too narrow for two columns: cells one under the other */
	r = render_article(&a, 12, NULL);
	for (i = 0; i < r->nlines; i++)
		assert_null(memchr(r->text.s + r->lines[i].off, '\t',
		    r->lines[i].len));
	render_free(r);
}

static void
test_matches(void **state)
{
	struct art a = article();
	struct rendered *r;
	size_t i;

	(void)state;
	r = render_article(&a, 30, "清洁能源 ostp");
	assert_true(r->nmatches >= 3);
	for (i = 0; i < r->nmatches; i++) {
		const struct rmatch *m = &r->matches[i];
		const char *s = r->text.s + r->lines[m->line].off + m->off;

		assert_true(m->off + m->len <= r->lines[m->line].len);
		assert_true(strncmp(s, "清", 3) == 0 ||
		    strncmp(s, "洁", 3) == 0 || strncmp(s, "能", 3) == 0 ||
		    strncmp(s, "源", 3) == 0 || strncasecmp(s, "OSTP",
		    m->len) == 0);
		if (i > 0)
			assert_true(m->line >= r->matches[i - 1].line);
	}
	render_free(r);
}

/* What the search splits at splits the highlighted words too: the
 * ideographic space and the no-break space a paste brings. */
static void
test_match_separators(void **state)
{
	static const char *const queries[] = {
		"清洁能源\xe3\x80\x80ostp", "清洁能源\xc2\xa0ostp", "清洁能源\tostp"
	};
	struct art a = article();
	struct rendered *base, *r;
	size_t q, i;

	(void)state;
	base = render_article(&a, 30, "清洁能源 ostp");
	for (q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		r = render_article(&a, 30, queries[q]);
		assert_int_equal(r->nmatches, base->nmatches);
		for (i = 0; i < r->nmatches; i++) {
			assert_int_equal(r->matches[i].line,
			    base->matches[i].line);
			assert_int_equal(r->matches[i].off,
			    base->matches[i].off);
			assert_int_equal(r->matches[i].len,
			    base->matches[i].len);
		}
		render_free(r);
	}
	render_free(base);
}

static size_t
count(const char *s, const char *w)
{
	size_t n = 0;

	while ((s = strstr(s, w)) != NULL) {
		n++;
		s += strlen(w);
	}
	return n;
}

/*
 * A search's matches are where it reads (title, text, tables, notes),
 * not in the tags or the URLs; a find's are everywhere.
 */
static void
test_match_scope(void **state)
{
	static const char *const words[] = { "美国", "能源", "研发" };
	struct art a = article();
	struct rendered *r;
	size_t i, k, want;
	int table;

	(void)state;
	r = render_article(&a, 40, "美国 能源 研发 whitehouse");
	want = 0;
	for (k = 0; k < 3; k++) {
		want += count(a.title, words[k]);
		for (i = 0; i < a.nblocks; i++)
			want += count(a.blocks[i].text, words[k]);
		want += count(a.notes[0].text, words[k]);
	}
	assert_int_equal(r->noccs, want);
	table = 0;
	for (i = 0; i < r->nmatches; i++) {
		const struct rline *l = &r->lines[r->matches[i].line];

		assert_true(l->attr != R_META && l->attr != R_URL);
		table |= l->attr == R_TABLE;
	}
	assert_true(table);	/* 研发 in the table's cells */
	render_free(r);

	r = render_article_find(&a, 40, "美国");
	for (i = table = 0; i < r->nmatches; i++)
		table |= r->lines[r->matches[i].line].attr == R_META;
	assert_true(table);	/* the 国家 line's */
	render_free(r);
}

/*
 * A field of several paragraphs: each hangs under the label, the first
 * beside it; wrapped lines too; only the label itself is bold.
 */
static void
test_field_hang(void **state)
{
	static struct field f[] = {
		{ "领域方向", "（1）智慧城市；\n（2）生产技术，包括智能制造；"
		    "\n（3）生物医药与健康技术，包括可以解决全球流行病的医疗设备、"
		    "生物技术应用或制药技术；" },
	};
	struct art a = article();
	struct rendered *r;
	size_t i, first, n;
	const char *l;

	(void)state;
	a.nblocks = 0;
	a.nnotes = 0;
	a.fields = f;
	a.nfields = 1;
	r = render_article(&a, 40, NULL);
	for (first = 0; first < r->nlines; first++)
		if (r->lines[first].attr == R_FIELD)
			break;
	assert_true(first < r->nlines);
	l = r->text.s + r->lines[first].off;
	assert_memory_equal(l, "领域方向  （1）", strlen("领域方向  （1）"));
	assert_int_equal(r->lines[first].label, 10);
	for (i = first + 1, n = 0; i < r->nlines &&
	    r->lines[i].attr == R_FIELD; i++, n++) {
		l = r->text.s + r->lines[i].off;
		assert_memory_equal(l, "          ", 10);
		assert_true(l[10] != ' ');
		assert_int_equal(r->lines[i].label, 0);
		assert_true(r->lines[i].width <= 40);
	}
	/* at 30 columns beside the label: （2） on one line, （3） on three */
	assert_int_equal(n, 4);
	render_free(r);
}

static void
test_labels(void **state)
{
	static const struct {
		const char	*date;
		int		 year;
		const char	*number, *title;
		int		 guide;
		const char	*label;
	} t[] = {
		{ "2021-08-05", 2021, "总第086期 第08期", "科技政策与咨询快报", 0,
		    "2021-08-05 第08期" },
		{ NULL, 2023, NULL, "科技政策与咨询快报", 0,
		    "2023 科技政策与咨询快报" },
		{ NULL, 0, NULL, "无题", 0, "无题" },
		/* a guide: kuaibao(1) says 指南 and its status, the draft's once */
		{ NULL, 2023, NULL, "某专项2023年度项目申报指南（征求意见稿）", 2,
		    "2023 指南·征求意见稿 某专项2023年度项目申报指南" },
		{ NULL, 2024, NULL, "某专项2024年度项目申报指南", 1,
		    "2024 指南·正式稿 某专项2024年度项目申报指南" },
		{ NULL, 0, NULL, "申报指南", 1, "指南·正式稿 申报指南" },
	};
	char *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = render_issue_label(t[i].date, t[i].year, t[i].number,
		    t[i].title, t[i].guide);
		assert_string_equal(s, t[i].label);
		free(s);
	}
}

/* The URL whole: after the notes' indent, then cut at the edge only. */
static void
test_url_lines(void **state)
{
	struct art a = article();
	struct rendered *r;
	struct buf url = { 0 };
	size_t i, first, last;

	(void)state;
	r = render_article(&a, 30, NULL);
	first = last = r->nlines;
	for (i = 0; i < r->nlines; i++)
		if (r->lines[i].attr == R_URL) {
			if (first == r->nlines)
				first = i;
			last = i;
		}
	assert_true(first < r->nlines);
	/* "[1] " is four columns: the URL starts under the note's text */
	assert_memory_equal(r->text.s + r->lines[first].off, "    https://", 12);
	assert_int_equal(r->lines[first].cont, 0);
	assert_int_equal(r->lines[first].link, 1);
	buf_add(&url, r->text.s + r->lines[first].off + 4,
	    r->lines[first].len - 4);
	for (i = first; i <= last; i++) {
		assert_int_equal(r->lines[i].attr, R_URL);
		assert_int_equal(r->lines[i].link, 1);
		if (i < last)	/* every piece but the last fills the line */
			assert_int_equal(r->lines[i].width, 30);
		if (i > first) {
			assert_int_equal(r->lines[i].cont, 1);
			assert_true(r->text.s[r->lines[i].off] != ' ');
			buf_add(&url, r->text.s + r->lines[i].off,
			    r->lines[i].len);
		}
	}
	assert_string_equal(buf_str(&url), urls1[0]);
	assert_string_equal(r->targets[0], urls1[0]);
	buf_free(&url);
	render_free(r);
}

/* [9] and [10] hang their text and URL at the same column. */
static void
test_note_labels(void **state)
{
	static char *u10[] = { "https://www.gov.uk/a" };
	static struct footnote two[] = {
		{ 9, "Nine.", NULL, 0, 0 },
		{ 10, "Ten.", u10, 1, 0 },
	};
	static const char *want[] = {
		"[9]  Nine.", "[10] Ten.", "     https://www.gov.uk/a"
	};
	struct art a = article();
	struct rendered *r;
	size_t i, k;

	(void)state;
	a.notes = two;
	a.nnotes = 2;
	r = render_article(&a, 60, NULL);
	for (k = 0, i = r->notes_line; i < r->nlines && k < 3; i++)
		if (r->lines[i].len == strlen(want[k]) &&
		    memcmp(r->text.s + r->lines[i].off, want[k],
		    r->lines[i].len) == 0)
			k++;
	assert_int_equal(k, 3);
	render_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_content),
		cmocka_unit_test(test_table_columns),
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_match_separators),
		cmocka_unit_test(test_match_scope),
		cmocka_unit_test(test_field_hang),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_url_lines),
		cmocka_unit_test(test_note_labels),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

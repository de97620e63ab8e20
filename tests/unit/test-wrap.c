/* Unit tests for wrap.c: width, truncation, line breaking of Chinese. */
#include <glob.h>

#include "tap.h"

#include "buf.h"
#include "sanitize.h"
#include "wrap.h"

#define W(s)	wrap_width((s), strlen(s))

/* Width by the C library, as ncurses will count it. */
#define C_W(s)	tap_libc_width((s), strlen(s))

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(W(""), 0);
	assert_int_equal(W("Hello"), 5);
	assert_int_equal(W("中文"), 4);
	assert_int_equal(W("，。、；：！？"), 14);		/* full width */
	assert_int_equal(W("（OSTP）"), 8);
	assert_int_equal(W("《美国国家创新路径》"), 20);
	assert_int_equal(W("“中文”"), 6);			/* “ ” are 1 */
	assert_int_equal(W("‘’"), 2);
	assert_int_equal(W("①②③"), 3);
	assert_int_equal(W("e\xcc\x81"), 1);			/* combining */
	assert_int_equal(W("a\xcc\x81\xcc\x82z"), 2);
	assert_int_equal(W("\xe3\x80\x80"), 2);			/* U+3000 */
	assert_int_equal(W("50%零排放"), 9);
	assert_int_equal(W("\xf0\x9f\x98\x80"), 2);		/* U+1F600 */
	/* Not NUL-terminated: only len bytes count. */
	assert_int_equal(wrap_width("中文字", 6), 4);
}

/* Emoji glibc 2.36 does not know end up as U+FFFD: one column. */
static void
test_width_sanitised_emoji(void **state)
{
	static const char in[] = "a\xf0\x9f\xab\xa8z";	/* U+1FAE8 */
	char *s;

	(void)state;
	s = sanitize_text(in, sizeof(in) - 1, 0);
	assert_int_equal(W(s), C_W(s));
	if (strcmp(s, "a\xef\xbf\xbdz") != 0) {
		free(s);
		skip();		/* a newer libc that knows U+1FAE8 */
	}
	assert_int_equal(W(s), 3);
	free(s);
}

static void
test_fit(void **state)
{
	const char *s = "中文字";
	int used;

	(void)state;
	assert_int_equal(wrap_fit(s, strlen(s), 6, &used), 9);
	assert_int_equal(used, 6);
	/* 文 would straddle column 5: left out. */
	assert_int_equal(wrap_fit(s, strlen(s), 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(wrap_fit(s, strlen(s), 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(wrap_fit(s, strlen(s), 100, &used), 9);
	assert_int_equal(used, 6);
	assert_int_equal(wrap_fit("a中", 4, 2, &used), 1);
	assert_int_equal(used, 1);
	/* A combining mark stays with its base. */
	assert_int_equal(wrap_fit("e\xcc\x81x", 4, 1, &used), 3);
	assert_int_equal(used, 1);
	assert_int_equal(wrap_fit("abc", 3, 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(wrap_fit("abc", 3, -5, NULL), 0);
	assert_int_equal(wrap_fit("“中”", 9, 3, &used), 6);
	assert_int_equal(used, 3);
}

/* wrap_fit never ends inside a character, whatever the width. */
static void
test_fit_never_splits(void **state)
{
	const char *s = "4 月 20 日，美国白宫（OSTP）“创新”①②é中";
	size_t len = strlen(s), n;
	int cols, used;

	(void)state;
	for (cols = 0; cols <= 60; cols++) {
		n = wrap_fit(s, len, cols, &used);
		assert_true(n == len || ((unsigned char)s[n] & 0xc0) != 0x80);
		assert_true(used <= cols);
		assert_int_equal(used, wrap_width(s, n));
		/* Longest: the next character would not fit. */
		if (n < len)
			assert_true(wrap_width(s, n + (s[n] & 0x80 ?
			    ((unsigned char)s[n] >= 0xf0 ? 4 :
			    (unsigned char)s[n] >= 0xe0 ? 3 : 2) : 1)) > cols);
	}
}

static void
check_pad(const char *s, int cols, const char *want)
{
	struct buf b = { NULL, 0, 0 };

	buf_adds(&b, "|");
	wrap_pad(&b, s, strlen(s), cols);
	buf_adds(&b, "|");
	assert_string_equal(buf_str(&b), want);
	assert_int_equal(C_W(buf_str(&b)), (cols > 0 ? cols : 0) + 2);
	buf_free(&b);
}

static void
test_pad(void **state)
{
	(void)state;
	check_pad("ab", 5, "|ab   |");
	check_pad("abcdef", 3, "|abc|");
	check_pad("中文字", 6, "|中文字|");
	check_pad("中文字", 5, "|中文 |");	/* 字 would straddle */
	check_pad("a中文", 4, "|a中 |");
	check_pad("“中文”", 5, "|“中文|");
	check_pad("①中", 2, "|① |");
	check_pad("", 3, "|   |");
	check_pad("e\xcc\x81中", 2, "|e\xcc\x81 |");
	check_pad("科技政策与咨询快报 2023", 40,
	    "|科技政策与咨询快报 2023                 |");
	check_pad("abc", 0, "||");
	check_pad("abc", -3, "||");
}

/* Every row of a sidebar of mixed labels comes out equally wide. */
static void
test_pad_mixed_rows(void **state)
{
	static const char *labels[] = {
		"专题评述", "美国发布促进清洁能源发展的《美国国家创新路径》",
		"OSTP", "“创新、示范、部署”", "①②③ abc", "a中b文c字",
		"Émile Zola", "",
	};
	struct buf b = { NULL, 0, 0 };
	size_t i;
	int cols;

	(void)state;
	for (cols = 1; cols <= 30; cols++)
		for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
			buf_truncate(&b, 0);
			wrap_pad(&b, labels[i], strlen(labels[i]), cols);
			assert_int_equal(C_W(buf_str(&b)), cols);
			assert_int_equal(W(buf_str(&b)), cols);
		}
	buf_free(&b);
}

/*
 * Compare wrap_lines() of s with the expected lines want[] (NULL
 * ended), and their widths with wantw[].
 */
static void
check_wrap(const char *s, int cols, int indent, const char **want,
    const int *wantw)
{
	struct wrap_line *l;
	size_t n, i, nwant;
	char *got;

	for (nwant = 0; want[nwant] != NULL; nwant++)
		;
	n = wrap_lines(s, strlen(s), cols, indent, &l);
	for (i = 0; i < n && i < nwant; i++) {
		got = strndup(s + l[i].off, l[i].len);
		assert_non_null(got);
		if (strcmp(got, want[i]) != 0)
			fail_msg("cols %d line %zu: got \"%s\" want \"%s\"",
			    cols, i, got, want[i]);
		free(got);
		if (wantw != NULL)
			assert_int_equal(l[i].width, wantw[i]);
		assert_int_equal(l[i].width, wrap_width(s + l[i].off,
		    l[i].len));
	}
	if (n != nwant)
		fail_msg("cols %d: %zu lines, want %zu", cols, n, nwant);
	free(l);
}

/*
 * The opening paragraph of data/corpus/000_c7f35d69aa6ccfdf.txt, its
 * six PDF lines joined.  Expected lines were worked out by hand:
 * CJK, full-width punctuation 2 columns, ASCII and “ ” 1; break
 * between ideographs, before （《 and after ，、。》）, never inside
 * "OSTP" or "2035", after the space before a number (the space is
 * dropped), before “ and after ” where CJK is on the other side.
 */
static const char para_intro[] =
    "4 月 20 日，美国白宫科技政策办公室（OSTP）、能源部（DOE）、"
    "国务院（DOS）联合发布《美国国家创新路径》1，旨在加快推进清洁"
    "能源关键技术创新。报告指出，拜登政府推进“创新、示范、部署”三"
    "管齐下的方法，扩大美国转型所需技术部署及研究，以在 2035 年实现"
    "电力领域零碳排目标，2030 年实现 50%零排放汽车销售目标，2050 年"
    "实现净零排放目标。";

/*
 * A paragraph of the same file where kinsoku matters: at 40 columns
 * "，" would start lines 3 and 7, at 60 "：" line 2 and "，" line 4.
 * Each time the character before it moves down with it (the line
 * stays 2 columns short); punctuation never hangs in the margin.
 */
static const char para_list[] =
    "《美国国家创新路径》列出的清洁能源创新优先领域众多，主要包"
    "括：先进电池，先进核能，先进太阳能，碳捕集、利用与封存（CCUS），"
    "碳去除，清洁航运燃料和船舶，增强型地热系统，聚变能，氢能，工业"
    "脱碳，长期储能，清洁重型车辆，甲烷还原，净零建筑，海上风电，可"
    "持续航空燃料。";

/* The two paragraphs really are in the corpus, line by PDF line. */
static void
test_paragraphs_from_corpus(void **state)
{
	static const char *lines[] = {
		"4 月 20 日，美国白宫科技政策办公室（OSTP）、能源部（DOE）、\n",
		"\n国务院（DOS）联合发布《美国国家创新路径》1，旨在加快"
		    "推进清洁\n",
		"\n电力领域零碳排目标，2030 年实现 50%零排放汽车销售目标，"
		    "2050 年\n",
		"\n实现净零排放目标。 \n",
		"\n括：先进电池，先进核能，先进太阳能，碳捕集、利用与封存"
		    "（CCUS），\n",
		"\n持续航空燃料。 \n",
	};
	char *path, *text;
	size_t len, i;

	(void)state;
	path = tap_path(tap_corpus_dir(), "000_c7f35d69aa6ccfdf.txt");
	text = tap_slurp(path, &len);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (strstr(text, lines[i]) == NULL)
			fail_msg("corpus lacks \"%s\"", lines[i]);
	free(text);
	free(path);
}

static void
test_intro_40(void **state)
{
	static const char *want[] = {
		"4 月 20 日，美国白宫科技政策办公室",
		"（OSTP）、能源部（DOE）、国务院（DOS）联",
		"合发布《美国国家创新路径》1，旨在加快推",
		"进清洁能源关键技术创新。报告指出，拜登政",
		"府推进“创新、示范、部署”三管齐下的方法，",
		"扩大美国转型所需技术部署及研究，以在",
		"2035 年实现电力领域零碳排目标，2030 年实",
		"现 50%零排放汽车销售目标，2050 年实现净",
		"零排放目标。",
		NULL
	};
	static const int wantw[] = { 34, 40, 39, 40, 40, 36, 40, 39, 12 };

	(void)state;
	check_wrap(para_intro, 40, 0, want, wantw);
}

static void
test_intro_60(void **state)
{
	static const char *want[] = {
		"4 月 20 日，美国白宫科技政策办公室（OSTP）、能源部（DOE）、",
		"国务院（DOS）联合发布《美国国家创新路径》1，旨在加快推进清洁",
		"能源关键技术创新。报告指出，拜登政府推进“创新、示范、部署”三",
		"管齐下的方法，扩大美国转型所需技术部署及研究，以在 2035 年实",
		"现电力领域零碳排目标，2030 年实现 50%零排放汽车销售目标，",
		"2050 年实现净零排放目标。",
		NULL
	};
	static const int wantw[] = { 59, 60, 60, 60, 57, 25 };

	(void)state;
	check_wrap(para_intro, 60, 0, want, wantw);
}

static void
test_kinsoku_40(void **state)
{
	static const char *want[] = {
		"《美国国家创新路径》列出的清洁能源创新优",
		"先领域众多，主要包括：先进电池，先进核",
		"能，先进太阳能，碳捕集、利用与封存",
		"（CCUS），碳去除，清洁航运燃料和船舶，增",
		"强型地热系统，聚变能，氢能，工业脱碳，长",
		"期储能，清洁重型车辆，甲烷还原，净零建",
		"筑，海上风电，可持续航空燃料。",
		NULL
	};
	static const int wantw[] = { 40, 38, 34, 40, 40, 38, 30 };

	(void)state;
	check_wrap(para_list, 40, 0, want, wantw);
}

static void
test_kinsoku_60(void **state)
{
	static const char *want[] = {
		"《美国国家创新路径》列出的清洁能源创新优先领域众多，主要包",
		"括：先进电池，先进核能，先进太阳能，碳捕集、利用与封存",
		"（CCUS），碳去除，清洁航运燃料和船舶，增强型地热系统，聚变",
		"能，氢能，工业脱碳，长期储能，清洁重型车辆，甲烷还原，净零建",
		"筑，海上风电，可持续航空燃料。",
		NULL
	};
	static const int wantw[] = { 58, 54, 58, 60, 30 };

	(void)state;
	check_wrap(para_list, 60, 0, want, wantw);
}

/* Quotes: ” and 。 never start a line, “ and （ never end one. */
static void
test_kinsoku_quotes(void **state)
{
	/* 9 ideographs (18 columns), then “创新”。: “ at 19, ” at 24. */
	static const char s[] = "拜登政府推进的方法“创新”。";
	static const char *quote_down[] = { "拜登政府推进的方法", "“创新”。",
	    NULL };
	static const char *new_down[] = { "拜登政府推进的方法“创", "新”。",
	    NULL };
	static const char *whole[] = { "拜登政府推进的方法“创新”。", NULL };
	/* ” then an ideograph: a break is allowed after the quote. */
	static const char t[] = "推进“创新”三管齐下";
	static const char *t11[] = { "推进“创新”", "三管齐下", NULL };
	static const char *t9[] = { "推进“创", "新”三管齐", "下", NULL };
	/* （ is glued to what follows it, ） to what precedes it. */
	static const char u[] = "办公室（OSTP）发布";
	static const char *u10[] = { "办公室", "（OSTP）发", "布", NULL };
	int cols;

	(void)state;
	/* “ fits but 创 does not: “ may not end a line, it moves down. */
	check_wrap(s, 19, 0, quote_down, NULL);
	check_wrap(s, 20, 0, quote_down, NULL);
	/*
	 * 21-23: 新 or ” does not fit, ” cannot start a line: 新 moves.
	 * 24-25: ” fits but 。 cannot start a line: 新 moves with them.
	 */
	for (cols = 21; cols <= 25; cols++)
		check_wrap(s, cols, 0, new_down, NULL);
	check_wrap(s, 26, 0, whole, NULL);
	check_wrap(t, 11, 0, t11, NULL);
	check_wrap(t, 10, 0, t11, NULL);
	check_wrap(t, 9, 0, t9, NULL);
	check_wrap(u, 10, 0, u10, NULL);
}

static void
test_latin_words(void **state)
{
	static const char *a[] = { "aaa", "bbbbbbbb", NULL };
	static const char *b[] = { "美国白宫科技政策办公室", "OSTP发布", NULL };
	static const char *c[] = { "U.S. and", "U.K.", NULL };
	static const char *d[] = { "aaaa", "bbbb", NULL };
	static const char *e[] = { "The ratio", "was 2.95", "per cent.", NULL };
	static const char *f[] = { "the", "U.S.", "economy", NULL };

	(void)state;
	check_wrap("aaa bbbbbbbb", 10, 0, a, NULL);
	check_wrap("美国白宫科技政策办公室OSTP发布", 24, 0, b, NULL);
	check_wrap("U.S. and U.K.", 9, 0, c, NULL);
	/* Spaces at a break are dropped, however many. */
	check_wrap("aaaa     bbbb", 6, 0, d, NULL);
	check_wrap("The ratio was 2.95 per cent.", 9, 0, e, NULL);
	/* UAX #14 alone would give "the U." and "S.". */
	check_wrap("the U.S. economy", 7, 0, f, NULL);
}

static void
test_long_words(void **state)
{
	static const char *a[] = { "aaaaaaaaaa", "aaaaaaaaaa", "aaaaa", NULL };
	static const char *url[] = {
		"https://",
		"www.whitehouse.gov/",
		"wp-content/",
		"uploads/2023/04/US-",
		"National-Innovation-",
		"Pathway.pdf",
		NULL
	};
	/* No break opportunity at all: cut after the last period. */
	static const char *host[] = { "www.whitehouse.gov.", "example.com",
	    NULL };
	/* After the punctuation, a plain word is cut at the edge. */
	static const char *under[] = { "x_", "abcdefghij", "klmnopqrst",
	    "uvwxyz", NULL };
	/* Breaks after // are UAX #14's; the host name is cut by us. */
	static const char *see[] = { "See https://", "www.example.", "org",
	    NULL };
	static const char *paren[] = { "（", "Standards", NULL };
	static const char *indented[] = { "Standards", NULL };
	static const char *urlend[] = { "sede.cdti.gob.", "es/。", NULL };

	(void)state;
	check_wrap("aaaaaaaaaaaaaaaaaaaaaaaaa", 10, 0, a, NULL);
	check_wrap("https://www.whitehouse.gov/wp-content/uploads/2023/04/"
	    "US-National-Innovation-Pathway.pdf", 20, 0, url, NULL);
	check_wrap("www.whitehouse.gov.example.com", 20, 0, host, NULL);
	check_wrap("x_abcdefghijklmnopqrstuvwxyz", 10, 0, under, NULL);
	check_wrap("See https://www.example.org", 12, 0, see, NULL);
	/* Not "（Standard" then "s": the word goes down whole. */
	check_wrap("（Standards", 10, 0, paren, NULL);
	/* Indentation gives way to a word, and the first line keeps 10. */
	check_wrap("  Standards", 10, 4, indented, NULL);
	/* Kinsoku at a URL's end: no line starts with 。 */
	check_wrap("sede.cdti.gob.es/。", 17, 0, urlend, NULL);
}

static void
test_hanging_indent(void **state)
{
	static const char *a[] = { "1 National", "Innovation Pathway",
	    "of The United", "States.", NULL };
	/* The first line's overflow is too wide for the indented lines. */
	static const char *b[] = { "a", "bb", "bb", "bb", "bb", "b", NULL };
	static const char *c[] = { "①先进电池，先进", "核能，先", "进太阳",
	    "能。", NULL };

	(void)state;
	check_wrap("1 National Innovation Pathway of The United States.", 20,
	    2, a, NULL);
	check_wrap("a bbbbbbbbb", 10, 8, b, NULL);
	check_wrap("①先进电池，先进核能，先进太阳能。", 16, 8, c, NULL);
}

static void
test_newlines_and_spaces(void **state)
{
	static const char *a[] = { "ab", "cd", NULL };
	static const char *b[] = { "ab", "", NULL };
	static const char *c[] = { "", NULL };
	static const char *d[] = { "", "", "", NULL };
	static const char *e[] = { "  ab", "  cd", NULL };
	static const char *f[] = { "ab", NULL };
	static const char *g[] = { "x", NULL };
	static const char *h[] = { "名称\t数量", "中国\t12", NULL };
	static const char *i[] = { "", NULL };
	struct wrap_line *l;

	(void)state;
	check_wrap("ab\ncd", 10, 0, a, NULL);
	check_wrap("ab\n", 10, 0, b, NULL);
	check_wrap("", 10, 0, c, NULL);
	check_wrap("\n\n", 10, 0, d, NULL);
	check_wrap("  ab\n  cd", 10, 0, e, NULL);	/* indentation kept */
	check_wrap("ab   ", 10, 0, f, NULL);
	check_wrap("    x", 2, 0, g, NULL);	/* unless it cannot fit */
	check_wrap("名称\t数量\n中国\t12", 20, 0, h, NULL);
	check_wrap("     ", 3, 0, i, NULL);

	/* Offsets: the dropped spaces sit between the lines. */
	assert_int_equal(wrap_lines("aaaa  bbbb", 10, 4, 0, &l), 2);
	assert_int_equal(l[0].off, 0);
	assert_int_equal(l[0].len, 4);
	assert_int_equal(l[1].off, 6);
	assert_int_equal(l[1].len, 4);
	free(l);
	/* A wide character wider than the line still gets a line. */
	assert_int_equal(wrap_lines("中文", 6, 1, 0, &l), 2);
	assert_int_equal(l[0].len, 3);
	assert_int_equal(l[0].width, 2);
	assert_int_equal(l[1].off, 3);
	free(l);
}

/* No line starts with these unless it starts the text or follows LF. */
static int
is_nostart(const char *p)
{
	static const char *set[] = { "，", "。", "、", "；", "：", "！", "？",
	    "）", "》", "」", "』", "】", "”", "’", NULL };
	size_t i;

	for (i = 0; set[i] != NULL; i++)
		if (strncmp(p, set[i], strlen(set[i])) == 0)
			return 1;
	return 0;
}

static int
is_noend(const char *s, size_t len)
{
	static const char *set[] = { "“", "‘", "（", "《", "「", "『", "【",
	    NULL };
	size_t i, k;

	for (i = 0; set[i] != NULL; i++) {
		k = strlen(set[i]);
		if (len >= k && memcmp(s + len - k, set[i], k) == 0)
			return 1;
	}
	return 0;
}

static int
is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/*
 * The properties every wrap must have: lines in order, only spaces
 * and single LFs between them (so lines + gaps == input), each within
 * its limit and measured right, no space at either end of a break,
 * kinsoku, and Latin words cut only when longer than a line.
 */
static void
check_properties(const char *s, size_t len, int cols, int indent)
{
	struct wrap_line *l;
	struct buf rebuilt = { NULL, 0, 0 };
	size_t n, k, pos, j, nl, a, b;
	struct buf joined = { NULL, 0, 0 }, content = { NULL, 0, 0 };
	int limit, kinsoku;

	/*
	 * Below 16 columns a run UAX #14 cannot break, like "（CCUS），",
	 * may be wider than a line and has to be cut somewhere.
	 */
	kinsoku = cols - indent >= 16;
	n = wrap_lines(s, len, cols, indent, &l);
	assert_true(n >= 1);
	pos = 0;
	for (k = 0; k < n; k++) {
		/* The gap before line k: spaces and at most one LF. */
		assert_true(l[k].off >= pos);
		nl = 0;
		for (j = pos; j < l[k].off; j++) {
			assert_true(s[j] == ' ' || s[j] == '\n');
			nl += s[j] == '\n';
		}
		assert_true(nl <= 1);
		if (k > 0 && nl == 0) {
			/* A break inside running text. */
			assert_true(l[k].len == 0 || s[l[k].off] != ' ');
			if (kinsoku && is_nostart(s + l[k].off))
				fail_msg("cols %d: starts with punctuation: "
				    "\"%.*s\" / \"%.*s\"", cols,
				    (int)l[k - 1].len, s + l[k - 1].off,
				    (int)l[k].len, s + l[k].off);
			assert_false(kinsoku && is_noend(s + l[k - 1].off,
			    l[k - 1].len));
			/* Between two letters: the word must be too long. */
			a = l[k - 1].off + l[k - 1].len;
			b = l[k].off;
			if (a == b && a > 0 && is_alnum(s[a - 1]) &&
			    is_alnum(s[b])) {
				while (a > 0 && is_alnum(s[a - 1]))
					a--;
				while (b < len && is_alnum(s[b]))
					b++;
				if (b - a <= (size_t)(cols - indent))
					fail_msg("cols %d: word split: "
					    "\"%.*s\" / \"%.*s\"", cols,
					    (int)l[k - 1].len, s + l[k - 1].off,
					    (int)l[k].len, s + l[k].off);
			}
		}
		buf_add(&rebuilt, s + pos, l[k].off - pos);
		buf_add(&rebuilt, s + l[k].off, l[k].len);
		for (j = l[k].off; j < l[k].off + l[k].len; j++)
			if (s[j] != ' ')
				buf_addc(&joined, s[j]);

		limit = k == 0 ? cols : cols - indent;
		assert_true(l[k].width <= limit);
		assert_int_equal(l[k].width, wrap_width(s + l[k].off,
		    l[k].len));
		assert_null(memchr(s + l[k].off, '\n', l[k].len));
		assert_true(l[k].len == 0 || s[l[k].off + l[k].len - 1] !=
		    ' ');
		pos = l[k].off + l[k].len;
	}
	for (j = pos; j < len; j++)
		assert_true(s[j] == ' ');
	buf_add(&rebuilt, s + pos, len - pos);
	assert_int_equal(rebuilt.len, len);
	assert_memory_equal(buf_str(&rebuilt), s, len);
	/* Said differently: all but spaces and LFs, in order, once. */
	for (j = 0; j < len; j++)
		if (s[j] != ' ' && s[j] != '\n')
			buf_addc(&content, s[j]);
	assert_int_equal(joined.len, content.len);
	assert_memory_equal(buf_str(&joined), buf_str(&content), joined.len);
	buf_free(&joined);
	buf_free(&content);
	buf_free(&rebuilt);
	free(l);
}

static void
test_known_paragraph_properties(void **state)
{
	int cols;

	(void)state;
	for (cols = 10; cols <= 80; cols++) {
		check_properties(para_intro, strlen(para_intro), cols, 0);
		check_properties(para_list, strlen(para_list), cols, 4);
	}
}

/*
 * Every paragraph (text between blank lines, its LFs kept) of every
 * corpus file, sanitised as the reader will, at several widths and
 * indents; then each whole file as one long paragraph.
 */
static void
test_corpus_round_trip(void **state)
{
	static const int widths[] = { 10, 20, 37, 80 };
	glob_t g;
	char *pat, *text, *clean, *p, *end;
	size_t len, i, w, nparas = 0;

	(void)state;
	pat = tap_path(tap_corpus_dir(), "*.txt");
	assert_int_equal(glob(pat, 0, NULL, &g), 0);
	assert_true(g.gl_pathc >= 1);
	for (i = 0; i < g.gl_pathc; i++) {
		text = tap_slurp(g.gl_pathv[i], &len);
		for (p = text; *p != '\0'; p = end) {
			while (*p == '\n')
				p++;
			if ((end = strstr(p, "\n\n")) == NULL)
				end = p + strlen(p);
			clean = sanitize_text(p, (size_t)(end - p),
			    SANITIZE_KEEP_NL);
			for (w = 0; w < sizeof(widths) / sizeof(widths[0]);
			    w++) {
				check_properties(clean, strlen(clean),
				    widths[w], 0);
				check_properties(clean, strlen(clean),
				    widths[w], 4);
			}
			free(clean);
			nparas++;
		}
		clean = sanitize_text(text, len, 0);
		for (w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
			check_properties(clean, strlen(clean), widths[w], 2);
		free(clean);
		free(text);
	}
	assert_true(nparas > 100);
	globfree(&g);
	free(pat);
}

/* 10 MB paragraphs of several shapes; quadratic time would never end. */
static void
test_huge_paragraph(void **state)
{
	static const char *units[] = { "中", "a", "a ", "中，", "x/",
	    "“创新”", "e\xcc\x81", " " };
	size_t u, ul, n, i, nl;
	struct wrap_line *l;
	char *s;

	(void)state;
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		ul = strlen(units[u]);
		n = 10 * 1024 * 1024 / ul;
		s = malloc(n * ul);
		assert_non_null(s);
		for (i = 0; i < n; i++)
			memcpy(s + i * ul, units[u], ul);
		nl = wrap_lines(s, n * ul, 80, 4, &l);
		assert_true(nl >= 1);
		/* Spot checks; the full properties would take long. */
		assert_true(l[0].width <= 80);
		assert_true(l[nl - 1].off + l[nl - 1].len <= n * ul);
		if (u == 1) {
			/* One 10 MB word: 80, then 76 per line. */
			assert_int_equal(nl, 1 + (n - 80 + 75) / 76);
			assert_int_equal(l[1].len, 76);
		}
		free(l);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_sanitised_emoji),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_never_splits),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_pad_mixed_rows),
		cmocka_unit_test(test_paragraphs_from_corpus),
		cmocka_unit_test(test_intro_40),
		cmocka_unit_test(test_intro_60),
		cmocka_unit_test(test_kinsoku_40),
		cmocka_unit_test(test_kinsoku_60),
		cmocka_unit_test(test_kinsoku_quotes),
		cmocka_unit_test(test_latin_words),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_hanging_indent),
		cmocka_unit_test(test_newlines_and_spaces),
		cmocka_unit_test(test_known_paragraph_properties),
		cmocka_unit_test(test_corpus_round_trip),
		cmocka_unit_test(test_huge_paragraph),
	};

	return cmocka_run_group_tests_name("wrap", tests, tap_setup_utf8,
	    NULL);
}

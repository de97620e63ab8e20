/* Shapes of lines: the structural cues the parsers use instead of titles. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-meta.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"


static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static int
is_cn_numeral(uint32_t c)
{
	static const uint32_t nums[] = {
		0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03,
		0x516b, 0x4e5d, 0x5341, 0x767e, 0x96f6	/* 一…十百零 */
	};
	size_t i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (c == nums[i])
			return 1;
	return 0;
}

/* Skips characters of one class; returns bytes consumed and the count. */
static size_t
skip_class(const char *s, size_t len, int (*cls)(uint32_t), int *count)
{
	size_t i;
	int n;

	*count = 0;
	for (i = 0; i < len; i += n) {
		if (!cls(text_first(s + i, len - i, &n)) || n <= 0)
			break;
		(*count)++;
	}
	return i;
}

static int
is_space_c(uint32_t c)
{
	return c == ' ' || c == 0x3000 || c == '\t';
}

size_t
shape_enum(const char *s, size_t len)
{
	uint32_t c, open;
	size_t i;
	int n, cnt;

	c = text_first(s, len, &n);
	if (c >= 0x2460 && c <= 0x2473)		/* ①…⑳ */
		return (size_t)n;
	if (is_cn_numeral(c)) {
		i = skip_class(s, len, is_cn_numeral, &cnt);
		c = text_first(s + i, len - i, &n);
		if (cnt <= 3 && (c == 0x3001 || c == 0xff0e))	/* 、． */
			return i + (size_t)n;
		return 0;
	}
	if (c == 0xff08 || c == '(') {			/* （ ( */
		open = c;
		i = (size_t)n;
		c = text_first(s + i, len - i, &n);
		if (is_cn_numeral(c))
			i += skip_class(s + i, len - i, is_cn_numeral, &cnt);
		else if (is_digit(c))
			i += skip_class(s + i, len - i, is_digit, &cnt);
		else
			return 0;
		if (cnt > 3)
			return 0;
		c = text_first(s + i, len - i, &n);
		if ((open == 0xff08 && c == 0xff09) || (open == '(' &&
		    c == ')') || (open == 0xff08 && c == ')') || (open == '(' &&
		    c == 0xff09))
			return i + (size_t)n;
		return 0;
	}
	if (is_digit(c)) {
		i = skip_class(s, len, is_digit, &cnt);
		if (cnt > 2)
			return 0;
		c = text_first(s + i, len - i, &n);
		if (c == 0x3001)			/* 、 */
			return i + (size_t)n;
		if (c == '.' || c == 0xff0e) {
			/* "1." but not "1.1" nor "5.9" */
			if (is_digit(text_first(s + i + n, len - i - n, NULL)))
				return 0;
			return i + (size_t)n;
		}
	}
	return 0;
}

int
shape_enum_kind(const char *s, size_t len)
{
	uint32_t c, c2;
	int n;

	if (shape_enum(s, len) == 0)
		return 0;
	c = text_first(s, len, &n);
	if (c >= 0x2460 && c <= 0x2473)
		return 5;
	if (is_cn_numeral(c))
		return 1;
	if (c == 0xff08 || c == '(') {
		c2 = text_first(s + n, len - n, NULL);
		return is_cn_numeral(c2) ? 2 : 4;
	}
	return 3;
}

static int
is_closer(uint32_t c)
{
	return c == 0x201d || c == 0x2019 || c == 0x300d || c == 0x300f ||
	    c == 0xff09 || c == ')' || c == 0x300b || c == 0x3011 ||
	    c == '"' || c == '*';
}

int
shape_ends_sentence(const char *s, size_t len)
{
	uint32_t c;
	int n;

	len = text_trim(&s, len);
	while (len > 0) {
		c = text_last(s, len, &n);
		if (!is_closer(c))
			break;
		len -= (size_t)n;
	}
	if (len == 0)
		return 0;
	c = text_last(s, len, NULL);
	return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0xff1b ||
	    c == 0xff1a || c == 0x2026 || c == '!' || c == '?' ||
	    c == ';' || c == ':' || c == '.' || c == 0xff0e;
}

int
shape_ends_clause(const char *s, size_t len)
{
	uint32_t c;

	len = text_trim(&s, len);
	c = text_last(s, len, NULL);
	return c == 0xff0c || c == 0x3001 || c == 0xff08 || c == 0x300a ||
	    c == 0x201c || c == ',' || c == '(';
}

size_t
shape_label(const char *s, size_t len)
{
	size_t i;
	uint32_t c;
	int n, cnt;

	i = skip_class(s, len, text_is_han, &cnt);
	if (cnt < 2 || cnt > 8)
		return 0;
	c = text_first(s + i, len - i, &n);
	if (c == 0xff1a || c == ':')			/* ：: */
		return i + (size_t)n;
	return 0;
}

size_t
shape_label_stem(const char *s, size_t len)
{
	size_t i, k;
	uint32_t c;
	int n, cnt, digits, paren;

	i = skip_class(s, len, text_is_han, &cnt);
	if (shape_label(s, len) > 0)
		return i;
	if (cnt < 2 || cnt > 8)
		return 0;
	/* a number after it: 工作重点（1）：, 措施(2):, 任务3： */
	c = text_first(s + i, len - i, &n);
	paren = c == 0xff08 || c == '(';
	k = paren ? i + (size_t)n : i;
	for (digits = 0; k < len && is_digit((unsigned char)s[k]); k++)
		digits++;
	if (digits == 0 || digits > 2)
		return 0;
	if (paren) {
		c = text_first(s + k, len - k, &n);
		if (c != 0xff09 && c != ')')
			return 0;
		k += (size_t)n;
	}
	c = text_first(s + k, len - k, &n);
	return c == 0xff1a || c == ':' ? i : 0;
}

int
shape_column_name(const char *s, size_t len)
{
	size_t i;
	int cnt;

	len = text_trim(&s, len);
	i = skip_class(s, len, text_is_han, &cnt);
	return i == len && cnt >= 2 && cnt <= 8;
}

int
shape_pagenum(const char *s, size_t len)
{
	size_t i;
	uint32_t c;
	int n, digits;

	digits = 0;
	for (i = 0; i < len; i += n) {
		c = text_first(s + i, len - i, &n);
		if (is_digit(c)) {
			if (digits < 0)
				return 0;	/* two separate numbers */
			digits++;
		} else if (c == ' ' || c == '-' || c == 0x2014 ||
		    c == 0x2013 || c == 0x2015 || c == 0x3000) {
			if (digits > 0)
				digits = -digits;
		} else
			return 0;
	}
	if (digits < 0)
		digits = -digits;
	return digits >= 1 && digits <= 4;
}

int
shape_unit(uint32_t c)
{
	static const char units[] =
	    "年月日号时分秒个项名位次倍亿万千百元岁家所条款章节届期级类种批"
	    "台辆吨度周天人米克升票座颗枚篇部份代场轮亩户例架艘、．％～－"
	    "：×";
	/* decoded once: this runs for every digit of a text */
	static uint32_t set[sizeof(units)];
	static size_t nset;
	const char *p;
	size_t i;
	int n;

	if (c == '%' || c == '~' || c == '-' || c == '/' || c == ':' ||
	    c == '.' || c == ',' || c == '+' || c == '*' || c == 0x2013 ||
	    c == 0x00b0 || c == 0x2103)
		return 1;
	if (nset == 0)
		for (p = units; *p != '\0'; p += n)
			set[nset++] = text_first(p,
			    (size_t)(units + sizeof(units) - 1 - p), &n);
	for (i = 0; i < nset; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

int
shape_note_start(const char *s, size_t len, int *np, size_t *textoff)
{
	size_t i, j;
	uint32_t c;
	int n, cnt, val;

	i = skip_class(s, len, is_digit, &cnt);
	if (cnt < 1 || cnt > 3)
		return 0;
	val = text_digits(s, i);
	j = skip_class(s + i, len - i, is_space_c, &cnt);
	if (cnt == 0 || i + j >= len || val < 1)
		return 0;
	c = text_first(s + i + j, len - i - j, &n);
	if (shape_unit(c))
		return 0;	/* 4 月 20 日, 3 家企业: a quantity */
	if (is_digit(c)) {
		/* "12 2025 년도 …" is a note; "2 2019 年…" a date */
		size_t k = i + j;

		k += skip_class(s + k, len - k, is_digit, &cnt);
		k += skip_class(s + k, len - k, is_space_c, &cnt);
		if (k >= len || shape_unit(text_first(s + k, len - k, NULL)))
			return 0;
	}
	*np = val;
	*textoff = i + j;
	return 1;
}

int
shape_toc_entry(const char *s, size_t len)
{
	size_t i;
	int dots, digits;

	len = text_trim(&s, len);
	for (i = len; i > 0 && is_digit((unsigned char)s[i - 1]); i--)
		;
	digits = (int)(len - i);
	if (digits == 0 || digits > 4)
		return 0;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	dots = 0;
	while (i > 0) {
		if (s[i - 1] == '.')
			i--;
		else if (i >= 3 && memcmp(s + i - 3, "\xe2\x80\xa6", 3) == 0)
			i -= 3;		/* … */
		else if (i >= 2 && memcmp(s + i - 2, "\xc2\xb7", 2) == 0)
			i -= 2;		/* · */
		else
			break;
		dots++;
	}
	return dots >= 3;
}

int
shape_table_header(const char *s, size_t len)
{
	size_t i, k;
	int cnt, words, one;

	len = text_trim(&s, len);
	words = 0;
	for (i = 0; i < len; ) {
		k = skip_class(s + i, len - i, text_is_han, &cnt);
		/* a letter-spaced word: 建 议 */
		while (cnt == 1 && i + k + 1 < len && s[i + k] == ' ' &&
		    skip_class(s + i + k + 1, len - i - k - 1, text_is_han,
		    &one) == 3 && one == 1) {
			k += 4;
			cnt = 2;
		}
		if (cnt < 2 || cnt > 6)
			return 0;
		words++;
		i += k;
		k = skip_class(s + i, len - i, is_space_c, &cnt);
		if (i + k < len && cnt == 0)
			return 0;
		i += k;
	}
	return words >= 2 && words <= 4;
}

/* What follows a number in a sentence, not a direction's name: 5.9亿元 */
static int
quantity(const char *s, size_t len)
{
	static const char *const units[] = {
		"亿", "元", "年", "月", "日", "个", "项", "倍", "岁", "%",
		"％", "、", "万元", "万人", "万吨", "万亩", "万辆", "万千"
	};
	size_t i, n;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		n = strlen(units[i]);
		if (n <= len && memcmp(s, units[i], n) == 0)
			return 1;
	}
	return 0;
}

int
shape_direction(const char *s, size_t len, int *major, int *minor,
    size_t *nameoff)
{
	size_t i, j;
	uint32_t c;
	int cnt, spaces;

	i = skip_class(s, len, is_digit, &cnt);
	if (cnt < 1 || cnt > 2 || i >= len)
		return 0;
	if (s[i] == '.')
		i++;
	else if (len - i >= 3 && memcmp(s + i, "．", 3) == 0)
		i += 3;
	else
		return 0;
	j = skip_class(s + i, len - i, is_digit, &cnt);
	if (cnt < 1 || cnt > 2)
		return 0;
	*major = text_digits(s, 9);
	*minor = text_digits(s + i, j);
	i += j;
	i += skip_class(s + i, len - i, is_space_c, &spaces);
	if (i >= len || quantity(s + i, len - i))
		return 0;
	/* a name in Chinese or Latin, maybe quoted: 1.1 MEMS…, 2.3 “…” */
	c = text_first(s + i, len - i, NULL);
	if (!(text_is_han(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    c == 0x201c || c == 0x300a || c == 0xff08 || c == '(' ||
	    (is_digit(c) && spaces > 0)))
		return 0;
	*nameoff = i;
	return 1;
}

int
shape_caption(const char *s, size_t len)
{
	size_t i;
	int cnt;

	if (!text_starts(s, "表"))
		return 0;
	i = strlen("表");
	i += skip_class(s + i, len - i, is_space_c, &cnt);
	skip_class(s + i, len - i, is_digit, &cnt);
	return cnt >= 1 && cnt <= 2;
}

static int
is_name_char(uint32_t c)
{
	return text_is_han(c) || c == 0x00b7 || c == 0x30fb;	/* · ・ */
}

size_t
shape_editors(const char *s, size_t len, char ***names, size_t *nnames)
{
	const char *orig = s;
	size_t end, open, i, k;
	uint32_t c;
	int n, cnt;
	char **v;
	size_t nv;

	if (names != NULL) {
		*names = NULL;
		*nnames = 0;
	}
	end = text_trim(&s, len);
	if (end == 0)
		return len;
	c = text_last(s, end, &n);
	if (c != 0xff09 && c != ')')
		return len;
	end -= (size_t)n;
	/* find the opening parenthesis */
	for (open = end; open > 0; ) {
		c = text_last(s, open, &n);
		if (c == 0xff08 || c == '(')
			break;
		if (!is_name_char(c) && !is_space_c(c) && c != 0x3001 &&
		    c != 0xff0c && c != ',')
			return len;
		open -= (size_t)n;
	}
	if (open == 0)
		return len;
	open -= (size_t)n;
	/* what stands before it: nothing, space or the end of a sentence */
	if (open > 0) {
		c = text_last(s, open, NULL);
		if (!is_space_c(c) && !shape_ends_sentence(s, open) &&
		    !is_closer(c))
			return len;
	}
	v = NULL;
	nv = 0;
	for (i = open + (size_t)n; i < end; ) {
		i += skip_class(s + i, end - i, is_space_c, &cnt);
		c = text_first(s + i, end - i, &n);
		if (c == 0x3001 || c == 0xff0c || c == ',') {
			i += (size_t)n;
			continue;
		}
		if (i >= end)
			break;
		k = skip_class(s + i, end - i, is_name_char, &cnt);
		if (cnt < 2 || cnt > 4 || nv >= 8) {
			free_strings(v, v != NULL ? nv : 0);	/* NULL: counted only */
			return len;
		}
		if (names != NULL) {
			v = xreallocarray(v, nv + 1, sizeof(*v));
			v[nv] = xstrndup(s + i, k);
		}
		nv++;
		i += k;
	}
	if (nv == 0)
		return len;
	if (names != NULL) {
		*names = v;
		*nnames = nv;
	}
	return (size_t)(s - orig) + open;
}

/*
 * ASCII punctuation ending a clause after a marker ("局"2, 法案17.),
 * not a number going on (3.0, 2,000).
 */
static int
ascii_stop(const char *s, size_t len)
{
	return len > 0 && (s[0] == ',' || s[0] == '.' || s[0] == ';') &&
	    (len == 1 || !is_digit((unsigned char)s[1]));
}

/*
 * The digits at start end a word of letters and digits that has digits
 * inside it already: a formula or a model (Ga2O3, H2O2, A100), no
 * marker.
 */
static int
formula(const char *s, size_t start)
{
	size_t k;
	int letters;

	for (k = start, letters = 0; k > 0 && isalnum((unsigned char)s[k - 1]);
	    k--) {
		if (is_digit((unsigned char)s[k - 1]) && letters > 0)
			return 1;
		letters += !is_digit((unsigned char)s[k - 1]);
	}
	return 0;
}

void
shape_markers(const char *s, size_t len,
    void (*fn)(void *, size_t, size_t, int), void *arg)
{
	size_t i, start;
	uint32_t prev, next;
	int n, cnt, pn;

	for (i = 0; i < len; ) {
		if (!is_digit((unsigned char)s[i])) {
			i++;
			continue;
		}
		start = i;
		i += skip_class(s + i, len - i, is_digit, &cnt);
		if (cnt > 3 || start == 0)
			continue;
		prev = text_last(s, start, &pn);
		next = text_first(s + i, len - i, &n);
		if (prev == ' ' || prev == '.' || prev == '-' || prev == '/' ||
		    prev == ',' || prev == ':' || prev == '~' || prev == '+' ||
		    prev == '_' || prev == '=' || prev == '#' || prev == '$' ||
		    prev == '(' || prev == 0xff08 || prev == 0x7b2c ||	/* 第 */
		    prev == 0x3000 || prev == '\t' || prev == '\n' ||
		    prev == 0x00a3 || prev == 0x20ac || prev == '&' ||
		    prev == 0xff5e || prev == 0x2014)
			continue;
		if (formula(s, start))
			continue;
		if (i < len && (is_digit(next) || (shape_unit(next) &&
		    !ascii_stop(s + i, len - i)) || (next < 0x80 &&
		    ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'))))
			continue;
		fn(arg, start, i - start, text_digits(s + start, i - start));
	}
}

struct marker_find {
	int	n;
	int	found;
};

static void
marker_find_cb(void *arg, size_t off, size_t len, int n)
{
	struct marker_find *mf = arg;

	(void)off;
	(void)len;
	if (n == mf->n)
		mf->found = 1;
}

int
shape_has_marker(const char *s, size_t len, int n)
{
	struct marker_find mf;

	mf.n = n;
	mf.found = 0;
	shape_markers(s, len, marker_find_cb, &mf);
	return mf.found;
}

int
shape_date_lead(const char *s, size_t len)
{
	char head[96], *u;
	size_t n;
	int y, m, d, found;

	n = len < sizeof(head) - 1 ? len : sizeof(head) - 1;
	memcpy(head, s, n);
	head[n] = '\0';
	u = text_unspaced(head);
	found = meta_parse_date(u, &y, &m, &d) > 0;
	free(u);
	return found;
}

int
shape_starts_url(const char *s, size_t len)
{
	(void)len;
	return text_starts(s, "http") || text_starts(s, "www.");
}

int
shape_url_open(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || s[len - 1] == ' ')
		return 0;
	for (i = len; i > 0 && s[i - 1] != ' '; i--)
		;
	s += i;
	len -= i;
	/* the scheme itself may be cut: htt / ps://… */
	return text_has(s, len, "://") || text_has(s, len, "@") ||
	    text_starts(s, "www.") || (len >= 3 && (strncmp(s, "https://",
	    len < 8 ? len : 8) == 0 || strncmp(s, "http://", len < 7 ? len :
	    7) == 0));
}

/* A character of an address: letters, digits and the marks URLs use. */
static int
address_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != 0 && strchr("-._~:/?#@!$&=%+", c));
}

/* Whether s[0..len) holds one of the characters of set. */
static int
strpbrk_n(const char *s, size_t len, const char *set)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (strchr(set, s[i]) != NULL)
			return 1;
	return 0;
}

/* A URL's scheme cut in two: ht / tps://, https:/ / /… (not: word.https://) */
static int
scheme_cut(const char *p, size_t a, const char *q, size_t b)
{
	static const char *const schemes[] = { "https", "http", "ftp" };
	const char *colon;
	size_t i, k, n;

	colon = memchr(q, ':', b);
	if (colon == NULL)
		return 0;
	k = colon - q;				/* the scheme's piece in q */
	for (i = 0; i < sizeof(schemes) / sizeof(*schemes); i++) {
		n = strlen(schemes[i]);
		if (k < n && n - k <= a && memcmp(q, schemes[i] + n - k, k) ==
		    0 && memcmp(p + a - (n - k), schemes[i], n - k) == 0 &&
		    b > k + 1 && q[k + 1] == '/')
			return 1;
	}
	return 0;
}

int
shape_address_goes_on(const char *p, size_t plen, const char *q, size_t qlen)
{
	size_t a, b;

	for (a = 0; a < plen && address_char((unsigned char)p[plen - 1 - a]);
	    a++)
		;
	for (b = 0; b < qlen && address_char((unsigned char)q[b]); b++)
		;
	if (a == 0 || b == 0 || shape_starts_url(q, qlen))
		return 0;
	/* no word of prose begins with these, nor holds the marks after */
	while (b > 1 && q[b - 1] == '.')
		b--;
	if (strchr("-._/=?&@", q[0]) && b > 1 &&
	    strpbrk_n(q + 1, b - 1, "@/=?&."))
		return 1;
	return scheme_cut(p + plen - a, a, q, b) || text_has(q, b, "@");
}

int
shape_starts_block(const char *s, size_t len)
{
	int ma, mi;
	size_t off;

	return shape_enum(s, len) > 0 ||
	    shape_direction(s, len, &ma, &mi, &off) ||
	    shape_label(s, len) > 0 || shape_editors(s, len, NULL, NULL) == 0 ||
	    shape_caption(s, len) || shape_toc_entry(s, len);
}

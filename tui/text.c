/* Character classes and white-space rules for Chinese text. */
#include <string.h>

#include "buf.h"
#include "text.h"
#include "utf8.h"
#include "xmalloc.h"

int
text_is_han(uint32_t c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
}

int
text_is_cjk(uint32_t c)
{
	return text_is_han(c) ||
	    (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) ||
	    (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) ||
	    c == 0x3005 || c == 0x3007;
}

static int
is_hangul(uint32_t c)
{
	return (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) ||
	    (c >= 0x3130 && c <= 0x318f);
}

int
text_is_fullwidth(uint32_t c)
{
	return text_is_cjk(c) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xff00 && c <= 0xffef) || (c >= 0x2460 && c <= 0x24ff) ||
	    (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xfe30 && c <= 0xfe4f);
}

int
text_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == 0x3000 || c == 0xa0;
}

/* Decodes the first character (utf8.h); invalid bytes give U+FFFD. */
uint32_t
text_first(const char *s, size_t len, int *bytes)
{
	uint32_t c;
	size_t n;

	if (len == 0) {
		c = 0;
		n = 0;
	} else
		n = utf8_decode(s, len, &c);
	if (bytes != NULL)
		*bytes = (int)n;
	return c;
}

uint32_t
text_last(const char *s, size_t len, int *bytes)
{
	size_t i;

	if (len == 0) {
		if (bytes != NULL)
			*bytes = 0;
		return 0;
	}
	i = len - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80 && len - i < 4)
		i--;
	if (bytes != NULL)
		*bytes = (int)(len - i);
	return text_first(s + i, len - i, NULL);
}

static int
latin_word(uint32_t c)
{
	return c < 0x3000 && !text_is_space(c) && !text_is_fullwidth(c) &&
	    c != 0x2014 && c != 0x2026;
}

void
text_join(struct buf *b, const char *s, size_t len, int sep_space)
{
	if (sep_space && b->len > 0 && len > 0 &&
	    latin_word(text_last(b->s, b->len, NULL)) &&
	    latin_word(text_first(s, len, NULL)) &&
	    b->s[b->len - 1] != '-' && b->s[b->len - 1] != '/')
		buf_addc(b, ' ');
	/* "美-" + "-以": the hyphen was repeated at the start of the line */
	if (b->len > 0 && b->s[b->len - 1] == '-' && len > 1 && s[0] == '-' &&
	    s[1] != '-') {
		s++;
		len--;
	}
	buf_add(b, s, len);
}

/* Chinese and Japanese are written without spaces; Korean is not. */
static int
unspaced(uint32_t c)
{
	return text_is_fullwidth(c) && !is_hangul(c);
}

/* Whether the text holds at least two Han characters in a row. */
static int
two_han(const char *s, size_t len, int backward)
{
	uint32_t c;
	int n, k;

	for (k = 0; k < 2 && len > 0; k++) {
		c = backward ? text_last(s, len, &n) : text_first(s, len, &n);
		if (!text_is_cjk(c) || n <= 0)
			return 0;
		if (!backward)
			s += n;
		len -= (size_t)n;
	}
	return k == 2;
}

size_t
text_words(const char *s, char ***out)
{
	const char *p, *start, *end;
	uint32_t c;
	size_t n;
	int len;

	*out = NULL;
	n = 0;
	end = s + strlen(s);
	for (p = s; p < end; ) {
		c = text_first(p, (size_t)(end - p), &len);
		if (len <= 0 || text_is_space(c)) {
			p += len > 0 ? len : 1;
			continue;
		}
		for (start = p; p < end; p += len) {
			c = text_first(p, (size_t)(end - p), &len);
			if (len <= 0 || text_is_space(c))
				break;
		}
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n++] = xstrndup(start, (size_t)(p - start));
	}
	return n;
}

char *
text_unspaced(const char *s)
{
	struct buf b = { 0 };

	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			buf_addc(&b, *s);
	return buf_take(&b);
}

char *
text_squeeze(const char *s, size_t len)
{
	struct buf b = { 0 };
	uint32_t c, prev;
	size_t i, spaces;
	int n;

	prev = 0;
	spaces = 0;
	for (i = 0; i < len; i += n) {
		c = text_first(s + i, len - i, &n);
		if (n <= 0)
			break;
		if (text_is_space(c)) {
			spaces++;
			continue;
		}
		/*
		 * A space between Latin words stays; so does one between
		 * two Chinese words (names: 张秋菊 秦冰雪), but not the
		 * letter-spacing of single characters (欧 方 联 系).
		 */
		if (spaces > 0 && prev != 0 && ((!unspaced(prev) &&
		    !unspaced(c)) || (b.len > 0 &&
		    two_han(b.s, b.len, 1) && two_han(s + i, len - i, 0))))
			buf_addc(&b, ' ');
		spaces = 0;
		buf_add(&b, s + i, (size_t)n);
		prev = c;
	}
	return buf_take(&b);
}

size_t
text_trim(const char **s, size_t len)
{
	uint32_t c;
	int n;

	while (len > 0) {
		c = text_first(*s, len, &n);
		if (!text_is_space(c))
			break;
		*s += n;
		len -= (size_t)n;
	}
	while (len > 0) {
		c = text_last(*s, len, &n);
		if (!text_is_space(c))
			break;
		len -= (size_t)n;
	}
	return len;
}

int
text_cols(const char *s, size_t len)
{
	size_t i;
	uint32_t c;
	int n, cols;

	cols = 0;
	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80) {
			n = 1;
			cols++;
			continue;
		}
		c = text_first(s + i, len - i, &n);
		if (n <= 0)
			n = 1;
		cols += text_is_fullwidth(c) || (c >= 0x2014 && c <= 0x201d) ?
		    2 : 1;
	}
	return cols;
}

int
text_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
text_ends(const char *s, size_t len, const char *suffix)
{
	size_t n;

	n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

int
text_digits(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0 && *s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

int
text_has(const char *s, size_t len, const char *needle)
{
	size_t n, i;

	n = strlen(needle);
	for (i = 0; n > 0 && i + n <= len; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0)
			return 1;
	return 0;
}

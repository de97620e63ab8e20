/*
 * libFuzzer target: the reader's text path on any bytes.  sanitize_text,
 * then wrap_lines at a width and indent taken from the first two bytes,
 * with what sanitize.h and wrap.h promise: the text is valid UTF-8 with
 * no control character left but the TAB and LF asked for; every line
 * fits its width, or holds one character too wide for any line; the
 * lines, in order, with only spaces and LFs between them, give back the
 * text; wrap_fit never splits a character nor overflows; wrap_pad makes
 * exactly the width asked for.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "buf.h"
#include "sanitize.h"
#include "wrap.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fail(const char *what, size_t at)
{
	fprintf(stdout, "fuzz-wrap: %s (byte %zu)\n", what, at);
	fflush(stdout);
	abort();
}

static void
check_clean(const char *s, size_t len, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (u8_check(p, len) != NULL)
		fail("sanitised text is not UTF-8", 0);
	for (i = 0; i < len; i++) {
		if (p[i] == '\t' && (flags & SANITIZE_KEEP_TAB))
			continue;
		if (p[i] == '\n' && (flags & SANITIZE_KEEP_NL))
			continue;
		if (p[i] < 0x20 || p[i] == 0x7f)
			fail("a control character reached the screen", i);
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			fail("a C1 control reached the screen", i);
	}
}

/* Only spaces and LFs may lie between lines. */
static void
check_gap(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (s[from] != ' ' && s[from] != '\n')
			fail("text lost between lines", from);
}

static void
check_lines(const char *s, size_t len, int cols, int indent)
{
	struct wrap_line *v;
	size_t n, k, pos;
	int limit, w, c;

	n = wrap_lines(s, len, cols, indent, &v);
	if (n == 0)
		fail("no lines", 0);
	pos = 0;
	for (k = 0; k < n; k++) {
		if (v[k].off < pos || v[k].off + v[k].len > len)
			fail("line out of order or outside the text", v[k].off);
		check_gap(s, pos, v[k].off);
		limit = k == 0 ? cols : cols - indent;
		if (limit < 1)
			limit = 1;
		w = wrap_width(s + v[k].off, v[k].len);
		if (w != v[k].width)
			fail("line width misreported", v[k].off);
		/* too wide only as one character wider than any line */
		c = u8_mblen((const uint8_t *)s + v[k].off, v[k].len);
		if (w > limit && (c <= 0 || (size_t)c != v[k].len))
			fail("line wider than its width", v[k].off);
		pos = v[k].off + v[k].len;
	}
	check_gap(s, pos, len);
	free(v);
}

static void
check_fit_pad(const char *s, size_t len, int cols)
{
	struct buf b = { 0 };
	size_t fit;
	int used;

	fit = wrap_fit(s, len, cols, &used);
	if (fit > len || u8_check((const uint8_t *)s, fit) != NULL)
		fail("wrap_fit split a character", fit);
	if (used > cols || used != wrap_width(s, fit))
		fail("wrap_fit overflowed", fit);
	wrap_pad(&b, s, len, cols);
	if (wrap_width(buf_str(&b), b.len) != cols)
		fail("wrap_pad missed its width", b.len);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *clean;
	size_t len;
	int cols, indent, flags;

	if (size < 2)
		return 0;
	cols = 1 + data[0] % 120;
	flags = data[1] & (SANITIZE_KEEP_TAB | SANITIZE_KEEP_NL);
	indent = (data[1] >> 2) % cols;
	clean = sanitize_text((const char *)data + 2, size - 2, flags);
	len = strlen(clean);
	check_clean(clean, len, flags);
	if (!(flags & SANITIZE_KEEP_TAB)) {
		check_lines(clean, len, cols, indent);
		check_fit_pad(clean, len, cols);
	}
	free(clean);
	return 0;
}

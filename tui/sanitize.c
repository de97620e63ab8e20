/* Make text from PDFs and web pages safe and measurable on a terminal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <uniwidth.h>

#include "sanitize.h"
#include "utf8.h"
#include "xmalloc.h"

/* U+FFFD REPLACEMENT CHARACTER in UTF-8. */
static const char sanitize_fffd[] = "\xef\xbf\xbd";

/* Bidi controls could reorder what follows them on screen. */
static int
sanitize_is_bidi(uint32_t c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/*
 * Whether c may reach the terminal: printable, and ncurses (which
 * moves the cursor by wcwidth) and our layout (libunistring) must
 * agree on its width, or every column after it would be off.
 */
/* Characters that draw nothing and that terminals handle differently. */
static int
sanitize_is_invisible(uint32_t c)
{
	return (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xfeff || c == 0x180e;
}

static int
sanitize_char_ok(uint32_t c)
{
	int w;

	if ((c >= 0x80 && c <= 0x9f) || sanitize_is_bidi(c))
		return 0;
	if (!iswprint((wint_t)c))
		return 0;
	w = wcwidth((wchar_t)c);
	return w >= 0 && w <= 2 && w == uc_width(c, "UTF-8");
}

/* In a message line, what no terminal can misread: widths do not matter. */
static int
sanitize_log_ok(uint32_t c)
{
	return c != UTF8_BAD && !(c >= 0x80 && c <= 0x9f) &&
	    !sanitize_is_bidi(c) && c != 0x2028 && c != 0x2029;
}

/*
 * Non-ASCII text is mostly CJK in a handful of ranges, so remember the
 * verdict for every BMP character: two bits each, 0 unknown, 1 good,
 * 2 bad.  The verdict depends on LC_CTYPE, so the cache is dropped
 * whenever the answer for a probe character changes.
 */
static unsigned char	sanitize_cache[0x10000 / 4];
static int		sanitize_cache_probe = -2;

static int
sanitize_char_ok_cached(uint32_t c)
{
	unsigned int shift, v;
	int ok;

	if (c > 0xffff)
		return sanitize_char_ok(c);
	shift = (c & 3) * 2;
	v = (sanitize_cache[c >> 2] >> shift) & 3;
	if (v != 0)
		return v == 1;
	ok = sanitize_char_ok(c);
	sanitize_cache[c >> 2] |= (unsigned char)((ok ? 1 : 2) << shift);
	return ok;
}

/* Called once per sanitize_text(): drop the cache if the locale changed. */
static void
sanitize_cache_check(void)
{
	int probe;

	probe = wcwidth(0x4e00);	/* 2 in any UTF-8 locale, -1 in C */
	if (probe != sanitize_cache_probe) {
		memset(sanitize_cache, 0, sizeof(sanitize_cache));
		sanitize_cache_probe = probe;
	}
}

char *
sanitize_text(const char *s, size_t len, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o;
	size_t i, run, n;
	uint32_t c;
	int zero;

	/* Each input byte yields at most 3 output bytes (U+FFFD). */
	if (len > (SIZE_MAX - 1) / 3)
		fatal("sanitize_text: %zu bytes is too long", len);
	out = o = xmalloc(len * 3 + 1);
	sanitize_cache_check();

	i = 0;
	zero = 1;	/* no base character yet to carry a combining mark */
	while (i < len) {
		/* Fast path: printable ASCII is copied untouched. */
		for (run = i; run < len && p[run] >= 0x20 && p[run] < 0x7f;
		    run++)
			;
		if (run > i) {
			memcpy(o, p + i, run - i);
			o += run - i;
			i = run;
			zero = 0;
			if (i == len)
				break;
		}

		c = p[i];
		zero = 0;
		if (c < 0x80) {
			if (c == '\t')
				*o++ = (flags & SANITIZE_KEEP_TAB) ? '\t' : ' ';
			else if (c == '\n')
				*o++ = (flags & SANITIZE_KEEP_NL) ? '\n' : ' ';
			else {
				/* ^@ .. ^_ and ^? for DEL */
				*o++ = '^';
				*o++ = (char)(c ^ 0x40);
			}
			i++;
			continue;
		}

		n = utf8_decode((const char *)p + i, len - i, &c);
		if (c == 0xad || sanitize_is_invisible(c))
			;	/* soft hyphen, zero-width space …: dropped */
		else if ((flags & SANITIZE_LOG) && sanitize_log_ok(c)) {
			memcpy(o, p + i, n);
			o += n;
		} else if (!(flags & SANITIZE_LOG) && c != UTF8_BAD &&
		    sanitize_char_ok_cached(c)) {
			/*
			 * One combining mark per character: terminals keep
			 * only a few per cell, and differently.
			 */
			if (wcwidth((wchar_t)c) == 0) {
				if (!zero) {
					memcpy(o, p + i, n);
					o += n;
				}
				zero = 1;
			} else {
				memcpy(o, p + i, n);
				o += n;
				zero = 0;
			}
		} else {
			memcpy(o, sanitize_fffd, 3);
			o += 3;
			zero = 0;
		}
		i += n;
	}
	*o = '\0';

	/* Give back the slack when the worst case did not happen. */
	return xreallocarray(out, (size_t)(o - out) + 1, 1);
}

/*
 * The one UTF-8 decoder of the program: the importer's text helpers,
 * the sanitiser and the line breaker all read characters through it,
 * so that they agree on what an invalid byte is and how long it is.
 */
#ifndef KB_UTF8_H
#define KB_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_BAD	0xfffdu	/* what an invalid sequence decodes to */

size_t	utf8_decode_rest(const unsigned char *, size_t, uint32_t *);

/*
 * Decodes the character at s, of len > 0 bytes, into *c and returns
 * its length in bytes, at least 1.  Strict: no overlong forms, no
 * surrogates, nothing past U+10FFFF.  An invalid sequence gives
 * UTF8_BAD and the length of its maximal invalid subpart, so that each
 * becomes one U+FFFD, as Unicode recommends.  ASCII and the three-byte
 * characters of Chinese text are decoded inline: the importer reads
 * every character of its input several times.
 */
static inline size_t
utf8_decode(const char *s, size_t len, uint32_t *c)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*c = p[0];
		return 1;
	}
	if (p[0] >= 0xe1 && p[0] <= 0xef && p[0] != 0xed && len >= 3 &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
		*c = (uint32_t)(p[0] & 0x0f) << 12 |
		    (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	return utf8_decode_rest(p, len, c);
}

#endif

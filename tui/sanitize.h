/* Turn untrusted document text into UTF-8 safe to draw on a terminal. */
#ifndef KB_SANITIZE_H
#define KB_SANITIZE_H

#include <stddef.h>

#define SANITIZE_KEEP_TAB	0x01	/* keep TAB (table cell separator) */
#define SANITIZE_KEEP_NL	0x02	/* keep LF (table row separator) */
#define SANITIZE_LOG		0x04	/* for a message line, not a screen */

/*
 * Return a new NUL-terminated copy of the len bytes at s (NUL bytes
 * included, they are not terminators) that the caller frees.  The
 * result is valid UTF-8 holding no control character, no escape
 * sequence, no bidi control, and only characters whose display width
 * libunistring's uc_width() and the C library's wcwidth() agree on
 * (0, 1 or 2), so it is safe to hand to ncurses and wrap.h measures it
 * exactly as the terminal will draw it.  Replacements:
 *
 *   invalid UTF-8		U+FFFD for each maximal invalid subpart
 *   C0 controls, DEL		caret notation, "^[" for ESC, "^?" for DEL
 *   TAB, LF			kept with SANITIZE_KEEP_TAB / _KEEP_NL,
 *				otherwise one space
 *   C1 controls, bidi controls,
 *   unprintable characters and
 *   width disagreements	U+FFFD
 *   U+00AD soft hyphen		removed (invisible; the libraries
 *				disagree on its width)
 *
 * With SANITIZE_LOG, for a line written to a log or a terminal that
 * no layout measures, only invalid UTF-8, controls and bidi controls
 * (and U+2028, U+2029) are replaced, and invisible characters dropped:
 * widths are not checked, so no locale is needed.
 *
 * Otherwise wcwidth() follows LC_CTYPE: the program must have called
 * setlocale() with a UTF-8 locale (C.UTF-8 will do), otherwise every
 * non-ASCII character becomes U+FFFD.  Not for concurrent use from
 * several threads: verdicts on characters are cached in a static table.
 */
char	*sanitize_text(const char *s, size_t len, int flags);

#endif

/* Display width, truncation and line breaking of sanitised UTF-8 text. */
#ifndef KB_WRAP_H
#define KB_WRAP_H

#include <stddef.h>

struct buf;

/*
 * Every function takes text as (pointer, byte length), not necessarily
 * NUL-terminated, and expects it to have been through sanitize_text():
 * widths are libunistring's uc_width(), which for sanitised text is
 * also what wcwidth() and so ncurses use.  For robustness, an invalid
 * byte counts as one column (it would be drawn as U+FFFD) and a
 * control character (TAB, LF) as zero.
 */

/* Display columns of s: CJK 2, ASCII and “” ① 1, combining marks 0. */
int	wrap_width(const char *s, size_t len);

/*
 * Length in bytes of the longest prefix of s that fits in cols columns
 * without splitting a character: a double-width character that would
 * straddle the edge is left out, zero-width characters after the last
 * one that fits are kept.  *used (if not NULL) gets the prefix's width.
 */
size_t	wrap_fit(const char *s, size_t len, int cols, int *used);

/*
 * Append s to b truncated or padded with spaces to exactly cols
 * columns (nothing when cols <= 0).  When a double-width character
 * does not fit in the last column a space takes its place.
 */
void	wrap_pad(struct buf *b, const char *s, size_t len, int cols);

/*
 * The same, but text that does not fit ends in an ellipsis (…, one
 * column) where it is cut, so that a reader sees there is more.
 */
void	wrap_cut(struct buf *b, const char *s, size_t len, int cols);

/* One output line: s[off] .. s[off + len - 1], width columns wide. */
struct wrap_line {
	size_t	off;
	size_t	len;
	int	width;
};

/*
 * Break the paragraph s into lines: the first at most cols columns,
 * every later one at most cols - indent (a hanging indent drawn by the
 * caller; 0 for a plain paragraph).  Both limits are at least 1; a
 * double-width character wider than the limit gets a line to itself.
 *
 * Breaks follow UAX #14 (u8_possible_linebreaks), so Chinese breaks
 * between characters while Latin words, numbers and "U.S." stay whole,
 * with kinsoku on top: no line starts with closing punctuation
 * (，。、；：！？）》」』】 ” ’ … and the like) and none ends with opening
 * punctuation (“ ‘ （《「『【).  When such punctuation would start a
 * line the character before it moves down with it; nothing hangs in
 * the margin.  Breaking before “ and after ” is allowed between CJK
 * characters (UAX #14 forbids it, typesetters do not).
 *
 * A run with no break opportunity that is wider than the line (a long
 * word or URL) has to be cut: after its last / . - ? & = _ on the line
 * (unless closing punctuation follows); failing that at the edge,
 * unless that splits an ASCII word or breaks kinsoku, in which case
 * at the last boundary that does neither, or else the last that
 * splits no word (kinsoku gives way first in lines that narrow).
 *
 * An LF forces a break and belongs to no line.  The spaces (U+0020)
 * at a break end no line and start none; spaces at the start of the
 * paragraph or after an LF are kept as indentation unless the line
 * holds nothing else.  So the lines, in order, with the skipped
 * spaces and LFs between them, give back s exactly.
 *
 * Returns the number of lines, at least 1 (empty text is one empty
 * line, a trailing LF adds an empty line).  *out is set to an array
 * of that many lines, allocated with xmalloc; the caller frees it.
 * The lines point into s by offset: nothing is copied.  Time and
 * memory are linear in len (about 1 byte per byte of s on top of the
 * result).
 */
size_t	wrap_lines(const char *s, size_t len, int cols, int indent,
	    struct wrap_line **out);

#endif

/* Measure, truncate and line-break sanitised UTF-8 for the reader's screens. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "buf.h"
#include "utf8.h"
#include "wrap.h"
#include "xmalloc.h"

/* Decode the character at s[i]; returns its length in bytes (>= 1). */
static size_t
wrap_next(const uint8_t *s, size_t len, size_t i, ucs4_t *c)
{
	uint32_t u;
	size_t n;

	/* Invalid bytes come back as U+FFFD, one column like on screen. */
	n = utf8_decode((const char *)s + i, len - i, &u);
	*c = u;
	return n;
}

static int
wrap_cwidth(ucs4_t c)
{
	int w;

	if (c < 0x80)
		return c >= 0x20 && c < 0x7f;
	w = uc_width(c, "UTF-8");
	return w < 0 ? 0 : w;
}

int
wrap_width(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i, n, w = 0;
	ucs4_t c;

	i = 0;
	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			w++;
			i++;
			continue;
		}
		n = wrap_next(p, len, i, &c);
		w += (size_t)wrap_cwidth(c);
		i += n;
	}
	return w > INT_MAX ? INT_MAX : (int)w;
}

size_t
wrap_fit(const char *s, size_t len, int cols, int *used)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i, n;
	int w = 0, cw;
	ucs4_t c;

	i = 0;
	while (i < len) {
		n = wrap_next(p, len, i, &c);
		cw = wrap_cwidth(c);
		if (cw > cols - w)
			break;
		w += cw;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}

void
wrap_pad(struct buf *b, const char *s, size_t len, int cols)
{
	static const char spaces[] = "                                ";
	size_t n;
	int w, k;

	if (cols <= 0)
		return;
	n = wrap_fit(s, len, cols, &w);
	buf_add(b, s, n);
	while (w < cols) {
		k = cols - w;
		if (k > (int)sizeof(spaces) - 1)
			k = (int)sizeof(spaces) - 1;
		buf_add(b, spaces, (size_t)k);
		w += k;
	}
}

void
wrap_cut(struct buf *b, const char *s, size_t len, int cols)
{
	size_t n;
	int w;

	if (cols <= 0)
		return;
	if (wrap_width(s, len) <= cols) {
		wrap_pad(b, s, len, cols);
		return;
	}
	n = wrap_fit(s, len, cols - 1, &w);
	buf_add(b, s, n);
	buf_adds(b, "…");
	wrap_pad(b, "", 0, cols - 1 - w);
}

/* Punctuation no line may start with (kinsoku shori). */
static int
wrap_nostart(ucs4_t c)
{
	switch (c) {
	case 0x00b7:	/* · */
	case 0x2019:	/* ’ */
	case 0x201d:	/* ” */
	case 0x2025:	/* ‥ */
	case 0x2026:	/* … */
	case 0x2030:	/* ‰ */
	case 0x2103:	/* ℃ */
	case 0x3001:	/* 、 */
	case 0x3002:	/* 。 */
	case 0x3005:	/* 々 */
	case 0x3009:	/* 〉 */
	case 0x300b:	/* 》 */
	case 0x300d:	/* 」 */
	case 0x300f:	/* 』 */
	case 0x3011:	/* 】 */
	case 0x3015:	/* 〕 */
	case 0x3017:	/* 〗 */
	case 0x3019:	/* 〙 */
	case 0x301b:	/* 〛 */
	case 0x30fb:	/* ・ */
	case 0x30fc:	/* ー */
	case 0xff01:	/* ！ */
	case 0xff05:	/* ％ */
	case 0xff09:	/* ） */
	case 0xff0c:	/* ， */
	case 0xff0e:	/* ． */
	case 0xff1a:	/* ： */
	case 0xff1b:	/* ； */
	case 0xff1f:	/* ？ */
	case 0xff3d:	/* ］ */
	case 0xff5d:	/* ｝ */
	case 0xff60:	/* ｠ */
	case 0xff63:	/* ｣ */
		return 1;
	}
	return 0;
}

/* Punctuation no line may end with. */
static int
wrap_noend(ucs4_t c)
{
	switch (c) {
	case 0x2018:	/* ‘ */
	case 0x201c:	/* “ */
	case 0x3008:	/* 〈 */
	case 0x300a:	/* 《 */
	case 0x300c:	/* 「 */
	case 0x300e:	/* 『 */
	case 0x3010:	/* 【 */
	case 0x3014:	/* 〔 */
	case 0x3016:	/* 〖 */
	case 0x3018:	/* 〘 */
	case 0x301a:	/* 〚 */
	case 0xff08:	/* （ */
	case 0xff3b:	/* ［ */
	case 0xff5b:	/* ｛ */
	case 0xff5f:	/* ｟ */
	case 0xff62:	/* ｢ */
		return 1;
	}
	return 0;
}

static int
wrap_isalnum(ucs4_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/* Where a word longer than the line is best cut: after these. */
static int
wrap_urlpunct(ucs4_t c)
{
	return c == '/' || c == '.' || c == '-' || c == '?' || c == '&' ||
	    c == '=' || c == '_';
}

/*
 * Adjust UAX #14's break opportunities in brk (one per byte, as from
 * u8_possible_linebreaks) to Chinese typesetting.  UAX #14 (as of
 * libunistring 1.0) gives “ ” the class QU, which glues them to both
 * neighbours, so 推进“创新” could never break around the quotes, and
 * it breaks "U.S." after the first period.
 */
static void
wrap_kinsoku(const uint8_t *s, size_t len, char *brk)
{
	ucs4_t c, pc = 0, ppc = 0, lastns = 0;
	size_t i, n;
	int cw, pcw = 0;

	for (i = 0; i < len; i += n) {
		n = wrap_next(s, len, i, &c);
		cw = wrap_cwidth(c);
		if (i == 0)
			;
		else if (brk[i] == UC_BREAK_POSSIBLE) {
			if (wrap_nostart(c) || wrap_noend(lastns) ||
			    (pc == '.' && wrap_isalnum(ppc) && wrap_isalnum(c)))
				brk[i] = UC_BREAK_PROHIBITED;
		} else if (brk[i] == UC_BREAK_PROHIBITED) {
			/* Between CJK characters quotes behave as brackets. */
			if ((c == 0x201c || c == 0x2018) && pcw == 2 &&
			    !wrap_noend(pc))
				brk[i] = UC_BREAK_POSSIBLE;
			else if ((pc == 0x201d || pc == 0x2019) && cw == 2 &&
			    !wrap_nostart(c))
				brk[i] = UC_BREAK_POSSIBLE;
		}
		ppc = pc;
		pc = c;
		pcw = cw;
		if (c != ' ')
			lastns = c;
	}
}

static void
wrap_emit(struct wrap_line **lines, size_t *n, size_t *cap, size_t off,
    size_t end, size_t width)
{
	struct wrap_line l;

	l.off = off;
	l.len = end - off;
	l.width = width > INT_MAX ? INT_MAX : (int)width;
	VEC_PUSH(*lines, *n, *cap, l);
}

/* A place in the text: a byte offset, and the width of the text before it. */
struct wrap_at {
	size_t	off;
	size_t	w;
};

/*
 * Greedy first fit in one pass.  Widths are running totals from the
 * start of s, so a line's width is a difference and nothing is ever
 * measured twice.  For the current line, which starts at ls, we keep:
 *   te	 the end of its last non-space character (spaces after it are
 *	 dropped if the line ends there),
 *   bp	 the last break opportunity, and bte the content end before it,
 *   ebp the last place after URL punctuation, for long words (not
 *	 before "。": kinsoku holds there too),
 *   obp the last character boundary splitting no ASCII word (ote the
 *	 content end before it), and kbp the last one kinsoku allows as
 *	 well (kte), for long runs that UAX #14 gives no break in, like
 *	 "（CCUS），".
 * Each is meaningful only while beyond ls.
 */
struct wrap_state {
	struct wrap_line	*lines;
	size_t			 nlines, cap;
	size_t			 limit;		/* columns of the current line */
	size_t			 cont;		/* of the lines after the first */
	size_t			 w;		/* width of the text read so far */
	struct wrap_at		 ls, te, bp, bte, ebp, kbp, kte, obp, ote;
};

/* Ends the current line at end; the next starts at next. */
static void
wrap_break(struct wrap_state *st, struct wrap_at end, struct wrap_at next)
{
	wrap_emit(&st->lines, &st->nlines, &st->cap, st->ls.off, end.off,
	    end.w - st->ls.w);
	st->ls = next;
}

/* The current line starts (again) at at: no place kept is beyond it. */
static void
wrap_restart(struct wrap_state *st, struct wrap_at at)
{
	st->ls = st->te = st->bp = st->ebp = st->kbp = st->obp = at;
}

size_t
wrap_lines(const char *s, size_t len, int cols, int indent,
    struct wrap_line **out)
{
	const uint8_t *p = (const uint8_t *)s;
	struct wrap_state st;
	struct wrap_at here;
	size_t i, n;
	char *brk;
	ucs4_t c, pc, prevc;
	int cw, rewind, rewound = 0;

	if (cols < 1)
		cols = 1;
	if (indent < 0)
		indent = 0;
	memset(&st, 0, sizeof(st));
	st.limit = (size_t)cols;
	st.cont = indent >= cols ? 1 : (size_t)(cols - indent);

	brk = xmalloc(len ? len : 1);
	if (len > 0)
		u8_possible_linebreaks(p, len, "UTF-8", brk);
	wrap_kinsoku(p, len, brk);

	i = 0;
	pc = prevc = 0;
	while (i < len) {
		n = wrap_next(p, len, i, &c);
		here.off = i;
		here.w = st.w;
		if (c == '\n') {
			wrap_break(&st, st.te, here);
			i += n;
			here.off = i;
			wrap_restart(&st, here);
			st.limit = st.cont;
			pc = prevc = c;
			continue;
		}
		cw = wrap_cwidth(c);
		if (i > st.ls.off && cw > 0 && wrap_urlpunct(prevc) &&
		    !wrap_nostart(c))
			st.ebp = here;
		if (i > st.ls.off && cw > 0 && c != ' ' &&
		    !(wrap_isalnum(c) && wrap_isalnum(pc))) {
			st.obp = here;
			st.ote = st.te;
			if (st.te.off > st.ls.off && !wrap_nostart(c) &&
			    !wrap_noend(pc)) {
				st.kbp = here;
				st.kte = st.te;
			}
		}
		if (i > st.ls.off && st.te.off > st.ls.off &&
		    (brk[i] == UC_BREAK_POSSIBLE ||
		    brk[i] == UC_BREAK_MANDATORY)) {
			st.bp = here;
			st.bte = st.te;
		}

		/* Spaces never overflow: at a break they are dropped. */
		rewind = 0;
		while (c != ' ' && cw > 0 && st.w + (size_t)cw - st.ls.w >
		    st.limit && i > st.ls.off) {
			if (st.te.off == st.ls.off) {
				/* Only spaces so far: drop them, not a line. */
				st.ls = st.te = here;
				break;
			}
			if (st.bp.off > st.ls.off)
				wrap_break(&st, st.bte, st.bp);
			else if (st.ebp.off > st.ls.off)
				/* A URL or dotted name: cut after / . - */
				wrap_break(&st, st.ebp, st.ebp);
			else if (st.kbp.off > st.ls.off && (wrap_nostart(c) ||
			    wrap_noend(pc) ||
			    (wrap_isalnum(c) && wrap_isalnum(pc))))
				/* Kinsoku, whole words, even in a long run. */
				wrap_break(&st, st.kte, st.kbp);
			else if (st.obp.off > st.ls.off && wrap_isalnum(c) &&
			    wrap_isalnum(pc)) {
				/*
				 * Rather "（" then "Standards" than a cut
				 * word; indentation before it is dropped.
				 */
				if (st.ote.off > st.ls.off)
					wrap_break(&st, st.ote, st.obp);
				else
					st.ls = st.obp;
			} else
				/* Cut before c, a character boundary. */
				wrap_break(&st, st.te, here);
			if (st.te.off <= st.ls.off)
				st.te = st.ls;
			if (st.nlines > 0)
				st.limit = st.cont;
			/*
			 * The carried-over text may be too wide only when
			 * the limit just shrank for the hanging indent:
			 * measure it again from the new line's start (once).
			 */
			if (st.te.w - st.ls.w > st.limit && !rewound) {
				rewind = rewound = 1;
				break;
			}
		}
		if (rewind) {
			i = st.ls.off;
			st.w = st.ls.w;
			wrap_restart(&st, st.ls);
			pc = prevc = 0;
			continue;
		}

		st.w += (size_t)cw;
		if (c != ' ') {
			st.te.off = i + n;
			st.te.w = st.w;
			pc = c;
		}
		prevc = c;
		i += n;
	}
	wrap_emit(&st.lines, &st.nlines, &st.cap, st.ls.off, st.te.off,
	    st.te.w - st.ls.w);
	free(brk);
	*out = st.lines;
	return st.nlines;
}

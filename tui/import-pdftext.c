/*
 * Reader for plain text extracted from PDF, by whatever tool: joins
 * physical lines into logical lines (paragraphs, titles, headings,
 * column names, editors' credits) and hands them on in document order
 * with the footnotes (import-footnotes.c) and tables (import-ptable.c)
 * found among them.
 *
 * Where a logical line ends is read from the cues the extraction carries
 * (a blank line, a trailing space: import-lines.c) and, where it carries
 * none, from the page: a line that stops short of the margin although
 * the next line's first word would have fitted ends there; a full line
 * runs on, unless what follows it stands alone.  A footnote block that
 * interrupts a paragraph leaves it open: the text after the notes
 * goes on with it.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "import-elem.h"
#include "import-footnotes.h"
#include "import-input.h"
#include "import-lines.h"
#include "import-pdftext.h"
#include "import-ptable.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

#define TITLE_MAX_COLS	120	/* a title or heading is at most this wide */
#define PHRASE_MIN_COLS	24	/* a full line that may be a heading */

struct word {
	const char	*s;
	size_t		 len;
};

struct tp {
	struct lines	 L;
	struct elemlist	*out;

	struct buf	 para;		/* the logical line being built */
	size_t		 last;		/* its last physical line */
	size_t		 first;		/* its first */
	int		 lastcols;	/* the last line's columns, with any
					   piece a superscript split off */
	int		 para_nphys;
	int		 para_punct;	/* it holds punctuation */
	int		 para_stop;	/* it holds a full stop */
	int		 para_cols;
	int		 expect_title;	/* after a credit or a column name */
	int		 after_column;	/* the last logical line was one */

	struct buf	 note;
	int		 note_n, note_line;
	size_t		 note_at;
	int		 note_at_line;
	size_t		 at_len, at_para_len;	/* squeezed length of para */
	size_t		 held, held_first;	/* notes since the last body
						   line, and the first */

	struct word	*words;		/* the text's Latin words, sorted */
	size_t		 nwords;
	struct word	*labels;	/* labels that open two lines or more */
	size_t		 nlabels;

	char		**seen;		/* standalone lines: titles, headings */
	size_t		 nseen, seencap;
	size_t		*seenhash;	/* 1 + index in seen, or 0: a set */
	size_t		 seenhcap;	/* a power of 2 */

	struct ptable	 table;
};

/* ---- small shapes -------------------------------------------------- */

static int
has_punct(const char *s, size_t len)
{
	static const char *const marks[] = { "，", "。", "；", "！", "？", "：" };
	size_t i;

	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (text_has(s, len, marks[i]))
			return 1;
	return 0;
}

static int
has_stop(const char *s, size_t len)
{
	return text_has(s, len, "。") || text_has(s, len, "！") ||
	    text_has(s, len, "？") || text_has(s, len, "；");
}

/* Opens with a date, even one a narrow line cut: 2024 年 4 月 28 / 日， */
static int
date_lead(const struct tp *t, const struct phys *p)
{
	char head[96];
	size_t k, n;

	if (shape_date_lead(p->s, p->len))
		return 1;
	if (p->len >= 32 || p->s[0] < '0' || p->s[0] > '9' ||
	    (k = lines_next_body(&t->L, (size_t)(p - t->L.p))) == LINES_NONE)
		return 0;
	memcpy(head, p->s, p->len);
	n = t->L.p[k].len < sizeof(head) - p->len ? t->L.p[k].len :
	    sizeof(head) - p->len;
	memcpy(head + p->len, t->L.p[k].s, n);
	return shape_date_lead(head, p->len + n);
}

/* The editors' credit closes the line: …落地。（陈晓怡） */
static int
credit_end(const struct phys *p)
{
	return shape_editors(p->s, p->len, NULL, NULL) < p->len;
}

/* The line leaves a 《》, “” or （） open: what follows is inside it. */
static int
left_open(const struct phys *p)
{
	static const char *const pairs[][2] = {
		{ "《", "》" }, { "“", "”" }, { "（", "）" }
	};
	size_t i, k;
	int depth;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		depth = 0;
		for (k = 0; k + 3 <= p->len; k++)
			if (memcmp(p->s + k, pairs[i][0], 3) == 0)
				depth++;
			else if (memcmp(p->s + k, pairs[i][1], 3) == 0 &&
			    depth > 0)
				depth--;
		if (depth > 0)
			return 1;
	}
	return 0;
}

/* The editors' credit wraps: （张秋菊 韩淋 董金鑫 万 / 勇） */
static int
credit_wraps(const struct phys *p, const struct phys *q)
{
	char buf[256];
	size_t k, n;

	for (k = p->len; k >= 3 && memcmp(p->s + k - 3, "（", 3) != 0; k--)
		;
	if (k < 3 || (n = p->len - (k - 3)) + q->len >= sizeof(buf))
		return 0;
	memcpy(buf, p->s + k - 3, n);
	memcpy(buf + n, q->s, q->len);
	return shape_editors(buf, n + q->len, NULL, NULL) == 0;
}

/* A numbered heading or direction: 一、… 3、… 1.2 … with no sentence in it. */
static int
heading_shape(const struct phys *p)
{
	int ma, mi;
	size_t off;

	return (shape_enum(p->s, p->len) > 0 ||
	    shape_direction(p->s, p->len, &ma, &mi, &off)) &&
	    !has_punct(p->s, p->len);
}

static int
is_letter(uint32_t c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* ---- Latin words, to mend a word the line broke inside ------------- */

static int
cmp_word(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	int c;

	c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static void
words_collect(struct tp *t)
{
	const struct phys *p;
	struct word w;
	size_t i, k, cap;

	cap = 0;
	for (i = 0; i < t->L.n; i++) {
		p = &t->L.p[i];
		for (k = 0; k < p->len; ) {
			if (!is_letter((unsigned char)p->s[k])) {
				k++;
				continue;
			}
			w.s = p->s + k;
			while (k < p->len && is_letter((unsigned char)p->s[k]))
				k++;
			w.len = (size_t)(p->s + k - w.s);
			if (w.len >= 2)
				VEC_PUSH(t->words, t->nwords, cap, w);
		}
	}
	if (t->nwords > 0)
		qsort(t->words, t->nwords, sizeof(*t->words), cmp_word);
}

/*
 * A Latin word broken inside at the margin: the line after begins
 * with a lone letter (ES / G标准), or the two pieces make a word the
 * text has elsewhere (NS / TC).  Only where no trailing space tells.
 */
static int
broken_word(const struct tp *t, const struct phys *p, const struct phys *q)
{
	char joined[64];
	struct word key;
	size_t a, b;

	for (a = 0; a < p->len && is_letter((unsigned char)p->s[p->len - 1 -
	    a]); a++)
		;
	for (b = 0; b < q->len && is_letter((unsigned char)q->s[b]); b++)
		;
	if (a == 0 || b == 0 || a + b > sizeof(joined) || t->nwords == 0)
		return 0;
	if (b == 1 && q->s[0] != 'a' && q->s[0] != 'A' && q->s[0] != 'I')
		return 1;
	memcpy(joined, p->s + p->len - a, a);
	memcpy(joined + a, q->s, b);
	key.s = joined;
	key.len = a + b;
	return bsearch(&key, t->words, t->nwords, sizeof(*t->words),
	    cmp_word) != NULL;
}

/* ---- labels: 研究内容： that open a field in every direction ------- */

/*
 * The labels that open two lines or more (or, in a short text, three
 * labels or more): a guide's fields.  Any line may begin 原则是：, but
 * none twice; a line opening with such a label begins a field, whatever
 * the line before (a full line of keywords with no mark at its end).
 */
static int
direction(const struct phys *p)
{
	size_t off;
	int ma, mi;

	return shape_direction(p->s, p->len, &ma, &mi, &off);
}

static int
has_direction(const struct tp *t)
{
	size_t i;

	for (i = 0; i < t->L.n; i++)
		if (direction(&t->L.p[i]))
			return 1;
	return 0;
}

static void
labels_collect(struct tp *t)
{
	struct word *v, w;
	size_t i, n, cap, k, j;

	v = NULL;
	n = cap = 0;
	for (i = 0; i < t->L.n; i++)
		if ((k = shape_label_stem(t->L.p[i].s, t->L.p[i].len)) > 0) {
			w.s = t->L.p[i].s;
			w.len = k;
			VEC_PUSH(v, n, cap, w);
		}
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_word);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && cmp_word(&v[i], &v[j]) == 0; j++)
			;
		if (j - i >= 2)
			t->labels[t->nlabels++] = v[i];
	}
	/* three labels or more under a direction, if none recurs */
	if (t->nlabels == 0 && n >= 3 && has_direction(t))
		for (i = 0; i < n; i++)
			if (i == 0 || cmp_word(&v[i - 1], &v[i]) != 0)
				t->labels[t->nlabels++] = v[i];
	free(v);
}

static int
recurring_label(const struct tp *t, const struct phys *q)
{
	struct word key;

	key.s = q->s;
	key.len = shape_label_stem(q->s, q->len);
	return key.len > 0 && t->nlabels > 0 && bsearch(&key, t->labels,
	    t->nlabels, sizeof(*t->labels), cmp_word) != NULL;
}

/* ---- the standalone lines seen, for running headers ---------------- */

static size_t
seen_slot(const struct tp *t, const char *s)
{
	const unsigned char *p;
	size_t h, mask;

	h = 2166136261u;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	mask = t->seenhcap - 1;
	for (h &= mask; t->seenhash[h] != 0 &&
	    strcmp(t->seen[t->seenhash[h] - 1], s) != 0; h = (h + 1) & mask)
		;
	return h;
}

static int
seen_has(const struct tp *t, const char *s)
{
	return t->seenhcap > 0 && t->seenhash[seen_slot(t, s)] != 0;
}

static void
seen_add(struct tp *t, char *text)
{
	size_t i;

	VEC_PUSH(t->seen, t->nseen, t->seencap, text);
	if (t->nseen * 2 > t->seenhcap) {
		free(t->seenhash);
		t->seenhcap = t->seenhcap ? t->seenhcap * 2 : 64;
		t->seenhash = xcalloc(t->seenhcap, sizeof(*t->seenhash));
		for (i = 0; i + 1 < t->nseen; i++)
			if (t->seenhash[seen_slot(t, t->seen[i])] == 0)
				t->seenhash[seen_slot(t, t->seen[i])] = i + 1;
	}
	i = seen_slot(t, text);
	if (t->seenhash[i] == 0)
		t->seenhash[i] = t->nseen;
}

/* ---- logical lines -------------------------------------------------- */

/* The width p's line had: a paragraph's first line loses its indent. */
static int
width_for(const struct tp *t, size_t i)
{
	if (i != t->first || t->expect_title)
		return t->L.width;
	return t->L.width - t->L.indent;
}

/*
 * Line i is the first line of a paragraph whose indent the extraction
 * dropped: clearly short of the margin, yet full for a first line.
 */
static int
indented_first(const struct tp *t, size_t i)
{
	const struct phys *q = &t->L.p[i];
	size_t j;

	if (t->L.indent == 0 || (j = lines_next_body(&t->L, i)) == LINES_NONE ||
	    shape_ends_sentence(q->s, q->len) || shape_starts_block(t->L.p[j].s, t->L.p[j].len))
		return 0;
	return t->L.width - q->cols >= t->L.indent - 1 &&
	    lines_full(q, q->cols, &t->L.p[j], t->L.width - t->L.indent);
}

/*
 * A title, heading or column name starts at line i: a few lines with no
 * sentence in them, the last stopping short of the margin or followed
 * by a paragraph that opens with a date.
 */
static int
standalone_run(const struct tp *t, size_t i)
{
	const struct phys *r;
	size_t k, nxt;
	int cols, n;

	cols = 0;
	for (k = i, n = 0; k != LINES_NONE && n < 4; k = nxt, n++) {
		r = &t->L.p[k];
		if (has_stop(r->s, r->len) || credit_end(r))
			return 0;
		cols += r->cols;
		if (cols > TITLE_MAX_COLS)
			return 0;
		nxt = lines_next_body(&t->L, k);
		if (nxt == LINES_NONE || !lines_full(r, r->cols, &t->L.p[nxt],
		    t->L.width) ||
		    date_lead(t, &t->L.p[nxt]))
			return !shape_ends_clause(r->s, r->len) &&
			    !shape_ends_sentence(r->s, r->len);
		if (t->L.trailmode && r->trail)
			return 1;
	}
	return 0;
}

/* q opens with the marker of a note: 9发布讲话 after "Chris Skidmore". */
static int
opens_with_marker(const struct tp *t, const struct phys *q)
{
	uint32_t c;
	size_t k;
	int n;

	for (k = 0; k < q->len && k < 4 && q->s[k] >= '0' && q->s[k] <= '9';
	    k++)
		;
	if (k == 0 || k > 3 || k == q->len)
		return 0;
	c = text_first(q->s + k, q->len - k, NULL);
	if (!text_is_cjk(c) || shape_unit(c))
		return 0;
	n = atoi(q->s);
	return lines_has_note(&t->L, n);
}

/*
 * A paragraph's first line may fall a character or so short of its
 * indented measure (the indent itself varies).  It runs on unless the
 * next line looks like a paragraph's first line, or begins a block.
 */
static int
nearly_full(const struct tp *t, size_t pi, size_t qi)
{
	const struct phys *p = &t->L.p[pi], *q = &t->L.p[qi];

	return t->L.indent > 0 && !t->expect_title &&
	    lines_full(p, t->lastcols + 3, q, width_for(t, pi)) &&
	    !shape_starts_block(q->s, q->len) && !indented_first(t, qi) &&
	    !standalone_run(t, qi);
}

/*
 * A line of prose short of the margin that stops inside a word: it, or
 * the paragraph it goes on, has a comma or a full stop (any mark where
 * no blank line parts them and blank lines part paragraphs), so it is
 * no title or heading (a numbered one has no full stop), and it ends
 * with no mark, as a paragraph never does.  A hand-wrapped or re-flowed text is ragged.  The next line
 * may end with the editors (统相关数据的价值。（惠仲阳）) but may not be
 * only them.
 */
static int
prose_goes_on(const struct tp *t, const struct phys *p,
    const struct phys *q)
{
	const struct phys *f = &t->L.p[t->first];
	uint32_t c;
	int stop;

	c = text_last(p->s, p->len, NULL);
	stop = t->para_stop || has_stop(p->s, p->len);
	if (!text_is_cjk(c) || p->cols * 10 < t->L.width * 7 ||
	    (!stop && !text_has(p->s, p->len, "，") &&
	    !text_has(p->s, p->len, "、") && !(t->para_nphys > 1 &&
	    text_has(t->para.s, t->para.len, "，")) &&
	    !(t->L.blankmode && !q->blank && has_punct(p->s, p->len))))
		return 0;
	/* a heading has no full stop in it */
	return (stop || !shape_enum(f->s, f->len)) && !date_lead(t, q) &&
	    !shape_starts_block(q->s, q->len) &&
	    shape_editors(q->s, q->len, NULL, NULL) > 0;
}

/*
 * A numbered heading set in bold wraps short of the margin as a title
 * does: its first line most of a body line, its rest shorter, neither
 * with a mark in it (四、投资 278 亿美元用于…以及核设施 / 的维护和现代化建设).
 */
static int
heading_goes_on(const struct tp *t, const struct phys *p,
    const struct phys *q)
{
	return t->para_nphys == 1 && heading_shape(p) &&
	    p->cols * 4 >= t->L.width * 3 &&
	    q->cols < p->cols && !has_punct(q->s, q->len) &&
	    !text_has(q->s, q->len, "、") &&
	    !shape_starts_block(q->s, q->len) && !credit_end(q) &&
	    !shape_column_name(q->s, q->len) && !date_lead(t, q) &&
	    lines_next_body(&t->L, (size_t)(q - t->L.p)) != LINES_NONE;
}

/*
 * A title set in larger type than the body wraps short of the margin:
 * its lines run on, without a full stop, to the paragraph that opens
 * with a date.
 */
static int
title_goes_on(const struct tp *t, size_t qi)
{
	const struct phys *r, *f = &t->L.p[t->first];
	size_t k;
	int cols, n, booked;

	/*
	 * Its first line is the widest, half a body line at least, unless
	 * a book title too wide for it went whole to the next line.
	 */
	booked = text_starts(t->L.p[qi].s, "《");
	if (t->para_stop || shape_enum(f->s, f->len) || credit_end(f) ||
	    (shape_column_name(f->s, f->len) && !t->after_column) ||
	    (f->cols * 2 < t->L.width && !booked))
		return 0;
	cols = t->para_cols;
	for (k = qi, n = 0; k != LINES_NONE && n < 4;
	    k = lines_next_body(&t->L, k), n++) {
		r = &t->L.p[k];
		if (date_lead(t, r))
			return n > 0;
		if (has_stop(r->s, r->len) || shape_starts_block(r->s, r->len) ||
		    credit_end(r) || shape_column_name(r->s, r->len) ||
		    (r->cols > f->cols + 2 && !(booked && n == 0)))
			return 0;
		if ((cols += r->cols) > TITLE_MAX_COLS)
			return 0;
	}
	return 0;
}

/*
 * The line ends with a book title's 》 and the next, a full line, begins
 * a sentence: a title's last piece would stop short of the margin.
 */
static int
closes_title(const struct tp *t, const struct phys *p, const struct phys *q)
{
	uint32_t c;

	if (text_last(p->s, p->len, NULL) != 0x300b ||	/* 》 */
	    q->cols + t->L.indent < t->L.width - 4)
		return 0;
	c = text_first(q->s, q->len, NULL);
	return text_is_cjk(c) || (c >= '0' && c <= '9') || c == 0x300a ||
	    c == 0x201c;			/* 《“ */
}

/*
 * A phrase, not a piece of a sentence: no stop, a comma at most, no
 * mark at its end.  Set on a line of its own, however wide, it stands
 * alone (a heading as wide as the text: 目标 2：打造…基础设施体系).  A
 * narrow column's line is too short to tell.
 */
static int
phrase(const struct phys *p)
{
	size_t i, commas = 0;

	for (i = 0; i + 3 <= p->len; i++)
		commas += memcmp(p->s + i, "，", 3) == 0;
	return p->cols >= PHRASE_MIN_COLS && commas <= 1 && !has_stop(p->s, p->len) &&
	    !shape_ends_sentence(p->s, p->len) &&
	    !shape_ends_clause(p->s, p->len);
}

/* Whether body line qi goes on with the logical line ending at pi. */
static int
continues(const struct tp *t, size_t pi, size_t qi)
{
	const struct phys *p = &t->L.p[pi], *q = &t->L.p[qi];
	int broke;

	broke = q->page || pi + 1 != qi;	/* a page or notes between */
	if (credit_end(p) || shape_toc_entry(p->s, p->len) ||
	    shape_editors(t->para.s, t->para.len, NULL, NULL) < t->para.len)
		return 0;
	if (opens_with_marker(t, q))
		return 1;	/* no paragraph begins with a note's marker */
	if (shape_table_header(q->s, q->len))
		return 0;	/* Chinese prose has no spaces between words */
	/* in a text of fields, a field or a direction starts a line */
	if (recurring_label(t, q) || (t->nlabels > 0 && direction(q)))
		return 0;
	if (t->L.blankmode && q->blank && !broke)
		return 0;
	if (credit_wraps(p, q))
		return 1;
	/* a date the line cut: 2024 年 4 月 28 / 日，美国… */
	if (pi == t->first && !shape_date_lead(p->s, p->len) &&
	    date_lead(t, p))
		return 1;
	if (t->L.trailmode) {
		if (!p->trail)
			return 1;
		/* a Latin word wrapped at a space */
		return p->cols >= t->L.width - 10 && !q->lead && !broke &&
		    is_letter(text_last(p->s, p->len, NULL)) &&
		    (is_letter((unsigned char)q->s[0]) ||
		    (q->s[0] >= '0' && q->s[0] <= '9'));
	}
	if (shape_ends_clause(p->s, p->len) || left_open(p))
		return 1;
	/* a title that closes its book title at the margin ends there */
	if (t->expect_title && pi == t->first && closes_title(t, p, q))
		return 0;
	if (title_goes_on(t, qi) || heading_goes_on(t, p, q)) {
		diag_msg(MSG_TITLE_JOINED, t->L.path, q->no, 1, "%.*s",
		    (int)q->len, q->s);
		return 1;
	}
	/* a contents entry wrapped before its leader and page number */
	if (shape_toc_entry(q->s, q->len) && !shape_toc_entry(p->s, p->len) &&
	    !shape_column_name(p->s, p->len) &&
	    !shape_ends_sentence(p->s, p->len) && !broke)
		return 1;
	if (!lines_full(p, t->lastcols, q, width_for(t, pi)) &&
	    !(pi == t->first && nearly_full(t, pi, qi)))
		return prose_goes_on(t, p, q);
	/*
	 * A full line: what follows may still stand alone, but a full
	 * direction goes on into its sub-number (1.4 … / （一）中国-欧盟…).
	 */
	if (shape_starts_block(q->s, q->len) && (shape_ends_sentence(p->s,
	    p->len) || (heading_shape(p) && !(direction(p) &&
	    pi == t->first && shape_enum(q->s, q->len) > 0))))
		return 0;
	if ((shape_ends_sentence(p->s, p->len) || heading_shape(p)) &&
	    indented_first(t, qi))
		return 0;
	if (shape_ends_sentence(p->s, p->len) && standalone_run(t, qi))
		return 0;
	if (!t->para_punct && !has_punct(p->s, p->len) && date_lead(t, q))
		return 0;
	return 1;
}

static void
flush_para(struct tp *t)
{
	const struct phys *p;
	char *text;
	int flags, ends_short;

	if (t->para.len == 0)
		return;
	p = &t->L.p[t->last];
	flags = (t->L.p[t->first].lead || t->L.p[t->first].page) ?
	    EF_PAGESTART : 0;
	ends_short = p->cols < t->L.width - 4 ||
	    (t->para_nphys == 1 && phrase(p));
	if (ends_short && (t->para_nphys == 1 ||
	    !has_stop(t->para.s, t->para.len)))
		flags |= EF_STANDALONE;
	text = text_squeeze(t->para.s, t->para.len);
	elem_add(t->out, EL_LINE, text, t->L.p[t->first].no, flags);
	t->after_column = shape_column_name(text, strlen(text));
	t->expect_title = credit_end(p) || (t->expect_title &&
	    t->after_column);
	if (flags & EF_STANDALONE)
		seen_add(t, text);
	else
		free(text);
	buf_truncate(&t->para, 0);
	t->para_nphys = t->para_cols = 0;
	t->at_para_len = 0;
	t->para_punct = t->para_stop = 0;
}

/*
 * Whether a Latin word wrapped between lines i and j had a space there:
 * a trailing space says so; its absence does not where trailing spaces
 * end logical lines only.  A break inside a word is less likely than
 * one at a space, but for a URL.
 */
static int
latin_space(const struct tp *t, size_t i, size_t j)
{
	const struct phys *p = &t->L.p[i];

	if (opens_with_marker(t, &t->L.p[j]))
		return 0;
	if (t->L.trailmode && p->trail)
		return 1;
	/* a number is not broken at a space: 在 20 / 30 年前 */
	if (p->s[p->len - 1] >= '0' && p->s[p->len - 1] <= '9' &&
	    t->L.p[j].s[0] >= '0' && t->L.p[j].s[0] <= '9')
		return 0;
	return !shape_url_open(p->s, p->len) && !broken_word(t, p, &t->L.p[j]) &&
	    !shape_address_goes_on(p->s, p->len, t->L.p[j].s, t->L.p[j].len);
}

static void
para_add(struct tp *t, size_t i)
{
	const struct phys *p = &t->L.p[i];

	if (t->para.len == 0) {
		t->first = i;
		buf_add(&t->para, p->s, p->len);
		t->lastcols = p->cols;
	} else {
		text_join(&t->para, p->s, p->len, latin_space(t, t->last, i));
		/* a line cut in two at a superscript marker is one line */
		t->lastcols = opens_with_marker(t, p) ? t->lastcols + p->cols :
		    p->cols;
	}
	t->last = i;
	t->para_nphys++;
	t->para_cols += p->cols;
	t->para_punct |= has_punct(p->s, p->len);
	t->para_stop |= has_stop(p->s, p->len);
}

/* Line i follows a page's notes: it heads the next page. */
static int
after_notes(const struct tp *t, size_t i)
{
	while (i > 0 && t->L.p[i - 1].drop)
		i--;
	return i > 0 && t->L.p[i - 1].role != LINE_BODY;
}

/* A title repeated at the top of a page, in the middle of a paragraph. */
static int
running_header(const struct tp *t, size_t i)
{
	const struct phys *p = &t->L.p[i], *a;
	char *text;
	int found;

	if (t->para.len == 0 || !(p->lead || p->page || after_notes(t, i)) ||
	    shape_label(p->s, p->len) > 0 || heading_shape(p))
		return 0;
	a = &t->L.p[t->last];
	if (shape_ends_sentence(a->s, a->len) || a->cols < t->L.width -
	    t->L.indent - 4 || credit_end(a) || shape_toc_entry(a->s, a->len))
		return 0;
	text = text_squeeze(p->s, p->len);
	found = seen_has(t, text);
	free(text);
	return found;
}

/* ---- notes, second pass -------------------------------------------- */

static void
flush_note(struct tp *t)
{
	struct elem *e;
	char *text;

	if (t->note.len == 0)
		return;
	text = text_squeeze(t->note.s, t->note.len);
	e = elem_add(t->out, EL_NOTE, text, t->note_line, 0);
	e->n = t->note_n;
	e->at = t->note_at;
	e->at_line = t->note_at_line;
	free(text);
	buf_truncate(&t->note, 0);
}

static void
take_note(struct tp *t, size_t i)
{
	const struct phys *p = &t->L.p[i];
	char *before;

	if (p->role == LINE_NOTECONT) {
		/* a URL cut off goes on, unless a new one begins */
		text_join(&t->note, p->s, p->len, shape_starts_url(p->s,
		    p->len) || (latin_space(t, i - 1, i) &&
		    !shape_url_open(t->note.s, t->note.len)));
		return;
	}
	flush_note(t);
	t->note_n = p->note;
	t->note_line = p->no;
	t->note_at = t->note_at_line = 0;
	if (t->para.len > 0) {
		/* the marker is before this point of the open paragraph */
		if (t->at_para_len != t->para.len) {
			before = text_squeeze(t->para.s, t->para.len);
			t->at_len = strlen(before);
			t->at_para_len = t->para.len;
			free(before);
		}
		t->note_at = t->at_len + 1;
		t->note_at_line = t->L.p[t->first].no;
	}
	if (t->held == 0)
		t->held_first = i;
	t->held++;
	buf_add(&t->note, p->s + p->noteoff, p->len - (size_t)p->noteoff);
}

/* ---- the reader ----------------------------------------------------- */

static void
take_body(struct tp *t, size_t i)
{
	flush_note(t);
	if (t->table.active && ptable_take(&t->table, &t->L, i, t->out))
		return;
	if (t->para.len > 0 && running_header(t, i))
		return;
	if (t->para.len > 0) {
		if (!continues(t, t->last, i))
			flush_para(t);
		else if (t->held > 0)	/* the paragraph goes on past them */
			diag_msg(MSG_NOTE_PAGE, t->L.path,
			    t->L.p[t->held_first].no, 1, "note %d",
			    t->L.p[t->held_first].note);
		else if (t->L.p[i].page)
			diag_msg(MSG_PARA_JOINED, t->L.path, t->L.p[i].no, 1,
			    NULL);
	}
	t->held = 0;
	if (t->para.len == 0 && ptable_start(&t->table, &t->L, i))
		return;
	para_add(t, i);
}

void
pdftext_read(const struct input *in, struct elemlist *out)
{
	struct tp t;
	size_t i;

	memset(&t, 0, sizeof(t));
	t.out = out;
	t.expect_title = 1;
	lines_read(&t.L, in);
	if (out->header == NULL) {
		out->header = t.L.header;
		t.L.header = NULL;
	}
	out->width = t.L.width;
	words_collect(&t);
	t.labels = xcalloc(t.L.n + 1, sizeof(*t.labels));
	labels_collect(&t);
	footnotes_find(&t.L);
	for (i = 0; i < t.L.n; i++) {
		if (t.L.p[i].drop)
			continue;
		if (t.L.p[i].role == LINE_BODY)
			take_body(&t, i);
		else
			take_note(&t, i);
	}
	flush_note(&t);
	if (t.table.active)
		ptable_end(&t.table, &t.L, out);
	flush_para(&t);
	buf_free(&t.para);
	buf_free(&t.note);
	ptable_free(&t.table);
	free_strings(t.seen, t.nseen);
	free(t.seenhash);
	free(t.words);
	free(t.labels);
	lines_free(&t.L);
}

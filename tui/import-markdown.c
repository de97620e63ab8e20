/*
 * Reader for Markdown conversions of the bulletins: headings keep their
 * level (which the conversions use inconsistently; the builder decides
 * what each heading is), paragraphs that a page break or a footnote
 * block cut in the middle of a sentence are joined again, bold lead-ins
 * become headings, <sup>n</sup> markers become [^n], footnote lines
 * become notes, and tab-separated rows and pipe tables ("| a | b |"
 * with a delimiter row) become tables.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import-elem.h"
#include "import-input.h"
#include "import-markdown.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

/*
 * A row is continued this many times at most: real ones are continued
 * once or twice, and re-reading an ever longer last row for every
 * continuation line would make the import quadratic.
 */
#define ROW_MERGES_MAX	16

struct md {
	struct elemlist	*out;

	struct buf	 para;
	int		 para_line;
	int		 hardbreak;	/* the last line ended with a hard break */

	struct buf	 table;		/* rows of cells, '\t' and '\n' */
	int		 table_line;
	int		 table_cut;	/* a footnote interrupted the table */
	size_t		 lastrow;	/* offset of the last row in table */
	int		 lastmerges;	/* times the last row was continued */
	int		 piped;		/* the table is a pipe table */
	struct buf	 row;		/* a pipe row, its cells joined by tabs */
};

static int
is_rule(const char *s, size_t len)
{
	size_t i, dashes;

	dashes = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '-' || s[i] == '*' || s[i] == '_' || s[i] == '=')
			dashes++;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '|' &&
		    s[i] != ':')
			return 0;
	}
	return dashes >= 3;
}

/* "| --- | :-: |": a pipe table's delimiter row, which is no row. */
static int
is_delimiter_row(const char *s, size_t len)
{
	size_t i, dashes;

	if (memchr(s, '|', len) == NULL)
		return 0;
	for (i = dashes = 0; i < len; i++) {
		if (s[i] == '-')
			dashes++;
		else if (strchr("|: \t", s[i]) == NULL)
			return 0;
	}
	return dashes > 0;
}

/* An unescaped '|' in s, or NULL. */
static const char *
next_pipe(const char *s, const char *end)
{
	for (; s < end; s++) {
		if (*s == '\\' && s + 1 < end)
			s++;
		else if (*s == '|')
			return s;
	}
	return NULL;
}

/*
 * A pipe table's row to cells joined by tabs, as the tab-separated rows
 * are: the outer pipes dropped, the cells trimmed, "\|" kept for
 * inline_text to resolve.
 */
static void
pipe_cells(const char *s, size_t len, struct buf *row)
{
	const char *end, *p, *pipe;
	size_t cell;

	end = s + len;
	if (s < end && *s == '|')
		s++;
	if (end > s && end[-1] == '|' && (end - 1 == s || end[-2] != '\\'))
		end--;
	buf_truncate(row, 0);
	for (p = s; ; p = pipe + 1) {
		pipe = next_pipe(p, end);
		cell = pipe ? (size_t)(pipe - p) : (size_t)(end - p);
		if (p > s)
			buf_addc(row, '\t');
		cell = text_trim(&p, cell);
		for (; cell > 0; cell--, p++)
			buf_addc(row, *p == '\t' ? ' ' : *p);
		if (pipe == NULL)
			break;
	}
}

static size_t
heading_level(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len && s[i] == '#'; i++)
		;
	if (i == 0 || i > 6 || (i < len && s[i] != ' ' && s[i] != '\t'))
		return 0;
	return i;
}

/* "<sup>12</sup> text": a footnote line. */
static int
note_line(const char *s, size_t len, int *n, size_t *off)
{
	size_t i;

	if (!text_starts(s, "<sup>"))
		return 0;
	i = 5;
	if (i >= len || s[i] < '0' || s[i] > '9')
		return 0;
	*n = atoi(s + i);
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (len - i < 6 || memcmp(s + i, "</sup>", 6) != 0)
		return 0;
	i += 6;
	*off = i;
	return 1;
}

static void
add_entity(struct buf *b, const char *s, size_t len, size_t *i)
{
	static const struct {
		const char *name, *text;
	} ent[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&nbsp;", " " }, { "&#39;", "'" },
	};
	size_t k, n;

	for (k = 0; k < sizeof(ent) / sizeof(ent[0]); k++) {
		n = strlen(ent[k].name);
		if (len - *i >= n && memcmp(s + *i, ent[k].name, n) == 0) {
			buf_adds(b, ent[k].text);
			*i += n;
			return;
		}
	}
	buf_addc(b, s[(*i)++]);
}

/*
 * The first c in s[i..len), or NULL.  *cache (NULL at first) keeps the
 * answer for the next call with a greater i: a search from every '[' or
 * '<' of a paragraph that has no ']' or '>' would be quadratic.
 */
static const char *
next_char(const char *s, size_t len, size_t i, int c, const char **cache)
{
	if (*cache == NULL || *cache < s + i) {
		*cache = memchr(s + i, c, len - i);
		if (*cache == NULL)
			*cache = s + len;
	}
	return *cache == s + len ? NULL : *cache;
}

/* The same for "</sup>" starting in s[i..len). */
static const char *
next_sup_close(const char *s, size_t len, size_t i, const char **cache)
{
	const char *p;

	if (*cache == NULL || *cache < s + i) {
		for (p = s + i; p < s + len; p++)
			if (*p == '<' && strncmp(p, "</sup>", 6) == 0)
				break;
		*cache = p;
	}
	return *cache == s + len ? NULL : *cache;
}

/*
 * Inline markup to plain text: markers to [^n], links to their text (or
 * their target when keep_urls, for footnotes), tags and emphasis
 * removed, escapes resolved.
 */
static char *
inline_text(const char *s, size_t len, int keep_urls)
{
	struct buf b = { 0 };
	const char *close, *paren, *end;
	const char *c_sup = NULL, *c_gt = NULL, *c_rb = NULL, *c_rp = NULL;
	size_t i;
	char *out;

	for (i = 0; i < len; ) {
		if (s[i] == '\\' && i + 1 < len &&
		    strchr("\\`*_{}[]()#+-.!<>|~", s[i + 1]) != NULL) {
			/* "\\_" in the conversions stands for "_" */
			while (i + 1 < len && s[i] == '\\' && s[i + 1] == '\\')
				i++;
			if (i + 1 < len && s[i] == '\\' &&
			    strchr("`*_{}[]()#+-.!<>|~", s[i + 1]) != NULL)
				i++;
			buf_addc(&b, s[i++]);
		} else if (text_starts(s + i, "<sup>") && i + 5 < len &&
		    s[i + 5] >= '0' && s[i + 5] <= '9' &&
		    (end = next_sup_close(s, len, i, &c_sup)) != NULL) {
			buf_printf(&b, "[^%d]", atoi(s + i + 5));
			i = (size_t)(end - s) + 6;
		} else if (s[i] == '<' && i + 1 < len && (text_starts(s + i + 1,
		    "http") || text_starts(s + i + 1, "www.")) &&
		    (end = next_char(s, len, i, '>', &c_gt)) != NULL) {
			if (keep_urls)
				buf_printf(&b, " %.*s ", (int)(end - s - i - 1),
				    s + i + 1);
			i = (size_t)(end - s) + 1;
		} else if (s[i] == '<' && i + 1 < len && (s[i + 1] == '/' ||
		    (s[i + 1] >= 'a' && s[i + 1] <= 'z')) &&
		    (end = next_char(s, len, i, '>', &c_gt)) != NULL &&
		    end - (s + i) < 16) {
			i = (size_t)(end - s) + 1;	/* <sub>, <br>, … */
		} else if (s[i] == '[' &&
		    (close = next_char(s, len, i, ']', &c_rb)) != NULL &&
		    close + 1 < s + len && close[1] == '(' &&
		    (paren = next_char(s, len, (size_t)(close - s), ')',
		    &c_rp)) != NULL) {
			char *inner = inline_text(s + i + 1,
			    (size_t)(close - s - i - 1), 0);

			if (keep_urls)
				buf_printf(&b, " %.*s ",
				    (int)(paren - close - 2), close + 2);
			else
				buf_adds(&b, inner);
			free(inner);
			i = (size_t)(paren - s) + 1;
		} else if (s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
			i += 2;
		} else if (s[i] == '&') {
			add_entity(&b, s, len, &i);
		} else
			buf_addc(&b, s[i++]);
	}
	out = text_squeeze(buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

static int
ends_sentence(const struct buf *b)
{
	return shape_ends_sentence(buf_str(b), b->len);
}

/* Emits a paragraph, splitting off a bold lead-in as a heading. */
static void
flush_para(struct md *m)
{
	const char *s, *open, *close;
	char *lead, *rest;
	size_t len, pre;

	if (m->para.len == 0)
		return;
	s = m->para.s;
	len = m->para.len;
	pre = shape_enum(s, len);
	while (pre < len && s[pre] == ' ')
		pre++;
	open = NULL;
	if (len - pre > 4 && text_starts(s + pre, "**")) {
		open = s + pre;
		close = strstr(open + 2, "**");
	} else
		close = NULL;
	if (open != NULL && close != NULL && close > open + 2) {
		struct buf h = { 0 };

		buf_add(&h, s, pre);
		buf_add(&h, open + 2, (size_t)(close - open - 2));
		lead = inline_text(h.s, h.len, 0);
		buf_free(&h);
		rest = inline_text(close + 2, (size_t)(s + len - close - 2), 0);
		elem_add(m->out, EL_HEADING, lead, m->para_line, EF_BOLD |
		    EF_MARKERS)->level = LEVEL_LEADIN;
		if (*rest != '\0')
			elem_add(m->out, EL_LINE, rest, m->para_line,
			    EF_MARKERS);
		free(lead);
		free(rest);
	} else {
		rest = inline_text(s, len, 0);
		if (*rest != '\0')
			elem_add(m->out, EL_LINE, rest, m->para_line,
			    EF_MARKERS);
		free(rest);
	}
	buf_truncate(&m->para, 0);
}

static void
flush_table(struct md *m)
{
	if (m->table.len > 0)
		elem_add(m->out, EL_TABLE, m->table.s, m->table_line,
		    EF_MARKERS);
	buf_truncate(&m->table, 0);
	m->table_cut = 0;
	m->piped = 0;
}

/*
 * Splits a row into cells: cleaned when it is a source line, as stored
 * when it is a row of the table already (cleaning twice would decode
 * "&amp;lt;" to "<").
 */
static size_t
row_cells(const char *s, size_t len, int clean, char ***cells)
{
	const char *p, *tab;
	size_t n, cell;

	*cells = NULL;
	n = 0;
	for (p = s; ; p = tab + 1) {
		tab = memchr(p, '\t', (size_t)(s + len - p));
		*cells = xreallocarray(*cells, n + 1, sizeof(**cells));
		cell = tab ? (size_t)(tab - p) : (size_t)(s + len - p);
		(*cells)[n++] = clean ? inline_text(p, cell, 0) :
		    xstrndup(p, cell);
		if (tab == NULL)
			break;
	}
	return n;
}

/*
 * Adds a row, or continues the last one cell by cell when the PDF
 * broke it: after a footnote, or as a row holding only the rest of
 * the last cell.
 */
static void
add_row(struct md *m, const char *s, size_t len, int line)
{
	char **cells, **last;
	size_t n, nlast, i, filled;
	int merge;

	n = row_cells(s, len, 1, &cells);
	for (i = filled = 0; i < n; i++)
		filled += cells[i][0] != '\0';
	merge = 0;
	nlast = 0;
	last = NULL;
	if (m->table.len > 0 && m->lastmerges < ROW_MERGES_MAX) {
		nlast = row_cells(m->table.s + m->lastrow,
		    m->table.len - m->lastrow, 0, &last);
		if (nlast == n && !shape_ends_sentence(last[n - 1],
		    strlen(last[n - 1])) && (m->table_cut || (filled == 1 &&
		    cells[0][0] == '\0' && cells[n - 1][0] != '\0')))
			merge = 1;
	}
	if (merge) {
		m->lastmerges++;
		buf_truncate(&m->table, m->lastrow);
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_addc(&m->table, '\t');
			buf_adds(&m->table, last[i]);
			buf_adds(&m->table, cells[i]);
		}
	} else {
		if (m->table.len == 0)
			m->table_line = line;
		else
			buf_addc(&m->table, '\n');
		m->lastrow = m->table.len;
		m->lastmerges = 0;
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_addc(&m->table, '\t');
			buf_adds(&m->table, cells[i]);
		}
	}
	m->table_cut = 0;
	free_strings(cells, n);
	free_strings(last, nlast);
}

/* A line that may continue a sentence left open by the previous one. */
static int
continues(const char *s, size_t len)
{
	uint32_t c;

	if (shape_enum(s, len) || text_starts(s, "**") ||
	    text_starts(s, "- ") || text_starts(s, "* ") ||
	    shape_caption(s, len) || s[0] == '(' || s[0] == '>' ||
	    text_starts(s, "（"))
		return 0;
	c = text_first(s, len, NULL);
	return c != 0;
}

/*
 * A bold lead-in or a numbered item: after a finished sentence it
 * starts a paragraph even without a blank line before it.
 */
static int
starts_item(const char *s, size_t len)
{
	return text_starts(s, "**") || shape_enum(s, len) > 0;
}

void
markdown_read(const struct input *in, struct elemlist *out)
{
	struct md m;
	const char *s;
	size_t i, len, level, off;
	int n, blank, hard;
	char *text;

	memset(&m, 0, sizeof(m));
	m.out = out;
	blank = 0;
	for (i = 0; i < in->nlines; i++) {
		s = in->lines[i].s;
		len = in->lines[i].len;
		hard = len >= 2 && s[len - 1] == ' ' && s[len - 2] == ' ';
		if (memchr(s, '\t', len) == NULL || is_rule(s, len))
			len = text_trim(&s, len);
		else
			while (len > 0 && (s[len - 1] == ' ' ||
			    s[len - 1] == '\r'))
				len--;
		if (len == 0) {
			blank = 1;
			continue;
		}
		if (is_delimiter_row(s, len))
			continue;
		if (is_rule(s, len)) {
			if (m.table.len > 0)
				m.table_cut = 1;
			continue;
		}
		if (note_line(s, len, &n, &off)) {
			text = inline_text(s + off, len - off, 1);
			elem_add(out, EL_NOTE, text, in->lines[i].no, 0)->n = n;
			free(text);
			if (m.table.len > 0)
				m.table_cut = 1;
			continue;
		}
		if ((level = heading_level(s, len)) > 0) {
			flush_para(&m);
			flush_table(&m);
			text = inline_text(s + level, len - level, 0);
			if (*text != '\0') {
				elem_add(out, EL_HEADING, text,
				    in->lines[i].no, EF_MARKERS)->level =
				    (int)level;
			}
			free(text);
			blank = 0;
			continue;
		}
		if (next_pipe(s, s + len) != NULL && (s[0] == '|' || m.piped ||
		    (i + 1 < in->nlines && is_delimiter_row(in->lines[i + 1].s,
		    in->lines[i + 1].len)))) {
			flush_para(&m);
			if (m.table.len > 0 && !m.piped)
				flush_table(&m);
			pipe_cells(s, len, &m.row);
			add_row(&m, m.row.s, m.row.len, in->lines[i].no);
			m.piped = 1;
			blank = 0;
			continue;
		}
		if (memchr(s, '\t', len) != NULL) {
			flush_para(&m);
			add_row(&m, s, len, in->lines[i].no);
			blank = 0;
			continue;
		}
		if (m.table.len > 0)
			flush_table(&m);
		/* len >= 2: the line was trimmed, s[1] may be a space past it */
		if (len >= 2 && (text_starts(s, "- ") ||
		    text_starts(s, "* "))) {
			flush_para(&m);
			s += 2;
			len -= 2;
		}
		if (m.para.len > 0) {
			if ((!blank && !m.hardbreak && !(ends_sentence(&m.para) &&
			    starts_item(s, len))) || (!ends_sentence(&m.para) &&
			    continues(s, len)))
				text_join(&m.para, s, len, 1);
			else {
				flush_para(&m);
			}
		}
		if (m.para.len == 0) {
			m.para_line = in->lines[i].no;
			buf_add(&m.para, s, len);
		}
		m.hardbreak = hard;
		blank = 0;
	}
	flush_para(&m);
	flush_table(&m);
	buf_free(&m.para);
	buf_free(&m.table);
	buf_free(&m.row);
}

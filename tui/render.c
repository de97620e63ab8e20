/* Article layout: the lines the pane draws and --cat prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "buf.h"
#include "datefmt.h"
#include "db-read.h"
#include "link.h"
#include "render.h"
#include "sanitize.h"
#include "text.h"
#include "wrap.h"
#include "xmalloc.h"

#define TABLE_SEP	" │ "
#define TABLE_SEP_COLS	3
#define MIN_COL		6
#define ITEM_HANG	2	/* a cell's item hangs under its first line */

struct range {
	size_t	start, end;
};

struct ctx {
	struct rendered	*r;
	char		**terms;	/* the search's words (ASCII case ignored) */
	size_t		 nterms;
	int		 everywhere;	/* a find: in all the text shown */
	int		 unsearched;	/* text the search does not read */
};

static void
add_line(struct rendered *r, const char *s, size_t len, int attr, int label)
{
	struct rline l;

	l.off = r->text.len;
	l.len = len;
	l.width = wrap_width(s, len);
	l.attr = attr;
	l.label = label;
	l.unit = r->unit;
	l.src = r->src;
	l.link = l.cont = 0;
	buf_add(&r->text, s, len);
	VEC_PUSH(r->lines, r->nlines, r->linescap, l);
}

/* The piece of the article the next lines show (see render_anchor). */
static void
set_unit(struct rendered *r, int unit)
{
	r->unit = unit;
	r->base = r->src = 0;
}

/* An empty line between blocks: it belongs to the one before. */
static void
blank(struct rendered *r)
{
	int unit;
	size_t src;

	if (r->nlines == 0 || r->lines[r->nlines - 1].len == 0)
		return;
	unit = r->unit;
	src = r->src;
	r->unit = r->lines[r->nlines - 1].unit;
	r->src = r->lines[r->nlines - 1].src;
	add_line(r, "", 0, R_TEXT, 0);
	r->unit = unit;
	r->src = src;
}

/* Occurrences of the search words in s, merged, in order. */
static size_t
find_matches(const struct ctx *c, const char *s, size_t len,
    struct range **out)
{
	struct range m;
	size_t i, k, n, cap, tl;

	*out = NULL;
	n = cap = 0;
	if (c->unsearched && !c->everywhere)
		return 0;	/* a match there would not be why it was found */
	for (i = 0; i < len; i++) {
		for (k = 0; k < c->nterms; k++) {
			tl = strlen(c->terms[k]);
			if (tl > 0 && tl <= len - i &&
			    strncasecmp(s + i, c->terms[k], tl) == 0)
				break;
		}
		if (k == c->nterms)
			continue;
		m.start = i;
		m.end = i + tl;
		if (n > 0 && (*out)[n - 1].end >= m.start) {
			if ((*out)[n - 1].end < m.end)
				(*out)[n - 1].end = m.end;
		} else
			VEC_PUSH(*out, n, cap, m);
	}
	return n;
}

static void
add_match(struct rendered *r, size_t line, size_t off, size_t len,
    size_t occ)
{
	struct rmatch m;

	m.line = line;
	m.off = off;
	m.len = len;
	m.occ = occ;
	VEC_PUSH(r->matches, r->nmatches, r->matchescap, m);
}

/*
 * Adds the lines wl of sanitised text s: the first after prefix (label
 * columns wide), the others indented by hang spaces; and the search's
 * matches in them.
 */
static void
add_lines(struct ctx *c, const char *s, size_t len, struct wrap_line *wl,
    size_t n, const char *prefix, int hang, int attr)
{
	struct rendered *r = c->r;
	struct range *m;
	struct buf line = { 0 };
	size_t i, k, nm, pre, a, b;
	int lw, label;

	lw = prefix ? wrap_width(prefix, strlen(prefix)) : 0;
	/* a prefix of spaces is an indent, not a label to set in bold */
	label = prefix != NULL && *prefix != ' ';
	nm = find_matches(c, s, len, &m);
	for (i = 0; i < n; i++) {
		buf_truncate(&line, 0);
		if (i == 0 && prefix != NULL)
			buf_adds(&line, prefix);
		else if (i > 0)
			for (k = 0; k < (size_t)hang; k++)
				buf_addc(&line, ' ');
		pre = line.len;
		buf_add(&line, s + wl[i].off, wl[i].len);
		for (k = 0; k < nm; k++) {
			a = m[k].start > wl[i].off ? m[k].start : wl[i].off;
			b = m[k].end < wl[i].off + wl[i].len ? m[k].end :
			    wl[i].off + wl[i].len;
			if (a < b)
				add_match(r, r->nlines, pre + a - wl[i].off,
				    b - a, r->noccs + k);
		}
		r->src = r->base + wl[i].off;
		add_line(r, buf_str(&line), line.len, attr,
		    i == 0 && label ? lw : 0);
	}
	/* the next text of the same piece continues its offsets */
	r->base += len + 1;
	r->src = r->base;
	r->noccs += nm;
	free(m);
	buf_free(&line);
}

/*
 * Wraps sanitised text: the first line after prefix (label columns
 * wide), the others indented by as many spaces.
 */
static void
wrap_add(struct ctx *c, const char *s, size_t len, const char *prefix,
    int attr)
{
	struct rendered *r = c->r;
	struct wrap_line *wl;
	size_t n;
	int lw, cols;

	lw = prefix ? wrap_width(prefix, strlen(prefix)) : 0;
	cols = r->width - lw;
	if (lw > 0 && cols < 6) {
		/* too narrow to hang the text: the label on a line of its own */
		add_line(r, prefix, strlen(prefix), attr, *prefix != ' ' ? lw :
		    0);
		prefix = NULL;
		lw = 0;
		cols = r->width;
	}
	n = wrap_lines(s, len, cols, 0, &wl);
	add_lines(c, s, len, wl, n, prefix, lw, attr);
	free(wl);
}

/*
 * A line of tags, "国家 美国 中国　提及 日本" or "主题 A · B": a label and
 * names, each name after a separator.  It is broken at separators only
 * (the separator goes), so that no name is cut in two, and the lines
 * after the first hang under the first name.
 */
struct tags {
	struct buf	 s;		/* sanitised */
	size_t		*sep;		/* where each separator starts */
	size_t		*seplen;
	size_t		 n, cap;
	int		 hang;		/* columns of the label and its separator */
};

static void
tags_add(struct tags *t, const char *sep, const char *name)
{
	char *clean;

	if (t->s.len > 0) {
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 8;
			t->sep = xreallocarray(t->sep, t->cap, sizeof(*t->sep));
			t->seplen = xreallocarray(t->seplen, t->cap,
			    sizeof(*t->seplen));
		}
		t->sep[t->n] = t->s.len;
		t->seplen[t->n++] = strlen(sep);
		buf_adds(&t->s, sep);
		if (t->n == 1)
			t->hang = wrap_width(t->s.s, t->s.len);
	}
	clean = sanitize_text(name, strlen(name), 0);
	buf_adds(&t->s, clean);
	free(clean);
}

/* Lays the tags out (see struct tags) and frees them. */
static void
tags_end(struct ctx *c, struct tags *t, int attr)
{
	struct wrap_line *wl, *sub, l;
	size_t n, cap, k, from, start, end, nsub, j;
	int limit, w;

	if (t->s.len == 0)
		return;
	if (t->hang > c->r->width / 2)
		t->hang = 0;
	wl = NULL;
	n = cap = 0;
	limit = c->r->width;
	from = start = 0;		/* the line's start, the name's */
	for (k = 0; k <= t->n; k++) {
		end = k < t->n ? t->sep[k] : t->s.len;
		w = wrap_width(t->s.s + from, end - from);
		if (w > limit && from < start) {
			/* the line ends before this name */
			l.off = from;
			l.len = t->sep[k - 1] - from;
			l.width = wrap_width(t->s.s + from, l.len);
			VEC_PUSH(wl, n, cap, l);
			from = start;
			limit = c->r->width - t->hang;
			w = wrap_width(t->s.s + from, end - from);
		}
		if (w > limit) {
			/* one name wider than the line: cut, as it must be */
			nsub = wrap_lines(t->s.s + from, end - from, limit, 0,
			    &sub);
			for (j = 0; j + 1 < nsub; j++) {
				sub[j].off += from;
				VEC_PUSH(wl, n, cap, sub[j]);
			}
			from += sub[nsub - 1].off;
			limit = c->r->width - t->hang;
			free(sub);
		}
		if (k < t->n)
			start = t->sep[k] + t->seplen[k];
	}
	l.off = from;
	l.len = t->s.len - from;
	l.width = wrap_width(t->s.s + from, l.len);
	VEC_PUSH(wl, n, cap, l);
	add_lines(c, t->s.s, t->s.len, wl, n, NULL, t->hang, attr);
	free(wl);
	free(t->sep);
	free(t->seplen);
	buf_free(&t->s);
	memset(t, 0, sizeof(*t));
}

/* [^12] markers become [12]. */
static char *
markers(const char *s)
{
	struct buf b = { 0 };
	const char *p, *q;

	for (p = s; (q = strstr(p, "[^")) != NULL; ) {
		buf_add(&b, p, (size_t)(q - p));
		p = q + 2;
		if (*p >= '0' && *p <= '9') {
			buf_addc(&b, '[');
		} else
			buf_adds(&b, "[^");
	}
	buf_adds(&b, p);
	return buf_take(&b);
}

static void
wrap_text(struct ctx *c, const char *raw, const char *prefix, int attr)
{
	char *m, *s;

	m = markers(raw);
	s = sanitize_text(m, strlen(m), 0);
	wrap_add(c, s, strlen(s), prefix, attr);
	free(s);
	free(m);
}

static void
rule(struct rendered *r, const char *piece)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < r->width; i++)
		buf_adds(&b, piece);
	add_line(r, buf_str(&b), b.len, R_RULE, 0);
	buf_free(&b);
}

/* Splits s at sep into a vector of copies. */
static size_t
split(const char *s, char sep, char ***out)
{
	const char *p, *q;
	size_t n;

	*out = NULL;
	n = 0;
	for (p = s; ; p = q + 1) {
		q = strchr(p, sep);
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n++] = q ? xstrndup(p, (size_t)(q - p)) : xstrdup(p);
		if (q == NULL)
			return n;
	}
}

/* Column widths for a table: natural if they fit, else shared out. */
static int
table_widths(char ***cells, size_t *ncells, size_t nrows, size_t ncols,
    int width, int *w)
{
	int nat[64], total, avail, left, i, j, share;
	size_t r;

	avail = width - TABLE_SEP_COLS * (int)(ncols - 1);
	if (ncols > 64 || avail < MIN_COL * (int)ncols)
		return 0;	/* the caller stacks the cells instead */
	total = 0;
	for (j = 0; j < (int)ncols; j++) {
		nat[j] = 1;
		for (r = 0; r < nrows; r++)
			if ((size_t)j < ncells[r]) {
				i = wrap_width(cells[r][j], strlen(cells[r][j]));
				if (i > nat[j])
					nat[j] = i;
			}
		total += nat[j];
	}
	if (total <= avail) {
		for (j = 0; j < (int)ncols; j++)
			w[j] = nat[j];
		return 1;
	}
	/* narrow columns keep their width; wide ones share the rest */
	left = avail;
	for (j = 0; j < (int)ncols; j++)
		w[j] = 0;
	for (;;) {
		int nwide = 0, changed = 0;

		for (j = 0; j < (int)ncols; j++)
			if (w[j] == 0)
				nwide++;
		if (nwide == 0)
			break;
		share = left / nwide;
		for (j = 0; j < (int)ncols; j++)
			if (w[j] == 0 && nat[j] <= share) {
				w[j] = nat[j];
				left -= nat[j];
				changed = 1;
			}
		if (!changed) {
			for (j = 0; j < (int)ncols; j++)
				if (w[j] == 0) {
					w[j] = share;
					left -= w[j];
				}
			break;
		}
	}
	return 1;
}

/*
 * A row of cells side by side.  A cell's item that takes more than one
 * line hangs under its first, so that the items a column stacks (rows
 * whose first cells are empty) read as items, not as one paragraph.
 */
static void
table_row(struct ctx *c, char **cells, size_t ncells, size_t ncols,
    const int *w, int attr)
{
	struct wrap_line *wl[64];
	struct range *m[64];
	size_t nl[64], nm[64], occ[64], height, j, k, i, at, a, b;
	struct buf line = { 0 };
	int hang[64];

	height = 1;
	for (j = 0, at = c->r->noccs; j < ncols; j++) {
		nl[j] = nm[j] = 0;
		wl[j] = NULL;
		m[j] = NULL;
		hang[j] = w[j] >= MIN_COL + ITEM_HANG ? ITEM_HANG : 0;
		if (j < ncells && cells[j][0] != '\0') {
			nl[j] = wrap_lines(cells[j], strlen(cells[j]), w[j],
			    hang[j], &wl[j]);
			/* a cell's matches are read before the next cell's */
			nm[j] = find_matches(c, cells[j], strlen(cells[j]),
			    &m[j]);
		}
		occ[j] = at;
		at += nm[j];
		if (nl[j] > height)
			height = nl[j];
	}
	for (k = 0; k < height; k++) {
		buf_truncate(&line, 0);
		for (j = 0; j < ncols; j++) {
			if (j > 0)
				buf_adds(&line, TABLE_SEP);
			if (k < nl[j] && k > 0)
				wrap_pad(&line, "", 0, hang[j]);
			for (i = 0; k < nl[j] && i < nm[j]; i++) {
				a = m[j][i].start > wl[j][k].off ?
				    m[j][i].start : wl[j][k].off;
				b = m[j][i].end < wl[j][k].off + wl[j][k].len ?
				    m[j][i].end : wl[j][k].off + wl[j][k].len;
				if (a < b)
					add_match(c->r, c->r->nlines, line.len +
					    a - wl[j][k].off, b - a, occ[j] + i);
			}
			if (k < nl[j] && k > 0)
				wrap_pad(&line, cells[j] + wl[j][k].off,
				    wl[j][k].len, w[j] - hang[j]);
			else if (k < nl[j])
				wrap_pad(&line, cells[j] + wl[j][k].off,
				    wl[j][k].len, w[j]);
			else
				wrap_pad(&line, "", 0, w[j]);
		}
		while (line.len > 0 && line.s[line.len - 1] == ' ')
			line.len--;
		add_line(c->r, buf_str(&line), line.len, attr, 0);
	}
	c->r->noccs = at;
	for (j = 0; j < ncols; j++) {
		free(wl[j]);
		free(m[j]);
	}
	buf_free(&line);
}

static void
table(struct ctx *c, const char *raw)
{
	char *s, **rows, ***cells;
	size_t nrows, *ncells, ncols, i;
	int w[64];

	s = sanitize_text(raw, strlen(raw), SANITIZE_KEEP_TAB |
	    SANITIZE_KEEP_NL);
	nrows = split(s, '\n', &rows);
	cells = xcalloc(nrows, sizeof(*cells));
	ncells = xcalloc(nrows, sizeof(*ncells));
	ncols = 1;
	for (i = 0; i < nrows; i++) {
		ncells[i] = split(rows[i], '\t', &cells[i]);
		if (ncells[i] > ncols)
			ncols = ncells[i];
	}
	if (table_widths(cells, ncells, nrows, ncols, c->r->width, w)) {
		for (i = 0; i < nrows; i++) {
			table_row(c, cells[i], ncells[i], ncols, w,
			    i == 0 ? R_TABLE_HEAD : R_TABLE);
			if (i == 0 && nrows > 1)
				rule(c->r, "─");
		}
	} else {
		/* too narrow for columns: one cell under the other */
		for (i = 0; i < nrows; i++) {
			size_t j;

			for (j = 0; j < ncells[i]; j++)
				if (cells[i][j][0] != '\0')
					wrap_add(c, cells[i][j],
					    strlen(cells[i][j]), j ? "  " :
					    NULL, i == 0 || j == 0 ?
					    R_TABLE_HEAD : R_TABLE);
		}
	}
	for (i = 0; i < nrows; i++)
		free_strings(cells[i], ncells[i]);
	free(cells);
	free(ncells);
	free_strings(rows, nrows);
	free(s);
}

/* A guide's label: 2023 指南·征求意见稿 国家重点研发计划…申报指南 */
static char *
guide_label(int year, int draft, const char *title)
{
	static const char draft_mark[] = "（征求意见稿）";
	struct buf b = { 0 };
	size_t len = strlen(title);

	if (draft && text_ends(title, len, draft_mark))
		len -= sizeof(draft_mark) - 1;	/* said once, in front */
	if (year != 0)
		buf_printf(&b, "%d ", year);
	buf_printf(&b, "指南·%s %.*s", draft ? "征求意见稿" : "正式稿",
	    (int)len, title);
	return buf_take(&b);
}

/* An issue's label, its day written as set date-format asks. */
static char *
issue_label(const char *date, int year, const char *number,
    const char *title)
{
	const char *p;

	if (date != NULL && number != NULL) {
		/* the issue's own number: 第08期 of 总第086期 第08期 */
		for (p = number; p != NULL; p = strchr(p, ' ')) {
			while (*p == ' ')
				p++;
			if (!text_starts(p, "总"))
				break;
		}
		if (p == NULL || *p == '\0')
			p = number;
		return xasprintf("%s %.*s", date, (int)(strchr(p, ' ') ?
		    strchr(p, ' ') - p : (int)strlen(p)), p);
	}
	if (date != NULL)
		return xasprintf("%s %s", date, title);
	if (year != 0)
		return xasprintf("%d %s", year, title);
	return xstrdup(title);
}

char *
render_issue_label(const char *date, int year, const char *number,
    const char *title, int guide)
{
	char *day, *label;

	if (guide)
		return guide_label(year, guide == 2, title);
	day = date != NULL ? datefmt_day(date) : NULL;
	label = issue_label(day, year, number, title);
	free(day);
	return label;
}

static void
header(struct ctx *c, const struct art *a)
{
	struct buf b = { 0 };
	struct tags t;
	char *issue, *day, **names;
	size_t i, n;
	int any;

	memset(&t, 0, sizeof(t));

	wrap_text(c, a->title, NULL, R_TITLE);
	/* of the header, only the title is searched (db-write.c) */
	c->unsearched = 1;
	issue = a->issue_date != NULL ? datefmt_day(a->issue_date) :
	    a->issue_year ? xasprintf("%d", a->issue_year) : xstrdup("");
	buf_printf(&b, "%s %s%s%s · %s", a->issue_title, issue,
	    a->issue_number ? " " : "", a->issue_number ? a->issue_number : "",
	    a->column);
	free(issue);
	wrap_text(c, b.s, NULL, R_META);
	buf_truncate(&b, 0);
	if (a->date != NULL || a->date_text != NULL) {
		day = a->date != NULL ? datefmt_day(a->date) : NULL;
		buf_printf(&b, "%s%s%s%s", day ? day : "",
		    a->date && a->date_text ? "（" : "",
		    a->date_text ? a->date_text : "",
		    a->date && a->date_text ? "）" : "");
		free(day);
		tags_add(&t, "", "日期");
		tags_add(&t, " ", b.s);
	}
	if (a->authors != NULL && a->authors[0] != '\0') {
		tags_add(&t, "　", "编辑");
		n = split(a->authors, ' ', &names);
		for (i = 0; i < n; i++)
			if (names[i][0] != '\0')
				tags_add(&t, " ", names[i]);
		free_strings(names, n);
	}
	tags_end(c, &t, R_META);
	for (i = any = 0; i < a->ncountries; i++)
		if (a->subject[i]) {
			if (!any++)
				tags_add(&t, "", "国家");
			tags_add(&t, " ", a->countries[i]);
		}
	for (i = any = 0; i < a->ncountries; i++)
		if (!a->subject[i]) {
			if (!any++)
				tags_add(&t, "　", "提及");
			tags_add(&t, " ", a->countries[i]);
		}
	tags_end(c, &t, R_META);
	for (i = 0; i < a->nthemes; i++) {
		if (i == 0)
			tags_add(&t, "", "主题");
		tags_add(&t, i ? " · " : " ", a->themes[i]);
	}
	tags_end(c, &t, R_META);
	c->unsearched = 0;
	buf_free(&b);
	rule(c->r, "─");
}

/*
 * A guide direction's fields, as a block of label and value: every
 * paragraph of a value hangs under its label, the first beside it.
 */
static void
fields(struct ctx *c, const struct art *a)
{
	static const struct {
		const char *name, *label;
	} labels[] = {
		{ "合作协议", "合作协议" }, { "领域方向", "领域方向" },
		{ "拟支持项目数", "项目数　" }, { "拟支持经费", "经费　　" },
		{ "其他要求", "其他要求" },
	};
	char **items, *label, *hang, *s;
	const char *name;
	size_t i, k, n;
	int w;

	for (i = 0; i < a->nfields; i++) {
		name = a->fields[i].name;
		for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
			if (strcmp(labels[k].name, name) == 0) {
				name = labels[k].label;
				break;
			}
		s = sanitize_text(name, strlen(name), 0);
		label = xasprintf("%s  ", s);
		free(s);
		w = wrap_width(label, strlen(label));
		hang = xasprintf("%*s", w, "");
		n = split(a->fields[i].value, '\n', &items);
		for (k = 0; k < n; k++)
			wrap_text(c, items[k], k == 0 ? label : hang, R_FIELD);
		free_strings(items, n);
		free(label);
		free(hang);
	}
}

/*
 * A URL whole, on lines of its own: after the notes' indent, then cut
 * at the edge and nowhere else, each piece going on at the left edge as
 * a terminal wraps a long line (--cat joins them again, and leaves the
 * wrapping to the terminal).  Never at / or -: a piece is no address.
 */
static void
url_lines(struct ctx *c, const char *s, const char *indent, int link)
{
	struct rendered *r = c->r;
	struct wrap_line *wl, l;
	size_t n, cap, len, off, first, k;
	int cols, m;

	cols = r->width - (int)strlen(indent);	/* an indent is spaces */
	if (cols < MIN_COL) {
		indent = "";
		cols = r->width;
	}
	wl = NULL;
	n = cap = 0;
	len = strlen(s);
	off = 0;
	do {
		l.off = off;
		l.len = wrap_fit(s + off, len - off, cols, &l.width);
		if (l.len == 0) {	/* a character wider than the line */
			m = u8_mblen((const uint8_t *)s + off, len - off);
			l.len = m > 0 ? (size_t)m : 1;
			l.width = wrap_width(s + off, l.len);
		}
		VEC_PUSH(wl, n, cap, l);
		off += l.len;
		cols = r->width;
	} while (off < len);
	first = r->nlines;
	add_lines(c, s, len, wl, n, indent, 0, R_URL);
	for (k = first; k < r->nlines; k++) {
		r->lines[k].link = link;
		r->lines[k].cont = k > first;
	}
	free(wl);
}

/*
 * The notes: "[n] " and the text hanging under it, then each URL; every
 * label padded to the widest, so that [9] and [10] hang alike.
 */
static void
notes(struct ctx *c, const struct art *a)
{
	struct rendered *r = c->r;
	char *prefix, *indent, *s, num[32];
	size_t i, k;
	int lw;

	if (a->nnotes == 0)
		return;
	blank(r);
	r->notes_line = r->nlines;
	add_line(r, "注释", strlen("注释"), R_HEADING, 0);
	lw = 0;
	for (i = 0; i < a->nnotes; i++)
		if (snprintf(num, sizeof(num), "[%d] ", a->notes[i].n) > lw)
			lw = (int)strlen(num);
	indent = xasprintf("%*s", lw, "");
	for (i = 0; i < a->nnotes; i++) {
		set_unit(r, 2 + (int)a->nblocks + (int)i);
		snprintf(num, sizeof(num), "[%d]", a->notes[i].n);
		prefix = xasprintf("%-*s", lw, num);
		wrap_text(c, a->notes[i].text[0] ? a->notes[i].text : "",
		    prefix, R_NOTE);
		for (k = 0; k < a->notes[i].nurls; k++) {
			s = sanitize_text(a->notes[i].urls[k],
			    strlen(a->notes[i].urls[k]), 0);
			c->unsearched = 1;	/* URLs are not searched */
			url_lines(c, s, indent, (int)r->nurls + 1);
			c->unsearched = 0;
			r->urls = xreallocarray(r->urls, r->nurls + 1,
			    sizeof(*r->urls));
			r->targets = xreallocarray(r->targets, r->nurls + 1,
			    sizeof(*r->targets));
			r->targets[r->nurls] = link_target(a->notes[i].urls[k]);
			r->urls[r->nurls++] = s;
		}
		free(prefix);
	}
	free(indent);
}

static struct rendered *
layout(struct ctx *c, const struct art *a, int width)
{
	size_t i;

	c->r = xcalloc(1, sizeof(*c->r));
	c->r->width = width < 10 ? 10 : width;
	/* units: 0 the header, 1 the fields, then each block, each note */
	header(c, a);
	set_unit(c->r, 1);
	if (a->nfields > 0) {
		blank(c->r);
		fields(c, a);
	}
	for (i = 0; i < a->nblocks; i++) {
		set_unit(c->r, 2 + (int)i);
		blank(c->r);
		switch (a->blocks[i].type) {
		case BLOCK_HEADING:
			wrap_text(c, a->blocks[i].text, NULL, R_HEADING);
			break;
		case BLOCK_TABLE:
			table(c, a->blocks[i].text);
			break;
		default:
			wrap_text(c, a->blocks[i].text, NULL, R_TEXT);
		}
	}
	notes(c, a);
	free_strings(c->terms, c->nterms);
	return c->r;
}

struct rendered *
render_article(const struct art *a, int width, const char *query)
{
	struct ctx c;

	memset(&c, 0, sizeof(c));
	if (query != NULL)
		c.nterms = text_words(query, &c.terms);	/* as searched */
	return layout(&c, a, width);
}

struct rendered *
render_article_find(const struct art *a, int width, const char *text)
{
	struct ctx c;
	size_t n;

	memset(&c, 0, sizeof(c));
	c.everywhere = 1;
	while (*text == ' ')
		text++;
	n = strlen(text);
	while (n > 0 && text[n - 1] == ' ')
		n--;
	if (n > 0) {
		c.terms = xcalloc(1, sizeof(*c.terms));
		c.terms[c.nterms++] = xstrndup(text, n);
	}
	return layout(&c, a, width);
}

void
render_free(struct rendered *r)
{
	size_t i;

	if (r == NULL)
		return;
	buf_free(&r->text);
	free(r->lines);
	free(r->matches);
	for (i = 0; i < r->nurls; i++)
		free(r->targets[i]);
	free(r->targets);
	free_strings(r->urls, r->nurls);
	free(r);
}

long long
render_anchor(const struct rendered *r, size_t line)
{
	if (line >= r->nlines)
		return 0;
	return (long long)r->lines[line].unit << 32 |
	    (long long)(r->lines[line].src & 0xffffffffu);
}

size_t
render_line_of(const struct rendered *r, long long anchor)
{
	size_t i, best;
	long long key, prev;

	/* the first of the lines that start last at or before the place */
	best = 0;
	prev = -1;
	for (i = 0; i < r->nlines; i++) {
		key = render_anchor(r, i);
		if (key > anchor)
			break;
		if (key != prev)
			best = i;
		prev = key;
	}
	return best;
}

char *
render_citation(const struct art *a)
{
	struct buf b = { 0 };
	size_t i, k;

	buf_printf(&b, "%s. %s", a->title, a->issue_title);
	if (a->issue_number != NULL)
		buf_printf(&b, ", %s", a->issue_number);
	if (a->issue_date != NULL)
		buf_printf(&b, ", %s", a->issue_date);
	else if (a->issue_year != 0)
		buf_printf(&b, ", %d", a->issue_year);
	buf_printf(&b, ". %s", a->column);
	if (a->authors != NULL && a->authors[0] != '\0')
		buf_printf(&b, " (%s)", a->authors);
	buf_addc(&b, '.');
	for (i = 0; i < a->nnotes; i++)
		for (k = 0; k < a->notes[i].nurls; k++)
			buf_printf(&b, " %s", a->notes[i].urls[k]);
	return buf_take(&b);
}

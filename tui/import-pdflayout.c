/*
 * The text of a PDF from pdftotext -bbox-layout: pages of flows of
 * blocks of lines of words, each word with its box.  Lines come out in
 * pdftotext's order, as its default mode prints them; geometry decides
 * three things that mode gets wrong:
 *
 *  - a table: lines on one baseline whose words stand apart by most of
 *    a character, and the lines below whose pieces start at the same
 *    columns.  Its cells are the pieces of each column that run on
 *    without a gap; it is written a row a line, tabs between the cells,
 *    as import-ptable.c reads it;
 *  - a superscript note marker that pdftotext set on a line of its own
 *    goes back, without spaces, into the taller line it is raised over;
 *  - a table the page break cut repeats its header row on the next
 *    page: the repetition is dropped when the table ends one page and
 *    begins the next, running headers and page numbers aside.
 */
#include <expat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "import-pdflayout.h"
#include "text.h"
#include "xmalloc.h"

#define COL_SLACK	3.0	/* points a column's left edge may wander */
#define ROW_GAP		2.0	/* line heights of space that end a table */
#define FURNITURE_PAGES	3	/* a line on this many pages is furniture */
#define COORD_MAX	1e6	/* points */

struct word {
	double	 x0, y0, x1, y1;
	size_t	 off, len;		/* its text in layout.chars */
	int	 sup;			/* a marker moved into its line */
};

struct line {
	double	 x0, y0, x1, y1;
	int	 flow;
	size_t	*w;			/* its words, left to right */
	size_t	 nw, wcap;
	int	 dead;			/* merged into another line */
	size_t	 table;			/* 1 + its table's index, or 0 */
	char	*text;
};

struct page {
	double	 height;
	size_t	 first, n;		/* its lines */
};

struct table {
	struct buf rows;		/* cells tab-separated, rows by \n */
	char	*header;
	int	 written;
};

struct layout {
	struct buf	 chars;
	struct word	*w;
	size_t		 nw, wcap;
	struct line	*l;
	size_t		 nl, lcap;
	struct page	*p;
	size_t		 np, pcap;
	struct table	*t;
	size_t		 nt, tcap;
	int		 flow;
	int		 in_word;
};

/* ---- reading the XML ---------------------------------------------- */

/*
 * A coordinate as pdftotext prints it (%f), whatever the locale, within
 * a page of a kilometre: what is beyond stays there.
 */
static double
coord(const char *s)
{
	double v = 0, scale = 1;
	int neg = *s == '-';

	s += neg;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((v = v * 10 + (*s - '0')) > COORD_MAX)
			v = COORD_MAX;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			v += (*s - '0') * (scale /= 10);
	return neg ? -v : v;
}

static void
box(const char **atts, double *x0, double *y0, double *x1, double *y1)
{
	for (; atts[0] != NULL; atts += 2) {
		if (strcmp(atts[0], "xMin") == 0)
			*x0 = coord(atts[1]);
		else if (strcmp(atts[0], "yMin") == 0)
			*y0 = coord(atts[1]);
		else if (strcmp(atts[0], "xMax") == 0)
			*x1 = coord(atts[1]);
		else if (strcmp(atts[0], "yMax") == 0)
			*y1 = coord(atts[1]);
	}
}

static void XMLCALL
on_start(void *data, const char *name, const char **atts)
{
	struct layout *L = data;
	struct page pg = { 0 };
	struct line ln = { 0 };
	struct word w = { 0 };
	size_t i;

	if (strcmp(name, "page") == 0) {
		for (i = 0; atts[i] != NULL; i += 2)
			if (strcmp(atts[i], "height") == 0)
				pg.height = coord(atts[i + 1]);
		pg.first = L->nl;
		VEC_PUSH(L->p, L->np, L->pcap, pg);
		L->flow = 0;
	} else if (strcmp(name, "flow") == 0 && L->np > 0) {
		L->flow++;
	} else if (strcmp(name, "line") == 0 && L->np > 0) {
		box(atts, &ln.x0, &ln.y0, &ln.x1, &ln.y1);
		ln.flow = L->flow;
		VEC_PUSH(L->l, L->nl, L->lcap, ln);
		L->p[L->np - 1].n++;
	} else if (strcmp(name, "word") == 0 && L->nl > 0 &&
	    L->p[L->np - 1].n > 0) {
		box(atts, &w.x0, &w.y0, &w.x1, &w.y1);
		w.off = L->chars.len;
		VEC_PUSH(L->w, L->nw, L->wcap, w);
		VEC_PUSH(L->l[L->nl - 1].w, L->l[L->nl - 1].nw,
		    L->l[L->nl - 1].wcap, L->nw - 1);
		L->in_word = 1;
	}
}

static void XMLCALL
on_end(void *data, const char *name)
{
	struct layout *L = data;

	if (strcmp(name, "word") == 0 && L->in_word) {
		L->w[L->nw - 1].len = L->chars.len - L->w[L->nw - 1].off;
		L->in_word = 0;
	}
}

static void XMLCALL
on_text(void *data, const char *s, int len)
{
	struct layout *L = data;
	int i;

	if (!L->in_word)
		return;
	for (i = 0; i < len; i++)	/* no control character in a word */
		buf_addc(&L->chars, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
}

/* ---- lines --------------------------------------------------------- */

static const char *
word_s(const struct layout *L, size_t i)
{
	return buf_str(&L->chars) + L->w[i].off;
}

static double
height(const struct line *l)
{
	return l->y1 - l->y0;
}

/* Insertion sort by x: lines have few words. */
static void
sort_words(const struct layout *L, size_t *w, size_t n)
{
	size_t i, j, v;

	for (i = 1; i < n; i++) {
		v = w[i];
		for (j = i; j > 0 && L->w[w[j - 1]].x0 > L->w[v].x0; j--)
			w[j] = w[j - 1];
		w[j] = v;
	}
}

/* Words left to right; a space where they stand apart, not at a marker. */
static void
words_text(const struct layout *L, const size_t *w, size_t n,
    struct buf *out)
{
	const struct word *a, *b;
	size_t i;

	for (i = 0; i < n; i++) {
		b = &L->w[w[i]];
		if (i > 0) {
			a = &L->w[w[i - 1]];
			if (b->x0 - a->x1 > 0.1 * (b->y1 - b->y0) && !a->sup &&
			    !b->sup)
				buf_addc(out, ' ');
		}
		buf_add(out, word_s(L, w[i]), b->len);
	}
}

static int
digits_only(const struct layout *L, const struct line *l)
{
	size_t i, k, n = 0;
	const char *s;

	for (i = 0; i < l->nw; i++) {
		s = word_s(L, l->w[i]);
		for (k = 0; k < L->w[l->w[i]].len; k++, n++)
			if (s[k] < '0' || s[k] > '9')
				return 0;
	}
	return n > 0 ? (int)n : 0;
}

/*
 * A marker of one to three digits on a line of its own, raised over a
 * taller line beside it: it goes into that line.
 */
static void
merge_superscripts(struct layout *L, const struct page *pg)
{
	struct line *l, *m;
	size_t i, j, k;
	double h;
	int n;

	for (i = pg->first; i < pg->first + pg->n; i++) {
		l = &L->l[i];
		n = l->dead ? 0 : digits_only(L, l);
		if (n == 0 || n > 3)
			continue;
		h = height(l);
		for (j = pg->first; j < pg->first + pg->n; j++) {
			m = &L->l[j];
			if (j == i || m->dead || height(m) <= 1.25 * h ||
			    l->y0 < m->y0 - 0.5 * h || l->y0 > m->y0 + 0.5 * h ||
			    l->x0 < m->x0 - 2 || l->x0 > m->x1 + 2)
				continue;
			for (k = 0; k < l->nw; k++) {
				L->w[l->w[k]].sup = 1;
				VEC_PUSH(m->w, m->nw, m->wcap, l->w[k]);
			}
			sort_words(L, m->w, m->nw);
			if (l->x1 > m->x1)
				m->x1 = l->x1;
			l->dead = 1;
			break;
		}
	}
}

/* ---- furniture: a running header or a page number ----------------- */

static const struct layout *sorting;	/* for qsort's comparators */

static int
cmp_key(const void *a, const void *b)
{
	const struct line *x = &sorting->l[*(const size_t *)a];
	const struct line *y = &sorting->l[*(const size_t *)b];
	long d = (long)(x->y0 + 0.5) - (long)(y->y0 + 0.5);

	return d != 0 ? (d < 0 ? -1 : 1) : strcmp(x->text, y->text);
}

/* Marks furniture[i] for a line that recurs on pages at its height. */
static char *
find_furniture(struct layout *L)
{
	char *furn = xcalloc(L->nl + 1, 1);
	size_t *ix = xcalloc(L->nl + 1, sizeof(*ix));
	size_t i, j, k, n = 0;

	for (i = 0; i < L->nl; i++)
		if (!L->l[i].dead)
			ix[n++] = i;
	sorting = L;
	qsort(ix, n, sizeof(*ix), cmp_key);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && cmp_key(&ix[i], &ix[j]) == 0; j++)
			;
		for (k = i; k < j; k++)
			furn[ix[k]] = j - i >= FURNITURE_PAGES ||
			    digits_only(L, &L->l[ix[k]]) > 0;
	}
	free(ix);
	return furn;
}

/* ---- tables -------------------------------------------------------- */

struct seg {
	double	 x0, x1;
	size_t	 first, n;		/* in the row's words */
};

struct vis {				/* the lines on one baseline */
	double	 y0, y1;
	size_t	*w, nw, wcap;
	size_t	*lines, nlines, linescap;
	struct seg *s;
	size_t	 ns, scap;
};

struct cell {
	int	 col;
	double	 y0, y1;
	struct buf text;
};

static int
cmp_yx(const void *a, const void *b)
{
	const struct line *x = &sorting->l[*(const size_t *)a];
	const struct line *y = &sorting->l[*(const size_t *)b];

	if (x->y0 != y->y0)
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* The most common line height of a page, in whole points. */
static double
page_unit(const struct layout *L, const struct page *pg)
{
	int count[64] = { 0 }, best = 0, h;
	size_t i;

	for (i = pg->first; i < pg->first + pg->n; i++) {
		h = (int)(height(&L->l[i]) + 0.5);
		if (!L->l[i].dead && h > 0 && h < 64 && ++count[h] > count[best])
			best = h;
	}
	return best > 0 ? best : 10;
}

/* The page's live lines grouped by baseline, top to bottom. */
static size_t
baselines(const struct layout *L, const struct page *pg, double h,
    struct vis **out)
{
	struct vis *v = NULL, nv;
	size_t *ix, i, n = 0, nvis = 0, cap = 0, k;
	const struct line *l;
	struct seg sg;

	ix = xcalloc(pg->n + 1, sizeof(*ix));
	for (i = pg->first; i < pg->first + pg->n; i++)
		if (!L->l[i].dead)
			ix[n++] = i;
	sorting = L;
	qsort(ix, n, sizeof(*ix), cmp_yx);
	for (i = 0; i < n; i++) {
		l = &L->l[ix[i]];
		if (nvis == 0 || l->y0 - v[nvis - 1].y0 >= 0.5 * h) {
			memset(&nv, 0, sizeof(nv));
			nv.y0 = l->y0;
			VEC_PUSH(v, nvis, cap, nv);
		}
		if (l->y1 > v[nvis - 1].y1)
			v[nvis - 1].y1 = l->y1;
		VEC_PUSH(v[nvis - 1].lines, v[nvis - 1].nlines,
		    v[nvis - 1].linescap, ix[i]);
		for (k = 0; k < l->nw; k++)
			VEC_PUSH(v[nvis - 1].w, v[nvis - 1].nw, v[nvis - 1].wcap,
			    l->w[k]);
	}
	free(ix);
	for (i = 0; i < nvis; i++) {
		sort_words(L, v[i].w, v[i].nw);
		for (k = 0; k < v[i].nw; k++) {
			const struct word *w = &L->w[v[i].w[k]];

			if (v[i].ns > 0 && w->x0 - v[i].s[v[i].ns - 1].x1 <=
			    0.75 * h) {
				v[i].s[v[i].ns - 1].x1 = w->x1;
				v[i].s[v[i].ns - 1].n++;
				continue;
			}
			sg.x0 = w->x0;
			sg.x1 = w->x1;
			sg.first = k;
			sg.n = 1;
			VEC_PUSH(v[i].s, v[i].ns, v[i].scap, sg);
		}
	}
	*out = v;
	return nvis;
}

static void
free_baselines(struct vis *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].w);
		free(v[i].lines);
		free(v[i].s);
	}
	free(v);
}

/* The column a piece starting at x belongs to. */
static int
column_at(const double *cols, int ncols, double x)
{
	int c;

	for (c = ncols - 1; c > 0; c--)
		if (cols[c] - COL_SLACK <= x)
			break;
	return c;
}

static int
on_a_column(const double *cols, int ncols, double x)
{
	int c;

	for (c = 0; c < ncols; c++)
		if (x >= cols[c] - COL_SLACK && x <= cols[c] + COL_SLACK)
			return 1;
	return 0;
}

/* Whether baseline v goes on with a table of these columns. */
static int
goes_on(const struct vis *v, const double *cols, int ncols)
{
	size_t k;

	if (v->ns == 1 && v->s[0].x0 <= cols[0] + COL_SLACK &&
	    v->s[0].x1 > cols[1] - 2)
		return 0;	/* a line across the columns: text again */
	for (k = 0; k < v->ns; k++)
		if (!on_a_column(cols, ncols, v->s[k].x0))
			return 0;
	return 1;
}

/* Joins two pieces of a cell: a space between Latin words only. */
static void
cell_join(struct buf *b, const char *s, size_t len)
{
	uint32_t a, c;

	if (b->len > 0 && len > 0) {
		a = text_last(b->s, b->len, NULL);
		c = text_first(s, len, NULL);
		if (!text_is_fullwidth(a) && !text_is_fullwidth(c))
			buf_addc(b, ' ');
	}
	buf_add(b, s, len);
}

static int
cmp_cell(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	if (x->y0 != y->y0)
		return x->y0 < y->y0 ? -1 : 1;
	return x->col - y->col;
}

/* The rows of baselines v[from..to) as a table's text. */
static void
table_rows(const struct layout *L, const struct vis *v, size_t from,
    size_t to, const double *cols, int ncols, double h, struct buf *out)
{
	struct cell *cells = NULL, nc, **open;
	struct buf piece = { 0 };
	size_t ncells = 0, cap = 0, i, k, r;
	double rowy;
	int c, col;

	open = xcalloc((size_t)ncols, sizeof(*open));
	for (i = from; i < to; i++) {
		for (k = 0; k < v[i].ns; k++) {
			col = column_at(cols, ncols, v[i].s[k].x0);
			buf_truncate(&piece, 0);
			words_text(L, v[i].w + v[i].s[k].first, v[i].s[k].n,
			    &piece);
			if (open[col] != NULL && v[i].y0 - open[col]->y1 <=
			    0.5 * h) {
				cell_join(&open[col]->text, piece.s, piece.len);
				open[col]->y1 = v[i].y1;
				continue;
			}
			memset(&nc, 0, sizeof(nc));
			nc.col = col;
			nc.y0 = v[i].y0;
			nc.y1 = v[i].y1;
			buf_add(&nc.text, piece.s, piece.len);
			VEC_PUSH(cells, ncells, cap, nc);
			/* the array moved: point the open cells anew */
			for (c = 0; c < ncols; c++)
				open[c] = NULL;
			for (r = 0; r < ncells; r++)
				open[cells[r].col] = &cells[r];
		}
	}
	qsort(cells, ncells, sizeof(*cells), cmp_cell);
	for (r = 0; r < ncells; ) {
		rowy = cells[r].y0;
		if (out->len > 0)
			buf_addc(out, '\n');
		for (c = 0; c < ncols; c++) {
			if (c > 0)
				buf_addc(out, '\t');
			if (r < ncells && cells[r].col == c &&
			    cells[r].y0 - rowy < 0.5 * h) {
				buf_add(out, cells[r].text.s, cells[r].text.len);
				r++;
			}
		}
		while (r < ncells && cells[r].y0 - rowy < 0.5 * h)
			r++;		/* two pieces in one cell's place */
	}
	for (r = 0; r < ncells; r++)
		buf_free(&cells[r].text);
	free(cells);
	free(open);
	buf_free(&piece);
}

/* Finds the page's tables, and marks their lines. */
static void
find_tables(struct layout *L, const struct page *pg)
{
	struct vis *v;
	struct table t;
	double h, cols[16];
	size_t nv, i, j, k, m;
	int ncols;

	h = page_unit(L, pg);
	nv = baselines(L, pg, h, &v);
	for (i = 0; i < nv; i = j) {
		j = i + 1;
		if (v[i].ns < 2 || v[i].ns > 16)
			continue;
		ncols = (int)v[i].ns;
		for (k = 0; k < v[i].ns; k++)
			cols[k] = v[i].s[k].x0;
		while (j < nv && v[j].y0 - v[j - 1].y1 <= ROW_GAP * h &&
		    goes_on(&v[j], cols, ncols))
			j++;
		if (j - i < 3) {
			j = i + 1;
			continue;
		}
		memset(&t, 0, sizeof(t));
		table_rows(L, v, i, j, cols, ncols, h, &t.rows);
		t.header = xstrndup(t.rows.s, strcspn(t.rows.s, "\n"));
		VEC_PUSH(L->t, L->nt, L->tcap, t);
		for (k = i; k < j; k++)
			for (m = 0; m < v[k].nlines; m++)
				L->l[v[k].lines[m]].table = L->nt;
	}
	free_baselines(v, nv);
}

/* ---- writing ------------------------------------------------------- */

/* A flow that runs on right below the last line: a marker split them. */
static int
runs_on(const struct line *prev, const struct line *l)
{
	double gap = l->y0 - prev->y1;

	return gap >= 0 && gap < height(l) && l->x0 - prev->x0 < 30 &&
	    prev->x0 - l->x0 < 30;
}

static void
write_page(struct layout *L, const struct page *pg, const char *furn,
    const char **carry, struct buf *out)
{
	const struct line *prev = NULL, *first = NULL, *last = NULL;
	struct line *l;
	struct table *t;
	const char *rows;
	size_t i;

	for (i = pg->first; i < pg->first + pg->n; i++)
		if (!L->l[i].dead && !furn[i]) {
			if (first == NULL)
				first = &L->l[i];
			last = &L->l[i];
		}
	/* a table the page break cut: its header repeated at the top */
	if (first != NULL && first->table && *carry != NULL &&
	    strcmp(L->t[first->table - 1].header, *carry) == 0) {
		t = &L->t[first->table - 1];
		rows = t->rows.s + strlen(t->header);
		rows += *rows == '\n';
		memmove(t->rows.s, rows, strlen(rows) + 1);
		t->rows.len = strlen(t->rows.s);
	}
	*carry = last != NULL && last->table ? L->t[last->table - 1].header :
	    NULL;
	for (i = pg->first; i < pg->first + pg->n; i++) {
		l = &L->l[i];
		if (l->dead)
			continue;
		if (prev != NULL && l->flow != prev->flow && !runs_on(prev, l) &&
		    !(l->table && l->table == prev->table))
			buf_addc(out, '\n');
		prev = l;
		if (l->table) {
			t = &L->t[l->table - 1];
			if (!t->written && t->rows.len > 0) {
				buf_add(out, t->rows.s, t->rows.len);
				buf_addc(out, '\n');
			}
			t->written = 1;
			continue;
		}
		buf_adds(out, l->text);
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n\f");
}

static void
layout_free(struct layout *L)
{
	size_t i;

	for (i = 0; i < L->nl; i++) {
		free(L->l[i].w);
		free(L->l[i].text);
	}
	for (i = 0; i < L->nt; i++) {
		buf_free(&L->t[i].rows);
		free(L->t[i].header);
	}
	free(L->l);
	free(L->w);
	free(L->p);
	free(L->t);
	buf_free(&L->chars);
}

char *
pdflayout_text(const char *xml, size_t len, size_t *outlen, char *why,
    size_t whylen)
{
	struct layout L;
	struct buf out = { 0 }, b = { 0 };
	XML_Parser xp;
	const char *carry = NULL;
	char *furn;
	size_t i;
	int ok;

	memset(&L, 0, sizeof(L));
	xp = XML_ParserCreate("UTF-8");
	XML_SetUserData(xp, &L);
	XML_SetElementHandler(xp, on_start, on_end);
	XML_SetCharacterDataHandler(xp, on_text);
	ok = len <= INT32_MAX &&
	    XML_Parse(xp, xml, (int)len, 1) == XML_STATUS_OK;
	if (!ok)
		snprintf(why, whylen, "%s at line %lu",
		    XML_ErrorString(XML_GetErrorCode(xp)),
		    (unsigned long)XML_GetCurrentLineNumber(xp));
	XML_ParserFree(xp);
	if (!ok) {
		layout_free(&L);
		return NULL;
	}
	for (i = 0; i < L.np; i++)
		merge_superscripts(&L, &L.p[i]);
	for (i = 0; i < L.nl; i++) {
		sort_words(&L, L.l[i].w, L.l[i].nw);
		buf_truncate(&b, 0);
		words_text(&L, L.l[i].w, L.l[i].nw, &b);
		L.l[i].text = xstrndup(buf_str(&b), b.len);
	}
	buf_free(&b);
	furn = find_furniture(&L);
	for (i = 0; i < L.np; i++)
		find_tables(&L, &L.p[i]);
	for (i = 0; i < L.np; i++)
		write_page(&L, &L.p[i], furn, &carry, &out);
	free(furn);
	layout_free(&L);
	*outlen = out.len;
	return buf_take(&out);
}

/* The sidebar's model: a lazily loaded tree, flattened into rows. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db-read.h"
#include "db-state.h"
#include "expr.h"
#include "render.h"
#include "tree.h"
#include "xmalloc.h"

#define PAGE		32	/* issues or results loaded at a time: a screenful */
#define NONE		UINT32_MAX
#define SHORT_KEY	4	/* characters of a key that tell issues apart */

struct snode {
	struct column_row	 r;
	int			 expanded;
	struct article_row	*arts;
	size_t			 narts;
};

struct inode {
	struct issue_row	 r;
	char			*label;
	int			 expanded, loaded;
	struct snode		*secs;
	size_t			 nsecs;
};

/* A saved view: its expression compiled once, its counts when shown. */
struct vnode {
	char			*name;
	char			*text;
	struct expr		*expr;		/* NULL: it no longer compiles */
	int			 n, unread;	/* -1: to count */
};

struct rowref {
	uint32_t	 i, s, a;	/* issue, column, article indices */
	uint8_t		 kind;
};

struct tree {
	struct dbr		*db;
	struct filter		 f;
	int			 search;
	struct inode		*issues;
	size_t			 nissues, issuescap;
	struct article_row	*results;
	size_t			 nresults, resultscap;
	int			 complete;	/* everything is loaded */
	enum tree_sort		 sort;
	struct vnode		*views;
	size_t			 nviews;
	struct rowref		*rows;
	size_t			 nrows, rowscap;
	size_t			 cursor;
	struct dbr_count	 count;		/* of issues or results */
	int			 count_wanted;	/* shown: worth counting */
};

static void
push_row(struct tree *t, uint32_t i, uint32_t s, uint32_t a, int kind)
{
	struct rowref r;

	r.i = i;
	r.s = s;
	r.a = a;
	r.kind = (uint8_t)kind;
	VEC_PUSH(t->rows, t->nrows, t->rowscap, r);
}

static void
rebuild(struct tree *t)
{
	struct inode *in;
	struct snode *sn;
	size_t i, s, a;

	t->nrows = 0;
	if (t->search) {
		for (a = 0; a < t->nresults; a++)
			push_row(t, NONE, NONE, (uint32_t)a, TR_ARTICLE);
		return;
	}
	for (i = 0; i < t->nviews; i++)
		push_row(t, (uint32_t)i, NONE, NONE, TR_VIEW);
	for (i = 0; i < t->nissues; i++) {
		in = &t->issues[i];
		push_row(t, (uint32_t)i, NONE, NONE, TR_ISSUE);
		if (!in->expanded)
			continue;
		for (s = 0; s < in->nsecs; s++) {
			sn = &in->secs[s];
			push_row(t, (uint32_t)i, (uint32_t)s, NONE, TR_COLUMN);
			if (!sn->expanded)
				continue;
			for (a = 0; a < sn->narts; a++)
				push_row(t, (uint32_t)i, (uint32_t)s, (uint32_t)a,
				    TR_ARTICLE);
		}
	}
}

/*
 * Loads the next limit issues or results, or (with to > 0, issues only)
 * all of them down to the issue id to; 0 when there is no more.
 */
static int
load(struct tree *t, size_t limit, int64_t to)
{
	struct issue_row *rows;
	struct article_row *res;
	struct inode in;
	size_t n, k;

	if (t->complete)
		return 0;
	if (t->search) {
		n = dbr_search(t->db, &t->f, t->nresults ?
		    t->results[t->nresults - 1].id : INT64_MAX, limit, &res);
		for (k = 0; k < n; k++)
			VEC_PUSH(t->results, t->nresults, t->resultscap,
			    res[k]);
		free(res);
	} else {
		n = dbr_issues(t->db, &t->f, t->nissues ?
		    &t->issues[t->nissues - 1].r : NULL, to, limit, &rows);
		for (k = 0; k < n; k++) {
			memset(&in, 0, sizeof(in));
			in.r = rows[k];
			VEC_PUSH(t->issues, t->nissues, t->issuescap, in);
		}
		free(rows);
	}
	if (n < limit && to == 0)
		t->complete = 1;
	rebuild(t);
	return n > 0;
}

static int
load_page(struct tree *t)
{
	return load(t, PAGE, 0);
}

/*
 * An issue's label, made when first shown (most never are): its date and
 * number, or its date and title.  The bulletin's issues without either
 * all bear one title: the first characters of their key (after the year)
 * tell them apart, as --list shows it.
 */
static const char *
issue_label(struct inode *in)
{
	const char *k;

	if (in->label != NULL)
		return in->label;
	if (in->r.date != NULL || in->r.number != NULL || in->r.guide)
		in->label = render_issue_label(in->r.date, in->r.year,
		    in->r.number, in->r.title, in->r.guide);
	else {
		k = strrchr(in->r.key, '-');
		k = k != NULL ? k + 1 : in->r.key;
		if (in->r.year != 0)
			in->label = xasprintf("%d %.*s %s", in->r.year,
			    SHORT_KEY, k, in->r.title);
		else
			in->label = xasprintf("%.*s %s", SHORT_KEY, k,
			    in->r.title);
	}
	return in->label;
}

static int
by_issue(const void *a, const void *b)
{
	const struct article_row *x = a, *y = b;

	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

static int
by_date(const void *a, const void *b)
{
	const struct article_row *x = a, *y = b;
	int c;

	if (x->adate == NULL || y->adate == NULL)
		c = (x->adate == NULL) - (y->adate == NULL);
	else
		c = -strcmp(x->adate, y->adate);
	return c != 0 ? c : by_issue(a, b);
}

static int
by_title(const void *a, const void *b)
{
	const struct article_row *x = a, *y = b;
	int c;

	c = strcmp(x->title != NULL ? x->title : "", y->title != NULL ?
	    y->title : "");
	return c != 0 ? c : by_issue(a, b);
}

/* Articles in the order asked for; up is the archive's own (a column's
 * articles in order, results newest first). */
static void
sort_rows(struct article_row *v, size_t n, enum tree_sort how, int up)
{
	size_t i;
	struct article_row t;

	if (how == SORT_DATE)
		qsort(v, n, sizeof(*v), by_date);
	else if (how == SORT_TITLE)
		qsort(v, n, sizeof(*v), by_title);
	else {
		qsort(v, n, sizeof(*v), by_issue);
		for (i = 0; up && i < n / 2; i++) {
			t = v[i];
			v[i] = v[n - 1 - i];
			v[n - 1 - i] = t;
		}
	}
}

/* An issue's columns and all their articles, once. */
static void
load_issue(struct tree *t, struct inode *in)
{
	struct column_row *rows;
	size_t s, n;

	if (in->loaded)
		return;
	n = dbr_columns(t->db, in->r.id, &t->f, &rows);
	in->secs = xcalloc(n + 1, sizeof(*in->secs));
	for (s = 0; s < n; s++) {
		in->secs[s].r = rows[s];
		in->secs[s].expanded = 1;
		in->secs[s].narts = dbr_articles(t->db, in->r.id, rows[s].id,
		    &t->f, &in->secs[s].arts);
		if (t->sort != SORT_ISSUE)
			sort_rows(in->secs[s].arts, in->secs[s].narts,
			    t->sort, 1);
	}
	in->nsecs = n;
	free(rows);
	in->loaded = 1;
}

static void
free_issues(struct tree *t)
{
	size_t i, s;

	for (i = 0; i < t->nissues; i++) {
		for (s = 0; s < t->issues[i].nsecs; s++) {
			dbr_article_rows_free(t->issues[i].secs[s].arts,
			    t->issues[i].secs[s].narts);
			free(t->issues[i].secs[s].arts);
			dbr_column_rows_free(&t->issues[i].secs[s].r, 1);
		}
		free(t->issues[i].secs);
		free(t->issues[i].label);
		dbr_issue_rows_free(&t->issues[i].r, 1);
	}
	free(t->issues);
	t->issues = NULL;
	t->nissues = t->issuescap = 0;
	dbr_article_rows_free(t->results, t->nresults);
	free(t->results);
	t->results = NULL;
	t->nresults = t->resultscap = 0;
}

static void
free_views(struct tree *t)
{
	size_t i;

	for (i = 0; i < t->nviews; i++) {
		free(t->views[i].name);
		free(t->views[i].text);
		expr_free(t->views[i].expr);
	}
	free(t->views);
	t->views = NULL;
	t->nviews = 0;
}

/*
 * The views as the state keeps them now, to be counted when shown; a
 * view's counts do not depend on the filter: a view unchanged keeps
 * them (tree_set_marks forgets them).
 */
static void
load_views(struct tree *t)
{
	struct expr_error err;
	struct dbr_view *v;
	struct vnode *old;
	size_t n, i, k, nold;

	old = t->views;
	nold = t->nviews;
	n = dbr_views(t->db, &v);
	t->views = xcalloc(n + 1, sizeof(*t->views));
	for (i = 0; i < n; i++) {
		t->views[i].name = v[i].name;
		t->views[i].text = v[i].expr;
		t->views[i].n = -1;
		for (k = 0; k < nold; k++)
			if (strcmp(old[k].text, v[i].expr) == 0 &&
			    old[k].expr != NULL) {
				t->views[i].n = old[k].n;
				t->views[i].unread = old[k].unread;
				t->views[i].expr = old[k].expr;
				old[k].expr = NULL;	/* taken */
				break;
			}
		if (t->views[i].expr == NULL &&
		    dbr_expr_compile(t->db, v[i].expr, &t->views[i].expr,
		    &err) == -1)
			free(err.msg);
	}
	free(v);	/* the strings are the tree's now */
	t->nviews = n;
	for (k = 0; k < nold; k++) {
		free(old[k].name);
		free(old[k].text);
		expr_free(old[k].expr);
	}
	free(old);
}

static void
view_counts(struct tree *t, struct vnode *v)
{
	struct filter f;

	memset(&f, 0, sizeof(f));
	f.expr = v->expr;
	v->n = v->unread = 0;
	if (v->expr != NULL)
		dbr_count_all(t->db, &f, &v->n, &v->unread);
}

static void
set_filter(struct tree *t, const struct filter *f)
{
	free(t->f.query);
	free(t->f.typed);
	expr_free(t->f.expr);
	t->f = *f;
	t->f.expr = expr_copy(f->expr);
	t->f.query = f->query ? xstrdup(f->query) : NULL;
	t->f.typed = f->typed ? xstrdup(f->typed) : NULL;
	t->search = f->query != NULL;
}

/* The first issue open and chosen, as a reader expects on starting. */
static void
open_first(struct tree *t)
{
	if (!t->search && t->nissues > 0) {
		tree_expand(t, t->nviews, 1);
		t->cursor = t->nviews;
	}
}

static void	apply_sort(struct tree *);

struct tree *
tree_create(struct dbr *db, const struct filter *f)
{
	struct tree *t;

	t = xcalloc(1, sizeof(*t));
	t->db = db;
	set_filter(t, f);
	load_views(t);
	load_page(t);
	open_first(t);
	return t;
}

void
tree_free(struct tree *t)
{
	if (t == NULL)
		return;
	free_issues(t);
	free_views(t);
	free(t->rows);
	free(t->f.query);
	free(t->f.typed);
	expr_free(t->f.expr);
	free(t);
}

void
tree_relabel(struct tree *t)
{
	size_t i;

	for (i = 0; i < t->nissues; i++) {
		free(t->issues[i].label);
		t->issues[i].label = NULL;
	}
}

void
tree_reload(struct tree *t, const struct filter *f, const char *keep)
{
	free_issues(t);
	set_filter(t, f);
	load_views(t);
	t->complete = 0;
	memset(&t->count, 0, sizeof(t->count));
	t->count_wanted = 0;
	t->cursor = 0;
	t->nrows = 0;
	load_page(t);
	if (t->sort != SORT_ISSUE && t->search)
		apply_sort(t);
	if (keep == NULL || !tree_select_key(t, keep))
		open_first(t);
}

/* The loaded articles in the order asked for, the rows after them. */
static void
apply_sort(struct tree *t)
{
	size_t i, s;

	if (t->search) {
		if (t->sort != SORT_ISSUE)
			load(t, SIZE_MAX, 0);
		sort_rows(t->results, t->nresults, t->sort, 0);
	} else
		for (i = 0; i < t->nissues; i++)
			for (s = 0; s < t->issues[i].nsecs; s++)
				sort_rows(t->issues[i].secs[s].arts,
				    t->issues[i].secs[s].narts, t->sort, 1);
	rebuild(t);
}

void
tree_sort(struct tree *t, enum tree_sort how)
{
	struct trow r;
	char *keep;

	keep = tree_row(t, t->cursor, &r) && r.kind == TR_ARTICLE ?
	    xstrdup(r.key) : NULL;
	t->sort = how;
	apply_sort(t);
	if (keep != NULL)
		tree_select_key(t, keep);
	free(keep);
}

int
tree_is_search(const struct tree *t)
{
	return t->search;
}

int
tree_total(struct tree *t, size_t *n)
{
	if (!t->count.done && t->complete) {
		/* everything is loaded: nothing left to count */
		t->count.articles = t->nresults;
		t->count.issues = t->nissues;
		t->count.done = 1;
	}
	/* without a filter, counting is one quick query */
	if (!t->count.done && !dbr_filtered(&t->f))
		dbr_count_step(t->db, &t->f, &t->count);
	*n = t->search ? t->count.articles : t->count.issues;
	t->count_wanted |= !t->count.done;
	return t->count.done;
}

int
tree_counting(const struct tree *t)
{
	return t->count_wanted && !t->count.done;
}

int
tree_count_step(struct tree *t)
{
	dbr_count_step(t->db, &t->f, &t->count);
	return !t->count.done;
}

size_t
tree_nrows(struct tree *t)
{
	return t->nrows;
}

size_t
tree_nviews(const struct tree *t)
{
	return t->search ? 0 : t->nviews;
}

void
tree_load_all(struct tree *t)
{
	load(t, SIZE_MAX, 0);
}

static void
article_trow(struct trow *out, const struct article_row *ar)
{
	out->label = ar->title;
	out->id = ar->id;
	out->key = ar->key;
	out->read = ar->read;
	out->flagged = ar->flagged;
}

int
tree_row(struct tree *t, size_t i, struct trow *out)
{
	const struct rowref *r;
	struct inode *in;
	const struct snode *sn;

	/* keep a page ahead of what is asked for */
	while (i + PAGE / 2 >= t->nrows && load_page(t))
		;
	if (i >= t->nrows)
		return 0;
	r = &t->rows[i];
	memset(out, 0, sizeof(*out));
	out->kind = r->kind;
	if (t->search) {
		article_trow(out, &t->results[r->a]);
		out->issue_label = t->results[r->a].date;
		out->pos = r->a + 1;
		return 1;
	}
	if (r->kind == TR_VIEW) {
		if (t->views[r->i].n < 0)
			view_counts(t, &t->views[r->i]);
		out->label = t->views[r->i].name;
		out->key = t->views[r->i].text;
		out->n = t->views[r->i].n;
		out->unread = t->views[r->i].unread;
		out->pos = r->i + 1;
		return 1;
	}
	in = &t->issues[r->i];
	out->issue_label = issue_label(in);
	switch (r->kind) {
	case TR_ISSUE:
		out->depth = 0;
		out->expanded = in->expanded;
		out->label = out->issue_label;
		if (in->r.unread < 0)
			dbr_issue_counts(t->db, &t->f, &in->r);
		out->n = in->r.n;
		out->unread = in->r.unread;
		out->id = in->r.id;
		out->pos = r->i + 1;
		break;
	case TR_COLUMN:
		sn = &in->secs[r->s];
		out->depth = 1;
		out->expanded = sn->expanded;
		out->label = sn->r.name;
		out->n = sn->r.n;
		out->unread = sn->r.unread;
		out->id = sn->r.id;
		break;
	default:
		sn = &in->secs[r->s];
		article_trow(out, &sn->arts[r->a]);
		out->depth = 2;
		out->column = sn->r.name;
	}
	return 1;
}

size_t
tree_cursor(const struct tree *t)
{
	return t->cursor;
}

void
tree_set_cursor(struct tree *t, size_t i)
{
	struct trow r;

	if (!tree_row(t, i, &r)) {
		if (t->nrows == 0) {
			t->cursor = 0;
			return;
		}
		i = t->nrows - 1;
	}
	t->cursor = i;
}

int
tree_expand(struct tree *t, size_t i, int expand)
{
	struct rowref r;
	struct inode *in;
	struct snode *sn;

	if (i >= t->nrows || t->search || t->rows[i].kind == TR_VIEW)
		return 0;
	r = t->rows[i];
	in = &t->issues[r.i];
	if (r.kind == TR_ISSUE) {
		if (in->expanded == expand)
			return 0;
		in->expanded = expand;
		if (expand)
			load_issue(t, in);
	} else if (r.kind == TR_COLUMN) {
		sn = &in->secs[r.s];
		if (sn->expanded == expand)
			return 0;
		sn->expanded = expand;
	} else
		return 0;
	rebuild(t);
	return 1;
}

int
tree_select_key(struct tree *t, const char *key)
{
	struct article_row row;
	struct inode *in;
	size_t i, s, a;
	int found;

	if (!dbr_find(t->db, key, &row))
		return 0;
	found = 0;
	/*
	 * Only if it is there at all.  The tree is loaded down to its
	 * issue, in one query; a search keeps it only on the first page of
	 * results: after a new search the newest results come first.
	 */
	if (!dbr_passes(t->db, &t->f, row.id))
		;
	else if (!t->search)
		load(t, SIZE_MAX, row.issue);
	else if (t->nresults == 0)
		load_page(t);
	for (i = 0; t->search && i < t->nresults; i++)
		if (t->results[i].id == row.id) {
			t->cursor = i;
			found = 1;
			break;
		}
	for (i = 0; !t->search && i < t->nissues; i++) {
		if (t->issues[i].r.id != row.issue)
			continue;
		in = &t->issues[i];
		in->expanded = 1;
		load_issue(t, in);
		for (s = 0; s < in->nsecs; s++)
			if (in->secs[s].r.id == row.column)
				in->secs[s].expanded = 1;
		rebuild(t);
		for (a = 0; a < t->nrows; a++)
			if (t->rows[a].kind == TR_ARTICLE &&
			    t->rows[a].i == i && in->secs[t->rows[a].s].
			    arts[t->rows[a].a].id == row.id) {
				t->cursor = a;
				found = 1;
				break;
			}
		break;
	}
	dbr_article_rows_free(&row, 1);
	return found;
}

/* The last row below row i (i itself when it has no children shown). */
static size_t
last_descendant(const struct tree *t, size_t i)
{
	size_t k;

	for (k = i + 1; k < t->nrows && t->rows[k].kind > t->rows[i].kind;
	    k++)
		;
	return k - 1;
}

int
tree_step_article(struct tree *t, int dir)
{
	struct trow row;
	size_t i;

	i = t->cursor;
	/* from a closed issue or column: its first article */
	if (dir > 0 && tree_row(t, i, &row) && row.kind != TR_ARTICLE &&
	    !row.expanded)
		tree_expand(t, i, 1);
	for (;;) {
		if (dir > 0) {
			if (!tree_row(t, i + 1, &row))
				return 0;
			i++;
		} else {
			if (i == 0)
				return 0;
			i--;
			tree_row(t, i, &row);
		}
		if (row.kind == TR_ARTICLE) {
			t->cursor = i;
			return 1;
		}
		if (row.kind == TR_VIEW)
			return 0;	/* above every issue */
		if (!row.expanded) {
			tree_expand(t, i, 1);
			if (dir < 0)
				i = last_descendant(t, i) + 1;
		}
	}
}

size_t
tree_parent(struct tree *t, size_t i)
{
	size_t k;

	if (i >= t->nrows || t->search)
		return i;
	for (k = i; k > 0; k--)
		if (t->rows[k - 1].kind < t->rows[i].kind)
			return k - 1;
	return i;
}

void
tree_set_marks(struct tree *t, const char *key, int read, int flagged)
{
	struct article_row *ar;
	struct inode *in;
	size_t i, s, a;

	for (i = 0; i < t->nviews; i++)
		t->views[i].n = -1;	/* counted again when shown */
	for (a = 0; a < t->nresults; a++)
		if (strcmp(t->results[a].key, key) == 0) {
			t->results[a].read = read;
			t->results[a].flagged = flagged;
		}
	for (i = 0; i < t->nissues; i++) {
		in = &t->issues[i];
		for (s = 0; s < in->nsecs; s++)
			for (a = 0; a < in->secs[s].narts; a++) {
				ar = &in->secs[s].arts[a];
				if (strcmp(ar->key, key) != 0)
					continue;
				if (ar->read != read) {
					/* keep the unread counts true */
					if (in->r.unread >= 0)
						in->r.unread += read ? -1 : 1;
					in->secs[s].r.unread += read ? -1 : 1;
				}
				ar->read = read;
				ar->flagged = flagged;
			}
	}
}

void
tree_recount(struct tree *t, int64_t issue)
{
	size_t i;

	for (i = 0; i < t->nissues; i++)
		if (t->issues[i].r.id == issue)
			t->issues[i].r.unread = -1;
}

void
tree_article_pos(struct tree *t, size_t i, int *pos, int *count)
{
	size_t n;

	*pos = *count = 0;
	if (i >= t->nrows)
		return;
	if (t->search) {
		*pos = (int)i + 1;
		*count = tree_total(t, &n) ? (int)n : -1;
		return;
	}
	if (t->rows[i].kind != TR_ARTICLE)
		return;
	*pos = (int)t->rows[i].a + 1;
	*count = (int)t->issues[t->rows[i].i].secs[t->rows[i].s].narts;
}

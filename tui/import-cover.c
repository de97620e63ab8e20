/*
 * The cover of an issue: masthead, date, issue numbers, 本期要目 and the
 * table of contents (目录).  None of it is an article; the contents are
 * kept only as counts, to cross-check what the builder finds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "import-build.h"
#include "import-elem.h"
#include "import-meta.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

#define COVER_MAX	200	/* a cover longer than this is not a cover */

static int
is_marker(const struct elem *e, const char *word)
{
	char *c;
	int match;

	if (e->kind != EL_LINE && e->kind != EL_HEADING)
		return 0;
	c = text_unspaced(e->text);
	match = strcmp(c, word) == 0;
	free(c);
	return match;
}

/* Every row of a table (or the line) is a contents entry. */
static int
is_toc(const struct elem *e)
{
	const char *s, *nl;

	if (e->kind == EL_LINE || e->kind == EL_HEADING)
		return shape_toc_entry(e->text, strlen(e->text));
	if (e->kind != EL_TABLE)
		return 0;
	for (s = e->text; ; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!shape_toc_entry(s, nl ? (size_t)(nl - s) : strlen(s)))
			return 0;
		if (nl == NULL)
			return 1;
	}
}

/*
 * An entry without leaders: a title and its page, no later than the
 * last entry's page (a title may end with a year: 2021 is no page).
 */
static int
is_bare_toc(const struct elem *e, long *last)
{
	const char *s;
	size_t len, i;
	long page;

	if (e->kind != EL_LINE && e->kind != EL_HEADING)
		return 0;
	s = e->text;
	len = strlen(s);
	for (i = len; i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'; i--)
		;
	if (i == len || len - i > 3 || i == 0)
		return 0;
	page = strtol(s + i, NULL, 10);
	if (page < *last || page == 0)
		return 0;
	*last = page;
	return 1;
}

static int
toc_rows(const struct elem *e)
{
	const char *s;
	int n;

	if (e->kind != EL_TABLE)
		return 1;
	for (n = 1, s = e->text; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	return n;
}

static int
is_column(const struct elem *e)
{
	return (e->kind == EL_LINE || e->kind == EL_HEADING) &&
	    shape_column_name(e->text, strlen(e->text));
}

/* 2021年8月5日 → 2021-08-05; 2021年 alone sets the year (s unspaced). */
static void
read_date(struct cover *c, const char *s)
{
	const char *p;
	int y, m, d, n;

	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			continue;
		if (meta_parse_day(p, &y, &m, &d) > 0 && y > 1900 && d > 0) {
			if (c->date == NULL)
				c->date = xasprintf("%04d-%02d-%02d", y, m, d);
			if (c->year == 0)
				c->year = y;
			break;
		}
		/* 2024年 alone, or before the number: 2024年第5期 */
		for (n = 0; p[n] >= '0' && p[n] <= '9'; n++)
			;
		y = atoi(p);
		if (n == 4 && text_starts(p + n, "年") && y > 1900 &&
		    y < 2200 && c->year == 0 && strlen(p) <= (size_t)n + 15)
			c->year = y;
		p += n - 1;
	}
}

/*
 * Issue numbers, in the order printed: 总第086期 第08期, or 2024年第5期
 * on one line and 总第119期 on the next (s unspaced).
 */
static void
read_number(struct cover *c, const char *s)
{
	struct buf b = { 0 };
	char *tok;
	const char *p, *q;

	if (c->number != NULL)
		buf_adds(&b, c->number);
	for (p = s; (p = strstr(p, "第")) != NULL; p = q) {
		q = p + strlen("第");
		if (*q < '0' || *q > '9')
			continue;
		while (*q >= '0' && *q <= '9')
			q++;
		if (!text_starts(q, "期"))
			continue;
		q += strlen("期");
		if (p - s >= 3 && text_starts(p - 3, "总"))
			p -= 3;
		tok = xstrndup(p, (size_t)(q - p));
		if (strstr(buf_str(&b), tok) == NULL) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, tok);
		}
		free(tok);
	}
	free(c->number);
	c->number = b.len > 0 ? buf_take(&b) : NULL;
	buf_free(&b);
}

/* The masthead: the first heading or short line written in Chinese. */
static void
read_title(struct cover *c, const struct elem *e)
{
	uint32_t ch;

	if (c->title != NULL || (e->kind != EL_HEADING &&
	    !(e->flags & EF_STANDALONE)))
		return;
	ch = text_first(e->text, strlen(e->text), NULL);
	if (!text_is_cjk(ch) || is_marker(e, "本期要目") ||
	    is_marker(e, "目录") || strstr(e->text, "年") != NULL ||
	    text_cols(e->text, strlen(e->text)) > 40)
		return;
	c->title = xstrdup(e->text);
}

/* A short line standing alone, as a cover's and a title's are. */
static int
short_line(const struct elem *e)
{
	size_t len = strlen(e->text);

	return e->kind == EL_LINE && (e->flags & EF_STANDALONE) &&
	    text_cols(e->text, len) <= 40 && !shape_ends_sentence(e->text, len);
}

/*
 * A cover with no contents: the masthead, the date and the issue's
 * numbers, short lines before the first column and its title.  It is a
 * cover only if a date or an issue number is among them.
 */
static size_t
bare_cover(const struct elemlist *el)
{
	size_t i, run, end;
	int dated;
	char *u;

	for (run = 0; run < el->n && run < COVER_MAX && short_line(&el->v[run]);
	    run++)
		;
	if (run < 2)
		return 0;
	end = run - 1;			/* the title, before its body */
	for (i = run - 1; i > 0; i--)
		if (is_column(&el->v[i])) {
			end = i;
			break;
		}
	dated = 0;
	for (i = 0; i < end; i++) {
		u = text_unspaced(el->v[i].text);
		if (strstr(u, "期") != NULL || (strstr(u, "年") != NULL &&
		    strstr(u, "月") != NULL && strstr(u, "日") != NULL))
			dated = 1;
		free(u);
	}
	return dated ? end : 0;
}

void
cover_read(const struct elemlist *el, const char *path, struct cover *c)
{
	size_t i, toc, brief, end;
	long last;
	char *unspaced;

	memset(c, 0, sizeof(*c));
	toc = brief = (size_t)-1;
	for (i = 0; i < el->n && i < COVER_MAX; i++) {
		if (toc == (size_t)-1 && is_marker(&el->v[i], "目录"))
			toc = i;
		if (brief == (size_t)-1 && is_marker(&el->v[i], "本期要目"))
			brief = i;
	}
	if (toc == (size_t)-1 && brief == (size_t)-1)
		end = bare_cover(el);
	else if (toc != (size_t)-1) {
		/* Column names and entries, until something else. */
		last = 0;
		for (i = toc + 1; i < el->n; i++) {
			if (is_toc(&el->v[i]) || is_bare_toc(&el->v[i], &last))
				c->toc_articles += toc_rows(&el->v[i]);
			else if (is_column(&el->v[i]))
				c->toc_columns++;
			else
				break;
		}
		end = i;
		if (end > toc + 1 && is_column(&el->v[end - 1])) {
			end--;
			c->toc_columns--;
		}
	} else {
		/* 本期要目 without contents: the list ends at a column name. */
		for (i = brief + 1; i < el->n && !is_column(&el->v[i]); i++)
			;
		end = i;
	}
	c->start = end;
	for (i = 0; i < end; i++) {
		if (el->v[i].kind == EL_NOTE || el->v[i].kind == EL_TABLE)
			continue;
		if (brief == (size_t)-1 || i < brief)
			read_title(c, &el->v[i]);	/* not from 本期要目 */
		unspaced = text_unspaced(el->v[i].text);
		read_date(c, unspaced);
		read_number(c, unspaced);
		free(unspaced);
	}
	if (end == 0)
		return;
	diag_msg(MSG_COVER, path, el->v[0].line, 0, "%s %s %s",
	    c->title ? c->title : "(no title)",
	    c->date ? c->date : "(no date)",
	    c->number ? c->number : "(no number)");
	if (toc != (size_t)-1)
		diag_msg(MSG_CONTENTS, path, el->v[toc].line, 0,
		    "%d entries in %d columns", c->toc_articles,
		    c->toc_columns);
}

void
cover_free(struct cover *c)
{
	free(c->title);
	free(c->date);
	free(c->number);
	memset(c, 0, sizeof(*c));
}

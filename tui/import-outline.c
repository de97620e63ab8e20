/*
 * Prints the structure found in an issue, one line for the issue, one
 * for each column and one for each article:
 *
 *   000.txt: 科技政策与咨询快报 2023 (no date, no number)
 *     专题评述
 *        1  美国发布…  L3  2023-04-20  张秋菊 秦冰雪  notes 2/2
 *
 * Every text from the document is sanitised: the outline goes to a
 * terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "import-check.h"
#include "import-outline.h"
#include "sanitize.h"

/* Appends document text, safe for a terminal. */
static void
put_text(struct buf *b, const char *s)
{
	char *t;

	t = sanitize_text(s, strlen(s), SANITIZE_LOG);
	buf_adds(b, t);
	free(t);
}

/* "科技政策与咨询快报 2023 (no date, no number)" */
static void
put_issue(struct buf *b, const struct issue *is)
{
	const char *missing[3];
	size_t n, i;

	diag_put_name(b, is->source);
	buf_adds(b, ": ");
	if (is->kind == DOC_GUIDE)
		buf_adds(b, "guide ");
	put_text(b, is->title != NULL ? is->title : "(no title)");
	n = 0;
	if (is->date != NULL) {
		buf_addc(b, ' ');
		put_text(b, is->date);
	} else {
		if (is->year != 0)
			buf_printf(b, " %d", is->year);
		else
			missing[n++] = "no year";
		missing[n++] = "no date";
	}
	if (is->number != NULL) {
		buf_addc(b, ' ');
		put_text(b, is->number);
	} else
		missing[n++] = "no number";
	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i == 0 ? " (" : ", ", missing[i]);
	buf_adds(b, n > 0 ? ")\n" : "\n");
}

/* "   1  TITLE  L3  2023-04-20  张秋菊 秦冰雪  notes 2/2" */
static void
put_article(struct buf *b, const struct article *a, size_t no)
{
	size_t i;

	buf_printf(b, "    %2zu  ", no);
	put_text(b, a->title);
	buf_printf(b, "  L%d  ", a->line);
	if (a->date != NULL)
		put_text(b, a->date);
	else if (a->date_text != NULL)
		put_text(b, a->date_text);
	else
		buf_adds(b, "(no date)");
	buf_adds(b, "  ");
	for (i = 0; i < a->nauthors; i++) {
		if (i > 0)
			buf_addc(b, ' ');
		put_text(b, a->authors[i]);
	}
	if (a->nauthors == 0)
		buf_adds(b, "(no editors)");
	buf_printf(b, "  notes %zu/%zu\n", check_cited(a), a->nnotes);
}

void
outline_issue(FILE *fp, const struct issue *is)
{
	struct buf b = { 0 };
	size_t s, i, no;

	put_issue(&b, is);
	no = 0;
	for (s = 0; s < is->ncolumns; s++) {
		buf_adds(&b, "  ");
		put_text(&b, is->columns[s].name);
		buf_addc(&b, '\n');
		for (i = 0; i < is->columns[s].narticles; i++)
			put_article(&b, &is->columns[s].articles[i], ++no);
	}
	fwrite(buf_str(&b), 1, b.len, fp);
	buf_free(&b);
}

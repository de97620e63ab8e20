/* Parses one source file: the importer's pipeline, start to end. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "import.h"
#include "import-build.h"
#include "import-check.h"
#include "import-country.h"
#include "import-elem.h"
#include "import-input.h"
#include "import-markdown.h"
#include "import-meta.h"
#include "import-notes.h"
#include "import-pdftext.h"
#include "import-theme.h"
#include "text.h"
#include "xmalloc.h"

/* Markdown if it says so, or if it is written with Markdown headings. */
static int
is_markdown(const struct input *in)
{
	size_t i, headings;
	const char *s;

	if (text_ends(in->path, strlen(in->path), ".md") ||
	    text_ends(in->path, strlen(in->path), ".markdown"))
		return 1;
	headings = 0;
	for (i = 0; i < in->nlines; i++) {
		s = in->lines[i].s;
		if (in->lines[i].len > 2 && s[0] == '#' &&
		    (s[1] == ' ' || (s[1] == '#' && (s[2] == ' ' ||
		    s[2] == '#'))))
			headings++;
		else if (in->lines[i].len > 12 && text_starts(s, "<sup>"))
			headings++;
	}
	return headings >= 3;
}

/*
 * Text with no recognisable structure is still worth reading: it
 * becomes one article, titled by its first line.
 */
static void
fallback(const struct elemlist *el, struct issue *is)
{
	struct column *sec;
	struct article *a;
	size_t i, first;
	const char *title;

	for (first = 0; first < el->n && el->v[first].kind == EL_NOTE; first++)
		;
	if (first == el->n)
		return;
	diag_msg(MSG_NO_STRUCTURE, is->source, 0, 0, NULL);
	doc_drops_free(is);	/* the article takes it all */
	title = el->v[first].text;
	if (strlen(title) > 120 || !(el->v[first].flags & EF_STANDALONE))
		title = "正文";
	else
		first++;
	sec = doc_column_add(is, "正文", 0);
	a = doc_article_add(sec, title, el->v[0].line);
	for (i = first; i < el->n; i++)
		if (el->v[i].kind != EL_NOTE)	/* notes are in the pool */
			doc_block_add(a, el->v[i].kind == EL_TABLE ?
			    BLOCK_TABLE : el->v[i].kind == EL_HEADING ?
			    BLOCK_HEADING : BLOCK_PARAGRAPH, el->v[i].text,
			    el->v[i].line);
}

static void
overrides(struct issue *is, const struct import_opts *o)
{
	if (o->date != NULL) {
		free(is->date);
		is->date = xstrdup(o->date);
		is->year = atoi(o->date);
	}
	if (o->year != 0)
		is->year = o->year;
	if (o->number != NULL) {
		free(is->number);
		is->number = xstrdup(o->number);
	}
}

static struct issue *
parse(struct input *in, const struct import_opts *o)
{
	struct elemlist el;
	struct notepool notes;
	struct cover cover;
	struct issue *is;
	int md;

	memset(&el, 0, sizeof(el));
	memset(&notes, 0, sizeof(notes));
	md = is_markdown(in);
	if (md)
		markdown_read(in, &el);
	else
		pdftext_read(in, &el);
	is = doc_issue_create(in->path);
	if (guide_detect(&el)) {
		guide_build(&el, is, &notes);
	} else {
		cover_read(&el, in->path, &cover);
		bulletin_build(&el, &cover, is, &notes);
		is->title = xstrdup(el.header ? el.header : cover.title ?
		    cover.title : "科技政策与咨询快报");
		is->year = cover.year;
		is->date = cover.date;
		is->number = cover.number;
		cover.date = cover.number = NULL;
		cover_free(&cover);
	}
	if (doc_article_count(is) == 0)
		fallback(&el, is);
	notes_bind(is, &notes, md, in->path);
	overrides(is, o);
	meta_year(is);
	meta_dates(is);
	meta_keys(is);
	if (o->gaz != NULL)
		country_tag(o->gaz, is);
	if (o->themes != NULL)
		theme_tag(o->themes, is);
	check_issue(is);
	notes_free(&notes);
	elemlist_free(&el);
	return is;
}

struct issue *
import_file(const char *path, const struct import_opts *o)
{
	struct input *in;
	struct issue *is;

	if ((in = input_load(path)) == NULL)
		return NULL;
	is = parse(in, o);
	input_free(in);
	return is;
}

struct issue *
import_bytes(const char *path, const char *bytes, size_t len,
    const struct import_opts *o)
{
	struct input *in;
	struct issue *is;

	if ((in = input_from_bytes(path, bytes, len)) == NULL)
		return NULL;
	is = parse(in, o);
	input_free(in);
	return is;
}

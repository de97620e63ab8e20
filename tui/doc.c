/* Constructors and destructor for the parsed document model. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "xmalloc.h"

struct issue *
doc_issue_create(const char *source)
{
	struct issue *is;

	is = xcalloc(1, sizeof(*is));
	is->source = xstrdup(source);
	return is;
}

void
doc_text_free(struct block *b, size_t nb, struct footnote *n, size_t nn,
    struct field *f, size_t nf)
{
	size_t i;

	for (i = 0; i < nb; i++)
		free(b[i].text);
	free(b);
	for (i = 0; i < nn; i++) {
		free(n[i].text);
		free_strings(n[i].urls, n[i].nurls);
	}
	free(n);
	for (i = 0; i < nf; i++) {
		free(f[i].name);
		free(f[i].value);
	}
	free(f);
}

static void
article_free(struct article *a)
{
	free(a->title);
	free(a->key);
	free(a->date);
	free(a->date_text);
	free_strings(a->authors, a->nauthors);
	doc_text_free(a->blocks, a->nblocks, a->notes, a->nnotes, a->fields,
	    a->nfields);
	free(a->countries);
	free(a->themes);
}

void
doc_issue_free(struct issue *is)
{
	size_t i, j;

	if (is == NULL)
		return;
	for (i = 0; i < is->ncolumns; i++) {
		for (j = 0; j < is->columns[i].narticles; j++)
			article_free(&is->columns[i].articles[j]);
		free(is->columns[i].articles);
		free(is->columns[i].name);
	}
	free(is->columns);
	doc_drops_free(is);
	free(is->source);
	free(is->key);
	free(is->title);
	free(is->date);
	free(is->number);
	free(is->funding);
	free(is);
}

struct column *
doc_column_add(struct issue *is, const char *name, int line)
{
	struct column s;

	memset(&s, 0, sizeof(s));
	s.name = xstrdup(name);
	s.line = line;
	VEC_PUSH(is->columns, is->ncolumns, is->columnscap, s);
	return &is->columns[is->ncolumns - 1];
}

void
doc_truncate(struct issue *is, size_t sec, size_t n, size_t nblocks)
{
	struct column *s;
	struct article *a;
	size_t i, j;

	for (i = is->ncolumns; i-- > sec; ) {
		s = &is->columns[i];
		for (j = i == sec ? n : 0; j < s->narticles; j++)
			article_free(&s->articles[j]);
		if (i == sec) {
			s->narticles = n < s->narticles ? n : s->narticles;
			break;
		}
		free(s->articles);
		free(s->name);
		is->ncolumns--;
	}
	if (sec < is->ncolumns && n > 0 && n <= is->columns[sec].narticles) {
		a = &is->columns[sec].articles[n - 1];
		for (j = nblocks; j < a->nblocks; j++)
			free(a->blocks[j].text);
		if (nblocks < a->nblocks)
			a->nblocks = nblocks;
	}
}

struct article *
doc_article_add(struct column *s, const char *title, int line)
{
	struct article a;

	memset(&a, 0, sizeof(a));
	a.title = xstrdup(title);
	a.line = line;
	VEC_PUSH(s->articles, s->narticles, s->articlescap, a);
	return &s->articles[s->narticles - 1];
}

void
doc_block_add(struct article *a, enum block_type type, const char *text,
    int line)
{
	struct block b;

	b.type = type;
	b.text = xstrdup(text);
	b.line = line;
	VEC_PUSH(a->blocks, a->nblocks, a->blockscap, b);
}

struct footnote *
doc_note_add(struct article *a, int n, const char *text, int line)
{
	struct footnote f;

	memset(&f, 0, sizeof(f));
	f.n = n;
	f.text = xstrdup(text);
	f.line = line;
	VEC_PUSH(a->notes, a->nnotes, a->notescap, f);
	return &a->notes[a->nnotes - 1];
}

void
doc_note_add_url(struct footnote *f, const char *url)
{
	f->urls = xreallocarray(f->urls, f->nurls + 1, sizeof(*f->urls));
	f->urls[f->nurls++] = xstrdup(url);
}

void
doc_field_add(struct article *a, const char *name, const char *value)
{
	struct field f;

	f.name = xstrdup(name);
	f.value = xstrdup(value);
	VEC_PUSH(a->fields, a->nfields, a->fieldscap, f);
}

void
doc_drop(struct issue *is, enum diag_msg why, int line, const char *text)
{
	struct drop d;

	d.why = why;
	d.line = line;
	d.text = xstrdup(text);
	VEC_PUSH(is->drops, is->ndrops, is->dropscap, d);
}

void
doc_drops_free(struct issue *is)
{
	size_t i;

	for (i = 0; i < is->ndrops; i++)
		free(is->drops[i].text);
	free(is->drops);
	is->drops = NULL;
	is->ndrops = is->dropscap = 0;
}

const char *
doc_first_paragraph(const struct article *a)
{
	size_t i;

	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].type == BLOCK_PARAGRAPH)
			return a->blocks[i].text;
	return NULL;
}

size_t
doc_article_count(const struct issue *is)
{
	size_t i, n;

	for (i = n = 0; i < is->ncolumns; i++)
		n += is->columns[i].narticles;
	return n;
}

/* Writes parsed issues as the documented JSON dump. */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "import-json.h"

static void
str(FILE *fp, const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	putc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				/* C1 controls: CSI is one of them */
				fprintf(fp, "\\u%04x", *++p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}

/* The strings of a JSON array, without its brackets. */
static void
strs(FILE *fp, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", fp);
		str(fp, v[i]);
	}
}

static void
key(FILE *fp, const char *k, const char *v, int comma)
{
	fprintf(fp, "%s\"%s\": ", comma ? ", " : "", k);
	str(fp, v);
}

static const char *
block_type(enum block_type t)
{
	switch (t) {
	case BLOCK_HEADING:
		return "heading";
	case BLOCK_TABLE:
		return "table";
	default:
		return "paragraph";
	}
}

static void
article(FILE *fp, const struct article *a)
{
	size_t i;

	fputs("{", fp);
	key(fp, "title", a->title, 0);
	key(fp, "key", a->key, 1);
	key(fp, "date", a->date, 1);
	key(fp, "date_text", a->date_text, 1);
	fputs(", \"authors\": [", fp);
	strs(fp, (const char *const *)a->authors, a->nauthors);
	fputs("],\n      \"countries\": [", fp);
	for (i = 0; i < a->ncountries; i++) {
		fprintf(fp, "%s{", i ? ", " : "");
		key(fp, "name", a->countries[i].name, 0);
		key(fp, "role", a->countries[i].role == ROLE_SUBJECT ?
		    "subject" : "mentioned", 1);
		fputs("}", fp);
	}
	fputs("], \"themes\": [", fp);
	strs(fp, a->themes, a->nthemes);
	fputs("],\n      \"blocks\": [", fp);
	for (i = 0; i < a->nblocks; i++) {
		fprintf(fp, "%s\n        {", i ? "," : "");
		key(fp, "type", block_type(a->blocks[i].type), 0);
		key(fp, "text", a->blocks[i].text, 1);
		fputs("}", fp);
	}
	fputs("],\n      \"footnotes\": [", fp);
	for (i = 0; i < a->nnotes; i++) {
		fprintf(fp, "%s\n        {\"n\": %d", i ? "," : "",
		    a->notes[i].n);
		key(fp, "text", a->notes[i].text, 1);
		key(fp, "url", a->notes[i].nurls ? a->notes[i].urls[0] : NULL,
		    1);
		fputs(", \"urls\": [", fp);
		strs(fp, (const char *const *)a->notes[i].urls,
		    a->notes[i].nurls);
		fputs("]}", fp);
	}
	fputs("],\n      \"fields\": [", fp);
	for (i = 0; i < a->nfields; i++) {
		fprintf(fp, "%s{", i ? ", " : "");
		key(fp, "name", a->fields[i].name, 0);
		key(fp, "value", a->fields[i].value, 1);
		fputs("}", fp);
	}
	fputs("]}", fp);
}

static void
count(FILE *fp, const char *k, int n)
{
	if (n > 0)
		fprintf(fp, "\"%s\": %d", k, n);
	else
		fprintf(fp, "\"%s\": null", k);
}

/* A guide's status and totals; null for a bulletin. */
static void
guide(FILE *fp, const struct issue *is)
{
	if (is->kind != DOC_GUIDE) {
		fputs(", \"status\": null, \"totals\": null", fp);
		return;
	}
	key(fp, "status", is->status == GUIDE_DRAFT ? "draft" : "final", 1);
	fputs(",\n   \"totals\": {", fp);
	count(fp, "directions", is->ndirections);
	fputs(", ", fp);
	count(fp, "projects", is->nprojects);
	key(fp, "funding", is->funding, 1);
	fputs("}", fp);
}

void
json_begin(FILE *fp)
{
	fputs("{\"format\": \"kuaibao-dump/1\",\n \"issues\": [", fp);
}

void
json_issue(FILE *fp, const struct issue *is, int first)
{
	size_t s, i;

	fprintf(fp, "%s\n  {", first ? "" : ",");
	key(fp, "source", is->source, 0);
	key(fp, "key", is->key, 1);
	key(fp, "kind", is->kind == DOC_GUIDE ? "guide" : "bulletin", 1);
	key(fp, "title", is->title, 1);
	if (is->year != 0)
		fprintf(fp, ", \"year\": %d", is->year);
	else
		fputs(", \"year\": null", fp);
	key(fp, "date", is->date, 1);
	key(fp, "number", is->number, 1);
	guide(fp, is);
	fputs(",\n   \"sections\": [", fp);
	for (s = 0; s < is->ncolumns; s++) {
		fprintf(fp, "%s\n    {", s ? "," : "");
		key(fp, "name", is->columns[s].name, 0);
		fputs(", \"articles\": [", fp);
		for (i = 0; i < is->columns[s].narticles; i++) {
			fputs(i ? ",\n     " : "\n     ", fp);
			article(fp, &is->columns[s].articles[i]);
		}
		fputs("]}", fp);
	}
	fputs("]}", fp);
}

void
json_end(FILE *fp)
{
	fputs("]}\n", fp);
}

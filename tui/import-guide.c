/*
 * Builds a funding guide (申报指南): an untitled preamble becomes the
 * article 前言; each part (一、二、…) becomes a section whose first
 * article holds the part's own text; each numbered direction (1.1, 1.2,
 * …, 2.0, …) becomes an article whose labelled paragraphs (合作协议,
 * 领域方向, 拟支持项目数, 拟支持经费, 其他要求) are kept as fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "import-build.h"
#include "import-elem.h"
#include "import-notes.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

static const char *const field_names[] = {
	"合作协议", "领域方向", "拟支持项目数", "拟支持经费", "其他要求"
};
#define NFIELDS	(sizeof(field_names) / sizeof(field_names[0]))

/*
 * A field label at the start of s: returns the field's index and sets
 * *value to the text after the colon and *suffix to an ordinal such as
 * 一 in 领域方向一 (or NULL); either may be NULL when not wanted.  -1 if
 * none.
 */
static int
field_label(const char *s, const char **value, char **suffix)
{
	size_t i, n, lab, colon;
	const char *p;

	if (suffix != NULL)
		*suffix = NULL;
	p = s;
	if (text_starts(p, "共"))
		p += strlen("共");
	lab = shape_label(p, strlen(p));
	if (lab == 0)
		return -1;
	colon = p[lab - 1] == ':' ? 1 : 3;
	for (i = 0; i < NFIELDS; i++) {
		n = strlen(field_names[i]);
		if (strncmp(p, field_names[i], n) != 0)
			continue;
		/* the label is the name, perhaps with an ordinal, then ： */
		if (lab - n > 3 * 2 + colon)
			continue;
		if (suffix != NULL && lab - n > colon)
			*suffix = xstrndup(p + n, lab - n - colon);
		if (value != NULL)
			for (*value = p + lab; **value == ' '; (*value)++)
				;
		return (int)i;
	}
	return -1;
}

int
guide_detect(const struct elemlist *el)
{
	size_t i, n;

	for (i = n = 0; i < el->n; i++)
		if (el->v[i].kind == EL_LINE &&
		    field_label(el->v[i].text, NULL, NULL) >= 0)
			n++;
	return n >= 3;
}

/* A part heading: 一、总体目标 standing alone. */
static int
part_heading(const struct elem *e)
{
	size_t len = strlen(e->text);

	return (e->kind == EL_LINE || e->kind == EL_HEADING) &&
	    shape_enum_kind(e->text, len) == 1 &&
	    text_cols(e->text, len) <= 40 && !shape_ends_sentence(e->text, len);
}

/*
 * The guide's own name, when the title line is lost: the document the
 * preamble says it has drawn up (…编制形成了 X 指南。).
 */
static char *
infer_title(const struct elemlist *el, size_t end)
{
	static const char *const kinds[] = { "指南", "办法", "通知", "方案" };
	const char *s, *hit, *p, *start;
	size_t i, k;

	for (i = end; i-- > 0; ) {
		if (el->v[i].kind != EL_LINE)
			continue;
		s = el->v[i].text;
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			hit = NULL;
			for (p = s; (p = strstr(p, kinds[k])) != NULL;
			    p += strlen(kinds[k]))
				hit = p;
			if (hit == NULL)
				continue;
			/* back to the start of the clause, then after 了 */
			start = s;
			for (p = s; p < hit; p++) {
				if (text_starts(p, "，") || text_starts(p, "。") ||
				    text_starts(p, "；"))
					start = p + 3;
			}
			for (p = start; p < hit; p++)
				if (text_starts(p, "了"))
					start = p + 3;
			if (hit - start > 6)
				return xstrndup(start,
				    (size_t)(hit - start) + strlen(kinds[k]));
		}
	}
	return NULL;
}

struct gb {
	struct issue	*is;
	struct section	*sec;
	struct article	*art;
	int		 field;		/* index into art->fields, or -1 */
	int		 major, minor;	/* last direction */
};

static void
field_append(struct gb *g, const char *text)
{
	struct field *f = &g->art->fields[g->field];
	char *v;

	v = *f->value ? xasprintf("%s\n%s", f->value, text) : xstrdup(text);
	free(f->value);
	f->value = v;
}

static int
is_direction(const struct elemlist *el, size_t i, struct gb *g,
    size_t *nameoff)
{
	const struct elem *e = &el->v[i];
	size_t j;
	int ma, mi;

	if (e->kind != EL_LINE ||
	    !shape_direction(e->text, strlen(e->text), &ma, &mi, nameoff))
		return 0;
	/* numbered on from the last one, and opening with fields */
	if (!((ma == g->major && mi == g->minor + 1) ||
	    (ma == g->major + 1 && mi <= 1) || (g->major == 0 && mi <= 1)))
		return 0;
	for (j = i + 1; j < el->n && el->v[j].kind == EL_NOTE; j++)
		;
	if (j == el->n)
		return 0;
	if (field_label(el->v[j].text, NULL, NULL) < 0)
		return 0;
	g->major = ma;
	g->minor = mi;
	return 1;
}

void
guide_build(const struct elemlist *el, struct issue *is,
    struct notepool *notes)
{
	struct gb g;
	const struct elem *e;
	const char *value;
	char *suffix, *title, *subtitle, *v;
	size_t i, first_part, nameoff, len;
	int f;

	memset(&g, 0, sizeof(g));
	g.is = is;
	g.field = -1;
	is->kind = DOC_GUIDE;
	subtitle = NULL;
	for (first_part = 0; first_part < el->n; first_part++)
		if (part_heading(&el->v[first_part]))
			break;
	for (i = 0; i < el->n; i++) {
		e = &el->v[i];
		len = strlen(e->text);
		if (e->kind == EL_NOTE) {
			notes_add(notes, e, is);
			continue;
		}
		/* A lone parenthesis before the preamble: （征求意见稿） */
		if (g.art == NULL && subtitle == NULL &&
		    (e->flags & EF_STANDALONE) &&
		    (text_starts(e->text, "（") || e->text[0] == '(') &&
		    (text_ends(e->text, len, "）") || e->text[len - 1] == ')')) {
			subtitle = xstrdup(e->text);
			continue;
		}
		if (part_heading(e)) {
			g.sec = doc_section_add(is, e->text, e->line);
			g.art = doc_article_add(g.sec, e->text, e->line);
			g.field = -1;
			continue;
		}
		if (g.sec != NULL && is_direction(el, i, &g, &nameoff)) {
			title = xasprintf("%d.%d %s", g.major, g.minor,
			    e->text + nameoff);
			g.art = doc_article_add(g.sec, title, e->line);
			free(title);
			g.field = -1;
			continue;
		}
		if (g.art == NULL) {
			g.sec = doc_section_add(is, "前言", e->line);
			g.art = doc_article_add(g.sec, "前言", e->line);
		}
		if (e->kind == EL_TABLE) {
			doc_block_add(g.art, BLOCK_TABLE, e->text, e->line);
			continue;
		}
		f = field_label(e->text, &value, &suffix);
		if (f >= 0 && g.art->title[0] >= '0' && g.art->title[0] <= '9') {
			v = suffix ? xasprintf("方向%s：%s", suffix, value) :
			    xstrdup(value);
			doc_field_add(g.art, field_names[f], v);
			g.field = (int)g.art->nfields - 1;
			free(v);
			free(suffix);
			continue;
		}
		free(suffix);
		if (g.field >= 0)
			field_append(&g, e->text);
		else
			doc_block_add(g.art, (e->flags & EF_STANDALONE) &&
			    !shape_ends_sentence(e->text, len) &&
			    shape_enum(e->text, len) ? BLOCK_HEADING :
			    BLOCK_PARAGRAPH, e->text, e->line);
	}
	title = infer_title(el, first_part);
	if (title == NULL)
		title = xstrdup("申报指南");
	if (subtitle != NULL) {
		is->title = xasprintf("%s%s", title, subtitle);
		free(title);
	} else
		is->title = title;
	free(subtitle);
	if (sscanf(is->title, "%*[^0-9]%4d年", &is->year) != 1)
		is->year = 0;
}

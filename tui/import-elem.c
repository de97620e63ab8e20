/* The flat element list passed from the format readers to the builders. */
#include <stdlib.h>

#include "import-elem.h"
#include "xmalloc.h"

struct elem *
elem_add(struct elemlist *el, enum elem_kind kind, const char *text,
    int line, int flags)
{
	struct elem e;

	e.kind = kind;
	e.text = xstrdup(text);
	e.level = 0;
	e.n = 0;
	e.line = line;
	e.flags = flags;
	e.at = 0;
	e.at_line = 0;
	VEC_PUSH(el->v, el->n, el->cap, e);
	return &el->v[el->n - 1];
}

void
elemlist_free(struct elemlist *el)
{
	size_t i;

	for (i = 0; i < el->n; i++)
		free(el->v[i].text);
	free(el->v);
	free(el->header);
	el->v = NULL;
	el->n = el->cap = 0;
	el->header = NULL;
}

/* The key bindings: the defaults, and the changes bind and unbind made. */
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "xmalloc.h"

/* The default keys (design.md), in the order help lists them. */
static const struct {
	key_code	 key;
	const char	*cmd;
	int		 alias;		/* not worth a mention in help */
} bind_defaults[] = {
	{ 'j',			"move-down",		0 },
	{ KEYC_DOWN,		"move-down",		0 },
	{ 'k',			"move-up",		0 },
	{ KEYC_UP,		"move-up",		0 },
	{ '\r',			"open",			0 },
	{ '\n',			"open",			1 },
	{ 'l',			"open",			0 },
	{ KEYC_RIGHT,		"open",			0 },
	{ 'h',			"back",			0 },
	{ KEYC_LEFT,		"back",			0 },
	{ ' ',			"page-down",		0 },
	{ KEYC_NPAGE,		"page-down",		0 },
	{ 'b',			"page-up",		0 },
	{ KEYC_PPAGE,		"page-up",		0 },
	{ KEY_CTRL('d'),	"half-page-down",	0 },
	{ KEY_CTRL('u'),	"half-page-up",		0 },
	{ 'g',			"top",			0 },
	{ KEYC_HOME,		"top",			0 },
	{ 'G',			"bottom",		0 },
	{ KEYC_END,		"bottom",		0 },
	{ '[',			"previous-article",	0 },
	{ ']',			"next-article",		0 },
	{ '\t',			"switch-pane",		0 },
	{ '/',			"search",		0 },
	{ 'n',			"next-match",		0 },
	{ 'N',			"previous-match",	0 },
	{ '&',			"find",			0 },
	{ KEY_ESCAPE,		"end-find",		1 },	/* in find's help */
	{ 'c',			"country-filter",	0 },
	{ 't',			"theme-filter",		0 },
	{ 'C',			"toggle-mentions",	0 },
	{ 'F',			"toggle-flagged-only",	0 },
	{ 'x',			"clear-filters",	0 },
	{ 'X',			"remove-filter",	0 },
	{ 'm',			"toggle-flag",		0 },
	{ 'u',			"toggle-read",		0 },
	{ '}',			"next-unread",		0 },
	{ '{',			"previous-unread",	0 },
	{ 'A',			"mark-read",		0 },
	{ 'y',			"copy",			0 },
	{ 'o',			"open-url",		0 },
	{ 'e',			"export",		0 },
	{ '|',			"pipe",			0 },
	{ 's',			"toggle-sidebar",	0 },
	{ '<',			"narrow-sidebar",	0 },
	{ '>',			"widen-sidebar",	0 },
	{ '-',			"narrow-text",		0 },
	{ '+',			"widen-text",		0 },
	{ KEY_CTRL('l'),	"redraw",		0 },
	{ '?',			"help",			0 },
	{ ':',			"command-prompt",	0 },
	{ 'q',			"quit",			0 },
};
#define NDEFAULTS	(sizeof(bind_defaults) / sizeof(bind_defaults[0]))

struct bind_change {
	key_code	 key;
	char		*cmd;		/* NULL: unbound */
};

struct bind_table {
	struct bind_change	*v;
	size_t			 n, cap;
};

static struct bind_change *
changed(const struct bind_table *t, key_code k)
{
	size_t i;

	for (i = 0; t != NULL && i < t->n; i++)
		if (t->v[i].key == k)
			return &t->v[i];
	return NULL;
}

const char *
bind_lookup(const struct bind_table *t, key_code k)
{
	const struct bind_change *c;
	size_t i;

	if ((c = changed(t, k)) != NULL)
		return c->cmd;
	for (i = 0; i < NDEFAULTS; i++)
		if (bind_defaults[i].key == k)
			return bind_defaults[i].cmd;
	return NULL;
}

void
bind_set(struct bind_table **tp, key_code k, const char *cmd)
{
	struct bind_change *c, nc;

	if (*tp == NULL)
		*tp = xcalloc(1, sizeof(**tp));
	if ((c = changed(*tp, k)) != NULL) {
		free(c->cmd);
		c->cmd = cmd != NULL ? xstrdup(cmd) : NULL;
		return;
	}
	nc.key = k;
	nc.cmd = cmd != NULL ? xstrdup(cmd) : NULL;
	VEC_PUSH((*tp)->v, (*tp)->n, (*tp)->cap, nc);
}

void
bind_free(struct bind_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->v[i].cmd);
	free(t->v);
	free(t);
}

void
bind_each(const struct bind_table *t, bind_fn *fn, void *arg)
{
	size_t i;

	for (i = 0; i < NDEFAULTS; i++)
		if (!bind_defaults[i].alias &&
		    changed(t, bind_defaults[i].key) == NULL)
			fn(bind_defaults[i].key, bind_defaults[i].cmd, arg);
	for (i = 0; t != NULL && i < t->n; i++)
		if (t->v[i].cmd != NULL)
			fn(t->v[i].key, t->v[i].cmd, arg);
}

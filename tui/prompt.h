/*
 * The prompts on the status line: a search, or a filter whose choices
 * (countries, themes, URLs to copy) narrow as the user types and are
 * listed with their article counts above the prompt.
 */
#ifndef KB_PROMPT_H
#define KB_PROMPT_H

#include <stddef.h>
#include <wchar.h>

#include "buf.h"

struct choice;
struct ui;

enum prompt_kind {
	PROMPT_SEARCH,
	PROMPT_COUNTRY,
	PROMPT_THEME,
	PROMPT_COPY
};

enum prompt_result {
	PR_CONTINUE,
	PR_ACCEPT,
	PR_CANCEL
};

struct prompt {
	enum prompt_kind	 kind;
	const char		*label;
	struct buf		 text;		/* what was typed, UTF-8 */
	struct choice		*choices;	/* owned; NULL for a search */
	size_t			 nchoices;
	size_t			*shown;		/* matching choices, best first */
	size_t			 nshown;
	size_t			 sel, top;
};

/* Takes ownership of choices. */
struct prompt		*prompt_open(enum prompt_kind, const char *label,
			    struct choice *, size_t);
void			 prompt_close(struct prompt *);
enum prompt_result	 prompt_key(struct prompt *, wint_t, int keycode);
/* The chosen entry, or NULL (nothing matches). */
const struct choice	*prompt_choice(const struct prompt *);
void			 prompt_draw(struct ui *);
int			 prompt_list_rows(const struct ui *);

#endif

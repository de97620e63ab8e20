/*
 * The prompts on the status line: a search or a command typed by hand,
 * with their history, or a filter whose choices (countries, themes, URLs
 * to copy) narrow as the user types and are listed with their article
 * counts above the prompt.  The command that opens a prompt says what
 * Enter and Tab do with it.
 */
#ifndef KB_PROMPT_H
#define KB_PROMPT_H

#include <stddef.h>

#include "buf.h"
#include "db-read.h"
#include "keyparse.h"

struct choice;
struct ui;

enum prompt_kind {
	PROMPT_SEARCH,
	PROMPT_COUNTRY,
	PROMPT_THEME,
	PROMPT_COPY,
	PROMPT_COMMAND,
	PROMPT_CHOOSE		/* choices without counts (mark-read) */
};

enum prompt_result {
	PR_CONTINUE,
	PR_ACCEPT,
	PR_CANCEL
};

struct prompt;
/* Enter: called with the prompt already off the screen (ui->prompt). */
typedef void	prompt_fn(struct ui *, struct prompt *);

struct prompt {
	enum prompt_kind	 kind;
	const char		*label;		/* before the text: "/: " */
	struct buf		 text;		/* what was typed, UTF-8 */
	struct choice		*choices;	/* owned; NULL for a search */
	size_t			 nchoices;
	size_t			*shown;		/* matching choices, best first */
	size_t			 nshown;
	size_t			 sel, top;
	prompt_fn		*accept;
	prompt_fn		*complete;	/* Tab; NULL: the choice's */
	int			 cycling;	/* 1 listed, 2 taking each */
	size_t			 word;		/* the completed word's start */

	struct dbr_count	 count;		/* of the choices, under filters */
	int			 counting;

	const char		*history_kind;	/* "search", "command", NULL */
	char			**history;	/* newest first */
	size_t			 nhistory;
	size_t			 hpos;		/* 0: the text being typed */
	char			*draft;		/* it, while ↑ shows others */
};

/* Takes ownership of choices. */
struct prompt		*prompt_open(enum prompt_kind, const char *label,
			    struct choice *, size_t, prompt_fn *accept);
void			 prompt_close(struct prompt *);
/* ↑ and ↓ recall what was typed before, kept in the state database. */
void			 prompt_history(struct prompt *, struct ui *,
			    const char *kind);
/*
 * The country or theme prompt counts its choices under the other active
 * filters, between keys (prompt_count_step, while prompt_counting), then
 * lists them by those counts.
 */
void			 prompt_count_under(struct prompt *, struct ui *);
int			 prompt_counting(const struct prompt *);
void			 prompt_count_step(struct ui *);
/* Enter: what was typed goes to the history. */
void			 prompt_remember(struct prompt *, struct ui *);
/* Sets the typed text (and narrows the choices). */
void			 prompt_set_text(struct prompt *, const char *);
/*
 * Candidates shown above the prompt for Tab (names only; taken over),
 * none when n is 0.
 */
void			 prompt_set_list(struct prompt *, char **, size_t);
enum prompt_result	 prompt_key(struct ui *, struct prompt *,
			    const struct key_event *);
/* The chosen entry, or NULL (nothing matches). */
const struct choice	*prompt_choice(const struct prompt *);
void			 prompt_draw(struct ui *);
int			 prompt_list_rows(const struct ui *);

#endif

/*
 * Keys are a table: each binding maps a key to an action, and the help
 * screen is generated from the same table.
 */
#ifndef KB_KEYS_H
#define KB_KEYS_H

#include <stddef.h>
#include <wchar.h>

enum action {
	ACT_NONE,
	ACT_DOWN, ACT_UP, ACT_OPEN, ACT_BACK, ACT_PGDN, ACT_PGUP, ACT_HALFDN, ACT_HALFUP,
	ACT_TOP, ACT_BOTTOM, ACT_PREV_ART, ACT_NEXT_ART, ACT_SWITCH,
	ACT_SEARCH, ACT_NEXT_MATCH, ACT_PREV_MATCH,
	ACT_COUNTRY, ACT_THEME, ACT_WIDEN, ACT_FLAGGED, ACT_CLEAR,
	ACT_FLAG, ACT_READ, ACT_COPY, ACT_SIDEBAR, ACT_REDRAW, ACT_HELP, ACT_QUIT
};

struct binding {
	wint_t		 key;
	int		 keycode;	/* key is a KEY_* code, not a character */
	enum action	 action;
	const char	*name;		/* as shown in help */
};

struct action_help {
	enum action	 action;
	const char	*text;
};

extern const struct binding key_bindings[];
extern const size_t key_nbindings;
extern const struct action_help key_help[];
extern const size_t key_nhelp;

enum action	key_action(wint_t key, int keycode);

#endif

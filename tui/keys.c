/* The default key bindings (see design.md) and their help texts. */
#include <curses.h>

#include "keys.h"

#define CTRL(c)	((c) & 0x1f)

const struct binding key_bindings[] = {
	{ 'j', 0, ACT_DOWN, "j" },
	{ KEY_DOWN, 1, ACT_DOWN, "↓" },
	{ 'k', 0, ACT_UP, "k" },
	{ KEY_UP, 1, ACT_UP, "↑" },
	{ '\n', 0, ACT_OPEN, "Enter" },
	{ '\r', 0, ACT_OPEN, NULL },
	{ KEY_ENTER, 1, ACT_OPEN, NULL },
	{ 'l', 0, ACT_OPEN, "l" },
	{ KEY_RIGHT, 1, ACT_OPEN, "→" },
	{ 'h', 0, ACT_BACK, "h" },
	{ KEY_LEFT, 1, ACT_BACK, "←" },
	{ ' ', 0, ACT_PGDN, "Space" },
	{ KEY_NPAGE, 1, ACT_PGDN, "PgDn" },
	{ 'b', 0, ACT_PGUP, "b" },
	{ KEY_PPAGE, 1, ACT_PGUP, "PgUp" },
	{ CTRL('d'), 0, ACT_HALFDN, "^D" },
	{ CTRL('u'), 0, ACT_HALFUP, "^U" },
	{ 'g', 0, ACT_TOP, "g" },
	{ KEY_HOME, 1, ACT_TOP, "Home" },
	{ 'G', 0, ACT_BOTTOM, "G" },
	{ KEY_END, 1, ACT_BOTTOM, "End" },
	{ '[', 0, ACT_PREV_ART, "[" },
	{ ']', 0, ACT_NEXT_ART, "]" },
	{ '\t', 0, ACT_SWITCH, "Tab" },
	{ '/', 0, ACT_SEARCH, "/" },
	{ 'n', 0, ACT_NEXT_MATCH, "n" },
	{ 'N', 0, ACT_PREV_MATCH, "N" },
	{ 'c', 0, ACT_COUNTRY, "c" },
	{ 't', 0, ACT_THEME, "t" },
	{ 'C', 0, ACT_WIDEN, "C" },
	{ 'F', 0, ACT_FLAGGED, "F" },
	{ 'x', 0, ACT_CLEAR, "x" },
	{ 'm', 0, ACT_FLAG, "m" },
	{ 'u', 0, ACT_READ, "u" },
	{ 'y', 0, ACT_COPY, "y" },
	{ 's', 0, ACT_SIDEBAR, "s" },
	{ CTRL('l'), 0, ACT_REDRAW, "^L" },
	{ '?', 0, ACT_HELP, "?" },
	{ 'q', 0, ACT_QUIT, "q" },
};
const size_t key_nbindings = sizeof(key_bindings) / sizeof(key_bindings[0]);

const struct action_help key_help[] = {
	{ ACT_DOWN, "move down (scroll in the article)" },
	{ ACT_UP, "move up" },
	{ ACT_OPEN, "open the article / expand" },
	{ ACT_BACK, "collapse / back to the sidebar" },
	{ ACT_PGDN, "page down" },
	{ ACT_PGUP, "page up" },
	{ ACT_HALFDN, "half a page down" },
	{ ACT_HALFUP, "half a page up" },
	{ ACT_TOP, "top" },
	{ ACT_BOTTOM, "bottom" },
	{ ACT_PREV_ART, "previous article" },
	{ ACT_NEXT_ART, "next article" },
	{ ACT_SWITCH, "switch sidebar / article pane" },
	{ ACT_SEARCH, "search the archive (within the filters)" },
	{ ACT_NEXT_MATCH, "next match" },
	{ ACT_PREV_MATCH, "previous match" },
	{ ACT_COUNTRY, "country filter (jp, japan, 日本 …)" },
	{ ACT_THEME, "theme filter" },
	{ ACT_WIDEN, "country filter: subjects only / any mention" },
	{ ACT_FLAGGED, "show flagged articles only" },
	{ ACT_CLEAR, "clear search and filters" },
	{ ACT_FLAG, "flag / unflag the article" },
	{ ACT_READ, "mark read / unread" },
	{ ACT_COPY, "copy a URL or the citation (OSC 52)" },
	{ ACT_SIDEBAR, "show / hide the sidebar" },
	{ ACT_REDRAW, "redraw the screen" },
	{ ACT_HELP, "this help" },
	{ ACT_QUIT, "quit" },
};
const size_t key_nhelp = sizeof(key_help) / sizeof(key_help[0]);

enum action
key_action(wint_t key, int keycode)
{
	size_t i;

	for (i = 0; i < key_nbindings; i++)
		if (key_bindings[i].key == key &&
		    key_bindings[i].keycode == keycode)
			return key_bindings[i].action;
	return ACT_NONE;
}

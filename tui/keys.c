/* Key codes and their names, both ways. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <curses.h>
#include <unistr.h>

#include "keys.h"

/* The first name of a key is the one it is written with. */
static const struct {
	const char	*name;
	key_code	 key;
	const char	*shown;		/* on the help screen, if not name */
} key_names[] = {
	{ "Up",		KEYC_UP,	"↑" },
	{ "Down",	KEYC_DOWN,	"↓" },
	{ "Left",	KEYC_LEFT,	"←" },
	{ "Right",	KEYC_RIGHT,	"→" },
	{ "Home",	KEYC_HOME,	NULL },
	{ "End",	KEYC_END,	NULL },
	{ "PgUp",	KEYC_PPAGE,	NULL },
	{ "PageUp",	KEYC_PPAGE,	NULL },
	{ "PPage",	KEYC_PPAGE,	NULL },
	{ "PgDn",	KEYC_NPAGE,	NULL },
	{ "PageDown",	KEYC_NPAGE,	NULL },
	{ "NPage",	KEYC_NPAGE,	NULL },
	{ "Insert",	KEYC_IC,	NULL },
	{ "IC",		KEYC_IC,	NULL },
	{ "Delete",	KEYC_DC,	NULL },
	{ "DC",		KEYC_DC,	NULL },
	{ "BTab",	KEYC_BTAB,	NULL },
	{ "Enter",	'\r',		NULL },
	{ "Tab",	'\t',		NULL },
	{ "Space",	' ',		NULL },
	{ "Escape",	KEY_ESCAPE,	NULL },
	{ "Esc",	KEY_ESCAPE,	NULL },
	{ "BSpace",	KEY_BSPACE,	NULL },
};
#define NNAMES	(sizeof(key_names) / sizeof(key_names[0]))

key_code
keys_modify(key_code k, key_code mods)
{
	key_code c = k & KEYC_MASK_KEY;

	mods |= k & KEYC_MASK_MOD;
	if (c < KEYC_BASE && (mods & KEYC_SHIFT)) {
		/* the character is already the shifted one, but a letter */
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		mods &= ~KEYC_SHIFT;
	}
	if (c < KEYC_BASE && (mods & KEYC_CTRL)) {
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 1;
		else if (c >= '@' && c <= '_')
			c -= '@';
		else if (c == ' ')
			c = 0;
		else if (c == '?')
			c = KEY_BSPACE;
		if (c < 0x20 || c == KEY_BSPACE)
			mods &= ~KEYC_CTRL;
	}
	return c | mods;
}

int
keys_valid(key_code k)
{
	key_code c = k & KEYC_MASK_KEY;

	if (c >= KEYC_BASE)
		return c < KEYC_LAST;
	/* C1 controls and surrogates are never typed */
	return !(c >= 0x80 && c < 0xa0) && !(c >= 0xd800 && c < 0xe000);
}

const char *
keys_name(key_code k, int how, char buf[KEY_NAMELEN])
{
	key_code c = k & KEYC_MASK_KEY;
	uint8_t u[8];
	size_t i;
	int n;

	buf[0] = '\0';
	if (k == KEYC_NONE || !keys_valid(k)) {
		snprintf(buf, KEY_NAMELEN, "None");
		return buf;
	}
	if (k & KEYC_CTRL)
		strcat(buf, "C-");
	if (k & KEYC_META)
		strcat(buf, "M-");
	if (k & KEYC_SHIFT)
		strcat(buf, "S-");
	for (i = 0; i < NNAMES; i++)
		if (key_names[i].key == c) {
			strcat(buf, how == KEY_NAME_SHOW && key_names[i].shown ?
			    key_names[i].shown : key_names[i].name);
			return buf;
		}
	n = (int)strlen(buf);
	if (c >= KEYC_F1 && c < KEYC_F1 + 12)
		snprintf(buf + n, KEY_NAMELEN - n, "F%u", c - KEYC_F1 + 1);
	else if (c < 0x20 || c == KEY_BSPACE) {
		/* C-d written, ^D shown */
		if (how == KEY_NAME_SHOW)
			snprintf(buf + n, KEY_NAMELEN - n, "^%c", c ^ 0x40);
		else if (c == 0)
			snprintf(buf + n, KEY_NAMELEN - n, "C-Space");
		else if (c >= 0x1b)
			snprintf(buf + n, KEY_NAMELEN - n, "C-%c", c ^ 0x40);
		else
			snprintf(buf + n, KEY_NAMELEN - n, "C-%c", c + 'a' - 1);
	} else if ((n = u8_uctomb(u, c, sizeof(u))) > 0) {
		i = strlen(buf);
		memcpy(buf + i, u, (size_t)n);
		buf[i + (size_t)n] = '\0';
	}
	return buf;
}

/* "F1" to "F12": the number, else 0. */
static int
fkey(const char *s)
{
	if ((s[0] != 'F' && s[0] != 'f') || s[1] < '1' || s[1] > '9')
		return 0;
	if (s[2] == '\0')
		return s[1] - '0';
	if (s[1] == '1' && s[2] >= '0' && s[2] <= '2' && s[3] == '\0')
		return 10 + s[2] - '0';
	return 0;
}

key_code
keys_parse(const char *s)
{
	key_code mods, k;
	ucs4_t uc;
	size_t i, len;
	int n, f;

	mods = 0;
	if (s[0] == '^' && s[1] != '\0') {
		mods |= KEYC_CTRL;
		s++;
	}
	while (s[0] != '\0' && s[1] == '-' && s[2] != '\0') {
		switch (s[0]) {
		case 'C': case 'c':
			mods |= KEYC_CTRL;
			break;
		case 'M': case 'm':
			mods |= KEYC_META;
			break;
		case 'S': case 's':
			mods |= KEYC_SHIFT;
			break;
		default:
			return KEYC_NONE;
		}
		s += 2;
	}
	len = strlen(s);
	k = KEYC_NONE;
	n = len > 0 ? u8_mbtoucr(&uc, (const uint8_t *)s, len) : -1;
	if (n > 0 && (size_t)n == len) {
		if (uc < 0x20 || uc == KEY_BSPACE)
			return KEYC_NONE;	/* named: Enter, C-d */
		k = uc;
	} else if ((f = fkey(s)) > 0)
		k = KEYC_F1 + (key_code)f - 1;
	else
		for (i = 0; i < NNAMES; i++)
			if (strcasecmp(s, key_names[i].name) == 0) {
				k = key_names[i].key;
				break;
			}
	if (k == KEYC_NONE || !keys_valid(k))
		return KEYC_NONE;
	/* ^d and C-d are the control character, as the terminal sends it */
	return keys_modify(k, mods);
}

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

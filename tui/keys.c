/* Key codes and their names, both ways. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

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

/*
 * The looks of the screen: a colour scheme (set colours dark, light or
 * mono) and, over it, what the configuration's style lines set for an
 * element (style url fg=blue,underline), made into curses attributes.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui.h"

/* By enum look, from LOOK_TITLE on. */
const char *const look_names[] = {
	"title", "meta", "heading", "match", "current-match", "rule", "url",
	"select", "status", "error", "count", "flag", NULL
};

struct scheme_look {
	short	 fg, bg;
	attr_t	 attr;		/* with the colours */
	attr_t	 mono;		/* without them */
};

/* The dark scheme, then what the light one changes: yellow and cyan are
 * hard to read on white. */
static const struct scheme_look dark[LOOK_NLOOKS] = {
	[LOOK_TITLE] =		{ COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[LOOK_META] =		{ COLOR_YELLOW, -1, 0, A_NORMAL },
	[LOOK_HEADING] =	{ COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[LOOK_MATCH] =		{ COLOR_BLACK, COLOR_YELLOW, 0, A_UNDERLINE },
	[LOOK_CURMATCH] =	{ COLOR_BLACK, COLOR_GREEN, 0, A_REVERSE },
	[LOOK_RULE] =		{ COLOR_BLUE, -1, 0, A_NORMAL },
	[LOOK_URL] =		{ COLOR_BLUE, -1, 0, A_UNDERLINE },
	[LOOK_SELECT] =		{ -1, -1, A_REVERSE, A_REVERSE },
	[LOOK_STATUS] =		{ -1, -1, A_REVERSE, A_REVERSE },
	[LOOK_ERROR] =		{ COLOR_WHITE, COLOR_RED, 0, A_REVERSE | A_BOLD },
	[LOOK_COUNT] =		{ -1, -1, 0, A_NORMAL },
	[LOOK_FLAG] =		{ COLOR_RED, -1, A_BOLD, A_BOLD },
};

static struct scheme_look
scheme_look(enum scheme s, int look)
{
	struct scheme_look l = dark[look];

	if (s == SCHEME_LIGHT) {
		if (look == LOOK_TITLE)
			l.fg = COLOR_BLUE;
		else if (look == LOOK_META)
			l.fg = COLOR_MAGENTA;
		else if (look == LOOK_HEADING)
			l.fg = COLOR_RED;
	}
	return l;
}

void
look_setup(struct ui *ui)
{
	static int started;
	struct scheme_look l;
	const struct style *st;
	int look, color;

	if (!started && has_colors()) {
		start_color();
		use_default_colors();
		started = 1;
	}
	color = started && ui->scheme != SCHEME_MONO;
	ui->color = color;
	for (look = LOOK_TITLE; look < LOOK_NLOOKS; look++) {
		l = scheme_look(ui->scheme, look);
		st = &ui->style[look];
		if (st->sets & STYLE_FG)
			l.fg = st->fg;
		if (st->sets & STYLE_BG)
			l.bg = st->bg;
		if (st->sets & STYLE_ATTR)
			l.attr = l.mono = st->attr;
		if (color && (l.fg != -1 || l.bg != -1)) {
			init_pair((short)look, l.fg, l.bg);
			ui->look[look] = COLOR_PAIR(look) | l.attr;
		} else
			ui->look[look] = l.mono;
	}
	ui->dirty |= DIRTY_ALL;
}

int
look_named(const char *name)
{
	int i;

	for (i = 0; look_names[i] != NULL; i++)
		if (strcmp(look_names[i], name) == 0)
			return LOOK_TITLE + i;
	return -1;
}

/* A colour's name or number: 0 with *c, or -1. */
static int
colour(const char *s, size_t len, short *c)
{
	static const char *const names[] = { "black", "red", "green",
	    "yellow", "blue", "magenta", "cyan", "white" };
	char *end;
	size_t i;
	long n;

	if (len == 7 && strncasecmp(s, "default", len) == 0) {
		*c = -1;
		return 0;
	}
	for (i = 0; i < 8; i++) {
		if (strlen(names[i]) == len && strncasecmp(s, names[i],
		    len) == 0) {
			*c = (short)i;
			return 0;
		}
		if (len == 6 + strlen(names[i]) &&
		    strncasecmp(s, "bright", 6) == 0 &&
		    strncasecmp(s + 6, names[i], len - 6) == 0) {
			*c = (short)(8 + i);
			return 0;
		}
	}
	if (len > 6 && strncasecmp(s, "colour", 6) == 0)
		s += 6, len -= 6;
	else if (len > 5 && strncasecmp(s, "color", 5) == 0)
		s += 5, len -= 5;
	if (len == 0 || len > 3 || s[0] < '0' || s[0] > '9')
		return -1;
	n = strtol(s, &end, 10);
	if ((size_t)(end - s) != len || n > 255)
		return -1;
	*c = (short)n;
	return 0;
}

int
look_parse(const char *spec, struct style *st, size_t *bad)
{
	static const struct {
		const char	*name;
		attr_t		 attr;
	} attrs[] = {
		{ "bold", A_BOLD }, { "dim", A_DIM },
		{ "underline", A_UNDERLINE }, { "reverse", A_REVERSE },
		{ "blink", A_BLINK }, { "standout", A_STANDOUT },
		{ "italic", A_ITALIC }, { "none", A_NORMAL },
	};
	const char *p, *w;
	size_t len, i;

	memset(st, 0, sizeof(*st));
	st->fg = st->bg = -1;
	for (p = spec; *p != '\0'; p += len) {
		p += strspn(p, ", ");
		if (*p == '\0')
			break;
		w = p;
		len = strcspn(p, ", ");
		*bad = (size_t)(w - spec);
		if (len > 3 && strncmp(w, "fg=", 3) == 0) {
			if (colour(w + 3, len - 3, &st->fg) == -1) {
				*bad += 3;
				return -1;
			}
			st->sets |= STYLE_FG;
			continue;
		}
		if (len > 3 && strncmp(w, "bg=", 3) == 0) {
			if (colour(w + 3, len - 3, &st->bg) == -1) {
				*bad += 3;
				return -1;
			}
			st->sets |= STYLE_BG;
			continue;
		}
		for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
			if (strlen(attrs[i].name) == len &&
			    strncmp(w, attrs[i].name, len) == 0)
				break;
		if (i == sizeof(attrs) / sizeof(attrs[0]))
			return -1;
		st->attr |= attrs[i].attr;
		st->sets |= STYLE_ATTR;
	}
	return 0;
}

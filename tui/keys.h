/*
 * Keys: the codes the input parser (input.c) produces and bindings
 * (bind.c) are keyed by, and their names both ways, as tmux's
 * key-string.c: "j", "C-d", "Enter", "PgDn", "F1", "M-Up" in commands;
 * "^D", "↓" on the help screen.  No curses here.
 */
#ifndef KB_KEYS_H
#define KB_KEYS_H

#include <stddef.h>
#include <stdint.h>

/*
 * A key is a Unicode character (the control characters as the terminal
 * sends them: C-d is 0x04, Enter 0x0d, Escape 0x1b) or one of the keys
 * from KEYC_BASE on, with modifier bits.  CTRL is set only where no
 * control character says it (C-Up, C-1).
 */
typedef uint32_t key_code;

#define KEYC_NONE	0x00ffffffu	/* no key (a name that is none) */
#define KEYC_BASE	0x00110000u	/* past the last Unicode character */
#define KEYC_SHIFT	0x01000000u
#define KEYC_META	0x02000000u	/* Alt, or ESC before the key */
#define KEYC_CTRL	0x04000000u
#define KEYC_MASK_MOD	0x07000000u
#define KEYC_MASK_KEY	0x00ffffffu

enum {
	KEYC_UP = KEYC_BASE,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_IC,
	KEYC_DC,
	KEYC_BTAB,
	KEYC_F1,		/* … KEYC_F1 + 11: F12 */
	KEYC_LAST = KEYC_F1 + 12
};

#define KEY_ESCAPE	0x1b
#define KEY_BSPACE	0x7f
#define KEY_CTRL(c)	((c) & 0x1f)

#define KEY_NAMELEN	32	/* room for any name, NUL included */

/*
 * The key with the modifier bits of an xterm or kitty report applied:
 * C- on a character becomes its control character where there is one,
 * S- on a letter its capital.
 */
key_code	keys_modify(key_code, key_code mods);
/* Whether k is a key a binding can name (a character, or a known key). */
int		keys_valid(key_code);
/*
 * The name of k in buf: KEY_NAME_BIND as commands write it ("C-d",
 * "Down"), KEY_NAME_SHOW as the help screen shows it ("^D", "↓").
 */
#define KEY_NAME_BIND	0
#define KEY_NAME_SHOW	1
const char	*keys_name(key_code, int how, char buf[KEY_NAMELEN]);
/* The key a name stands for ("C-d", "^D", "PgDn", "日"), or KEYC_NONE. */
key_code	 keys_parse(const char *);

#endif

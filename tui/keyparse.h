/*
 * The terminal's input stream parsed: bytes in, key events out.  UTF-8
 * is decoded into characters; escape sequences are parsed whole (CSI,
 * SS3, and OSC, DCS, APC, PM and SOS strings) and read by their meaning,
 * whatever terminfo says: the xterm, rxvt, linux, screen and tmux forms
 * of the arrows, Home, End, PgUp, PgDn, Insert, Delete and F1-F12 with
 * modifiers, xterm's modifyOtherKeys and kitty's CSI u.  Any other
 * complete sequence (focus reports, mouse reports, replies) is swallowed,
 * and an incomplete one is never a key: only a lone ESC, when nothing
 * follows it in time, is the Escape key.  A bracketed paste comes out as
 * characters marked as pasted.
 *
 * A pure state machine: no curses, no clock, no reads.  The caller feeds
 * each byte, and when keyparse_delay() milliseconds pass after the last one
 * with no more, calls keyparse_timeout().
 */
#ifndef KB_KEYPARSE_H
#define KB_KEYPARSE_H

#include "keys.h"

struct keyparse;

struct key_event {
	key_code	 key;
	int		 paste;		/* a character of a bracketed paste */
};

#define KEYPARSE_MAXEV	8	/* events one byte or a timeout can make */
#define KEYPARSE_ESC_MS	100	/* after a lone ESC: Escape, or a sequence? */
#define KEYPARSE_SEQ_MS	500	/* inside a sequence or a character */
#define KEYPARSE_PASTE_MS 2000	/* a paste whose end never comes ends */

struct keyparse	*keyparse_create(void);
void		 keyparse_free(struct keyparse *);
/* Feeds one byte; the events it completes, in order, go to ev[]. */
int		 keyparse_feed(struct keyparse *, unsigned char,
		    struct key_event ev[KEYPARSE_MAXEV]);
/* Milliseconds to wait for the next byte; 0: nothing is pending. */
int		 keyparse_delay(const struct keyparse *);
/* The wait ran out: a lone ESC is Escape, anything else pending dropped. */
int		 keyparse_timeout(struct keyparse *,
		    struct key_event ev[KEYPARSE_MAXEV]);

#endif

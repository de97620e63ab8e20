/*
 * The input parser (see keyparse.h): a state machine over the bytes as
 * ECMA-48 frames them, and the sequences read by their meaning.
 */
#include <stdlib.h>
#include <string.h>

#include "keyparse.h"
#include "xmalloc.h"

enum istate {
	I_GROUND,	/* characters; kp->need > 0 inside a UTF-8 one */
	I_ESC,		/* after ESC */
	I_CSI,		/* ESC [, its parameters and intermediates */
	I_LINUX,	/* ESC [ [: the linux console's F1-F5 */
	I_SS3,		/* ESC O */
	I_STRING,	/* ESC ] P _ ^ X: a string, to BEL or ST */
	I_STRING_ESC,	/* ESC in a string: ST, or a new sequence */
	I_MOUSE,	/* the three bytes of an X10 mouse report */
	I_PASTE		/* between ESC [ 200 ~ and ESC [ 201 ~ */
};

#define SEQ_MAX		32	/* parameter bytes kept; more: swallowed */
#define NPARAMS		4
#define PARAM_MAX	0x10ffff

struct keyparse {
	enum istate		 state;
	int			 meta;	/* ESC before the sequence: Alt */
	unsigned char		 seq[SEQ_MAX];
	size_t			 len;
	int			 bad;	/* overlong or malformed: swallowed */
	uint32_t		 cp;	/* the UTF-8 character being read */
	uint32_t		 min;	/* below this it was overlong */
	int			 need;	/* its bytes still to come */
	int			 mouse;	/* mouse report bytes still to come */
	size_t			 pmatch; /* bytes of the paste's end seen */
	struct key_event	*ev;	/* where this call's events go */
	int			 nev;
};

static const char paste_end[] = "\033[201~";

struct keyparse *
keyparse_create(void)
{
	return xcalloc(1, sizeof(struct keyparse));
}

void
keyparse_free(struct keyparse *kp)
{
	free(kp);
}

static void
emit(struct keyparse *kp, key_code k, int paste)
{
	if (kp->nev < KEYPARSE_MAXEV) {
		kp->ev[kp->nev].key = k;
		kp->ev[kp->nev].paste = paste;
		kp->nev++;
	}
}

/* A key from a sequence, with the modifiers it said and an ESC before. */
static void
emit_key(struct keyparse *kp, key_code k, key_code mods)
{
	if (kp->meta)
		mods |= KEYC_META;
	kp->meta = 0;
	k = keys_modify(k, mods);
	if (keys_valid(k))
		emit(kp, k, 0);
}

/* Starts a UTF-8 character at its first byte; 0 if c cannot start one. */
static int
utf8_start(struct keyparse *kp, unsigned char c)
{
	if (c >= 0xc2 && c <= 0xdf) {
		kp->cp = c & 0x1f;
		kp->need = 1;
		kp->min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		kp->cp = c & 0x0f;
		kp->need = 2;
		kp->min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		kp->cp = c & 0x07;
		kp->need = 3;
		kp->min = 0x10000;
	} else
		return 0;
	return 1;
}

/*
 * The next byte of the character: 1 when it is complete (kp->cp, or 0
 * when it was not a character: overlong, a surrogate, out of range, a
 * C1 control), 0 when more must come, -1 when c cannot continue it
 * (what was read of it is dropped).
 */
static int
utf8_more(struct keyparse *kp, unsigned char c)
{
	if ((c & 0xc0) != 0x80) {
		kp->need = 0;
		return -1;
	}
	kp->cp = kp->cp << 6 | (c & 0x3f);
	if (--kp->need > 0)
		return 0;
	if (kp->cp < kp->min || kp->cp > 0x10ffff || (kp->cp >= 0xd800 &&
	    kp->cp < 0xe000) || kp->cp < 0xa0)
		kp->cp = 0;
	return 1;
}

/* A character of a paste: pasted text is never a key. */
static void
paste_char(struct keyparse *kp, unsigned char c)
{
	if (kp->need > 0) {
		switch (utf8_more(kp, c)) {
		case 0:
			return;
		case 1:
			if (kp->cp != 0)
				emit(kp, kp->cp, 1);
			return;
		}
	}
	if (c < 0x80)
		emit(kp, c, 1);
	else
		utf8_start(kp, c);
}

/* A byte of a paste: text, until ESC [ 201 ~. */
static void
paste_byte(struct keyparse *kp, unsigned char c)
{
	size_t i;

	if ((unsigned char)paste_end[kp->pmatch] == c) {
		if (++kp->pmatch == sizeof(paste_end) - 1) {
			kp->state = I_GROUND;
			kp->pmatch = 0;
			kp->need = 0;
		}
		return;
	}
	/* not the end after all: what looked like it was text */
	for (i = 0; i < kp->pmatch; i++)
		paste_char(kp, (unsigned char)paste_end[i]);
	kp->pmatch = 0;
	if (c == KEY_ESCAPE)
		kp->pmatch = 1;
	else
		paste_char(kp, c);
}

/*
 * The parameters of a CSI or SS3, "1;5" or kitty's "97;5:1": at most
 * NPARAMS, each with at most two ':' parts (-1: absent).  The number of
 * parameters, or -1 if there are bytes other than digits, ';' and ':'.
 */
static int
params(const struct keyparse *kp, int v[NPARAMS][2])
{
	size_t i;
	int n, sub, d;

	memset(v, 0xff, sizeof(int) * NPARAMS * 2);
	if (kp->len == 0)
		return 0;
	n = 0;
	sub = 0;
	for (i = 0; i < kp->len; i++) {
		d = kp->seq[i];
		if (d == ';') {
			if (++n == NPARAMS)
				return -1;
			sub = 0;
		} else if (d == ':') {
			if (++sub == 2)
				return -1;
		} else if (d >= '0' && d <= '9') {
			if (v[n][sub] == -1)
				v[n][sub] = 0;
			v[n][sub] = v[n][sub] * 10 + d - '0';
			if (v[n][sub] > PARAM_MAX)
				return -1;
		} else
			return -1;
	}
	return n + 1;
}

/* xterm's modifier parameter (1 + shift 1, alt 2, ctrl 4, meta 8). */
static int
xterm_mods(int m, key_code *mods)
{
	if (m == -1)
		m = 1;
	if (m < 1 || m > 16)
		return 0;
	m--;
	*mods = ((m & 1) ? KEYC_SHIFT : 0) | ((m & 10) ? KEYC_META : 0) |
	    ((m & 4) ? KEYC_CTRL : 0);
	return 1;
}

/* The keys of ESC [ n ~ (and rxvt's ESC [ n ^, @ and $). */
static key_code
tilde_key(int n)
{
	switch (n) {
	case 1: case 7:
		return KEYC_HOME;
	case 2:
		return KEYC_IC;
	case 3:
		return KEYC_DC;
	case 4: case 8:
		return KEYC_END;
	case 5:
		return KEYC_PPAGE;
	case 6:
		return KEYC_NPAGE;
	case 11: case 12: case 13: case 14: case 15:
		return KEYC_F1 + (key_code)(n - 11);
	case 17: case 18: case 19: case 20: case 21:
		return KEYC_F1 + 5 + (key_code)(n - 17);
	case 23: case 24:
		return KEYC_F1 + 10 + (key_code)(n - 23);
	}
	return KEYC_NONE;
}

/* The keys of ESC [ X and ESC O X. */
static key_code
letter_key(unsigned char f)
{
	static const char letters[] = "ABCDHFPQRS";
	static const key_code keys[] = { KEYC_UP, KEYC_DOWN, KEYC_RIGHT,
	    KEYC_LEFT, KEYC_HOME, KEYC_END, KEYC_F1, KEYC_F1 + 1, KEYC_F1 + 2,
	    KEYC_F1 + 3 };
	const char *p;

	if (f == '\0' || (p = strchr(letters, f)) == NULL)
		return KEYC_NONE;
	return keys[p - letters];
}

/* kitty's CSI u: code ; modifiers[:event] u. */
static void
csi_u(struct keyparse *kp, int np, int v[NPARAMS][2])
{
	int code = v[0][0], m = v[1][0];
	key_code mods;

	if (np < 1 || code < 0 || v[0][1] != -1 || v[1][1] == 3)
		return;		/* a release: not a key press */
	if (m == -1)
		m = 1;
	if (m < 1 || m > 256)
		return;
	m--;
	if (m & (8 | 16))
		return;		/* super, hyper: not for us */
	mods = ((m & 1) ? KEYC_SHIFT : 0) | ((m & (2 | 32)) ? KEYC_META : 0) |
	    ((m & 4) ? KEYC_CTRL : 0);
	/* kitty's own keys (keypad, media, modifiers alone) */
	if ((code >= 0xe000 && code <= 0xf8ff) || code > 0x10ffff)
		return;
	emit_key(kp, (key_code)code, mods);
}

/* A complete CSI sequence: its key, or nothing. */
static void
csi(struct keyparse *kp, unsigned char f)
{
	int v[NPARAMS][2], np;
	key_code k, mods;

	if (kp->bad)
		return;
	if (f == 'M' && kp->len == 0) {
		kp->state = I_MOUSE;	/* X10 mouse: three bytes follow */
		kp->mouse = 3;
		return;
	}
	/* private (< = > ?) replies and mouse reports, intermediates */
	if ((np = params(kp, v)) == -1)
		return;
	k = KEYC_NONE;
	mods = 0;
	switch (f) {
	case '~':
		if (np == 1 && v[0][0] == 200) {
			kp->state = I_PASTE;
			kp->pmatch = 0;
			kp->need = 0;
			return;
		}
		if (np == 3 && v[0][0] == 27) {
			/* xterm's modifyOtherKeys: 27 ; modifiers ; char */
			if (v[2][0] >= 0 && v[2][0] <= 0x10ffff &&
			    xterm_mods(v[1][0], &mods))
				emit_key(kp, (key_code)v[2][0], mods);
			return;
		}
		if (np <= 2 && xterm_mods(v[1][0], &mods))
			k = tilde_key(v[0][0]);
		break;
	case '^': case '@': case '$':
		/* rxvt: ^ control, @ control and shift, $ shift */
		if (np == 1) {
			k = tilde_key(v[0][0]);
			mods = f == '$' ? KEYC_SHIFT : f == '^' ? KEYC_CTRL :
			    KEYC_CTRL | KEYC_SHIFT;
		}
		break;
	case 'Z':
		if (np == 0)
			k = KEYC_BTAB;
		break;
	case 'u':
		csi_u(kp, np, v);
		return;
	case 'a': case 'b': case 'c': case 'd':
		/* rxvt's shifted arrows */
		if (np == 0) {
			k = letter_key(f - 'a' + 'A');
			mods = KEYC_SHIFT;
		}
		break;
	default:
		if (np <= 2 && v[0][0] <= 1 && v[0][1] == -1 &&
		    xterm_mods(v[1][0], &mods))
			k = letter_key(f);
		break;
	}
	if (k != KEYC_NONE)
		emit_key(kp, k, mods);
}

/* A complete SS3 sequence: ESC O X, ESC O m X or ESC O 1 ; m X. */
static void
ss3(struct keyparse *kp, unsigned char f)
{
	int v[NPARAMS][2], np;
	key_code k, mods;

	if (kp->bad || (np = params(kp, v)) == -1 || np > 2)
		return;
	mods = 0;
	if (np == 1 && !xterm_mods(v[0][0], &mods))
		return;
	if (np == 2 && (v[0][0] != 1 || !xterm_mods(v[1][0], &mods)))
		return;
	if (f == 'M')
		k = '\r';	/* the keypad's Enter */
	else if (f >= 'a' && f <= 'd' && np == 0) {
		k = letter_key(f - 'a' + 'A');	/* rxvt's C-arrows */
		mods = KEYC_CTRL;
	} else
		k = letter_key(f);
	if (k != KEYC_NONE)
		emit_key(kp, k, mods);
}

/* A byte the sequence cannot hold ends it, unread; 0: c is read anew. */
static int
abort_seq(struct keyparse *kp, unsigned char c)
{
	kp->state = I_GROUND;
	kp->meta = 0;
	return c == 0x18 || c == 0x1a;		/* CAN and SUB cancel */
}

static void
seq_add(struct keyparse *kp, unsigned char c)
{
	if (kp->len < SEQ_MAX)
		kp->seq[kp->len++] = c;
	else
		kp->bad = 1;
}

/* Whether $ ends the CSI: rxvt's ESC [ n $ (one number, nothing else). */
static int
rxvt_dollar(const struct keyparse *kp)
{
	size_t i;

	for (i = 0; i < kp->len; i++)
		if (kp->seq[i] < '0' || kp->seq[i] > '9')
			return 0;
	return kp->len > 0;
}

/* ESC [ [ X: the linux console's F1 to F5 (A to E). */
static void
linux_fkey(struct keyparse *kp, unsigned char f)
{
	if (f >= 'A' && f <= 'E')
		emit_key(kp, KEYC_F1 + (f - 'A'), 0);
}

/* The final byte of a sequence: what it means, then characters again. */
static void
final(struct keyparse *kp, void (*fn)(struct keyparse *, unsigned char),
    unsigned char f)
{
	kp->state = I_GROUND;
	fn(kp, f);
	kp->meta = 0;
}

/* One byte in the current state; 0 when it must be read again. */
static int
step(struct keyparse *kp, unsigned char c)
{
	switch (kp->state) {
	case I_GROUND:
		if (kp->need > 0) {
			switch (utf8_more(kp, c)) {
			case 0:
				return 1;
			case 1:
				if (kp->cp != 0)
					emit(kp, kp->cp, 0);
				return 1;
			}
			return 0;
		}
		if (c == KEY_ESCAPE) {
			kp->state = I_ESC;
			kp->meta = 0;
		} else if (c < 0x80)
			emit(kp, c, 0);
		else
			utf8_start(kp, c);	/* or a stray byte, dropped */
		return 1;
	case I_ESC:
		kp->len = 0;
		kp->bad = 0;
		switch (c) {
		case '[':
			kp->state = I_CSI;
			return 1;
		case 'O':
			kp->state = I_SS3;
			return 1;
		case ']': case 'P': case '_': case '^': case 'X':
			kp->state = I_STRING;
			kp->meta = 0;
			return 1;
		case KEY_ESCAPE:
			/* ESC ESC: the second starts a sequence with Alt */
			if (kp->meta)
				emit(kp, KEY_ESCAPE, 0);
			kp->meta = 1;
			return 1;
		}
		/*
		 * A byte that starts no sequence: ESC was Escape, and the
		 * byte is itself (not Alt and the byte: Esc then q, typed
		 * quickly, cancels a prompt and quits, as it always did).
		 */
		emit(kp, KEY_ESCAPE, 0);
		if (kp->meta)
			emit(kp, KEY_ESCAPE, 0);
		kp->state = I_GROUND;
		kp->meta = 0;
		return 0;
	case I_CSI:
		if (c == '[' && kp->len == 0) {
			kp->state = I_LINUX;
			return 1;
		}
		if ((c >= 0x40 && c <= 0x7e) || (c == '$' && rxvt_dollar(kp))) {
			final(kp, csi, c);
			return 1;
		}
		if (c >= 0x20 && c <= 0x3f) {
			/* a parameter after an intermediate is malformed */
			if (c >= 0x30 && kp->len > 0 &&
			    kp->seq[kp->len - 1] < 0x30)
				kp->bad = 1;
			seq_add(kp, c);
			return 1;
		}
		return abort_seq(kp, c);
	case I_LINUX:
	case I_SS3:
		if (kp->state == I_SS3 && c >= 0x30 && c <= 0x3f) {
			seq_add(kp, c);
			return 1;
		}
		if (c >= 0x40 && c <= 0x7e) {
			final(kp, kp->state == I_SS3 ? ss3 : linux_fkey, c);
			return 1;
		}
		return abort_seq(kp, c);
	case I_STRING:
		if (c == 0x07 || c == 0x18 || c == 0x1a)
			kp->state = I_GROUND;
		else if (c == KEY_ESCAPE)
			kp->state = I_STRING_ESC;
		return 1;
	case I_STRING_ESC:
		if (c == '\\') {
			kp->state = I_GROUND;
			return 1;
		}
		/* the string is cut short: the ESC starts what follows */
		kp->state = I_ESC;
		kp->meta = 0;
		return 0;
	case I_MOUSE:
		if (--kp->mouse == 0)
			kp->state = I_GROUND;
		return 1;
	case I_PASTE:
		paste_byte(kp, c);
		return 1;
	}
	return 1;
}

int
keyparse_feed(struct keyparse *kp, unsigned char c,
    struct key_event ev[KEYPARSE_MAXEV])
{
	kp->ev = ev;
	kp->nev = 0;
	while (!step(kp, c))
		;
	return kp->nev;
}

int
keyparse_delay(const struct keyparse *kp)
{
	switch (kp->state) {
	case I_GROUND:
		return kp->need > 0 ? KEYPARSE_SEQ_MS : 0;
	case I_ESC:
		return KEYPARSE_ESC_MS;
	case I_PASTE:
		return KEYPARSE_PASTE_MS;
	default:
		return KEYPARSE_SEQ_MS;
	}
}

int
keyparse_timeout(struct keyparse *kp, struct key_event ev[KEYPARSE_MAXEV])
{
	size_t i;

	kp->ev = ev;
	kp->nev = 0;
	if (kp->state == I_ESC) {
		emit(kp, KEY_ESCAPE, 0);
		if (kp->meta)
			emit(kp, KEY_ESCAPE, 0);
	} else if (kp->state == I_PASTE) {
		/* the end never came: what was held back is text */
		for (i = 0; i < kp->pmatch; i++)
			paste_char(kp, (unsigned char)paste_end[i]);
	}
	kp->state = I_GROUND;
	kp->meta = 0;
	kp->need = 0;
	kp->pmatch = 0;
	return kp->nev;
}

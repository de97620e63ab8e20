/*
 * libFuzzer target: the reader's input parser (tui/keyparse.c), which
 * reads what the terminal sends.  The first byte picks what the rest is:
 *
 *   0  bytes as they come: every event is a key a binding can name; a
 *      timeout leaves nothing pending, and the key after it is itself;
 *   1  the stuff of a complete sequence that is no key, made from the
 *      bytes (a CSI with a private marker or an intermediate, a CSI or
 *      SS3 whose final is no key's, an OSC, DCS, APC, PM or SOS string,
 *      an X10 mouse report): no event at all, not even from a part of
 *      it, nothing pending after it, and the key after it is itself;
 *   2  the text of a bracketed paste: every event is pasted, at most one
 *      a byte, and after the paste keys are keys again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keyparse.h"
#include "keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define SEQ_MAX	4096

static void
fail(const char *what, size_t at)
{
	fprintf(stdout, "fuzz-input-keys: %s (byte %zu)\n", what, at);
	fflush(stdout);
	abort();
}

/* Feeds s; the number of events, each checked, pasted or not. */
static size_t
feed(struct keyparse *kp, const uint8_t *s, size_t len, int pasted,
    int none)
{
	struct key_event ev[KEYPARSE_MAXEV];
	size_t i, n;
	int k, nev;

	for (i = n = 0; i < len; i++) {
		nev = keyparse_feed(kp, s[i], ev);
		if (nev < 0 || nev > KEYPARSE_MAXEV)
			fail("too many events for a byte", i);
		if (none && nev > 0)
			fail("a key from a sequence that is none", i);
		for (k = 0; k < nev; k++) {
			if (!keys_valid(ev[k].key))
				fail("an event that is no key", i);
			if (pasted >= 0 && ev[k].paste != pasted)
				fail(pasted ? "pasted text came out as a key" :
				    "a key came out as pasted", i);
		}
		n += (size_t)nev;
	}
	return n;
}

/* After what went before, nothing pending and a key is that key. */
static void
check_ground(struct keyparse *kp, const char *what)
{
	struct key_event ev[KEYPARSE_MAXEV];

	if (keyparse_delay(kp) != 0)
		fail(what, 0);
	if (keyparse_feed(kp, 'a', ev) != 1 || ev[0].key != 'a' ||
	    ev[0].paste)
		fail("the key after it was not itself", 0);
}

static uint8_t
pick(const uint8_t **d, size_t *n, uint8_t lo, uint8_t hi)
{
	uint8_t b = 0;

	if (*n > 0) {
		b = **d;
		(*d)++;
		(*n)--;
	}
	return (uint8_t)(lo + b % (hi - lo + 1));
}

/* A final byte that ends no key's CSI (nor SS3 with ss3 set). */
static uint8_t
no_key_final(uint8_t b, int ss3)
{
	static const char csi[] =
	    "EGIJKLNOTUVWXY]_`efghijklmnopqrstvwxyz{|}";
	static const char ss3s[] =
	    "EGIJKLNOTUVWXYZ[]^_`efghijklmnopqrstuvwxyz{|}~";

	return ss3 ? (uint8_t)ss3s[b % (sizeof(ss3s) - 1)] :
	    (uint8_t)csi[b % (sizeof(csi) - 1)];
}

/* Mode 1: a sequence that is no key, built from the data. */
static size_t
no_key(const uint8_t *d, size_t n, uint8_t *s)
{
	size_t len = 0, i, k;
	uint8_t form = pick(&d, &n, 0, 5), c;

	s[len++] = 0x1b;
	switch (form) {
	case 0:		/* CSI < = > ? … */
	case 1:		/* CSI … intermediate … final */
		s[len++] = '[';
		if (form == 0)
			s[len++] = pick(&d, &n, '<', '?');
		k = pick(&d, &n, 0, 40);
		for (i = 0; i < k; i++)
			s[len++] = pick(&d, &n, '0', ';');
		k = pick(&d, &n, form == 1, 4);
		for (i = 0; i < k; i++) {
			/* $ after digits alone is rxvt's shifted key */
			while ((c = pick(&d, &n, 0x20, 0x2f)) == '$')
				;
			s[len++] = c;
		}
		s[len++] = pick(&d, &n, 0x40, 0x7e);
		break;
	case 2:		/* CSI or SS3 with a final no key has */
	case 3:
		s[len++] = form == 2 ? '[' : 'O';
		k = pick(&d, &n, 0, form == 2 ? 40 : 6);
		for (i = 0; i < k; i++)
			s[len++] = pick(&d, &n, '0', ';');
		s[len++] = no_key_final(pick(&d, &n, 0, 255), form == 3);
		break;
	case 4:		/* a string: OSC, DCS, APC, PM, SOS */
		s[len++] = "]P_^X"[pick(&d, &n, 0, 4)];
		while (n > 0 && len < SEQ_MAX - 2) {
			c = pick(&d, &n, 0, 255);
			if (c != 0x07 && c != 0x18 && c != 0x1a && c != 0x1b)
				s[len++] = c;
		}
		if (len % 2)
			s[len++] = 0x07;
		else {
			s[len++] = 0x1b;
			s[len++] = '\\';
		}
		break;
	default:	/* X10 mouse: CSI M and three bytes */
		s[len++] = '[';
		s[len++] = 'M';
		for (i = 0; i < 3; i++)
			s[len++] = pick(&d, &n, 0, 255);
		break;
	}
	return len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t s[SEQ_MAX + 16];
	static const uint8_t down[] = "\033[B";
	struct key_event ev[KEYPARSE_MAXEV];
	struct keyparse *kp;
	size_t len, i, n;

	if (size < 1)
		return 0;
	kp = keyparse_create();
	switch (data[0] % 3) {
	case 0:
		feed(kp, data + 1, size - 1, -1, 0);
		keyparse_timeout(kp, ev);
		check_ground(kp, "pending after a timeout");
		break;
	case 1:
		len = no_key(data + 1, size - 1, s);
		feed(kp, s, len, -1, 1);
		check_ground(kp, "pending after a sequence that is none");
		break;
	case 2:
		memcpy(s, "\033[200~", 6);
		len = 6;
		for (i = 1; i < size && len < SEQ_MAX; i++) {
			/* the text holds no end of the paste */
			s[len] = data[i];
			if (len >= 11 &&
			    memcmp(s + len - 5, "\033[201~", 6) == 0)
				s[len] = '-';
			len++;
		}
		n = feed(kp, s, 6, 0, 1);
		n += feed(kp, s + 6, len - 6, 1, 0);
		if (n > len - 6)
			fail("more characters than bytes pasted", len);
		memcpy(s, "\033[201~", 6);
		feed(kp, s, 6, 1, 0);	/* what was held back, then the end */
		if (feed(kp, down, 3, 0, 0) != 1)
			fail("after the paste, Down is not one key", 0);
		check_ground(kp, "pending after a paste");
		break;
	}
	keyparse_free(kp);
	return 0;
}

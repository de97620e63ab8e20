/*
 * The input parser (tui/input.c) and key names (tui/keys.c): every
 * sequence form a terminal sends for the keys we know, split at every
 * byte boundary (an incomplete sequence is never a key, and a timeout
 * inside one drops it); what must be swallowed (focus, mouse, replies,
 * strings, unknown CSI and SS3); pastes, with ESC inside and split;
 * UTF-8 split across reads and broken; a lone ESC; random bytes.
 * The expected keys come from the terminals' documentation (xterm's
 * ctlseqs, rxvt(7), console_codes(4), kitty's keyboard protocol).
 */
#include "tap.h"

#include "keyparse.h"
#include "keys.h"

#define MAXEV	8192

struct got {
	struct key_event	 ev[MAXEV];
	int			 n;
};

static void
add(struct got *g, const struct key_event *ev, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		assert_true(g->n < MAXEV);
		g->ev[g->n++] = ev[i];
	}
}

static void
feed(struct keyparse *in, const char *s, size_t len, struct got *g)
{
	struct key_event ev[KEYPARSE_MAXEV];
	size_t i;

	for (i = 0; i < len; i++)
		add(g, ev, keyparse_feed(in, (unsigned char)s[i], ev));
}

static void
timeout(struct keyparse *in, struct got *g)
{
	struct key_event ev[KEYPARSE_MAXEV];

	add(g, ev, keyparse_timeout(in, ev));
}

/* The events of s fed whole, then a timeout if anything is pending. */
static void
parse(const char *s, size_t len, struct got *g)
{
	struct keyparse *in = keyparse_create();

	g->n = 0;
	feed(in, s, len, g);
	if (keyparse_delay(in) > 0)
		timeout(in, g);
	assert_int_equal(keyparse_delay(in), 0);
	keyparse_free(in);
}

#define PARSE(s, g)	parse((s), sizeof(s) - 1, (g))

static const char *
name(key_code k)
{
	static char buf[KEY_NAMELEN];

	return keys_name(k, KEY_NAME_BIND, buf);
}

/*
 * s is exactly the key k: whole, and split at every byte boundary (the
 * first part alone makes no event and leaves the parser waiting), and a
 * timeout after any proper prefix makes no key (but after a lone ESC).
 */
static void
one_key(const char *s, key_code k)
{
	struct keyparse *in;
	struct got g;
	size_t len = strlen(s), cut;

	for (cut = 1; cut <= len; cut++) {
		in = keyparse_create();
		g.n = 0;
		feed(in, s, cut, &g);
		if (cut < len) {
			if (g.n != 0)
				fail_msg("%s: a key after %zu of %zu bytes",
				    name(k), cut, len);
			assert_true(keyparse_delay(in) > 0);
			feed(in, s + cut, len - cut, &g);
		}
		assert_int_equal(keyparse_delay(in), 0);
		if (g.n != 1 || g.ev[0].key != k || g.ev[0].paste)
			fail_msg("%s: %d events, the first %s (cut at %zu)",
			    name(k), g.n, g.n ? name(g.ev[0].key) : "-", cut);
		keyparse_free(in);
	}
	/* the wait running out inside the sequence: no key at all */
	for (cut = 1; cut < len; cut++) {
		in = keyparse_create();
		g.n = 0;
		feed(in, s, cut, &g);
		timeout(in, &g);
		if (strspn(s, "\033") >= cut) {
			/* only ESCs so far: each was Escape */
			assert_int_equal(g.n, (int)cut);
			assert_int_equal(g.ev[0].key, KEY_ESCAPE);
		} else if (g.n != 0)
			fail_msg("%s: a key from %zu bytes and a timeout",
			    name(k), cut);
		/* and the parser is itself again */
		g.n = 0;
		feed(in, "a", 1, &g);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.ev[0].key, 'a');
		keyparse_free(in);
	}
}

/*
 * s makes no event at all, whole or split; when it is complete it leaves
 * nothing pending, else the wait running out drops it.
 */
static void
nothing(const char *s, size_t len, int complete)
{
	struct keyparse *in;
	struct got g;
	size_t cut;

	for (cut = 1; cut <= len; cut++) {
		in = keyparse_create();
		g.n = 0;
		feed(in, s, cut, &g);
		if (g.n != 0)
			fail_msg("%zu bytes of a sequence to swallow made %s",
			    cut, name(g.ev[0].key));
		feed(in, s + cut, len - cut, &g);
		if (!complete) {
			assert_true(keyparse_delay(in) > 0);
			timeout(in, &g);
		}
		assert_int_equal(g.n, 0);
		assert_int_equal(keyparse_delay(in), 0);
		/* and a key after it is that key */
		feed(in, "j", 1, &g);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.ev[0].key, 'j');
		keyparse_free(in);
	}
}
#define NOTHING(s)	nothing((s), sizeof(s) - 1, 1)
#define CUT_SHORT(s)	nothing((s), sizeof(s) - 1, 0)

static void
test_arrows(void **state)
{
	(void)state;
	/* normal and application cursor mode, every terminal */
	one_key("\033[A", KEYC_UP);
	one_key("\033[B", KEYC_DOWN);
	one_key("\033[C", KEYC_RIGHT);
	one_key("\033[D", KEYC_LEFT);
	one_key("\033OA", KEYC_UP);
	one_key("\033OB", KEYC_DOWN);
	one_key("\033OC", KEYC_RIGHT);
	one_key("\033OD", KEYC_LEFT);
	/* xterm modifiers: 2 shift, 3 alt, 5 control, 6 control-shift */
	one_key("\033[1;5A", KEYC_UP | KEYC_CTRL);
	one_key("\033[1;2B", KEYC_DOWN | KEYC_SHIFT);
	one_key("\033[1;3C", KEYC_RIGHT | KEYC_META);
	one_key("\033[1;6D", KEYC_LEFT | KEYC_CTRL | KEYC_SHIFT);
	one_key("\033O5A", KEYC_UP | KEYC_CTRL);	/* old xterm */
	/* rxvt: shifted ESC [ a, control ESC O a */
	one_key("\033[a", KEYC_UP | KEYC_SHIFT);
	one_key("\033Ob", KEYC_DOWN | KEYC_CTRL);
	/* Alt as ESC before the sequence (rxvt) */
	one_key("\033\033[A", KEYC_UP | KEYC_META);
}

static void
test_home_end_pages(void **state)
{
	(void)state;
	/* xterm, tmux, screen, rxvt, linux: every Home and End */
	one_key("\033[H", KEYC_HOME);
	one_key("\033[F", KEYC_END);
	one_key("\033OH", KEYC_HOME);
	one_key("\033OF", KEYC_END);
	one_key("\033[1~", KEYC_HOME);
	one_key("\033[4~", KEYC_END);
	one_key("\033[7~", KEYC_HOME);
	one_key("\033[8~", KEYC_END);
	one_key("\033[5~", KEYC_PPAGE);
	one_key("\033[6~", KEYC_NPAGE);
	one_key("\033[2~", KEYC_IC);
	one_key("\033[3~", KEYC_DC);
	one_key("\033[1;5H", KEYC_HOME | KEYC_CTRL);
	one_key("\033[6;5~", KEYC_NPAGE | KEYC_CTRL);
	one_key("\033[4;2~", KEYC_END | KEYC_SHIFT);
	/* rxvt's ^ (control), $ (shift), @ (both) */
	one_key("\033[5^", KEYC_PPAGE | KEYC_CTRL);
	one_key("\033[8$", KEYC_END | KEYC_SHIFT);
	one_key("\033[3@", KEYC_DC | KEYC_CTRL | KEYC_SHIFT);
	one_key("\033[Z", KEYC_BTAB);
	one_key("\033OM", '\r');	/* the keypad's Enter */
}

static void
test_function_keys(void **state)
{
	static const char *f1_12[] = { "\033OP", "\033OQ", "\033OR", "\033OS",
	    "\033[15~", "\033[17~", "\033[18~", "\033[19~", "\033[20~",
	    "\033[21~", "\033[23~", "\033[24~" };
	static const char *rxvt[] = { "\033[11~", "\033[12~", "\033[13~",
	    "\033[14~" };
	static const char *linux_con[] = { "\033[[A", "\033[[B", "\033[[C",
	    "\033[[D", "\033[[E" };
	size_t i;

	(void)state;
	for (i = 0; i < 12; i++)
		one_key(f1_12[i], KEYC_F1 + (key_code)i);
	for (i = 0; i < 4; i++)
		one_key(rxvt[i], KEYC_F1 + (key_code)i);
	for (i = 0; i < 5; i++)
		one_key(linux_con[i], KEYC_F1 + (key_code)i);
	one_key("\033[1;5P", KEYC_F1 | KEYC_CTRL);
	one_key("\033[15;2~", (KEYC_F1 + 4) | KEYC_SHIFT);
	NOTHING("\033[25~");		/* F13 and beyond: not ours */
	NOTHING("\033[[F");
}

static void
test_kitty_and_modify_other_keys(void **state)
{
	(void)state;
	one_key("\033[99;5u", KEY_CTRL('c'));	/* C-c, not [ nor u */
	one_key("\033[97u", 'a');
	one_key("\033[97;2u", 'A');
	one_key("\033[97;3u", 'a' | KEYC_META);
	one_key("\033[13u", '\r');
	one_key("\033[27u", KEY_ESCAPE);
	one_key("\033[37327u", 0x91cf);		/* 量 */
	one_key("\033[49;5u", '1' | KEYC_CTRL);
	one_key("\033[97;1:1u", 'a');		/* a press */
	one_key("\033[97;1:2u", 'a');		/* a repeat */
	NOTHING("\033[97;1:3u");		/* a release */
	NOTHING("\033[57399u");			/* kitty's keypad 0 */
	NOTHING("\033[97;9u");			/* super */
	NOTHING("\033[55296u");			/* a surrogate */
	NOTHING("\033[1114112u");		/* past Unicode */
	one_key("\033[27;5;106~", '\n');	/* C-j */
}

static void
test_swallowed(void **state)
{
	(void)state;
	NOTHING("\033[I");			/* focus in */
	NOTHING("\033[O");			/* focus out */
	NOTHING("\033[201~");			/* a paste's end alone */
	NOTHING("\033[M !!");			/* X10 mouse */
	NOTHING("\033[M\xff\xff\xff");
	NOTHING("\033[<0;10;5M");		/* SGR mouse */
	NOTHING("\033[<64;120;40m");
	NOTHING("\033[32;10;5M");		/* urxvt mouse */
	NOTHING("\033[?1;2c");			/* device attributes */
	NOTHING("\033[>0;95;0c");
	NOTHING("\033[24;80R");			/* cursor position */
	NOTHING("\033[2;1$y");			/* DECRPM */
	NOTHING("\033[0 q");			/* an intermediate */
	NOTHING("\033[E");			/* keypad 5 */
	NOTHING("\033[G");
	NOTHING("\033[2A");			/* not a key report */
	NOTHING("\033[1;99A");			/* no such modifiers */
	NOTHING("\033Ox");			/* keypad 8 */
	NOTHING("\033Oj");
	CUT_SHORT("\033O");			/* and a timeout */
	CUT_SHORT("\033[");
	NOTHING("\033]52;c;Zm9v\a");		/* OSC, BEL */
	NOTHING("\033]0;title\033\\");		/* OSC, ST */
	NOTHING("\033]8;;http://x/\033\\");
	NOTHING("\033P1$r0m\033\\");		/* DCS */
	NOTHING("\033_Gi=1;OK\033\\");		/* APC (kitty graphics) */
	NOTHING("\033^pm\033\\");		/* PM */
	NOTHING("\033Xsos\033\\");		/* SOS */
	CUT_SHORT("\033]unterminated");		/* then a timeout */
	NOTHING("\033[1\030");			/* cancelled by CAN */
	NOTHING("\033[123456789A");		/* a parameter too large */
	NOTHING("\033[1;2;3;4;5A");		/* too many */
	NOTHING("\033[1;2:3:4A");
}

static void
test_overlong_csi(void **state)
{
	char s[300];

	(void)state;
	s[0] = '\033';
	s[1] = '[';
	memset(s + 2, '1', sizeof(s) - 4);
	s[sizeof(s) - 2] = 'A';
	s[sizeof(s) - 1] = '\0';
	nothing(s, strlen(s), 1);
	memset(s + 2, ';', sizeof(s) - 4);
	nothing(s, strlen(s), 1);
}

static void
test_broken_sequences(void **state)
{
	struct got g;

	(void)state;
	/* ESC inside a CSI starts a new sequence: that one counts */
	PARSE("\033[1\033[B", &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, KEYC_DOWN);
	/* a string cut short by another sequence */
	PARSE("\033]0;x\033[A", &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, KEYC_UP);
	/* a byte no CSI holds ends it, and is read as itself */
	PARSE("\033[1\r", &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, '\r');
}

static void
test_escape_and_alt(void **state)
{
	struct keyparse *in;
	struct got g;

	(void)state;
	/* a lone ESC is Escape only when the wait runs out */
	in = keyparse_create();
	g.n = 0;
	feed(in, "\033", 1, &g);
	assert_int_equal(g.n, 0);
	assert_int_equal(keyparse_delay(in), KEYPARSE_ESC_MS);
	timeout(in, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, KEY_ESCAPE);
	assert_int_equal(keyparse_delay(in), 0);
	keyparse_free(in);
	/* inside a sequence, the wait is longer: a slow link's arrow */
	in = keyparse_create();
	g.n = 0;
	feed(in, "\033[", 2, &g);
	assert_true(keyparse_delay(in) > KEYPARSE_ESC_MS);
	keyparse_free(in);
	/* ESC and a key that starts no sequence: Escape, then the key */
	PARSE("\033q", &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.ev[0].key, KEY_ESCAPE);
	assert_int_equal(g.ev[1].key, 'q');
	PARSE("\033\r", &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.ev[1].key, '\r');
	PARSE("\033\xe9\x87\x8f", &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.ev[1].key, 0x91cf);
	PARSE("\033\033j", &g);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.ev[1].key, KEY_ESCAPE);
	assert_int_equal(g.ev[2].key, 'j');
	/* two lone ESCs are two Escapes */
	PARSE("\033\033", &g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.ev[0].key, KEY_ESCAPE);
	assert_int_equal(g.ev[1].key, KEY_ESCAPE);
	PARSE("\033\033\033", &g);
	assert_int_equal(g.n, 3);
	/* ESC then a byte that is nothing: Escape, the byte dropped */
	PARSE("\033\xff", &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, KEY_ESCAPE);
	/* control characters are themselves */
	PARSE("\x04\t\r\x7f", &g);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.ev[0].key, KEY_CTRL('d'));
	assert_int_equal(g.ev[1].key, '\t');
	assert_int_equal(g.ev[2].key, '\r');
	assert_int_equal(g.ev[3].key, KEY_BSPACE);
}

static void
test_utf8(void **state)
{
	struct got g;

	(void)state;
	one_key("\xe9\x87\x8f", 0x91cf);		/* 量, split anywhere */
	one_key("\xc3\xa9", 0xe9);			/* é */
	one_key("\xf0\x9f\x98\x80", 0x1f600);		/* 😀 */
	PARSE("\xff", &g);				/* never UTF-8 */
	assert_int_equal(g.n, 0);
	PARSE("\x80\xbf", &g);			/* stray continuations */
	assert_int_equal(g.n, 0);
	PARSE("\xc3(", &g);				/* cut short */
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, '(');
	PARSE("\xc0\xaf", &g);			/* overlong / */
	assert_int_equal(g.n, 0);
	PARSE("\xe0\x80\xaf", &g);
	assert_int_equal(g.n, 0);
	PARSE("\xed\xa0\x80", &g);			/* a surrogate */
	assert_int_equal(g.n, 0);
	PARSE("\xf4\x90\x80\x80", &g);		/* past U+10FFFF */
	assert_int_equal(g.n, 0);
	PARSE("\xc2\x9b" "A", &g);			/* C1 CSI: not one */
	assert_int_equal(g.n, 1);
	assert_int_equal(g.ev[0].key, 'A');
	PARSE("\xe9\x87", &g);			/* then a timeout */
	assert_int_equal(g.n, 0);
}

/* The events of a paste of body: each a pasted character. */
static void
paste(const char *body, const key_code *want, int nwant)
{
	char s[256];
	struct keyparse *in;
	struct got g;
	size_t len, cut;
	int i;

	len = (size_t)snprintf(s, sizeof(s), "\033[200~%s\033[201~", body);
	for (cut = 0; cut <= len; cut++) {
		in = keyparse_create();
		g.n = 0;
		feed(in, s, cut, &g);
		feed(in, s + cut, len - cut, &g);
		assert_int_equal(keyparse_delay(in), 0);
		if (g.n != nwant)
			fail_msg("paste %zu: %d characters, not %d (cut %zu)",
			    strlen(body), g.n, nwant, cut);
		for (i = 0; i < nwant; i++) {
			assert_int_equal(g.ev[i].key, want[i]);
			assert_true(g.ev[i].paste);
		}
		/* after the paste, keys are keys again */
		g.n = 0;
		feed(in, "\033[B", 3, &g);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.ev[0].key, KEYC_DOWN);
		assert_false(g.ev[0].paste);
		keyparse_free(in);
	}
}

static void
test_paste(void **state)
{
	static const key_code foo[] = { KEY_ESCAPE, '[', '3', '1', 'm', 'f',
	    'o', 'o' };
	static const key_code almost[] = { 'a', KEY_ESCAPE, '[', '2', '0',
	    '1', 'b', KEY_ESCAPE, KEY_ESCAPE, '[', '2', '0', '0', '~' };
	static const key_code cjk[] = { 0x91cf, 0x5b50, '\n', 'q' };
	struct got g;

	(void)state;
	paste("\033[31mfoo", foo, 8);
	paste("a\033[201b\033\033[200~", almost, 14);
	paste("量子\nq", cjk, 4);
	paste("", NULL, 0);
	/* a paste whose end never comes ends when the wait runs out */
	PARSE("\033[200~ab\033[20", &g);
	assert_int_equal(g.n, 6);
	assert_int_equal(g.ev[0].key, 'a');
	assert_int_equal(g.ev[2].key, KEY_ESCAPE);
	assert_int_equal(g.ev[5].key, '0');
	assert_true(g.ev[5].paste);
}

/* Random bytes: valid keys only, and a timeout always brings it back. */
static void
test_garbage(void **state)
{
	struct keyparse *in;
	struct got g;
	char buf[512];
	unsigned seed = 12345;
	int round, i;

	(void)state;
	in = keyparse_create();
	for (round = 0; round < 2000; round++) {
		for (i = 0; i < (int)sizeof(buf); i++) {
			seed = seed * 1103515245 + 12345;
			/* ESC and [ often, so that sequences do start */
			buf[i] = (seed >> 16) % 5 == 0 ? '\033' :
			    (seed >> 16) % 7 == 0 ? '[' : (char)(seed >> 8);
		}
		g.n = 0;
		feed(in, buf, (size_t)(seed % sizeof(buf)), &g);
		for (i = 0; i < g.n; i++)
			assert_true(keys_valid(g.ev[i].key));
		timeout(in, &g);
		assert_int_equal(keyparse_delay(in), 0);
		g.n = 0;
		feed(in, "x", 1, &g);
		assert_int_equal(g.n, 1);
		assert_int_equal(g.ev[0].key, 'x');
		assert_false(g.ev[0].paste);
	}
	keyparse_free(in);
}

static void
name_is(const char *s, key_code k, const char *bind, const char *shown)
{
	char buf[KEY_NAMELEN];

	if (keys_parse(s) != k)
		fail_msg("\"%s\": 0x%x, not 0x%x", s, keys_parse(s), k);
	assert_string_equal(keys_name(k, KEY_NAME_BIND, buf), bind);
	assert_string_equal(keys_name(k, KEY_NAME_SHOW, buf), shown);
	assert_int_equal(keys_parse(bind), k);
}

static void
test_names(void **state)
{
	(void)state;
	name_is("j", 'j', "j", "j");
	name_is("C-d", KEY_CTRL('d'), "C-d", "^D");
	name_is("^D", KEY_CTRL('d'), "C-d", "^D");
	name_is("^l", KEY_CTRL('l'), "C-l", "^L");
	name_is("Enter", '\r', "Enter", "Enter");
	name_is("C-m", '\r', "Enter", "Enter");
	name_is("C-j", '\n', "C-j", "^J");
	name_is("Tab", '\t', "Tab", "Tab");
	name_is("Space", ' ', "Space", "Space");
	name_is("Escape", KEY_ESCAPE, "Escape", "Escape");
	name_is("BSpace", KEY_BSPACE, "BSpace", "BSpace");
	name_is("Down", KEYC_DOWN, "Down", "↓");
	name_is("up", KEYC_UP, "Up", "↑");
	name_is("Left", KEYC_LEFT, "Left", "←");
	name_is("Right", KEYC_RIGHT, "Right", "→");
	name_is("PgDn", KEYC_NPAGE, "PgDn", "PgDn");
	name_is("PageDown", KEYC_NPAGE, "PgDn", "PgDn");
	name_is("NPage", KEYC_NPAGE, "PgDn", "PgDn");
	name_is("PgUp", KEYC_PPAGE, "PgUp", "PgUp");
	name_is("Home", KEYC_HOME, "Home", "Home");
	name_is("End", KEYC_END, "End", "End");
	name_is("F1", KEYC_F1, "F1", "F1");
	name_is("F12", KEYC_F1 + 11, "F12", "F12");
	name_is("M-Up", KEYC_UP | KEYC_META, "M-Up", "M-↑");
	name_is("C-Up", KEYC_UP | KEYC_CTRL, "C-Up", "C-↑");
	name_is("S-Down", KEYC_DOWN | KEYC_SHIFT, "S-Down", "S-↓");
	name_is("M-j", 'j' | KEYC_META, "M-j", "M-j");
	name_is("C-Space", 0, "C-Space", "^@");
	name_is("日", 0x65e5, "日", "日");
	name_is(":", ':', ":", ":");
	name_is("[", '[', "[", "[");
	assert_int_equal(keys_parse("F13"), KEYC_NONE);
	assert_int_equal(keys_parse("F0"), KEYC_NONE);
	assert_int_equal(keys_parse("Foo"), KEYC_NONE);
	assert_int_equal(keys_parse(""), KEYC_NONE);
	assert_int_equal(keys_parse("X-a"), KEYC_NONE);
	assert_int_equal(keys_parse("C-"), KEYC_NONE);
	assert_int_equal(keys_parse("\x01"), KEYC_NONE);
	assert_int_equal(keys_parse("\xc2\x9b"), KEYC_NONE);
	assert_int_equal(keys_parse("ab"), KEYC_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrows),
		cmocka_unit_test(test_home_end_pages),
		cmocka_unit_test(test_function_keys),
		cmocka_unit_test(test_kitty_and_modify_other_keys),
		cmocka_unit_test(test_swallowed),
		cmocka_unit_test(test_overlong_csi),
		cmocka_unit_test(test_broken_sequences),
		cmocka_unit_test(test_escape_and_alt),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, tap_setup_utf8, NULL);
}

/*
 * libFuzzer target: filter expressions, as typed at :filter, read from a
 * configuration or brought in by --state-import (a view).  Parsing must
 * not crash; a fault's column lies in the text; an expression written
 * back (expr_string) parses again to the same text, and so does a copy.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fail(const char *what, const char *detail)
{
	fprintf(stdout, "fuzz-expr: %s: %s\n", what, detail);
	fflush(stdout);
	abort();
}

/* The characters of s, as the parser counts columns. */
static int
chars(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct expr_error err;
	struct expr *e, *again, *copy;
	char *s, *text, *text2, *text3;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	if (expr_parse(s, &e, &err) == -1) {
		if (err.msg == NULL || e != NULL)
			fail("an error without its message", s);
		if (err.col < 1 || err.col > chars(s) + 1)
			fail("an error's column outside the text", s);
		free(err.msg);
		free(s);
		return 0;
	}
	text = expr_string(e);
	if (expr_parse(text, &again, &err) == -1)
		fail("written back, it does not parse", text);
	text2 = expr_string(again);
	if (strcmp(text, text2) != 0)
		fail("written back twice, it changed", text2);
	copy = expr_copy(e);
	text3 = expr_string(copy);
	if (strcmp(text, text3) != 0)
		fail("a copy reads otherwise", text3);
	if (expr_atoms(e) != expr_atoms(copy))
		fail("a copy has other atoms", text);
	expr_free(e);
	expr_free(again);
	expr_free(copy);
	free(text);
	free(text2);
	free(text3);
	free(s);
	return 0;
}

/*
 * libFuzzer target: decoding only (BOM, UTF-16, GB18030, line ends, page
 * breaks, NUL bytes), with the invariants input_from_bytes promises:
 * the text is NUL-terminated, NUL-free, CR-free, valid UTF-8, and the
 * lines are in order, inside it and free of line ends.
 */
#include "fuzz-common.h"
#include "import-input.h"

static void
fail(const char *what, size_t i)
{
	fprintf(stdout, "fuzz-import-input: %s (%zu)\n", what, i);
	fflush(stdout);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input *in;
	const struct srcline *l;
	size_t i;
	int prev;

	diag_reset();
	if ((in = input_from_bytes("fuzz.txt", (const char *)data,
	    size)) == NULL)
		return 0;
	if (in->text == NULL || in->text[in->len] != '\0')
		fail("text not NUL-terminated", in->len);
	fuzz_check_utf8("decoded text", in->text, in->len);
	if (memchr(in->text, '\r', in->len) != NULL)
		fail("CR left in the text", 0);
	if (memchr(in->text, '\f', in->len) != NULL)
		fail("form feed left in the text", 0);
	prev = 0;
	for (i = 0; i < in->nlines; i++) {
		l = &in->lines[i];
		if (l->s < in->text || l->s + l->len > in->text + in->len)
			fail("line outside the text", i);
		if (memchr(l->s, '\n', l->len) != NULL)
			fail("line end inside a line", i);
		if (l->no <= prev)
			fail("line numbers not increasing", i);
		prev = l->no;
	}
	input_free(in);
	return 0;
}

/*
 * libFuzzer target: a PDF's word boxes, as pdftotext -bbox-layout would
 * print them, read into text (import-pdflayout.c), and that text through
 * the importer.  The text must be as long as it says, with no NUL in it.
 */
#include "fuzz-common.h"
#include "import-pdflayout.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[160];
	size_t len;
	char *text;

	text = pdflayout_text((const char *)data, size, &len, why,
	    sizeof(why));
	if (text == NULL)
		return 0;
	if (strlen(text) != len)
		abort();
	fuzz_import("fuzz.pdf.txt", (const uint8_t *)text, len);
	free(text);
	return 0;
}

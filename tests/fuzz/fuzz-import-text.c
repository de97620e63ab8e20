/* libFuzzer target: the plain-text (PDF-extracted) path of the importer. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import("fuzz.txt", data, size);
	return 0;
}

/* libFuzzer target: the Markdown path of the importer. */
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import("fuzz.md", data, size);
	return 0;
}

/*
 * Shared set-up for the importer's libFuzzer targets: quiet diagnostics
 * (the C stream stderr goes to /dev/null, while file descriptor 2 stays
 * open for the sanitizers' and libFuzzer's own reports), the gazetteer
 * and theme lists, and checks on what the parser produced.  It defines
 * LLVMFuzzerInitialize (fuzz_setup); a target includes it once and
 * defines LLVMFuzzerTestOneInput.
 *
 * FUZZ_VERBOSE=1 in the environment keeps the diagnostics.
 * KUAIBAO_DATA_DIR overrides where countries.tsv and themes.tsv are read.
 */
#ifndef KB_FUZZ_COMMON_H
#define KB_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "diag.h"
#include "doc.h"
#include "import.h"
#include "import-country.h"
#include "import-json.h"
#include "import-theme.h"
#include "xmalloc.h"

#ifndef FUZZ_DATADIR
#define FUZZ_DATADIR "data"
#endif

static struct import_opts fuzz_opts;

static void
fuzz_setup(void)
{
	const char *dir, *e;
	char *p;
	FILE *null;

	progname = "kuaibao-import";
	if ((e = getenv("FUZZ_VERBOSE")) == NULL || *e == '\0' || *e == '0') {
		diag_show(DIAG_ERROR);
		if ((null = fopen("/dev/null", "w")) != NULL)
			stderr = null;
	}
	if ((dir = getenv("KUAIBAO_DATA_DIR")) == NULL || *dir == '\0')
		dir = FUZZ_DATADIR;
	p = xasprintf("%s/countries.tsv", dir);
	fuzz_opts.gaz = gazetteer_load(p);
	free(p);
	p = xasprintf("%s/themes.tsv", dir);
	fuzz_opts.themes = themes_load(p);
	free(p);
	diag_reset();
}

/* Aborts (a crash for libFuzzer) if s is not valid, NUL-free UTF-8. */
static void
fuzz_check_utf8(const char *what, const char *s, size_t len)
{
	const uint8_t *bad;

	if ((bad = u8_check((const uint8_t *)s, len)) != NULL) {
		fprintf(stdout, "fuzz: %s: invalid UTF-8 at byte %zu\n", what,
		    (size_t)(bad - (const uint8_t *)s));
		fflush(stdout);
		abort();
	}
	if (memchr(s, '\0', len) != NULL) {
		fprintf(stdout, "fuzz: %s: NUL byte inside\n", what);
		fflush(stdout);
		abort();
	}
}

/*
 * Parses one input as the importer would, dumps it as JSON into memory
 * and checks the dump: valid UTF-8, no raw control characters.
 */
static void
fuzz_import(const char *path, const uint8_t *data, size_t size)
{
	struct issue *is;
	char *json;
	size_t jlen, i;
	FILE *fp;

	diag_reset();
	if ((is = import_bytes(path, (const char *)data, size,
	    &fuzz_opts)) == NULL)
		return;
	json = NULL;
	jlen = 0;
	if ((fp = open_memstream(&json, &jlen)) == NULL)
		abort();
	json_begin(fp);
	json_issue(fp, is, 1);
	json_end(fp);
	fclose(fp);
	doc_issue_free(is);
	fuzz_check_utf8("JSON dump", json, jlen);
	for (i = 0; i < jlen; i++)
		if (((unsigned char)json[i] < 0x20 && json[i] != '\n') ||
		    json[i] == 0x7f) {
			fprintf(stdout, "fuzz: raw control 0x%02x in the JSON"
			    " dump at byte %zu\n", (unsigned char)json[i], i);
			fflush(stdout);
			abort();
		}
	free(json);
}

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

#endif

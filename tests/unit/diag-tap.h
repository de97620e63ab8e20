/*
 * For the tests of the importer's messages: what a piece of code writes
 * to standard error (capture_begin(), the calls, then capture_end()
 * returns it all in a string the caller frees), and the set-up of
 * diag.c for each test.
 */
#ifndef KB_DIAG_TAP_H
#define KB_DIAG_TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "xmalloc.h"

static int	capture_saved = -1;
static FILE	*capture_file;

static inline void
capture_begin(void)
{
	fflush(stderr);
	capture_file = tmpfile();
	if (capture_file == NULL)
		abort();
	capture_saved = dup(STDERR_FILENO);
	dup2(fileno(capture_file), STDERR_FILENO);
}

static inline char *
capture_end(void)
{
	char *s;
	long n;

	fflush(stderr);
	dup2(capture_saved, STDERR_FILENO);
	close(capture_saved);
	n = ftell(capture_file);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		abort();
	rewind(capture_file);
	s[fread(s, 1, (size_t)n, capture_file)] = '\0';
	fclose(capture_file);
	return s;
}

/* Group set-up: messages under the importer's name, a UTF-8 locale. */
static int
diag_tap_setup(void **state)
{
	progname = "kuaibao-import";
	return tap_setup_utf8(state);
}

/* Each test starts with nothing seen and the default levels shown. */
static int
diag_tap_reset(void **state)
{
	(void)state;
	diag_reset();
	diag_show(DIAG_WARNING);
	return 0;
}

#endif

/* Importer diagnostics: one line each, naming the file, line and column. */
#include <stdarg.h>
#include <stdio.h>

#include "diag.h"
#include "xmalloc.h"

static enum diag_level worst = DIAG_NOTICE;
static int any;
static int quiet;

static const char *const level_names[] = {
	"NOTICE", "WARNING", "ERROR", "FATAL"
};

void
diag(const char *file, int line, int col, enum diag_level level,
    const char *fmt, ...)
{
	va_list ap;

	if (!any || level > worst)
		worst = level;
	any = 1;
	if (quiet && level < DIAG_ERROR)
		return;
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	if (file != NULL) {
		fputs(file, stderr);
		if (line > 0)
			fprintf(stderr, ":%d", line);
		if (line > 0 && col > 0)
			fprintf(stderr, ":%d", col);
		fputs(": ", stderr);
	}
	fprintf(stderr, "%s: ", level_names[level]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

enum diag_level
diag_worst(void)
{
	return worst;
}

int
diag_status(void)
{
	if (!any)
		return 0;
	return (int)worst;
}

void
diag_quiet(int on)
{
	quiet = on;
}

void
diag_reset(void)
{
	worst = DIAG_NOTICE;
	any = 0;
}

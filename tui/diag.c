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

/* A file name may hold anything; it is shown, never executed. */
static void
put_name(const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\')
			fputs("\\\\", stderr);
		else if (c < 0x20 || c == 0x7f)
			fprintf(stderr, "\\%03o", c);
		else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
		    (unsigned char)s[1] <= 0x9f) {
			/* C1 controls, U+0080 to U+009F */
			fprintf(stderr, "\\%03o\\%03o", c,
			    (unsigned char)s[1]);
			s++;
		} else
			putc(c, stderr);
	}
}

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
		put_name(file);
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

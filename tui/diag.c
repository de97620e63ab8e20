/* Importer diagnostics: one line each, naming the file, line and column. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "xmalloc.h"

#define DIAG_REPEAT	20	/* the same warning for a file, at most */

static enum diag_level worst = DIAG_NOTICE;
static int any;
static int quiet;

static const char *const level_names[] = {
	"NOTICE", "WARNING", "ERROR", "FATAL"
};

/* A file name may hold anything; it is shown, never executed. */
static void
put_name(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\')
			buf_adds(b, "\\\\");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\%03o", c);
		else if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
		    (unsigned char)s[1] <= 0x9f) {
			/* C1 controls, U+0080 to U+009F */
			buf_printf(b, "\\%03o\\%03o", c,
			    (unsigned char)s[1]);
			s++;
		} else
			buf_addc(b, (char)c);
	}
}

/*
 * How many times this message (by its format) was given for this file:
 * a damaged file can repeat one warning on every line, and hundreds of
 * thousands of lines would hide everything else.
 */
static size_t
seen(const char *file, const char *fmt)
{
	static struct { const char *fmt; size_t n; } *v;
	static size_t nv, cap;
	static char *last;
	size_t i;

	if (file == NULL || last == NULL || strcmp(file, last) != 0) {
		free(last);
		last = file != NULL ? xstrdup(file) : NULL;
		nv = 0;
	}
	for (i = 0; i < nv; i++)
		if (v[i].fmt == fmt)
			return ++v[i].n;
	if (nv == cap) {
		cap = cap ? cap * 2 : 16;
		v = xreallocarray(v, cap, sizeof(*v));
	}
	v[nv].fmt = fmt;
	v[nv].n = 1;
	return v[nv++].n;
}

void
diag(const char *file, int line, int col, enum diag_level level,
    const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	size_t n;

	if (!any || level > worst)
		worst = level;
	any = 1;
	if (quiet && level < DIAG_ERROR)
		return;
	if ((n = seen(file, fmt)) > DIAG_REPEAT && level < DIAG_ERROR)
		return;
	buf_printf(&b, "%s: ", progname);
	if (file != NULL) {
		put_name(&b, file);
		if (line > 0)
			buf_printf(&b, ":%d", line);
		if (line > 0 && col > 0)
			buf_printf(&b, ":%d", col);
		buf_adds(&b, ": ");
	}
	buf_printf(&b, "%s: ", level_names[level]);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (n == DIAG_REPEAT && level < DIAG_ERROR)
		buf_adds(&b, " (and so on: no more of these for this file)");
	buf_addc(&b, '\n');
	/* one write per line: stderr is unbuffered */
	fflush(stdout);
	fwrite(b.s, 1, b.len, stderr);
	buf_free(&b);
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

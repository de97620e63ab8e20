/*
 * The importer's message catalogue: every message it can give, its
 * text and, by its place in enum diag_msg, its level.  One line each,
 * naming the file, line and column.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "sanitize.h"
#include "xmalloc.h"

#define DIAG_REPEAT	20	/* a notice or warning for a file, at most */

/* The first message of each level. */
static const enum diag_msg lowest[DIAG_MAX] = {
	MSG_NOTICE, MSG_WARNING, MSG_ERROR, MSG_FATAL
};

static const char *const level_names[DIAG_MAX] = {
	"NOTICE", "WARNING", "ERROR", "FATAL"
};

static const char *const texts[MSG_MAX] = {
	[MSG_UTF16] =		"converted from UTF-16",
	[MSG_GB18030] =		"not UTF-8: converted from GB18030",
	[MSG_COVER] =		"cover found",
	[MSG_CONTENTS] =	"contents skipped",
	[MSG_COLUMN] =		"column inferred",
	[MSG_TITLE_JOINED] =	"title joined from two lines",
	[MSG_HEADER_DROPPED] =	"page header dropped",
	[MSG_PAGENO_DROPPED] =	"page number dropped",
	[MSG_PARA_JOINED] =	"paragraph joined across a page break",
	[MSG_TABLE_REBUILT] =	"table rebuilt",
	[MSG_NOTE_PAGE] =	"note bound across a page",
	[MSG_NOTE_PREVIOUS] =	"note bound to the previous article",
	[MSG_BACK_MATTER] =	"back matter skipped",
	[MSG_REPLACES] =	"replaces the same issue, imported before",
	[MSG_WAITING] =		"waiting for another kuaibao-import writing",

	[MSG_NUL] =		"NUL bytes removed",
	[MSG_CONTROL] =		"control character kept; the reader shows it"
				" escaped",
	[MSG_LONG_LINE] =	"very long line",
	[MSG_NO_STRUCTURE] =	"no bulletin structure found: imported as one"
				" article",
	[MSG_BEFORE_FIRST] =	"text before the first article dropped",
	[MSG_NOTE_OUTSIDE] =	"footnote outside any article dropped",
	[MSG_NOTE_UNCITED] =	"footnote cited by no marker",
	[MSG_MARKER_NO_NOTE] =	"marker with no footnote",
	[MSG_NO_EDITORS] =	"article without editors, where most have them",
	[MSG_NO_BODY] =		"article without text",
	[MSG_EMPTY_COLUMN] =	"column without articles",
	[MSG_SAME_ISSUE] =	"the same issue as another file of this run;"
				" this one is kept",
	[MSG_TOO_LONG] =	"article too long for the database; the rest"
				" is left out",
	[MSG_PDF_TIMEOUT_ENV] =	"KUAIBAO_PDF_TIMEOUT is not a number of seconds"
				" from 1 to 86400",
	[MSG_GROUP] =		"cannot keep the old file's group",
	[MSG_TMP_LEFT] =	"temporary file left behind",

	[MSG_EMPTY] =		"empty file",
	[MSG_BINARY] =		"binary file: not a text document",
	[MSG_BAD_UTF16] =	"invalid UTF-16 text",
	[MSG_BAD_UTF8] =	"invalid UTF-8, and not GB18030 either",
	[MSG_OPEN] =		"cannot open",
	[MSG_NOT_FILE] =	"not a regular file",
	[MSG_READ] =		"read error",
	[MSG_PDF_NO_TOOL] =	"cannot read PDF: pdftotext not found (install"
				" poppler-utils)",
	[MSG_PDF_EXEC] =	"cannot read PDF: cannot run pdftotext",
	[MSG_PDF_READ] =	"cannot read PDF: reading from pdftotext",
	[MSG_PDF_KILLED] =	"cannot read PDF: pdftotext was killed",
	[MSG_PDF_FAILED] =	"cannot read PDF: pdftotext failed",
	[MSG_PDF_ENCRYPTED] =	"cannot read PDF: it is encrypted with a"
				" password; decrypt it first (qpdf"
				" --password=... --decrypt)",
	[MSG_PDF_NO_TEXT] =	"cannot read PDF: it has no text layer, only"
				" images (a scan?); run OCR on it first"
				" (ocrmypdf)",
	[MSG_PDF_LAYOUT] =	"cannot read PDF: pdftotext's word boxes are"
				" not well-formed XML",
	[MSG_PDF_SLOW] =	"cannot read PDF: pdftotext ran too long, and"
				" was stopped",
	[MSG_PDF_FLOOD] =	"cannot read PDF: pdftotext gave too much text,"
				" and was stopped",
	[MSG_COUNTRY_FIELDS] =	"expected name<TAB>code<TAB>…, got one field",
	[MSG_NO_COUNTRIES] =	"no countries",
	[MSG_MEMBER_NAME] =	"a member must be the name of another row",
	[MSG_MEMBER_YEAR] =	"a member's year, after @, must be 1900 to"
				" 2999",
	[MSG_THEME_FIELDS] =	"expected theme<TAB>keyword<TAB>weight",
	[MSG_THEME_UNKNOWN] =	"not one of the fixed themes",
	[MSG_THEME_WEIGHT] =	"weight must be 1 to 5",
	[MSG_MANY_ISSUES] =	"more issues of one date than the database can"
				" number",
	[MSG_MANY_ARTICLES] =	"more articles in one issue than the database"
				" can number",

	[MSG_BAD_YEAR] =	"--year: not a year from 1900 to 2200",
	[MSG_BAD_DATE] =	"--date: expected YYYY-MM-DD",
	[MSG_LOCK_WAIT_ENV] =	"KUAIBAO_LOCK_WAIT is not a number of seconds"
				" from 0 to 86400",
	[MSG_LOCKED] =		"locked by another importer; gave up"
				" (KUAIBAO_LOCK_WAIT sets the time)",
	[MSG_NOT_KUAIBAO] =	"cannot add to this database; --new replaces"
				" it",
	[MSG_SYMLINK] =		"a symbolic link; use --follow to update the"
				" database it points to",
	[MSG_DANGLING] =	"a symbolic link to nothing",
	[MSG_DB_NOT_FILE] =	"not a regular file, so not a database",
	[MSG_MKDIR] =		"cannot create the directory",
	[MSG_REALPATH] =	"cannot find the directory",
	[MSG_UNWRITABLE] =	"cannot write here: the database is built"
				" beside its target, then renamed",
	[MSG_PATH_LONG] =	"path too long",
	[MSG_TMPDIR] =		"cannot create a temporary directory",
	[MSG_TMPFILE] =		"cannot create a temporary file",
	[MSG_STALE] =		"cannot remove this temporary file of a killed"
				" importer",
	[MSG_TMP_REMOVE] =	"cannot remove a temporary file",
	[MSG_COPY] =		"cannot copy the database",
	[MSG_SQLITE] =		"database error",
	[MSG_FSYNC] =		"cannot sync the new database to the disk",
	[MSG_MODE] =		"cannot set the mode",
	[MSG_RENAME] =		"cannot rename",
	[MSG_OUTPUT] =		"cannot write the output",
	[MSG_ABORT] =		"cannot go on"
};

static enum diag_level	 worst = DIAG_NOTICE;
static enum diag_level	 shown = DIAG_WARNING;
static size_t		 counts[DIAG_MAX];
static int		 any;

enum diag_level
diag_level_of(enum diag_msg m)
{
	enum diag_level level;

	level = DIAG_FATAL;
	while (m < lowest[level])
		level--;
	return level;
}

const char *
diag_text(enum diag_msg m)
{
	return m < MSG_MAX ? texts[m] : NULL;
}

const char *
diag_level_name(enum diag_level level)
{
	return level < DIAG_MAX ? level_names[level] : NULL;
}

/*
 * A file name is shown with octal escapes, as the manual says: it may
 * hold anything, and a name is easier to retype from them.
 */
void
diag_put_name(struct buf *b, const char *s)
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
 * How many times message m was given for this file: a damaged file can
 * repeat one warning on every line, and hundreds of thousands of lines
 * would hide everything else.
 */
static size_t
seen(const char *file, enum diag_msg m)
{
	static size_t n[MSG_MAX];
	static char *last;

	if (file == NULL || last == NULL || strcmp(file, last) != 0) {
		free(last);
		last = file != NULL ? xstrdup(file) : NULL;
		memset(n, 0, sizeof(n));
	}
	return ++n[m];
}

/* "kuaibao-import: FILE:LINE:COL: ", as much as applies. */
static void
put_prefix(struct buf *b, const char *file, int line, int col)
{
	buf_printf(b, "%s: ", progname);
	if (file == NULL)
		return;
	diag_put_name(b, file);
	if (line > 0)
		buf_printf(b, ":%d", line);
	if (line > 0 && col > 0)
		buf_printf(b, ":%d", col);
	buf_adds(b, ": ");
}

/* One write per line: stderr is unbuffered. */
static void
put_line(struct buf *b)
{
	buf_addc(b, '\n');
	fflush(stdout);
	fwrite(b->s, 1, b->len, stderr);
	buf_free(b);
}

void
diag_msg(enum diag_msg m, const char *file, int line, int col,
    const char *fmt, ...)
{
	struct buf b = { 0 }, d = { 0 };
	enum diag_level level;
	va_list ap;
	size_t n;
	char *s;

	level = diag_level_of(m);
	if (!any || level > worst)
		worst = level;
	any = 1;
	counts[level]++;
	if (level < shown)
		return;
	if ((n = seen(file, m)) > DIAG_REPEAT && level < DIAG_ERROR)
		return;
	put_prefix(&b, file, line, col);
	buf_printf(&b, "%s: %s", level_names[level], texts[m]);
	if (fmt != NULL) {
		va_start(ap, fmt);
		buf_vprintf(&d, fmt, ap);
		va_end(ap);
		s = sanitize_text(buf_str(&d), d.len, SANITIZE_LOG);
		buf_printf(&b, ": %s", s);
		free(s);
		buf_free(&d);
	}
	if (n == DIAG_REPEAT && level < DIAG_ERROR)
		buf_adds(&b, " (and so on: no more of these for this file)");
	put_line(&b);
}

void
diag_say(const char *file, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	put_prefix(&b, file, 0, 0);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	put_line(&b);
}

void
diag_die(const char *why)
{
	fflush(stdout);
	fprintf(stderr, "%s: %s: %s: %s\n", progname, level_names[DIAG_FATAL],
	    texts[MSG_ABORT], why);
	exit(DIAG_FATAL);
}

void
diag_show(enum diag_level level)
{
	shown = level;
}

size_t
diag_count(enum diag_level level)
{
	return counts[level];
}

enum diag_level
diag_worst(void)
{
	return worst;
}

int
diag_status(void)
{
	return any ? (int)worst : 0;
}

void
diag_reset(void)
{
	worst = DIAG_NOTICE;
	any = 0;
}

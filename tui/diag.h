/*
 * The importer's messages, from one catalogue (diag.c), in the style of
 * mandoc:
 *   kuaibao-import: file:line:col: LEVEL: message: detail
 * A message's level is given by its place in enum diag_msg, between the
 * markers MSG_NOTICE, MSG_WARNING, MSG_ERROR and MSG_FATAL, so that no
 * call can give it another.  The exit status is the worst level seen.
 */
#ifndef KB_DIAG_H
#define KB_DIAG_H

#include <stddef.h>

struct buf;

enum diag_level {
	DIAG_NOTICE,	/* something was converted; the result is right */
	DIAG_WARNING,	/* the result may be imperfect */
	DIAG_ERROR,	/* the file was refused; nothing is written */
	DIAG_FATAL,	/* the run cannot continue */
	DIAG_MAX
};

enum diag_msg {
	MSG_NOTICE,		/* the notices start here (not a message) */
	MSG_UTF16,
	MSG_GB18030,
	MSG_COVER,
	MSG_CONTENTS,
	MSG_COLUMN,
	MSG_TITLE_JOINED,
	MSG_HEADER_DROPPED,
	MSG_PAGENO_DROPPED,
	MSG_PARA_JOINED,
	MSG_TABLE_REBUILT,
	MSG_NOTE_PAGE,
	MSG_NOTE_PREVIOUS,
	MSG_BACK_MATTER,
	MSG_REPLACES,
	MSG_WAITING,

	MSG_WARNING,		/* the warnings */
	MSG_NUL,
	MSG_CONTROL,
	MSG_LONG_LINE,
	MSG_NO_STRUCTURE,
	MSG_BEFORE_FIRST,
	MSG_NOTE_OUTSIDE,
	MSG_NOTE_UNCITED,
	MSG_MARKER_NO_NOTE,
	MSG_NO_EDITORS,
	MSG_NO_BODY,
	MSG_EMPTY_COLUMN,
	MSG_SAME_ISSUE,
	MSG_TOO_LONG,
	MSG_PDF_TIMEOUT_ENV,
	MSG_GROUP,
	MSG_TMP_LEFT,

	MSG_ERROR,		/* the errors */
	MSG_EMPTY,
	MSG_BINARY,
	MSG_BAD_UTF16,
	MSG_BAD_UTF8,
	MSG_OPEN,
	MSG_NOT_FILE,
	MSG_READ,
	MSG_PDF_NO_TOOL,
	MSG_PDF_EXEC,
	MSG_PDF_READ,
	MSG_PDF_KILLED,
	MSG_PDF_FAILED,
	MSG_PDF_ENCRYPTED,
	MSG_PDF_NO_TEXT,
	MSG_PDF_LAYOUT,
	MSG_PDF_SLOW,
	MSG_PDF_FLOOD,
	MSG_COUNTRY_FIELDS,
	MSG_NO_COUNTRIES,
	MSG_MEMBER_NAME,
	MSG_MEMBER_YEAR,
	MSG_THEME_FIELDS,
	MSG_THEME_UNKNOWN,
	MSG_THEME_WEIGHT,
	MSG_MANY_ISSUES,
	MSG_MANY_ARTICLES,

	MSG_FATAL,		/* the fatal errors */
	MSG_BAD_YEAR,
	MSG_BAD_DATE,
	MSG_LOCK_WAIT_ENV,
	MSG_LOCKED,
	MSG_NOT_KUAIBAO,
	MSG_SYMLINK,
	MSG_DANGLING,
	MSG_DB_NOT_FILE,
	MSG_MKDIR,
	MSG_REALPATH,
	MSG_UNWRITABLE,
	MSG_PATH_LONG,
	MSG_TMPDIR,
	MSG_TMPFILE,
	MSG_STALE,
	MSG_TMP_REMOVE,
	MSG_COPY,
	MSG_SQLITE,
	MSG_FSYNC,
	MSG_MODE,
	MSG_RENAME,
	MSG_OUTPUT,
	MSG_ABORT,
	MSG_MAX
};

/*
 * Gives message m about file (NULL for none) at line and col (0 where
 * they do not apply).  fmt, if not NULL, formats the detail after the
 * message's text; the detail is sanitised (sanitize.h), since it may
 * quote a document, a path or a database.  A notice or warning is
 * printed at most 20 times for one file.
 */
void		 diag_msg(enum diag_msg m, const char *file, int line, int col,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/*
 * A line on stderr that is no diagnostic, such as a summary:
 * "kuaibao-import: FILE: …" (file may be NULL).  Not sanitised: the
 * caller says nothing from a document.
 */
void		 diag_say(const char *file, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/*
 * fatal()'s end in the importer (xmalloc.h's fatal_hook): one FATAL
 * line, without allocating, and the exit status of a fatal error.
 */
void		 diag_die(const char *) __attribute__((noreturn));

/* Appends a file name as messages show it: controls as octal escapes. */
void		 diag_put_name(struct buf *, const char *);

enum diag_level	 diag_level_of(enum diag_msg);
const char	*diag_text(enum diag_msg);	/* NULL for the markers */
const char	*diag_level_name(enum diag_level);

/* The lowest level printed: DIAG_WARNING unless set (-v, -q). */
void		 diag_show(enum diag_level);
/* Messages given at each level so far, printed or not. */
size_t		 diag_count(enum diag_level);
enum diag_level	 diag_worst(void);
int		 diag_status(void);	/* 0, 1 warnings, 2 errors, 3 fatal */
void		 diag_reset(void);	/* forget the worst level (fuzzing) */

#endif

/*
 * Reading a source file into checked, normalised UTF-8 lines: the BOM is
 * dropped, CRLF and CR become LF, a form feed starts a new page, NUL
 * bytes are removed, GB18030 and UTF-16 are converted (with a notice),
 * and anything else that is not UTF-8 is refused with its position.
 */
#ifndef KB_IMPORT_INPUT_H
#define KB_IMPORT_INPUT_H

#include <stddef.h>

#define LINE_PAGESTART	0x01	/* the line follows a form feed */

struct srcline {
	const char	*s;	/* points into input.text, not NUL-terminated */
	size_t		 len;
	int		 no;	/* 1-based line number in the file */
	int		 flags;
};

struct input {
	char		*path;
	char		*text;	/* normalised UTF-8, NUL-terminated */
	size_t		 len;
	struct srcline	*lines;
	size_t		 nlines;
};

/* Returns NULL after a diagnostic when the file cannot be used. */
struct input	*input_load(const char *path);
/* The same from memory (fuzzing, tests); path is only used in messages. */
struct input	*input_from_bytes(const char *path, const char *bytes,
		    size_t len);
void		 input_free(struct input *);

#endif

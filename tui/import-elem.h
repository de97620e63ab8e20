/*
 * The common intermediate form between a format's reader (plain text
 * from a PDF, Markdown) and the structure builders: a flat sequence of
 * elements in document order.  Page headers, page numbers, blank lines
 * and line wraps are already gone; what an element is (column name,
 * title, heading, paragraph, editors) is decided later, by shape and
 * position.
 */
#ifndef KB_IMPORT_ELEM_H
#define KB_IMPORT_ELEM_H

#include <stddef.h>

enum elem_kind {
	EL_LINE,	/* a logical line: paragraph, title or heading */
	EL_HEADING,	/* a Markdown heading, level 1-6 or LEVEL_LEADIN */
	EL_TABLE,	/* rows separated by '\n', cells by '\t' */
	EL_NOTE		/* a footnote: n and its text, URLs included */
};

/* A bold lead-in (Markdown **一、…**): always an internal heading. */
#define LEVEL_LEADIN	7

#define EF_STANDALONE	0x01	/* one physical line ending short of the margin */
#define EF_PAGESTART	0x02	/* began at the top of a page */
#define EF_BOLD		0x04	/* Markdown: the line opens with a bold run */
#define EF_MARKERS	0x08	/* Markdown: footnote markers are explicit */

struct elem {
	enum elem_kind	 kind;
	char		*text;
	int		 level;		/* EL_HEADING */
	int		 n;		/* EL_NOTE */
	int		 line;		/* first source line */
	int		 flags;
	size_t		 at;		/* EL_NOTE: bytes of the paragraph it */
	int		 at_line;	/* interrupted, and that paragraph's line */
};

struct elemlist {
	struct elem	*v;
	size_t		 n, cap;
	char		*header;	/* running page header, if one was seen */
	int		 width;		/* columns of a full line, or 0 */
};

/* Appends a copy of text; returns the element, for its other fields. */
struct elem	*elem_add(struct elemlist *, enum elem_kind, const char *text,
		    int line, int flags);
void	elemlist_free(struct elemlist *);

#endif

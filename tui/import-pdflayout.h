/*
 * A PDF's text from the boxes of its words (pdftotext -bbox-layout, an
 * XHTML file read with expat): the text in pdftotext's reading order, a
 * form feed ending each page, with what page geometry makes certain
 * where the plain text leaves it to guessing: a table's rows, whole,
 * their cells parted by tabs; a superscript note marker back in the
 * line it is raised over; a table's header row repeated on the next
 * page dropped.
 */
#ifndef KB_IMPORT_PDFLAYOUT_H
#define KB_IMPORT_PDFLAYOUT_H

#include <stddef.h>

/*
 * The text of the layout xml[0..len): a NUL-terminated string the
 * caller frees, its length in *outlen.  NULL if the layout is not well
 * formed XML, with expat's reason and the line in why[0..whylen).
 */
char	*pdflayout_text(const char *xml, size_t len, size_t *outlen,
	    char *why, size_t whylen);

#endif

/* Footnotes in a PDF extraction: see import-footnotes.c. */
#ifndef KB_IMPORT_FOOTNOTES_H
#define KB_IMPORT_FOOTNOTES_H

struct lines;

/* Sets each line's role, the notes' numbers and their width. */
void	footnotes_find(struct lines *);

#endif

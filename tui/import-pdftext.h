/* Reader for plain text extracted from PDF: see import-pdftext.c. */
#ifndef KB_IMPORT_PDFTEXT_H
#define KB_IMPORT_PDFTEXT_H

struct input;
struct elemlist;

void	pdftext_read(const struct input *, struct elemlist *);

#endif

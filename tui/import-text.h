/* Reader for plain text extracted from PDF: see import-text.c. */
#ifndef KB_IMPORT_TEXT_H
#define KB_IMPORT_TEXT_H

struct input;
struct elemlist;

void	text_read(const struct input *, struct elemlist *);

#endif

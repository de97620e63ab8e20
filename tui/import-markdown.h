/* Reader for Markdown conversions: see import-markdown.c. */
#ifndef KB_IMPORT_MARKDOWN_H
#define KB_IMPORT_MARKDOWN_H

struct input;
struct elemlist;

void	markdown_read(const struct input *, struct elemlist *);

#endif

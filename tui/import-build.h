/*
 * Builders: from the element list of a source file to an issue of
 * columns and articles.  A bulletin's columns, titles and editors are
 * recognised by shape and position (import-bulletin.c); a funding
 * guide's parts, numbered directions and fields likewise
 * (import-guide.c).  Issue metadata printed on a cover is read by
 * import-cover.c.
 */
#ifndef KB_IMPORT_BUILD_H
#define KB_IMPORT_BUILD_H

#include <stddef.h>

struct elemlist;
struct input;
struct issue;
struct notepool;

struct cover {
	size_t	 start;		/* first element after the cover and contents */
	char	*title;
	char	*date;		/* YYYY-MM-DD */
	char	*number;
	int	 year;
	int	 toc_articles;	/* entries in the table of contents */
	int	 toc_columns;
};

/* Reads the cover, if there is one, of the file at path. */
void	cover_read(const struct elemlist *, const char *path, struct cover *);
void	cover_free(struct cover *);

int	guide_detect(const struct elemlist *);
void	guide_build(const struct elemlist *, struct issue *,
	    struct notepool *);
void	bulletin_build(const struct elemlist *, const struct cover *,
	    struct issue *, struct notepool *);

#endif

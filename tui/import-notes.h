/*
 * Footnotes: the notes found while building an issue wait in a pool
 * until every article exists; then each is bound to the marker that
 * cites it (the nearest earlier one with its number), the marker
 * becomes [^n], and the note joins the citing article, even when it
 * was printed on a later page.
 */
#ifndef KB_IMPORT_NOTES_H
#define KB_IMPORT_NOTES_H

#include <stddef.h>

struct issue;

struct pending_note {
	int	 n;
	char	*text;		/* as printed, URLs included */
	int	 line;
	size_t	 at;		/* the marker is before this byte (+1) … */
	int	 at_line;	/* … of the paragraph starting at this line */
	size_t	 sec, art;	/* where it was printed */
	int	 placed;	/* sec/art are valid */
};

struct notepool {
	struct pending_note	*v;
	size_t			 n, cap;
};

struct elem;
void	notes_add(struct notepool *, const struct elem *,
	    const struct issue *);
/* explicit: markers are already [^n] (Markdown); else bare digits. */
void	notes_bind(struct issue *, struct notepool *, int explicit,
	    const char *path);
void	notes_free(struct notepool *);

/* Splits a note into its text and its URLs (caller frees all). */
void	notes_split(const char *raw, char **text, char ***urls,
	    size_t *nurls);

#endif

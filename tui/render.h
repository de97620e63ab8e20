/*
 * Lays an article out as lines of a given width: header, body
 * (paragraphs, headings, tables), a guide direction's fields and the
 * footnotes with their URLs.  The article pane draws these lines and
 * `kuaibao --cat` prints them, so both show the same text.  Every line
 * is sanitised: it holds no control character and its width is exact.
 */
#ifndef KB_RENDER_H
#define KB_RENDER_H

#include <stddef.h>

#include "buf.h"

struct art;

enum rattr {
	R_TEXT,
	R_TITLE,
	R_META,
	R_RULE,
	R_HEADING,
	R_TABLE_HEAD,
	R_TABLE,
	R_FIELD,
	R_NOTE,
	R_URL
};

struct rline {
	size_t	 off, len;	/* into rendered.text */
	int	 width;
	int	 attr;		/* enum rattr */
	int	 label;		/* columns of a bold label at the start */
	int	 unit;		/* the piece of the article it shows … */
	size_t	 src;		/* … and where in it the line starts */
	int	 link;		/* R_URL: 1 + its index in urls; else 0 */
	int	 cont;		/* goes on from the line before: a URL cut
				   at the edge, where a terminal wraps */
};

/*
 * A search match to highlight: bytes [off, off+len) of a line.  A match
 * that a line break cuts is two parts of one occurrence.
 */
struct rmatch {
	size_t	 line;
	size_t	 off, len;
	size_t	 occ;		/* which occurrence, from 0 */
};

struct rendered {
	struct buf	 text;
	struct rline	*lines;
	size_t		 nlines, linescap;
	struct rmatch	*matches;	/* in reading order */
	size_t		 nmatches, matchescap;
	size_t		 noccs;		/* occurrences */
	char		**urls;		/* footnote URLs as shown (sanitised) */
	char		**targets;	/* each as a link (link_target), or NULL */
	size_t		 nurls;
	size_t		 notes_line;	/* where the footnotes start */
	int		 width;
	int		 unit;		/* while laying out */
	size_t		 src, base;
};

/*
 * query: what the user searched for (words to highlight where the search
 * reads: the title, the text, the fields and the notes), or NULL.
 */
struct rendered	*render_article(const struct art *, int width,
		    const char *query);
/* A find in the article (less's /): text as typed, in all it shows. */
struct rendered	*render_article_find(const struct art *, int width,
		    const char *text);
void		 render_free(struct rendered *);

/*
 * A place in the article that does not depend on the width: the line
 * showing it again after a resize or a restart.
 */
long long	 render_anchor(const struct rendered *, size_t line);
size_t		 render_line_of(const struct rendered *, long long anchor);

/* The citation of an article: title, issue, date, and its URLs. */
char		*render_citation(const struct art *);
/*
 * The issue as shown in lists: date and number, or year and title; a
 * guide (guide 1, or 2 for a draft) says so, and its status.
 */
char		*render_issue_label(const char *date, int year,
		    const char *number, const char *title, int guide);

#endif

/*
 * The physical lines of a text extracted from PDF, and what the
 * extraction's layout says about them.  Extractions differ: some put a
 * blank line after every line, some only between paragraphs, some none;
 * some end a paragraph's last line with a space; lines are wrapped at
 * whatever width the page had.  lines_read measures which of these cues
 * this text carries, how wide a full line is, and which lines are page
 * furniture (running headers, page numbers), so that the reader that
 * joins lines (import-pdftext.c) never assumes one extraction.
 */
#ifndef KB_IMPORT_LINES_H
#define KB_IMPORT_LINES_H

#include <stddef.h>

struct input;

enum line_role {
	LINE_BODY,
	LINE_NOTE,		/* a footnote's first line: "N text" */
	LINE_NOTECONT		/* a footnote's next lines */
};

struct phys {
	const char	*s;		/* trimmed; not NUL-terminated */
	size_t		 len;
	int		 no;		/* 1-based source line */
	int		 cols;		/* printed width: CJK 2, Latin 1 */
	int		 latin;		/* Latin characters, whose width varies */
	unsigned	 lead:1;	/* began with white space */
	unsigned	 leadtabs:4;	/* began with tabs: a table row's empty cells */
	unsigned	 tabbed:1;	/* held a tab, trimmed or not */
	unsigned	 indent:1;	/* began with an ideographic space or two */
	unsigned	 trail:1;	/* ended with white space */
	unsigned	 blank:1;	/* a blank line stands before it */
	unsigned	 rule:1;	/* a line of spaces (a note rule) before it */
	unsigned	 page:1;	/* first line of a page */
	unsigned	 drop:1;	/* page furniture */
	unsigned	 url:1;		/* holds a URL, or a piece of one */
	unsigned	 role:2;	/* enum line_role (footnotes_find) */
	int		 note;		/* LINE_NOTE: its number */
	int		 noteoff;	/* LINE_NOTE: where its text starts */
};

struct lines {
	struct phys	*p;
	size_t		 n;
	int		 trailmode;	/* a trailing space ends a logical line */
	int		 blankmode;	/* a blank line ends a paragraph */
	int		 width;		/* columns of a full body line */
	int		 indent;	/* columns a paragraph's first line loses */
	char		*header;	/* the running header, if one was seen */
	int		 ndropped;	/* furniture lines dropped */
	long		*numbers;	/* numbers alone on a line, sorted */
	size_t		 nnumbers;
	int		 notewidth;	/* columns of a full footnote line */
	const char	*path;		/* for messages */
	unsigned char	 notenums[1000 / 8];	/* notes' numbers, a set */
};

#define LINES_NONE	((size_t)-1)

void	lines_read(struct lines *, const struct input *);
void	lines_free(struct lines *);

/* Columns of the first unit of a line that could have ended the one before. */
int	lines_unit(const struct phys *);
/* The line may go on with a URL broken at the end of the line before. */
int	lines_url_tail(const struct phys *);
/* The next line of body text after line i, or LINES_NONE. */
size_t	lines_next_body(const struct lines *, size_t);
/*
 * Whether p, cols wide, fills a line of the given width: the first word
 * of q would not have fitted after it.
 */
int	lines_full(const struct phys *p, int cols, const struct phys *q,
	    int width);
/* Whether note n was found. */
int	lines_has_note(const struct lines *, int n);

#endif

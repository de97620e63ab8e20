/* Flattened tables in a PDF extraction: see import-ptable.c. */
#ifndef KB_IMPORT_PTABLE_H
#define KB_IMPORT_PTABLE_H

#include <stddef.h>

#include "buf.h"

struct elemlist;
struct lines;

struct ptable_row {
	struct buf	 left;		/* the left column's cell */
	int		 left_open;
	struct buf	*items;		/* the cells beside it */
	size_t		 nitems, itemscap;
	int		 item_open;
};

struct ptable {
	int			 active;
	int			 line;		/* the header's source line */
	int			 narrow;	/* columns of the left column */
	int			 itemw;		/* columns of a full item line */
	int			 rownum;	/* the last numbered row's number */
	int			 spaced;	/* blank lines part its cells */
	int			 tabbed;	/* tabs part them: a row a line */
	size_t			 rows;
	struct buf		 text;
	struct ptable_row	 row;
};

/* Whether line i heads a table; if so, the table is begun. */
int	ptable_start(struct ptable *, const struct lines *, size_t i);
/* Takes line i into the table; 0 when the table ended before it. */
int	ptable_take(struct ptable *, const struct lines *, size_t i,
	    struct elemlist *);
/* Ends the table: its rows become one EL_TABLE element. */
void	ptable_end(struct ptable *, const struct lines *, struct elemlist *);
void	ptable_free(struct ptable *);

#endif

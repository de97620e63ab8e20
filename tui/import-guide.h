/*
 * What the guide's builder (import-guide.c) uses: the shapes of a
 * guide's lines (import-guide-shape.c) and its text in pieces.  Strings are UTF-8 and NUL-terminated; what is
 * returned allocated belongs to the caller.
 */
#ifndef KB_IMPORT_GUIDE_H
#define KB_IMPORT_GUIDE_H

#include <stddef.h>

#include "import-elem.h"

#define GUIDE_HEAD_COLS		60	/* a part's heading is no wider */
#define GUIDE_GROUP_COLS	40	/* nor a group's or a sub-heading */
#define GUIDE_TITLE_COLS	120	/* nor a line of the guide's title */

/* ---- the text in pieces, as the builder reads it ---- */

struct gseg {
	char			*text;
	int			 line;
	int			 flags;		/* EF_* */
	enum elem_kind		 kind;		/* a Markdown heading: a line */
	const struct elem	*e;		/* EL_NOTE: the note */
};

struct gsegs {
	struct gseg	*v;
	size_t		 n, cap;
	int		 width;		/* columns of a full line, or 0 */
};


/* ---- shapes (import-guide-shape.c) ---- */

/* Holds none of ，。；！？ (a heading, a name, a title). */
int	guide_no_stops(const char *);
/* No wider than width columns, no sentence, no colon at its end. */
int	guide_heading_like(const char *, int width);
/* Opens with a label: 2 to 8 Han and a colon. */
int	guide_is_label(const char *);
/* The number of an item's enumerator: 3 of （3）, 3. and 三、; or 0. */
int	guide_item_number(const char *);
/* A part's heading: 一、总体目标 */
int	guide_part_heading(const char *);
/* A part's heading numbered after part *last, which it sets. */
int	guide_next_part(const char *, int *last);
/* 附件, 附件2, 附件：形式审查条件要求 */
int	guide_annex(const char *);
/* A closing part printed without a number: 联系方式 */
int	guide_closing_name(const char *);
/* （征求意见稿） */
int	guide_status_line(const char *);
/* Ends with 。！？ (maybe inside closing quotes), not ； or ： */
int	guide_ends_paragraph(const char *);
/* Fills a line of width columns (0: unknown, never). */
int	guide_fills(int width, const char *);

/* A field label: 研究内容：, 共拟支持经费：, 领域方向一： */
struct glabel {
	char		*name;		/* without 共 and the ordinal */
	char		*ordinal;	/* 一 of 领域方向一, or NULL */
	const char	*value;		/* the text after the colon */
	int		 known;		/* a label guides commonly print */
};

/*
 * Bytes of a label at the start of s (a short run of Han characters
 * and a colon), filling l, or 0; guide_label_free frees l's strings.
 */
size_t	guide_label(const char *s, struct glabel *l);
void	guide_label_free(struct glabel *l);
int	guide_known_label(const char *name);

/*
 * A direction "N.M name", the name Chinese or Latin, not a quantity
 * (5.9 亿元): sets its numbers and where the name starts.
 */
int	guide_direction(const char *s, int *major, int *minor,
	    size_t *nameoff);

/* The category a direction's title ends with: 基础研究类, or NULL. */
char	*guide_category(const char *title);

/*
 * The totals a guide's front matter prints (部署 18 个指南方向，拟支持
 * 152 个项目，拟安排国拨经费 5.9 亿元): fills what is still 0 or NULL.
 */
void	guide_totals(const char *text, int *ndirections, int *nprojects,
	    char **funding);

/* The first year written 20XX年 (or 19XX年) in s, or 0. */
int	guide_year(const char *s);

#endif

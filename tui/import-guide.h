/*
 * The shapes of a funding guide's lines (import-guide-shape.c), for
 * the guide's builder (import-guide.c).  Strings are UTF-8 and
 * NUL-terminated; what is returned allocated belongs to the caller.
 */
#ifndef KB_IMPORT_GUIDE_H
#define KB_IMPORT_GUIDE_H

#include <stddef.h>

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

/*
 * The parsed form of one source file: an issue (or guide) made of
 * columns holding articles.  Built by the importer's parsers, then
 * enriched (footnotes, dates, countries, themes) and finally written
 * to the database or dumped as JSON.  Every string is owned by the
 * structure that holds it; doc_issue_free() releases everything.
 */
#ifndef KB_DOC_H
#define KB_DOC_H

#include <stddef.h>

#include "diag.h"

enum doc_kind {
	DOC_BULLETIN,
	DOC_GUIDE
};

/* A guide's status: a draft for comment (征求意见稿) or final. */
enum guide_status {
	GUIDE_NONE,		/* not a guide */
	GUIDE_FINAL,
	GUIDE_DRAFT
};

enum block_type {
	BLOCK_PARAGRAPH,
	BLOCK_HEADING,
	BLOCK_TABLE	/* rows separated by '\n', cells by '\t' */
};

struct block {
	enum block_type	 type;
	char		*text;
	int		 line;		/* source line it started on */
};

struct footnote {
	int	  n;
	char	 *text;
	char	**urls;
	size_t	  nurls;
	int	  line;		/* source line it started on */
};

struct field {
	char	*name;
	char	*value;
};

enum country_role {
	ROLE_SUBJECT,
	ROLE_MENTIONED
};

struct country_hit {
	const char		*name;	/* the gazetteer's short name */
	enum country_role	 role;
	int			 count;
};

struct article {
	char		 *title;
	char		 *key;		/* stable across rebuilds */
	char		 *date;		/* YYYY-MM-DD or NULL */
	char		 *date_text;	/* as printed, spaces removed, or NULL */
	char		**authors;
	size_t		  nauthors, authorscap;
	struct block	 *blocks;
	size_t		  nblocks, blockscap;
	struct footnote	 *notes;
	size_t		  nnotes, notescap;
	struct field	 *fields;	/* a guide direction's fields */
	size_t		  nfields, fieldscap;
	struct country_hit *countries;	/* subjects first */
	size_t		  ncountries, countriescap;
	const char	**themes;	/* most relevant first */
	size_t		  nthemes;
	int		  line;		/* source line of the title */
};

struct column {
	char		*name;
	struct article	*articles;
	size_t		 narticles, articlescap;
	int		 line;		/* source line of the name, 0 if none */
};

/*
 * Text a parser left out where that may be wrong (text before the first
 * article, a footnote outside any article): the check pass
 * (import-check.c) reports each, with the message why.
 */
struct drop {
	enum diag_msg	 why;
	int		 line;
	char		*text;
};

struct issue {
	char		*source;	/* path as given */
	char		*key;		/* stable across rebuilds */
	enum doc_kind	 kind;
	char		*title;
	int		 year;		/* 0 when unknown */
	char		*date;		/* YYYY-MM-DD or NULL */
	char		*number;	/* as printed or NULL */
	enum guide_status status;
	int		 ndirections;	/* a guide's totals as its front */
	int		 nprojects;	/* matter prints them; 0 if not */
	char		*funding;	/* 5.9亿元, or NULL */
	struct column	*columns;
	size_t		 ncolumns, columnscap;
	struct drop	*drops;
	size_t		 ndrops, dropscap;
};

struct issue	*doc_issue_create(const char *source);
void		 doc_issue_free(struct issue *);
/* Frees an article's blocks, notes and fields (the arrays too). */
void		 doc_text_free(struct block *, size_t, struct footnote *,
		    size_t, struct field *, size_t);
struct column	*doc_column_add(struct issue *, const char *name, int line);
struct article	*doc_article_add(struct column *, const char *title, int line);
/*
 * Keeps the first n articles of column sec, and the first nblocks
 * blocks of the last of them; drops everything after.
 */
void		 doc_truncate(struct issue *, size_t sec, size_t n,
		    size_t nblocks);
void		 doc_block_add(struct article *, enum block_type,
		    const char *text, int line);
struct footnote	*doc_note_add(struct article *, int n, const char *text,
		    int line);
void		 doc_note_add_url(struct footnote *, const char *url);
void		 doc_field_add(struct article *, const char *name,
		    const char *value);
void		 doc_drop(struct issue *, enum diag_msg why, int line,
		    const char *text);
void		 doc_drops_free(struct issue *);	/* forgets them */
size_t		 doc_article_count(const struct issue *);
/* The text of an article's first paragraph, or NULL. */
const char	*doc_first_paragraph(const struct article *);

#endif

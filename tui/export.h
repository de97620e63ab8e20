/*
 * Articles written out for briefings: with their citations (title,
 * issue, date, column, editors, URLs) as Markdown, plain text, JSON or
 * CSV, for kuaibao --export and the reader's e.  Everything from the
 * database passes the sanitiser.  No curses here.
 */
#ifndef KB_EXPORT_H
#define KB_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct dbr;
struct filter;

enum export_format {
	EXPORT_MD,
	EXPORT_TXT,
	EXPORT_JSON,
	EXPORT_CSV
};

/* The format called name (md, txt, json, csv); -1 if none is. */
int	 export_format_named(const char *name);
/* Its file name extension, "md" ... */
const char *export_extension(enum export_format);
/*
 * The articles passing f, in the sidebar's order: issues newest first,
 * an issue's articles in order.  Their ids in *out (caller frees).
 */
size_t	 export_select(struct dbr *, const struct filter *, int64_t **out);
/* Writes the articles ids to fp: 0, or -1 when fp could not be written. */
int	 export_write(struct dbr *, const int64_t *ids, size_t n,
	    enum export_format, FILE *fp);
/* s sanitised, as a JSON string with its quotes. */
void	 export_json_string(FILE *, const char *s);
/* s, sanitised: no control character, no line break; nothing for NULL. */
void	 export_put(FILE *, const char *s);

#endif

/*
 * Parsing one source file into an issue: decoding, the format's reader,
 * the builder, footnotes, dates, keys, countries and themes.
 */
#ifndef KB_IMPORT_H
#define KB_IMPORT_H

#include <stddef.h>

struct issue;
struct gazetteer;
struct themes;

struct import_opts {
	int			 year;		/* overrides, 0/NULL if unset */
	const char		*date;
	const char		*number;
	const struct gazetteer	*gaz;		/* may be NULL */
	const struct themes	*themes;	/* may be NULL */
};

/* NULL after an error diagnostic; the caller frees with doc_issue_free. */
struct issue	*import_file(const char *path, const struct import_opts *);
struct issue	*import_bytes(const char *path, const char *bytes, size_t len,
		    const struct import_opts *);

#endif

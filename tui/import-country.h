/*
 * Countries: the editable gazetteer data/countries.tsv (countries, and
 * groups of countries with their members) and the tagging of articles
 * with the countries they are about (subject: named in the title or
 * acting in the lead sentence, or a member of a group so named) or
 * merely mention.
 */
#ifndef KB_IMPORT_COUNTRY_H
#define KB_IMPORT_COUNTRY_H

#include <stddef.h>

struct issue;
struct gazetteer;

struct country {
	char	*name;		/* 美国, 金砖国家 */
	char	*code;		/* US, BRICS */
	char	*iso3;		/* USA, or NULL */
	char	*english;	/* "United States;USA;…", or NULL */
};

/* NULL after an error naming the file and line. */
struct gazetteer	*gazetteer_load(const char *path);
void			 gazetteer_free(struct gazetteer *);
size_t			 gazetteer_count(const struct gazetteer *);
const struct country	*gazetteer_get(const struct gazetteer *, size_t);

void	country_tag(const struct gazetteer *, struct issue *);

#endif

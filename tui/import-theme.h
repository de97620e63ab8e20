/*
 * Themes: the fixed list of 21, the editable keywords of
 * data/themes.tsv, and the scoring of articles by them.
 */
#ifndef KB_IMPORT_THEME_H
#define KB_IMPORT_THEME_H

#include <stddef.h>

struct issue;
struct themes;

extern const char *const theme_names[];
extern const size_t theme_count;

/* NULL after an error naming the file and line. */
struct themes	*themes_load(const char *path);
void		 themes_free(struct themes *);
/*
 * The English names (and pinyin) of theme i, ";" between them, as the
 * lines "theme<TAB>=<TAB>names" give them, or NULL.
 */
const char	*themes_english(const struct themes *, size_t i);
void		 theme_tag(const struct themes *, struct issue *);

#endif

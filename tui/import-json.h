/* The JSON dump of parsed issues (format kuaibao-dump/1, see kuaibao(5)). */
#ifndef KB_IMPORT_JSON_H
#define KB_IMPORT_JSON_H

#include <stdio.h>

struct issue;

void	json_begin(FILE *);
void	json_issue(FILE *, const struct issue *, int first);
void	json_end(FILE *);

#endif

/*
 * The outline of a parsed issue (kuaibao-import --outline): its
 * columns and articles with their source lines, dates, editors and
 * footnotes, for a person to check a new issue at a glance.
 */
#ifndef KB_IMPORT_OUTLINE_H
#define KB_IMPORT_OUTLINE_H

#include <stdio.h>

struct issue;

void	outline_issue(FILE *, const struct issue *);

#endif

/*
 * The database schema, shared by the writer and the reader; documented
 * in kuaibao(5).  Bump DB_SCHEMA_VERSION on any incompatible change.
 */
#ifndef KB_DB_SCHEMA_H
#define KB_DB_SCHEMA_H

#include <stdint.h>

#define DB_SCHEMA_VERSION	2

/* Article ids sort by issue date: days since 1970 << 30 | a counter. */
#define DB_ID_SHIFT		30
/* Block ids: article id << 16 | the block's position in the article. */
#define DB_BLOCK_SHIFT		16
#define DB_BLOCK_MAX		((1 << DB_BLOCK_SHIFT) - 1)

extern const char db_schema_sql[];

/* Days since 1970-01-01 of YYYY-MM-DD (or of year-07-01 when only a
 * year is known, 0 when nothing is). */
int64_t	db_days(const char *date, int year);

#endif

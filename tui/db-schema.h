/*
 * The database schema, shared by the writer and the reader; documented
 * in kuaibao(5).  Bump DB_SCHEMA_VERSION on any incompatible change.
 */
#ifndef KB_DB_SCHEMA_H
#define KB_DB_SCHEMA_H

#include <stdint.h>

#define DB_SCHEMA_VERSION	5
/*
 * The oldest schema still read (and brought up to date by an import
 * into it): 4 lacks themes.english, the names of the theme prompt.
 */
#define DB_SCHEMA_OLDEST	4

/*
 * Ids sort by issue date.  An issue's id is its day (since 1900) <<
 * DB_SLOT_BITS | its place among that day's issues; its articles' ids
 * are the issue's << DB_ARTICLE_BITS | their position, from 1.  So an
 * article's issue is its id >> DB_ARTICLE_BITS and an issue's articles
 * are one range of ids: the reader never needs a lookup for either.
 */
#define DB_MAX_DAY		((1 << 17) - 1)	/* blocks take 16 bits more */
#define DB_SLOT_BITS		10
#define DB_ARTICLE_BITS		20
#define DB_MAX_ISSUE		((((int64_t)DB_MAX_DAY + 1) << DB_SLOT_BITS) - 1)
#define DB_ISSUE_OF(article)	((article) >> DB_ARTICLE_BITS)
#define DB_FIRST_ARTICLE(issue)	((issue) << DB_ARTICLE_BITS)
#define DB_LAST_ARTICLE(issue)	(DB_FIRST_ARTICLE(issue) + \
				    ((int64_t)1 << DB_ARTICLE_BITS) - 1)
/* Country and theme ids: rows of lists of a few hundred. */
#define DB_MAX_LIST_ID		((1 << 20) - 1)
/* Block ids: article id << 16 | the block's position in the article. */
#define DB_BLOCK_SHIFT		16
#define DB_BLOCK_MAX		((1 << DB_BLOCK_SHIFT) - 1)

/* The same ranges in SQL, for ?1 an article's id or an issue's. */
#define DB_STR_(x)		#x
#define DB_STR(x)		DB_STR_(x)
#define DB_ID_RANGE_(p, bits)	"BETWEEN " p " << " bits " AND (" p " << " \
				    bits ") + ((1 << " bits ") - 1)"
#define DB_ARTICLES_OF_ISSUE	DB_ID_RANGE_("?1", DB_STR(DB_ARTICLE_BITS))
#define DB_BLOCKS_OF_ARTICLE	DB_ID_RANGE_("?1", DB_STR(DB_BLOCK_SHIFT))
#define DB_BLOCKS_OF_ISSUE	DB_ID_RANGE_("?1", "(" \
				    DB_STR(DB_ARTICLE_BITS) " + " \
				    DB_STR(DB_BLOCK_SHIFT) ")")

/* An issue i's kind and status: 0 a bulletin, 1 a guide, 2 a draft guide. */
#define DB_GUIDE_STATUS		"(CASE WHEN i.kind <> 'guide' THEN 0" \
				    " WHEN EXISTS (SELECT 1 FROM guides g" \
				    " WHERE g.issue_id = i.id AND g.status =" \
				    " 'draft') THEN 2 ELSE 1 END)"

extern const char db_schema_sql[];

/* Days since 1900-01-01 of YYYY-MM-DD (or of year-07-01 when only a
 * year is known, 0 when nothing is), within 0 to DB_MAX_DAY (2258). */
int64_t	db_days(const char *date, int year);

#endif

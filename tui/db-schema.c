/* The database schema (see kuaibao(5)). */
#include <stdio.h>
#include <stdlib.h>

#include "db-schema.h"

const char db_schema_sql[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"
	"  WITHOUT ROWID;"
	"CREATE TABLE issues("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  source TEXT NOT NULL,"
	"  source_name TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('bulletin', 'guide')),"
	"  title TEXT NOT NULL,"
	"  year INTEGER,"
	"  date TEXT,"
	"  number TEXT,"
	"  day INTEGER NOT NULL,"	/* days since 1900 (see db-schema.h) */
	"  narticles INTEGER NOT NULL);"
	/* what a guide's front matter says of it; bulletins have no row */
	"CREATE TABLE guides("
	"  issue_id INTEGER PRIMARY KEY,"
	"  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),"
	"  directions INTEGER,"
	"  projects INTEGER,"
	"  funding TEXT);"
	"CREATE TABLE sections("
	"  id INTEGER PRIMARY KEY,"
	"  issue_id INTEGER NOT NULL REFERENCES issues(id),"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  narticles INTEGER NOT NULL);"
	"CREATE INDEX sections_by_issue ON sections(issue_id, pos);"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  issue_id INTEGER NOT NULL REFERENCES issues(id),"
	"  section_id INTEGER NOT NULL REFERENCES sections(id),"
	"  title TEXT NOT NULL,"
	"  date TEXT,"
	"  date_text TEXT,"
	"  authors TEXT NOT NULL);"
	"CREATE INDEX articles_by_section ON articles(section_id, id);"
	/* id = article id << DB_BLOCK_SHIFT | position: no index needed */
	"CREATE TABLE blocks("
	"  id INTEGER PRIMARY KEY,"
	"  type TEXT NOT NULL CHECK (type IN ('p', 'h', 't')),"
	"  text TEXT NOT NULL);"
	"CREATE TABLE footnotes("
	"  article_id INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  urls TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, seq)) WITHOUT ROWID;"
	"CREATE TABLE fields("
	"  article_id INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, seq)) WITHOUT ROWID;"
	/* a guide's directions by 类别, 实施年限 …: few rows, one range */
	"CREATE INDEX fields_by_value ON fields(name, value);"
	"CREATE TABLE countries("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  code TEXT NOT NULL,"
	"  iso3 TEXT,"
	"  english TEXT,"
	"  narticles INTEGER NOT NULL DEFAULT 0,"
	"  nsubject INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE article_countries("
	"  country_id INTEGER NOT NULL,"
	"  role INTEGER NOT NULL,"	/* 0 subject, 1 mentioned */
	"  article_id INTEGER NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  PRIMARY KEY (country_id, role, article_id)) WITHOUT ROWID;"
	"CREATE INDEX countries_by_article ON article_countries(article_id, pos);"
	"CREATE INDEX articles_by_country ON article_countries(country_id,"
	"  article_id, role);"
	"CREATE TABLE themes("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  narticles INTEGER NOT NULL DEFAULT 0,"
	"  english TEXT);"	/* since schema 5 */
	"CREATE TABLE article_themes("
	"  theme_id INTEGER NOT NULL,"
	"  article_id INTEGER NOT NULL,"
	"  rank INTEGER NOT NULL,"
	"  PRIMARY KEY (theme_id, article_id)) WITHOUT ROWID;"
	"CREATE INDEX themes_by_article ON article_themes(article_id, rank);"
	/* no positions: the bigrams of a longer word are ANDed */
	"CREATE VIRTUAL TABLE fts USING fts5(title, body, content='',"
	"  detail=none, columnsize=0, tokenize='kuaibao');";

int64_t
db_days(const char *date, int year)
{
	int y, m, d;
	int64_t a, yy, mm;

	if (date != NULL && sscanf(date, "%d-%d-%d", &y, &m, &d) == 3) {
		;
	} else if (year > 0) {
		y = year;
		m = 7;
		d = 1;
	} else
		return 0;
	/* days from civil, proleptic Gregorian */
	yy = y - (m <= 2);
	mm = m <= 2 ? m + 9 : m - 3;
	a = yy >= 0 ? yy / 400 : (yy - 399) / 400;
	a = a * 146097 + (yy - a * 400) * 365 + (yy - a * 400) / 4 -
	    (yy - a * 400) / 100 + (153 * mm + 2) / 5 + d - 1 - 693901;
	/* ids hold days in 17 bits (db-schema.h): 1900 to 2258 */
	return a < 0 ? 0 : a > DB_MAX_DAY ? DB_MAX_DAY : a;
}

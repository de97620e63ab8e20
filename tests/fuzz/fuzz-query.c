/*
 * libFuzzer target: what a user types in the search and filter prompts.
 * The FTS5 query made of it (dbr_fts_query) must never be a syntax
 * error: it is run against an index with the kuaibao tokenizer.  The
 * tokenizer itself, as for a document and as for a query, must give
 * tokens that lie inside the text.  choice_narrow over a list of
 * choices must return each matching index once, in range.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db-read.h"
#include "db-tokenizer.h"
#include "choice.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static sqlite3 *db;
static sqlite3_stmt *match;

static struct choice choices[] = {
	{ 1, "日本", "JP", "JPN", "Japan", 3, 5 },
	{ 2, "美国", "US", "USA", "United States;America;U.S.", 9, 12 },
	{ 3, "中国", "CN", "CHN", "China;PRC", 4, 20 },
	{ 4, "欧盟", "EU", NULL, "European Union;EU", 2, 2 },
	{ 5, "半导体与芯片", NULL, NULL, NULL, 7, 7 },
	{ 6, "印度尼西亚", "ID", "IDN", "Indonesia", 1, 1 },
};
#define NCHOICES (sizeof(choices) / sizeof(choices[0]))

static void
fail(const char *what, const char *detail)
{
	fprintf(stdout, "fuzz-query: %s: %s\n", what, detail);
	fflush(stdout);
	abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    db_tokenizer_register(db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE fts USING fts5(title, body,"
	    " detail=none, tokenize='kuaibao');"
	    "INSERT INTO fts(title, body) VALUES ('美国发布芯片法案',"
	    " '人工智能与量子计算 AI 5G'), ('日本', 'Japan 半导体');",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rowid FROM fts WHERE fts MATCH ?",
	    -1, &match, NULL) != SQLITE_OK)
		fail("set-up", sqlite3_errmsg(db));
	return 0;
}

struct span {
	int	len;	/* of the text */
};

static int
token(void *arg, const char *tok, int toklen, int start, int end)
{
	const struct span *sp = arg;

	if (tok == NULL || toklen <= 0 || start < 0 || start > end ||
	    end > sp->len)
		fail("tokenizer", "a token outside the text");
	return 0;
}

static void
run(sqlite3_stmt *st, const char *what, const char *detail)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fail(what, detail != NULL ? detail : sqlite3_errmsg(db));
	sqlite3_reset(st);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct span sp;
	char *typed, *q, *seen;
	size_t *idx, n, i;

	if (size > 1024)
		size = 1024;	/* a line typed in a prompt */
	typed = malloc(size + 1);
	memcpy(typed, data, size);
	typed[size] = '\0';

	sp.len = (int)strlen(typed);	/* up to a NUL, as a prompt gives */
	db_tokenize(typed, sp.len, 0, token, &sp);
	db_tokenize(typed, sp.len, 1, token, &sp);
	if ((q = dbr_fts_query(typed)) != NULL) {
		sqlite3_bind_text(match, 1, q, -1, SQLITE_STATIC);
		run(match, "the query is not valid FTS5", q);
		free(q);
	}

	n = choice_narrow(choices, NCHOICES, typed, &idx);
	seen = calloc(NCHOICES, 1);
	for (i = 0; i < n; i++) {
		if (idx[i] >= NCHOICES || seen[idx[i]]++)
			fail("choice_narrow", "index out of range or repeated");
		if (choice_score(&choices[idx[i]], typed) <= 0)
			fail("choice_narrow", "a choice that does not match");
	}
	free(seen);
	free(idx);
	free(typed);
	return 0;
}

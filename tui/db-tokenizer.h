/*
 * The full-text tokenizer "kuaibao", registered with FTS5 in every
 * connection that touches the index.  Chinese (and Japanese, Korean)
 * text is cut into overlapping bigrams, so that two-character words
 * such as 芯片, 氢能 and 量子 are single index terms found in one
 * lookup; the last character of a run is also indexed alone, so that
 * a one-character query can run as a prefix query.  Latin words and
 * numbers are case-folded whole words; full-width Latin is folded to
 * ASCII.
 */
#ifndef KB_DB_TOKENIZER_H
#define KB_DB_TOKENIZER_H

#include <sqlite3.h>

int	db_tokenizer_register(sqlite3 *);	/* SQLITE_OK or an error */

/*
 * Calls fn for each token of text, as the index sees it (for tests and
 * for highlighting what a query matched); stops at the first non-zero
 * return of fn and returns it.
 */
int	db_tokenize(const char *text, int len, int query,
	    int (*fn)(void *, const char *tok, int toklen, int start, int end),
	    void *arg);

#endif

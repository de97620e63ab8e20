/* What was typed in the search prompt: its words, as an FTS5 query. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db-read.h"
#include "db-read-int.h"
#include "db-tokenizer.h"
#include "text.h"
#include "xmalloc.h"

struct qctx {
	struct buf	*b;
	int		 ntok;
};

static int
add_token(void *arg, const char *tok, int len, int start, int end)
{
	struct qctx *q = arg;
	int i;

	(void)start;
	(void)end;
	if (q->b->len > 0)
		buf_addc(q->b, ' ');
	buf_addc(q->b, '"');
	for (i = 0; i < len; i++) {
		if (tok[i] == '"')
			buf_addc(q->b, '"');
		buf_addc(q->b, tok[i]);
	}
	buf_addc(q->b, '"');
	q->ntok++;
	return 0;
}

/* A word of Chinese only, three characters or more. */
int
dbr_long_cjk(const char *w)
{
	const char *p;
	uint32_t c;
	int n, chars;

	for (p = w, chars = 0; *p != '\0'; p += n, chars++) {
		c = text_first(p, strlen(p), &n);
		if (n <= 0 || !text_is_cjk(c))
			return 0;
	}
	return chars >= 3;
}

/*
 * What the user typed, as an FTS5 query: every token of every word
 * must occur (the index has no positions, so the bigrams of a longer
 * word are ANDed; dbr_search checks the word itself).  Tokens are
 * quoted, so nothing typed is FTS5 syntax; a single Chinese character
 * is a prefix query, since the index holds bigrams.
 */
char *
dbr_fts_query(const char *typed)
{
	struct buf b = { 0 };
	struct qctx q;
	char **w;
	size_t n, i;
	uint32_t c;
	int len;

	n = text_words(typed, &w);
	q.b = &b;
	for (i = 0; i < n; i++) {
		q.ntok = 0;
		db_tokenize(w[i], (int)strlen(w[i]), 1, add_token, &q);
		c = text_first(w[i], strlen(w[i]), &len);
		if (q.ntok == 1 && w[i][len] == '\0' && text_is_cjk(c))
			buf_adds(&b, " *");
	}
	free_strings(w, n);
	return b.len ? buf_take(&b) : NULL;
}

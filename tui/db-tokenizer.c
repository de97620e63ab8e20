/* The FTS5 tokenizer: CJK bigrams, case-folded Latin words. */
#include <string.h>

#include <sqlite3.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "db-tokenizer.h"
#include "text.h"

#define TOKEN_MAX	64

enum cls {
	C_SEP,
	C_CJK,
	C_WORD
};

/* The class of c, with full-width ASCII folded to ASCII. */
static enum cls
classify(ucs4_t *c)
{
	if (*c < 0x80) {
		if ((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z'))
			return C_WORD;
		if (*c >= 'A' && *c <= 'Z') {
			*c |= 0x20;
			return C_WORD;
		}
		return C_SEP;
	}
	if (*c >= 0xff01 && *c <= 0xff5e) {
		*c -= 0xfee0;
		return classify(c);
	}
	if (text_is_cjk(*c))
		return C_CJK;
	if (uc_is_alnum(*c)) {
		*c = uc_tolower(*c);
		return C_WORD;
	}
	return C_SEP;
}

struct cjk {
	const char	*start[2];	/* the previous character */
	int		 len[2];
	int		 n;		/* characters in the run so far */
};

typedef int (*token_fn)(void *, const char *, int, int, int);

static int
cjk_flush(struct cjk *r, const char *text, int query, token_fn fn, void *arg)
{
	int rc;

	rc = SQLITE_OK;
	/* a single character, or the last one of a run (not in queries) */
	if (r->n == 1 || (r->n > 1 && !query))
		rc = fn(arg, r->start[1], r->len[1],
		    (int)(r->start[1] - text),
		    (int)(r->start[1] - text) + r->len[1]);
	r->n = 0;
	return rc;
}

int
db_tokenize(const char *text, int len, int query, token_fn fn, void *arg)
{
	const uint8_t *p, *end;
	struct cjk run;
	char word[TOKEN_MAX + 8];
	const char *wstart;
	ucs4_t c;
	enum cls k;
	int n, wlen, rc;
	char bigram[8];

	p = (const uint8_t *)text;
	end = p + len;
	memset(&run, 0, sizeof(run));
	wlen = 0;
	wstart = NULL;
	rc = SQLITE_OK;
	while (p < end && rc == SQLITE_OK) {
		if (*p < 0x80) {
			c = *p;
			n = 1;
		} else if ((n = u8_mbtouc(&c, p, (size_t)(end - p))) <= 0)
			n = 1;
		k = classify(&c);
		if (k != C_WORD && wlen > 0) {
			rc = fn(arg, word, wlen, (int)(wstart - text),
			    (int)((const char *)p - text));
			wlen = 0;
			if (rc != SQLITE_OK)
				break;
		}
		if (k != C_CJK && run.n > 0 &&
		    (rc = cjk_flush(&run, text, query, fn, arg)) != SQLITE_OK)
			break;
		if (k == C_WORD) {
			if (wlen == 0)
				wstart = (const char *)p;
			if (wlen + 6 < TOKEN_MAX)
				wlen += u8_uctomb((uint8_t *)word + wlen, c, 6);
		} else if (k == C_CJK) {
			run.start[0] = run.start[1];
			run.len[0] = run.len[1];
			run.start[1] = (const char *)p;
			run.len[1] = n;
			if (++run.n >= 2) {
				memcpy(bigram, run.start[0], (size_t)run.len[0]);
				memcpy(bigram + run.len[0], p, (size_t)n);
				rc = fn(arg, bigram, run.len[0] + n,
				    (int)(run.start[0] - text),
				    (int)((const char *)p - text) + n);
			}
		}
		p += n;
	}
	if (rc == SQLITE_OK && wlen > 0)
		rc = fn(arg, word, wlen, (int)(wstart - text), len);
	if (rc == SQLITE_OK && run.n > 0)
		rc = cjk_flush(&run, text, query, fn, arg);
	return rc;
}

/* FTS5 glue. */

struct tok_ctx {
	void	*ctx;
	int	 (*xToken)(void *, int, const char *, int, int, int);
};

static int
tok_cb(void *arg, const char *tok, int toklen, int start, int end)
{
	struct tok_ctx *t = arg;

	return t->xToken(t->ctx, 0, tok, toklen, start, end);
}

static int
kb_create(void *ud, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ud;
	(void)argv;
	(void)argc;
	*out = (Fts5Tokenizer *)1;	/* stateless */
	return SQLITE_OK;
}

static void
kb_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int
kb_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int len, int (*xToken)(void *, int, const char *, int, int, int))
{
	struct tok_ctx tc;

	(void)t;
	tc.ctx = ctx;
	tc.xToken = xToken;
	return db_tokenize(text, len, (flags & FTS5_TOKENIZE_QUERY) != 0,
	    tok_cb, &tc);
}

int
db_tokenizer_register(sqlite3 *db)
{
	static fts5_tokenizer tok = { kb_create, kb_delete, kb_tokenize };
	fts5_api *api;
	sqlite3_stmt *st;
	int rc;

	api = NULL;
	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	rc = sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	if (api == NULL)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "kuaibao", NULL, &tok, NULL);
}

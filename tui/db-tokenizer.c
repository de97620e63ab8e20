/* The FTS5 tokenizer: CJK bigrams, case-folded Latin words. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "db-tokenizer.h"
#include "text.h"
#include "utf8.h"
#include "xmalloc.h"

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

/*
 * The index keeps no positions or counts (detail=none), so a token
 * seen again in the same text adds nothing: it is not passed on.  This
 * halves what FTS5 has to hash.  The set is a table of 64-bit hashes
 * stamped with the number of the call, so it is never cleared.
 */
struct seen {
	uint64_t	*key;
	uint32_t	*stamp;
	size_t		 size, used;	/* size: a power of two */
	uint32_t	 now;
};

static uint64_t
hash_token(const char *s, int len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	int i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h | 1;
}

static void
seen_grow(struct seen *t)
{
	struct seen old = *t;
	size_t i, j;

	t->size = old.size ? old.size * 2 : 4096;
	t->key = xcalloc(t->size, sizeof(*t->key));
	t->stamp = xcalloc(t->size, sizeof(*t->stamp));
	t->used = 0;
	for (i = 0; i < old.size; i++) {
		if (old.stamp[i] != t->now)
			continue;
		for (j = old.key[i] & (t->size - 1); t->stamp[j] == t->now;
		    j = (j + 1) & (t->size - 1))
			;
		t->key[j] = old.key[i];
		t->stamp[j] = t->now;
		t->used++;
	}
	free(old.key);
	free(old.stamp);
}

/* 1 if the token was already seen in this text (and remembers it). */
static int
seen_before(struct seen *t, const char *s, int len)
{
	uint64_t h;
	size_t j;

	if (t->used * 2 >= t->size)
		seen_grow(t);
	h = hash_token(s, len);
	for (j = h & (t->size - 1); t->stamp[j] == t->now;
	    j = (j + 1) & (t->size - 1))
		if (t->key[j] == h)
			return 1;
	t->key[j] = h;
	t->stamp[j] = t->now;
	t->used++;
	return 0;
}

struct dedup {
	struct seen	*seen;
	token_fn	 fn;
	void		*arg;
};

static int
dedup_cb(void *arg, const char *tok, int len, int start, int end)
{
	struct dedup *d = arg;

	if (seen_before(d->seen, tok, len))
		return SQLITE_OK;
	return d->fn(d->arg, tok, len, start, end);
}

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
		n = (int)utf8_decode((const char *)p, (size_t)(end - p), &c);
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

/*
 * An instance (one per FTS5 table) holds the set of tokens already
 * passed on for the text being tokenized; it is reused from one text
 * to the next.
 */
static int
kb_create(void *ud, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ud;
	(void)argv;
	(void)argc;
	*out = xcalloc(1, sizeof(struct seen));
	return SQLITE_OK;
}

static void
kb_delete(Fts5Tokenizer *t)
{
	struct seen *seen = (struct seen *)t;

	free(seen->key);
	free(seen->stamp);
	free(seen);
}

static int
kb_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
    int len, int (*xToken)(void *, int, const char *, int, int, int))
{
	struct seen *seen = (struct seen *)t;
	struct tok_ctx tc;
	struct dedup d;

	tc.ctx = ctx;
	tc.xToken = xToken;
	if (flags & FTS5_TOKENIZE_QUERY)
		return db_tokenize(text, len, 1, tok_cb, &tc);
	/* a document (or one being deleted): each token once */
	if (++seen->now == 0) {
		memset(seen->stamp, 0, seen->size * sizeof(*seen->stamp));
		seen->now = 1;
	}
	seen->used = 0;
	d.seen = seen;
	d.fn = tok_cb;
	d.arg = &tc;
	return db_tokenize(text, len, 0, dedup_cb, &d);
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

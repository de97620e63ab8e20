/*
 * Character classes and string helpers for Chinese text, shared by the
 * importer's parsers and the full-text tokenizer.
 */
#ifndef KB_TEXT_H
#define KB_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

int	 text_is_han(uint32_t);		/* Han ideographs (CJK unified) */
int	 text_is_cjk(uint32_t);		/* Han ideographs, kana, hangul */
int	 text_is_fullwidth(uint32_t);	/* CJK and full-width punctuation */
int	 text_is_space(uint32_t);
uint32_t text_first(const char *s, size_t len, int *bytes);
uint32_t text_last(const char *s, size_t len, int *bytes);

/*
 * Joins two pieces of a wrapped line: no space where either side is
 * Chinese, one space between Latin words when sep_space is set.
 */
void	 text_join(struct buf *, const char *, size_t, int sep_space);

/*
 * Returns a copy with white space normalised the way the bulletins are
 * typeset: none next to a Chinese character or full-width punctuation,
 * one space between Latin words, trimmed.
 */
char	*text_squeeze(const char *s, size_t len);

/* The words of s, split at white space (U+3000 and U+00A0 too); the
 * caller frees them with free_strings. */
size_t	 text_words(const char *s, char ***out);

/* A copy without ASCII spaces and tabs: letter-spaced labels (目 录, 主  办：). */
char	*text_unspaced(const char *s);

/* Trims ASCII and ideographic spaces at both ends; returns the new length. */
size_t	 text_trim(const char **s, size_t len);

/* Display width in columns (CJK 2, else 1), for layout guesses only. */
int	 text_cols(const char *s, size_t len);

/* Whether the len bytes at s contain needle. */
int	 text_has(const char *s, size_t len, const char *needle);
/*
 * The number the digits at s spell, n of them at most (9 or fewer).
 * Not atoi(): s may be a slice of a long text, which atoi() may measure
 * to its end (the sanitizers' strtol does, for every marker).
 */
int	 text_digits(const char *s, size_t n);
int	 text_starts(const char *s, const char *prefix);
int	 text_ends(const char *s, size_t len, const char *suffix);

#endif

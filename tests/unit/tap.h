/* Helpers shared by the cmocka unit tests: UTF-8 locale, corpus files. */
#ifndef KB_TAP_H
#define KB_TAP_H

/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#include <cmocka.h>

/*
 * Group setup: wcwidth() and mbrtowc() (so ncurses and the checks in
 * the tests) only know UTF-8 under a UTF-8 LC_CTYPE.
 */
static inline int
tap_setup_utf8(void **state)
{
	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL &&
	    setlocale(LC_ALL, "C.utf8") == NULL) {
		fprintf(stderr, "no C.UTF-8 locale\n");
		return -1;
	}
	return 0;
}

/* "dir/name" in a new string the caller frees. */
static inline char *
tap_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p;

	p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/*
 * The corpus directory: $KB_CORPUS, else data/corpus seen from the
 * top of the tree (where make runs the tests) or from below it.
 * Fails the test when there is none.
 */
static inline const char *
tap_corpus_dir(void)
{
	static const char *dirs[] = { "data/corpus", "../data/corpus",
	    "../../data/corpus" };
	struct stat st;
	const char *env;
	size_t i;

	if ((env = getenv("KB_CORPUS")) != NULL && *env != '\0')
		return env;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (stat(dirs[i], &st) == 0 && S_ISDIR(st.st_mode))
			return dirs[i];
	fail_msg("data/corpus not found: run from the top of the tree or "
	    "set KB_CORPUS");
	return NULL;
}

/* The whole file, NUL-terminated; *lenp gets its length. */
static inline char *
tap_slurp(const char *path, size_t *lenp)
{
	FILE *f;
	char *s;
	long n = 0;

	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("%s: cannot open", path);
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		fail_msg("%s: cannot seek", path);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	if (fread(s, 1, (size_t)n, f) != (size_t)n)
		fail_msg("%s: short read", path);
	s[n] = '\0';
	fclose(f);
	*lenp = (size_t)n;
	return s;
}

/*
 * The display width of the len bytes at s as the C library (and so
 * ncurses) measures it: mbrtowc() and wcwidth().  Fails the test on
 * bytes that are not UTF-8, on NUL and on a character wcwidth() does
 * not know.
 */
static inline int
tap_libc_width(const char *s, size_t len)
{
	mbstate_t st;
	wchar_t wc;
	size_t i, n;
	int w, cw;

	memset(&st, 0, sizeof(st));
	w = 0;
	for (i = 0; i < len; i += n) {
		n = mbrtowc(&wc, s + i, len - i, &st);
		assert_true(n != (size_t)-1 && n != (size_t)-2 && n != 0);
		cw = wcwidth(wc);
		assert_true(cw >= 0);
		w += cw;
	}
	return w;
}

#endif

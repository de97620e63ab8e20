/*
 * Importer diagnostics in the style of mandoc:
 *   kuaibao-import: file:line:col: LEVEL: message
 * The exit status is the worst level seen (see diag_status()).
 */
#ifndef KB_DIAG_H
#define KB_DIAG_H

enum diag_level {
	DIAG_NOTICE,	/* something was converted; the result is right */
	DIAG_WARNING,	/* the result may be imperfect */
	DIAG_ERROR,	/* the file was refused; nothing is written */
	DIAG_FATAL	/* the run cannot continue (system error) */
};

void	diag(const char *file, int line, int col, enum diag_level,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
enum diag_level diag_worst(void);
int	diag_status(void);	/* 0 ok/notices, 1 warnings, 2 errors, 3 fatal */
void	diag_quiet(int);	/* suppress notices and warnings (fuzzing) */
void	diag_reset(void);

#endif

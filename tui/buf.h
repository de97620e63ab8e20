/* A growable byte buffer, always NUL-terminated, for building strings. */
#ifndef KB_BUF_H
#define KB_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*s;	/* NUL-terminated contents, NULL before first use */
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 buf_truncate(struct buf *, size_t);
char	*buf_take(struct buf *);	/* caller owns the result; buf is reset */
void	 buf_free(struct buf *);
const char *buf_str(const struct buf *);	/* "" when empty */

#endif

/*
 * How the reader writes a day (set date-format): a strftime format for
 * the dates the archive keeps as YYYY-MM-DD.  The default is the ISO
 * form itself, so that nothing is formatted unless the user asks.
 */
#ifndef KB_DATEFMT_H
#define KB_DATEFMT_H

#define DATEFMT_MAX	64	/* bytes a formatted day may take */

/*
 * The format for the rest of the process (NULL: the default).  -1 when
 * it writes nothing or more than DATEFMT_MAX bytes for a day.
 */
int	 datefmt_set(const char *fmt);
const char *datefmt_get(void);
/* iso ("2023-04-20") as the format writes it; anything else as it is.
 * The caller frees. */
char	*datefmt_day(const char *iso);

#endif

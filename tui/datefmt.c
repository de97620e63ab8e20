/* The days the reader shows, in the format set date-format chose. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "datefmt.h"
#include "xmalloc.h"

static char *format;	/* NULL: ISO, as kept */

/* tm from "YYYY-MM-DD", or -1. */
static int
parse_day(const char *s, struct tm *tm)
{
	int y, m, d, n = 0;

	if (s == NULL || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = 12;
	tm->tm_isdst = -1;
	mktime(tm);		/* the weekday and the day of the year */
	return 0;
}

/* The day in fmt into out (DATEFMT_MAX + 1 bytes): its length, 0 when
 * the format writes nothing or too much. */
static size_t
format_day(const char *fmt, const struct tm *tm, char *out)
{
	return strftime(out, DATEFMT_MAX + 1, fmt, tm);
}

int
datefmt_set(const char *fmt)
{
	char out[DATEFMT_MAX + 1];
	struct tm tm;

	if (fmt == NULL || strcmp(fmt, "%Y-%m-%d") == 0) {
		free(format);
		format = NULL;
		return 0;
	}
	/* the longest day's names: a Wednesday in September */
	parse_day("2023-09-27", &tm);
	if (*fmt == '\0' || format_day(fmt, &tm, out) == 0)
		return -1;
	free(format);
	format = xstrdup(fmt);
	return 0;
}

const char *
datefmt_get(void)
{
	return format != NULL ? format : "%Y-%m-%d";
}

char *
datefmt_day(const char *iso)
{
	char out[DATEFMT_MAX + 1];
	struct tm tm;

	if (format == NULL || parse_day(iso, &tm) == -1 ||
	    format_day(format, &tm, out) == 0)
		return xstrdup(iso);
	return xstrdup(out);
}

/* Restricted mode: the one predicate every file, pipe or clipboard asks. */
#include <stdlib.h>
#include <string.h>

#include "restrict.h"

static int restricted;
static int copy_off;

void
restrict_enable(void)
{
	restricted = 1;
}

int
restrict_on(void)
{
	return restricted;
}

int
restrict_from_env(void)
{
	const char *e = getenv("KUAIBAO_SECURE");

	return e != NULL && *e != '\0' && strcmp(e, "0") != 0;
}

int
restrict_set_copy(int on)
{
	if (on && copy_off && restricted)
		return -1;
	copy_off = !on;
	return 0;
}

int
restrict_copy_on(void)
{
	return !copy_off;
}

int
restrict_denies(enum restrict_act act)
{
	if (act == RESTRICT_COPY)
		return copy_off;
	return restricted;
}

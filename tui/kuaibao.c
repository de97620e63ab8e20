/* kuaibao: the terminal reader (placeholder until the reader lands). */
#include <stdio.h>

#include "xmalloc.h"

int
main(void)
{
	progname = "kuaibao";
	fprintf(stderr, "kuaibao: the reader is not built yet\n");
	return 1;
}

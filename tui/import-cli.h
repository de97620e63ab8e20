/*
 * What kuaibao-import does once its options are read: the lists, each
 * file in turn (parsed, checked, summed up, then written, dumped or
 * outlined) and the database's commit.  kuaibao-import.c only fills a
 * struct cli from the command line.
 */
#ifndef KB_IMPORT_CLI_H
#define KB_IMPORT_CLI_H

#include "diag.h"
#include "import.h"

enum cli_mode {
	CLI_DB,			/* build or update the database */
	CLI_JSON,		/* --json */
	CLI_OUTLINE,		/* --outline */
	CLI_TEXT		/* --text: the lines the parser reads */
};

struct cli {
	enum cli_mode		 mode;
	const char		*output;	/* -o, NULL for the default */
	int			 fresh;		/* --new */
	int			 follow;	/* --follow */
	const char		*datadir;
	const char		*countries;	/* NULL: in datadir */
	const char		*themes;	/* NULL: in datadir */
	struct import_opts	 opts;		/* --year, --date, --number */
	enum diag_level		 shown;		/* -v NOTICE, -q ERROR */
	char			**files;
	int			 nfiles;
};

/* The defaults, from the environment where it has them. */
void	cli_init(struct cli *);
/* --year and --date: 0, or -1 after a FATAL message. */
int	cli_year(struct cli *, const char *);
int	cli_date(struct cli *, const char *);
/* Does it all; returns the exit status. */
int	cli_run(const struct cli *);

#endif

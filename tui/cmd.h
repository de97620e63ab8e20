/*
 * Commands: every action of the reader is an entry of one table, as in
 * tmux's cmd_table: a name, its arguments, one line of help and the
 * function that runs it.  Keys are bound to command lines (bind.c); the
 * : prompt, completion, the help screen and kuaibao --list-commands all
 * read the same table.  The entries live with what they do: cmd-move.c,
 * cmd-filter.c, cmd-article.c, cmd-screen.c, cmd-config.c and bind.c.
 *
 * A command line is words separated by spaces, as a shell's: "..." (with
 * \" and \\ inside) and '...' quote, \ outside quotes escapes the next
 * character, and a line starting with # is a comment.
 */
#ifndef KB_CMD_H
#define KB_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "msg.h"

struct ui;
struct cmd_args;

#define CMD_MAXWORDS	64

/* An error and where it is: col is 1-based, in characters of the line. */
struct cmd_error {
	int		 col;
	char		*msg;		/* caller frees (cmd_error_free) */
};

/*
 * The values a word of a command may take, for Tab: argi is the index
 * of the positional argument (flags not counted).  Returns the number of
 * candidates in *out (caller frees each and the array, free_strings).
 */
typedef size_t	cmd_complete_fn(struct ui *, int argi, char ***out);

struct cmd_entry {
	const char	*name;
	const char	*alias;		/* or NULL */
	const char	*flags;		/* getopt-like: "m", "t:"; or NULL */
	int		 lower;		/* positional arguments, at least */
	int		 upper;		/* at most; -1: any number */
	const char	*usage;		/* the arguments, "[-m] [COUNTRY]" */
	const char	*help;		/* one line, in English ... */
	const char	*help_zh;	/* ... and in Chinese (cmd_help) */
	int		(*exec)(struct ui *, struct cmd_args *);
	cmd_complete_fn	*complete;	/* or NULL */
};

/* A parsed command line, as exec sees it. */
struct cmd_args {
	const struct cmd_entry	*entry;
	int			 argc;		/* positional arguments */
	char			*argv[CMD_MAXWORDS];
	int			 col[CMD_MAXWORDS];
	const char		*flag[128];	/* by letter: value, "", NULL */
	int			 flagcol[128];
	int			 namecol;
	struct cmd_error	*err;
	const char		*line;		/* as typed (cmd_rest) */
	size_t			 start[CMD_MAXWORDS];	/* of argv[i] in it */
};

/* The groups of entries, each ended by an entry with a NULL name. */
extern const struct cmd_entry cmd_move_table[];
extern const struct cmd_entry cmd_filter_table[];
extern const struct cmd_entry cmd_find_table[];
extern const struct cmd_entry cmd_unfilter_table[];
extern const struct cmd_entry cmd_article_table[];
extern const struct cmd_entry cmd_marks_table[];
extern const struct cmd_entry cmd_screen_table[];
extern const struct cmd_entry cmd_bind_table[];
extern const struct cmd_entry cmd_layout_table[];
extern const struct cmd_entry cmd_config_table[];
extern const struct cmd_entry cmd_view_table[];
extern const struct cmd_entry cmd_export_table[];

/* The i-th entry of the whole table (help order), or NULL past the end. */
const struct cmd_entry	*cmd_at(size_t i);
/* An entry's line of help in the language of the interface (msg.h). */
const char		*cmd_help(const struct cmd_entry *);
/* The entry called name (or by its alias), or NULL. */
const struct cmd_entry	*cmd_find(const char *name);
/*
 * The table for kuaibao --list-commands: a line per command, tab
 * separated: name, arguments, default keys (as help shows them), help.
 */
int			 cmd_list(FILE *);
/* Every command's name (caller frees with free_strings). */
size_t			 cmd_names(char ***out);

/*
 * Runs a command line.  0 when it ran (an empty line or a comment runs
 * nothing); -1 with *err set when it could not be parsed or failed.
 */
int	cmd_run(struct ui *, const char *line, struct cmd_error *err);
/* Parses and checks a line (command, flags, argument count) only. */
int	cmd_check(const char *line, struct cmd_error *err);
void	cmd_error_free(struct cmd_error *);

/*
 * For an exec function: sets the error "NAME: message" at argument i
 * (-1: at the command's name) and returns -1; the message is given as a
 * format, or with cmd_say as words from msg.h and their arguments.
 */
int	cmd_fail(struct cmd_args *, int i, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	cmd_say(struct cmd_args *, int i, enum msg, ...);
/*
 * Restricted mode (restrict.h): -1 with the error "NAME: not in
 * restricted mode" (or "copying is off") when act is refused, else 0.
 */
int	cmd_refused(struct cmd_args *, int act);
/* Argument i as a number from min to max, or def when there is none. */
int	cmd_number(struct cmd_args *, int i, long min, long max, long def,
	    long *out);
/* Arguments from i on, joined by spaces (caller frees). */
char	*cmd_join(const struct cmd_args *, int i);
/*
 * The line as typed from argument i on, quotes and all: for a command
 * whose argument is in a language of its own (a filter expression).
 */
const char	*cmd_rest(const struct cmd_args *, int i);
/* The 1-based column, in characters, of byte off of s. */
int	cmd_column(const char *s, size_t off);
/* A word written so that the parser reads it back as it is. */
char	*cmd_quote(const char *word);

/*
 * Tab on a command line being typed: the candidates for its last word,
 * which starts at byte *start of the line (caller frees them with
 * free_strings).
 */
size_t	cmd_complete(struct ui *, const char *line, size_t *start,
	    char ***out);

#endif

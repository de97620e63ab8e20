/*
 * The configuration: files of the command lines the : prompt runs
 * (cmd.h), one a line, as tmux's.  At start the system's file
 * (KB_DATADIR/config) is read, then the user's: -c FILE, else
 * $XDG_CONFIG_HOME/kuaibao/config, else ~/.config/kuaibao/config; in
 * restricted mode the system's only.  A file must be the user's (or
 * root's) and writable by no one else, as ssh asks of ~/.ssh/config.
 * A bad line is one message, FILE:LINE:COL: what, and the rest is read.
 */
#ifndef KB_CONFIG_H
#define KB_CONFIG_H

#include <stdio.h>

struct ui;

#define CONFIG_DEPTH	8	/* files sourcing files, at most */

/* The files read at start; given: -c FILE, or NULL. */
void	config_start(struct ui *, const char *given);
/*
 * Reads the file at path (source): a relative path is taken from the
 * directory of the file being read, or the working directory at the
 * : prompt; ~/ is the home directory.  Its bad lines are told as they
 * come (a message each), and 0 returned; -1 and why (caller frees) when
 * it cannot be read at all.
 */
int	config_source(struct ui *, const char *path, char **why);
/* Whether a configuration file is being read (its set is not kept). */
int	config_reading(void);
/* Writes the bad lines told this session to fp, "kuaibao: " first, once
 * the screen is gone, where they stay to be read. */
void	config_log(FILE *fp);

#endif

/*
 * Key bindings: a key runs a command line (cmd.h).  The defaults are a
 * static table, the keys of design.md, so nothing is parsed at start;
 * bind and unbind, commands themselves, record changes over them.
 */
#ifndef KB_BIND_H
#define KB_BIND_H

#include "keys.h"

struct bind_table;	/* the changes; NULL: the defaults alone */

/* The command line bound to k, or NULL. */
const char	*bind_lookup(const struct bind_table *, key_code);
/* Binds k to the command line cmd (copied), or unbinds it (NULL). */
void		 bind_set(struct bind_table **, key_code, const char *cmd);
void		 bind_free(struct bind_table *);

/*
 * Every binding in force, the defaults first, in the table's order:
 * fn(key, command line, arg).  Aliases of a default key that need no
 * mention (C-j beside Enter) are left out.
 */
typedef void	 bind_fn(key_code, const char *cmd, void *arg);
void		 bind_each(const struct bind_table *, bind_fn *, void *arg);

#endif

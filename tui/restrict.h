/*
 * Restricted mode, for shared hosts where kuaibao is all a login may
 * run (--restricted, or KUAIBAO_SECURE=1 as less's LESSSECURE): reading
 * and the per-user state only.  Every command that would touch another
 * file, run another program or reach the clipboard asks restrict_denies
 * first, and refuses with one message when it answers yes.
 */
#ifndef KB_RESTRICT_H
#define KB_RESTRICT_H

enum restrict_act {
	RESTRICT_READ,		/* a file beyond the database and the state */
	RESTRICT_WRITE,		/* ... written: an export */
	RESTRICT_RUN,		/* another program: a pipe, a browser */
	RESTRICT_COPY		/* the terminal's clipboard (OSC 52) */
};

/* Turns restricted mode on, for the rest of the process. */
void	restrict_enable(void);
int	restrict_on(void);
/* Whether KUAIBAO_SECURE asks for it (set and not "0" or empty). */
int	restrict_from_env(void);
/*
 * Copying to the clipboard on or off (set clipboard).  -1 when on is
 * asked for in restricted mode: only the system's configuration, read
 * before restricted mode refuses anything, can leave it on.
 */
int	restrict_set_copy(int on);
int	restrict_copy_on(void);
/* Whether act is refused now. */
int	restrict_denies(enum restrict_act);

#endif

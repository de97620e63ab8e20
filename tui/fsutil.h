/*
 * Directories on a shared host: made with their parents, checked before
 * a user's files are kept in them, and who holds a lock on one.
 */
#ifndef KB_FSUTIL_H
#define KB_FSUTIL_H

#include <stdio.h>
#include <sys/types.h>

/* Makes dir and its missing parents with mode (less the umask); 0, or
 * -1 with errno set. */
int	 fs_mkdirs(const char *dir, mode_t mode);

/*
 * Why dir, a real path (realpath(3): no link in it), is no place for a
 * user's own files, checked as OpenSSH checks ~/.ssh: dir must be the
 * user's and writable by no one else, and each directory above it, up
 * to $HOME or /, the user's or root's and writable by no one else unless
 * it is sticky (as /tmp): otherwise another user could put files in it
 * or rename it away.  NULL when it is safe, else "PATH: reason", which
 * the caller frees.
 */
char	*fs_unsafe_dir(const char *dir);

/* Who holds the flock(2) lock on the open file fd, as "pid N (NAME)",
 * from /proc/locks; NULL when that cannot be told.  The caller frees. */
char	*fs_lock_holder(int fd);

/*
 * Writing a file atomically: fs_atomic_open makes a temporary file
 * beside path (*tmp, caller frees) and fs_atomic_close flushes and
 * syncs it and renames it over path when ok (else removes it); 0, or -1
 * with errno.  A reader of path sees the old file or the new, whole.
 */
FILE	*fs_atomic_open(const char *path, char **tmp);
int	 fs_atomic_close(FILE *, char *tmp, const char *path, int ok);

#endif

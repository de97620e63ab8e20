/*
 * Directories on a shared host, for the reader's state and the
 * importer's target: made with their parents, checked for their owner
 * and mode, and the holder of a lock named.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fsutil.h"
#include "xmalloc.h"

int
fs_mkdirs(const char *dir, mode_t mode)
{
	char *p, *copy;
	int rc;

	copy = xstrdup(dir);
	for (p = copy + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, mode) == -1 && errno != EEXIST) {
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	rc = mkdir(dir, mode);
	return rc == -1 && errno != EEXIST ? -1 : 0;
}

/* Why the directory path, seen as sb, is unsafe; NULL when it is not. */
static char *
unsafe(const char *path, const struct stat *sb, int own)
{
	uid_t uid;

	uid = geteuid();
	if (!S_ISDIR(sb->st_mode))
		return xasprintf("%s: not a directory", path);
	if (own && sb->st_uid != uid)
		return xasprintf("%s: owned by uid %lu, not by you (uid %lu)",
		    path, (unsigned long)sb->st_uid, (unsigned long)uid);
	if (!own && sb->st_uid != uid && sb->st_uid != 0)
		return xasprintf("%s: owned by uid %lu, neither you nor root",
		    path, (unsigned long)sb->st_uid);
	if ((sb->st_mode & (S_IWGRP | S_IWOTH)) != 0 &&
	    (own || (sb->st_mode & S_ISVTX) == 0))
		return xasprintf("%s: writable by %s (mode %04o)", path,
		    (sb->st_mode & S_IWOTH) ? "others" : "its group",
		    (unsigned)(sb->st_mode & 07777));
	return NULL;
}

char *
fs_unsafe_dir(const char *dir)
{
	char path[PATH_MAX], home[PATH_MAX], *slash, *why;
	const char *h;
	struct stat sb;
	int own;

	if (strlen(dir) >= sizeof(path))
		return xasprintf("%s: %s", dir, strerror(ENAMETOOLONG));
	memcpy(path, dir, strlen(dir) + 1);
	h = getenv("HOME");
	if (h == NULL || realpath(h, home) == NULL)
		home[0] = '\0';
	for (own = 1;; own = 0) {
		if (lstat(path, &sb) == -1)
			return xasprintf("%s: %s", path, strerror(errno));
		if ((why = unsafe(path, &sb, own)) != NULL)
			return why;
		/* above the home directory is the system's business */
		if (strcmp(path, home) == 0 || strcmp(path, "/") == 0)
			return NULL;
		if ((slash = strrchr(path, '/')) == NULL)
			return NULL;	/* not a real path: see fsutil.h */
		slash[slash == path ? 1 : 0] = '\0';
	}
}

char *
fs_lock_holder(int fd)
{
	struct stat sb;
	FILE *fp;
	char line[256], name[32], *p;
	unsigned maj, mnt;
	unsigned long long ino;
	long pid;
	size_t n;

	if (fstat(fd, &sb) == -1 || (fp = fopen("/proc/locks", "r")) == NULL)
		return NULL;
	pid = -1;
	/* "1: FLOCK  ADVISORY  WRITE PID MAJ:MIN:INODE START END"; the
	 * processes waiting for a lock have "->" after the number */
	while (pid == -1 && fgets(line, sizeof(line), fp) != NULL) {
		if ((p = strchr(line, ':')) == NULL || strncmp(p, ": FLOCK",
		    7) != 0)
			continue;
		if (sscanf(p + 7, " %*s %*s %ld %x:%x:%llu", &pid, &maj, &mnt,
		    &ino) != 4 || maj != major(sb.st_dev) ||
		    mnt != minor(sb.st_dev) || ino != (unsigned long long)
		    sb.st_ino || pid <= 0)
			pid = -1;
	}
	fclose(fp);
	if (pid == -1)
		return NULL;
	snprintf(line, sizeof(line), "/proc/%ld/comm", pid);
	name[0] = '\0';
	if ((fp = fopen(line, "r")) != NULL) {
		if (fgets(name, sizeof(name), fp) == NULL)
			name[0] = '\0';
		fclose(fp);
	}
	/* another user's process names itself: only plain characters */
	name[strcspn(name, "\n")] = '\0';
	for (n = 0; name[n] != '\0'; n++)
		if (name[n] < 0x20 || name[n] > 0x7e)
			name[n] = '?';
	return name[0] != '\0' ? xasprintf("pid %ld (%s)", pid, name) :
	    xasprintf("pid %ld", pid);
}

FILE *
fs_atomic_open(const char *path, char **tmp)
{
	const char *slash;
	mode_t mask;
	FILE *fp;
	int fd;

	slash = strrchr(path, '/');
	*tmp = slash != NULL ? xasprintf("%.*s.%s.XXXXXX",
	    (int)(slash - path + 1), path, slash + 1) :
	    xasprintf(".%s.XXXXXX", path);
	if ((fd = mkstemp(*tmp)) == -1) {
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	/* as any file the user makes: mkstemp's are private */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
	}
	return fp;
}

int
fs_atomic_close(FILE *fp, char *tmp, const char *path, int ok)
{
	int saved;

	if (ok && (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0))
		ok = 0;
	saved = errno;
	if (fclose(fp) != 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = 0;
		saved = errno;
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return ok ? 0 : -1;
}

/*
 * The command table: finding an entry, parsing a line into its words,
 * flags and arguments, running it, and the candidates for Tab.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "buf.h"
#include "cmd.h"
#include "msg.h"
#include "restrict.h"
#include "xmalloc.h"

/* In the order the help screen lists them. */
static const struct cmd_entry *const cmd_groups[] = {
	cmd_move_table,
	cmd_filter_table,
	cmd_find_table,
	cmd_unfilter_table,
	cmd_view_table,
	cmd_export_table,
	cmd_article_table,
	cmd_marks_table,
	cmd_screen_table,
	cmd_layout_table,
	cmd_bind_table,
	cmd_config_table,
};
#define NGROUPS	(sizeof(cmd_groups) / sizeof(cmd_groups[0]))

const struct cmd_entry *
cmd_at(size_t i)
{
	const struct cmd_entry *e;
	size_t g;

	for (g = 0; g < NGROUPS; g++)
		for (e = cmd_groups[g]; e->name != NULL; e++)
			if (i-- == 0)
				return e;
	return NULL;
}

const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *e;
	size_t i;

	for (i = 0; (e = cmd_at(i)) != NULL; i++)
		if (strcmp(e->name, name) == 0 ||
		    (e->alias != NULL && strcmp(e->alias, name) == 0))
			return e;
	return NULL;
}

void
cmd_error_free(struct cmd_error *err)
{
	free(err->msg);
	err->msg = NULL;
	err->col = 0;
}

/* The error "PREFIX: message" (no prefix: NULL) at col; returns -1. */
static int
verror(struct cmd_error *err, int col, const char *prefix, const char *fmt,
    va_list ap)
{
	struct buf b = { 0 };

	if (prefix != NULL)
		buf_printf(&b, "%s: ", prefix);
	buf_vprintf(&b, fmt, ap);
	free(err->msg);
	err->msg = buf_take(&b);
	err->col = col;
	return -1;
}

/* The error "PREFIX: message" (NULL: no prefix) in words from msg.h. */
static int
set_error(struct cmd_error *err, int col, const char *prefix, enum msg id,
    ...)
{
	va_list ap;

	va_start(ap, id);
	verror(err, col, prefix, msg(id), ap);
	va_end(ap);
	return -1;
}

const char *
cmd_help(const struct cmd_entry *e)
{
	return msg_pick(e->help_zh, e->help);
}

int
cmd_column(const char *s, size_t off)
{
	size_t i;
	int col = 1;

	for (i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

struct words {
	int	 n;
	char	*w[CMD_MAXWORDS];
	size_t	 start[CMD_MAXWORDS];	/* byte offsets in the line */
	int	 col[CMD_MAXWORDS];
	int	 more;			/* the line ends inside a word */
};

static void
words_free(struct words *w)
{
	int i;

	for (i = 0; i < w->n; i++)
		free(w->w[i]);
	w->n = 0;
}

/*
 * Splits a line into words, unquoted.  partial: the line is being typed
 * (an open quote is no error).  -1 with *err on an open quote or too
 * many words.
 */
static int
split(const char *line, struct words *w, int partial, struct cmd_error *err)
{
	struct buf b = { 0 };
	const char *p = line;
	size_t quote_at;
	char q;

	memset(w, 0, sizeof(*w));
	for (;;) {
		while (*p == ' ' || *p == '\t') {
			p++;
			w->more = 0;
		}
		if (*p == '\0' || (*p == '#' && w->n == 0))
			return 0;
		if (w->n == CMD_MAXWORDS) {
			words_free(w);
			return set_error(err, cmd_column(line,
			    (size_t)(p - line)), NULL, MSG_TOO_MANY_WORDS);
		}
		w->start[w->n] = (size_t)(p - line);
		w->col[w->n] = cmd_column(line, w->start[w->n]);
		buf_truncate(&b, 0);
		buf_adds(&b, "");
		while (*p != '\0' && *p != ' ' && *p != '\t') {
			if (*p == '\\' && p[1] != '\0') {
				buf_addc(&b, p[1]);
				p += 2;
				continue;
			}
			if (*p != '"' && *p != '\'') {
				buf_addc(&b, *p++);
				continue;
			}
			quote_at = (size_t)(p - line);
			q = *p++;
			while (*p != '\0' && *p != q) {
				if (q == '"' && *p == '\\' &&
				    (p[1] == '"' || p[1] == '\\'))
					p++;
				buf_addc(&b, *p++);
			}
			if (*p == '\0') {
				if (!partial) {
					words_free(w);
					buf_free(&b);
					return set_error(err, cmd_column(line,
					    quote_at), NULL, MSG_NO_CLOSING, q);
				}
				break;	/* being typed: the word so far */
			}
			p++;
		}
		w->w[w->n++] = buf_take(&b);
		w->more = *p == '\0';
	}
}

static void
args_free(struct cmd_args *a)
{
	const char *f;
	int i;

	for (i = 0; i < a->argc; i++)
		free(a->argv[i]);
	/* the values of flags that take one are copies */
	for (f = a->entry != NULL && a->entry->flags != NULL ?
	    a->entry->flags : ""; *f != '\0'; f++)
		if (f[1] == ':')
			free((char *)a->flag[(unsigned char)*f]);
	memset(a, 0, sizeof(*a));
}

/* Too many or too few arguments: the error shows how it is called. */
static int
usage_error(struct cmd_error *err, int col, const struct cmd_entry *e,
    enum msg id)
{
	char *usage;

	usage = xasprintf("%s%s%s", e->name, *e->usage ? " " : "", e->usage);
	set_error(err, col, e->name, id, usage);
	free(usage);
	return -1;
}

/*
 * The words of a line as a command's arguments: its flags (getopt-like,
 * before the first argument or "--"), then the positional arguments,
 * whose number is checked.  The words are taken over.
 */
static int
parse(const char *line, struct words *w, struct cmd_args *a,
    struct cmd_error *err)
{
	const struct cmd_entry *e;
	const char *spec, *f;
	int i, j, rc;

	memset(a, 0, sizeof(*a));
	a->err = err;
	a->line = line;
	if ((e = cmd_find(w->w[0])) == NULL) {
		rc = set_error(err, w->col[0], NULL, MSG_UNKNOWN_COMMAND,
		    w->w[0]);
		words_free(w);
		return rc;
	}
	a->entry = e;
	a->namecol = w->col[0];
	spec = e->flags != NULL ? e->flags : "";
	rc = 0;
	/* a command without flags takes "-word" as an argument (-kind:x) */
	for (i = 1; i < w->n && rc == 0 && e->flags != NULL; i++) {
		if (strcmp(w->w[i], "--") == 0) {
			i++;
			break;
		}
		if (w->w[i][0] != '-' || w->w[i][1] == '\0')
			break;
		for (j = 1; w->w[i][j] != '\0'; j++) {
			unsigned char c = (unsigned char)w->w[i][j];

			if (c >= 128 || c == ':' ||
			    (f = strchr(spec, c)) == NULL) {
				rc = set_error(err, w->col[i] + j, e->name,
				    MSG_UNKNOWN_FLAG, c < 128 ? c : '?');
				break;
			}
			a->flagcol[c] = w->col[i];
			if (f[1] != ':') {
				a->flag[c] = "";
				continue;
			}
			free((char *)a->flag[c]);	/* given twice */
			a->flag[c] = NULL;
			if (w->w[i][j + 1] != '\0')
				a->flag[c] = xstrdup(w->w[i] + j + 1);
			else if (i + 1 < w->n)
				a->flag[c] = xstrdup(w->w[++i]);
			else
				rc = set_error(err, w->col[i] + j, e->name,
				    MSG_FLAG_VALUE, c);
			break;
		}
	}
	for (; i < w->n && rc == 0; i++) {
		if (e->upper >= 0 && a->argc == e->upper) {
			rc = usage_error(err, w->col[i], e, MSG_TOO_MANY_ARGS);
			break;
		}
		a->col[a->argc] = w->col[i];
		a->start[a->argc] = w->start[i];
		a->argv[a->argc++] = w->w[i];
		w->w[i] = NULL;
	}
	if (rc == 0 && a->argc < e->lower)
		rc = usage_error(err, cmd_column(line, strlen(line)), e,
		    MSG_TOO_FEW_ARGS);
	for (i = 0; i < w->n; i++)
		free(w->w[i]);
	w->n = 0;
	if (rc != 0)
		args_free(a);
	return rc;
}

/* A line as a command and its arguments: 1, 0 for nothing to run. */
static int
prepare(const char *line, struct cmd_args *a, struct cmd_error *err)
{
	struct words w;

	if (split(line, &w, 0, err) == -1)
		return -1;
	if (w.n == 0)
		return 0;
	return parse(line, &w, a, err) == -1 ? -1 : 1;
}

int
cmd_check(const char *line, struct cmd_error *err)
{
	struct cmd_args a;
	int rc;

	if ((rc = prepare(line, &a, err)) == 1)
		args_free(&a);
	return rc == -1 ? -1 : 0;
}

int
cmd_run(struct ui *ui, const char *line, struct cmd_error *err)
{
	struct cmd_args a;
	int rc;

	if ((rc = prepare(line, &a, err)) != 1)
		return rc;
	rc = a.entry->exec(ui, &a);
	args_free(&a);
	return rc;
}

int
cmd_fail(struct cmd_args *a, int i, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(a->err, i >= 0 && i < a->argc ? a->col[i] : a->namecol,
	    a->entry->name, fmt, ap);
	va_end(ap);
	return -1;
}

int
cmd_say(struct cmd_args *a, int i, enum msg id, ...)
{
	va_list ap;

	va_start(ap, id);
	verror(a->err, i >= 0 && i < a->argc ? a->col[i] : a->namecol,
	    a->entry->name, msg(id), ap);
	va_end(ap);
	return -1;
}

int
cmd_refused(struct cmd_args *a, int act)
{
	if (!restrict_denies((enum restrict_act)act))
		return 0;
	return cmd_say(a, -1, act == RESTRICT_COPY && !restrict_on() ?
	    MSG_COPY_OFF : MSG_RESTRICTED);
}

int
cmd_number(struct cmd_args *a, int i, long min, long max, long def,
    long *out)
{
	char *end;
	long v;

	if (i >= a->argc) {
		*out = def;
		return 0;
	}
	v = strtol(a->argv[i], &end, 10);
	if (end == a->argv[i] || *end != '\0' || v < min || v > max)
		return cmd_say(a, i, MSG_NOT_A_NUMBER, a->argv[i], min, max);
	*out = v;
	return 0;
}

char *
cmd_quote(const char *word)
{
	struct buf b = { 0 };
	const char *p;

	if (*word != '\0' && word[strcspn(word, " \t\"'\\#")] == '\0')
		return xstrdup(word);
	buf_addc(&b, '"');
	for (p = word; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(&b, '\\');
		buf_addc(&b, *p);
	}
	buf_addc(&b, '"');
	return buf_take(&b);
}

const char *
cmd_rest(const struct cmd_args *a, int i)
{
	return i < a->argc ? a->line + a->start[i] : "";
}

char *
cmd_join(const struct cmd_args *a, int i)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	for (; i < a->argc; i++) {
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, a->argv[i]);
	}
	return buf_take(&b);
}

size_t
cmd_names(char ***out)
{
	const struct cmd_entry *e;
	size_t n;

	for (n = 0; cmd_at(n) != NULL; n++)
		;
	*out = xcalloc(n + 1, sizeof(**out));
	for (n = 0; (e = cmd_at(n)) != NULL; n++)
		(*out)[n] = xstrdup(e->name);
	return n;
}

/* Whether s starts with prefix, letter case aside. */
static int
has_prefix(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

size_t
cmd_complete(struct ui *ui, const char *line, size_t *start, char ***out)
{
	struct cmd_error err = { 0, NULL };
	const struct cmd_entry *e;
	struct words w;
	char **all, *prefix;
	size_t n, nall, i, k, cap;
	int cur, argi;

	*out = NULL;
	*start = strlen(line);
	if (split(line, &w, 1, &err) == -1) {
		cmd_error_free(&err);
		return 0;
	}
	/* the word under the cursor: the last, or a new one after a space */
	if (w.n > 0 && w.more) {
		cur = w.n - 1;
		*start = w.start[cur];
		prefix = w.w[cur];
	} else {
		cur = w.n;
		prefix = "";
	}
	all = NULL;
	nall = 0;
	if (cur == 0)
		nall = cmd_names(&all);
	else if ((e = cmd_find(w.w[0])) != NULL && e->complete != NULL) {
		/* the positional argument it is: flags do not count */
		for (argi = 0, i = 1; i < (size_t)cur; i++)
			if (w.w[i][0] != '-')
				argi++;
		nall = e->complete(ui, argi, &all);
	}
	n = cap = 0;
	for (i = 0; i < nall; i++) {
		if (!has_prefix(all[i], prefix))
			continue;
		for (k = 0; k < n; k++)
			if (strcmp((*out)[k], all[i]) == 0)
				break;
		if (k == n)
			VEC_PUSH(*out, n, cap, xstrdup(all[i]));
	}
	free_strings(all, nall);
	words_free(&w);
	return n;
}

struct list_keys {
	const struct cmd_entry	*entry;
	struct buf		 keys;
};

static void
list_key(key_code k, const char *cmd, void *arg)
{
	struct list_keys *l = arg;
	char name[KEY_NAMELEN];

	if (strcmp(cmd, l->entry->name) != 0)
		return;
	if (l->keys.len > 0)
		buf_addc(&l->keys, ' ');
	buf_adds(&l->keys, keys_name(k, KEY_NAME_SHOW, name));
}

int
cmd_list(FILE *fp)
{
	struct list_keys l;
	size_t i;

	memset(&l, 0, sizeof(l));
	for (i = 0; (l.entry = cmd_at(i)) != NULL; i++) {
		buf_truncate(&l.keys, 0);
		bind_each(NULL, list_key, &l);
		fprintf(fp, "%s\t%s\t%s\t%s\n", l.entry->name, l.entry->usage,
		    buf_str(&l.keys), cmd_help(l.entry));
	}
	buf_free(&l.keys);
	return fflush(fp) == 0 && !ferror(fp) ? 0 : -1;
}

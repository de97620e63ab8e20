/*
 * Scores each article against the theme keywords: a keyword counts its
 * weight for each occurrence in the body, up to a few (a long article
 * repeating one word is not about that word alone), and much more in
 * the title (or a guide direction's 领域方向, which names its topic).
 * Themes that score well, relative to the best one, are kept: the one
 * the title names first, then the others by score.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "import-match.h"
#include "import-theme.h"
#include "text.h"
#include "xmalloc.h"

#define TITLE_FACTOR	8	/* the title says what the article is about */
#define TOPIC_FACTOR	4	/* a guide direction's 领域方向 field */
#define MAX_REPEAT	3	/* occurrences of one keyword that count */
#define MIN_SCORE	5	/* below this a theme is a passing mention */
#define MIN_SHARE	20	/* percent of the best theme's score */
#define MAX_THEMES	4

const char *const theme_names[] = {
	"半导体与芯片", "人工智能", "量子科技", "信息通信与网络",
	"数字经济与软件", "网络安全与数据治理", "能源与碳中和",
	"关键矿产与材料", "生物技术与医药健康", "农业与食品", "航空航天",
	"先进制造", "交通与电动汽车", "环境与气候", "科研经费与预算",
	"科技人才与教育", "标准与知识产权", "科技安全与竞争",
	"创新体系与科研机构", "国际科技合作", "供应链"
};
const size_t theme_count = sizeof(theme_names) / sizeof(theme_names[0]);

struct themes {
	struct matcher	*kw;		/* value: theme * 8 + weight */
	char		*english[32];	/* per theme: its names, ";" between */
};

void
themes_free(struct themes *t)
{
	size_t i;

	if (t == NULL)
		return;
	matcher_free(t->kw);
	for (i = 0; i < theme_count; i++)
		free(t->english[i]);
	free(t);
}

static int
theme_index(const char *name)
{
	size_t i;

	for (i = 0; i < theme_count; i++)
		if (strcmp(theme_names[i], name) == 0)
			return (int)i;
	return -1;
}

/* More names of a theme, after those it has. */
static void
add_names(char **slot, const char *names)
{
	char *s;

	s = *slot == NULL ? xstrdup(names) : xasprintf("%s;%s", *slot, names);
	free(*slot);
	*slot = s;
}

const char *
themes_english(const struct themes *t, size_t i)
{
	return t != NULL && i < theme_count ? t->english[i] : NULL;
}

struct themes *
themes_load(const char *path)
{
	struct themes *t;
	FILE *fp;
	char *line, *name, *kw, *w;
	size_t cap;
	ssize_t n;
	int lineno, ti, weight, bad;

	if ((fp = fopen(path, "r")) == NULL) {
		diag_msg(MSG_OPEN, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->kw = matcher_create();
	line = NULL;
	cap = 0;
	lineno = 0;
	bad = 0;
	while (!bad && (n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		name = line;
		if ((kw = strchr(name, '\t')) == NULL) {
			diag_msg(MSG_THEME_FIELDS, path, lineno, 0, NULL);
			bad = 1;
			break;
		}
		*kw++ = '\0';
		weight = 1;
		if ((w = strchr(kw, '\t')) != NULL) {
			*w++ = '\0';
			weight = atoi(w);
		}
		if ((ti = theme_index(name)) < 0) {
			diag_msg(MSG_THEME_UNKNOWN, path, lineno, 1, "%s",
			    name);
			bad = 1;
		} else if (strcmp(kw, "=") == 0) {
			/* theme = names: for the reader's prompt only */
			if (w != NULL && *w != '\0')
				add_names(&t->english[ti], w);
		} else if (weight < 1 || weight > 5) {
			diag_msg(MSG_THEME_WEIGHT, path, lineno, 0, "%s", w);
			bad = 1;
		} else if (*kw != '\0')
			matcher_add(t->kw, kw, ti * 8 + weight);
	}
	free(line);
	fclose(fp);
	if (bad) {
		themes_free(t);
		return NULL;
	}
	matcher_done(t->kw);
	return t;
}

struct scoring {
	int		*sc;
	unsigned char	*seen;	/* occurrences counted, per keyword */
	int		 factor;
};

static void
credit(void *arg, int v, size_t id)
{
	struct scoring *s = arg;

	if (s->seen[id] >= MAX_REPEAT)
		return;
	s->seen[id]++;
	s->sc[v / 8] += s->factor * (v % 8);
}

static void
score(const struct themes *t, const char *s, int factor, int *sc,
    unsigned char *seen)
{
	struct scoring sg;
	size_t i, len, m;
	int n;

	sg.sc = sc;
	sg.seen = seen;
	sg.factor = factor;
	len = strlen(s);
	for (i = 0; i < len; ) {
		if ((m = matcher_each(t->kw, s, len, i, credit, &sg)) > 0) {
			i += m;
			continue;
		}
		text_first(s + i, len - i, &n);
		i += n > 0 ? (size_t)n : 1;
	}
}


static void
tag_article(const struct themes *t, struct article *a, unsigned char *seen)
{
	int title[32], total[32], best, top;
	size_t i, k;

	memset(title, 0, sizeof(title));
	memset(seen, 0, matcher_count(t->kw));
	score(t, a->title, TITLE_FACTOR, title, seen);
	memcpy(total, title, sizeof(total));
	memset(seen, 0, matcher_count(t->kw));
	for (i = 0; i < a->nblocks; i++)
		score(t, a->blocks[i].text, 1, total, seen);
	for (i = 0; i < a->nfields; i++)
		score(t, a->fields[i].value, strcmp(a->fields[i].name,
		    "领域方向") == 0 ? TOPIC_FACTOR : 1, total, seen);
	top = 0;
	for (i = 0; i < theme_count; i++)
		if (total[i] > top)
			top = total[i];
	if (getenv("KUAIBAO_DEBUG_THEMES") != NULL) {
		fprintf(stderr, "%s:", a->title);
		for (i = 0; i < theme_count; i++)
			if (total[i] > 0)
				fprintf(stderr, " %s=%d/%d", theme_names[i],
				    title[i], total[i]);
		fputc('\n', stderr);
	}
	/* the theme the title names most first, then by score */
	a->themes = xcalloc(MAX_THEMES, sizeof(*a->themes));
	for (k = 0; k < MAX_THEMES; k++) {
		best = -1;
		for (i = 0; i < theme_count; i++)
			if (total[i] >= MIN_SCORE && total[i] * 100 >= top *
			    MIN_SHARE && (best < 0 || (k == 0 &&
			    title[i] > title[best]) || ((k > 0 ||
			    title[i] == title[best]) && total[i] > total[best])))
				best = (int)i;
		if (best < 0)
			break;
		a->themes[a->nthemes++] = theme_names[best];
		total[best] = 0;
	}
}

void
theme_tag(const struct themes *t, struct issue *is)
{
	unsigned char *seen;
	size_t s, i;

	seen = xcalloc(matcher_count(t->kw) + 1, 1);
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++)
			tag_article(t, &is->columns[s].articles[i], seen);
	free(seen);
}

/*
 * Tags articles with countries.  Names and aliases are matched longest
 * first, after phrases that contain a name without meaning the country
 * (发展中国家, 墨西哥湾) have been stepped over; then runs of one-character
 * abbreviations (美日韩, 中美, 英德两国, 美-印) are expanded, unless the
 * context says the characters are something else (日 as a day, 中西部).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "import-country.h"
#include "import-match.h"
#include "import-meta.h"
#include "text.h"
#include "xmalloc.h"

#define MAX_RUN		8
#define EXCLUDED	(-1)

struct gazetteer {
	struct country	*v;
	size_t		 n, cap;
	uint32_t	*abbrev;	/* per country, 0 if none */
	uint8_t		 isabbrev[0x10000 / 8];	/* BMP bitmap, for speed */
	struct matcher	*names;		/* name, alias, exclusion → index */
};

size_t
gazetteer_count(const struct gazetteer *g)
{
	return g->n;
}

const struct country *
gazetteer_get(const struct gazetteer *g, size_t i)
{
	return &g->v[i];
}

void
gazetteer_free(struct gazetteer *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		free(g->v[i].name);
		free(g->v[i].code);
		free(g->v[i].iso3);
		free(g->v[i].english);
	}
	free(g->v);
	free(g->abbrev);
	matcher_free(g->names);
	free(g);
}

static char *
field(char *s)
{
	return strcmp(s, "-") == 0 || *s == '\0' ? NULL : xstrdup(s);
}

/* Adds each ";"-separated item of list to the matcher. */
static void
add_list(struct matcher *m, const char *list, int value)
{
	char *copy, *item, *save;

	if (list == NULL || strcmp(list, "-") == 0)
		return;
	copy = xstrdup(list);
	for (item = strtok_r(copy, ";", &save); item != NULL;
	    item = strtok_r(NULL, ";", &save))
		if (*item != '\0')
			matcher_add(m, item, value);
	free(copy);
}

struct gazetteer *
gazetteer_load(const char *path)
{
	struct gazetteer *g;
	struct country c;
	FILE *fp;
	char *line, *cols[8], *p;
	size_t cap, acap, ncols;
	ssize_t n;
	int lineno;
	uint32_t ab;

	if ((fp = fopen(path, "r")) == NULL) {
		diag(path, 0, 0, DIAG_ERROR, "%s", strerror(errno));
		return NULL;
	}
	g = xcalloc(1, sizeof(*g));
	g->names = matcher_create();
	line = NULL;
	cap = acap = 0;
	lineno = 0;
	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		ncols = 0;
		for (p = line; ncols < 8; ) {
			cols[ncols++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (ncols < 2) {
			diag(path, lineno, 0, DIAG_ERROR,
			    "expected name<TAB>code<TAB>…, got one field");
			free(line);
			fclose(fp);
			gazetteer_free(g);
			return NULL;
		}
		while (ncols < 7)
			cols[ncols++] = "-";
		memset(&c, 0, sizeof(c));
		c.name = xstrdup(cols[0]);
		c.code = xstrdup(cols[1]);
		c.iso3 = field(cols[2]);
		c.english = field(cols[3]);
		VEC_PUSH(g->v, g->n, g->cap, c);
		ab = strcmp(cols[4], "-") == 0 ? 0 :
		    text_first(cols[4], strlen(cols[4]), NULL);
		g->abbrev = xreallocarray(g->abbrev, g->n, sizeof(*g->abbrev));
		g->abbrev[g->n - 1] = ab;
		if (ab > 0 && ab < 0x10000)
			g->isabbrev[ab / 8] |= 1 << (ab % 8);
		matcher_add(g->names, cols[0], (int)g->n - 1);
		add_list(g->names, cols[5], (int)g->n - 1);
		add_list(g->names, cols[6], EXCLUDED);
	}
	free(line);
	fclose(fp);
	if (g->n == 0) {
		diag(path, 0, 0, DIAG_ERROR, "no countries");
		gazetteer_free(g);
		return NULL;
	}
	matcher_done(g->names);
	return g;
}

static int
abbrev_of(const struct gazetteer *g, uint32_t c)
{
	size_t i;

	if (c == 0 || c >= 0x10000 || !(g->isabbrev[c / 8] & (1 << (c % 8))))
		return -1;
	for (i = 0; i < g->n; i++)
		if (g->abbrev[i] == c)
			return (int)i;
	return -1;
}

static int
in_set(uint32_t c, const char *set)
{
	const char *p;
	int n;

	for (p = set; *p != '\0'; p += n)
		if (text_first(p, strlen(p), &n) == c)
			return 1;
	return 0;
}

/* 日 after a number or in 今日, 近日 … is a day, not Japan. */
static int
day_not_japan(uint32_t c, uint32_t prev)
{
	return c == 0x65e5 && ((prev >= '0' && prev <= '9') ||
	    in_set(prev, "月今昨明每近次当同节生周工某数多首末隔前该翌"));
}

struct tagger {
	const struct gazetteer	*g;
	int			*count;		/* hits per country */
	int			*first;		/* first position seen */
	int			 pos;
};

static void
hit(struct tagger *t, int c)
{
	if (t->count[c]++ == 0)
		t->first[c] = t->pos;
	t->pos++;
}

/*
 * Words an abbreviation character begins, where the run before it is
 * not a list of countries: 项目中加强, 协定中加入, 其中越来越.
 */
static const char *const abbrev_words[] = {
	"加强", "加入", "加快", "加大", "加速", "加紧", "加深", "加剧",
	"加上", "加以", "加之", "加工", "加盟", "加重", "越来", "越发",
	"越过", "法律", "法规", "法案", "法院", "法治", "意见", "意义",
	"意味", "意识", "意愿", "西部", "西方", "西南", "西北", "日前",
	"日益", "日常", "日期", "德行", "美好", "美术", NULL
};

/* Whether the abbreviation at s[off] begins a word or a country's name. */
static int
begins_word(struct tagger *t, const char *s, size_t len, size_t off)
{
	const char *const *w;
	size_t m;
	int c;

	for (w = abbrev_words; *w != NULL; w++)
		if (text_starts(s + off, *w))
			return 1;
	/* 其中美国: 美 is 美国's, and 中 alone is no run; but in 欧美国家
	 * the 国 is 国家's */
	m = matcher_at(t->g->names, s, len, off, &c);
	return m > 0 && c != EXCLUDED && !(m >= strlen("国") &&
	    text_starts(s + off + m - strlen("国"), "国家"));
}

/*
 * A run of abbreviations at s[i].  Leading characters that are also
 * common words (以美-印: "with") are dropped, and so is a last one that
 * begins a word; the run must keep two.  Returns the bytes consumed, 0
 * if no run.
 */
static size_t
abbrev_run(struct tagger *t, const char *s, size_t len, size_t i)
{
	int who[MAX_RUN], nwho, c, n, k;
	size_t at[MAX_RUN];
	uint32_t ch, prev;
	size_t j, end;

	nwho = 0;
	end = i;
	prev = i > 0 ? text_last(s, i, NULL) : 0;
	for (j = i; j < len && nwho < MAX_RUN; ) {
		ch = text_first(s + j, len - j, &n);
		if (ch == '-' || ch == 0xff0d || ch == 0x2014 ||
		    ch == 0x00b7 || ch == 0x2013) {
			if (nwho == 0)
				break;
			j += (size_t)n;
			continue;
		}
		if ((c = abbrev_of(t->g, ch)) < 0 ||
		    (nwho == 0 && day_not_japan(ch, prev)))
			break;
		at[nwho] = j;
		who[nwho++] = c;
		j += (size_t)n;
		end = j;
	}
	if (nwho > 0 && begins_word(t, s, len, at[nwho - 1]))
		end = at[--nwho];
	/* common words that happen to be abbreviations, at the start */
	k = 0;
	while (k < nwho && in_set(t->g->abbrev[who[k]], "以加越意西法"))
		k++;
	if (nwho - k < 2)
		return 0;
	/* 中美洲, 中西部, 中英文: a region or a language, not countries */
	ch = text_first(s + end, len - end, NULL);
	if (in_set(ch, "洲部文语元式方餐药医"))
		return 0;
	for (; k < nwho; k++)
		hit(t, who[k]);
	return end - i;
}

static void
scan(struct tagger *t, const char *s)
{
	size_t i, len, m;
	int c, n;

	len = strlen(s);
	for (i = 0; i < len; ) {
		if ((m = matcher_at(t->g->names, s, len, i, &c)) > 0) {
			if (c != EXCLUDED)
				hit(t, c);
			i += m;
			continue;
		}
		c = (int)text_first(s + i, len - i, &n);
		if (c < 0x10000 && (t->g->isabbrev[c / 8] & (1 << (c % 8))) &&
		    (m = abbrev_run(t, s, len, i)) > 0) {
			i += m;
			continue;
		}
		i += n > 0 ? (size_t)n : 1;
	}
}

/* The lead sentence's actor: its first clause, after the date. */
static char *
lead_clause(const struct article *a)
{
	const char *p, *end;
	size_t i;
	int y, m, d;

	if ((p = doc_first_paragraph(a)) == NULL)
		return xstrdup("");
	/* the date ends at its separator: "，" or "、", or an ASCII "," */
	if ((i = meta_parse_date(p, &y, &m, &d)) > 0)
		p += i + (p[i] == ',' ? 1 : strlen("，"));
	end = p;
	while (*end != '\0' && !text_starts(end, "，") &&
	    !text_starts(end, "。") && !text_starts(end, "；"))
		end++;
	return xstrndup(p, (size_t)(end - p));
}

static void
tag_article(const struct gazetteer *g, struct article *a, int *count,
    int *first, int *subject)
{
	struct tagger t;
	struct country_hit h;
	char *lead;
	size_t i, k, best;

	memset(count, 0, g->n * sizeof(*count));
	memset(subject, 0, g->n * sizeof(*subject));
	t.g = g;
	t.count = count;
	t.first = first;
	t.pos = 0;
	scan(&t, a->title);
	lead = lead_clause(a);
	scan(&t, lead);
	free(lead);
	for (i = 0; i < g->n; i++)
		subject[i] = count[i] > 0;
	for (i = 0; i < a->nblocks; i++)
		scan(&t, a->blocks[i].text);
	for (i = 0; i < a->nfields; i++)
		scan(&t, a->fields[i].value);
	/* subjects in order of appearance, then the rest by frequency */
	for (k = 0; k < 2; k++) {
		for (;;) {
			best = g->n;
			for (i = 0; i < g->n; i++) {
				if (count[i] <= 0 || subject[i] != (k == 0))
					continue;
				if (best == g->n || (k == 0 ?
				    first[i] < first[best] :
				    count[i] > count[best] ||
				    (count[i] == count[best] &&
				    first[i] < first[best])))
					best = i;
			}
			if (best == g->n)
				break;
			h.name = g->v[best].name;
			h.role = k == 0 ? ROLE_SUBJECT : ROLE_MENTIONED;
			h.count = count[best];
			VEC_PUSH(a->countries, a->ncountries,
			    a->countriescap, h);
			count[best] = 0;
		}
	}
}

void
country_tag(const struct gazetteer *g, struct issue *is)
{
	int *count, *first, *subject;
	size_t s, i;

	count = xcalloc(g->n, sizeof(*count));
	first = xcalloc(g->n, sizeof(*first));
	subject = xcalloc(g->n, sizeof(*subject));
	for (s = 0; s < is->nsections; s++)
		for (i = 0; i < is->sections[s].narticles; i++)
			tag_article(g, &is->sections[s].articles[i], count,
			    first, subject);
	free(count);
	free(first);
	free(subject);
}

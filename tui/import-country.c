/*
 * Tags articles with countries.  Names and aliases are matched longest
 * first, after phrases that contain a name without meaning the country
 * (发展中国家, 墨西哥湾) have been stepped over; then runs of one-character
 * abbreviations (美日韩, 中美, 英德两国, 美-印) are expanded, unless the
 * context says the characters are something else (日 as a day, 中西部).
 * Where an article names its subjects (title, lead clause), a single
 * abbreviation in a name's place counts too (美发布…, 英《…》), and a
 * group (金砖国家, 七国集团) brings in its member states.
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
#define NCOLS		8

struct member {
	int	row;
	int	since;		/* the year it joined, 0 if always a member */
};

struct row {
	uint32_t	 abbrev;	/* 0 if none */
	struct member	*members;	/* a group's member states */
	size_t		 nmembers;
};

struct gazetteer {
	struct country	*v;
	size_t		 n, cap;
	struct row	*rows;		/* per country */
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
		free(g->rows[i].members);
	}
	free(g->v);
	free(g->rows);
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

static int
row_named(const struct gazetteer *g, const char *name)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->v[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Characters, not bytes, in the n bytes at s: a column for messages. */
static int
chars(const char *s, size_t n)
{
	int k = 0;

	for (; n > 0; s++, n--)
		k += ((unsigned char)*s & 0xc0) != 0x80;
	return k;
}

struct pending {
	size_t	 row;
	int	 line, col;	/* of the members column */
	char	*members;
};

/*
 * The members column of a row: names of other rows, each followed by
 * "@YEAR" if it joined that year.  Read once every row is known, as a
 * group may list countries below it.  0, or -1 after an error, which
 * points at the item (the name itself is not echoed: it may hold
 * anything).
 */
static int
load_members(struct gazetteer *g, const struct pending *p, const char *path)
{
	struct member m;
	struct row *row = &g->rows[p->row];
	const char *item, *next, *at;
	char *name, *end;
	size_t cap = 0;
	long year;
	int badyear, col;

	for (item = p->members; *item != '\0'; item = next) {
		if ((next = strchr(item, ';')) == NULL)
			next = item + strlen(item);
		name = xstrndup(item, (size_t)(next - item));
		if (*next == ';')
			next++;
		if (*name == '\0') {
			free(name);
			continue;
		}
		m.since = 0;
		badyear = 0;
		if ((at = strchr(name, '@')) != NULL) {
			name[at - name] = '\0';
			at++;
			year = strtol(at, &end, 10);
			badyear = *at < '0' || *at > '9' || *end != '\0' ||
			    year < 1900 || year > 2999;
			m.since = (int)year;
		}
		m.row = row_named(g, name);
		free(name);
		if (!badyear && m.row >= 0 && (size_t)m.row != p->row) {
			VEC_PUSH(row->members, row->nmembers, cap, m);
			continue;
		}
		col = p->col + chars(p->members, (size_t)(item - p->members));
		if (badyear)
			diag_msg(MSG_MEMBER_YEAR, path, p->line, col, NULL);
		else
			diag_msg(MSG_MEMBER_NAME, path, p->line, col, NULL);
		return -1;
	}
	return 0;
}

struct gazetteer *
gazetteer_load(const char *path)
{
	struct gazetteer *g;
	struct country c;
	struct row r;
	struct pending pm, *pend;
	FILE *fp;
	char *line, *cols[NCOLS], *p;
	size_t cap, rcap, nrows, ncols, npend, pcap, k;
	ssize_t n;
	int lineno, bad;

	if ((fp = fopen(path, "r")) == NULL) {
		diag_msg(MSG_OPEN, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	g = xcalloc(1, sizeof(*g));
	g->names = matcher_create();
	line = NULL;
	pend = NULL;
	cap = rcap = nrows = npend = pcap = 0;
	lineno = bad = 0;
	while (!bad && (n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		ncols = 0;
		for (p = line; ncols < NCOLS; ) {
			cols[ncols++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (ncols < 2) {
			diag_msg(MSG_COUNTRY_FIELDS, path, lineno, 0, NULL);
			bad = 1;
			break;
		}
		while (ncols < NCOLS)
			cols[ncols++] = "-";
		memset(&c, 0, sizeof(c));
		c.name = xstrdup(cols[0]);
		c.code = xstrdup(cols[1]);
		c.iso3 = field(cols[2]);
		c.english = field(cols[3]);
		VEC_PUSH(g->v, g->n, g->cap, c);
		memset(&r, 0, sizeof(r));
		if (strcmp(cols[4], "-") != 0)
			r.abbrev = text_first(cols[4], strlen(cols[4]), NULL);
		if (r.abbrev > 0 && r.abbrev < 0x10000)
			g->isabbrev[r.abbrev / 8] |= 1 << (r.abbrev % 8);
		k = g->n - 1;
		VEC_PUSH(g->rows, nrows, rcap, r);
		matcher_add(g->names, cols[0], (int)k);
		add_list(g->names, cols[5], (int)k);
		add_list(g->names, cols[6], EXCLUDED);
		if (strcmp(cols[7], "-") != 0) {
			pm.row = k;
			pm.line = lineno;
			pm.col = 1 + chars(line, (size_t)(cols[7] - line));
			pm.members = xstrdup(cols[7]);
			VEC_PUSH(pend, npend, pcap, pm);
		}
	}
	free(line);
	fclose(fp);
	for (k = 0; k < npend; k++) {
		if (!bad && load_members(g, &pend[k], path) != 0)
			bad = 1;
		free(pend[k].members);
	}
	free(pend);
	if (!bad && g->n == 0) {
		diag_msg(MSG_NO_COUNTRIES, path, 0, 0, NULL);
		bad = 1;
	}
	if (bad) {
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
		if (g->rows[i].abbrev == c)
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

/* The word of list that s begins with, or NULL. */
static const char *
starts_any(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (text_starts(s, *list))
			return *list;
	return NULL;
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
	int			 subject;	/* in the title or lead clause */
	int			 year;		/* the article's, 0 if unknown */
};

static void
count_hit(struct tagger *t, int c)
{
	if (t->count[c]++ == 0)
		t->first[c] = t->pos;
	t->pos++;
}

/*
 * A country found.  A group named as a subject makes its member states
 * subjects too (those that had joined by the article's year); named
 * further on it is only mentioned, alone: a passing "G20" does not
 * mention twenty countries.
 */
static void
hit(struct tagger *t, int c)
{
	const struct row *r = &t->g->rows[c];
	size_t k;

	count_hit(t, c);
	if (!t->subject)
		return;
	for (k = 0; k < r->nmembers; k++)
		if (t->year >= r->members[k].since)
			count_hit(t, r->members[k].row);
}

/*
 * Words an abbreviation character begins, where it is not a country:
 * the last of a run (项目中加强, 协定中加入, 其中越来越, 中美以及) or one
 * standing alone (加大…, 日前…).
 */
static const char *const abbrev_words[] = {
	"加强", "加入", "加快", "加大", "加速", "加紧", "加深", "加剧",
	"加上", "加以", "加之", "加工", "加盟", "加重", "越来", "越发",
	"越过", "法律", "法规", "法案", "法院", "法治", "意见", "意义",
	"意味", "意识", "意愿", "西部", "西方", "西南", "西北", "日前",
	"日益", "日常", "日期", "德行", "美好", "美术", "以及", "以上",
	"以下", "以来", "以便", "以后", "以前", "以外", "以内", "以往",
	"以期", "以免", "以此", "以为", "以致", "以至", "以求", "印太",
	NULL
};

/* Whether the abbreviation at s[off] begins a word or a country's name. */
static int
begins_word(struct tagger *t, const char *s, size_t len, size_t off)
{
	size_t m;
	int c;

	if (starts_any(s + off, abbrev_words) != NULL)
		return 1;
	/* 其中美国: 美 is 美国's, and 中 alone is no run; but in 欧美国家
	 * the 国 is 国家's */
	m = matcher_at(t->g->names, s, len, off, &c);
	return m > 0 && c != EXCLUDED && !(m >= strlen("国") &&
	    text_starts(s + off + m - strlen("国"), "国家"));
}

/*
 * Whether a run's first character is an ordinary word: 以 always (以中
 * 美为代表), 加 越 意 西 法 where they may end the word before them (增加,
 * 超越, 同意, 东西, 方法): after a Chinese character that is no
 * conjunction.  At a title's start, 法德意三国 and 加美两国 are countries.
 */
static int
word_at_start(uint32_t c, uint32_t prev)
{
	if (c == 0x4ee5)	/* 以 */
		return 1;
	return in_set(c, "加越意西法") && text_is_cjk(prev) &&
	    !in_set(prev, "与和同及、");
}

/* 以 ending a run before a 为 in its clause is 以…为: 中美以市场为导向. */
static int
yi_wei(const char *s, size_t len)
{
	uint32_t c;
	size_t i;
	int n, k;

	for (i = 0, k = 0; i < len && k < 12; i += (size_t)n, k++) {
		c = text_first(s + i, len - i, &n);
		if (c == 0x4e3a)	/* 为 */
			return 1;
		if (n <= 0 || in_set(c, "，。；：、！？,;:"))
			break;
	}
	return 0;
}

/*
 * A run of abbreviations at s[i], adjacent or joined by dashes, a
 * middle dot or 、.  Leading characters that are also common words
 * (以美-印: "with") are dropped, and so is a last one that begins a
 * word; the run must keep two.  Returns the bytes consumed, 0 if no run.
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
		    ch == 0x00b7 || ch == 0x2013 || ch == 0x3001) {
			if (nwho == 0)
				break;
			j += (size_t)n;
			continue;
		}
		if ((c = abbrev_of(t->g, ch)) < 0 ||
		    (nwho == 0 && day_not_japan(ch, prev)))
			break;
		/* a list names a country once: 加加林 is Gagarin, and
		 * 中美、中欧 two runs */
		for (k = 0; k < nwho && who[k] != c; k++)
			;
		if (k < nwho)
			break;
		at[nwho] = j;
		who[nwho++] = c;
		j += (size_t)n;
		end = j;
	}
	if (nwho > 0 && (begins_word(t, s, len, at[nwho - 1]) ||
	    (t->g->rows[who[nwho - 1]].abbrev == 0x4ee5 &&
	    yi_wei(s + end, len - end))))
		end = at[--nwho];
	/* common words that happen to be abbreviations, at the start */
	for (k = 0; k < nwho && word_at_start(t->g->rows[who[k]].abbrev,
	    k == 0 ? prev : t->g->rows[who[k - 1]].abbrev); k++)
		;
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

/*
 * What follows a country's one-character name where it acts.  Bodies
 * of state (美商务部, 印政府) are safe after any abbreviation; verbs
 * and heads (美发布, 日修订, 德投资) only after the characters that
 * are seldom words at a title's start.
 */
static const char *const single_bodies[] = {
	"政府", "总统", "总理", "首相", "内阁", "议会", "国会", "参议院",
	"众议院", "上议院", "下议院", "白宫", "联邦", "联储", "央行",
	"国防部", "商务部", "能源部", "外交部", "财政部", "教育部",
	"卫生部", "农业部", "交通部", "内政部", "司法部", "劳工部",
	"经济部", "科技部", "工业部", "贸易部", "文部科学省", "经济产业省",
	"经产省", "研究与创新署", "创新署", "研究理事会", "智库", "军方",
	"媒体", "官员", "议员", "两党", "各州", "高校", "科学院",
	"工程院", "国家实验室", "军", "媒", "企", NULL
};

static const char *const single_verbs[] = {
	"发布", "公布", "出台", "推出", "颁布", "发表", "提出", "宣布",
	"制定", "修订", "修改", "更新", "升级", "启动", "批准", "通过",
	"签署", "实施", "部署", "设立", "成立", "建立", "组建", "新建",
	"新设", "投资", "投入", "拨款", "资助", "斥资", "追加", "计划",
	"加强", "加大", "加快", "加速", "强化", "扩大", "拓展", "推进",
	"推动", "支持", "聚焦", "布局", "发起", "开展", "开发", "研发",
	"打造", "构建", "调整", "改革", "完善", "明确", "确定", "提交",
	"举办", "召开", "审议", "审查", "评估", "限制", "禁止", "管制",
	"制裁", "呼吁", "重组", "重启", "收紧", "放宽", "延长", "取消",
	"要求", "考虑", "寻求", "着力", "致力", "探索", "遴选", "首次",
	"首个", "首部", "首份", "再次", "正式", "全面", "大力", "积极",
	"持续", "进一步", "新版", "创新", "对华", "拟", "将", "欲", "已",
	"再", "又", "就", NULL
};

/* Whether a country's name, alias or abbreviation starts at s[off]. */
static int
country_at(const struct gazetteer *g, const char *s, size_t len, size_t off)
{
	size_t m;
	int c;

	m = matcher_at(g->names, s, len, off, &c);
	if (m > 0)
		return c != EXCLUDED;
	return abbrev_of(g, text_first(s + off, len - off, NULL)) >= 0;
}

/*
 * A single abbreviation at s[i] standing as a name: where a subject
 * is named (the title, the lead clause), at the start or after a
 * clause's punctuation, not beginning a word (日前, 加大), followed by
 * a body of state, or for the characters that are seldom words there
 * (美 日 韩 英 法 德 俄 欧 澳) by a verb, a book title, a quotation, a
 * Latin name or a number, or by 与, 和, 同, 对 or 向 and a country
 * (美与欧盟…).  中 (middle), 以 (with), 巴 (Brazil or Pakistan?) and
 * 伊 (Iran or Iraq?) never stand alone.  Returns the bytes consumed.
 */
static size_t
abbrev_alone(struct tagger *t, const char *s, size_t len, size_t i)
{
	const char *rest;
	uint32_t ch, prev, next;
	size_t r;
	int c, n, m, ok;

	ch = text_first(s + i, len - i, &n);
	if (!t->subject || (c = abbrev_of(t->g, ch)) < 0 ||
	    in_set(ch, "中以巴伊"))
		return 0;
	prev = i > 0 ? text_last(s, i, NULL) : 0;
	if (prev != 0 && !in_set(prev, "：；，（“‘【—｜:;,(| "))
		return 0;
	if (starts_any(s + i, abbrev_words) != NULL)
		return 0;
	r = i + (size_t)n;
	rest = s + r;
	ok = starts_any(rest, single_bodies) != NULL;
	if (!ok && in_set(ch, "美日韩英法德俄欧澳")) {
		next = text_first(rest, len - r, &m);
		ok = starts_any(rest, single_verbs) != NULL ||
		    in_set(next, "《“‘「") ||
		    (next < 0x80 && ((next >= '0' && next <= '9') ||
		    ((next | 0x20) >= 'a' && (next | 0x20) <= 'z'))) ||
		    (in_set(next, "与和同对向") &&
		    country_at(t->g, s, len, r + (size_t)m));
	}
	if (!ok)
		return 0;
	hit(t, c);
	return (size_t)n;
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
		    ((m = abbrev_run(t, s, len, i)) > 0 ||
		    (m = abbrev_alone(t, s, len, i)) > 0)) {
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

/* The year the article speaks of: its date's, else its issue's. */
static int
article_year(const struct issue *is, const struct article *a)
{
	if (a->date != NULL && strlen(a->date) >= 4)
		return atoi(a->date);
	return is->year;
}

static void
tag_article(const struct gazetteer *g, const struct issue *is,
    struct article *a, int *count, int *first, int *subject)
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
	t.subject = 1;
	t.year = article_year(is, a);
	scan(&t, a->title);
	lead = lead_clause(a);
	scan(&t, lead);
	free(lead);
	for (i = 0; i < g->n; i++)
		subject[i] = count[i] > 0;
	t.subject = 0;
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
	for (s = 0; s < is->ncolumns; s++)
		for (i = 0; i < is->columns[s].narticles; i++)
			tag_article(g, is, &is->columns[s].articles[i],
			    count, first, subject);
	free(count);
	free(first);
	free(subject);
}

/*
 * The shapes of a funding guide's lines: headings of parts and closing
 * parts, field labels, numbered directions, category suffixes, and the
 * figures its front matter prints.  Pure functions of a string;
 * import-guide.c builds the guide from them.
 */
#include <stdlib.h>
#include <string.h>

#include "import-guide.h"
#include "import-shape.h"
#include "text.h"
#include "xmalloc.h"

/* ---- shapes of headings and lines --------------------------------- */

/* Holds none of ，。；！？ (a heading, a name, a title). */
int
guide_no_stops(const char *s)
{
	static const char *const stops[] = { "，", "。", "；", "！", "？" };
	size_t i;

	for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		if (strstr(s, stops[i]) != NULL)
			return 0;
	return 1;
}

static int
cols(const char *s)
{
	return text_cols(s, strlen(s));
}

/* A heading or a name: short, no sentence in it, no colon at its end. */
int
guide_heading_like(const char *s, int width)
{
	return cols(s) <= width && guide_no_stops(s) && !text_ends(s, strlen(s),
	    "：");
}

int
guide_is_label(const char *s)
{
	return shape_label(s, strlen(s)) > 0;
}

/* The number of an item's enumerator: 3 of （3）, 3. and 三、; or 0. */
int
guide_item_number(const char *s)
{
	static const char *const cn = "一二三四五六七八九十";
	const char *p;
	uint32_t c;

	p = s;
	if (text_starts(p, "（") || *p == '(')
		p += *p == '(' ? 1 : strlen("（");
	if (*p >= '0' && *p <= '9')
		return atoi(p);
	c = text_first(p, strlen(p), NULL);
	for (p = cn; *p != '\0'; p += strlen("一"))
		if (text_first(p, strlen(p), NULL) == c)
			return 1 + (int)((p - cn) / strlen("一"));
	return 0;
}

/* 一、总体目标, 二、申报要求（略） */
int
guide_part_heading(const char *s)
{
	return shape_enum_kind(s, strlen(s)) == 1 && guide_heading_like(s,
	    GUIDE_HEAD_COLS);
}

/*
 * A part that comes after part *last (0: none yet, or an annex): its
 * heading has a higher number (a line "一、核算结果不确定性" that a
 * narrow page broke out of "…尺度不一、核算…" after part 一 is no
 * part); *last follows it.
 */
int
guide_next_part(const char *s, int *last)
{
	if (!guide_part_heading(s) || guide_item_number(s) <= *last)
		return 0;
	*last = guide_item_number(s);
	return 1;
}

/* 附件, 附件2, 附件：形式审查条件要求 */
int
guide_annex(const char *s)
{
	const char *p;

	if (!text_starts(s, "附件") || !guide_heading_like(s, GUIDE_HEAD_COLS))
		return 0;
	p = s + strlen("附件");
	while ((*p >= '0' && *p <= '9') || *p == ' ')
		p++;
	return *p == '\0' || text_starts(p, "：") || *p == ':';
}

/* The closing parts that guides print without a number. */
int
guide_closing_name(const char *s)
{
	static const char *const names[] = {
		"联系方式", "联系人", "申报要求", "申报条件", "申报说明",
		"注意事项", "其他事项", "形式审查条件要求", "形式审查要求"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0)
			return 1;
	return 0;
}

/* A status printed under the title: （征求意见稿） */
int
guide_status_line(const char *s)
{
	size_t len = strlen(s);

	return strstr(s, "征求意见稿") != NULL && len <= 3 * 12 &&
	    (text_starts(s, "（") || *s == '(');
}

/*
 * Ends with 。！？ (maybe inside closing quotes): a paragraph may end
 * there, not at ； or ：, after which a line goes on unless an item
 * begins (…研制可靠性测试装备 2 台（套）； / 完成… across a page).
 */
int
guide_ends_paragraph(const char *s)
{
	static const char *const closers[] = { "”", "’", "」", "）", "》" };
	size_t len, k;
	int more;

	len = strlen(s);
	do {
		more = 0;
		for (k = 0; k < sizeof(closers) / sizeof(closers[0]); k++)
			if (text_ends(s, len, closers[k])) {
				len -= strlen(closers[k]);
				more = 1;
			}
	} while (more);
	return text_ends(s, len, "。") || text_ends(s, len, "！") ||
	    text_ends(s, len, "？") || text_ends(s, len, "…") ||
	    (len > 0 && (s[len - 1] == '!' || s[len - 1] == '?'));
}

int
guide_fills(int width, const char *s)
{
	return width > 0 && cols(s) >= width - 4;
}

/* ---- labels -------------------------------------------------------- */

/*
 * Labels that guides print, for the few decisions that a label's shape
 * alone cannot make: whether a guide is one at all, whether a line the
 * PDF reader ran into the one before opens a field, and whether a label
 * inside a field opens a field of its own.  Any other label opens a
 * field where it is the first of its direction or recurs in others.
 */
static const char *const known[] = {
	"合作协议", "领域方向", "拟支持项目数", "拟支持经费", "其他要求",
	"研究内容", "考核指标", "关键词", "实施年限", "有关说明", "申报要求",
	"支持年限", "经费来源", "研究目标", "主要研究内容", "预期目标",
	"预期成果", "支持经费", "国拨经费", "拟安排国拨经费", "项目数",
	"支持项目数", "拟立项项目数", "实施周期", "执行期", "执行期限",
	"项目执行期", "实施期限", "支持方式", "组织方式", "资助方式",
	"资助强度", "资助额度", "配套经费", "其他经费", "自筹经费",
	"技术指标", "考核目标", "主要任务", "研究任务", "建设内容",
	"示范内容", "支持领域", "合作国家", "合作方式", "申报条件",
	"申报单位", "牵头单位", "参与单位", "支持强度", "指南方向",
	"项目类型", "任务类型", "备注", "说明", "关键字"
};

static int
is_ordinal(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == 0x4e00 || c == 0x4e8c ||
	    c == 0x4e09 || c == 0x56db || c == 0x4e94 || c == 0x516d ||
	    c == 0x4e03 || c == 0x516b || c == 0x4e5d || c == 0x5341;
}

/* Bytes of the ordinal that ends s (领域方向一, 主题2), or 0. */
static size_t
ordinal_tail(const char *s, size_t len)
{
	size_t n;
	int k;

	for (n = 0; n < len; n += (size_t)k)
		if (!is_ordinal(text_last(s, len - n, &k)) || k <= 0)
			break;
	return n < len ? n : 0;
}

int
guide_known_label(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(name, known[i]) == 0)
			return 1;
	return 0;
}

size_t
guide_label(const char *s, struct glabel *l)
{
	size_t len, lab, colon, ord, off;

	memset(l, 0, sizeof(*l));
	len = strlen(s);
	if ((lab = shape_label(s, len)) == 0)
		return 0;
	colon = s[lab - 1] == ':' ? 1 : 3;
	off = text_starts(s, "共") && lab - colon > 6 ? strlen("共") : 0;
	l->name = xstrndup(s + off, lab - colon - off);
	ord = ordinal_tail(l->name, strlen(l->name));
	if (ord > 0) {
		l->ordinal = xstrdup(l->name + strlen(l->name) - ord);
		l->name[strlen(l->name) - ord] = '\0';
	}
	l->known = guide_known_label(l->name);
	for (l->value = s + lab; *l->value == ' '; l->value++)
		;
	return lab;
}

void
guide_label_free(struct glabel *l)
{
	free(l->name);
	free(l->ordinal);
	memset(l, 0, sizeof(*l));
}

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

int
guide_direction(const char *s, int *major, int *minor, size_t *nameoff)
{
	return shape_direction(s, strlen(s), major, minor, nameoff);
}

char *
guide_category(const char *title)
{
	const char *open, *p;
	size_t len, inner;

	len = strlen(title);
	if (!text_ends(title, len, "）"))
		return NULL;
	open = NULL;
	for (p = title; (p = strstr(p, "（")) != NULL; p += strlen("（"))
		open = p;
	if (open == NULL)
		return NULL;
	p = open + strlen("（");
	inner = (size_t)(title + len - strlen("）") - p);
	if (inner < 3 * 3 || inner > 3 * 20 || memchr(p, ')', inner) ||
	    text_has(p, inner, "（") || text_has(p, inner, "）"))
		return NULL;
	/* 基础研究类, 青年科学家项目, 共性关键技术类、部省联动任务 */
	if (!text_has(p, inner, "类") && !text_ends(p, inner, "项目") &&
	    !text_ends(p, inner, "任务"))
		return NULL;
	return xstrndup(p, inner);
}

/* The number just before s[at], skipping spaces and 约: 18 of "18 个". */
static int
number_before(const char *s, size_t at, char *out, size_t outsz)
{
	size_t end, start;

	end = at;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	start = end;
	while (start > 0 && (is_digit((unsigned char)s[start - 1]) ||
	    (s[start - 1] == '.' && start < end)))
		start--;
	if (start == end || end - start >= outsz)
		return 0;
	memcpy(out, s + start, end - start);
	out[end - start] = '\0';
	return 1;
}

/* The first number after s (within a short reach), with what follows. */
static const char *
number_after(const char *s, size_t reach)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i < reach; i++) {
		if (is_digit((unsigned char)s[i]))
			return s + i;
		if (text_starts(s + i, "。") || text_starts(s + i, "；"))
			return NULL;
	}
	return NULL;
}

static int
count_before(const char *text, const char *const *words, size_t nwords)
{
	char num[16];
	const char *p;
	size_t k;

	for (k = 0; k < nwords; k++)
		for (p = text; (p = strstr(p, words[k])) != NULL; p++)
			if (number_before(text, (size_t)(p - text), num,
			    sizeof(num)))
				return atoi(num);
	return 0;
}

void
guide_totals(const char *text, int *ndirs, int *nprojects, char **funding)
{
	static const char *const dirs[] = {
		"个指南方向", "个方向", "项指南任务", "个指南任务", "个重点任务"
	};
	static const char *const projects[] = { "个项目", "项项目" };
	static const char *const after[] = {
		"项目任务数", "拟支持项目数", "拟立项项目数", "项目数"
	};
	const char *p, *q;
	size_t k, n;

	if (*ndirs == 0)
		*ndirs = count_before(text, dirs,
		    sizeof(dirs) / sizeof(dirs[0]));
	if (*nprojects == 0)
		*nprojects = count_before(text, projects,
		    sizeof(projects) / sizeof(projects[0]));
	for (k = 0; *nprojects == 0 && k < sizeof(after) / sizeof(after[0]);
	    k++)
		if ((p = strstr(text, after[k])) != NULL &&
		    (q = number_after(p + strlen(after[k]), 12)) != NULL)
			*nprojects = atoi(q);
	/* 拟安排国拨经费 3.4 亿元, 国拨经费总概算约 5.9 亿元 */
	if (*funding != NULL)
		return;
	if ((p = strstr(text, "国拨经费")) == NULL)
		p = strstr(text, "中央财政经费");
	if (p == NULL || (q = number_after(p + strlen(text_starts(p, "国") ?
	    "国拨经费" : "中央财政经费"), 30)) == NULL)
		return;
	for (n = 0; is_digit((unsigned char)q[n]) || q[n] == '.'; n++)
		;
	for (p = q + n; *p == ' '; p++)
		;
	if (text_starts(p, "亿元") || text_starts(p, "万元"))
		*funding = xasprintf("%.*s%.*s", (int)n, q, (int)strlen("亿元"),
		    p);
}

int
guide_year(const char *s)
{
	const char *p;
	int y;

	for (p = s; *p != '\0'; p++) {
		if (!((p[0] == '1' && p[1] == '9') || (p[0] == '2' &&
		    p[1] == '0')) || !is_digit((unsigned char)p[2]) ||
		    !is_digit((unsigned char)p[3]) ||
		    (p > s && is_digit((unsigned char)p[-1])))
			continue;
		y = atoi(p);
		p += 4;
		while (*p == ' ')
			p++;
		if (text_starts(p, "年"))
			return y;
		p--;
	}
	return 0;
}

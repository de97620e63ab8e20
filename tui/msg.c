/* The reader's words in Chinese and English: see msg.h. */
#include <stddef.h>

#include "msg.h"

struct words {
	const char	*zh;
	const char	*en;
};

static const struct words table[MSG__COUNT] = {
	[MSG_SELECT_ARTICLE] =	{ "请先选中一篇文章", "select an article" },
	[MSG_FLAGGED] =		{ "已加星标", "flagged" },
	[MSG_UNFLAGGED] =	{ "已取消星标", "unflagged" },
	[MSG_MARKED_READ] =	{ "已标为已读", "marked read" },
	[MSG_MARKED_UNREAD] =	{ "已标为未读", "marked unread" },
	[MSG_COPIED] =		{ "已复制：%s", "copied: %s" },
	[MSG_OPEN_ARTICLE_FIRST] = { "请先打开一篇文章", "open an article first" },
	[MSG_NO_MATCH_HERE] =	{ "本文无匹配", "no match here" },
	[MSG_NO_SEARCH] =	{ "没有搜索：按 / 搜索",
				  "no search: press / to search" },
	[MSG_MATCH_N] =		{ "匹配 %zu/%zu", "match %zu/%zu" },
	[MSG_NOTHING_MATCHES] =	{ "没有与 %s 相符的项", "nothing matches %s" },
	[MSG_MENTIONS_ANY] =	{ "国家筛选：包括提及", "country filter: any mention" },
	[MSG_MENTIONS_SUBJECTS] = { "国家筛选：仅主体",
				  "country filter: subjects only" },
	[MSG_CLEARED] =		{ "已清除筛选和搜索", "filters and search cleared" },
	[MSG_NO_NEXT_ARTICLE] =	{ "没有下一篇", "no next article" },
	[MSG_NO_PREV_ARTICLE] =	{ "没有上一篇", "no previous article" },
	[MSG_ERROR_AT] =	{ "%s（第 %d 列）", "%s at %d" },
	[MSG_CANNOT_READ_ARTICLE] = { "无法读取文章：%s",
				  "cannot read the article: %s" },
	[MSG_NO_ARTICLE_MATCHES] = { "没有相符的文章（x 清除）",
				  "no article matches (x clears)" },
	[MSG_NO_FILTER_MATCHES] = { "没有符合筛选的内容（x 清除）",
				  "nothing matches the filters (x clears)" },
	[MSG_NO_RESULTS] =	{ "无结果", "no results" },
	[MSG_NO_ISSUES] =	{ "没有期刊", "no issues" },
	[MSG_RESULT_N] =	{ "结果 %zu/", "result %zu/" },
	[MSG_ISSUES] =		{ " 期", " issues" },
	[MSG_FILTER_COUNTRY] =	{ " [国家 %s%s]", " [国家 %s%s]" },
	[MSG_MENTIONS_TAG] =	{ " +提及", " +提及" },
	[MSG_FILTER_THEME] =	{ " [主题 %s]", " [主题 %s]" },
	[MSG_FILTER_FLAGGED] =	{ " [星标]", " [flagged]" },
	[MSG_HELP_HINT] =	{ "  ?:帮助", "  ?:help" },
};

/* English until the interface is Chinese throughout (issue 11). */
static enum msg_lang lang = MSG_LANG_EN;

void
msg_set_language(enum msg_lang l)
{
	lang = l;
}

enum msg_lang
msg_language(void)
{
	return lang;
}

const char *
msg_in(enum msg id, enum msg_lang l)
{
	if ((int)id < 0 || id >= MSG__COUNT)
		return "";
	return l == MSG_LANG_ZH ? table[id].zh : table[id].en;
}

const char *
msg(enum msg id)
{
	return msg_in(id, lang);
}

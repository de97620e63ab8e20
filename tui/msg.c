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
	[MSG_FILTER_COUNTRY] =	{ " [国家 %s%s]", " [country %s%s]" },
	[MSG_MENTIONS_TAG] =	{ " +提及", " +mentions" },
	[MSG_FILTER_THEME] =	{ " [主题 %s]", " [theme %s]" },
	[MSG_FILTER_FLAGGED] =	{ " [星标]", " [flagged]" },
	[MSG_HELP_HINT] =	{ "  ?:帮助", "  ?:help" },
	[MSG_NO_NEXT_UNREAD] =	{ "后面没有未读文章", "no unread article after this one" },
	[MSG_NO_PREV_UNREAD] =	{ "前面没有未读文章", "no unread article before this one" },
	[MSG_MARK_READ_PROMPT] = { "标为已读：", "mark read: " },
	[MSG_MARK_COLUMN] =	{ "本栏目", "this column" },
	[MSG_MARK_ISSUE] =	{ "本期", "this issue" },
	[MSG_MARK_ALL] =	{ "全部文章……", "everything…" },
	[MSG_MARK_ALL_SURE] =	{ "把文库中所有文章标为已读？",
				  "mark every article of the archive read? " },
	[MSG_NO] =		{ "否", "no" },
	[MSG_YES_MARK_ALL] =	{ "是，全部标为已读", "yes, mark them all read" },
	[MSG_MARKED_N_READ] =	{ "已将 %zu 篇标为已读", "%zu marked read" },
	[MSG_NOTHING_TO_MARK] =	{ "没有未读文章", "nothing unread there" },
	[MSG_MARKED_ALL_READ] =	{ "所有文章已标为已读", "every article marked read" },
	[MSG_NEWS] =		{ "自上次以来新到 %zu 期，%zu 篇文章",
				  "new since last time: issues %zu, articles %zu" },
	[MSG_STATE_MEMORY] =	{ " [标记不保存]", " [marks not kept]" },
	[MSG_STATE_LOCKED] =	{ " [状态库被占用：%zu 项待保存]",
				  " [state locked: %zu unsaved]" },
	[MSG_STATE_FAILING] =	{ " [状态库无法写入：%zu 项待保存]",
				  " [state not writable: %zu unsaved]" },
	[MSG_STATE_SAVED] =	{ "标记已保存", "marks saved" },
	[MSG_HELP_FILTERS] =	{ "当前筛选：%s", "filters: %s" },
	[MSG_HELP_STATE] =	{ "阅读记录：%s", "state: %s" },
	[MSG_READ_OLDER_SURE] =	{ "把最新一期之前的各期都记为已读？",
				  "count the issues before the newest as read? " },
	[MSG_NO_KEEP_UNREAD] =	{ "否，未读的仍为未读", "no, keep what is unread unread" },
	[MSG_YES_READ_OLDER] =	{ "是，只留最新一期未读", "yes, leave only the newest unread" },
	[MSG_HELP_STATE_MEMORY] = { "阅读记录：仅在内存中，退出即失",
				  "state: in memory, gone at quit" },
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

/* The reader's words in Chinese and English: see msg.h. */
#include <stddef.h>
#include <strings.h>

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
	[MSG_PROMPT_OPEN] =	{ "打开: ", "open: " },
	[MSG_NO_URLS] =		{ "本文没有网址", "no URLs in this article" },
	[MSG_OPENED] =		{ "已打开：%s", "opened: %s" },
	[MSG_CANNOT_OPEN] =	{ "无法打开 %s：%s", "cannot open %s: %s" },
	[MSG_NOT_WEB] =		{ "不是网址，不打开：%s",
				  "not a web address, not opened: %s" },
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
	[MSG_FILTER_COUNTRY] =	{ " [国家 %s%s]", " [country %s%s]" },
	[MSG_MENTIONS_TAG] =	{ " +提及", " +mentions" },
	[MSG_FILTER_THEME] =	{ " [主题 %s]", " [theme %s]" },
	[MSG_FILTER_FLAGGED] =	{ " [星标]", " [flagged]" },
	[MSG_HELP_HINT] =	{ "  ?:帮助", "  ?:help" },

	[MSG_ONE_ARTICLE] =	{ "%d 篇", "%d article" },
	[MSG_N_ARTICLES] =	{ "%d 篇", "%d articles" },
	[MSG_ISSUE_N] =		{ "第 %zu/%s 期", "issue %zu/%s" },
	[MSG_EMPTY_RESULTS] =	{ " 没有相符的文章", " no article matches" },
	[MSG_EMPTY_TREE] =	{ " 没有符合筛选的内容",
				  " nothing matches the filters" },
	[MSG_HINT_OPEN] =	{ "选中一篇文章，按 Enter 打开。",
				  "Choose an article and press Enter." },
	[MSG_HINT_HELP] =	{ "按 ? 查看所有按键。", "? shows every key." },
	[MSG_HELP_TITLE] =	{ "kuaibao 按键（按任意键关闭；j/k 滚动）",
				  "kuaibao keys  (any key closes; j/k scroll)" },
	[MSG_HELP_COMMANDS] =	{ "命令（按 : 输入；Tab 补全）",
				  "commands  (: runs one; Tab completes)" },
	[MSG_PROMPT_NOTHING] =	{ "（没有相符的项）", "(nothing matches)" },
	[MSG_PROMPT_SEARCH] =	{ "/: ", "/: " },
	[MSG_PROMPT_COUNTRY] =	{ "国家: ", "country: " },
	[MSG_PROMPT_COUNTRY_ANY] = { "国家 (提及也算): ",
				  "country (any mention): " },
	[MSG_PROMPT_THEME] =	{ "主题: ", "theme: " },
	[MSG_PROMPT_COPY] =	{ "复制: ", "copy: " },
	[MSG_PROMPT_COMMAND] =	{ ":", ":" },
	[MSG_NO_COUNTRY] =	{ "没有国家“%s”", "no country \"%s\"" },
	[MSG_NO_THEME] =	{ "没有主题“%s”", "no theme \"%s\"" },
	[MSG_NO_KEY] =		{ "没有名为“%s”的键", "no key called \"%s\"" },
	[MSG_TOO_MANY_WORDS] =	{ "词太多", "too many words" },
	[MSG_NO_CLOSING] =	{ "缺少收尾的 %c", "no closing %c" },
	[MSG_UNKNOWN_COMMAND] =	{ "没有命令“%s”", "unknown command \"%s\"" },
	[MSG_UNKNOWN_FLAG] =	{ "没有选项 -%c", "unknown flag -%c" },
	[MSG_FLAG_VALUE] =	{ "-%c 需要一个值", "-%c needs a value" },
	[MSG_TOO_MANY_ARGS] =	{ "参数太多（%s）", "too many arguments (%s)" },
	[MSG_TOO_FEW_ARGS] =	{ "参数太少（%s）", "too few arguments (%s)" },
	[MSG_NOT_A_NUMBER] =	{ "“%s”不是 %ld 到 %ld 之间的数",
				  "\"%s\" is not a number from %ld to %ld" },
	[MSG_NO_STATE_HOME] =	{ "XDG_STATE_HOME 和 HOME 都没有设置",
				  "neither XDG_STATE_HOME nor HOME is set" },
	[MSG_STATE_NOT_KEPT] =	{ "阅读标记不会保存：%s",
				  "marks will not be kept: %s" },
	[MSG_STATE_WRITE_FAILED] = { "无法写入状态数据库：%s",
				  "cannot write the state database: %s" },
	[MSG_STATE_MARK] =	{ " [标记未保存]", " [marks not saved]" },
	[MSG_SIDE_WIDTH] =	{ "侧栏宽 %d 列", "sidebar %d columns wide" },
	[MSG_SIDE_AUTO] =	{ "侧栏宽 %d 列（自动）",
				  "sidebar %d columns wide (automatic)" },
	[MSG_SIDE_NARROW_SCREEN] = { "屏幕太窄：侧栏与正文轮流显示",
				  "the screen is too narrow: the sidebar and the"
				  " article take turns" },
	[MSG_MEASURE] =		{ "正文每行至多 %d 列", "text at most %d columns wide" },
	[MSG_MEASURE_NONE] =	{ "正文与窗格同宽", "text as wide as the pane" },
	[MSG_NO_LANGUAGE] =	{ "没有语言“%s”（zh 或 en）",
				  "no language \"%s\" (zh or en)" },

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
	[MSG_STATE_LOCKED] =	{ " [状态被占用：%zu 项未保存]",
				  " [state locked: %zu unsaved]" },
	[MSG_STATE_FAILING] =	{ " [状态无法写入：%zu 项未保存]",
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
	[MSG_CONFIG_AT] =	{ "%s:%d:%d：%s", "%s:%d:%d: %s" },
	[MSG_CONFIG_MORE] =	{ "（另有 %d 处错误）", " (%d more)" },
	[MSG_CONFIG_OWNER] =	{ "%s：属于他人，未读取",
				  "%s: owned by someone else, not read" },
	[MSG_CONFIG_WRITABLE] =	{ "%s：他人可写，未读取（chmod go-w）",
				  "%s: writable by others, not read (chmod go-w)" },
	[MSG_CONFIG_NOT_FILE] =	{ "%s：不是普通文件，未读取",
				  "%s: not a regular file, not read" },
	[MSG_CONFIG_CANNOT_READ] = { "%s：无法读取：%s", "%s: cannot read: %s" },
	[MSG_CONFIG_LOOP] =	{ "%s：已在读取中（循环引用）",
				  "%s: already being read (a loop)" },
	[MSG_CONFIG_DEPTH] =	{ "嵌套超过 %d 层", "nested more than %d deep" },
	[MSG_NO_SETTING] =	{ "没有设置项 %s", "no setting %s" },
	[MSG_BAD_VALUE] =	{ "%s：应为 %s", "%s: give %s" },
	[MSG_BAD_DATE_FORMAT] =	{ "%s：日期格式为空或过长",
				  "%s: the format writes nothing or too much" },
	[MSG_NO_ELEMENT] =	{ "没有元素 %s", "no element %s" },
	[MSG_BAD_STYLE] =	{ "%s：无法识别的样式",
				  "%s: not a colour or an attribute" },
	[MSG_RESTRICTED] =	{ "受限模式下不可用", "not in restricted mode" },
	[MSG_COPY_OFF] =	{ "复制已关闭（set clipboard off）",
				  "copying is off (set clipboard off)" },
	[MSG_SOURCED] =		{ "已读取 %s", "%s read" },

	[MSG_NO_WORDS] =	{ "/%s：没有可搜索的词（只搜索文字和数字）",
				  "/%s: nothing to search for (only letters, digits"
				  " and Chinese are searched)" },
	[MSG_PROMPT_FIND] =	{ "本文查找: ", "find in article: " },
	[MSG_FIND_NONE] =	{ "本文中没有“%s”", "\"%s\" is not in this article" },
	[MSG_FILTER_FIND] =	{ " [本文 %s %zu]", " [find %s %zu]" },
	[MSG_FIND_ENDED] =	{ "已结束本文查找", "find ended" },
	[MSG_PROMPT_REMOVE] =	{ "去掉筛选: ", "remove filter: " },
	[MSG_NO_FILTERS] =	{ "没有筛选可去掉", "no filter to remove" },
	[MSG_REMOVED] =		{ "已去掉%s", "removed%s" },
	[MSG_NO_SUCH_FILTER] =	{ "没有叫“%s”的筛选（country、theme、search、flagged、filter）",
				  "no filter called \"%s\" (country, theme, search,"
				  " flagged, filter)" },
	[MSG_EXPR_UNKNOWN_FIELD] = { "没有字段“%s”（country theme column issue"
				  " kind year date is）", "no field \"%s\" (country"
				  " theme column issue kind year date is)" },
	[MSG_EXPR_NO_VALUE] =	{ "冒号后缺少值", "a value must follow the colon" },
	[MSG_EXPR_BAD_YEAR] =	{ "年份“%s”有误：写 2022、2022..、..2022 或"
				  " 2020..2022", "year \"%s\": give 2022, 2022..,"
				  " ..2022 or 2020..2022" },
	[MSG_EXPR_BAD_DATE] =	{ "日期“%s”有误：写 2023-06-01、2023-06 或"
				  " 2023-06-01..2023-09-30", "date \"%s\": give"
				  " 2023-06-01, 2023-06 or 2023-06-01..2023-09-30" },
	[MSG_EXPR_BAD_KIND] =	{ "类型“%s”有误：bulletin 或 guide",
				  "kind \"%s\": give bulletin or guide" },
	[MSG_EXPR_BAD_IS] =	{ "“is:%s”有误：flagged、unread 或 read",
				  "is:%s: give flagged, unread or read" },
	[MSG_EXPR_NOTHING_AFTER] = { "%s 后缺少条件",
				  "nothing follows %s" },
	[MSG_EXPR_EMPTY_PARENS] = { "括号内为空", "empty parentheses" },
	[MSG_EXPR_NO_CLOSING_PAREN] = { "括号未闭合", "no closing parenthesis" },
	[MSG_EXPR_UNEXPECTED] =	{ "此处不应有“%s”", "unexpected \"%s\"" },
	[MSG_EXPR_NO_COLUMN] =	{ "没有栏目“%s”", "no column \"%s\"" },
	[MSG_EXPR_NO_WORDS] =	{ "“%s”中没有可搜索的词",
				  "nothing to search for in \"%s\"" },
	[MSG_FILTER_EXPR] =	{ " [筛选 %s]", " [filter %s]" },
	[MSG_PROMPT_FILTER] =	{ "筛选：", "filter: " },
	[MSG_EXPORT_ISSUE] =	{ "出处：", "Issue: " },
	[MSG_EXPORT_DATE] =	{ "日期：", "Date: " },
	[MSG_EXPORT_COLUMN] =	{ "栏目：", "Column: " },
	[MSG_EXPORT_EDITORS] =	{ "编辑：", "Editors: " },
	[MSG_EXPORT_KEY] =	{ "编号：", "Key: " },
	[MSG_NO_VIEW] =		{ "没有视图“%s”", "no view \"%s\"" },
	[MSG_VIEW_BROKEN] =	{ "视图“%s”：%s（第 %d 列）",
				  "view \"%s\": %s at %d" },
	[MSG_VIEW_OPEN] =	{ "视图：%s", "view: %s" },
	[MSG_VIEW_SAVED] =	{ "已保存视图“%s”", "view \"%s\" saved" },
	[MSG_VIEW_DELETED] =	{ "已删除视图“%s”", "view \"%s\" deleted" },
	[MSG_VIEW_BAD_NAME] =	{ "视图名“%s”不可用", "\"%s\" cannot name a view" },
	[MSG_PROMPT_EXPORT] =	{ "导出当前视图到：", "export the view to: " },
	[MSG_PROMPT_EXPORT_FLAGGED] = { "导出加星标的文章到：",
				  "export the flagged to: " },
	[MSG_EXPORT_EXISTS] =	{ "%s 已存在，覆盖吗？", "%s exists: replace it? " },
	[MSG_EXPORT_NO] =	{ "否，保留原文件", "no, keep it" },
	[MSG_EXPORT_YES] =	{ "是，覆盖", "yes, replace it" },
	[MSG_EXPORT_KEPT] =	{ "未覆盖 %s", "%s kept as it was" },
	[MSG_EXPORT_FAILED] =	{ "无法导出到 %s：%s", "cannot export to %s: %s" },
	[MSG_EXPORTED] =	{ "已导出 %zu 篇到 %s", "%zu articles exported to %s" },
	[MSG_NOTHING_TO_EXPORT] = { "没有可导出的文章", "no article to export" },
	[MSG_EXPORT_FORMAT] =	{ "格式“%s”有误：md、txt、json 或 csv",
				  "format \"%s\": give md, txt, json or csv" },
	[MSG_PROMPT_PIPE] =	{ "管道到命令：", "pipe to: " },
	[MSG_PIPE_BACK] =	{ "\n按 Enter 返回 kuaibao ", "\nPress Enter to go back"
				  " to kuaibao " },
	[MSG_PIPE_STATUS] =	{ "命令“%s”退出状态 %d", "\"%s\" exited with"
				  " status %d" },
	[MSG_SORT_BAD] =	{ "无法按“%s”排序：date、issue 或 title",
				  "cannot sort by \"%s\": give date, issue or title" },
	[MSG_SORTED] =		{ "已%s排序", "sorted %s" },
	[MSG_SORT_ISSUE] =	{ "按期", "by issue" },
	[MSG_SORT_DATE] =	{ "按日期", "by date" },
	[MSG_SORT_TITLE] =	{ "按标题", "by title" },
	[MSG_VIEW_EMPTY] =	{ "视图“%s”：没有可保存的筛选",
				  "view \"%s\": no filter to save" },
};

static enum msg_lang lang = MSG_LANG_ZH;

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

const char *
msg_count(enum msg one, enum msg many, long long n)
{
	return msg(n == 1 ? one : many);
}

const char *
msg_pick(const char *zh, const char *en)
{
	if (lang == MSG_LANG_ZH && zh != NULL)
		return zh;
	return en != NULL ? en : zh;
}

int
msg_language_named(const char *name, enum msg_lang *l)
{
	static const struct {
		const char	*name;
		enum msg_lang	 lang;
	} names[] = {
		{ "zh", MSG_LANG_ZH }, { "chinese", MSG_LANG_ZH },
		{ "中文", MSG_LANG_ZH },
		{ "en", MSG_LANG_EN }, { "english", MSG_LANG_EN },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(name, names[i].name) == 0) {
			*l = names[i].lang;
			return 0;
		}
	return -1;
}

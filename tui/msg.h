/*
 * The reader's words, from one table in both its languages: Chinese,
 * which its readers speak and which it speaks by default, and English.
 * A message is named by its id; its printf format takes the same
 * arguments, in the same order, in both languages.  New words go into
 * this table, never into the code that shows them.
 */
#ifndef KB_MSG_H
#define KB_MSG_H

enum msg_lang {
	MSG_LANG_ZH,
	MSG_LANG_EN
};

enum msg {
	MSG_SELECT_ARTICLE,
	MSG_FLAGGED,
	MSG_UNFLAGGED,
	MSG_MARKED_READ,
	MSG_MARKED_UNREAD,
	MSG_COPIED,		/* %s: what */
	/* links: the o command (cmd-article.c) */
	MSG_PROMPT_OPEN,
	MSG_NO_URLS,
	MSG_OPENED,		/* %s: the URL */
	MSG_CANNOT_OPEN,	/* %s %s: the URL, why */
	MSG_NOT_WEB,		/* %s: the URL */
	MSG_OPEN_ARTICLE_FIRST,
	MSG_NO_MATCH_HERE,
	MSG_NO_SEARCH,
	MSG_MATCH_N,		/* %zu/%zu */
	MSG_NOTHING_MATCHES,	/* %s: what was typed */
	MSG_MENTIONS_ANY,
	MSG_MENTIONS_SUBJECTS,
	MSG_CLEARED,
	MSG_NO_NEXT_ARTICLE,
	MSG_NO_PREV_ARTICLE,
	MSG_ERROR_AT,		/* %s at %d: an error and its column */
	MSG_CANNOT_READ_ARTICLE,	/* %s: why */
	MSG_NO_ARTICLE_MATCHES,
	MSG_NO_FILTER_MATCHES,
	MSG_NO_RESULTS,
	MSG_NO_ISSUES,
	MSG_RESULT_N,		/* "result %zu/": the total follows */
	MSG_FILTER_COUNTRY,	/* %s%s: the name, and MSG_MENTIONS_TAG or "" */
	MSG_MENTIONS_TAG,
	MSG_FILTER_THEME,	/* %s */
	MSG_FILTER_FLAGGED,
	MSG_HELP_HINT,

	/* words: the screens, prompts and errors of the : line */
	MSG_ONE_ARTICLE,	/* %d: a count, 1 */
	MSG_N_ARTICLES,		/* %d: a count, not 1 */
	MSG_ISSUE_N,		/* %zu %s: the issue's place, the number of issues */
	MSG_EMPTY_RESULTS,	/* the sidebar, when a search finds nothing */
	MSG_EMPTY_TREE,		/* ... when the filters leave nothing */
	MSG_HINT_OPEN,		/* the empty article pane */
	MSG_HINT_HELP,
	MSG_HELP_TITLE,
	MSG_HELP_COMMANDS,
	MSG_PROMPT_NOTHING,	/* a prompt's list when nothing is left */
	MSG_PROMPT_SEARCH,
	MSG_PROMPT_COUNTRY,
	MSG_PROMPT_COUNTRY_ANY,
	MSG_PROMPT_THEME,
	MSG_PROMPT_COPY,
	MSG_PROMPT_COMMAND,
	MSG_NO_COUNTRY,		/* %s: what was typed */
	MSG_NO_THEME,		/* %s */
	MSG_NO_KEY,		/* %s: a key's name */
	MSG_TOO_MANY_WORDS,
	MSG_NO_CLOSING,		/* %c: the quote */
	MSG_UNKNOWN_COMMAND,	/* %s */
	MSG_UNKNOWN_FLAG,	/* %c */
	MSG_FLAG_VALUE,		/* %c */
	MSG_TOO_MANY_ARGS,	/* %s: the usage */
	MSG_TOO_FEW_ARGS,	/* %s: the usage */
	MSG_NOT_A_NUMBER,	/* %s %ld %ld: the word, the least, the most */
	MSG_NO_STATE_HOME,
	MSG_STATE_NOT_KEPT,	/* %s: why */
	MSG_STATE_WRITE_FAILED,	/* %s: why */
	MSG_STATE_MARK,		/* the status line's, while the state cannot be
				 * used: marks last the session only */
	MSG_SIDE_WIDTH,		/* %d */
	MSG_SIDE_AUTO,		/* %d */
	MSG_SIDE_NARROW_SCREEN,
	MSG_MEASURE,		/* %d */
	MSG_MEASURE_NONE,
	MSG_NO_LANGUAGE,	/* %s */

	/* cli+state: unread, marks, places, the state (cmd-marks.c) */
	MSG_NO_NEXT_UNREAD,
	MSG_NO_PREV_UNREAD,
	MSG_MARK_READ_PROMPT,
	MSG_MARK_COLUMN,
	MSG_MARK_ISSUE,
	MSG_MARK_ALL,
	MSG_MARK_ALL_SURE,
	MSG_NO,
	MSG_YES_MARK_ALL,
	MSG_MARKED_N_READ,	/* %zu */
	MSG_NOTHING_TO_MARK,
	MSG_MARKED_ALL_READ,
	MSG_NEWS,		/* %zu issues, %zu articles */
	MSG_STATE_LOCKED,	/* %zu changes waiting: the status line's */
	MSG_STATE_FAILING,	/* %zu, as MSG_STATE_LOCKED */
	MSG_STATE_SAVED,
	MSG_HELP_FILTERS,	/* %s: the filters as the status line shows them */
	MSG_HELP_STATE,		/* %s: the state file */
	MSG_HELP_STATE_MEMORY,
	MSG_READ_OLDER_SURE,
	MSG_NO_KEEP_UNREAD,
	MSG_YES_READ_OLDER,

	/* config: the configuration, set, style and restricted mode */
	MSG_CONFIG_AT,		/* %s %d %d %s: file, line, column, what */
	MSG_CONFIG_MORE,	/* %d: bad lines after the first */
	MSG_CONFIG_OWNER,	/* %s: the file */
	MSG_CONFIG_WRITABLE,	/* %s: the file */
	MSG_CONFIG_NOT_FILE,	/* %s: the file */
	MSG_CONFIG_CANNOT_READ,	/* %s %s: the file, why */
	MSG_CONFIG_LOOP,	/* %s: the file */
	MSG_CONFIG_DEPTH,	/* %d: the most */
	MSG_NO_SETTING,		/* %s */
	MSG_BAD_VALUE,		/* %s %s: the value, what it may be */
	MSG_BAD_DATE_FORMAT,	/* %s */
	MSG_NO_ELEMENT,		/* %s */
	MSG_BAD_STYLE,		/* %s */
	MSG_RESTRICTED,		/* refused in restricted mode */
	MSG_COPY_OFF,		/* refused: set clipboard off */
	MSG_SOURCED,		/* %s: the file */

	/* prompts: the search, the find in an article, the filters */
	MSG_NO_WORDS,		/* %s: what was typed */
	MSG_PROMPT_FIND,
	MSG_FIND_NONE,		/* %s: what was typed */
	MSG_FILTER_FIND,	/* %s %zu: the find, its matches */
	MSG_FIND_ENDED,
	MSG_PROMPT_REMOVE,
	MSG_NO_FILTERS,
	MSG_REMOVED,		/* %s: the filter, as the status line shows it */
	MSG_NO_SUCH_FILTER,	/* %s: what was given */
	/* views: filter expressions, views, export, sort */
	MSG_EXPR_UNKNOWN_FIELD,	/* %s: the field as typed */
	MSG_EXPR_NO_VALUE,
	MSG_EXPR_BAD_YEAR,	/* %s */
	MSG_EXPR_BAD_DATE,	/* %s */
	MSG_EXPR_BAD_KIND,	/* %s */
	MSG_EXPR_BAD_IS,	/* %s */
	MSG_EXPR_NOTHING_AFTER,	/* %s: and, or, not, - */
	MSG_EXPR_EMPTY_PARENS,
	MSG_EXPR_NO_CLOSING_PAREN,
	MSG_EXPR_UNEXPECTED,	/* %s */
	MSG_EXPR_NO_COLUMN,	/* %s */
	MSG_EXPR_NO_WORDS,	/* %s */
	MSG_FILTER_EXPR,	/* %s: the expression, on the status line */
	MSG_PROMPT_FILTER,
	MSG_EXPORT_ISSUE,	/* an export's labels: 出处： */
	MSG_EXPORT_DATE,
	MSG_EXPORT_COLUMN,
	MSG_EXPORT_EDITORS,
	MSG_EXPORT_KEY,
	MSG_NO_VIEW,		/* %s: the name */
	MSG_VIEW_BROKEN,	/* %s %s %d: the name, the error, its column */
	MSG_VIEW_OPEN,		/* %s */
	MSG_VIEW_SAVED,		/* %s */
	MSG_VIEW_DELETED,	/* %s */
	MSG_VIEW_BAD_NAME,	/* %s */
	MSG_VIEW_EMPTY,		/* %s */
	MSG_PROMPT_EXPORT,
	MSG_PROMPT_EXPORT_FLAGGED,
	MSG_EXPORT_EXISTS,	/* %s: the path */
	MSG_EXPORT_NO,
	MSG_EXPORT_YES,
	MSG_EXPORT_KEPT,	/* %s */
	MSG_EXPORT_FAILED,	/* %s %s: the path, why */
	MSG_EXPORTED,		/* %zu %s: how many, the path */
	MSG_NOTHING_TO_EXPORT,
	MSG_EXPORT_FORMAT,	/* %s */
	MSG_PROMPT_PIPE,
	MSG_PIPE_BACK,
	MSG_PIPE_STATUS,	/* %s %d: the command, its status */
	MSG_SORT_BAD,		/* %s */
	MSG_SORTED,		/* %s: one of the three below */
	MSG_SORT_ISSUE,		/* in the order of enum tree_sort */
	MSG_SORT_DATE,
	MSG_SORT_TITLE,
	MSG__COUNT
};

void		 msg_set_language(enum msg_lang);
enum msg_lang	 msg_language(void);
/*
 * The language called name ("zh", "en", or as they call themselves:
 * 中文, English); -1 when there is none of that name.  For --language
 * and the configuration's set language.
 */
int		 msg_language_named(const char *name, enum msg_lang *);
/* The words of a message in the language set. */
const char	*msg(enum msg);
/* The message in a given language (tests, the help's two columns). */
const char	*msg_in(enum msg, enum msg_lang);
/* The singular message for 1, the other for any other count. */
const char	*msg_count(enum msg one, enum msg many, long long n);
/* One of two words given side by side (a command's help): zh, or en. */
const char	*msg_pick(const char *zh, const char *en);

#endif

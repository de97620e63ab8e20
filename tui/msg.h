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
	MSG_ISSUES,		/* after a number of issues */
	MSG_FILTER_COUNTRY,	/* %s%s: the name, and MSG_MENTIONS_TAG or "" */
	MSG_MENTIONS_TAG,
	MSG_FILTER_THEME,	/* %s */
	MSG_FILTER_FLAGGED,
	MSG_HELP_HINT,
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
	MSG_STATE_MEMORY,
	MSG_STATE_LOCKED,	/* %zu changes waiting */
	MSG_STATE_FAILING,	/* %zu */
	MSG_STATE_SAVED,
	MSG_HELP_FILTERS,	/* %s: the filters as the status line shows them */
	MSG_HELP_STATE,		/* %s: the state file */
	MSG_HELP_STATE_MEMORY,
	MSG_READ_OLDER_SURE,
	MSG_NO_KEEP_UNREAD,
	MSG_YES_READ_OLDER,
	MSG__COUNT
};

void		 msg_set_language(enum msg_lang);
enum msg_lang	 msg_language(void);
/* The words of a message in the language set. */
const char	*msg(enum msg);
/* The message in a given language (tests, the help's two columns). */
const char	*msg_in(enum msg, enum msg_lang);

#endif

/*
 * The reader's screen: state shared by the screen files (sidebar.c,
 * pane.c, status.c, prompt.c, help.c), the commands (cmd-*.c) and the
 * loop in ui.c.  Commands change state and set dirty bits; ui_draw() is
 * the one place that draws, once per batch of input.
 */
#ifndef KB_UI_H
#define KB_UI_H

#include "msg.h"

#include <curses.h>
#include <stddef.h>

#include "db-read.h"

struct bind_table;
struct tree;
struct rendered;
struct prompt;

#define DIRTY_SIDE	0x01
#define DIRTY_ART	0x02
#define DIRTY_STATUS	0x04
#define DIRTY_ALL	0x08	/* repaint everything */
#define DIRTY_CLEAR	0x10	/* and the terminal: its contents are unknown */

#define NARROW_COLS	60	/* below this, one pane at a time */

enum pane {
	PANE_SIDE,
	PANE_ART
};

/* Colour pairs (or plain attributes without colour). */
enum look {
	LOOK_TITLE = 1, LOOK_META, LOOK_HEADING, LOOK_MATCH, LOOK_CURMATCH,
	LOOK_RULE, LOOK_URL, LOOK_SELECT, LOOK_STATUS, LOOK_ERROR,
	LOOK_COUNT, LOOK_FLAG, LOOK_NLOOKS
};

/* The colour schemes of set colours. */
enum scheme {
	SCHEME_DARK,		/* for a dark background: the default */
	SCHEME_LIGHT,
	SCHEME_MONO		/* attributes only; the default with NO_COLOR */
};

/* A style ELEMENT ATTRS: what it sets over the scheme's look. */
#define STYLE_FG	0x01
#define STYLE_BG	0x02
#define STYLE_ATTR	0x04
struct style {
	unsigned	 sets;		/* STYLE_* */
	short		 fg, bg;	/* -1: the terminal's */
	attr_t		 attr;
};

/* Settings the command line gave, which the configuration leaves. */
#define PIN_MEASURE	0x01
#define PIN_LANGUAGE	0x02

/* How the reader starts (ui_run). */
struct ui_options {
	const char	*warning;	/* why the state is not kept, or NULL */
	int		 measure;	/* --measure, or -1 */
	unsigned	 pinned;	/* PIN_*: given on the command line */
	const char	*config;	/* -c FILE, or NULL: the usual place */
};

struct ui {
	struct dbr	*db;
	struct filter	 filter;
	char		*country_name;	/* of the active filters */
	char		*theme_name;
	struct tree	*tree;
	size_t		 side_top;	/* first row shown */

	struct art	 art;		/* the open article */
	int		 have_art;
	struct rendered	*r;
	size_t		 scroll;	/* first line shown */
	size_t		 match;		/* the current match */
	int		 preview;	/* shown, not opened: not read yet */
	char		*find;		/* a find in the article, or NULL */

	/*
	 * The geometry, all of it made by ui_layout(): the screen files
	 * only read it.
	 */
	int		 rows, cols;
	int		 body_h;	/* rows above the status line */
	int		 side_on;	/* the sidebar is shown ... */
	int		 side_w;	/* ... this wide, border excluded */
	int		 art_on;	/* the article pane is shown ... */
	int		 art_x, art_w;	/* ... in these columns of the screen */
	int		 text_x, text_w; /* its text, in columns of the pane */

	int		 side_shown;	/* wide screens: the s toggle */
	int		 side_want;	/* the width < > asked for (0: auto) */
	int		 measure;	/* the widest text line (0: the pane's) */
	enum pane	 focus;
	WINDOW		*wside, *wborder, *wart, *wstatus;
	unsigned	 dirty;
	int		 color;
	attr_t		 look[LOOK_NLOOKS];
	enum scheme	 scheme;
	struct style	 style[LOOK_NLOOKS];
	unsigned	 pinned;	/* PIN_* */
	int		 started;	/* the terminal is ours: layout can run */
	char		*conf_error;	/* a configuration's first error ... */
	int		 conf_errors;	/* ... and how many there were */

	char		*msg;		/* shown on the status line once */
	int		 msg_error;
	int		 state_health;	/* as last said (enum dbr_state_health) */
	struct prompt	*prompt;
	int		 overlay;	/* a prompt's list covered the panes */
	int		 help;		/* the help screen is up */
	size_t		 help_top;
	char		**help_lines;	/* made when it opens */
	size_t		 help_n;
	struct bind_table *binds;	/* changes to the default keys */
	int		 quit;
};

/*
 * Runs the reader: its configuration (config.h) first, then the screen.
 * -1 when the terminal cannot be set up.
 */
int	ui_run(struct dbr *, const struct ui_options *);

/* ui.c: what commands do to the screen. */
void	ui_layout(struct ui *);		/* a new geometry: all redrawn */
void	ui_open_article(struct ui *, int64_t id, long long anchor);
/* Shows an article without opening it: not read, no place kept (the
 * first result of a search).  Focus on the pane opens it. */
void	ui_show_article(struct ui *, int64_t id);
/* The article laid out again: the words to highlight changed. */
void	ui_rerender(struct ui *);
/* Scrolls to the current match (ui->match) and says which it is. */
void	ui_show_match(struct ui *);
void	ui_focus(struct ui *, enum pane);
void	ui_scroll(struct ui *, long lines);
void	ui_refilter(struct ui *);	/* the filters changed */
void	ui_prompt(struct ui *, struct prompt *);	/* opens it */
void	ui_restore(struct ui *);	/* the article open at the last quit */
/*
 * The sidebar's width (0: as the screen's width suggests) and the
 * text's measure, its widest line (0: no more than the pane), in
 * columns: laid out again, and with keep, kept in the state for the
 * next session.  For the commands of cmd-layout.c (which keep) and the
 * configuration's set (which need not).
 */
void	ui_set_side_width(struct ui *, int cols, int keep);
void	ui_set_measure(struct ui *, int cols, int keep);

/* look.c: the looks from the scheme and the styles, again after a
 * change (the terminal must be set up). */
void	look_setup(struct ui *);
/* The element called name (style's names), or -1. */
int	look_named(const char *name);
/* The names of the elements, NULL-terminated. */
extern const char *const look_names[];
/* A style's attributes, "fg=red,bold": 0, or -1 and the byte offset of
 * the fault in *bad. */
int	look_parse(const char *spec, struct style *, size_t *bad);

/* cmd-marks.c: unread articles, places and the state's health. */
void	marks_start(struct ui *);	/* what is new since the last visit */
void	marks_leave(struct ui *);	/* keeps the open article's place */
/* Writes what the state did not take, when it is time; says when the
 * state's health changes. */
void	marks_check(struct ui *);
/* What the status line keeps saying about the state, or NULL. */
const char *ui_state_trouble(struct ui *);

/* cmd-view.c: the saved view called name applied as the filter; 0, or
 * -1 with a message on the status line. */
int	view_open(struct ui *, const char *name);

/* Screen files. */
void	sidebar_draw(struct ui *);
void	pane_draw(struct ui *);
/*
 * Line n of the article as the pane draws it: fn gets each run of its
 * bytes with the attributes it is drawn in (a label, matches).  *m: the
 * first match that may be on the line (0, or from the line before).
 */
typedef void	pane_segment_fn(void *arg, const char *s, size_t len,
		    attr_t);
void	pane_segments(const struct ui *, size_t n, size_t *m,
	    pane_segment_fn *, void *arg);
/*
 * doupdate(), then the footnote URLs on the screen made OSC 8 links
 * when the terminal takes them (pane-links.c).  full: the terminal was
 * cleared, nothing of what was linked is left.
 */
void	pane_links_update(struct ui *, int full);
void	status_draw(struct ui *);
struct buf;
/* The active filters and search, as the status line shows them. */
void	status_filters(struct ui *, struct buf *);
void	help_open(struct ui *);
void	help_close(struct ui *);
void	help_draw(struct ui *);
/* A key while the help is up, with the command it is bound to (or NULL). */
void	help_key(struct ui *, const char *cmd);
/* A message on the status line: text as it is, or words from msg.h. */
void	ui_message(struct ui *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	ui_say(struct ui *, int error, enum msg, ...);

/*
 * The terminal: setup and restore (with bracketed paste), the bytes
 * typed, and signals: those that end the program, ^Z, and resizes.  The
 * handlers only set flags and wake term_read.
 */
int	term_begin(void);
void	term_end(void);
int	term_signalled(void);		/* SIGTERM, SIGHUP or SIGINT seen */
/*
 * Waits up to ms (-1: for ever) for input and reads what there is.  The
 * number of bytes; 0 when the time ran out or a signal came; -1 when the
 * terminal is gone.
 */
int	term_read(unsigned char *, size_t, int ms);
int	term_resized(void);		/* the size changed: curses knows it */
int	term_suspend(void);		/* ^Z came: stopped, now back */
void	term_clipboard(const char *text);	/* OSC 52, sanitised */
/*
 * Leaves the screen to run cmd by sh(1) with the len bytes of input on
 * its stdin and the terminal as the shell had it; then prints back and
 * waits for Enter, so that its output can be read, and comes back (the
 * caller repaints all).  The command's exit status, or -1.
 */
int	term_pipe(const char *cmd, const char *input, size_t len,
	    const char *back);

#endif

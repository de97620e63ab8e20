/*
 * Recognising the shapes of lines in the bulletins: enumerators, column
 * names, editors' parentheses, footnotes, page numbers, table headers.
 * These are the structural cues the parsers rely on instead of known
 * titles.  All take a string and its length in bytes; none allocate
 * unless said.
 */
#ifndef KB_IMPORT_SHAPE_H
#define KB_IMPORT_SHAPE_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of a leading enumerator (一、 （一） 1、 1. （1） (1) ① 第一，), or 0. */
size_t	shape_enum(const char *, size_t);
/* The numbering's kind: 1 一、 2 （一） 3 1、 1. 第一 4 （1） (1) 5 ①, or 0. */
int	shape_enum_kind(const char *, size_t);
/* The text ends a sentence (。！？；… possibly inside closing quotes). */
int	shape_ends_sentence(const char *, size_t);
/* Ends with a character after which a line cannot end mid-clause (，、). */
int	shape_ends_clause(const char *, size_t);
/* Bytes of a leading label such as 合作协议： (2-8 Han then ：), or 0. */
size_t	shape_label(const char *, size_t);
/* Bytes of a label's name, numbered or not (工作重点（1）： → 工作重点), or 0. */
size_t	shape_label_stem(const char *, size_t);
/* A column name: 2 to 8 Han characters and nothing else. */
int	shape_column_name(const char *, size_t);
/* A page number line: 12, - 12 -, — 3 —. */
int	shape_pagenum(const char *, size_t);
/* A footnote line "N text": sets *n and the offset of the text. */
int	shape_note_start(const char *, size_t, int *n, size_t *textoff);
/* A character that turns a preceding number into a quantity (年 月 个 %). */
int	shape_unit(uint32_t);
/* A table of contents entry: text, a leader of dots, a page number. */
int	shape_toc_entry(const char *, size_t);
/* A table header: 2-4 short Han words separated by spaces (目标 建议). */
int	shape_table_header(const char *, size_t);
/* A guide direction "1.1 名称": sets major/minor and the name offset. */
int	shape_direction(const char *, size_t, int *major, int *minor,
	    size_t *nameoff);
/* Opens with a date, as an article's lead does: 4 月 20 日，2019 年 6 月， */
int	shape_date_lead(const char *, size_t);
/* Begins with a URL: http…, www. */
int	shape_starts_url(const char *, size_t);
/* Ends inside a URL (or an e-mail address): its last word is one, or the
 * scheme cut short (htt, https:/). */
int	shape_url_open(const char *, size_t);
/* Line q goes on with the address or e-mail that line p's Latin end
 * began: Delega / tion-China@eeas…, ht / tps://…, Delegation / -China. */
int	shape_address_goes_on(const char *, size_t, const char *, size_t);
/* Begins a block whatever came before: an enumerator, a direction, a
 * label, the editors' credit alone, a caption, a contents entry. */
int	shape_starts_block(const char *, size_t);
/* A table caption: 表 1 ... */
int	shape_caption(const char *, size_t);

/*
 * Editors' names closing an article: "（张秋菊 秦冰雪）" alone or at the
 * end of a paragraph.  Returns the offset where the parenthesis starts
 * (len if there is none) and sets the names (caller frees them with
 * free_strings), unless names is NULL.
 */
size_t	shape_editors(const char *, size_t, char ***names, size_t *nnames);

/*
 * Footnote marker candidates in PDF text: a number of 1-3 digits glued
 * to the preceding word and not a quantity.  Calls fn for each, with
 * the byte offset and length of the digits.
 */
void	shape_markers(const char *, size_t,
	    void (*fn)(void *, size_t off, size_t len, int n), void *arg);
/* Whether a marker for note n occurs in the text. */
int	shape_has_marker(const char *, size_t, int n);

#endif

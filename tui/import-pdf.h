/*
 * PDF input: the text of a PDF as poppler's pdftotext(1) prints it, for
 * the reader of PDF-extracted text.
 */
#ifndef KB_IMPORT_PDF_H
#define KB_IMPORT_PDF_H

#include <stddef.h>

/* Whether a file is a PDF: it starts with "%PDF-" or is named *.pdf. */
int	 pdf_detect(const char *path, const char *bytes, size_t len);

/*
 * Runs pdftotext on the PDF at path and returns what it printed, UTF-8
 * with a form feed after each page, NUL-terminated, in a string that
 * the caller frees; its length in *len.  NULL after one ERROR naming
 * path: no pdftotext, an encrypted or damaged PDF, a PDF with no text
 * (a scan), more than PDF_MAX_TEXT bytes of text, or a pdftotext that
 * runs for longer than PDF_TIMEOUT seconds ($KUAIBAO_PDF_TIMEOUT).
 */
char	*pdf_text(const char *path, size_t *len);

#define PDF_MAX_TEXT	(64 * 1024 * 1024)	/* 500 times a long issue */
#define PDF_TIMEOUT	60

#endif

/* Reads a source file and turns it into checked UTF-8 lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <uniconv.h>
#include <unistr.h>

#include "buf.h"
#include "diag.h"
#include "import-input.h"
#include "import-pdf.h"
#include "utf8.h"
#include "xmalloc.h"

#define LONG_LINE	(1024 * 1024)

/* Line and column (in characters) of byte offset off. */
static void
position(const char *s, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* Converts from a legacy encoding; NULL if the bytes are not valid in it. */
static char *
convert(const char *from, const char *bytes, size_t len, size_t *outlen)
{
	uint8_t *u;

	u = u8_conv_from_encoding(from, iconveh_error, bytes, len, NULL,
	    NULL, outlen);
	return (char *)u;
}

/* A conversion from GB18030 is trusted only if it yields Chinese. */
static int
mostly_cjk(const char *s, size_t len)
{
	size_t i, n, cjk, other;
	uint32_t c;

	cjk = other = 0;
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &c);
		if (c < 0x80)
			continue;
		if ((c >= 0x4e00 && c <= 0x9fff) ||
		    (c >= 0x3000 && c <= 0x303f) ||
		    (c >= 0xff00 && c <= 0xffef))
			cjk++;
		else
			other++;
	}
	return cjk > 0 && cjk >= 4 * other;
}

/* Decodes bytes to UTF-8 text; NULL (after an error) if impossible. */
static char *
decode(const char *path, const char *bytes, size_t len, size_t *outlen)
{
	const uint8_t *bad;
	char *u;
	int line, col;

	if (len >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') ||
	    (bytes[0] == '\xfe' && bytes[1] == '\xff'))) {
		u = convert("UTF-16", bytes, len, outlen);
		if (u != NULL) {
			diag_msg(MSG_UTF16, path, 0, 0, NULL);
			return u;
		}
		diag_msg(MSG_BAD_UTF16, path, 1, 1, NULL);
		return NULL;
	}
	if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0) {
		bytes += 3;
		len -= 3;
	}
	bad = u8_check((const uint8_t *)bytes, len);
	if (bad == NULL) {
		*outlen = len;
		return xstrndup(bytes, len);
	}
	u = convert("GB18030", bytes, len, outlen);
	if (u != NULL && mostly_cjk(u, *outlen)) {
		diag_msg(MSG_GB18030, path, 0, 0, NULL);
		return u;
	}
	free(u);
	position(bytes, (size_t)((const char *)bad - bytes), &line, &col);
	diag_msg(MSG_BAD_UTF8, path, line, col, "byte 0x%02x", *bad);
	return NULL;
}

/*
 * Normalises line ends and page breaks, drops NUL bytes, and splits
 * the text into lines.
 */
static void
split(struct input *in, const char *u, size_t len)
{
	struct buf b = { 0 };
	size_t i, start, nul, cap;
	size_t *pagestarts, npages, pcap;
	struct srcline l;
	int line, col, nline, ncol, ctrl, pagenext;

	nul = 0;
	nline = ncol = 0;
	ctrl = 0;
	pagestarts = NULL;
	npages = pcap = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)u[i];
		size_t run;

		/* ordinary bytes are copied a run at a time */
		for (run = i; run < len && ((unsigned char)u[run] >= 0x20 ||
		    u[run] == '\n' || u[run] == '\t') && u[run] != 0x7f; run++)
			;
		if (run > i) {
			buf_add(&b, u + i, run - i);
			i = run - 1;
			continue;
		}
		if (c == '\0') {
			if (nul++ == 0)
				position(u, i, &nline, &ncol);
			continue;
		}
		if (c == '\r') {
			if (i + 1 < len && u[i + 1] == '\n')
				continue;
			c = '\n';
		} else if (c == '\f') {
			VEC_PUSH(pagestarts, npages, pcap, b.len + 1);
			c = '\n';
		} else if (ctrl++ == 0) {
			position(u, i, &line, &col);
			diag_msg(MSG_CONTROL, in->path, line, col, "0x%02x",
			    c);
		}
		buf_addc(&b, (char)c);
	}
	if (nul == 1)
		diag_msg(MSG_NUL, in->path, nline, ncol, NULL);
	else if (nul > 1)
		diag_msg(MSG_NUL, in->path, nline, ncol,
		    "%zu, the first here", nul);
	in->len = b.len;
	in->text = buf_take(&b);

	cap = 0;
	start = 0;
	pagenext = 0;
	line = 0;
	for (i = 0; i <= in->len; i++) {
		if (i < in->len && in->text[i] != '\n')
			continue;
		l.s = in->text + start;
		l.len = i - start;
		l.no = ++line;
		l.flags = 0;
		while (pagenext < (int)npages && pagestarts[pagenext] <= start) {
			if (pagestarts[pagenext] == start)
				l.flags |= LINE_PAGESTART;
			pagenext++;
		}
		if (l.len > LONG_LINE)
			diag_msg(MSG_LONG_LINE, in->path, l.no, 0,
			    "%zu bytes", l.len);
		if (i < in->len || l.len > 0)
			VEC_PUSH(in->lines, in->nlines, cap, l);
		start = i + 1;
	}
	free(pagestarts);
}

static int
blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f')
			return 0;
	return 1;
}

struct input *
input_from_bytes(const char *path, const char *bytes, size_t len)
{
	struct input *in;
	size_t ulen, nul, i;
	char *u;

	if (len == 0 || blank(bytes, len)) {
		diag_msg(MSG_EMPTY, path, 0, 0, NULL);
		return NULL;
	}
	/* Mostly NUL bytes and no BOM: binary, or UTF-16 without a BOM. */
	for (i = nul = 0; i < len; i++)
		nul += bytes[i] == '\0';
	if (nul > len / 8 && !(len >= 2 && ((bytes[0] == '\xff' &&
	    bytes[1] == '\xfe') || (bytes[0] == '\xfe' &&
	    bytes[1] == '\xff')))) {
		diag_msg(MSG_BINARY, path, 0, 0, "%zu NUL bytes", nul);
		return NULL;
	}
	if ((u = decode(path, bytes, len, &ulen)) == NULL)
		return NULL;
	if (ulen == 0 || blank(u, ulen)) {
		/* a byte order mark and nothing else */
		diag_msg(MSG_EMPTY, path, 0, 0, NULL);
		free(u);
		return NULL;
	}
	in = xcalloc(1, sizeof(*in));
	in->path = xstrdup(path);
	split(in, u, ulen);
	free(u);
	return in;
}

struct input *
input_load(const char *path)
{
	struct input *in;
	struct stat st;
	FILE *fp;
	char *bytes;
	size_t len;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_msg(MSG_OPEN, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_msg(MSG_NOT_FILE, path, 0, 0, NULL);
		fclose(fp);
		return NULL;
	}
	bytes = xmalloc((size_t)st.st_size + 1);
	len = fread(bytes, 1, (size_t)st.st_size, fp);
	if (ferror(fp)) {
		diag_msg(MSG_READ, path, 0, 0, "%s", strerror(errno));
		fclose(fp);
		free(bytes);
		return NULL;
	}
	fclose(fp);
	if (pdf_detect(path, bytes, len)) {
		free(bytes);
		if ((bytes = pdf_text(path, &len)) == NULL)
			return NULL;
	}
	in = input_from_bytes(path, bytes, len);
	free(bytes);
	return in;
}

void
input_free(struct input *in)
{
	if (in == NULL)
		return;
	free(in->path);
	free(in->text);
	free(in->lines);
	free(in);
}

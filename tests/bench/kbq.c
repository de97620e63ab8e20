/*
 * kbq: times one SQL query against an SQLite database.
 *
 *   kbq [-k] [-n RUNS] DB SQL [PARAM]
 *
 * For each of RUNS runs (default 5): opens DB read-only (a fresh
 * connection, as a new kuaibao process or a new search would have),
 * with -k registers the "kuaibao" FTS5 tokenizer from libkb (needed to
 * query kuaibao's own index; built only when libkb.a links), prepares
 * SQL, binds PARAM to ?1, steps through every row and closes.  The time
 * of each run covers open, prepare, all steps and close; the page cache
 * of the OS is warm after the first run, SQLite's own cache is not.
 *
 * Prints one JSON line: {"rows": N, "ms": [run, ...], "first": ROWID}.
 * Exit 2 on a usage or SQL error (message on stderr).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#ifdef WITH_KB
#include "db-tokenizer.h"
#endif

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
usage(void)
{
	fprintf(stderr, "usage: kbq [-k] [-n RUNS] DB SQL [PARAM]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	const char *path, *sql, *param;
	double t0, *ms;
	long long first;
	int c, runs, kb, i, rc, rows;

	runs = 5;
	kb = 0;
	while ((c = getopt(argc, argv, "kn:")) != -1) {
		switch (c) {
		case 'k':
			kb = 1;
			break;
		case 'n':
			runs = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || argc > 3 || runs < 1)
		usage();
	path = argv[0];
	sql = argv[1];
	param = argc > 2 ? argv[2] : NULL;
#ifndef WITH_KB
	if (kb) {
		fprintf(stderr, "kbq: built without libkb: no kuaibao tokenizer\n");
		return 2;
	}
#endif
	if ((ms = calloc((size_t)runs, sizeof(*ms))) == NULL)
		return 2;
	rows = 0;
	first = -1;
	for (i = 0; i < runs; i++) {
		t0 = now_ms();
		if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "kbq: %s: %s\n", path, sqlite3_errmsg(db));
			return 2;
		}
#ifdef WITH_KB
		if (kb && db_tokenizer_register(db) != SQLITE_OK) {
			fprintf(stderr, "kbq: cannot register the tokenizer\n");
			return 2;
		}
#endif
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
			fprintf(stderr, "kbq: %s\n", sqlite3_errmsg(db));
			return 2;
		}
		if (param != NULL)
			sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
		rows = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (rows == 0)
				first = sqlite3_column_int64(st, 0);
			rows++;
		}
		if (rc != SQLITE_DONE) {
			fprintf(stderr, "kbq: %s\n", sqlite3_errmsg(db));
			return 2;
		}
		sqlite3_finalize(st);
		sqlite3_close(db);
		ms[i] = now_ms() - t0;
	}
	printf("{\"rows\": %d, \"first\": %lld, \"ms\": [", rows, first);
	for (i = 0; i < runs; i++)
		printf("%s%.3f", i ? ", " : "", ms[i]);
	printf("]}\n");
	free(ms);
	return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-test-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hb-import.h"
#include "hb-test-util.h"

/* The shared corpus sits beside the project (../shared/corpus); the tests
 * need it and fail loudly when it is missing rather than skip. */
char *
hb_test_corpus_path (const char *name)
{
  const char *dir = g_getenv ("HB_CORPUS_DIR");
  char *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("corpus file %s is missing", path);

  return path;
}

HbBulletin *
hb_test_import (const char *path,
                gboolean    split)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HbBulletin *bulletin = hb_bulletin_new ();

  hb_import_file (bulletin, file, split ? HB_IMPORT_FLAGS_SPLIT : 0, NULL, &error);
  g_assert_no_error (error);

  return bulletin;
}

HbBulletin *
hb_test_import_string (const char *text,
                       gboolean    split)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  HbBulletin *bulletin = hb_bulletin_new ();

  hb_import_bytes (bulletin, bytes, "fixture.txt", split ? HB_IMPORT_FLAGS_SPLIT : 0, &error);
  g_assert_no_error (error);

  return bulletin;
}

/* Label, text and run-in text of a block, as a reader sees it. */
char *
hb_test_block_text (HbBlock *block)
{
  return g_strconcat (hb_block_get_label (block) ?: "",
                      hb_block_get_text (block),
                      hb_block_get_run_in (block) ?: "",
                      NULL);
}

/* Runs a command and returns its output; a failing command fails the
 * test with its error output. */
char *
hb_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

/* The N of a page's "— N —", or 0 for a page without one. */
int
hb_test_printed_page_number (const char *page_text)
{
  g_autoptr(GRegex) regex = g_regex_new ("—\\s*(\\d+)\\s*—\\s*$", 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, page_text, 0, &info))
    return 0;
  number = g_match_info_fetch (info, 1);
  return atoi (number);
}

/* pdftotext -layout of each page; @n_unnumbered counts the leading pages
 * without a page number (the table of contents). */
GPtrArray *
hb_test_pdf_pages (const char *pdf,
                   guint      *n_unnumbered)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *text = hb_test_run (argv);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  *n_unnumbered = 0;
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    {
      g_ptr_array_add (result, g_strdup (pages[i]));
      if (hb_test_printed_page_number (pages[i]) == 0 && *n_unnumbered == i)
        *n_unnumbered = i + 1;
    }

  return result;
}

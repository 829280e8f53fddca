/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-test-util"

#include "config.h"

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

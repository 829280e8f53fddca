/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-test-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "hui-test-util.h"
#include "import/hui-import.h"

/* The shared corpus sits beside the project (../shared/corpus); the tests
 * need it and fail loudly when it is missing rather than skip. */
char *
hui_test_corpus_path (const char *name)
{
  const char *dir = g_getenv ("HUI_CORPUS_DIR");
  char *path;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("corpus file %s is missing", path);

  return path;
}

HuiBulletin *
hui_test_import (const char *path,
                 gboolean    split)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HuiBulletin *bulletin = hui_bulletin_new ();

  hui_import_file (bulletin, file, split ? HUI_IMPORT_FLAGS_SPLIT : 0, NULL, &error);
  g_assert_no_error (error);

  return bulletin;
}

HuiBulletin *
hui_test_import_string (const char *text,
                        gboolean    split)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  HuiBulletin *bulletin = hui_bulletin_new ();

  hui_import_bytes (bulletin, bytes, "fixture.txt", split ? HUI_IMPORT_FLAGS_SPLIT : 0, &error);
  g_assert_no_error (error);

  return bulletin;
}

/* Label, text and run-in text of a block, as a reader sees it. */
char *
hui_test_block_text (HuiBlock *block)
{
  return g_strconcat (hui_block_get_label (block) ?: "",
                      hui_block_get_text (block),
                      hui_block_get_run_in (block) ?: "",
                      NULL);
}

/* Runs a command and returns its output; a failing command fails the
 * test with its error output. */
char *
hui_test_run (const char * const *argv)
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
hui_test_printed_page_number (const char *page_text)
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
hui_test_pdf_pages (const char *pdf,
                    guint      *n_unnumbered)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *text = hui_test_run (argv);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  *n_unnumbered = 0;
  for (guint i = 0; pages[i] != NULL && pages[i + 1] != NULL; i++)
    {
      g_ptr_array_add (result, g_strdup (pages[i]));
      if (hui_test_printed_page_number (pages[i]) == 0 && *n_unnumbered == i)
        *n_unnumbered = i + 1;
    }

  return result;
}

/* A zip of @n members named f0, f1… all holding @data. */
GBytes *
hui_test_make_zip_of_many (guint   n,
                           GBytes *data)
{
  g_autofree HuiTestMember *members = g_new0 (HuiTestMember, n);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("f%u", i));
      members[i] = (HuiTestMember) { names->pdata[i], data };
    }
  return hui_test_make_zip (members, n);
}

/* A zip package in memory, members in the given order. */
GBytes *
hui_test_make_zip (const HuiTestMember *members,
                   guint                n)
{
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *zip;
  zip_stat_t st;
  g_autofree guint8 *data = NULL;

  zip_error_init (&zerror);
  source = zip_source_buffer_create (NULL, 0, 0, &zerror);
  zip = zip_open_from_source (source, ZIP_TRUNCATE, &zerror);
  g_assert_nonnull (zip);
  zip_source_keep (source);
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const void *bytes = g_bytes_get_data (members[i].data, &len);
      zip_source_t *member = zip_source_buffer (zip, bytes, len, 0);

      g_assert_cmpint (zip_file_add (zip, members[i].name, member, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_assert_cmpint (zip_source_stat (source, &st), ==, 0);
  g_assert_cmpint (zip_source_open (source), ==, 0);
  data = g_malloc (st.size);
  g_assert_cmpint (zip_source_read (source, data, st.size), ==, (zip_int64_t)st.size);
  zip_source_close (source);
  zip_source_free (source);
  zip_error_fini (&zerror);

  return g_bytes_new_take (g_steal_pointer (&data), st.size);
}

static void
add_folder (GPtrArray  *members,
            GPtrArray  *names,
            const char *root,
            const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (entries, g_strdup (name));
  g_ptr_array_sort (entries, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *member = *relative ? g_strconcat (relative, "/", entries->pdata[i], NULL)
                                          : g_strdup (entries->pdata[i]);
      g_autofree char *file = g_build_filename (root, member, NULL);
      char *data;
      gsize len;

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        {
          add_folder (members, names, root, member);
          continue;
        }
      g_assert_true (g_file_get_contents (file, &data, &len, NULL));
      g_ptr_array_add (names, g_steal_pointer (&member));
      g_ptr_array_add (members, g_bytes_new_take (data, len));
    }
}

/* The files under @folder zipped, @first (if not NULL) first: the way
 * the tests make .docx and .odt files from the fixtures' parts. */
GBytes *
hui_test_zip_folder (const char *folder,
                     const char *first)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree HuiTestMember *list = NULL;
  guint k = 0;

  add_folder (members, names, folder, "");
  list = g_new0 (HuiTestMember, members->len);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < members->len; i++)
      if ((g_strcmp0 (names->pdata[i], first) == 0) == (pass == 0))
        list[k++] = (HuiTestMember) { names->pdata[i], members->pdata[i] };
  return hui_test_make_zip (list, members->len);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-project"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hui-test-util.h"
#include "project/hui-project.h"

static HuiBulletin *
fixture_bulletin (void)
{
  HuiBulletin *bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) a = hui_report_new ();
  g_autoptr(HuiReport) b = hui_report_new ();
  g_autoptr(HuiReport) empty = hui_report_new ();
  HuiBlock *blocks[] = {
    hui_block_new_paragraph ("开头一段 & <特殊> 字符。"),
    hui_block_new_heading (2, "（一）", "没有一级标题的二级标题", NULL),
    hui_block_new_heading (2, "（二）", "紧跟的二级标题", NULL),
    hui_block_new_heading (1, "一、", "一级标题", NULL),
    hui_block_new_heading (3, "1.", "跳过二级的三级", "并带有正文。"),
    hui_block_new_paragraph ("三级下的段落。"),
    hui_block_new_heading (4, "（1）", "四级", NULL),
  };

  hui_bulletin_set_title (bulletin, "工作简报");
  hui_bulletin_set_issue (bulletin, "第3期");
  hui_bulletin_set_unit (bulletin, "市政府办公室");
  hui_bulletin_set_date (bulletin, "2024-03-20");
  hui_bulletin_add_warning (bulletin, "整体警告");
  hui_bulletin_set_closing (bulletin, "报：市委办公室\n送：各区县\n（共印100份）");

  hui_report_set_title (a, "第一篇");
  hui_report_set_subtitle (a, "副题");
  hui_report_set_organization (a, "甲单位");
  hui_report_set_date (a, "2024-03-01");
  hui_report_set_source (a, "a.txt");
  hui_report_set_source_page (a, 7);
  hui_report_add_warning (a, "第 %d 行：警告", 3);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      hui_report_append_block (a, blocks[i]);
      g_object_unref (blocks[i]);
    }

  hui_report_set_title (b, "第二篇");
  {
    g_autoptr(HuiBlock) p = hui_block_new_paragraph ("只有一段。");
    hui_report_append_block (b, p);
  }

  hui_bulletin_append_report (bulletin, a);
  hui_bulletin_append_report (bulletin, b);
  hui_bulletin_append_report (bulletin, empty);
  return bulletin;
}

static void
assert_round_trip (HuiBulletin *bulletin)
{
  g_autoptr(GBytes) first = hui_project_serialize (bulletin);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) loaded = hui_project_parse (first, &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  second = hui_project_serialize (loaded);
  if (!g_bytes_equal (first, second))
    g_error ("round trip differs:\n%s\n---\n%s",
             (const char *)g_bytes_get_data (first, NULL),
             (const char *)g_bytes_get_data (second, NULL));
}

static void
test_round_trip_fixture (void)
{
  g_autoptr(HuiBulletin) bulletin = fixture_bulletin ();
  g_autoptr(GBytes) bytes = hui_project_serialize (bulletin);
  g_autoptr(HuiBulletin) loaded = hui_project_parse (bytes, NULL);
  HuiReport *a = hui_bulletin_get_report (loaded, 0);
  HuiBlock *skipped = hui_report_get_block (a, 4);

  assert_round_trip (bulletin);

  /* And the model itself came back, not just the bytes. */
  g_assert_cmpstr (hui_bulletin_get_unit (loaded), ==, "市政府办公室");
  g_assert_cmpstr (hui_bulletin_get_closing (loaded), ==, "报：市委办公室\n送：各区县\n（共印100份）");
  g_assert_cmpuint (hui_bulletin_get_n_reports (loaded), ==, 3);
  g_assert_cmpstr (hui_report_get_subtitle (a), ==, "副题");
  g_assert_cmpuint (hui_report_get_source_page (a), ==, 7);
  g_assert_cmpuint (hui_report_get_n_blocks (a), ==, 7);
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (a, 1)), ==, 2);
  g_assert_cmpuint (hui_block_get_level (skipped), ==, 3);
  g_assert_cmpstr (hui_block_get_run_in (skipped), ==, "并带有正文。");
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (a, 0)), ==, "开头一段 & <特殊> 字符。");
  g_assert_cmpstr (hui_report_get_warnings (a)->pdata[0], ==, "第 3 行：警告");
  g_assert_cmpuint (hui_report_get_n_blocks (hui_bulletin_get_report (loaded, 2)), ==, 0);
}

static void
test_round_trip_page_setup (void)
{
  g_autoptr(HuiBulletin) bulletin = fixture_bulletin ();
  g_autoptr(HuiPageSetup) setup = hui_page_setup_new_preset ("compact");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HuiBulletin) loaded = NULL;
  const HuiPageSetup *back;

  setup->margin_left = 27.5;
  g_free (setup->page_number_format);
  setup->page_number_format = g_strdup ("- {n} -");
  setup->new_page_per_report = FALSE;
  g_free (setup->fonts[HUI_FONT_HEADING1].family);
  setup->fonts[HUI_FONT_HEADING1].family = g_strdup ("Noto Sans CJK SC");
  hui_bulletin_set_page_setup (bulletin, setup);
  assert_round_trip (bulletin);

  bytes = hui_project_serialize (bulletin);
  loaded = hui_project_parse (bytes, NULL);
  back = hui_bulletin_get_page_setup (loaded);
  g_assert_cmpstr (back->preset, ==, "compact");
  g_assert_cmpfloat (back->margin_left, ==, 27.5);
  g_assert_cmpstr (back->page_number_format, ==, "- {n} -");
  g_assert_cmpuint (back->lines_per_page, ==, setup->lines_per_page);
  g_assert_false (back->new_page_per_report);
  g_assert_cmpstr (back->fonts[HUI_FONT_HEADING1].family, ==, "Noto Sans CJK SC");
  g_assert_cmpfloat (back->fonts[HUI_FONT_BODY].size, ==, 14);
}

static void
test_round_trip_corpus (void)
{
  g_autofree char *bulletin_path = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *report_path = hui_test_corpus_path ("003_69d7a57674a7eb78.txt");
  g_autoptr(HuiBulletin) split = hui_test_import (bulletin_path, TRUE);
  g_autoptr(HuiBulletin) single = hui_test_import (report_path, FALSE);

  assert_round_trip (split);
  assert_round_trip (single);
}

static void
assert_refused (const char *data,
                gssize      len,
                int         code,
                const char *reason_part)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize)len);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = hui_project_parse (bytes, &error);

  g_assert_null (bulletin);
  g_assert_error (error, HUI_PROJECT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, reason_part));
}

static void
test_refuses_bad_files (void)
{
  g_autoptr(HuiBulletin) bulletin = fixture_bulletin ();
  g_autoptr(GBytes) bytes = hui_project_serialize (bulletin);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *newer = NULL;

  /* Truncated anywhere before its end: refused as damaged, never
   * half-loaded. */
  for (gsize cut = 1; cut < len - strlen ("</book>\n"); cut += len / 17)
    assert_refused (data, cut, HUI_PROJECT_ERROR_CORRUPT, "damaged or incomplete");

  newer = g_strndup (data, len);
  {
    char *p = strstr (newer, "format=\"1\"");
    p[strlen ("format=\"")] = '9';
  }
  assert_refused (newer, -1, HUI_PROJECT_ERROR_NEWER_FORMAT, "newer version");
  assert_refused ("", 0, HUI_PROJECT_ERROR_CORRUPT, "empty");
  assert_refused ("<book xmlns=\"http://docbook.org/ns/docbook\"><info><title>x</title></info></book>", -1,
                  HUI_PROJECT_ERROR_NOT_A_PROJECT, "not a Huibian project");
  assert_refused ("<html/>", -1, HUI_PROJECT_ERROR_NOT_A_PROJECT, "not a Huibian project");
  assert_refused ("<book xmlns=\"http://docbook.org/ns/docbook\" xmlns:hb=\"http://huibian.org/ns/project\"><info>"
                  "<hb:project format=\"1\"><hb:page-setup lines-per-page=\"0\"/></hb:project></info></book>", -1,
                  HUI_PROJECT_ERROR_CORRUPT, "page setup");
  assert_refused ("<book xmlns=\"http://docbook.org/ns/docbook\" xmlns:hb=\"http://huibian.org/ns/project\"><info>"
                  "<hb:project format=\"1\"><hb:page-setup margin-left=\"150\" margin-right=\"50\"/></hb:project></info></book>", -1,
                  HUI_PROJECT_ERROR_CORRUPT, "page setup");
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE book [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
                  "<book xmlns=\"http://docbook.org/ns/docbook\">&b;</book>", -1,
                  HUI_PROJECT_ERROR_UNSAFE, "declares entities");
}

static void
test_atomic_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huibian-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bulletin.huibian", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuiBulletin) bulletin = fixture_bulletin ();
  g_autoptr(HuiBulletin) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (dir, "not-a-dir", NULL);
  g_autofree char *bad_path = g_build_filename (blocker, "x.huibian", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GDir) listing = NULL;
  guint entries = 0;

  g_assert_true (hui_project_save (bulletin, file, NULL, &error));
  g_assert_no_error (error);

  /* Saving again replaces the file and leaves no temporary behind. */
  hui_bulletin_set_title (bulletin, "改过的标题");
  g_assert_true (hui_project_save (bulletin, file, NULL, &error));
  reloaded = hui_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hui_bulletin_get_title (reloaded), ==, "改过的标题");

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 1);

  /* A failed save names the file and says why. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_false (hui_project_save (bulletin, bad_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "x.huibian"));

  g_remove (blocker);
  g_remove (path);
  g_rmdir (dir);
}

typedef struct {
  GMainLoop   *loop;
  HuiBulletin *loaded;
  gboolean     saved;
} AsyncState;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->loaded = hui_project_load_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->saved = hui_project_save_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huibian-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "async.huibian", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuiBulletin) bulletin = fixture_bulletin ();
  AsyncState state = { g_main_loop_new (NULL, FALSE) };

  hui_project_save_async (bulletin, file, NULL, saved_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_true (state.saved);

  hui_project_load_async (file, NULL, loaded_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_nonnull (state.loaded);
  g_assert_cmpuint (hui_bulletin_get_n_reports (state.loaded), ==, 3);

  g_clear_object (&state.loaded);
  g_main_loop_unref (state.loop);
  g_remove (path);
  g_rmdir (dir);
}

/* A project with photographs: some 20 MB of XML, several attributes of
 * megabytes each, comes back whole (libxml2 read at once would stop at
 * 10 MB of look-ahead). */
static void
test_round_trip_large_images (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HuiBulletin) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9704);
  HuiReport *back;

  hui_report_set_title (report, "现场照片");
  for (guint i = 0; i < 4; i++)
    {
      gsize size = 3 * 1024 * 1024 + i;
      guint8 *data = g_malloc (size);

      /* Noise, as compressed photographs are. */
      for (gsize k = 0; k < size; k++)
        data[k] = (guint8)g_rand_int (rand);
      memcpy (data, "\xff\xd8\xff", 3);
      g_ptr_array_add (images, g_bytes_new_take (data, size));
      hui_report_append_block (report, hui_block_new_paragraph ("照片说明。"));
      hui_report_append_block (report, hui_block_new_image (images->pdata[i], "image/jpeg", 400, 300, "照片"));
    }
  hui_bulletin_append_report (bulletin, report);

  bytes = hui_project_serialize (bulletin);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 16 * 1024 * 1024);
  loaded = hui_project_parse (bytes, &error);
  g_assert_no_error (error);
  back = hui_bulletin_get_report (loaded, 0);
  g_assert_cmpuint (hui_report_count_blocks (back, HUI_BLOCK_IMAGE), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (g_bytes_equal (hui_block_get_image_data (hui_report_get_block (back, 2 * i + 1)), images->pdata[i]));
}

/* A project saved before the prefix became hui: (version 0.1 wrote hb:)
 * opens with nothing lost: saved again, it is the same file with only the
 * prefix changed. */
static void
test_opens_projects_of_0_1 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "saved-by-0.1.huibian", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = hui_project_load (file, NULL, &error);
  g_autofree char *old = NULL;
  g_autoptr(GString) expected = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), >, 1);
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_nonnull (strstr (old, "xmlns:hb="));

  expected = g_string_new (old);
  g_string_replace (expected, "xmlns:hb=", "xmlns:hui=", 0);
  g_string_replace (expected, "<hb:", "<hui:", 0);
  g_string_replace (expected, "</hb:", "</hui:", 0);
  saved = hui_project_serialize (bulletin);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), expected->str, expected->len);
}

/* What is a project is told by content, not by name, for the CLI and the
 * window alike. */
static void
test_told_by_content (void)
{
  g_autofree char *project = g_test_build_filename (G_TEST_DIST, "fixtures", "saved-by-0.1.huibian", NULL);
  g_autofree char *dir = g_dir_make_tmp ("hui-project-XXXXXX", NULL);
  g_autofree char *misnamed = g_build_filename (dir, "bulletin.txt", NULL);
  g_autofree char *text = g_build_filename (dir, "report.huibian", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) missing = g_file_new_build_filename (dir, "missing.huibian", NULL);
  g_autoptr(GFile) misnamed_file = g_file_new_for_path (misnamed);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);

  g_assert_true (g_file_get_contents (project, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (misnamed, contents, -1, NULL));
  g_assert_true (g_file_set_contents (text, "关于某项工作的报告\n市民政局\n正文。\n", -1, NULL));

  g_assert_true (hui_project_is_project_file (misnamed_file, NULL));
  g_assert_false (hui_project_is_project_file (text_file, NULL));
  g_assert_false (hui_project_is_project_file (missing, NULL));

  g_unlink (misnamed);
  g_unlink (text);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/project/round-trip/corpus", test_round_trip_corpus);
  g_test_add_func ("/project/round-trip/page-setup", test_round_trip_page_setup);
  g_test_add_func ("/project/round-trip/large-images", test_round_trip_large_images);
  g_test_add_func ("/project/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/project/atomic-save", test_atomic_save);
  g_test_add_func ("/project/async", test_async);
  g_test_add_func ("/project/opens-projects-of-0.1", test_opens_projects_of_0_1);
  g_test_add_func ("/project/told-by-content", test_told_by_content);

  return g_test_run ();
}

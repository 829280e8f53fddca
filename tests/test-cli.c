/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hui-test-util.h"
#include "support/hui-util.h"

/* huibian-cli is a contract for scripts: exit status, messages naming the
 * file, and the JSON fields. These run the real binary. */

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer)g_getenv ("HUI_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_usage_errors (void)
{
  const char *cases[][4] = {
    { NULL },
    { "frobnicate", NULL },
    { "import", "file.txt", NULL },
    { "show", NULL },
    { "show", "--no-such-option", "x", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static void
assert_input_error (const char *path,
                    const char *reason_part)
{
  g_auto(Run) run = { 0 };
  g_autofree char *base = g_path_get_basename (path);

  run_cli (&run, "show", "--json", path, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, base));
  g_assert_nonnull (strstr (run.err, reason_part));
  /* One clear line, not a dump. */
  g_assert_cmpuint (strlen (run.err), <, 400);
}

static void
test_input_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huibian-cli-XXXXXX", NULL);
  g_autofree char *empty = write_temp (dir, "empty.txt", "", 0);
  g_autofree char *binary = write_temp (dir, "binary.txt", "\x7f" "ELF\x02\x01\x01\0\0\0", 10);
  g_autofree char *invalid = write_temp (dir, "invalid.txt", "\x80\xff\xfe\x81\xff", 5);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *bad_project = write_temp (dir, "broken.huibian",
                                             "<book xmlns=\"http://docbook.org/ns/docbook\" xmlns:hb=\"http://huibian.org/ns/project\"><info><hb:project format=\"1\"/>", -1);

  assert_input_error (empty, "empty");
  assert_input_error (binary, "NUL");
  assert_input_error (invalid, "GB18030");
  assert_input_error (missing, "No such file");
  assert_input_error (dir, "folder");
  assert_input_error (bad_project, "damaged or incomplete");

  g_remove (empty);
  g_remove (binary);
  g_remove (invalid);
  g_remove (bad_project);
  g_rmdir (dir);
}

static JsonObject *
parse_json (const char *text,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_show_json (void)
{
  g_autofree char *path = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *reports;
  static const char *report_fields[] = {
    "title", "organization", "date", "source", "source_page", "headings",
    "blocks", "paragraphs", "characters", "warnings",
  };

  run_cli (&run, "show", "--json", "--split", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out, parser);

  g_assert_true (json_object_has_member (root, "title"));
  g_assert_true (json_object_has_member (root, "issue"));
  g_assert_true (json_object_has_member (root, "unit"));
  g_assert_true (json_object_has_member (root, "date"));
  g_assert_nonnull (json_object_get_array_member (root, "warnings"));
  reports = json_object_get_array_member (root, "reports");
  g_assert_cmpuint (json_array_get_length (reports), ==, 18);

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      JsonArray *blocks = json_object_get_array_member (report, "blocks");

      for (guint f = 0; f < G_N_ELEMENTS (report_fields); f++)
        g_assert_true (json_object_has_member (report, report_fields[f]));
      g_assert_cmpint (json_object_get_int_member (report, "source_page"), >, 0);
      g_assert_cmpint (json_object_get_int_member (report, "characters"), >, 100);
      g_assert_cmpuint (json_array_get_length (blocks), >, 0);
      for (guint b = 0; b < json_array_get_length (blocks); b++)
        {
          JsonObject *block = json_array_get_object_element (blocks, b);
          const char *kind = json_object_get_string_member (block, "kind");

          g_assert_true (g_str_equal (kind, "heading") || g_str_equal (kind, "paragraph"));
          g_assert_true (json_object_has_member (block, "level"));
          g_assert_true (json_object_has_member (block, "label"));
          g_assert_true (json_object_has_member (block, "text"));
        }
    }

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reports, 5), "date"), ==, "2023-07-25");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (reports, 0), "date"));
}

/* import → project → show gives what showing the text directly gives. */
static void
test_import_then_show (void)
{
  g_autofree char *path = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *dir = g_dir_make_tmp ("huibian-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "b.huibian", NULL);
  g_auto(Run) direct = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) shown = { 0 };

  run_cli (&direct, "show", "--json", "--split", path, NULL);
  run_cli (&import, "import", "--split", "-o", project, path, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (&shown, "show", "--json", project, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_cmpstr (shown.out, ==, direct.out);

  g_remove (project);
  g_rmdir (dir);
}

/* A whole-number member of `show --json`'s top object. */
static gint64
json_count (const char *json,
            const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return json_object_get_int_member (parse_json (json, parser), member);
}

/* Presets and grid options change the pagination, and a project keeps
 * the page setup it was made with. */
static void
test_page_setup_options (void)
{
  g_autofree char *path = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *dir = g_dir_make_tmp ("huibian-cli-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "compact.huibian", NULL);
  g_auto(Run) standard = { 0 };
  g_auto(Run) denser = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) compact = { 0 };
  g_auto(Run) bad = { 0 };

  run_cli (&standard, "show", "--json", "--split", path, NULL);
  run_cli (&denser, "show", "--json", "--split", "--lines-per-page", "25", "--chars-per-line", "28", path, NULL);
  run_cli (&import, "import", "--split", "--preset", "compact", "-o", project, path, NULL);
  run_cli (&compact, "show", "--json", project, NULL);
  run_cli (&bad, "show", "--json", "--lines-per-page", "0", project, NULL);

  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpint (json_count (denser.out, "pages"), <, json_count (standard.out, "pages"));
  g_assert_cmpint (json_count (compact.out, "pages"), <, json_count (standard.out, "pages"));
  g_assert_cmpint (bad.status, ==, 1);

  g_remove (project);
  g_rmdir (dir);
}

/* The masthead (报头) tops the first page of a bulletin that has a name,
 * above the table of contents; both can be left out. */
static void
test_front_page (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "resources", "sample", "sample-bulletin.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("huibian-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sample.pdf", NULL);
  const char *pdftotext[] = { "pdftotext", "-l", "1", pdf, "-", NULL };
  g_auto(Run) export = { 0 };
  g_auto(Run) bare = { 0 };
  g_autofree char *first_page = NULL;
  g_autofree char *stripped = NULL;

  run_cli (&export, "export", "--format", "pdf", "--split", "-o", pdf, sample, NULL);
  g_assert_cmpint (export.status, ==, 0);
  first_page = hui_test_run (pdftotext);
  stripped = hui_util_strip_white_space (first_page);
  g_assert_true (g_str_has_prefix (stripped, "工作交流第3期目录"));

  run_cli (&bare, "show", "--json", "--split", "--no-toc", "--no-front-page", sample, NULL);
  g_assert_cmpint (json_count (bare.out, "toc_pages"), ==, 0);

  /* The page number's format is the user's too. */
  {
    g_auto(Run) numbered = { 0 };
    const char *page2[] = { "pdftotext", "-f", "2", "-l", "2", pdf, "-", NULL };
    g_autofree char *text = NULL;

    run_cli (&numbered, "export", "--format", "pdf", "--split", "--no-toc", "--no-front-page",
             "--page-number-format", "第{n}页", "-o", pdf, sample, NULL);
    g_assert_cmpint (numbered.status, ==, 0);
    text = hui_test_run (page2);
    g_assert_nonnull (strstr (text, "第2页"));
  }

  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/input-errors", test_input_errors);
  g_test_add_func ("/cli/show-json", test_show_json);
  g_test_add_func ("/cli/import-then-show", test_import_then_show);
  g_test_add_func ("/cli/page-setup-options", test_page_setup_options);
  g_test_add_func ("/cli/front-page", test_front_page);

  return g_test_run ();
}

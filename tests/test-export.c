/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hui-test-util.h"
#include "support/hui-util.h"

/* The core promise, checked the way a reader checks it: pdftotext reads
 * the PDF page by page, jing validates the DocBook, and the page named in
 * each table-of-contents entry must be the page the report starts on. */

typedef struct {
  char  *dir;
  char  *input;      /* the bulletin exported */
  gboolean split;
  GPtrArray *pages;  /* pdftotext -layout text of each PDF page */
  guint  n_toc_pages;
  JsonParser *show;  /* huibian-cli show --json of the input */
} Fixture;

static char *
export (Fixture    *fixture,
        const char *format,
        const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  const char *argv[] = { g_getenv ("HUI_CLI"), "export", "--format", format, "-o", path,
                         fixture->input, fixture->split ? "--split" : NULL, NULL };
  g_autofree char *out = hui_test_run (argv);

  return path;
}

static void
fixture_load (Fixture    *fixture,
              const char *input,
              gboolean    split)
{
  g_autofree char *pdf = NULL;
  g_autofree char *json = NULL;
  const char *show[] = { g_getenv ("HUI_CLI"), "show", "--json", input, split ? "--split" : NULL, NULL };

  fixture->dir = g_dir_make_tmp ("huibian-export-XXXXXX", NULL);
  fixture->input = g_strdup (input);
  fixture->split = split;
  pdf = export (fixture, "pdf", "bulletin.pdf");
  fixture->pages = hui_test_pdf_pages (pdf, &fixture->n_toc_pages);

  json = hui_test_run (show);
  fixture->show = json_parser_new ();
  g_assert_true (json_parser_load_from_data (fixture->show, json, -1, NULL));
}

static void
fixture_clear (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->input);
  g_ptr_array_unref (fixture->pages);
  g_object_unref (fixture->show);
}

static JsonArray *
reports_of (Fixture *fixture)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (fixture->show));

  return json_object_get_array_member (root, "reports");
}

typedef struct {
  char *title;
  guint page;
} TocEntry;

/* Reads the TOC back from the PDF text: a title (possibly over several
 * lines) ends on a line whose page number stands apart at the right. */
static GArray *
read_pdf_toc (Fixture *fixture)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (TocEntry));
  g_autoptr(GRegex) numbered = g_regex_new ("^(?:(.*\\S)\\s{2,}|\\s*)(\\d+)\\s*$", 0, 0, NULL);
  g_autoptr(GString) title = g_string_new (NULL);

  for (guint p = 0; p < fixture->n_toc_pages; p++)
    {
      g_auto(GStrv) lines = g_strsplit (fixture->pages->pdata[p], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) info = NULL;
          g_autofree char *stripped = hui_util_strip_white_space (lines[i]);

          if (*stripped == '\0' || g_str_has_suffix (stripped, "：") || strcmp (stripped, "目录") == 0)
            {
              g_string_truncate (title, 0);
              continue;
            }
          if (g_regex_match (numbered, lines[i], 0, &info))
            {
              g_autofree char *head = g_match_info_fetch (info, 1);
              g_autofree char *number = g_match_info_fetch (info, 2);
              g_autofree char *part = hui_util_strip_white_space (head);
              TocEntry entry;

              g_string_append (title, part);
              entry.title = g_strdup (title->str);
              entry.page = atoi (number);
              g_array_append_val (entries, entry);
              g_string_truncate (title, 0);
            }
          else
            g_string_append (title, stripped);
        }
    }

  return entries;
}

static const char *
page_text (Fixture *fixture,
           guint    number)
{
  guint index = fixture->n_toc_pages + number - 1;

  g_assert_cmpuint (index, <, fixture->pages->len);
  g_assert_cmpint (hui_test_printed_page_number (fixture->pages->pdata[index]), ==, number);
  return fixture->pages->pdata[index];
}

static gboolean
page_contains (Fixture    *fixture,
               guint       number,
               const char *stripped_title)
{
  g_autofree char *stripped = hui_util_strip_white_space (page_text (fixture, number));

  return strstr (stripped, stripped_title) != NULL;
}

static void
assert_toc_pages_right (Fixture *fixture,
                        guint    expected_reports)
{
  g_autoptr(GArray) toc = read_pdf_toc (fixture);
  JsonArray *reports = reports_of (fixture);

  g_assert_cmpuint (toc->len, ==, expected_reports);
  g_assert_cmpuint (json_array_get_length (reports), ==, expected_reports);

  for (guint i = 0; i < toc->len; i++)
    {
      TocEntry *entry = &g_array_index (toc, TocEntry, i);
      JsonObject *report = json_array_get_object_element (reports, i);
      g_autofree char *title = hui_util_strip_white_space (json_object_get_string_member (report, "title"));

      g_test_message ("%u: %s → page %u", i + 1, entry->title, entry->page);
      g_assert_cmpstr (entry->title, ==, title);
      g_assert_cmpint (entry->page, ==, json_object_get_int_member (report, "first_page"));
      g_assert_true (page_contains (fixture, entry->page, title));
      /* Nowhere before its page: the report starts there. */
      for (guint p = i > 0 ? g_array_index (toc, TocEntry, i - 1).page : 1; p < entry->page; p++)
        g_assert_false (page_contains (fixture, p, title));
      g_free (entry->title);
    }
}

static void
assert_docbook_matches (Fixture *fixture)
{
  g_autofree char *xml_path = export (fixture, "docbook", "bulletin.xml");
  g_autofree char *xml = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<tocentry linkend=\"report-(\\d+)\" pagenum=\"(\\d+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  JsonArray *reports = reports_of (fixture);
  guint n = 0;
  const char *jing[] = { "jing", "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng", xml_path, NULL };
  g_autofree char *jing_out = hui_test_run (jing);

  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_regex_match (regex, xml, 0, &info);
  for (; g_match_info_matches (info); g_match_info_next (info, NULL), n++)
    {
      g_autofree char *index = g_match_info_fetch (info, 1);
      g_autofree char *page = g_match_info_fetch (info, 2);
      JsonObject *report = json_array_get_object_element (reports, atoi (index) - 1);
      g_autofree char *title = hui_util_strip_white_space (json_object_get_string_member (report, "title"));

      g_assert_cmpuint (atoi (index), ==, n + 1);
      g_assert_true (page_contains (fixture, atoi (page), title));
    }
  g_assert_cmpuint (n, ==, json_array_get_length (reports));
}

/* "— 7 —" 7 mm below the type area, flush right on odd pages and flush
 * left on even ones, one 14 pt character in from the edge (GB/T 9704):
 * measured on the dashes' boxes as pdftotext reports them. */
static void
assert_page_numbers_alternate (Fixture *fixture)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "bulletin.pdf", NULL);
  const char *argv[] = { "pdftotext", "-bbox", pdf, "-", NULL };
  g_autofree char *html = hui_test_run (argv);
  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
  g_autoptr(GRegex) dash = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\"[^>]*>—</word>", 0, 0, NULL);
  const double type_bottom = (37 + 225) * 72 / 25.4, left = 28 * 72 / 25.4, right = (28 + 156) * 72 / 25.4;

  g_assert_cmpuint (g_strv_length (pages), ==, fixture->pages->len + 1);
  for (guint i = fixture->n_toc_pages; i < fixture->pages->len; i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      guint number = i - fixture->n_toc_pages + 1;
      double min_x = G_MAXDOUBLE, max_x = 0;

      g_regex_match (dash, pages[i + 1], 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autofree char *x0 = g_match_info_fetch (info, 1);
          g_autofree char *y0 = g_match_info_fetch (info, 2);
          g_autofree char *x1 = g_match_info_fetch (info, 3);

          if (g_ascii_strtod (y0, NULL) < type_bottom)
            continue;
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (y0, NULL), type_bottom + 7 * 72 / 25.4, 3);
          min_x = MIN (min_x, g_ascii_strtod (x0, NULL));
          max_x = MAX (max_x, g_ascii_strtod (x1, NULL));
        }

      if (number % 2)
        g_assert_cmpfloat_with_epsilon (max_x, right - 14, 2);
      else
        g_assert_cmpfloat_with_epsilon (min_x, left + 14, 2);
    }
}

static void
assert_fonts_embedded (Fixture *fixture)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "bulletin.pdf", NULL);
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = hui_test_run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  /* The default families fall back to what Debian ships (SPEC.md):
   * FangSong and Song → Noto Serif CJK SC, Hei → Noto Sans CJK SC,
   * Kai → AR PL UKai. */
  g_assert_nonnull (strstr (out, "NotoSerifCJKsc"));
  g_assert_nonnull (strstr (out, "NotoSansCJKsc"));
  g_assert_nonnull (strstr (out, "UKai"));
  for (guint i = 2; lines[i] != NULL && *lines[i]; i++)
    g_assert_true (g_regex_match_simple ("\\s+yes\\s+yes\\s+yes\\s+", lines[i], 0, 0));
}

static void
save_png (Fixture    *fixture,
          guint       pdf_page,
          const char *name)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "bulletin.pdf", NULL);
  g_autofree char *page = g_strdup_printf ("%u", pdf_page);
  g_autofree char *prefix = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  const char *argv[] = { "pdftoppm", "-r", "60", "-png", "-singlefile", "-f", page, "-l", page, pdf, prefix, NULL };
  g_autofree char *out = hui_test_run (argv);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);

  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_sample_bulletin (void)
{
  g_autofree char *path = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  Fixture fixture = { 0 };

  fixture_load (&fixture, path, TRUE);
  assert_toc_pages_right (&fixture, 18);
  assert_docbook_matches (&fixture);
  assert_page_numbers_alternate (&fixture);
  assert_fonts_embedded (&fixture);

  /* For a person to look at: the TOC, a report's first page, a page with
   * level 1 and 2 headings. */
  save_png (&fixture, 1, "export-toc");
  save_png (&fixture, fixture.n_toc_pages + 7, "export-report-start");
  fixture_clear (&fixture);
}

static void
test_generated_bulletin (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huibian-gen-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "generated.huibian", NULL);
  const char *generate[] = { g_getenv ("HUI_GENERATE"), "--reports", "220", "-o", project, NULL };
  g_autofree char *out = hui_test_run (generate);
  Fixture fixture = { 0 };

  fixture_load (&fixture, project, FALSE);
  assert_toc_pages_right (&fixture, 220);
  assert_docbook_matches (&fixture);
  assert_page_numbers_alternate (&fixture);
  save_png (&fixture, fixture.n_toc_pages + 2, "export-headings");
  fixture_clear (&fixture);

  g_remove (project);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/sample-bulletin", test_sample_bulletin);
  g_test_add_func ("/export/generated-bulletin", test_generated_bulletin);

  return g_test_run ();
}

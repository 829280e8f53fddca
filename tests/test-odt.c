/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-odt"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "hui-test-util.h"
#include "support/hui-util.h"

/* The ODT as its real readers see it: jing validates it against the ODF
 * 1.3 schemas, and LibreOffice renders it, with every report on the page
 * its TOC entry names and the page grid of the paginator. */

#define SCHEMA_DIR "/../shared/schemas/odf/"

typedef struct {
  char *dir;
  char *odt;
  char *pdf;   /* the paginator's own PDF of the same bulletin */
  JsonParser *show;
} Fixture;

static void
fixture_load (Fixture    *fixture,
              const char *input,
              gboolean    split)
{
  const char *cli = g_getenv ("HUI_CLI");
  g_autofree char *json = NULL;

  fixture->dir = g_dir_make_tmp ("huibian-odt-XXXXXX", NULL);
  fixture->odt = g_build_filename (fixture->dir, "bulletin.odt", NULL);
  fixture->pdf = g_build_filename (fixture->dir, "bulletin.pdf", NULL);
  {
    const char *argv[] = { cli, "export", "--format", "odt", "-o", fixture->odt, input, split ? "--split" : NULL, NULL };
    g_free (hui_test_run (argv));
  }
  {
    const char *argv[] = { cli, "export", "--format", "pdf", "-o", fixture->pdf, input, split ? "--split" : NULL, NULL };
    g_free (hui_test_run (argv));
  }
  {
    const char *argv[] = { cli, "show", "--json", input, split ? "--split" : NULL, NULL };
    json = hui_test_run (argv);
  }
  fixture->show = json_parser_new ();
  g_assert_true (json_parser_load_from_data (fixture->show, json, -1, NULL));
}

static void
fixture_clear (Fixture *fixture)
{
  const char *argv[] = { "rm", "-rf", fixture->dir, NULL };

  g_free (hui_test_run (argv));
  g_free (fixture->dir);
  g_free (fixture->odt);
  g_free (fixture->pdf);
  g_object_unref (fixture->show);
}

static JsonArray *
reports_of (Fixture *fixture)
{
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (fixture->show)), "reports");
}

static char *
schema (const char *name)
{
  return g_strconcat (g_getenv ("G_TEST_SRCDIR"), "/..", SCHEMA_DIR, name, NULL);
}

static void
test_package (void)
{
  g_autofree char *input = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *content_schema = schema ("OpenDocument-v1.3-schema.rng");
  g_autofree char *manifest_schema = schema ("OpenDocument-v1.3-manifest-schema.rng");
  g_autofree char *listing = NULL, *info = NULL, *mimetype = NULL;
  g_autofree char *x = NULL;
  Fixture fixture = { 0 };

  fixture_load (&fixture, input, TRUE);
  x = g_build_filename (fixture.dir, "x", NULL);

  /* ODF part 2, §3.3: mimetype first, stored, and exactly the type. */
  {
    const char *argv[] = { "unzip", "-Z1", fixture.odt, NULL };
    listing = hui_test_run (argv);
  }
  g_assert_true (g_str_has_prefix (listing, "mimetype\n"));
  {
    const char *argv[] = { "zipinfo", fixture.odt, "mimetype", NULL };
    info = hui_test_run (argv);
  }
  g_assert_nonnull (strstr (info, " stor "));
  {
    const char *argv[] = { "unzip", "-p", fixture.odt, "mimetype", NULL };
    mimetype = hui_test_run (argv);
  }
  g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");

  {
    const char *argv[] = { "unzip", "-q", "-d", x, fixture.odt, NULL };
    g_free (hui_test_run (argv));
  }
  {
    g_autofree char *content = g_build_filename (x, "content.xml", NULL);
    g_autofree char *styles = g_build_filename (x, "styles.xml", NULL);
    g_autofree char *meta = g_build_filename (x, "meta.xml", NULL);
    g_autofree char *settings = g_build_filename (x, "settings.xml", NULL);
    g_autofree char *manifest = g_build_filename (x, "META-INF", "manifest.xml", NULL);
    const char *jing[] = { "jing", "-i", content_schema, content, styles, meta, settings, NULL };
    const char *jing_manifest[] = { "jing", "-i", manifest_schema, manifest, NULL };
    g_autofree char *xml = NULL;

    g_free (hui_test_run (jing));
    g_free (hui_test_run (jing_manifest));

    /* The TOC is filled, with page fields to bookmarks at the titles. */
    g_assert_true (g_file_get_contents (content, &xml, NULL, NULL));
    g_assert_nonnull (strstr (xml, "<text:index-body>"));
    g_assert_nonnull (strstr (xml, "<text:bookmark-ref text:reference-format=\"page\" text:ref-name=\"report-18\">"));
    g_assert_nonnull (strstr (xml, "<text:bookmark text:name=\"report-18\"/>"));
  }

  fixture_clear (&fixture);
}

static GPtrArray *
render_with_libreoffice (Fixture *fixture,
                         guint   *n_toc_pages)
{
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", fixture->dir, "/lo-profile", NULL);
  g_autofree char *outdir = g_build_filename (fixture->dir, "lo", NULL);
  g_autofree char *pdf = g_build_filename (outdir, "bulletin.pdf", NULL);
  const char *argv[] = { "soffice", profile, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", outdir, fixture->odt, NULL };

  g_free (hui_test_run (argv));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  return hui_test_pdf_pages (pdf, n_toc_pages);
}

static guint
text_lines (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0' && hui_test_printed_page_number (lines[i]) == 0)
      n++;

  return n;
}

static const char *
page_numbered (GPtrArray *pages,
               guint      n_toc,
               guint      number)
{
  g_assert_cmpuint (n_toc + number - 1, <, pages->len);
  g_assert_cmpint (hui_test_printed_page_number (pages->pdata[n_toc + number - 1]), ==, number);
  return pages->pdata[n_toc + number - 1];
}

static gboolean
contains_stripped (const char *page,
                   const char *stripped)
{
  g_autofree char *text = hui_util_strip_white_space (page);

  return strstr (text, stripped) != NULL;
}

/* The numbers LibreOffice prints in the TOC, in order. */
static GArray *
toc_numbers (GPtrArray *pages,
             guint      n_toc)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GRegex) numbered = g_regex_new ("[\\s.·…]{2,}(\\d+)\\s*$", G_REGEX_MULTILINE, 0, NULL);

  for (guint p = 0; p < n_toc; p++)
    {
      g_autoptr(GMatchInfo) info = NULL;

      g_regex_match (numbered, pages->pdata[p], 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        {
          g_autofree char *n = g_match_info_fetch (info, 1);
          int value = atoi (n);

          g_array_append_val (numbers, value);
        }
    }

  return numbers;
}

static void
assert_libreoffice_agrees (Fixture *fixture)
{
  guint n_toc = 0, our_n_toc = 0;
  g_autoptr(GPtrArray) pages = render_with_libreoffice (fixture, &n_toc);
  g_autoptr(GPtrArray) ours = hui_test_pdf_pages (fixture->pdf, &our_n_toc);
  g_autoptr(GArray) numbers = toc_numbers (pages, n_toc);
  JsonArray *reports = reports_of (fixture);
  guint body = 0, same = 0, full = 0;

  g_assert_cmpuint (numbers->len, ==, json_array_get_length (reports));

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      g_autofree char *title = hui_util_strip_white_space (json_object_get_string_member (report, "title"));
      guint first = json_object_get_int_member (report, "first_page");
      guint count = json_object_get_int_member (report, "pages");

      g_test_message ("report %u on page %u (%u pages)", i + 1, first, count);
      g_assert_cmpint (g_array_index (numbers, int, i), ==, first);
      g_assert_true (contains_stripped (page_numbered (pages, n_toc, first), title));
      if (first > 1)
        g_assert_false (contains_stripped (page_numbered (pages, n_toc, first - 1), title));

      /* Every page holds at most the grid's 22 lines, and LibreOffice
       * sets as many lines on a page as the paginator does; pages inside
       * a report are full but for what keep-with-next (up to four stacked
       * headings and their first lines) and widow control leave. */
      for (guint p = first; p < first + count; p++)
        {
          guint lines = text_lines (page_numbered (pages, n_toc, p));

          g_assert_cmpuint (lines, <=, 22);
          if (p > first && p < first + count - 1)
            g_assert_cmpuint (lines, >=, 16);
          body++;
          same += lines == text_lines (page_numbered (ours, our_n_toc, p));
          full += lines == 22;
        }
    }

  g_test_message ("%u of %u pages set alike, %u with 22 lines", same, body, full);
  g_assert_cmpuint (full, >, 0);
  g_assert_cmpuint (same * 100, >=, body * 95);
}

static void
test_libreoffice_sample (void)
{
  g_autofree char *input = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  Fixture fixture = { 0 };

  fixture_load (&fixture, input, TRUE);
  assert_libreoffice_agrees (&fixture);
  fixture_clear (&fixture);
}

static void
test_libreoffice_generated (void)
{
  g_autofree char *dir = g_dir_make_tmp ("huibian-gen-XXXXXX", NULL);
  g_autofree char *project = g_build_filename (dir, "generated.huibian", NULL);
  const char *generate[] = { g_getenv ("HUI_GENERATE"), "--reports", "200", "-o", project, NULL };
  Fixture fixture = { 0 };

  g_free (hui_test_run (generate));
  fixture_load (&fixture, project, FALSE);
  assert_libreoffice_agrees (&fixture);
  fixture_clear (&fixture);
  g_remove (project);
  g_rmdir (dir);
}

/* Lengths take a full stop under any locale: exported by a German user,
 * "0,50pt" would be no length at all to an ODF reader. The set-up
 * generates de_DE.UTF-8 for this. */
static void
test_numbers_any_locale (void)
{
  g_autofree char *input = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *dir = g_dir_make_tmp ("huibian-odt-XXXXXX", NULL);
  g_autofree char *odt = g_build_filename (dir, "de.odt", NULL);
  g_autofree char *styles = NULL;
  g_autoptr(GRegex) comma = g_regex_new ("\"[0-9]+,[0-9]+(pt|mm|cm|in)\"", 0, 0, NULL);
  g_autoptr(GRegex) stop = g_regex_new ("\"[0-9]+\\.[0-9]+(pt|mm)\"", 0, 0, NULL);
  locale_t german = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t)0);

  if (german == (locale_t)0)
    g_error ("the de_DE.UTF-8 locale is missing (build-aux/huibian-dev test generates it)");
  freelocale (german);
  {
    const char *argv[] = { "env", "LC_ALL=de_DE.UTF-8", g_getenv ("HUI_CLI"), "export", "--format", "odt",
                           "-o", odt, input, NULL };
    g_free (hui_test_run (argv));
  }
  {
    const char *argv[] = { "unzip", "-p", odt, "styles.xml", NULL };
    styles = hui_test_run (argv);
  }
  g_assert_true (g_regex_match (stop, styles, 0, NULL));
  g_assert_false (g_regex_match (comma, styles, 0, NULL));
  g_remove (odt);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/odt/package", test_package);
  g_test_add_func ("/odt/numbers-any-locale", test_numbers_any_locale);
  g_test_add_func ("/odt/libreoffice/sample", test_libreoffice_sample);
  g_test_add_func ("/odt/libreoffice/generated", test_libreoffice_generated);

  return g_test_run ();
}

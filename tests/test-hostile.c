/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "hui-test-util.h"

/* Hostile and broken files given to the real huibian-cli: each ends with
 * exit status 2 and a one-line reason naming the file, without a crash,
 * within a time and memory bound (the child runs under a 768 MB address
 * space limit), and with nothing written but what was asked for. */

#define MEMORY_LIMIT (768u * 1024 * 1024)
#define TIME_LIMIT_S 10

static void
limit_memory (gpointer data)
{
  struct rlimit limit = { MEMORY_LIMIT, MEMORY_LIMIT };

  setrlimit (RLIMIT_AS, &limit);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static gboolean
mentions_any (const char *text,
              const char *alternatives)
{
  g_auto(GStrv) parts = g_strsplit (alternatives, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (text, parts[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* @reasons: parts of the expected reason, "a|b" for either.
 *
 * The input sits in a directory of its own inside a private one, with the
 * child's TMPDIR inside that too: other tests run in parallel and write to
 * /tmp, so only a directory nobody else uses can show that the CLI wrote
 * nothing beside the input, above it or in its temporary directory. */
static void
assert_refused_by_cli (const char *name,
                       GBytes     *bytes,
                       const char *reasons)
{
  g_autofree char *outer = g_dir_make_tmp ("huibian-hostile-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (outer, "input", NULL);
  g_autofree char *tmp = g_build_filename (outer, "tmp", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *out = g_build_filename (dir, "out.huibian", NULL);
  const char *argv[] = { g_getenv ("HUI_CLI"), "import", "-o", out, path, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TMPDIR", tmp, TRUE);
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  start = g_get_monotonic_time ();
  g_assert_true (g_spawn_sync (dir, (char **)argv, envp, G_SPAWN_DEFAULT, limit_memory, NULL,
                               &stdout_text, &stderr_text, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %.2f s: %s", name, (g_get_monotonic_time () - start) / 1e6, stderr_text);

  /* Not a crash, not a hang: exit status 2 in time. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_LIMIT_S * G_USEC_PER_SEC);
  /* One line, naming the file, saying why. */
  g_assert_nonnull (strstr (stderr_text, name));
  g_assert_true (mentions_any (stderr_text, reasons));
  g_assert_nonnull (strchr (stderr_text, '\n'));
  g_assert_cmpstr (strchr (stderr_text, '\n') + 1, ==, "");
  /* Nothing written: no project, nothing beside the input, above it or
   * in the temporary directory. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpuint (count_entries (outer), ==, 2);
  g_assert_cmpuint (count_entries (tmp), ==, 0);

  g_remove (path);
  g_rmdir (dir);
  g_rmdir (tmp);
  g_rmdir (outer);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_xml (void)
{
  g_autoptr(GBytes) laughs = text_bytes (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n"
    "<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>\n"
    "<article><title>&h;</title><para>&h;</para></article>\n");
  g_autoptr(GBytes) external = text_bytes (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
    "<article><title>x</title><para>&secret;</para></article>\n");
  g_autoptr(GString) deep = g_string_new ("<?xml version=\"1.0\"?><article><title>深</title>");
  g_autoptr(GBytes) deep_bytes = NULL;

  /* libxml2 may stop an entity bomb itself ("entity reference loop"). */
  assert_refused_by_cli ("laughs.xml", laughs, "refused for safety|entity reference loop");
  assert_refused_by_cli ("external.xml", external, "refused for safety");

  /* Nesting 100,000 deep: libxml2's depth limit, not the stack, stops it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<section>");
  deep_bytes = g_string_free_to_bytes (g_steal_pointer (&deep));
  assert_refused_by_cli ("deep.xml", deep_bytes, "damaged or incomplete");
}

/* Sets every local and central header's uncompressed size to @size. */
static GBytes *
lie_about_sizes (GBytes  *zip,
                 guint32  size)
{
  gsize len;
  guint8 *data = g_memdup2 (g_bytes_get_data (zip, &len), g_bytes_get_size (zip));

  for (gsize i = 0; i + 46 <= len; i++)
    {
      if (memcmp (data + i, "PK\x03\x04", 4) == 0)
        memcpy (data + i + 22, &(guint32) { GUINT32_TO_LE (size) }, 4);
      else if (memcmp (data + i, "PK\x01\x02", 4) == 0)
        memcpy (data + i + 24, &(guint32) { GUINT32_TO_LE (size) }, 4);
    }
  return g_bytes_new_take (data, len);
}

static void
test_packages (void)
{
  g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (200 * 1024 * 1024), 200 * 1024 * 1024);
  g_autoptr(GBytes) small = text_bytes ("x");
  g_autoptr(GBytes) mimetype = text_bytes ("application/vnd.oasis.opendocument.text");

  /* A zip bomb whose headers say 1 kB for 200 MB. */
  {
    HuiTestMember members[] = { { "word/document.xml", zeros } };
    g_autoptr(GBytes) honest = hui_test_make_zip (members, 1);
    g_autoptr(GBytes) lying = lie_about_sizes (honest, 1000);

    assert_refused_by_cli ("bomb.docx", lying, "package");
  }
  /* 30,000 entries. */
  {
    g_autoptr(GBytes) many = hui_test_make_zip_of_many (30000, small);

    assert_refused_by_cli ("many.odt", many, "too many entries");
  }
  /* Member names climbing out: never used as paths (the test checks that
   * nothing appears beside or above the file). */
  {
    HuiTestMember members[] = { { "../evil.txt", small }, { "../../etc/evil", small } };
    g_autoptr(GBytes) climbing = hui_test_make_zip (members, 2);

    assert_refused_by_cli ("climbing.docx", climbing, "not a document");
  }
  /* Truncated. */
  {
    HuiTestMember members[] = { { "mimetype", mimetype }, { "content.xml", small } };
    g_autoptr(GBytes) whole = hui_test_make_zip (members, 2);
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);

    assert_refused_by_cli ("cut.odt", cut, "not a readable zip package");
  }
  /* A Word document whose XML is an entity bomb. */
  {
    g_autoptr(GBytes) laughs = text_bytes (
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">&b;</w:document>");
    HuiTestMember members[] = { { "word/document.xml", laughs } };
    g_autoptr(GBytes) docx = hui_test_make_zip (members, 1);

    assert_refused_by_cli ("laughs.docx", docx, "refused for safety|entity reference loop");
  }
}

static void
test_impostors (void)
{
  g_autoptr(GBytes) pdf = text_bytes ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x00\x01\x02\xff\xfe\x00garbage", 14);

  assert_refused_by_cli ("report.docx", pdf, "PDF");
  assert_refused_by_cli ("empty.txt", empty, "empty");
  assert_refused_by_cli ("noise.odt", binary, "binary file");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/xml", test_xml);
  g_test_add_func ("/hostile/packages", test_packages);
  g_test_add_func ("/hostile/impostors", test_impostors);

  return g_test_run ();
}

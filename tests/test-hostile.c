/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "hui-test-util.h"
#include "import/hui-import.h"
#include "project/hui-project.h"

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

/* @bytes written to a file called @name, imported (or opened, when it is
 * a project) in this process: it fails with @domain and @code, and the
 * message names the file and has @reason. The CLI then refuses it too. */
static void
assert_refused_with (const char *name,
                     GBytes     *bytes,
                     GQuark      domain,
                     int         code,
                     const char *reason)
{
  g_autofree char *dir = g_dir_make_tmp ("huibian-cause-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiBulletin) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  if (hui_project_is_project_file (file, NULL))
    project = hui_project_load (file, NULL, &error);
  else
    g_assert_false (hui_import_file (bulletin, file, HUI_IMPORT_FLAGS_NONE, NULL, &error));
  g_assert_null (project);
  g_test_message ("%s: %s", name, error ? error->message : "(no error)");
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 0);
  g_remove (path);
  g_rmdir (dir);

  assert_refused_by_cli (name, bytes, reason);
}

/* Marks @member of @zip as a Unix symbolic link in the central directory:
 * made by Unix (3), external attributes S_IFLNK | 0777 in the high half. */
static GBytes *
make_symlink (GBytes     *zip,
              const char *member)
{
  gsize len;
  guint8 *data = g_memdup2 (g_bytes_get_data (zip, &len), g_bytes_get_size (zip));
  gsize name_len = strlen (member);
  gboolean found = FALSE;

  for (gsize i = 0; i + 46 + name_len <= len; i++)
    if (memcmp (data + i, "PK\x01\x02", 4) == 0 && data[i + 28] == name_len && data[i + 29] == 0 &&
        memcmp (data + i + 46, member, name_len) == 0)
      {
        data[i + 5] = 3;
        memcpy (data + i + 38, &(guint32) { GUINT32_TO_LE ((guint32)(S_IFLNK | 0777) << 16) }, 4);
        found = TRUE;
      }
  g_assert_true (found);
  return g_bytes_new_take (data, len);
}

static const char odt_manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

/* An ODT whose content.xml is a link to /etc/passwd, as `zip --symlinks`
 * makes it: today's libxml2 calls the path "Document is empty". */
static void
test_symlink_member (void)
{
  g_autoptr(GBytes) mimetype = text_bytes ("application/vnd.oasis.opendocument.text");
  g_autoptr(GBytes) manifest = text_bytes (odt_manifest);
  g_autoptr(GBytes) target = text_bytes ("/etc/passwd");
  HuiTestMember members[] = {
    { "mimetype", mimetype }, { "META-INF/manifest.xml", manifest }, { "content.xml", target },
  };
  g_autoptr(GBytes) zip = hui_test_make_zip (members, G_N_ELEMENTS (members));
  g_autoptr(GBytes) odt = make_symlink (zip, "content.xml");

  assert_refused_with ("link.odt", odt, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSAFE, "contains a symbolic link");
}

/* What LibreOffice writes for a document saved with a password: the
 * manifest tells how each member is encrypted, and content.xml is noise. */
static void
test_password_odt (void)
{
  g_autoptr(GBytes) mimetype = text_bytes ("application/vnd.oasis.opendocument.text");
  g_autoptr(GBytes) manifest = text_bytes (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
    " <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
    " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" manifest:size=\"3021\">\n"
    "  <manifest:encryption-data manifest:checksum-type=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k\""
    " manifest:checksum=\"zR0nYbXEp0dOfwnW3xwPZsRxmHHSOWS8+nyAyc5WZ8E=\">\n"
    "   <manifest:algorithm manifest:algorithm-name=\"http://www.w3.org/2001/04/xmlenc#aes256-cbc\""
    " manifest:initialisation-vector=\"Ifb4CZB4Il7mo+bvXFqBUg==\"/>\n"
    "   <manifest:start-key-generation manifest:start-key-generation-name=\"http://www.w3.org/2000/09/xmldsig#sha256\""
    " manifest:key-size=\"32\"/>\n"
    "   <manifest:key-derivation manifest:key-derivation-name=\"PBKDF2\" manifest:key-size=\"32\""
    " manifest:iteration-count=\"100000\" manifest:salt=\"Pn5DfVOyxh8FtlEHFHrYvg==\"/>\n"
    "  </manifest:encryption-data>\n"
    " </manifest:file-entry>\n"
    "</manifest:manifest>\n");
  g_autoptr(GBytes) noise = g_bytes_new_static ("\x8f\x13\xa7\x00\x5c\xe2\x91\x04\xff\x7e\x01\x99\xd3\x42", 14);
  HuiTestMember members[] = {
    { "mimetype", mimetype }, { "META-INF/manifest.xml", manifest }, { "content.xml", noise },
  };
  g_autoptr(GBytes) odt = hui_test_make_zip (members, G_N_ELEMENTS (members));

  assert_refused_with ("secret.odt", odt, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_PROTECTED, "protected by a password");
}

/* A compound file (OLE2) as Word 97–2003 writes one, reduced to what makes
 * it one: the header, a FAT sector, a directory sector with the root
 * storage and one stream called @stream, and the stream's sector. */
static GBytes *
make_compound_file (const char *stream)
{
  guint8 *data = g_malloc0 (4 * 512);
  guint32 *fat = (guint32 *)(data + 512);
  guint8 *dir = data + 1024;
  static const guint8 magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

  memcpy (data, magic, 8);
  data[24] = 0x3e; data[26] = 3;           /* minor version 0x3e, major 3 */
  data[28] = 0xfe; data[29] = 0xff;        /* little-endian */
  data[30] = 9; data[32] = 6;              /* 512-byte sectors, 64-byte mini sectors */
  data[44] = 1;                            /* one FAT sector */
  data[48] = 1;                            /* the directory starts at sector 1 */
  data[57] = 0x10;                         /* mini stream cutoff 4096 */
  memset (data + 60, 0xff, 4);             /* no mini FAT */
  memset (data + 68, 0xff, 4);             /* no DIFAT sectors */
  memset (data + 76, 0xff, 436);           /* DIFAT: the FAT at sector 0 */
  memset (data + 76, 0, 4);
  fat[0] = GUINT32_TO_LE (0xfffffffd);     /* FATSECT */
  fat[1] = GUINT32_TO_LE (0xfffffffe);     /* ENDOFCHAIN: the directory */
  fat[2] = GUINT32_TO_LE (0xfffffffe);     /* the stream */
  for (guint i = 3; i < 128; i++)
    fat[i] = GUINT32_TO_LE (0xffffffff);

  /* Root entry, then the stream, each 128 bytes: UTF-16LE name. */
  for (guint e = 0; e < 2; e++)
    {
      const char *name = e == 0 ? "Root Entry" : stream;
      guint8 *entry = dir + 128 * e;

      for (guint i = 0; name[i] != '\0'; i++)
        entry[2 * i] = (guint8)name[i];
      entry[64] = (strlen (name) + 1) * 2;
      entry[66] = e == 0 ? 5 : 2;          /* root storage, stream */
      memset (entry + 68, 0xff, 12);       /* no siblings, no child */
      if (e == 0)
        memcpy (entry + 76, &(guint32) { GUINT32_TO_LE (1) }, 4);  /* child: the stream */
      memcpy (entry + 116, &(guint32) { GUINT32_TO_LE (e == 0 ? 0xfffffffe : 2) }, 4);
      memcpy (entry + 120, &(guint32) { GUINT32_TO_LE (e == 0 ? 0 : 512) }, 4);
    }
  for (guint e = 2; e < 4; e++)
    memset (dir + 128 * e + 68, 0xff, 12);
  memset (data + 1536, 0xa5, 512);
  return g_bytes_new_take (data, 4 * 512);
}

static void
test_word_97 (void)
{
  g_autoptr(GBytes) doc = make_compound_file ("WordDocument");
  g_autoptr(GBytes) encrypted = make_compound_file ("EncryptedPackage");

  assert_refused_with ("report.docx", doc, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                       "old Word 97–2003 document (.doc)");
  assert_refused_with ("report.doc", doc, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED, ".docx or .odt");
  /* A .docx saved with a password is a compound file too. */
  assert_refused_with ("locked.docx", encrypted, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_PROTECTED,
                       "protected by a password");
}

/* A project as Huibian saves it, with @from replaced by @to. */
static GBytes *
project_with (const char *from,
              const char *to)
{
  g_autoptr(HuiBulletin) bulletin = hui_test_import_string ("关于供水的报告\n\n正文第一段。\n", FALSE);
  g_autoptr(GBytes) saved = hui_project_serialize (bulletin);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
test_project_version (void)
{
  const char *versions[] = { "-1", "1.9", "+1", "0", "1a", " 1", "" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *attribute = g_strdup_printf ("format=\"%s\"", versions[i]);
      g_autoptr(GBytes) project = project_with ("format=\"1\"", attribute);

      assert_refused_with ("version.huibian", project, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_CORRUPT,
                           "project format version");
    }
}

/* The README: a project is refused any document type declaration. */
static void
test_project_doctype (void)
{
  const char *doctypes[] = {
    "<!DOCTYPE book>\n<book",
    "<!DOCTYPE book []>\n<book",
    "<!DOCTYPE book PUBLIC \"-//OASIS//DTD DocBook XML V4.5//EN\" \"docbookx.dtd\">\n<book",
  };

  for (guint i = 0; i < G_N_ELEMENTS (doctypes); i++)
    {
      g_autoptr(GBytes) project = project_with ("<book", doctypes[i]);

      assert_refused_with ("doctype.huibian", project, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_UNSAFE,
                           "document type declaration");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/xml", test_xml);
  g_test_add_func ("/hostile/packages", test_packages);
  g_test_add_func ("/hostile/impostors", test_impostors);
  g_test_add_func ("/hostile/symlink-member", test_symlink_member);
  g_test_add_func ("/hostile/password-odt", test_password_odt);
  g_test_add_func ("/hostile/word-97", test_word_97);
  g_test_add_func ("/hostile/project-version", test_project_version);
  g_test_add_func ("/hostile/project-doctype", test_project_doctype);

  return g_test_run ();
}

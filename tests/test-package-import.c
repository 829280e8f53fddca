/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-package-import"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <zip.h>

#include "hui-test-util.h"
#include "import/hui-import.h"

/* .odt files (and zip packages pretending to be documents) read safely. */

static char *
show_json (const char *path)
{
  const char *argv[] = { g_getenv ("HUI_CLI"), "show", "--json", path, NULL };

  return hui_test_run (argv);
}

static JsonArray *
blocks_of (JsonParser *parser,
           const char *json)
{
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  return json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (root, "reports"), 0),
                                       "blocks");
}

/* The report as LibreOffice saves it in ODT and in Word imports to the
 * same blocks as its text. */
static void
assert_libreoffice_same (const char *format)
{
  g_autofree char *corpus = hui_test_corpus_path ("003_69d7a57674a7eb78.txt");
  g_autofree char *dir = g_dir_make_tmp ("huibian-odt-import-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *name = g_strconcat ("report.", format, NULL);
  g_autofree char *odt = g_build_filename (dir, name, NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", dir, "/lo-profile", NULL);
  g_autofree char *text = NULL;
  g_autofree char *from_text = NULL, *from_odt = NULL;
  g_autoptr(JsonParser) a = json_parser_new ();
  g_autoptr(JsonParser) b = json_parser_new ();
  JsonArray *text_blocks, *odt_blocks;
  const char *argv[] = { "soffice", profile, "--headless", "--norestore", "--infilter=Text (encoded):UTF8",
                         "--convert-to", format, "--outdir", dir, txt, NULL };

  g_assert_true (g_file_get_contents (corpus, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (txt, text, -1, NULL));
  g_free (hui_test_run (argv));
  g_assert_true (g_file_test (odt, G_FILE_TEST_EXISTS));

  from_text = show_json (txt);
  from_odt = show_json (odt);
  text_blocks = blocks_of (a, from_text);
  odt_blocks = blocks_of (b, from_odt);
  g_assert_cmpuint (json_array_get_length (odt_blocks), ==, json_array_get_length (text_blocks));
  for (guint i = 0; i < json_array_get_length (text_blocks); i++)
    g_assert_true (json_node_equal (json_array_get_element (text_blocks, i), json_array_get_element (odt_blocks, i)));

  {
    const char *rm[] = { "rm", "-rf", dir, NULL };
    g_free (hui_test_run (rm));
  }
}

static void
assert_refused (GBytes     *bytes,
                const char *name,
                const char *reason_part)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (hui_import_bytes (bulletin, bytes, name, HUI_IMPORT_FLAGS_NONE, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, reason_part));
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_libreoffice_odt (void)
{
  assert_libreoffice_same ("odt");
}

static void
test_libreoffice_docx (void)
{
  assert_libreoffice_same ("docx");
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char docx_styles[] =
  "<w:styles " W ">"
  "<w:style w:styleId=\"Title1\"><w:name w:val=\"标题 1\"/></w:style>"
  "<w:style w:styleId=\"H2\"><w:name w:val=\"heading 2\"/></w:style>"
  "</w:styles>";

static const char docx_numbering[] =
  "<w:numbering " W ">"
  "<w:abstractNum w:abstractNumId=\"0\">"
  "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
  "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
  "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
  "</w:numbering>";

static const char docx_document[] =
  "<w:document " W "><w:body>"
  "<w:p><w:r><w:t>推动公路养护提质增效</w:t></w:r></w:p>"
  "<w:p><w:r><w:t>市交通运输局</w:t></w:r></w:p>"
  "<w:p><w:r><w:t>（2024年3月18日）</w:t></w:r></w:p>"
  "<w:p><w:r><w:t>持续推进</w:t></w:r><w:ins><w:r><w:t>农村公路</w:t></w:r></w:ins>"
  "<w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del><w:r><w:t>养护改革。</w:t></w:r>"
  "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>明确养护责任</w:t></w:r></w:p>"
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>压实县级责任</w:t></w:r></w:p>"
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>加大资金投入</w:t></w:r></w:p>"
  "<w:p><w:pPr><w:pStyle w:val=\"Title1\"/></w:pPr><w:r><w:t>以样式标出的标题</w:t></w:r></w:p>"
  "<w:p><w:pPr><w:pStyle w:val=\"H2\"/></w:pPr><w:r><w:t>二级样式标题</w:t></w:r></w:p>"
  "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
  "<w:p><w:r><w:drawing/></w:r><w:r><w:t>图后文字。</w:t></w:r></w:p>"
  "</w:body></w:document>";

/* Word's numbering becomes the labels the reader saw, heading styles in
 * English and Chinese names give levels, tracked changes read as
 * accepted, and what cannot be kept is said. */
static void
test_docx_features (void)
{
  g_autoptr(GBytes) document = text_bytes (docx_document);
  g_autoptr(GBytes) styles = text_bytes (docx_styles);
  g_autoptr(GBytes) numbering = text_bytes (docx_numbering);
  HuiTestMember members[] = { { "word/document.xml", document }, { "word/styles.xml", styles },
                       { "word/numbering.xml", numbering } };
  g_autoptr(GBytes) docx = hui_test_make_zip (members, 3);
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GError) error = NULL;
  HuiReport *report;

  g_assert_true (hui_import_bytes (bulletin, docx, "report.docx", HUI_IMPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  report = hui_bulletin_get_report (bulletin, 0);
  g_assert_cmpstr (hui_report_get_title (report), ==, "推动公路养护提质增效");
  g_assert_cmpstr (hui_report_get_organization (report), ==, "市交通运输局");
  g_assert_cmpstr (hui_report_get_date (report), ==, "2024-03-18");
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 0)), ==, "持续推进农村公路养护改革。");
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, 1)), ==, "一、");
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 1)), ==, "明确养护责任");
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, 2)), ==, "（一）");
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 2)), ==, 2);
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, 3)), ==, "二、");
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 4)), ==, 1);
  g_assert_null (hui_block_get_label (hui_report_get_block (report, 4)));
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 5)), ==, 2);
  g_assert_cmpuint (hui_block_get_kind (hui_report_get_block (report, 6)), ==, HUI_BLOCK_TABLE);
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 7)), ==, "图后文字。");
  /* The note has no footnotes.xml to come from, the picture no image. */
  g_assert_cmpuint (hui_report_get_warnings (report)->len, ==, 2);
}

static void
test_hostile_packages (void)
{
  g_autoptr(GBytes) mimetype = text_bytes ("application/vnd.oasis.opendocument.text");
  g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (100 * 1024 * 1024), 100 * 1024 * 1024);
  g_autoptr(GBytes) small = text_bytes ("x");

  /* A member inflating to 100 MB from a few hundred kB. */
  {
    HuiTestMember members[] = { { "mimetype", mimetype }, { "content.xml", zeros } };
    g_autoptr(GBytes) bomb = hui_test_make_zip (members, 2);

    g_assert_cmpuint (g_bytes_get_size (bomb), <, 1024 * 1024);
    assert_refused (bomb, "bomb.odt", "inflates to more than");
  }
  /* Thirty thousand entries. */
  {
    g_autoptr(GBytes) many = hui_test_make_zip_of_many (30000, small);

    assert_refused (many, "many.odt", "too many entries");
  }
  /* Member names that climb out of a folder are never used as paths. */
  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *outside = g_build_filename (cwd, "..", "evil.txt", NULL);
    HuiTestMember members[] = { { "../evil.txt", small }, { "../../etc/evil", small } };
    g_autoptr(GBytes) climbing = hui_test_make_zip (members, 2);

    assert_refused (climbing, "climbing.docx", "zip archive, not a document");
    g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  }
  /* Truncated. */
  {
    HuiTestMember members[] = { { "mimetype", mimetype }, { "content.xml", small } };
    g_autoptr(GBytes) whole = hui_test_make_zip (members, 2);
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);

    assert_refused (cut, "cut.odt", "not a readable zip package");
  }
  /* A Word file whose document is not XML. */
  {
    HuiTestMember members[] = { { "word/document.xml", small } };
    g_autoptr(GBytes) docx = hui_test_make_zip (members, 1);

    assert_refused (docx, "report.docx", "damaged or incomplete");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/package-import/libreoffice-odt", test_libreoffice_odt);
  g_test_add_func ("/package-import/libreoffice-docx", test_libreoffice_docx);
  g_test_add_func ("/package-import/docx-features", test_docx_features);
  g_test_add_func ("/package-import/hostile", test_hostile_packages);

  return g_test_run ();
}

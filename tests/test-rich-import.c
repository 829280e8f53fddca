/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rich-import"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hui-test-util.h"

/* Word, ODT (packaged and flat) and DocBook files written for these tests
 * (tests/fixtures) carry heading styles in English and Chinese names, Word
 * numbering, tracked changes, a title block, a table, footnotes, endnotes
 * and an image. Each imports to the expected model, as `huibian-cli show
 * --json` reports it; a project keeps them all, and the PDF, ODT and
 * DocBook exports print them. */

typedef struct {
  char *dir;
  char *docx;
  char *odt;
  char *fodt;
  char *docbook;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *docx_parts = g_test_build_filename (G_TEST_DIST, "fixtures", "rich-docx", NULL);
  g_autofree char *odt_parts = g_test_build_filename (G_TEST_DIST, "fixtures", "rich-odt", NULL);
  g_autoptr(GBytes) docx = hui_test_zip_folder (docx_parts, "[Content_Types].xml");
  g_autoptr(GBytes) odt = hui_test_zip_folder (odt_parts, "mimetype");

  fixture->dir = g_dir_make_tmp ("huibian-rich-XXXXXX", NULL);
  fixture->docx = g_build_filename (fixture->dir, "供水.docx", NULL);
  fixture->odt = g_build_filename (fixture->dir, "养老.odt", NULL);
  fixture->fodt = g_test_build_filename (G_TEST_DIST, "fixtures", "rich.fodt", NULL);
  fixture->docbook = g_test_build_filename (G_TEST_DIST, "fixtures", "rich-docbook.xml", NULL);
  g_assert_true (g_file_set_contents (fixture->docx, g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), NULL));
  g_assert_true (g_file_set_contents (fixture->odt, g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *rm[] = { "rm", "-rf", fixture->dir, NULL };

  g_free (hui_test_run (rm));
  g_free (fixture->dir);
  g_free (fixture->docx);
  g_free (fixture->odt);
  g_free (fixture->fodt);
  g_free (fixture->docbook);
}

static JsonParser *
show (const char *path)
{
  const char *argv[] = { g_getenv ("HUI_CLI"), "show", "--json", path, NULL };
  g_autofree char *json = hui_test_run (argv);
  JsonParser *parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return parser;
}

static JsonObject *
report_of (JsonParser *parser,
           guint       index)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));

  return json_array_get_object_element (json_object_get_array_member (root, "reports"), index);
}

static JsonObject *
block_of (JsonObject *report,
          guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (report, "blocks"), index);
}

static void
assert_block (JsonObject *report,
              guint       index,
              const char *kind,
              guint       level,
              const char *label,
              const char *text)
{
  JsonObject *block = block_of (report, index);

  g_assert_cmpstr (json_object_get_string_member (block, "kind"), ==, kind);
  g_assert_cmpint (json_object_get_int_member (block, "level"), ==, level);
  g_assert_cmpstr (json_object_get_string_member (block, "label"), ==, label);
  g_assert_cmpstr (json_object_get_string_member (block, "text"), ==, text);
}

static void
assert_counts (JsonObject *report,
               guint       tables,
               guint       images,
               guint       notes)
{
  g_assert_cmpint (json_object_get_int_member (report, "tables"), ==, tables);
  g_assert_cmpint (json_object_get_int_member (report, "images"), ==, images);
  g_assert_cmpint (json_object_get_int_member (report, "notes"), ==, notes);
}

static const char *
note_of (JsonObject *report,
         guint       block,
         const char *kind)
{
  JsonObject *note = json_array_get_object_element (json_object_get_array_member (block_of (report, block), "notes"), 0);

  g_assert_cmpstr (json_object_get_string_member (note, "kind"), ==, kind);
  return json_object_get_string_member (note, "text");
}

static char *
cell_of (JsonObject *report,
         guint       block,
         guint       row,
         guint       column)
{
  JsonArray *rows = json_object_get_array_member (block_of (report, block), "rows");

  return g_strdup (json_array_get_string_element (json_array_get_array_element (rows, row), column));
}

static void
assert_warned (JsonObject *report,
               const char *part)
{
  JsonArray *warnings = json_object_get_array_member (report, "warnings");

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    if (strstr (json_array_get_string_element (warnings, i), part) != NULL)
      return;
  g_error ("no warning mentions “%s”", part);
}

static void
test_docx (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = show (fixture->docx);
  JsonObject *report = report_of (parser, 0);
  g_autofree char *cell = cell_of (report, 4, 2, 0);
  JsonObject *image = block_of (report, 7);

  /* The title block. */
  g_assert_cmpstr (json_object_get_string_member (report, "title"), ==, "推进城乡供水一体化的做法与成效");
  g_assert_cmpstr (json_object_get_string_member (report, "organization"), ==, "县水利局");
  g_assert_cmpstr (json_object_get_string_member (report, "date"), ==, "2025-04-08");
  assert_counts (report, 1, 1, 2);
  /* Tracked changes accepted, a footnote where its reference was. */
  assert_block (report, 0, "paragraph", 0, NULL, "今年以来，全县农村自来水普及率达到百分之九十八。\uFFFC");
  g_assert_cmpstr (note_of (report, 0, "footnote"), ==, "数据来源：全市年度统计公报。");
  /* Word numbering gives the labels; "heading 1" and "标题 2" the levels. */
  assert_block (report, 1, "heading", 1, "一、", "统筹规划建设");
  assert_block (report, 2, "heading", 2, "（一）", "建立联席会议制度。");
  assert_block (report, 5, "heading", 1, "二、", "强化运行管护");
  /* "Heading 3", without a label. */
  assert_block (report, 8, "heading", 3, NULL, "Smart metering pilot");
  /* The table, a cell of two paragraphs as two lines. */
  g_assert_cmpstr (json_object_get_string_member (block_of (report, 4), "kind"), ==, "table");
  g_assert_cmpstr (cell, ==, "西山乡\n（含林场）");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (block_of (report, 4), "rows")), ==, 4);
  /* A cell merged across two columns: the next stays in the third. */
  {
    g_autofree char *merged = cell_of (report, 4, 3, 1);
    g_autofree char *last = cell_of (report, 4, 3, 2);

    g_assert_cmpstr (merged, ==, "");
    g_assert_cmpstr (last, ==, "93%");
  }
  /* An endnote in mid-sentence. */
  assert_block (report, 6, "paragraph", 0, NULL, "水质检测实现全覆盖\uFFFC，检测结果按月公开。");
  g_assert_cmpstr (note_of (report, 6, "endnote"), ==, "本文经局务会审议通过。");
  /* The embedded picture with its alt text and size (1905000 EMU = 150 pt). */
  assert_block (report, 7, "image", 0, NULL, "水厂分布示意图");
  g_assert_cmpstr (json_object_get_string_member (image, "mime_type"), ==, "image/png");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (image, "width"), 150, 0.01);
  g_assert_cmpint (json_object_get_int_member (image, "bytes"), >, 100);
  /* The linked picture and the one whose target climbs out of the package
   * are not followed, and that is said. */
  assert_warned (report, "linked, not embedded");
  /* A text box's text follows as a paragraph. */
  assert_block (report, 10, "paragraph", 0, NULL, "文本框中的说明。");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (report, "blocks")), ==, 11);
}

static void
test_odt (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = show (fixture->odt);
  JsonObject *report = report_of (parser, 0);
  g_autofree char *cell = cell_of (report, 5, 2, 1);

  g_assert_cmpstr (json_object_get_string_member (report, "title"), ==, "社区养老服务网络建设情况");
  g_assert_cmpstr (json_object_get_string_member (report, "organization"), ==, "市民政局");
  g_assert_cmpstr (json_object_get_string_member (report, "date"), ==, "2025-05-12");
  assert_counts (report, 1, 1, 2);
  assert_block (report, 0, "paragraph", 0, NULL, "全市已建成社区养老服务站126个\uFFFC，覆盖全部街道。");
  g_assert_cmpstr (note_of (report, 0, "footnote"), ==, "截至2025年4月底。");
  assert_block (report, 1, "heading", 1, "一、", "完善设施布局");
  assert_block (report, 2, "paragraph", 0, NULL, "新建日间照料中心。");
  assert_block (report, 4, "heading", 2, NULL, "健全服务队伍");
  /* A note in a table cell is kept in brackets. */
  g_assert_cmpstr (cell, ==, "88（含兼职）");
  assert_block (report, 6, "image", 0, NULL, "服务站数量变化");
  g_assert_cmpstr (note_of (report, 7, "endnote"), ==, "补贴标准另行公布。");
  /* "../outside.png" is never looked for. */
  assert_warned (report, "linked, not embedded");
}

static void
test_fodt (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonParser) parser = show (fixture->fodt);
  JsonObject *report = report_of (parser, 0);
  JsonObject *image = block_of (report, 3);

  g_assert_cmpstr (json_object_get_string_member (report, "title"), ==, "关于河道清淤工程进展的报告");
  assert_counts (report, 1, 1, 1);
  assert_block (report, 1, "paragraph", 0, NULL, "全区完成清淤河道18条\uFFFC。");
  g_assert_cmpstr (note_of (report, 1, "footnote"), ==, "含支流6条。");
  /* The image's bytes come from office:binary-data; 2in = 144 pt. */
  assert_block (report, 3, "image", 0, NULL, "清淤现场");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (image, "width"), 144, 0.01);
}

static void
test_docbook (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = show (fixture->docbook);
  JsonObject *report = report_of (parser, 0);

  g_assert_cmpstr (json_object_get_string_member (report, "organization"), ==, "区发展改革委");
  assert_counts (report, 1, 1, 2);
  assert_block (report, 0, "heading", 1, "一、", "压缩审批时限\uFFFC");
  g_assert_cmpstr (note_of (report, 0, "footnote"), ==, "对照省定标准。");
  g_assert_cmpstr (note_of (report, 1, "endnote"), ==, "不含银行开户。");
  assert_block (report, 2, "table", 0, NULL, "审批事项办理时限");
  assert_block (report, 3, "image", 0, NULL, "办事大厅");
  assert_warned (report, "“hall.jpg” is a separate file");
}

static void
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("HUI_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_free (hui_test_run ((const char * const *)argv->pdata));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* All four in one project, saved and read back: the same reports; then
 * exported, each format prints what they hold. */
static void
test_project_and_exports (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *project = g_build_filename (fixture->dir, "rich.huibian", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "rich.pdf", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "rich-out.odt", NULL);
  g_autofree char *xml = g_build_filename (fixture->dir, "rich-out.xml", NULL);
  g_autofree char *x = g_build_filename (fixture->dir, "x", NULL);
  g_autofree char *content_path = g_build_filename (x, "content.xml", NULL);
  g_autofree char *manifest_path = g_build_filename (x, "META-INF", "manifest.xml", NULL);
  g_autofree char *content_schema = g_build_filename (g_getenv ("HUI_CORPUS_DIR"), "..", "schemas", "odf",
                                                      "OpenDocument-v1.3-schema.rng", NULL);
  g_autoptr(JsonParser) saved = NULL;
  g_autofree char *content = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *images = NULL;
  const char *sources[] = { fixture->docx, fixture->odt, fixture->fodt, fixture->docbook };

  run_cli ("import", "-o", project, fixture->docx, fixture->odt, fixture->fodt, fixture->docbook, NULL);
  saved = show (project);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(JsonParser) alone = show (sources[i]);
      JsonArray *a = json_object_get_array_member (report_of (alone, 0), "blocks");
      JsonArray *b = json_object_get_array_member (report_of (saved, i), "blocks");

      g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
      for (guint k = 0; k < json_array_get_length (a); k++)
        g_assert_true (json_node_equal (json_array_get_element (a, k), json_array_get_element (b, k)));
    }

  /* PDF: table cells, note references and notes as text; four images. */
  run_cli ("export", "--format", "pdf", "-o", pdf, project, NULL);
  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    const char *list[] = { "pdfimages", "-list", pdf, NULL };

    pdf_text = hui_test_run (argv);
    images = hui_test_run (list);
  }
  g_assert_nonnull (strstr (pdf_text, "东城镇"));
  g_assert_nonnull (strstr (pdf_text, "不动产登记"));
  g_assert_nonnull (strstr (pdf_text, "普及率达到百分之九十八。①"));
  g_assert_nonnull (strstr (pdf_text, "①数据来源：全市年度统计公报。"));
  g_assert_nonnull (strstr (pdf_text, "②本文经局务会审议通过。"));
  g_assert_nonnull (strstr (pdf_text, "审批事项办理时限"));
  g_assert_cmpuint (count (images, " rgb "), ==, 4);  /* one row per image drawn */

  /* ODT: valid, with ODF tables, notes and the pictures in the package. */
  run_cli ("export", "--format", "odt", "-o", odt, project, NULL);
  {
    const char *unzip[] = { "unzip", "-q", "-d", x, odt, NULL };
    const char *jing[] = { "jing", "-i", content_schema, content_path, NULL };

    g_free (hui_test_run (unzip));
    g_free (hui_test_run (jing));
  }
  g_assert_true (g_file_get_contents (content_path, &content, NULL, NULL));
  g_assert_cmpuint (count (content, "<table:table "), ==, 4);
  g_assert_cmpuint (count (content, "text:note-class=\"footnote\""), ==, 4);
  g_assert_cmpuint (count (content, "text:note-class=\"endnote\""), ==, 3);
  g_assert_cmpuint (count (content, "<draw:image "), ==, 4);
  {
    g_autofree char *manifest = NULL;

    g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
    g_assert_cmpuint (count (manifest, "Pictures/image"), ==, 4);
  }

  /* DocBook: valid, and read back to the same counts. */
  run_cli ("export", "--format", "docbook", "-o", xml, project, NULL);
  {
    const char *jing[] = { "jing", "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng", xml, NULL };
    g_autoptr(JsonParser) back = show (xml);

    g_free (hui_test_run (jing));
    for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
      {
        JsonObject *a = report_of (saved, i);
        JsonObject *b = report_of (back, i);

        g_assert_cmpint (json_object_get_int_member (a, "tables"), ==, json_object_get_int_member (b, "tables"));
        g_assert_cmpint (json_object_get_int_member (a, "images"), ==, json_object_get_int_member (b, "images"));
        g_assert_cmpint (json_object_get_int_member (a, "notes"), ==, json_object_get_int_member (b, "notes"));
      }
  }
}

/* @bytes as @name in the fixture's folder, imported as a user would. */
static HuiBulletin *
import_made (Fixture    *fixture,
             const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return hui_test_import (path, FALSE);
}

static HuiBulletin *
import_zip (Fixture             *fixture,
            const char          *name,
            const HuiTestMember *members,
            guint                n)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GBytes) zip = hui_test_make_zip (members, n);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), NULL));
  return hui_test_import (path, FALSE);
}

static gboolean
has_warning (HuiReport  *report,
             const char *part)
{
  const GPtrArray *warnings = hui_report_get_warnings (report);

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (warnings->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* Takes @text. */
static GBytes *
take_text (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static GBytes *
docx_document (const char *body)
{
  return take_text (g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                                      "<w:document " W_NS "><w:body>%s</w:body></w:document>", body));
}

/* A Word document carrying an HTML part (w:altChunk, as web pages pasted
 * by some tools make): the import keeps the rest and says what it left. */
static void
test_docx_alt_chunk (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) document = docx_document (
    "<w:p><w:r><w:t>关于供水工作的报告</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>正文第一段。</w:t></w:r></w:p>"
    "<w:altChunk r:id=\"rId7\"/>"
    "<w:tbl><w:tr><w:tc><w:altChunk r:id=\"rId8\"/><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:t>正文第二段。</w:t></w:r></w:p>");
  g_autoptr(GBytes) rels = take_text (g_strdup (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\""
    " Target=\"afchunk.htm\"/>"
    "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\""
    " Target=\"afchunk2.mht\"/>"
    "</Relationships>"));
  g_autoptr(GBytes) html = take_text (g_strdup ("<html><body><p>网页里的一段。</p></body></html>"));
  HuiTestMember members[] = {
    { "word/document.xml", document }, { "word/_rels/document.xml.rels", rels },
    { "word/afchunk.htm", html }, { "word/afchunk2.mht", html },
  };
  g_autoptr(HuiBulletin) bulletin = import_zip (fixture, "网页.docx", members, G_N_ELEMENTS (members));
  HuiReport *report = hui_bulletin_get_report (bulletin, 0);

  g_assert_cmpstr (hui_report_get_title (report), ==, "关于供水工作的报告");
  g_assert_cmpuint (hui_report_count_paragraphs (report), ==, 2);
  g_assert_true (has_warning (report, "“word/afchunk.htm”, HTML or the like) was left out"));
  g_assert_true (has_warning (report, "“word/afchunk2.mht”"));
}

/* U+202E and its kind in a title, from every importer: taken out, with a
 * warning saying why. */
static void
test_bidi_title (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *title = "关于\u202e告报\u202c的\u2067供水\u2069工作\u200f报告\u061c\u200e\u202a\u202b\u202d\u2066\u2068";
  const char *clean = "关于告报的供水工作报告";
  g_autofree char *text = g_strdup_printf ("%s\n\n正文第一段。\n", title);
  g_autofree char *body = g_strdup_printf ("<w:p><w:r><w:t>%s</w:t></w:r></w:p>"
                                           "<w:p><w:r><w:t>正文第一段。</w:t></w:r></w:p>", title);
  g_autoptr(GBytes) document = docx_document (body);
  g_autoptr(GBytes) mimetype = take_text (g_strdup ("application/vnd.oasis.opendocument.text"));
  g_autoptr(GBytes) content = take_text (g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
    "<text:p>%s</text:p><text:p>正文第一段。</text:p></office:text></office:body></office:document-content>", title));
  g_autofree char *docbook = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                              "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">"
                                              "<info><title>%s</title></info><para>正文第一段。</para></article>", title);
  HuiTestMember docx_members[] = { { "word/document.xml", document } };
  HuiTestMember odt_members[] = { { "mimetype", mimetype }, { "content.xml", content } };
  HuiBulletin *bulletins[] = {
    import_made (fixture, "报告.txt", text),
    import_zip (fixture, "报告.docx", docx_members, G_N_ELEMENTS (docx_members)),
    import_zip (fixture, "报告.odt", odt_members, G_N_ELEMENTS (odt_members)),
    import_made (fixture, "报告.xml", docbook),
  };

  for (guint i = 0; i < G_N_ELEMENTS (bulletins); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletins[i], 0);

      g_test_message ("%s: %s", hui_report_get_source (report), hui_report_get_title (report));
      g_assert_cmpstr (hui_report_get_title (report), ==, clean);
      g_assert_true (has_warning (report, "change the direction of text"));
      g_object_unref (bulletins[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rich-import/docx", test_docx);
  ADD ("/rich-import/odt", test_odt);
  ADD ("/rich-import/fodt", test_fodt);
  ADD ("/rich-import/docbook", test_docbook);
  ADD ("/rich-import/project-and-exports", test_project_and_exports);
  ADD ("/rich-import/docx-alt-chunk", test_docx_alt_chunk);
  ADD ("/rich-import/bidi-title", test_bidi_title);
#undef ADD

  return g_test_run ();
}

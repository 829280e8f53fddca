/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-docbook-import"

#include "config.h"

#include <string.h>

#include "hui-test-util.h"
#include "import/hui-import.h"
#include "layout/hui-paginator.h"
#include "project/hui-docbook-writer.h"
#include "project/hui-project.h"

/* DocBook files people send, read into reports; hostile XML refused. */

static HuiBulletin *
import_xml (const char  *xml,
            const char  *name,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  HuiBulletin *bulletin = hui_bulletin_new ();

  if (!hui_import_bytes (bulletin, bytes, name, HUI_IMPORT_FLAGS_NONE, error))
    g_clear_object (&bulletin);
  return bulletin;
}

static const char docbook5[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">\n"
  "  <info><title>推动公路养护提质增效</title>\n"
  "    <author><orgname>市交通运输局</orgname></author><pubdate>2024-03-18</pubdate></info>\n"
  "  <para>市交通运输局持续推进农村公路养护体制改革。</para>\n"
  "  <section><title>一、明确养护责任</title>\n"
  "    <para>县级路长负责统筹协调。</para>\n"
  "    <section><title>（一）压实县级责任</title>\n"
  "      <itemizedlist><listitem><para>逐条落实。</para></listitem></itemizedlist>\n"
  "    </section>\n"
  "  </section>\n"
  "  <section><title>加大资金投入</title>\n"
  "    <informaltable><tgroup cols=\"1\"><tbody><row><entry>2000万元</entry></row></tbody></tgroup></informaltable>\n"
  "  </section>\n"
  "</article>\n";

static void
test_docbook5 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = import_xml (docbook5, "report.xml", &error);
  HuiReport *report;

  g_assert_no_error (error);
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 1);
  report = hui_bulletin_get_report (bulletin, 0);
  g_assert_cmpstr (hui_report_get_title (report), ==, "推动公路养护提质增效");
  g_assert_cmpstr (hui_report_get_organization (report), ==, "市交通运输局");
  g_assert_cmpstr (hui_report_get_date (report), ==, "2024-03-18");
  g_assert_cmpuint (hui_report_get_n_blocks (report), ==, 7);
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 1)), ==, 1);
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, 1)), ==, "一、");
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 1)), ==, "明确养护责任");
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 3)), ==, 2);
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 4)), ==, "逐条落实。");
  g_assert_null (hui_block_get_label (hui_report_get_block (report, 5)));
  /* The table is kept as a table. */
  g_assert_cmpuint (hui_block_get_kind (hui_report_get_block (report, 6)), ==, HUI_BLOCK_TABLE);
  g_assert_cmpstr (hui_block_get_row (hui_report_get_block (report, 6), 0)[0], ==, "2000万元");
  g_assert_cmpuint (hui_report_get_warnings (report)->len, ==, 0);
}

static const char docbook4[] =
  "<?xml version=\"1.0\"?>\n"
  "<!DOCTYPE book PUBLIC \"-//OASIS//DTD DocBook XML V4.5//EN\" "
  "\"http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd\">\n"
  "<book><bookinfo><title>工作简报</title></bookinfo>\n"
  "  <chapter><title>第一篇</title><para>正文一。</para>\n"
  "    <sect1><title>二、小标题</title><para>正文二。</para></sect1></chapter>\n"
  "  <chapter><chapterinfo><date>2023年7月25日</date></chapterinfo><title>第二篇</title><para>正文三。</para></chapter>\n"
  "</book>\n";

/* DocBook 4: no namespace, a DOCTYPE naming the DTD (never fetched). */
static void
test_docbook4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = import_xml (docbook4, "old.dbk", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hui_bulletin_get_title (bulletin), ==, "工作简报");
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 2);
  g_assert_cmpstr (hui_report_get_title (hui_bulletin_get_report (bulletin, 0)), ==, "第一篇");
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (hui_bulletin_get_report (bulletin, 0), 1)), ==, "二、");
  g_assert_cmpstr (hui_report_get_date (hui_bulletin_get_report (bulletin, 1)), ==, "2023-07-25");
}

/* A DocBook file Huibian exported comes back as the same bulletin. */
static void
test_round_trip (void)
{
  g_autofree char *path = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autoptr(HuiBulletin) original = hui_test_import (path, TRUE);
  g_autoptr(HuiPagination) pagination = hui_pagination_new (original, hui_bulletin_get_page_setup (original));
  HuiDocbookOptions options = { .first_pages = pagination->first_pages };
  g_autoptr(GBytes) exported = hui_docbook_writer_write (original, &options);
  g_autoptr(HuiBulletin) back = hui_bulletin_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hui_import_bytes (back, exported, "bulletin.xml", HUI_IMPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hui_bulletin_get_n_reports (back), ==, 18);
  for (guint i = 0; i < 18; i++)
    {
      HuiReport *a = hui_bulletin_get_report (original, i);
      HuiReport *b = hui_bulletin_get_report (back, i);

      g_assert_cmpstr (hui_report_get_title (a), ==, hui_report_get_title (b));
      g_assert_cmpstr (hui_report_get_organization (a), ==, hui_report_get_organization (b));
      g_assert_cmpstr (hui_report_get_date (a), ==, hui_report_get_date (b));
      g_assert_cmpuint (hui_report_get_n_blocks (a), ==, hui_report_get_n_blocks (b));
    }
}

/* Content decides, not the name: DocBook called .docx is read as DocBook;
 * XML that is not DocBook is refused with its root named. */
static void
test_detection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) misnamed = import_xml (docbook5, "report.docx", &error);
  g_autoptr(HuiBulletin) other = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (hui_bulletin_get_n_reports (misnamed), ==, 1);

  other = import_xml ("<html><body><p>x</p></body></html>", "page.xml", &error);
  g_assert_null (other);
  g_assert_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "<html>"));
}

static void
assert_refused (const char *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = NULL;
  gint64 start = g_get_monotonic_time ();

  bulletin = import_xml (xml, "hostile.xml", &error);
  g_assert_null (bulletin);
  /* libxml2 may stop an entity bomb itself ("entity reference loop");
   * either way the file is refused with the reason. */
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSAFE) ||
                 g_error_matches (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_DAMAGED));
  g_test_message ("%s", error->message);
  /* Refused before anything is expanded, not after a long parse. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_hostile (void)
{
  /* Billion laughs. */
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n"
                  "<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                  "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                  "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>\n"
                  "<article><title>&f;</title><para>&f;</para></article>\n");
  /* An external entity pointing at a local file. */
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE article [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                  "<article><title>x</title><para>&secret;</para></article>\n");
  /* Text not in the encoding the file declares: libxml2 stops, and still
   * calls the document well formed, with no root element when it stopped
   * inside the first tag (a fuzzer found the crash this was). */
  assert_refused ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<article><title>\xe5\x89\x8d</title></article>\n");
  assert_refused ("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<article xml:id=\"\xe5\x89\x8d\"><title>x</title></article>\n");
}

/* A CALS table with a heading over two columns and a cell down two rows:
 * the model has no merged cells, so empty ones keep every other cell under
 * its heading. */
static void
test_table_spans (void)
{
  static const char xml[] =
    "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><title>表格</title>"
    "<informaltable><tgroup cols=\"4\">"
    "<colspec colname=\"c1\"/><colspec colname=\"c2\"/><colspec colname=\"c3\"/><colspec colname=\"c4\"/>"
    "<thead><row><entry morerows=\"1\">地区</entry><entry namest=\"c2\" nameend=\"c3\">完成情况</entry>"
    "<entry morerows=\"1\">备注</entry></row>"
    "<row><entry>数量</entry><entry>比例</entry></row></thead>"
    "<tbody><row><entry>东城</entry><entry>3</entry><entry>100%</entry><entry/></row>"
    "<row><entry colname=\"c1\">西山</entry><entry colname=\"c4\">在建</entry></row></tbody>"
    "</tgroup></informaltable></article>";
  const char *expected[][4] = {
    { "地区", "完成情况", "", "备注" },
    { "", "数量", "比例", "" },
    { "东城", "3", "100%", "" },
    { "西山", "", "", "在建" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = import_xml (xml, "spans.xml", &error);
  HuiBlock *table;

  g_assert_no_error (error);
  table = hui_report_get_block (hui_bulletin_get_report (bulletin, 0), 0);
  g_assert_cmpint (hui_block_get_kind (table), ==, HUI_BLOCK_TABLE);
  g_assert_cmpuint (hui_block_get_n_rows (table), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const char * const *row = hui_block_get_row (table, i);

      g_assert_cmpuint (g_strv_length ((char **)row), ==, 4);
      for (guint j = 0; j < 4; j++)
        g_assert_cmpstr (row[j], ==, expected[i][j]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docbook-import/docbook5", test_docbook5);
  g_test_add_func ("/docbook-import/docbook4", test_docbook4);
  g_test_add_func ("/docbook-import/round-trip", test_round_trip);
  g_test_add_func ("/docbook-import/detection", test_detection);
  g_test_add_func ("/docbook-import/hostile", test_hostile);
  g_test_add_func ("/docbook-import/table-spans", test_table_spans);

  return g_test_run ();
}

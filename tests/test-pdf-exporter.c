/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pdf-exporter"

#include "config.h"

#include <string.h>

#include "export/hui-pdf-exporter.h"
#include "hui-test-util.h"
#include "layout/hui-paginator-private.h"

/* The PDF exporter writes to a stream as cairo makes the file: the same
 * bytes as in memory, and a failing or cancelled stream stops it with
 * the stream's error. */

static HuiBulletin *
sample_bulletin (void)
{
  g_autoptr(GString) text = g_string_new ("关于推进调研成果转化工作的报告\n（2024年3月20日）\n\n");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "第%u段，这是一段足够长的正文，用来把版面一页一页地排满，看页面写到哪里。\n", i + 1);
  return hui_test_import_string (text->str, FALSE);
}

/* The PDF without its creation date, which cairo stamps with the time. */
static GBytes *
without_date (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  g_autoptr(GString) out = g_string_new_len (data, size);
  const char *key = "/CreationDate (D:";

  /* Compressed streams hold NUL bytes: no strstr(). */
  for (gsize i = 0; i + strlen (key) < out->len; i++)
    if (memcmp (out->str + i, key, strlen (key)) == 0)
      {
        const char *end = memchr (out->str + i, ')', out->len - i);

        g_assert_nonnull (end);
        g_string_erase (out, i, end - (out->str + i));
        return g_string_free_to_bytes (g_steal_pointer (&out));
      }
  g_assert_not_reached ();
}

static void
test_stream_equals_bytes (void)
{
  g_autoptr(HuiBulletin) bulletin = sample_bulletin ();
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hui_pdf_exporter_export (bulletin, pagination, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) streamed = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (pagination->pages->len, >, 5);
  g_assert_true (hui_pdf_exporter_write (bulletin, pagination, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  g_assert_true (g_str_has_prefix (g_bytes_get_data (streamed, NULL), "%PDF-"));
  a = without_date (bytes);
  b = without_date (streamed);
  g_assert_cmpuint (g_bytes_get_size (streamed), ==, g_bytes_get_size (bytes));
  g_assert_true (g_bytes_equal (a, b));
}

/* A stream with room for 4 kB: the disk is full. */
static void
test_stream_full (void)
{
  g_autoptr(HuiBulletin) bulletin = sample_bulletin ();
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_autofree char *room = g_malloc (4096);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (room, 4096, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (hui_pdf_exporter_write (bulletin, pagination, out, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_stream_cancelled (void)
{
  g_autoptr(HuiBulletin) bulletin = sample_bulletin ();
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (hui_pdf_exporter_write (bulletin, pagination, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It stopped after the first page, not after the whole bulletin. */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), <, 4096);
}

static GBytes *
export_pdf (HuiBulletin   *bulletin,
            HuiPagination *pagination)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = hui_pdf_exporter_export (bulletin, pagination, &error);

  g_assert_no_error (error);
  return without_date (pdf);
}

/* A bulletin with more text than a pagination for one export keeps (over
 * 1 MB): its pages are counted and let go as they are set, and set again
 * as they are drawn. The PDF is the same as from a pagination that kept
 * them, footnotes, headings and closing block included. */
static void
test_released_pages (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) small = hui_report_new ();
  g_autoptr(HuiReport) last = hui_report_new ();
  g_autoptr(HuiReport) large = hui_report_new ();
  g_autoptr(HuiPagination) one_shot = NULL;
  g_autoptr(HuiPaginator) paginator = NULL;
  g_autoptr(HuiPagination) kept = NULL;
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  guint released = 0;

  hui_report_set_title (small, "短篇");
  hui_report_append_block (small, hui_block_new_paragraph ("短篇的正文。"));
  hui_report_set_title (last, "末篇");
  hui_report_append_block (last, hui_block_new_paragraph ("末篇的正文。"));
  hui_report_set_title (large, "长篇");
  for (guint i = 0; i < 7000; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u段，这是一段足够长的正文，用来把版面一页一页地排满，"
                                               "“引号”和（括号）也在其中，看页面在哪里断开。%s", i + 1,
                                               "补充的内容。补充的内容。补充的内容。" + (i % 4) * strlen ("补充的内容。"));
      g_autoptr(HuiBlock) block = NULL;

      /* Headings often, after paragraphs of varied length: some come
       * near a page's foot and must go over with what follows. */
      if (i % 7 == 0)
        block = hui_block_new_heading (1 + i % 2, i % 2 ? "（一）" : "一、", "小标题", NULL);
      else if (i % 89 == 0)
        {
          g_autofree char *marked = g_strconcat (text, HUI_NOTE_MARK, "余下的话。", NULL);

          block = hui_block_new_paragraph (marked);
          hui_block_add_note (block, HUI_NOTE_FOOTNOTE, "一条脚注，说明数据的来源。");
        }
      else
        block = hui_block_new_paragraph (text);
      hui_report_append_block (large, block);
    }
  hui_bulletin_append_report (bulletin, small);
  hui_bulletin_append_report (bulletin, large);
  hui_bulletin_append_report (bulletin, last);
  hui_bulletin_set_closing (bulletin, "报：市委办公室\n送：各区县");

  one_shot = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  paginator = hui_paginator_new (bulletin);
  kept = hui_paginator_paginate (paginator);
  for (guint i = 0; i < one_shot->pages->len; i++)
    {
      const HuiPage *page = one_shot->pages->pdata[i];

      g_assert_false (((HuiPage *)kept->pages->pdata[i])->released);
      if (page->released)
        {
          g_assert_cmpuint (page->lines->len, ==, 0);
          released++;
        }
    }
  g_assert_cmpuint (one_shot->pages->len, ==, kept->pages->len);
  /* All but the first report's (the first 256 kB are kept) and the last
   * page, which takes the closing block. */
  g_assert_false (((HuiPage *)one_shot->pages->pdata[0])->released);
  g_assert_true (((HuiPage *)one_shot->pages->pdata[1])->released);
  g_assert_false (((HuiPage *)one_shot->pages->pdata[one_shot->pages->len - 1])->released);
  g_assert_cmpuint (released, >=, one_shot->pages->len - 3);
  g_assert_cmpuint (released, >, 500);

  a = export_pdf (bulletin, one_shot);
  b = export_pdf (bulletin, kept);
  g_assert_true (g_bytes_equal (a, b));

  /* Without a closing block, no page but the first report's is kept. */
  hui_bulletin_set_closing (bulletin, NULL);
  g_clear_pointer (&one_shot, hui_pagination_free);
  g_clear_pointer (&kept, hui_pagination_free);
  g_clear_pointer (&a, g_bytes_unref);
  g_clear_pointer (&b, g_bytes_unref);
  one_shot = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  kept = hui_paginator_paginate (paginator);
  for (guint i = 1; i < one_shot->pages->len; i++)
    g_assert_true (((HuiPage *)one_shot->pages->pdata[i])->released);
  a = export_pdf (bulletin, one_shot);
  b = export_pdf (bulletin, kept);
  g_assert_true (g_bytes_equal (a, b));
}

/* One long paragraph is not worth setting twice: its layout is the
 * memory a pagination takes, released or not. */
static void
test_long_paragraph_kept (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(HuiPagination) pagination = NULL;

  while (text->len < 1200 * 1024)
    g_string_append (text, "推进工作调研成果转化发展群众服务落实机制，");
  g_string_append (text, "完。");
  hui_report_set_title (report, "长段");
  hui_report_append_block (report, hui_block_new_paragraph (text->str));
  hui_report_append_block (report, hui_block_new_paragraph ("短段。"));
  hui_bulletin_append_report (bulletin, report);
  pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_test_message ("pages %u lines %u", pagination->pages->len, ((HuiPage *)pagination->pages->pdata[0])->lines->len);
  g_assert_cmpuint (pagination->pages->len, >, 400);
  for (guint i = 0; i < pagination->pages->len; i++)
    g_assert_false (((HuiPage *)pagination->pages->pdata[i])->released);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-exporter/stream-equals-bytes", test_stream_equals_bytes);
  g_test_add_func ("/pdf-exporter/stream-full", test_stream_full);
  g_test_add_func ("/pdf-exporter/stream-cancelled", test_stream_cancelled);
  g_test_add_func ("/pdf-exporter/released-pages", test_released_pages);
  g_test_add_func ("/pdf-exporter/long-paragraph-kept", test_long_paragraph_kept);

  return g_test_run ();
}

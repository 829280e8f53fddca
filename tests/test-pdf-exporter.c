/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pdf-exporter"

#include "config.h"

#include <string.h>

#include "export/hui-pdf-exporter.h"
#include "hui-test-util.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-exporter/stream-equals-bytes", test_stream_equals_bytes);
  g_test_add_func ("/pdf-exporter/stream-full", test_stream_full);
  g_test_add_func ("/pdf-exporter/stream-cancelled", test_stream_cancelled);

  return g_test_run ();
}

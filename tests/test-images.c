/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-images"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include "export/hui-pdf-exporter.h"
#include "hui-test-util.h"
#include "import/hui-import.h"
#include "layout/hui-paginator.h"
#include "project/hui-project.h"
#include "support/hui-image-private.h"

/* Images in reports are decoded for the preview and the PDF whatever
 * their format (Word documents carry JPEG photographs), printed at their
 * size, and a header claiming a huge size is refused before any pixel
 * memory is taken. */

#define BLUE 0x2040e0ffu
#define PRINTED_WIDTH 120.0
#define PRINTED_HEIGHT 90.0
#define TYPE_WIDTH 442.0  /* the type area's width in points */

static GBytes *
saved_pixbuf_sized (const char *format,
                    int         width,
                    int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, BLUE);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GBytes *
saved_pixbuf (const char *format)
{
  return saved_pixbuf_sized (format, 40, 30);
}

/* A 1 × 1 GIF whose one colour is BLUE (gdk-pixbuf writes no GIF). */
static GBytes *
gif_bytes (void)
{
  static const guint8 gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0,
    0x20, 0x40, 0xe0, 0xff, 0xff, 0xff,
    0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0,
    2, 2, 0x44, 0x01, 0, 0x3b,
  };

  return g_bytes_new_static (gif, sizeof gif);
}

static HuiBulletin *
bulletin_with_image (GBytes     *bytes,
                     const char *type)
{
  HuiBulletin *bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();

  hui_report_set_title (report, "图片测试");
  hui_report_append_block (report, hui_block_new_paragraph ("下图为现场照片。"));
  hui_report_append_block (report, hui_block_new_image (bytes, type, PRINTED_WIDTH, PRINTED_HEIGHT, "现场照片"));
  hui_bulletin_append_report (bulletin, report);
  return bulletin;
}

/* Pixels close to BLUE on every page as the preview draws them. */
static guint
count_blue_pixels (HuiPagination *pagination)
{
  int width = (int)ceil (HUI_MM_TO_PT (pagination->setup->paper_width));
  int height = (int)ceil (HUI_MM_TO_PT (pagination->setup->paper_height));
  guint blue = 0;

  for (guint p = 0; p < pagination->pages->len; p++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cairo_t *cr = cairo_create (surface);
      const guint8 *data;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      hui_pdf_exporter_render_page (cr, pagination, pagination->pages->pdata[p]);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            guint32 px = ((const guint32 *)(data + (gsize)y * stride))[x];
            int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

            blue += ABS (r - 0x20) < 24 && ABS (g - 0x40) < 24 && ABS (b - 0xe0) < 24;
          }
      cairo_surface_destroy (surface);
    }
  return blue;
}

static void
assert_drawn (GBytes     *bytes,
              const char *type)
{
  g_autoptr(HuiBulletin) bulletin = bulletin_with_image (bytes, type);
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  guint blue = count_blue_pixels (pagination);

  g_test_message ("%s: %u blue pixels", type, blue);
  g_assert_cmpstr (hui_image_type (bytes, NULL), ==, type);
  /* The image fills its printed size (at one pixel a point), within
   * the few pixels its smoothed edges blur. */
  g_assert_cmpuint (blue, >, (PRINTED_WIDTH - 4) * (PRINTED_HEIGHT - 4));
  g_assert_cmpuint (blue, <, (PRINTED_WIDTH + 2) * (PRINTED_HEIGHT + 2));
}

static void
test_formats_drawn (void)
{
  const char *formats[][2] = {
    { "png", "image/png" }, { "jpeg", "image/jpeg" }, { "bmp", "image/bmp" }, { "tiff", "image/tiff" },
  };
  g_autoptr(GBytes) gif = gif_bytes ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = saved_pixbuf (formats[i][0]);

      assert_drawn (bytes, formats[i][1]);
    }
  assert_drawn (gif, "image/gif");
}

/* The PDF holds a JPEG as the JPEG it is (no re-encoding, no growth),
 * also when it is larger than print needs and so read smaller for the
 * page: 2000 × 1500 pixels printed 120 × 90 points. The same image in
 * two reports (an office's emblem, say) is in the PDF once. */
static void
test_jpeg_embedded_as_is (void)
{
  g_autoptr(GBytes) jpeg = saved_pixbuf_sized ("jpeg", 2000, 1500);
  g_autoptr(HuiBulletin) bulletin = bulletin_with_image (jpeg, "image/jpeg");
  g_autoptr(HuiBulletin) again = bulletin_with_image (jpeg, "image/jpeg");
  g_autoptr(HuiPagination) pagination = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *dir = g_dir_make_tmp ("huibian-images-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "image.pdf", NULL);
  const char *argv[] = { "pdfimages", "-list", path, NULL };
  g_autofree char *list = NULL;
  g_auto(GStrv) rows = NULL;
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  hui_bulletin_merge (bulletin, again, G_MAXUINT);
  pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  pdf = hui_pdf_exporter_export (bulletin, pagination, NULL);
  g_assert_nonnull (pdf);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  list = hui_test_run (argv);
  g_test_message ("%s", list);
  g_assert_nonnull (strstr (list, " jpeg "));
  g_assert_nonnull (strstr (list, " 2000  1500 "));

  /* Two rows (one per place drawn), one object. */
  rows = g_strsplit (list, "\n", -1);
  for (guint i = 2; rows[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (rows[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; fields[k] != NULL; k++)
        if (*fields[k] != '\0')
          g_ptr_array_add (words, fields[k]);
      if (words->len > 10)
        g_hash_table_add (objects, g_strdup (words->pdata[10]));  /* the object ID */
    }
  g_assert_cmpuint (g_strv_length (rows), >=, 4);
  g_assert_cmpuint (g_hash_table_size (objects), ==, 1);
  g_remove (path);
  g_rmdir (dir);
}

/* Little-endian TIFF: 30000 × 30000 RGB in one strip that is not there. */
static GBytes *
huge_tiff (void)
{
  static const guint16 tags[][2] = {
    { 256, 30000 }, { 257, 30000 }, { 258, 8 }, { 259, 1 }, { 262, 2 }, { 273, 200 }, { 277, 3 }, { 278, 30000 },
    { 279, 60000 },
  };
  GByteArray *tiff = g_byte_array_new ();
  guint8 header[] = { 'I', 'I', 42, 0, 8, 0, 0, 0, G_N_ELEMENTS (tags), 0 };

  g_byte_array_append (tiff, header, sizeof header);
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      guint8 entry[12] = { tags[i][0] & 0xff, tags[i][0] >> 8, 3, 0, 1, 0, 0, 0, tags[i][1] & 0xff, tags[i][1] >> 8 };

      g_byte_array_append (tiff, entry, sizeof entry);
    }
  g_byte_array_append (tiff, (const guint8 *)"\0\0\0\0", 4);
  g_byte_array_set_size (tiff, 400);
  return g_byte_array_free_to_bytes (tiff);
}

/* The same header with its size fields set to 30000 × 30000. */
static GBytes *
with_huge_size (GBytes     *small,
                const char *type)
{
  gsize len;
  guint8 *data = g_memdup2 (g_bytes_get_data (small, &len), g_bytes_get_size (small));
  guint8 le[] = { 0x30, 0x75, 0, 0 }, be[] = { 0, 0, 0x75, 0x30 };

  if (strcmp (type, "image/png") == 0)
    {
      memcpy (data + 16, be, 4);
      memcpy (data + 20, be, 4);
    }
  else if (strcmp (type, "image/gif") == 0)
    {
      memcpy (data + 6, le, 2);
      memcpy (data + 8, le, 2);
      memcpy (data + 24, le, 2);  /* the frame too */
      memcpy (data + 26, le, 2);
    }
  else if (strcmp (type, "image/bmp") == 0)
    {
      memcpy (data + 18, le, 4);
      memcpy (data + 22, le, 4);
    }
  else if (strcmp (type, "image/jpeg") == 0)
    {
      for (gsize i = 2; i + 9 < len; i += 2 + (data[i + 2] << 8 | data[i + 3]))
        if (data[i + 1] == 0xc0 || data[i + 1] == 0xc2)
          {
            memcpy (data + i + 5, be + 2, 2);
            memcpy (data + i + 7, be + 2, 2);
            break;
          }
    }
  return g_bytes_new_take (data, len);
}

/* A complete, valid BMP of @width × @height pixels of one colour in
 * run-length encoding: a few hundred kB for tens of millions of pixels,
 * which a loader would decode whole if it were not stopped. */
static GBytes *
rle_bmp (guint32 width,
         guint32 height)
{
  GByteArray *bmp = g_byte_array_new ();
  guint32 header[] = {
    0, 0, 14 + 40 + 8,                              /* file size, reserved, offset of the pixels */
    40, width, height, 1 | 8 << 16, 1, 0, 2835, 2835, 2, 0,  /* 8 bits, BI_RLE8, 2 colours */
  };
  const guint8 palette[] = { 0xe0, 0x40, 0x20, 0, 0xff, 0xff, 0xff, 0 };

  g_byte_array_append (bmp, (const guint8 *)"BM", 2);
  g_byte_array_append (bmp, (const guint8 *)header, sizeof header);
  g_byte_array_append (bmp, palette, sizeof palette);
  for (guint32 y = 0; y < height; y++)
    {
      for (guint32 x = 0; x < width; x += 255)
        g_byte_array_append (bmp, (const guint8[]) { MIN (255, width - x), 0 }, 2);
      g_byte_array_append (bmp, (const guint8[]) { 0, 0 }, 2);
    }
  g_byte_array_append (bmp, (const guint8[]) { 0, 1 }, 2);
  ((guint32 *)(bmp->data + 2))[0] = GUINT32_TO_LE (bmp->len);
  return g_byte_array_free_to_bytes (bmp);
}

static glong
peak_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_huge_headers_refused (void)
{
  const char *formats[][2] = { { "png", "image/png" }, { "jpeg", "image/jpeg" }, { "bmp", "image/bmp" } };
  g_autoptr(GPtrArray) hostile = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  g_autoptr(GBytes) gif = gif_bytes ();
  glong before = peak_kb ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) small = saved_pixbuf (formats[i][0]);

      g_ptr_array_add (hostile, with_huge_size (small, formats[i][1]));
      g_ptr_array_add (types, (gpointer)formats[i][1]);
    }
  g_ptr_array_add (hostile, with_huge_size (gif, "image/gif"));
  g_ptr_array_add (types, "image/gif");
  g_ptr_array_add (hostile, huge_tiff ());
  g_ptr_array_add (types, "image/tiff");
  g_ptr_array_add (hostile, rle_bmp (7000, 7000));
  g_ptr_array_add (types, "image/bmp");

  for (guint i = 0; i < hostile->len; i++)
    {
      GBytes *bytes = hostile->pdata[i];
      const char *type = types->pdata[i];
      guint width = 0, height = 0;

      g_test_message ("%s", type);
      if (strcmp (type, "image/tiff") != 0)
        {
          g_assert_true (hui_image_pixel_size (bytes, &width, &height));
          g_assert_cmpuint ((guint64)width * height, >, HUI_IMAGE_MAX_PIXELS);
        }
      if (strcmp (type, "image/jpeg") == 0)
        {
          /* libjpeg reads it smaller: no more than print needs. */
          cairo_surface_t *surface = hui_image_decode (bytes, type, TYPE_WIDTH, TYPE_WIDTH);

          g_assert_nonnull (surface);
          g_assert_cmpint (cairo_image_surface_get_width (surface), <=, TYPE_WIDTH * HUI_IMAGE_DPI / 72 + 1);
          g_assert_cmpint (cairo_image_surface_get_height (surface), <=, TYPE_WIDTH * HUI_IMAGE_DPI / 72 + 1);
          cairo_surface_destroy (surface);
          continue;
        }
      g_assert_null (hui_image_decode (bytes, type, TYPE_WIDTH, TYPE_WIDTH));

      /* Laid out and drawn as the framed box with its description. */
      {
        g_autoptr(HuiBulletin) bulletin = bulletin_with_image (bytes, type);
        g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));

        g_assert_cmpuint (count_blue_pixels (pagination), ==, 0);
      }
    }
  g_assert_cmpuint (hui_image_decoded_bytes (), ==, 0);
  /* 30000 × 30000 would be 3.6 GB decoded, 7000 × 7000 196 MB. */
  g_test_message ("peak grew by %ld kB", peak_kb () - before);
  g_assert_cmpint (peak_kb () - before, <, 100 * 1024);
}

/* A BMP like the 7000 × 7000 one decodes when it is within the limit (so
 * the test above shows the limit at work, not a file the loader cannot
 * read); a JPEG photograph over the limit is read smaller instead of
 * dropped, and any image larger than print needs is read at 300 dpi. */
static void
test_large_images_read (void)
{
  g_autoptr(GBytes) bmp = rle_bmp (6000, 6000);
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8000, 5200);
  g_autoptr(GBytes) jpeg = NULL;
  cairo_surface_t *surface;
  char *buffer = NULL;
  gsize size = 0;

  surface = hui_image_decode (bmp, "image/bmp", 6000 * 72.0 / HUI_IMAGE_DPI, 6000 * 72.0 / HUI_IMAGE_DPI);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 6000);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 6000);
  cairo_surface_destroy (surface);

  surface = hui_image_decode (bmp, "image/bmp", 72, 72);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, HUI_IMAGE_DPI);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, HUI_IMAGE_DPI);
  cairo_surface_destroy (surface);

  gdk_pixbuf_fill (photo, BLUE);
  g_assert_true (gdk_pixbuf_save_to_buffer (photo, &buffer, &size, "jpeg", NULL, NULL));
  jpeg = g_bytes_new_take (buffer, size);
  surface = hui_image_decode (jpeg, "image/jpeg", TYPE_WIDTH, TYPE_WIDTH * 52 / 80);
  g_assert_nonnull (surface);
  g_test_message ("8000 × 5200 JPEG read at %d × %d", cairo_image_surface_get_width (surface),
                  cairo_image_surface_get_height (surface));
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int)ceil (TYPE_WIDTH * HUI_IMAGE_DPI / 72));
  g_assert_cmpint (ABS (cairo_image_surface_get_width (surface) * 52 / 80 - cairo_image_surface_get_height (surface)),
                   <=, 1);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (hui_image_decoded_bytes (), ==, 0);
}

/* A file with a great many images: the decoded ones stay within the
 * budget (the rest print as framed boxes) and give it back when freed. */
static void
test_budget (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1000, 1000);
  g_autoptr(GPtrArray) surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  g_autoptr(GBytes) png = NULL;
  cairo_surface_t *surface;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, BLUE);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL));
  png = g_bytes_new_take (buffer, size);

  /* 1000 × 1000 pixels take 3.8 MB: some 130 fit. */
  while ((surface = hui_image_decode (png, "image/png", 240, 240)) != NULL)
    {
      g_ptr_array_add (surfaces, surface);
      g_assert_cmpuint (surfaces->len, <, 1000);
    }
  g_test_message ("%u images decoded, %zu MB", surfaces->len, hui_image_decoded_bytes () >> 20);
  g_assert_cmpuint (hui_image_decoded_bytes (), <=, HUI_IMAGE_BUDGET_KB * (gsize)1024);
  g_assert_cmpuint (hui_image_decoded_bytes () + 4000 * 1024, >, HUI_IMAGE_BUDGET_KB * (gsize)1024);

  g_ptr_array_set_size (surfaces, 0);
  g_assert_cmpuint (hui_image_decoded_bytes (), ==, 0);
  surface = hui_image_decode (png, "image/png", 240, 240);
  g_assert_nonnull (surface);
  cairo_surface_destroy (surface);
}

static GBytes *
read_fixture (const char *first,
              ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_ptr_array_add (parts, (gpointer)g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, "fixtures");
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **)parts->pdata);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  return g_bytes_new_take (contents, size);
}

/* The rich ODT fixture with @picture in place of its chart. */
static GBytes *
odt_with_picture (GBytes *picture)
{
  g_autoptr(GBytes) mimetype = read_fixture ("rich-odt", "mimetype", NULL);
  g_autoptr(GBytes) manifest = read_fixture ("rich-odt", "META-INF", "manifest.xml", NULL);
  g_autoptr(GBytes) content = read_fixture ("rich-odt", "content.xml", NULL);
  HuiTestMember members[] = {
    { "mimetype", mimetype }, { "META-INF/manifest.xml", manifest }, { "content.xml", content },
    { "Pictures/chart.png", picture },
  };

  return hui_test_make_zip (members, G_N_ELEMENTS (members));
}

/* Whether a warning of @report mentions both @a and @b. */
static gboolean
warned (HuiReport  *report,
        const char *a,
        const char *b)
{
  const GPtrArray *warnings = hui_report_get_warnings (report);

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (warnings->pdata[i], a) != NULL && strstr (warnings->pdata[i], b) != NULL)
      return TRUE;
  return FALSE;
}

static HuiBlock *
first_image (HuiReport *report)
{
  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    if (hui_block_get_kind (hui_report_get_block (report, i)) == HUI_BLOCK_IMAGE)
      return hui_report_get_block (report, i);
  return NULL;
}

/* A photograph too large for a project (its data: URI would pass
 * libxml2's 10 MB limit) is stored at the resolution print needs, at the
 * size it prints, and the project opens again; an image that cannot be
 * reduced is left out. Both are said in the report's warnings. */
static void
test_reduced_for_projects (void)
{
  g_autoptr(GdkPixbuf) noise = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 2400);
  g_autoptr(GRand) rand = g_rand_new_with_seed (9704);
  g_autoptr(GBytes) jpeg = NULL, odt = NULL, project = NULL;
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiBulletin) reopened = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (noise);
  gsize n = (gsize)gdk_pixbuf_get_rowstride (noise) * gdk_pixbuf_get_height (noise);
  HuiReport *report;
  HuiBlock *image;
  char *buffer = NULL;
  gsize size = 0;
  double width, height;

  for (gsize i = 0; i < n; i++)
    pixels[i] = (guint8)g_rand_int (rand);
  g_assert_true (gdk_pixbuf_save_to_buffer (noise, &buffer, &size, "jpeg", NULL, "quality", "98", NULL));
  jpeg = g_bytes_new_take (buffer, size);
  g_test_message ("photograph: %.1f MB", size / 1e6);
  g_assert_cmpuint (size, >, HUI_IMAGE_MAX_STORED_BYTES);

  odt = odt_with_picture (jpeg);
  g_assert_true (hui_import_bytes (bulletin, odt, "photo.odt", HUI_IMPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  report = hui_bulletin_get_report (bulletin, 0);
  image = first_image (report);
  g_assert_nonnull (image);
  g_assert_cmpuint (g_bytes_get_size (hui_block_get_image_data (image)), <=, HUI_IMAGE_MAX_STORED_BYTES);
  g_assert_cmpstr (hui_block_get_image_type (image), ==, "image/jpeg");
  /* Printed as the document said (6 cm × 3 cm), at 300 dpi. */
  hui_block_get_image_size (image, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 6 * 72 / 2.54, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 3 * 72 / 2.54, 0.01);
  {
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
    GdkPixbuf *stored;

    g_assert_true (gdk_pixbuf_loader_write_bytes (loader, hui_block_get_image_data (image), NULL));
    g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
    stored = gdk_pixbuf_loader_get_pixbuf (loader);
    /* 3000 × 2400 printed 6 × 3 cm: 709 pixels across, 567 down. */
    g_assert_cmpint (gdk_pixbuf_get_width (stored), ==, (int)ceil (width * HUI_IMAGE_DPI / 72));
    g_assert_cmpint (gdk_pixbuf_get_height (stored), ==, (int)ceil (width * HUI_IMAGE_DPI / 72 * 2400 / 3000));
  }
  g_assert_true (warned (report, "服务站数量变化", "resolution print needs"));
  project = hui_project_serialize (bulletin);
  reopened = hui_project_parse (project, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (hui_block_get_image_data (first_image (hui_bulletin_get_report (reopened, 0))),
                                hui_block_get_image_data (image)));

  /* Bytes that cannot be read as the picture they claim to be: left out. */
  {
    g_autoptr(HuiBulletin) other = hui_bulletin_new ();
    g_autoptr(GBytes) broken = NULL;
    g_autoptr(GBytes) broken_odt = NULL;
    guint8 *data = g_malloc (HUI_IMAGE_MAX_STORED_BYTES + 1);

    memset (data, 0, HUI_IMAGE_MAX_STORED_BYTES + 1);
    memcpy (data, "\x89PNG\r\n\x1a\n", 8);
    broken = g_bytes_new_take (data, HUI_IMAGE_MAX_STORED_BYTES + 1);
    broken_odt = odt_with_picture (broken);
    g_assert_true (hui_import_bytes (other, broken_odt, "broken.odt", HUI_IMPORT_FLAGS_NONE, &error));
    g_assert_no_error (error);
    g_assert_null (first_image (hui_bulletin_get_report (other, 0)));
    g_assert_true (warned (hui_bulletin_get_report (other, 0), "服务站数量变化", "left out"));
  }
}

/* Formats that could pull in other files or run code are never handed
 * to a loader, whatever the bytes say. */
static void
test_other_formats_not_decoded (void)
{
  static const char svg_text[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                                 "<image href=\"file:///etc/passwd\"/></svg>";
  g_autoptr(GBytes) svg = g_bytes_new_static (svg_text, strlen (svg_text));
  g_autoptr(GBytes) png = saved_pixbuf ("png");

  g_assert_null (hui_image_decode (svg, "image/svg+xml", 100, 100));
  g_assert_null (hui_image_decode (png, "image/x-emf", 100, 100));
  g_assert_null (hui_image_decode (png, NULL, 100, 100));
  /* Bytes that are not what the type says. */
  g_assert_null (hui_image_decode (png, "image/jpeg", 100, 100));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/images/formats-drawn", test_formats_drawn);
  g_test_add_func ("/images/jpeg-embedded-as-is", test_jpeg_embedded_as_is);
  g_test_add_func ("/images/huge-headers-refused", test_huge_headers_refused);
  g_test_add_func ("/images/large-images-read", test_large_images_read);
  g_test_add_func ("/images/budget", test_budget);
  g_test_add_func ("/images/reduced-for-projects", test_reduced_for_projects);
  g_test_add_func ("/images/other-formats-not-decoded", test_other_formats_not_decoded);

  return g_test_run ();
}

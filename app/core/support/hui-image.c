/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-image"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "hui-image-private.h"

/* Images inside reports: what they are, how big, and their pixels for the
 * paginator and the exporters. */

/* The MIME type of image data, from its first bytes or else from the
 * extension of @name; NULL when neither tells. */
const char *
hui_image_type (GBytes     *data,
                const char *name)
{
  static const struct { const char *magic; gsize len; const char *type; } magics[] = {
    { "\x89PNG\r\n\x1a\n", 8, "image/png" },
    { "\xff\xd8\xff", 3, "image/jpeg" },
    { "GIF8", 4, "image/gif" },
    { "BM", 2, "image/bmp" },
    { "II*\0", 4, "image/tiff" },
    { "MM\0*", 4, "image/tiff" },
  };
  static const struct { const char *ext; const char *type; } exts[] = {
    { ".emf", "image/x-emf" }, { ".wmf", "image/x-wmf" }, { ".svg", "image/svg+xml" },
  };
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (len >= magics[i].len && memcmp (bytes, magics[i].magic, magics[i].len) == 0)
      return magics[i].type;
  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (exts); i++)
    if (g_str_has_suffix (lower, exts[i].ext))
      return exts[i].type;
  return NULL;
}

static guint
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint
le16 (const guint8 *p)
{
  return (p[1] << 8) | p[0];
}

static gint32
le32 (const guint8 *p)
{
  return (gint32)((guint32)p[3] << 24 | (guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0]);
}

/* The pixel size of a PNG, JPEG, GIF or BMP from its header, without
 * decoding it. */
gboolean
hui_image_pixel_size (GBytes *data,
                      guint  *width,
                      guint  *height)
{
  gsize len;
  const guint8 *p = g_bytes_get_data (data, &len);

  if (len >= 24 && memcmp (p, "\x89PNG", 4) == 0)
    {
      *width = (p[16] << 24) | (p[17] << 16) | (p[18] << 8) | p[19];
      *height = (p[20] << 24) | (p[21] << 16) | (p[22] << 8) | p[23];
      return *width > 0 && *height > 0;
    }
  if (len >= 4 && p[0] == 0xFF && p[1] == 0xD8)
    {
      /* Walk the markers to the start of frame (SOF0–SOF15 but DHT, JPG, DAC). */
      for (gsize i = 2; i + 9 < len;)
        {
          guint8 marker;

          if (p[i] != 0xFF)
            return FALSE;
          marker = p[i + 1];
          if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            {
              *height = be16 (p + i + 5);
              *width = be16 (p + i + 7);
              return *width > 0 && *height > 0;
            }
          i += 2 + be16 (p + i + 2);
        }
    }
  if (len >= 10 && memcmp (p, "GIF8", 4) == 0)
    {
      *width = le16 (p + 6);
      *height = le16 (p + 8);
      return *width > 0 && *height > 0;
    }
  if (len >= 26 && memcmp (p, "BM", 2) == 0)
    {
      /* An OS/2 core header has 16-bit sizes; the others 32-bit, the
       * height negative for rows stored top-down. */
      gboolean core = le32 (p + 14) == 12;
      gint32 w = core ? (gint32)le16 (p + 18) : le32 (p + 18);
      gint32 h = core ? (gint32)le16 (p + 20) : le32 (p + 22);

      *width = w > 0 ? (guint)w : 0;
      *height = h == G_MININT32 ? 0 : (guint)ABS (h);
      return *width > 0 && *height > 0;
    }
  return FALSE;
}

/* Decoded images alive in the process, in kB: the pixels of every image
 * of every report laid out, for the preview and for exports. */
static int decoded_kb;
static const cairo_user_data_key_t budget_key;

typedef struct {
  const char *type;
  double      max_width;  /* pixels enough to print it at HUI_IMAGE_DPI */
  double      max_height;
  gboolean    budgeted;   /* kept for drawing, so counted in the budget */
  int         reserved_kb;
} Request;

static void
release_budget (void *data)
{
  g_atomic_int_add (&decoded_kb, -GPOINTER_TO_INT (data));
}

/* Runs before the loader allocates the image: asks for no more pixels
 * than print needs, and for none (the size zero stops the loader) when
 * the image is damaged, over the budget, or over HUI_IMAGE_MAX_PIXELS in a
 * format whose loader decodes the whole image before scaling it (libjpeg
 * scales while decoding, so a large JPEG is only read smaller). */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Request *request = user_data;
  double scale;
  int kb;

  if (width <= 0 || height <= 0 ||
      ((guint64)width * height > HUI_IMAGE_MAX_PIXELS && strcmp (request->type, "image/jpeg") != 0))
    {
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  /* Enough for both directions of an image printed out of its
   * proportions, never more than it has. */
  scale = MIN (1, MAX (request->max_width / width, request->max_height / height));
  width = MAX (1, (int)ceil (width * scale));
  height = MAX (1, (int)ceil (height * scale));
  kb = (int)MIN ((guint64)width * height * 4 / 1024 + 1, G_MAXINT / 4);
  if (request->budgeted && g_atomic_int_add (&decoded_kb, kb) + kb > HUI_IMAGE_BUDGET_KB)
    {
      g_atomic_int_add (&decoded_kb, -kb);
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  if (request->budgeted)
    request->reserved_kb = kb;
  if (scale < 1)
    gdk_pixbuf_loader_set_size (loader, width, height);
}

static guint
premultiply (guint colour,
             guint alpha)
{
  return (colour * alpha + 127) / 255;
}

/* cairo keeps native-endian 32-bit pixels with colours premultiplied by
 * alpha; gdk-pixbuf keeps RGB(A) bytes. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_format_t format = gdk_pixbuf_get_has_alpha (pixbuf) ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
  cairo_surface_t *surface = cairo_image_surface_create (format, width, height);
  guint8 *data;
  int data_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  data_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *src = pixels + (gsize)y * stride;
      guint32 *dst = (guint32 *)(data + (gsize)y * data_stride);

      for (int x = 0; x < width; x++, src += channels)
        {
          guint alpha = channels == 4 ? src[3] : 255;

          dst[x] = alpha << 24 | premultiply (src[0], alpha) << 16 |
                   premultiply (src[1], alpha) << 8 | premultiply (src[2], alpha);
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The loader is chosen by the type, not by sniffing, so bytes claiming
 * to be a PNG are only ever read as one; formats that could follow links
 * (SVG) or that gdk-pixbuf cannot read (EMF, WMF) are never handed over. */
static GdkPixbuf *
load_pixbuf (GBytes  *data,
             Request *request)
{
  static const char * const decodable[] = {
    "image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff", NULL
  };
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;

  if (request->type == NULL || !g_strv_contains (decodable, request->type))
    return NULL;
  loader = gdk_pixbuf_loader_new_with_mime_type (request->type, NULL);
  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), request);

  /* A loader whose write failed has closed itself. */
  if (!gdk_pixbuf_loader_write_bytes (loader, data, NULL) || !gdk_pixbuf_loader_close (loader, NULL))
    return NULL;
  /* Checked again in case a loader did not heed the size asked. */
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL ||
      (guint64)gdk_pixbuf_get_width (pixbuf) * gdk_pixbuf_get_height (pixbuf) > HUI_IMAGE_MAX_PIXELS)
    return NULL;
  return g_object_ref (pixbuf);
}

/* The same image in several places (an office's emblem in each of its
 * reports) goes into a PDF once: cairo shares surfaces with one id. */
static void
set_unique_id (cairo_surface_t *surface,
               GBytes          *data)
{
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  char *id = g_strdup_printf ("%s-%dx%d", checksum, cairo_image_surface_get_width (surface),
                              cairo_image_surface_get_height (surface));

  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID, (const unsigned char *)id, strlen (id),
                               g_free, id);
}

/* The pixels of a PNG, JPEG, GIF, BMP or TIFF to be printed @width by
 * @height points, with HUI_IMAGE_DPI across and down (a large image is read
 * smaller, never a small one enlarged). NULL for other formats, for damaged data,
 * for a header over HUI_IMAGE_MAX_PIXELS (but JPEG) and once the decoded
 * images alive reach HUI_IMAGE_BUDGET_KB. A JPEG keeps its bytes on the
 * surface: a PDF embeds them as they are, whatever size the surface was
 * read at. */
cairo_surface_t *
hui_image_decode (GBytes     *data,
                  const char *type,
                  double      width,
                  double      height)
{
  Request request = { type, width * HUI_IMAGE_DPI / 72, height * HUI_IMAGE_DPI / 72, TRUE, 0 };
  g_autoptr(GdkPixbuf) pixbuf = load_pixbuf (data, &request);
  cairo_surface_t *surface = pixbuf ? surface_from_pixbuf (pixbuf) : NULL;

  if (surface != NULL && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&surface, cairo_surface_destroy);
  if (surface == NULL)
    {
      release_budget (GINT_TO_POINTER (request.reserved_kb));
      return NULL;
    }

  cairo_surface_set_user_data (surface, &budget_key, GINT_TO_POINTER (request.reserved_kb), release_budget);
  set_unique_id (surface, data);
  if (strcmp (type, "image/jpeg") == 0)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (data, NULL),
                                 g_bytes_get_size (data), (cairo_destroy_func_t)g_bytes_unref,
                                 g_bytes_ref (data));
  return surface;
}

/* An image too large for a project (HUI_IMAGE_MAX_STORED_BYTES) saved
 * again at the resolution print needs for @width by @height points: as
 * JPEG, or PNG when it has transparency (then JPEG on white if the PNG is
 * still too large). NULL when it cannot be read or made small enough;
 * *@new_type is the new data's type. */
GBytes *
hui_image_reduce (GBytes      *data,
                  const char  *type,
                  double       width,
                  double       height,
                  const char **new_type)
{
  Request request = { type, width * HUI_IMAGE_DPI / 72, height * HUI_IMAGE_DPI / 72, FALSE, 0 };
  g_autoptr(GdkPixbuf) pixbuf = load_pixbuf (data, &request);
  char *buffer = NULL;
  gsize size = 0;

  if (pixbuf == NULL)
    return NULL;
  if (gdk_pixbuf_get_has_alpha (pixbuf))
    {
      g_autoptr(GdkPixbuf) flat = NULL;

      if (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL) &&
          size <= HUI_IMAGE_MAX_STORED_BYTES)
        {
          *new_type = "image/png";
          return g_bytes_new_take (buffer, size);
        }
      g_clear_pointer (&buffer, g_free);
      flat = gdk_pixbuf_composite_color_simple (pixbuf, gdk_pixbuf_get_width (pixbuf),
                                                gdk_pixbuf_get_height (pixbuf), GDK_INTERP_NEAREST,
                                                255, 64, 0xffffffff, 0xffffffff);
      if (flat == NULL)
        return NULL;
      g_set_object (&pixbuf, flat);
    }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", NULL, "quality", "90", NULL) ||
      size > HUI_IMAGE_MAX_STORED_BYTES)
    {
      g_free (buffer);
      return NULL;
    }
  *new_type = "image/jpeg";
  return g_bytes_new_take (buffer, size);
}

/* For tests and diagnostics: the memory decoded images take now. */
gsize
hui_image_decoded_bytes (void)
{
  return (gsize)g_atomic_int_get (&decoded_kb) * 1024;
}

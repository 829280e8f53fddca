/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Images are decoded at the resolution print needs. One whose header
 * claims more than HUI_IMAGE_MAX_PIXELS (160 MB decoded) is not decoded at
 * all unless its loader can read it smaller (JPEG), and all the images
 * decoded at once take at most HUI_IMAGE_BUDGET_KB (some fifty photographs
 * printed across the type area): beyond either an image prints as a
 * framed box with its description, so that neither a small file claiming
 * a huge size nor a file with thousands of images can eat the memory. */
#define HUI_IMAGE_DPI 300
#define HUI_IMAGE_MAX_PIXELS (40u * 1000 * 1000)
#define HUI_IMAGE_BUDGET_KB (512 * 1024)

/* The largest image a project keeps as it is: stored as a data: URI, it
 * must stay under libxml2's 10 MB limit on an attribute (base64 takes
 * 4/3); a larger one is stored at the resolution print needs. */
#define HUI_IMAGE_MAX_STORED_BYTES (7u * 1000 * 1000)

const char      *hui_image_type       (GBytes      *data,
                                       const char  *name);
gboolean         hui_image_pixel_size (GBytes      *data,
                                       guint       *width,
                                       guint       *height);
cairo_surface_t *hui_image_decode     (GBytes      *data,
                                       const char  *type,
                                       double       width,
                                       double       height);
GBytes          *hui_image_reduce     (GBytes      *data,
                                       const char  *type,
                                       double       width,
                                       double       height,
                                       const char **new_type);

G_END_DECLS

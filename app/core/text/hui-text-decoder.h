/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HUI_TEXT_DECODER_ERROR (hui_text_decoder_error_quark ())

typedef enum {
  HUI_TEXT_DECODER_ERROR_BINARY,    /* NUL bytes or control characters */
  HUI_TEXT_DECODER_ERROR_ENCODING,  /* in no encoding it can read */
} HuiTextDecoderError;

GQuark hui_text_decoder_error_quark (void);

char *hui_text_decoder_decode (const guint8  *data,
                               gsize          length,
                               const char   **encoding,
                               GError       **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hui_text_decode (const guint8  *data,
                       gsize          length,
                       const char   **encoding,
                       GError       **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean hb_set_string       (char       **field,
                              const char  *value);
gsize    hb_count_non_space  (const char  *utf8);
char    *hb_strip_white_space (const char *utf8);
char    *hb_package_path     (const char  *base,
                              const char  *target);
double   hb_length_in_points (const char  *text);

G_END_DECLS

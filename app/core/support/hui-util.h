/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  hui_util_set_string        (char       **field,
                                      const char  *value);
gsize     hui_util_count_non_space   (const char  *utf8);
char     *hui_util_strip_white_space (const char  *utf8);
char     *hui_util_package_path      (const char  *base,
                                      const char  *target);
double    hui_util_length_in_points  (const char  *text);

G_END_DECLS

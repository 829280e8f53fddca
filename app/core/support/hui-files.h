/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes   *hui_files_load      (GFile         *file,
                               gsize          max_size,
                               GCancellable  *cancellable,
                               GError       **error);
gboolean  hui_files_are_same  (GFile         *a,
                               GFile         *b);
gboolean  hui_files_is_regular (GFile        *file,
                                GCancellable *cancellable);

G_END_DECLS

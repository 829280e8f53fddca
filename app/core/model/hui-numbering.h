/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hui_numbering_label_for (guint level,
                               guint number);

G_END_DECLS

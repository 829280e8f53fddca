/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

int      hui_bulletin_splitter_find_toc (GPtrArray    *lines);
gboolean hui_bulletin_splitter_split    (HuiBulletin  *bulletin,
                                         GPtrArray    *lines,
                                         const char   *source,
                                         GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"

G_BEGIN_DECLS

int      hb_bulletin_splitter_find_toc (GPtrArray   *lines);
gboolean hb_bulletin_splitter_split    (HbBulletin  *bulletin,
                                        GPtrArray   *lines,
                                        const char  *source,
                                        GError     **error);

G_END_DECLS

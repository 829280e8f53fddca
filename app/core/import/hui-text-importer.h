/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-import-types.h"
#include "model/hui-bulletin.h"
#include "text/hui-text-lines.h"

G_BEGIN_DECLS

gboolean hui_text_importer_add_report (HuiBulletin  *bulletin,
                                       GPtrArray    *lines,
                                       GPtrArray    *warnings,
                                       const char   *source,
                                       GError      **error);

G_END_DECLS

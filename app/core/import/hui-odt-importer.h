/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "model/hui-bulletin.h"
#include "support/hui-zip-reader.h"

G_BEGIN_DECLS

gboolean hui_odt_importer_import (HuiBulletin   *bulletin,
                                  HuiZipReader  *zip,
                                  const char    *source,
                                  GError       **error);

gboolean hui_odt_importer_is_flat     (xmlDoc       *doc);
gboolean hui_odt_importer_import_flat (HuiBulletin  *bulletin,
                                       xmlDoc       *doc,
                                       const char   *source,
                                       GError      **error);

G_END_DECLS

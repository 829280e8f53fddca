/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "hb-bulletin.h"
#include "hb-zip-reader.h"

G_BEGIN_DECLS

gboolean hb_odt_importer_import (HbBulletin   *bulletin,
                                 HbZipReader  *zip,
                                 const char   *source,
                                 GError      **error);

gboolean hb_odt_importer_is_flat     (xmlDoc       *doc);
gboolean hb_odt_importer_import_flat (HbBulletin   *bulletin,
                                      xmlDoc       *doc,
                                      const char   *source,
                                      GError      **error);

G_END_DECLS

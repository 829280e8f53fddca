/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

gboolean hui_docbook_importer_is_xml (GBytes       *bytes);
gboolean hui_docbook_importer_import (HuiBulletin  *bulletin,
                                      xmlDoc       *doc,
                                      const char   *source,
                                      GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

gboolean hb_docbook_importer_is_xml (GBytes      *bytes);
gboolean hb_docbook_importer_import (HbBulletin  *bulletin,
                                     xmlDoc      *doc,
                                     const char  *source,
                                     GError     **error);

G_END_DECLS

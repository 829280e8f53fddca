/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"

G_BEGIN_DECLS

gboolean hb_docbook_importer_is_xml (GBytes      *bytes);
gboolean hb_docbook_importer_import (HbBulletin  *bulletin,
                                     GBytes      *bytes,
                                     const char  *source,
                                     GError     **error);

G_END_DECLS

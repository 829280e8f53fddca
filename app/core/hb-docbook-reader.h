/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

HbBulletin *hb_docbook_read  (GBytes   *bytes,
                              GError  **error);
HbBulletin *hb_docbook_read_doc (xmlDoc *doc,
                                 GError **error);
xmlDoc     *hb_docbook_parse (GBytes   *bytes,
                              GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS

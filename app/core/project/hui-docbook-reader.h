/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

HuiBulletin *hui_docbook_read  (GBytes   *bytes,
                                GError  **error);
HuiBulletin *hui_docbook_read_doc (xmlDoc *doc,
                                   GError **error);
xmlDoc     *hui_docbook_parse (GBytes   *bytes,
                               GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "model/hui-report.h"

G_BEGIN_DECLS

gboolean  hui_docbook_blocks_is        (xmlNode    *node,
                                        const char *name);
char     *hui_docbook_blocks_text      (xmlNode    *node);
char     *hui_docbook_blocks_note_text (xmlNode    *node,
                                        HuiBlock   *notes);
HuiBlock *hui_docbook_blocks_table     (xmlNode    *table);
void      hui_docbook_blocks_add_image (HuiReport  *report,
                                        xmlNode    *node);

G_END_DECLS

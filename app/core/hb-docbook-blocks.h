/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "hb-report.h"

G_BEGIN_DECLS

gboolean  hb_docbook_is        (xmlNode     *node,
                                const char  *name);
char     *hb_docbook_text      (xmlNode     *node);
char     *hb_docbook_note_text (xmlNode     *node,
                                HbBlock     *notes);
HbBlock  *hb_docbook_table     (xmlNode     *table);
HbBlock  *hb_docbook_image     (xmlNode     *node,
                                char       **problem);
void      hb_docbook_add_image (HbReport    *report,
                                xmlNode     *node);

G_END_DECLS

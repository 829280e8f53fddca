/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"
#include "support/hui-xml-parse.h"

G_BEGIN_DECLS

HuiBulletin *hui_docbook_reader_read     (GBytes  *bytes,
                                          GError **error);
HuiBulletin *hui_docbook_reader_read_doc (xmlDoc  *doc,
                                          GError **error);

G_END_DECLS

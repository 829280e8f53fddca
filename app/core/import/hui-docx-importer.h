/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"
#include "support/hui-zip-reader.h"

G_BEGIN_DECLS

gboolean hui_docx_importer_import (HuiBulletin   *bulletin,
                                   HuiZipReader  *zip,
                                   const char    *source,
                                   GError       **error);

G_END_DECLS

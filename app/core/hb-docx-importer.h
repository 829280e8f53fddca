/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"
#include "hb-zip-reader.h"

G_BEGIN_DECLS

gboolean hb_docx_importer_import (HbBulletin   *bulletin,
                                  HbZipReader  *zip,
                                  const char   *source,
                                  GError      **error);

G_END_DECLS

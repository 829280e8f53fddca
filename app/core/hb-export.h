/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hb-bulletin.h"
#include "hb-page-setup.h"

G_BEGIN_DECLS

typedef enum {
  HB_EXPORT_PDF,
  HB_EXPORT_DOCBOOK,
  HB_EXPORT_ODT,
} HbExportFormat;

gboolean hb_export_format_from_string (const char         *name,
                                       HbExportFormat     *format);
gboolean hb_export_to_file            (HbBulletin         *bulletin,
                                       const HbPageSetup  *setup,
                                       HbExportFormat      format,
                                       GFile              *file,
                                       GCancellable       *cancellable,
                                       GError            **error);

G_END_DECLS

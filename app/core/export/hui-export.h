/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/hui-bulletin.h"
#include "model/hui-page-setup.h"

G_BEGIN_DECLS

typedef enum {
  HUI_EXPORT_PDF,
  HUI_EXPORT_DOCBOOK,
  HUI_EXPORT_ODT,
} HuiExportFormat;

typedef void (*HuiExportProgressFunc) (double   fraction,
                                       gpointer user_data);

gboolean    hui_export_format_from_string    (const char          *name,
                                              HuiExportFormat     *format);
const char *hui_export_format_get_extension  (HuiExportFormat      format);
gboolean    hui_export_format_from_file_name (const char          *file_name,
                                              HuiExportFormat     *format);
gboolean    hui_export_to_file               (HuiBulletin         *bulletin,
                                              const HuiPageSetup  *setup,
                                              HuiExportFormat      format,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);
void        hui_export_to_file_async         (HuiBulletin           *bulletin,
                                              HuiExportFormat        format,
                                              GFile                 *file,
                                              HuiExportProgressFunc  progress,
                                              gpointer               progress_data,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean    hui_export_to_file_finish        (GAsyncResult          *result,
                                              GError               **error);

G_END_DECLS

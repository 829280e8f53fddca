/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hui-import-types.h"
#include "model/hui-bulletin.h"

G_BEGIN_DECLS

gboolean     hui_import_file        (HuiBulletin          *bulletin,
                                     GFile                *file,
                                     HuiImportFlags        flags,
                                     GCancellable         *cancellable,
                                     GError              **error);
gboolean     hui_import_text        (HuiBulletin          *bulletin,
                                     const char           *utf8,
                                     const char           *source_name,
                                     HuiImportFlags        flags,
                                     GError              **error);
gboolean     hui_import_bytes       (HuiBulletin          *bulletin,
                                     GBytes               *bytes,
                                     const char           *source_name,
                                     HuiImportFlags        flags,
                                     GError              **error);
void         hui_import_file_async  (GFile                *file,
                                     HuiImportFlags        flags,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
HuiBulletin *hui_import_file_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

#define HUI_IMPORT_ERROR (hui_import_error_quark ())

typedef enum {
  HUI_IMPORT_ERROR_EMPTY,
  HUI_IMPORT_ERROR_TOO_LARGE,
  HUI_IMPORT_ERROR_BINARY,
  HUI_IMPORT_ERROR_ENCODING,
  HUI_IMPORT_ERROR_NO_TABLE_OF_CONTENTS,
  HUI_IMPORT_ERROR_UNSUPPORTED,
} HuiImportError;

typedef enum {
  HUI_IMPORT_FLAGS_NONE  = 0,
  /* The file is a whole compiled bulletin: split it into its reports
   * following its table of contents. */
  HUI_IMPORT_FLAGS_SPLIT = 1 << 0,
  /* Split the file if it has a table of contents, as a file opened from
   * the file manager or the command line should be. */
  HUI_IMPORT_FLAGS_AUTO_SPLIT = 1 << 1,
} HuiImportFlags;

/* Text files larger than this are refused rather than read: the largest
 * real bulletin is a few MB, and a hostile file must not eat memory. */
#define HUI_IMPORT_MAX_FILE_SIZE (64 * 1024 * 1024)

GQuark    hui_import_error_quark (void);
gboolean  hui_import_file        (HuiBulletin    *bulletin,
                                  GFile         *file,
                                  HuiImportFlags  flags,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  hui_import_bytes       (HuiBulletin    *bulletin,
                                  GBytes        *bytes,
                                  const char    *source_name,
                                  HuiImportFlags  flags,
                                  GError       **error);
void      hui_import_file_async  (GFile               *file,
                                  HuiImportFlags        flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
HuiBulletin *hui_import_file_finish (GAsyncResult  *result,
                                     GError       **error);

G_END_DECLS

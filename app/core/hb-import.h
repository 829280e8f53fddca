/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

#define HB_IMPORT_ERROR (hb_import_error_quark ())

typedef enum {
  HB_IMPORT_ERROR_EMPTY,
  HB_IMPORT_ERROR_TOO_LARGE,
  HB_IMPORT_ERROR_BINARY,
  HB_IMPORT_ERROR_ENCODING,
  HB_IMPORT_ERROR_NO_TABLE_OF_CONTENTS,
  HB_IMPORT_ERROR_UNSUPPORTED,
} HbImportError;

typedef enum {
  HB_IMPORT_FLAGS_NONE  = 0,
  /* The file is a whole compiled bulletin: split it into its reports
   * following its table of contents. */
  HB_IMPORT_FLAGS_SPLIT = 1 << 0,
  /* Split the file if it has a table of contents, as a file opened from
   * the file manager or the command line should be. */
  HB_IMPORT_FLAGS_AUTO_SPLIT = 1 << 1,
} HbImportFlags;

/* Text files larger than this are refused rather than read: the largest
 * real bulletin is a few MB, and a hostile file must not eat memory. */
#define HB_IMPORT_MAX_FILE_SIZE (64 * 1024 * 1024)

GQuark    hb_import_error_quark (void);
gboolean  hb_import_file        (HbBulletin    *bulletin,
                                 GFile         *file,
                                 HbImportFlags  flags,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  hb_import_bytes       (HbBulletin    *bulletin,
                                 GBytes        *bytes,
                                 const char    *source_name,
                                 HbImportFlags  flags,
                                 GError       **error);
void      hb_import_file_async  (GFile               *file,
                                 HbImportFlags        flags,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
HbBulletin *hb_import_file_finish (GAsyncResult  *result,
                                   GError       **error);

G_END_DECLS

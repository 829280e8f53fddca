/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every importer shares with the dispatcher (hui-import.h): its
 * error domain, the flags of an import and the size limit. */

#define HUI_IMPORT_ERROR (hui_import_error_quark ())

typedef enum {
  HUI_IMPORT_ERROR_EMPTY,
  HUI_IMPORT_ERROR_TOO_LARGE,
  HUI_IMPORT_ERROR_BINARY,
  HUI_IMPORT_ERROR_ENCODING,
  HUI_IMPORT_ERROR_NO_TABLE_OF_CONTENTS,
  HUI_IMPORT_ERROR_UNSUPPORTED,
  HUI_IMPORT_ERROR_DAMAGED,    /* a package or its XML is broken */
  HUI_IMPORT_ERROR_UNSAFE,     /* XML declaring entities, a package with a symbolic link */
  HUI_IMPORT_ERROR_PROTECTED,  /* encrypted with a password */
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

/* Files larger than this are refused rather than read: the largest real
 * bulletin is a few MB, and a hostile file must not eat memory. */
#define HUI_IMPORT_MAX_FILE_SIZE (64 * 1024 * 1024)

GQuark hui_import_error_quark (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HuiZipReader HuiZipReader;

#define HUI_ZIP_READER_ERROR (hui_zip_reader_error_quark ())

typedef enum {
  HUI_ZIP_READER_ERROR_INVALID,    /* not a zip, damaged, encrypted, unsafe */
  HUI_ZIP_READER_ERROR_TOO_LARGE,  /* past one of the caps below */
  HUI_ZIP_READER_ERROR_UNSAFE,     /* a member that is a symbolic link */
} HuiZipReaderError;

/* Caps for packages from outside: members are never used as paths. */
#define HUI_ZIP_MAX_ENTRIES      10000
#define HUI_ZIP_MAX_MEMBER_SIZE  (64 * 1024 * 1024)
#define HUI_ZIP_MAX_TOTAL_SIZE   (192 * 1024 * 1024)

GQuark        hui_zip_reader_error_quark (void);
HuiZipReader *hui_zip_reader_open        (GBytes        *bytes,
                                          GError       **error);
gboolean      hui_zip_reader_has         (HuiZipReader  *self,
                                          const char    *name);
GBytes       *hui_zip_reader_read        (HuiZipReader  *self,
                                          const char    *name,
                                          GError       **error);
void          hui_zip_reader_free        (HuiZipReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuiZipReader, hui_zip_reader_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HbZipReader HbZipReader;

/* Caps for packages from outside: members are never used as paths. */
#define HB_ZIP_MAX_ENTRIES      10000
#define HB_ZIP_MAX_MEMBER_SIZE  (64 * 1024 * 1024)
#define HB_ZIP_MAX_TOTAL_SIZE   (192 * 1024 * 1024)

HbZipReader *hb_zip_reader_open  (GBytes       *bytes,
                                  GError      **error);
gboolean     hb_zip_reader_has   (HbZipReader  *self,
                                  const char   *name);
GBytes      *hb_zip_reader_read  (HbZipReader  *self,
                                  const char   *name,
                                  GError      **error);
void         hb_zip_reader_free  (HbZipReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbZipReader, hb_zip_reader_free)

G_END_DECLS

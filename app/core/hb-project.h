/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

#define HB_PROJECT_ERROR (hb_project_error_quark ())

typedef enum {
  HB_PROJECT_ERROR_CORRUPT,
  HB_PROJECT_ERROR_NOT_A_PROJECT,
  HB_PROJECT_ERROR_NEWER_FORMAT,
  HB_PROJECT_ERROR_UNSAFE,
  HB_PROJECT_ERROR_TOO_LARGE,
} HbProjectError;

#define HB_PROJECT_MAX_SIZE (256 * 1024 * 1024)

GQuark      hb_project_error_quark (void);
GBytes     *hb_project_serialize   (HbBulletin    *bulletin);
HbBulletin *hb_project_parse       (GBytes        *bytes,
                                    GError       **error);
gboolean    hb_project_save        (HbBulletin    *bulletin,
                                    GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error);
HbBulletin *hb_project_load        (GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error);
void        hb_project_save_async  (HbBulletin          *bulletin,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean    hb_project_save_finish (GAsyncResult  *result,
                                    GError       **error);
void        hb_project_load_async  (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
HbBulletin *hb_project_load_finish (GAsyncResult  *result,
                                    GError       **error);

G_END_DECLS

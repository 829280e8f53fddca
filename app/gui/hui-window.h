/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "import/hui-import-types.h"

G_BEGIN_DECLS

#define HUI_TYPE_WINDOW (hui_window_get_type ())
G_DECLARE_FINAL_TYPE (HuiWindow, hui_window, HUI, WINDOW, GtkApplicationWindow)

HuiWindow *hui_window_new          (GtkApplication  *application);
void       hui_window_import_files (HuiWindow       *self,
                                    GFile          **files,
                                    guint            n_files,
                                    HuiImportFlags   flags);
void       hui_window_open_project (HuiWindow       *self,
                                    GFile           *file);
gboolean   hui_window_offer_drafts (HuiWindow       *self);
void       hui_window_keep_draft   (HuiWindow       *self);
void       hui_window_request_close_async  (HuiWindow           *self,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean   hui_window_request_close_finish (HuiWindow           *self,
                                            GAsyncResult        *result);

G_END_DECLS

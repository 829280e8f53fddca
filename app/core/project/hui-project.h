/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hui-project-error.h"
#include "model/hui-bulletin.h"

G_BEGIN_DECLS

gboolean     hui_project_is_project_file (GFile                *file,
                                          GCancellable         *cancellable);
GBytes      *hui_project_serialize       (HuiBulletin          *bulletin);
HuiBulletin *hui_project_parse           (GBytes               *bytes,
                                          GError              **error);
gboolean     hui_project_save            (HuiBulletin          *bulletin,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);
HuiBulletin *hui_project_load            (GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);
void         hui_project_save_async      (HuiBulletin          *bulletin,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     hui_project_save_finish     (GAsyncResult         *result,
                                          GError              **error);
void         hui_project_load_async      (GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
HuiBulletin *hui_project_load_finish     (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS

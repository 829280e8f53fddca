/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/hui-bulletin.h"
#include "export/hui-export.h"
#include "import/hui-import.h"
#include "hui-report-view.h"

G_BEGIN_DECLS

#define HUI_TYPE_WINDOW (hui_window_get_type ())
G_DECLARE_FINAL_TYPE (HuiWindow, hui_window, HUI, WINDOW, GtkApplicationWindow)

HuiWindow     *hui_window_new               (GtkApplication   *application);
HuiBulletin   *hui_window_get_bulletin      (HuiWindow        *self);
gboolean       hui_window_get_busy          (HuiWindow        *self);
gboolean       hui_window_get_modified      (HuiWindow        *self);
void           hui_window_import_files      (HuiWindow        *self,
                                             GFile           **files,
                                             guint             n_files,
                                             HuiImportFlags    flags);
void           hui_window_import_files_at   (HuiWindow        *self,
                                             GFile           **files,
                                             guint             n_files,
                                             HuiImportFlags    flags,
                                             guint             position);
void           hui_window_move_report       (HuiWindow        *self,
                                             guint             from,
                                             guint             to);
void           hui_window_save_to           (HuiWindow        *self,
                                             GFile            *file);
void           hui_window_open_project      (HuiWindow        *self,
                                             GFile            *file);
gboolean       hui_window_export_to         (HuiWindow        *self,
                                             GFile            *file,
                                             HuiExportFormat   format,
                                             GError          **error);
guint          hui_window_get_selected      (HuiWindow        *self);
void           hui_window_select            (HuiWindow        *self,
                                             guint             position);
guint          hui_window_get_preview_pages (HuiWindow        *self);
void           hui_window_repaginate_now    (HuiWindow        *self);
GtkWidget     *hui_window_get_close_dialog  (HuiWindow        *self);
gboolean       hui_window_offer_drafts      (HuiWindow        *self);
HuiReportView *hui_window_get_report_view   (HuiWindow        *self);
gboolean       hui_window_find_next         (HuiWindow        *self,
                                             const char       *needle);
guint          hui_window_replace_all       (HuiWindow        *self,
                                             const char       *needle,
                                             const char       *replacement);
gboolean       hui_window_print             (HuiWindow        *self,
                                             const char       *export_to,
                                             GError          **error);

G_END_DECLS

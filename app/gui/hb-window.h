/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hb-bulletin.h"
#include "hb-export.h"
#include "hb-import.h"
#include "hb-report-view.h"

G_BEGIN_DECLS

#define HB_TYPE_WINDOW (hb_window_get_type ())
G_DECLARE_FINAL_TYPE (HbWindow, hb_window, HB, WINDOW, GtkApplicationWindow)

HbWindow   *hb_window_new              (GtkApplication *application);
HbBulletin *hb_window_get_bulletin     (HbWindow       *self);
gboolean    hb_window_get_busy         (HbWindow       *self);
gboolean    hb_window_get_modified     (HbWindow       *self);
void        hb_window_import_files     (HbWindow       *self,
                                        GFile         **files,
                                        guint           n_files,
                                        HbImportFlags   flags);
void        hb_window_import_files_at  (HbWindow       *self,
                                        GFile         **files,
                                        guint           n_files,
                                        HbImportFlags   flags,
                                        guint           position);
void        hb_window_move_report      (HbWindow       *self,
                                        guint           from,
                                        guint           to);
void        hb_window_save_to          (HbWindow       *self,
                                        GFile          *file);
void        hb_window_open_project     (HbWindow       *self,
                                        GFile          *file);
gboolean    hb_window_export_to        (HbWindow       *self,
                                        GFile          *file,
                                        HbExportFormat  format,
                                        GError        **error);
guint       hb_window_get_selected     (HbWindow       *self);
void        hb_window_select           (HbWindow       *self,
                                        guint           position);
guint       hb_window_get_preview_pages (HbWindow      *self);
void        hb_window_repaginate_now   (HbWindow       *self);
GtkWidget  *hb_window_get_close_dialog (HbWindow       *self);
gboolean    hb_window_offer_drafts     (HbWindow       *self);
HbReportView *hb_window_get_report_view (HbWindow      *self);
gboolean    hb_window_find_next        (HbWindow       *self,
                                        const char     *needle);
guint       hb_window_replace_all      (HbWindow       *self,
                                        const char     *needle,
                                        const char     *replacement);
gboolean    hb_window_print            (HbWindow       *self,
                                        const char     *export_to,
                                        GError        **error);

G_END_DECLS

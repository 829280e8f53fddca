/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "export/hui-export.h"
#include "hui-page-preview.h"
#include "hui-report-view.h"
#include "hui-window.h"
#include "layout/hui-paginator.h"
#include "model/hui-bulletin.h"
#include "project/hui-history.h"

G_BEGIN_DECLS

/* HuiWindow spans hui-window.c (the window, its model and views, saving),
 * hui-window-actions.c (the commands) and hui-window-export.c (exports
 * and printing, set on pages in a worker). */
struct _HuiWindow
{
  GtkApplicationWindow  parent_instance;

  HuiBulletin          *bulletin;
  HuiPaginator         *paginator;
  HuiHistory           *history;
  guint                 checkpoint_id;
  GtkSingleSelection   *selection;
  GFile                *file;               /* the project, once saved or opened */
  GFile                *export_file;        /* where the last export went */
  HuiExportFormat       export_format;
  GHashTable           *rows;               /* bound HuiReportRow → position */
  guint                 repaginate_id;
  guint                 busy;
  gboolean              modified;
  guint                *first_pages;
  guint                *page_counts;
  guint                 n_paged;

  char                 *draft_id;           /* this bulletin's draft, once autosaved */
  char                 *offered_draft;      /* a draft left by a crash, offered for restore */
  HuiBulletin          *offered_bulletin;   /* what it holds, read */
  GFile                *offered_project;    /* the project it belongs to, if any */
  GTask                *close_task;         /* of hui_window_request_close_async() */
  guint                 autosave_id;
  GSettings            *settings;           /* NULL when the schema is not installed */
  GMenu                *recent_menu;
  GtkWidget            *close_dialog;       /* asking whether to save before closing */
  gboolean              close_after_save;

  /* Saving: what was written, and what the file on disk was. */
  guint64               n_changes;          /* bumped by every change to the bulletin */
  guint64               saving_changes;     /* n_changes when the save under way began */
  gboolean              saving;
  gboolean              save_again;         /* Ctrl+S pressed while a save was under way */
  GFile                *stamp_file;         /* the file disk_stamp is of */
  char                 *disk_stamp;         /* its etag and size when last read or written */
  GtkWidget            *overwrite_dialog;   /* asking whether to overwrite another program's changes */

  /* Exporting and printing run in a worker; this bar shows their progress. */
  GCancellable         *export_cancellable; /* of the export or print preparation under way */
  GtkInfoBar           *export_bar;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  guint                 pulse_id;           /* while printing's pages are set */

  GtkListView          *report_list;
  HuiReportView        *report_view;
  HuiPagePreview       *preview;
  GtkInfoBar           *info_bar;
  GtkInfoBar           *draft_bar;
  GtkLabel             *draft_label;
  GtkInfoBar           *import_bar;
  GtkLabel             *import_label;
  GCancellable         *import_cancellable; /* of the imports under way */
  guint                 importing;          /* import jobs under way */
  GtkPopover           *report_popover;
  GtkWidget            *preview_pane;
  GtkSearchBar         *search_bar;
  GtkEditable          *find_entry;
  GtkEditable          *replace_entry;
  GtkLabel             *search_status;
  HuiMatch              last_match;
  gboolean              have_match;
  GtkLabel             *info_label;
};

void _hui_window_class_actions_init (GtkWidgetClass *widget_class);
void _hui_window_cancel_import      (HuiWindow      *self);
void _hui_window_cancel_export      (HuiWindow      *self);
void _hui_window_show_error         (HuiWindow      *self,
                                     const char     *message);
void _hui_window_commit_step        (HuiWindow      *self);
void _hui_window_set_busy           (HuiWindow      *self,
                                     gboolean        busy);
void _hui_window_set_bulletin       (HuiWindow      *self,
                                     HuiBulletin    *bulletin);
void _hui_window_forget_draft       (HuiWindow      *self);
void _hui_window_restore_draft      (HuiWindow      *self);
void _hui_window_discard_draft      (HuiWindow      *self);
void _hui_window_cancel_close       (HuiWindow      *self);
void _hui_window_remember_folder    (HuiWindow      *self,
                                     GFile          *file);
void _hui_window_update_title       (HuiWindow      *self);
void _hui_window_remember_disk_stamp (HuiWindow     *self);
void _hui_window_hold_application   (gboolean        hold);
/* Shared by hui-window.c and hui-window-actions.c, and used by the GUI
 * tests to drive the window as its actions do. */
HuiBulletin   *hui_window_get_bulletin      (HuiWindow        *self);
gboolean       hui_window_get_busy          (HuiWindow        *self);
gboolean       hui_window_get_modified      (HuiWindow        *self);
void           hui_window_import_files_at   (HuiWindow        *self,
                                             GFile           **files,
                                             guint             n_files,
                                             HuiImportFlags    flags,
                                             guint             position);
void           hui_window_move_report       (HuiWindow        *self,
                                             guint             from,
                                             guint             to);
void           hui_window_save              (HuiWindow        *self);
void           hui_window_save_to           (HuiWindow        *self,
                                             GFile            *file);
gboolean       hui_window_export_to         (HuiWindow        *self,
                                             GFile            *file,
                                             HuiExportFormat   format);
gboolean       hui_window_get_exporting     (HuiWindow        *self);
void           hui_window_print             (HuiWindow        *self);
guint          hui_window_get_selected      (HuiWindow        *self);
void           hui_window_select            (HuiWindow        *self,
                                             guint             position);
guint          hui_window_get_preview_pages (HuiWindow        *self);
void           hui_window_repaginate_now    (HuiWindow        *self);
GtkWidget     *hui_window_get_close_dialog  (HuiWindow        *self);
HuiReportView *hui_window_get_report_view   (HuiWindow        *self);
gboolean       hui_window_find_next         (HuiWindow        *self,
                                             const char       *needle);
guint          hui_window_replace_all       (HuiWindow        *self,
                                             const char       *needle,
                                             const char       *replacement);
void           hui_window_update_actions    (HuiWindow        *self);

G_END_DECLS

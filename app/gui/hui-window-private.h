/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "project/hui-history.h"
#include "hui-page-preview.h"
#include "layout/hui-paginator.h"
#include "hui-report-view.h"
#include "hui-window.h"

G_BEGIN_DECLS

/* HuiWindow spans hui-window.c (the window, its model and views) and
 * hui-window-actions.c (the commands). */
struct _HuiWindow
{
  GtkApplicationWindow parent_instance;

  HuiBulletin *bulletin;
  HuiPaginator *paginator;
  HuiHistory *history;
  guint checkpoint_id;
  GtkSingleSelection *selection;
  GFile *file;           /* the project, once saved or opened */
  GFile *export_file;    /* where the last export went */
  HuiExportFormat export_format;
  GHashTable *rows;      /* bound HuiReportRow → position */
  guint repaginate_id;
  guint busy;
  gboolean modified;
  guint *first_pages;
  guint *page_counts;
  guint n_paged;

  char *draft_id;          /* this bulletin's draft, once autosaved */
  char *offered_draft;     /* a draft left by a crash, offered for restore */
  guint autosave_id;
  GSettings *settings;      /* NULL when the schema is not installed */
  GMenu *recent_menu;
  GtkWidget *close_dialog; /* asking whether to save before closing */
  gboolean close_after_save;

  GtkListView *report_list;
  HuiReportView *report_view;
  HuiPagePreview *preview;
  GtkInfoBar *info_bar;
  GtkInfoBar *draft_bar;
  GtkInfoBar *import_bar;
  GtkLabel *import_label;
  GCancellable *import_cancellable; /* of the imports under way */
  guint importing;                  /* import jobs under way */
  GtkPopover *report_popover;
  GtkWidget *preview_pane;
  GtkSearchBar *search_bar;
  GtkEditable *find_entry;
  GtkEditable *replace_entry;
  GtkLabel *search_status;
  HuiMatch last_match;
  gboolean have_match;
  GtkLabel *info_label;
};

void _hui_window_class_actions_init (GtkWidgetClass *widget_class);
void _hui_window_cancel_import      (HuiWindow      *self);
void _hui_window_show_error         (HuiWindow      *self,
                                     const char     *message);
void _hui_window_commit_step        (HuiWindow      *self);
void _hui_window_set_busy           (HuiWindow      *self,
                                     gboolean        busy);
void _hui_window_set_bulletin       (HuiWindow      *self,
                                     HuiBulletin    *bulletin);
void _hui_window_forget_draft       (HuiWindow      *self);
void _hui_window_remember_folder    (HuiWindow      *self,
                                     GFile          *file);
void _hui_window_update_title       (HuiWindow      *self);
void hui_window_update_actions      (HuiWindow      *self);

G_END_DECLS

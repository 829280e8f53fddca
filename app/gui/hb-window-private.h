/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-history.h"
#include "hb-page-preview.h"
#include "hb-paginator.h"
#include "hb-report-view.h"
#include "hb-window.h"

G_BEGIN_DECLS

/* HbWindow spans hb-window.c (the window, its model and views) and
 * hb-window-actions.c (the commands). */
struct _HbWindow
{
  GtkApplicationWindow parent_instance;

  HbBulletin *bulletin;
  HbPaginator *paginator;
  HbHistory *history;
  guint checkpoint_id;
  GtkSingleSelection *selection;
  GFile *file;           /* the project, once saved or opened */
  GFile *export_file;    /* where the last export went */
  HbExportFormat export_format;
  GHashTable *rows;      /* bound HbReportRow → position */
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
  HbReportView *report_view;
  HbPagePreview *preview;
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
  HbMatch last_match;
  gboolean have_match;
  GtkLabel *info_label;
};

void _hb_window_class_actions_init (GtkWidgetClass *widget_class);
void _hb_window_cancel_import     (HbWindow       *self);
void _hb_window_show_error        (HbWindow       *self,
                                   const char     *message);
void _hb_window_commit_step       (HbWindow       *self);
void _hb_window_set_busy          (HbWindow       *self,
                                   gboolean        busy);
void _hb_window_set_bulletin      (HbWindow       *self,
                                   HbBulletin     *bulletin);
void _hb_window_forget_draft      (HbWindow       *self);
void _hb_window_remember_folder   (HbWindow       *self,
                                   GFile          *file);
void _hb_window_update_title      (HbWindow       *self);
void hb_window_update_actions     (HbWindow       *self);

G_END_DECLS

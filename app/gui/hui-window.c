/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "export/hui-pdf-exporter.h"
#include "hui-page-preview.h"
#include "hui-properties-dialog.h"
#include "hui-report-row.h"
#include "hui-report-view.h"
#include "hui-window-private.h"
#include "import/hui-import.h"
#include "layout/hui-paginator.h"
#include "project/hui-draft-store.h"
#include "project/hui-history.h"
#include "project/hui-project.h"

/* One window, one bulletin: the reports on the left, the selected report
 * in the centre, the pages as they will print on the right. Every command
 * is a window action; the model knows nothing of the window, which
 * follows the bulletin's ::changed to re-paginate shortly after edits. */

G_DEFINE_FINAL_TYPE (HuiWindow, hui_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Typing stays fluid: the preview follows a moment after the last edit. */
#define REPAGINATE_DELAY_MS 300

/* Changes closer together than this are one step of undo. */
#define CHECKPOINT_DELAY_MS 400

/* A draft is written this long after the first unsaved change. */
#define AUTOSAVE_DELAY_S 5

static void finish_close (HuiWindow *self,
                          gboolean   closed);

void
_hui_window_show_error (HuiWindow  *self,
                        const char *message)
{
  /* The GUI tests read what the user was told here. */
  g_debug ("Shown to the user: %s", message);
  gtk_label_set_label (self->info_label, message);
  gtk_info_bar_set_revealed (self->info_bar, TRUE);
  /* The save the close prompt asked for failed. */
  if (self->close_after_save)
    _hui_window_cancel_close (self);
}

static void
info_bar_response_cb (HuiWindow *self,
                      int        response)
{
  gtk_info_bar_set_revealed (self->info_bar, FALSE);
}

/* The schema may be missing when running uninstalled without
 * GSETTINGS_SCHEMA_DIR; the editor then simply forgets between runs. */
static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
update_recent_menu (HuiWindow *self)
{
  g_auto(GStrv) uris = self->settings ? g_settings_get_strv (self->settings, "recent-projects") : NULL;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Most recent first, ten at most, no duplicates. */
static void
remember_project (HuiWindow *self,
                  GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-projects");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < 10; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *)uris);
  update_recent_menu (self);
}

void
_hui_window_remember_folder (HuiWindow *self,
                             GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

  if (self->settings != NULL && uri != NULL)
    g_settings_set_string (self->settings, "last-folder", uri);
}

void
_hui_window_update_title (HuiWindow *self)
{
  g_autofree char *name = self->file ? g_file_get_basename (self->file) : g_strdup (_("Untitled Bulletin"));
  g_autofree char *title = g_strdup_printf ("%s%s — %s", self->modified ? "*" : "", name, _("Huibian"));

  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
hui_window_update_actions (HuiWindow *self)
{
  guint n = hui_bulletin_get_n_reports (self->bulletin);
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean have = selected != GTK_INVALID_LIST_POSITION;
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-up", have && selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-down", have && selected + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-report", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-report", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-next", have && selected + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.split-report", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->checkpoint_id != 0 || hui_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", hui_history_can_redo (self->history));
  /* One export or print at a time: each sets every page. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", n > 0 && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", n > 0 && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-format", n > 0 && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-as", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", exporting);
}

static void
refresh_row (gpointer key,
             gpointer value,
             gpointer user_data)
{
  HuiWindow *self = user_data;
  guint position = GPOINTER_TO_UINT (value);

  if (position < self->n_paged)
    hui_report_row_set_pages (key, self->first_pages[position], self->page_counts[position]);
  else
    hui_report_row_set_pages (key, 0, 0);
}

void
hui_window_repaginate_now (HuiWindow *self)
{
  HuiPagination *pagination;

  g_return_if_fail (HUI_IS_WINDOW (self));

  g_clear_handle_id (&self->repaginate_id, g_source_remove);
  pagination = hui_paginator_paginate (self->paginator);

  g_free (self->first_pages);
  g_free (self->page_counts);
  self->n_paged = pagination->n_reports;
  self->first_pages = g_memdup2 (pagination->first_pages, sizeof (guint) * MAX (1, self->n_paged));
  self->page_counts = g_memdup2 (pagination->page_counts, sizeof (guint) * MAX (1, self->n_paged));
  g_hash_table_foreach (self->rows, refresh_row, self);
  hui_page_preview_set_pagination (self->preview, pagination);
}

static gboolean
repaginate_cb (gpointer data)
{
  HuiWindow *self = data;

  self->repaginate_id = 0;
  hui_window_repaginate_now (self);
  return G_SOURCE_REMOVE;
}

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HuiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hui_draft_store_save_finish (HUI_DRAFT_STORE (object), result, &error))
    g_warning ("Could not save a draft: %s", error->message);
}

/* Whether closing now would lose something: changes not saved to the
 * project, in a bulletin that has something in it. */
static gboolean
has_unsaved_work (HuiWindow *self)
{
  return self->modified && hui_bulletin_get_n_reports (self->bulletin) > 0;
}

/* The window's draft, made (and locked as this window's) on first use. */
static gboolean
ensure_draft_id (HuiWindow  *self,
                 GError    **error)
{
  if (self->draft_id == NULL)
    self->draft_id = hui_draft_store_new_id (hui_draft_store_get_default (), error);
  return self->draft_id != NULL;
}

static gboolean
autosave_cb (gpointer data)
{
  HuiWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  if (!has_unsaved_work (self))
    return G_SOURCE_REMOVE;

  if (!ensure_draft_id (self, &error))
    g_warning ("Could not save a draft: %s", error->message);
  else
    hui_draft_store_save_async (hui_draft_store_get_default (), self->draft_id, self->bulletin,
                                self->file, NULL, draft_saved_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Writes the draft now rather than in a few seconds: before a prompt
 * the user may leave unanswered, and when the process is told to end. */
static void
save_draft_now (HuiWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!has_unsaved_work (self))
    return;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!ensure_draft_id (self, &error) ||
      !hui_draft_store_save (hui_draft_store_get_default (), self->draft_id, self->bulletin, self->file, &error))
    g_warning ("Could not save a draft: %s", error->message);
}

/* The process is about to end without asking: the unsaved work is kept
 * as a draft, offered at the next start. */
void
hui_window_keep_draft (HuiWindow *self)
{
  g_return_if_fail (HUI_IS_WINDOW (self));

  save_draft_now (self);
}

static guint
autosave_delay (void)
{
  const char *override = g_getenv ("HUI_AUTOSAVE_SECONDS");

  return override ? (guint)g_ascii_strtoull (override, NULL, 10) : AUTOSAVE_DELAY_S;
}

/* The saved project now holds everything: the draft is not needed. */
void
_hui_window_forget_draft (HuiWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  hui_draft_store_delete (hui_draft_store_get_default (), self->draft_id);
  g_clear_pointer (&self->draft_id, g_free);
}

/* Ends the current undo step: typing is grouped by time, but each
 * command (a move, an import) is a step of its own. */
void
_hui_window_commit_step (HuiWindow *self)
{
  /* A checkpoint serialises the whole bulletin: only worth it when a
   * change is pending (every change schedules one). */
  if (self->checkpoint_id != 0)
    {
      g_clear_handle_id (&self->checkpoint_id, g_source_remove);
      hui_history_checkpoint (self->history);
    }
  hui_window_update_actions (self);
}

static gboolean
checkpoint_cb (gpointer data)
{
  HuiWindow *self = data;

  self->checkpoint_id = 0;
  hui_history_checkpoint (self->history);
  hui_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
bulletin_changed_cb (HuiWindow *self)
{
  self->n_changes++;
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  self->checkpoint_id = g_timeout_add (CHECKPOINT_DELAY_MS, checkpoint_cb, self);
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (autosave_delay (), autosave_cb, self);
  self->modified = TRUE;
  _hui_window_update_title (self);
  hui_window_update_actions (self);
  if (self->repaginate_id == 0)
    self->repaginate_id = g_timeout_add (REPAGINATE_DELAY_MS, repaginate_cb, self);
}

static void
selection_changed_cb (HuiWindow *self)
{
  hui_report_view_set_report (self->report_view,
                              gtk_single_selection_get_selected_item (self->selection));
  hui_window_update_actions (self);
}

static guint
row_position (HuiWindow *self,
              GtkWidget *row)
{
  gpointer position;

  if (!g_hash_table_lookup_extended (self->rows, row, NULL, &position))
    return GTK_INVALID_LIST_POSITION;
  return GPOINTER_TO_UINT (position);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 HuiWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  guint position = row_position (self, row);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, position);
}

static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             HuiWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint to = row_position (self, row);

  if (to == GTK_INVALID_LIST_POSITION)
    return FALSE;
  hui_window_move_report (self, g_value_get_uint (value), to);
  return TRUE;
}

/* Rows can be dragged onto other rows to reorder the bulletin. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HuiWindow                *self)
{
  HuiReportRow *row = hui_report_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (target));
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

/* Files dropped from a file manager are imported where they land. */
static gboolean
files_dropped_cb (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  HuiWindow     *self)
{
  GSList *files = g_value_get_boxed (value);
  GtkWidget *list = GTK_WIDGET (self->report_list);
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  guint position = G_MAXUINT;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  for (; picked != NULL && picked != list; picked = gtk_widget_get_parent (picked))
    if (HUI_IS_REPORT_ROW (picked))
      {
        position = row_position (self, picked);
        break;
      }
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  hui_window_import_files_at (self, (GFile **)array->pdata, array->len, HUI_IMPORT_FLAGS_AUTO_SPLIT, position);
  return TRUE;
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HuiWindow                *self)
{
  HuiReportRow *row = HUI_REPORT_ROW (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);

  hui_report_row_set_report (row, gtk_list_item_get_item (item));
  g_hash_table_insert (self->rows, row, GUINT_TO_POINTER (position));
  refresh_row (row, GUINT_TO_POINTER (position), self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HuiWindow                *self)
{
  HuiReportRow *row = HUI_REPORT_ROW (gtk_list_item_get_child (item));

  /* Rows are unbound while the window is disposed too. */
  if (self->rows != NULL)
    g_hash_table_remove (self->rows, row);
  hui_report_row_set_report (row, NULL);
}

/* Replaces the window's bulletin, as New and Open do. */
void
_hui_window_set_bulletin (HuiWindow   *self,
                          HuiBulletin *bulletin)
{
  if (self->bulletin != NULL)
    g_signal_handlers_disconnect_by_func (self->bulletin, bulletin_changed_cb, self);
  g_set_object (&self->bulletin, bulletin);
  g_clear_object (&self->paginator);
  self->paginator = hui_paginator_new (bulletin);
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  g_clear_object (&self->history);
  self->history = hui_history_new (bulletin);
  gtk_single_selection_set_model (self->selection, hui_bulletin_get_reports (bulletin));
  g_signal_connect_swapped (bulletin, "changed", G_CALLBACK (bulletin_changed_cb), self);
  self->modified = FALSE;
  _hui_window_update_title (self);
  hui_window_update_actions (self);
  hui_window_repaginate_now (self);
}

void
_hui_window_set_busy (HuiWindow *self,
                      gboolean   busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->busy ? "progress" : NULL);
}

/* Files imported in one go, one after the other so that their reports
 * keep the order of the files, inserted at @position (or appended). */
typedef struct {
  HuiWindow      *self;
  GPtrArray      *files;
  guint           next;
  guint           position;
  HuiImportFlags  flags;
  GCancellable   *cancellable;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->self);
  g_ptr_array_unref (job->files);
  g_object_unref (job->cancellable);
  g_free (job);
}

/* The bar that says what is being imported, with a Cancel button. */
static void
show_importing (HuiWindow *self,
                GFile     *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *text = NULL;

  gtk_info_bar_set_revealed (self->import_bar, file != NULL);
  if (file == NULL)
    return;
  text = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->import_label, text);
}

/* Stops the imports under way: the file being read is dropped when its
 * thread returns, and the files after it are not read. */
void
_hui_window_cancel_import (HuiWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  show_importing (self, NULL);
}

static void import_next (ImportJob *job);

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportJob *job = user_data;
  HuiWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) imported = hui_import_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    job->next = job->files->len;  /* the rest is not read either */
  else if (imported == NULL)
    _hui_window_show_error (self, error->message);
  else
    {
      _hui_window_commit_step (self);
      guint n = hui_bulletin_merge (self->bulletin, imported, job->position);

      if (job->position != G_MAXUINT)
        job->position += n;
      _hui_window_commit_step (self);
      if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, 0);
    }

  import_next (job);
}

static void
import_next (ImportJob *job)
{
  HuiWindow *self = job->self;

  if (job->next >= job->files->len)
    {
      _hui_window_set_busy (self, FALSE);
      if (--self->importing == 0)
        show_importing (self, NULL);
      import_job_free (job);
      return;
    }

  if (!g_cancellable_is_cancelled (job->cancellable))
    show_importing (self, job->files->pdata[job->next]);
  hui_import_file_async (job->files->pdata[job->next++], job->flags, job->cancellable, imported_cb, job);
}

/* Each file is read and parsed off the main loop; its reports arrive in
 * the list when it is done, and a file that cannot be read is reported
 * without touching the rest. @position is where the reports go
 * (G_MAXUINT: at the end). */
void
hui_window_import_files_at (HuiWindow       *self,
                            GFile          **files,
                            guint            n_files,
                            HuiImportFlags   flags,
                            guint            position)
{
  ImportJob *job;

  g_return_if_fail (HUI_IS_WINDOW (self));

  if (n_files == 0)
    return;

  job = g_new0 (ImportJob, 1);
  job->self = g_object_ref (self);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->position = position;
  job->flags = flags;
  if (self->import_cancellable == NULL)
    self->import_cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->import_cancellable);
  self->importing++;
  _hui_window_set_busy (self, TRUE);
  import_next (job);
}

void
hui_window_import_files (HuiWindow       *self,
                         GFile          **files,
                         guint            n_files,
                         HuiImportFlags   flags)
{
  hui_window_import_files_at (self, files, n_files, flags, G_MAXUINT);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HuiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = hui_project_load_finish (result, &error);
  GFile *file = g_task_get_task_data (G_TASK (result));

  _hui_window_set_busy (self, FALSE);
  if (bulletin == NULL)
    {
      _hui_window_show_error (self, error->message);
      return;
    }

  g_set_object (&self->file, file);
  _hui_window_set_bulletin (self, bulletin);
  gtk_single_selection_set_selected (self->selection, 0);
  remember_project (self, file);
  _hui_window_remember_disk_stamp (self);
}

void
hui_window_open_project (HuiWindow *self,
                         GFile     *file)
{
  g_return_if_fail (HUI_IS_WINDOW (self));

  _hui_window_set_busy (self, TRUE);
  hui_project_load_async (file, NULL, opened_cb, g_object_ref (self));
}

/* What tells one version of the project file from another: GIO's etag
 * (the modification time, to the microsecond, for local files) and the
 * size. */
#define STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

static char *
stamp_of (GFileInfo *info)
{
  return g_strdup_printf ("%s %" G_GOFFSET_FORMAT,
                          g_file_info_get_etag (info) ?: "", g_file_info_get_size (info));
}

static void
stamp_queried_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HuiWindow) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);

  /* Another file may have been opened meanwhile. */
  if (self->file == NULL || !g_file_equal (self->file, G_FILE (object)))
    return;
  g_clear_pointer (&self->disk_stamp, g_free);
  g_set_object (&self->stamp_file, self->file);
  if (info != NULL)
    self->disk_stamp = stamp_of (info);
}

/* Notes the project file as it is now on disk (just opened or saved), to
 * tell later whether another program changed it. */
void
_hui_window_remember_disk_stamp (HuiWindow *self)
{
  g_clear_pointer (&self->disk_stamp, g_free);
  g_clear_object (&self->stamp_file);
  if (self->file != NULL)
    g_file_query_info_async (self->file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                             G_PRIORITY_DEFAULT, NULL, stamp_queried_cb, g_object_ref (self));
}

/* Keeps the application running until the file is written, so that
 * closing the last window does not cut a save or an export short. */
void
_hui_window_hold_application (gboolean hold)
{
  GApplication *application = g_application_get_default ();

  if (application == NULL)
    return;
  if (hold)
    g_application_hold (application);
  else
    g_application_release (application);
}

static void start_save (HuiWindow *self);

/* The bulletin is saved only when nothing changed while it was being
 * written: edits made meanwhile stay unsaved, with their draft. */
static void
finish_save (HuiWindow *self)
{
  g_debug ("Saved revision %" G_GUINT64_FORMAT "; the bulletin is at %" G_GUINT64_FORMAT,
           self->saving_changes, self->n_changes);
  if (self->n_changes == self->saving_changes)
    {
      self->modified = FALSE;
      _hui_window_forget_draft (self);
    }
  _hui_window_update_title (self);
  remember_project (self, self->file);
  _hui_window_remember_disk_stamp (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HuiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean again = self->save_again;

  self->saving = FALSE;
  self->save_again = FALSE;
  _hui_window_set_busy (self, FALSE);
  _hui_window_hold_application (FALSE);
  if (!hui_project_save_finish (result, &error))
    {
      /* Also calls off a close that waited for this save. */
      _hui_window_show_error (self, error->message);
      return;
    }
  finish_save (self);
  if (again)
    start_save (self);
  else if (self->close_after_save && !self->modified)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (self->close_after_save)
    /* Edited while it was written: the window stays, with the edits. */
    _hui_window_cancel_close (self);
}

/* The project is serialised now, on this thread, and written in the
 * background; n_changes says which version of the bulletin that is. */
static void
start_save (HuiWindow *self)
{
  g_debug ("Saving revision %" G_GUINT64_FORMAT, self->n_changes);
  self->saving = TRUE;
  self->saving_changes = self->n_changes;
  _hui_window_set_busy (self, TRUE);
  _hui_window_hold_application (TRUE);
  hui_project_save_async (self->bulletin, self->file, NULL, saved_cb, g_object_ref (self));
}

/* Saves to @file without asking. Two writes of one file never run at
 * once (the later could land first): a save asked for while one is under
 * way starts when it ends. */
void
hui_window_save_to (HuiWindow *self,
                    GFile     *file)
{
  g_return_if_fail (HUI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  if (self->saving)
    self->save_again = TRUE;
  else
    start_save (self);
}

enum {
  OVERWRITE_SAVE_AS = 1,
  OVERWRITE_OVERWRITE = 2,
};

static void
overwrite_response_cb (GtkDialog *dialog,
                       int        response,
                       HuiWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->overwrite_dialog = NULL;

  if (response == OVERWRITE_OVERWRITE)
    hui_window_save_to (self, self->file);
  else if (response == OVERWRITE_SAVE_AS)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    _hui_window_cancel_close (self);
}

/* Another program (or another Huibian) wrote the project since this
 * window read or saved it: its changes would be lost without a word. */
static void
ask_overwrite (HuiWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  GtkWidget *dialog;

  if (self->overwrite_dialog != NULL)
    return;
  g_debug ("“%s” changed on disk: asking before overwriting it", name);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program since you opened it. Overwrite it?"),
                                   name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you overwrite it, the changes made by the other program will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save _As…"), OVERWRITE_SAVE_AS,
                          _("_Overwrite"), OVERWRITE_OVERWRITE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), self);
  self->overwrite_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stamp_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HuiWindow) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  g_autofree char *stamp = info ? stamp_of (info) : NULL;

  if (self->file == NULL || !g_file_equal (self->file, G_FILE (object)))
    return;
  /* A file that is gone has nothing to lose. */
  if (stamp != NULL && self->disk_stamp != NULL && !g_str_equal (stamp, self->disk_stamp))
    ask_overwrite (self);
  else
    hui_window_save_to (self, self->file);
}

/* Ctrl+S: to the project file, after checking nobody else wrote it. */
void
hui_window_save (HuiWindow *self)
{
  g_return_if_fail (HUI_IS_WINDOW (self));
  g_return_if_fail (self->file != NULL);

  if (self->saving || self->stamp_file == NULL || !g_file_equal (self->stamp_file, self->file))
    {
      /* Not read from this file (a draft's project): nothing to compare. */
      hui_window_save_to (self, self->file);
      return;
    }
  g_file_query_info_async (self->file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, NULL, stamp_checked_cb, g_object_ref (self));
}

/* Moves a report (by keyboard, menu or drag and drop) as one undo step;
 * the moved report stays selected. */
void
hui_window_move_report (HuiWindow *self,
                        guint      from,
                        guint      to)
{
  guint n;

  g_return_if_fail (HUI_IS_WINDOW (self));

  n = hui_bulletin_get_n_reports (self->bulletin);
  if (from >= n || to >= n || from == to)
    return;

  _hui_window_commit_step (self);
  hui_bulletin_move_report (self->bulletin, from, to);
  gtk_single_selection_set_selected (self->selection, to);
  _hui_window_commit_step (self);
}

enum {
  CLOSE_DISCARD = 1,
  CLOSE_SAVE = 2,
};

static void
destroy_widget (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
close_response_cb (GtkDialog *dialog,
                   int        response,
                   HuiWindow *self)
{
  g_clear_pointer (&self->close_dialog, destroy_widget);

  if (response == CLOSE_DISCARD)
    {
      self->modified = FALSE;
      _hui_window_forget_draft (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (response == CLOSE_SAVE)
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
  else  /* Cancel, Escape or the prompt closed: the window stays. */
    finish_close (self, FALSE);
}

/* Nothing the user made is lost by closing: unsaved changes are kept,
 * discarded or saved as the user says. */
static gboolean
close_request_cb (HuiWindow *self)
{
  GtkWidget *dialog;

  if (!has_unsaved_work (self))
    return FALSE;
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }
  /* A Save chosen at an earlier prompt whose Save As was cancelled
   * must not close the window at some later save. */
  if (self->busy == 0)
    self->close_after_save = FALSE;
  /* The work is on disk before the question: whatever ends the process
   * while it waits for an answer, the draft has the last edit. */
  save_draft_now (self);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to the bulletin before closing?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, your changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), CLOSE_DISCARD,
                          _("_Save"), CLOSE_SAVE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), CLOSE_SAVE);
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The dialog asking about unsaved changes, while it is shown. */
GtkWidget *
hui_window_get_close_dialog (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), NULL);

  return self->close_dialog;
}

/* Completes the close asked by hui_window_request_close_async(), if
 * any: @closed, or the window stays. */
static void
finish_close (HuiWindow *self,
              gboolean   closed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  if (task != NULL)
    g_task_return_boolean (task, closed);
}

/* The close waiting for a save will not happen (the save failed or was
 * called off): the window stays open with the work, and a quit waiting
 * for it stops. */
void
_hui_window_cancel_close (HuiWindow *self)
{
  self->close_after_save = FALSE;
  finish_close (self, FALSE);
}

/* Closes the window as its close button does, asking about unsaved
 * changes; @callback learns whether it closed (FALSE: the user chose
 * Cancel, or the save chosen failed). A close asked before and not yet
 * answered is superseded and reports FALSE. */
void
hui_window_request_close_async (HuiWindow           *self,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (HUI_IS_WINDOW (self));

  finish_close (self, FALSE);
  self->close_task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (self->close_task, hui_window_request_close_async);
  gtk_window_close (GTK_WINDOW (self));
}

/* gtk_window_destroy() only drops the references GTK holds: the close
 * task's own reference would keep the window from being disposed, so a
 * close is complete when the window is unrealized. */
static void
unrealize_cb (HuiWindow *self)
{
  finish_close (self, TRUE);
}

gboolean
hui_window_request_close_finish (HuiWindow    *self,
                                 GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
clear_offer (HuiWindow *self)
{
  g_clear_pointer (&self->offered_draft, g_free);
  g_clear_object (&self->offered_bulletin);
  g_clear_object (&self->offered_project);
  if (self->draft_bar != NULL)
    gtk_info_bar_set_revealed (self->draft_bar, FALSE);
}

/* Lets go of the draft on offer, unanswered: it stays for another time. */
static void
withdraw_offer (HuiWindow *self)
{
  hui_draft_store_release (hui_draft_store_get_default (), self->offered_draft);
  clear_offer (self);
}

/* The bulletin's title, else its project's file name. */
static char *
draft_name (HuiBulletin *bulletin,
            GFile       *project)
{
  const char *title = hui_bulletin_get_title (bulletin);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (project != NULL)
    return g_file_get_basename (project);
  return g_strdup (_("Untitled Bulletin"));
}

static void
show_offer (HuiWindow   *self,
            const char  *id,
            HuiBulletin *bulletin,
            GFile       *project)
{
  g_autofree char *name = draft_name (bulletin, project);
  g_autofree char *text = g_strdup_printf (_("Unsaved work on “%s” from an earlier session was found."), name);

  self->offered_draft = g_strdup (id);
  self->offered_bulletin = g_object_ref (bulletin);
  g_set_object (&self->offered_project, project);
  gtk_label_set_label (self->draft_label, text);
  gtk_info_bar_set_revealed (self->draft_bar, TRUE);
  g_debug ("Offering draft %s: “%s”", id, name);
}

/* A draft that cannot be read is reported once and moved aside, so it
 * is not offered at every start. */
static void
set_draft_aside (HuiWindow  *self,
                 const char *id,
                 GError     *load_error)
{
  g_autoptr(GFile) moved = hui_draft_store_set_aside (hui_draft_store_get_default (), id, NULL);
  g_autofree char *message = NULL;

  if (moved != NULL)
    message = g_strdup_printf (_("A draft from an earlier session could not be read (%s). It was moved to “%s”."),
                               load_error->message, g_file_peek_path (moved));
  else
    /* Kept claimed till the process ends, or the next offer would
     * take it again, and again. */
    message = g_strdup_printf (_("A draft from an earlier session could not be read (%s)."), load_error->message);
  g_debug ("Damaged draft %s: %s", id, message);
  _hui_window_show_error (self, message);
}

/* Offers the oldest draft whose window is gone (a session that ended
 * without saving or discarding it), claimed so that no other instance
 * offers it too; returns whether there was one. */
gboolean
hui_window_offer_drafts (HuiWindow *self)
{
  HuiDraftStore *store = hui_draft_store_get_default ();
  char *id;

  g_return_val_if_fail (HUI_IS_WINDOW (self), FALSE);

  withdraw_offer (self);
  hui_draft_store_remove_stale (store);
  while ((id = hui_draft_store_claim_next (store)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) project = NULL;
      g_autoptr(HuiBulletin) bulletin = hui_draft_store_load (store, id, &project, &error);

      if (bulletin != NULL)
        show_offer (self, id, bulletin, project);
      else
        set_draft_aside (self, id, error);
      g_free (id);
      if (bulletin != NULL)
        return TRUE;
    }
  return FALSE;
}

/* @self takes over draft @id (already its own) and its bulletin:
 * unsaved work, which stays a draft until saved. */
static void
adopt_draft (HuiWindow   *self,
             const char  *id,
             HuiBulletin *bulletin,
             GFile       *project)
{
  _hui_window_forget_draft (self);
  g_set_object (&self->file, project);
  _hui_window_set_bulletin (self, bulletin);
  self->draft_id = g_strdup (id);
  self->modified = TRUE;
  _hui_window_update_title (self);
  gtk_single_selection_set_selected (self->selection, 0);
}

/* Restoring never replaces anything: the draft goes into this window
 * only while it is empty, untouched and not importing; else into a new
 * window. The next draft is offered after it. */
void
_hui_window_restore_draft (HuiWindow *self)
{
  HuiWindow *target = self;

  if (self->offered_draft == NULL)
    return;

  if (self->modified || self->busy > 0 || self->file != NULL ||
      hui_bulletin_get_n_reports (self->bulletin) > 0)
    target = hui_window_new (gtk_window_get_application (GTK_WINDOW (self)));
  adopt_draft (target, self->offered_draft, self->offered_bulletin, self->offered_project);
  clear_offer (self);
  if (target != self)
    gtk_window_present (GTK_WINDOW (target));
  hui_window_offer_drafts (self);
}

void
_hui_window_discard_draft (HuiWindow *self)
{
  hui_draft_store_delete (hui_draft_store_get_default (), self->offered_draft);
  clear_offer (self);
  hui_window_offer_drafts (self);
}

/* Shows @match: its report selected, the cursor on its block. */
static void
show_match (HuiWindow      *self,
            const HuiMatch *match)
{
  gtk_single_selection_set_selected (self->selection, match->report);
  if (match->block >= 0)
    hui_report_view_set_cursor_block (self->report_view, match->block);
}

gboolean
hui_window_find_next (HuiWindow  *self,
                      const char *needle)
{
  HuiMatch found;

  g_return_val_if_fail (HUI_IS_WINDOW (self), FALSE);

  if (!hui_bulletin_find_next (self->bulletin, needle, self->have_match ? &self->last_match : NULL, &found))
    {
      gtk_label_set_label (self->search_status, _("Not found"));
      self->have_match = FALSE;
      return FALSE;
    }

  gtk_label_set_label (self->search_status, "");
  self->last_match = found;
  self->have_match = TRUE;
  show_match (self, &found);
  return TRUE;
}

guint
hui_window_replace_all (HuiWindow  *self,
                        const char *needle,
                        const char *replacement)
{
  g_autofree char *status = NULL;
  guint count;

  g_return_val_if_fail (HUI_IS_WINDOW (self), 0);

  _hui_window_commit_step (self);
  count = hui_bulletin_replace_all (self->bulletin, needle, replacement);
  _hui_window_commit_step (self);
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u replaced", "%u replaced", count), count);
  gtk_label_set_label (self->search_status, status);
  return count;
}

static void
find_next_cb (HuiWindow *self)
{
  hui_window_find_next (self, gtk_editable_get_text (self->find_entry));
}

static void
replace_all_cb (HuiWindow *self)
{
  hui_window_replace_all (self, gtk_editable_get_text (self->find_entry),
                          gtk_editable_get_text (self->replace_entry));
}

/* Right click (or a long press) on a report: its menu, at the pointer. */
static void
list_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 HuiWindow       *self)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  /* Select the row under the pointer first, as file managers do. */
  for (; picked != NULL && picked != list; picked = gtk_widget_get_parent (picked))
    if (HUI_IS_REPORT_ROW (picked))
      {
        guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, picked));

        gtk_single_selection_set_selected (self->selection, position);
        break;
      }

  gtk_popover_set_pointing_to (self->report_popover, &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  gtk_popover_popup (self->report_popover);
}

static void
page_activated_cb (HuiWindow *self,
                   guint      report)
{
  hui_window_select (self, report);
}

/* Closed without unsaved work, the window's draft is not needed. With
 * unsaved work (the process is ending, or a test closes the window),
 * the draft is brought up to date and let go, for a later session. */
static void
keep_or_forget_draft (HuiWindow *self)
{
  if (self->bulletin == NULL)
    return;
  if (!has_unsaved_work (self))
    _hui_window_forget_draft (self);
  else if (self->draft_id != NULL)
    {
      save_draft_now (self);
      hui_draft_store_release (hui_draft_store_get_default (), self->draft_id);
    }
  g_clear_pointer (&self->draft_id, g_free);
}

static void
hui_window_dispose (GObject *object)
{
  HuiWindow *self = (HuiWindow *)object;

  g_clear_handle_id (&self->repaginate_id, g_source_remove);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  g_clear_pointer (&self->close_dialog, destroy_widget);
  g_clear_pointer (&self->overwrite_dialog, destroy_widget);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  keep_or_forget_draft (self);
  withdraw_offer (self);
  finish_close (self, TRUE);
  if (self->bulletin != NULL)
    g_signal_handlers_disconnect_by_func (self->bulletin, bulletin_changed_cb, self);
  if (self->report_list != NULL)
    gtk_list_view_set_model (self->report_list, NULL);
  if (self->report_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->report_popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), HUI_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->paginator);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->bulletin);
  g_clear_object (&self->file);
  g_clear_object (&self->export_file);
  g_clear_object (&self->stamp_file);
  g_clear_pointer (&self->disk_stamp, g_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->first_pages, g_free);
  g_clear_pointer (&self->page_counts, g_free);

  G_OBJECT_CLASS (hui_window_parent_class)->dispose (object);
}

static void
hui_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HuiWindow *self = HUI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->preview_pane == NULL || gtk_widget_get_visible (self->preview_pane));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HuiWindow *self = HUI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      if (self->preview_pane != NULL &&
          gtk_widget_get_visible (self->preview_pane) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->preview_pane, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_window_class_init (HuiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hui_window_dispose;
  object_class->get_property = hui_window_get_property;
  object_class->set_property = hui_window_set_property;

  /* The page preview on the right can be hidden (F9) for more room. */
  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HUI_TYPE_REPORT_VIEW);
  g_type_ensure (HUI_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/huibian/Huibian/ui/hui-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, report_list);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, info_bar);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, draft_bar);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, export_bar);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, report_popover);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, preview_pane);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, search_status);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_all_cb);
  gtk_widget_class_bind_template_child (widget_class, HuiWindow, info_label);
  gtk_widget_class_bind_template_callback (widget_class, info_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_activated_cb);

  _hui_window_class_actions_init (widget_class);

}

static void
hui_window_init (HuiWindow *self)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new (NULL, NULL);
  self->export_format = HUI_EXPORT_PDF;
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  /* A command in the report's body is an undo step of its own. */
  g_signal_connect_swapped (self->report_view, "step", G_CALLBACK (_hui_window_commit_step), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->report_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->report_list, GTK_SELECTION_MODEL (self->selection));

  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("win.delete-report")));
    gtk_widget_add_controller (GTK_WIDGET (self->report_list), keys);
  }
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (files_dropped_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->report_list), GTK_EVENT_CONTROLLER (drop));
  }
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (list_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->report_list), GTK_EVENT_CONTROLLER (click));
  }

  self->settings = load_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *preset = g_settings_get_string (self->settings, "default-preset");
      g_autoptr(HuiPageSetup) setup = hui_page_setup_new_preset (preset);

      if (setup != NULL)
        hui_bulletin_set_page_setup (bulletin, setup);
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
  update_recent_menu (self);

  _hui_window_set_bulletin (self, bulletin);
  selection_changed_cb (self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "unrealize", G_CALLBACK (unrealize_cb), NULL);
}

HuiWindow *
hui_window_new (GtkApplication *application)
{
  return g_object_new (HUI_TYPE_WINDOW, "application", application, NULL);
}

HuiBulletin *
hui_window_get_bulletin (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), NULL);

  return self->bulletin;
}

gboolean
hui_window_get_busy (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}

gboolean
hui_window_get_modified (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), FALSE);

  return self->modified;
}

guint
hui_window_get_selected (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

void
hui_window_select (HuiWindow *self,
                   guint      position)
{
  g_return_if_fail (HUI_IS_WINDOW (self));

  gtk_single_selection_set_selected (self->selection, position);
}

guint
hui_window_get_preview_pages (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), 0);

  return hui_page_preview_get_n_pages (self->preview);
}

HuiReportView *
hui_window_get_report_view (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), NULL);

  return self->report_view;
}

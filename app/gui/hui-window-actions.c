/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-window-actions"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "export/hui-export.h"
#include "export/hui-pdf-exporter.h"
#include "hui-properties-dialog.h"
#include "hui-window-private.h"

/* The window's commands, each a "win." action: file, export and print,
 * report commands, undo, find, drafts. */

/* The format follows the name chosen: .odt, .xml or .dbk (DocBook), else
 * PDF. */
static void
export_as (HuiWindow *self,
           GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  HuiExportFormat format = HUI_EXPORT_PDF;

  hui_export_format_from_file_name (name, &format);
  hui_window_export_to (self, file, format);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     HuiWindow       *self)
{
  const char *purpose = g_object_get_data (G_OBJECT (chooser), "purpose");
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GFile) first = g_list_model_get_item (files, 0);

  if (response == GTK_RESPONSE_ACCEPT && first != NULL)
    {
      _hui_window_remember_folder (self, first);
      if (g_str_equal (purpose, "import"))
        {
          g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < g_list_model_get_n_items (files); i++)
            g_ptr_array_add (list, g_list_model_get_item (files, i));
          hui_window_import_files (self, (GFile **)list->pdata, list->len, HUI_IMPORT_FLAGS_AUTO_SPLIT);
        }
      else if (g_str_equal (purpose, "open"))
        hui_window_open_project (self, first);
      else if (g_str_equal (purpose, "export"))
        export_as (self, first);
      else
        hui_window_save_to (self, first);
    }
  /* No file to save to: the close that waited for the save is off. */
  else if (g_str_equal (purpose, "save") && self->close_after_save)
    _hui_window_cancel_close (self);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (HuiWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *purpose)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, NULL, NULL);

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), g_str_equal (purpose, "import"));
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-folder");

      if (*last != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (last);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }
  g_object_set_data_full (G_OBJECT (chooser), "purpose", g_strdup (purpose), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  choose_file (HUI_WINDOW (widget), _("Import Reports"), GTK_FILE_CHOOSER_ACTION_OPEN, "import");
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  choose_file (HUI_WINDOW (widget), _("Open Bulletin"), GTK_FILE_CHOOSER_ACTION_OPEN, "open");
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  hui_window_open_project (HUI_WINDOW (widget), file);
}

static void
save_as_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  choose_file (HUI_WINDOW (widget), _("Save Bulletin"), GTK_FILE_CHOOSER_ACTION_SAVE, "save");
}

static void
export_as_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  choose_file (HUI_WINDOW (widget), _("Export Bulletin"), GTK_FILE_CHOOSER_ACTION_SAVE, "export");
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  HuiWindow *self = HUI_WINDOW (widget);

  if (self->file == NULL)
    save_as_action (widget, name, param);
  else
    hui_window_save (self);
}

/* One click: next to the project (or to the last place used), in the last
 * format used, PDF at first. */
static void
export_in_format (HuiWindow       *self,
                  HuiExportFormat  format)
{
  g_autoptr(GFile) target = NULL;

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);
      g_autofree char *stem = g_strndup (path, g_str_has_suffix (path, ".huibian") ? strlen (path) - 8 : strlen (path));
      g_autofree char *out = g_strconcat (stem, hui_export_format_get_extension (format), NULL);

      target = g_file_new_for_path (out);
    }
  else
    {
      g_autofree char *out = g_build_filename (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) ?: g_get_home_dir (),
                                               "bulletin", NULL);
      g_autofree char *named = g_strconcat (out, hui_export_format_get_extension (format), NULL);

      target = g_file_new_for_path (named);
    }

  hui_window_export_to (self, target, format);
}

/* One click: to the last place and format used, else PDF beside the
 * project. */
static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  HuiWindow *self = HUI_WINDOW (widget);

  if (self->export_file == NULL)
    export_in_format (self, self->export_format);
  else
    hui_window_export_to (self, self->export_file, self->export_format);
}

static void
export_format_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  HuiExportFormat format;

  if (hui_export_format_from_string (g_variant_get_string (param, NULL), &format))
    export_in_format (HUI_WINDOW (widget), format);
}

static void
properties_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  HuiWindow *self = HUI_WINDOW (widget);
  HuiPropertiesDialog *dialog = hui_properties_dialog_new (GTK_WINDOW (self), self->bulletin,
                                                           g_variant_get_string (param, NULL));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  hui_window_print (HUI_WINDOW (widget));
}

/* Runs a report command as one undo step. */
static void
report_command (HuiWindow *self,
                gboolean (*command) (HuiWindow *self, guint position))
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  _hui_window_commit_step (self);
  if (command (self, selected))
    _hui_window_commit_step (self);
}

static gboolean
delete_report (HuiWindow *self,
               guint      position)
{
  hui_bulletin_remove_report (self->bulletin, position);
  if (hui_bulletin_get_n_reports (self->bulletin) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, hui_bulletin_get_n_reports (self->bulletin) - 1));
  return TRUE;
}

static gboolean
duplicate_report (HuiWindow *self,
                  guint      position)
{
  hui_bulletin_duplicate_report (self->bulletin, position);
  gtk_single_selection_set_selected (self->selection, position + 1);
  return TRUE;
}

static gboolean
merge_next (HuiWindow *self,
            guint      position)
{
  return hui_bulletin_merge_with_next (self->bulletin, position);
}

/* At the heading the cursor is on in the report's body. */
static gboolean
split_report (HuiWindow *self,
              guint      position)
{
  guint block = hui_report_view_get_cursor_block (self->report_view);

  if (!hui_bulletin_split_report (self->bulletin, position, block))
    {
      _hui_window_show_error (self, _("Put the cursor on the heading where the new report should begin."));
      return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position + 1);
  return TRUE;
}

/* The report commands by action name: each runs on the selected report
 * as one undo step. */
static const struct {
  const char *action;
  gboolean  (*command) (HuiWindow *self, guint position);
} report_commands[] = {
  { "win.delete-report", delete_report },
  { "win.duplicate-report", duplicate_report },
  { "win.merge-next", merge_next },
  { "win.split-report", split_report },
};

static void
report_command_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_commands); i++)
    if (g_str_equal (name, report_commands[i].action))
      report_command (HUI_WINDOW (widget), report_commands[i].command);
}

/* Undo and redo put the whole bulletin back as it was, so the selection
 * is kept by position. */
static void
step_history (HuiWindow *self,
              gboolean   undo)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  if (undo)
    hui_history_undo (self->history);
  else
    hui_history_redo (self->history);

  if (selected < hui_bulletin_get_n_reports (self->bulletin))
    gtk_single_selection_set_selected (self->selection, selected);
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  hui_window_update_actions (self);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _hui_window_cancel_import (HUI_WINDOW (widget));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _hui_window_cancel_export (HUI_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  step_history (HUI_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  step_history (HUI_WINDOW (widget), FALSE);
}

static void
move_selected (HuiWindow *self,
               int        delta)
{
  guint from = gtk_single_selection_get_selected (self->selection);

  if (from != GTK_INVALID_LIST_POSITION)
    hui_window_move_report (self, from, from + delta);
}

static void
move_up_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  move_selected (HUI_WINDOW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  move_selected (HUI_WINDOW (widget), 1);
}

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  HuiWindow *self = HUI_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  _hui_window_restore_draft (HUI_WINDOW (widget));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  _hui_window_discard_draft (HUI_WINDOW (widget));
}


void
_hui_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-format", "s", export_format_action);
  gtk_widget_class_install_action (widget_class, "win.export-as", NULL, export_as_action);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, move_down_action);
  for (guint i = 0; i < G_N_ELEMENTS (report_commands); i++)
    gtk_widget_class_install_action (widget_class, report_commands[i].action, NULL, report_command_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-preview", "show-preview");
  gtk_widget_class_install_action (widget_class, "win.properties", "s", properties_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, discard_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-down", NULL);
}

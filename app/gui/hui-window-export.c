/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-window"

#include "config.h"

#include <glib/gi18n.h>

#include "export/hui-export.h"
#include "export/hui-pdf-exporter.h"
#include "hui-window-private.h"
#include "layout/hui-paginator.h"
#include "project/hui-project.h"

/* Exporting and printing set the whole bulletin on pages, seconds of work
 * for a large one: both take a snapshot of the bulletin on the main
 * thread and paginate it in a worker, so the window keeps taking typing
 * and scrolling. The bar above the editor shows the progress, with a
 * Cancel button; one job runs at a time (its actions are disabled
 * meanwhile). */

/* A job may end after its window was closed (and disposed). */
static gboolean
is_disposed (HuiWindow *self)
{
  return self->export_bar == NULL;
}

static void
show_progress (HuiWindow  *self,
               const char *text)
{
  if (is_disposed (self))
    return;
  gtk_info_bar_set_revealed (self->export_bar, text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_label (self->export_label, text);
  gtk_progress_bar_set_fraction (self->export_progress, 0.0);
}

static gboolean
pulse_cb (gpointer data)
{
  HuiWindow *self = data;

  gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

/* Returns FALSE when a job is already under way. */
static gboolean
begin_job (HuiWindow  *self,
           const char *text)
{
  if (self->export_cancellable != NULL)
    return FALSE;
  self->export_cancellable = g_cancellable_new ();
  show_progress (self, text);
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  _hui_window_set_busy (self, TRUE);
  _hui_window_hold_application (TRUE);
  hui_window_update_actions (self);
  return TRUE;
}

static void
end_job (HuiWindow *self)
{
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  show_progress (self, NULL);
  _hui_window_set_busy (self, FALSE);
  _hui_window_hold_application (FALSE);
  hui_window_update_actions (self);
}

/* Whether an export or a print is being prepared. */
gboolean
hui_window_get_exporting (HuiWindow *self)
{
  g_return_val_if_fail (HUI_IS_WINDOW (self), FALSE);

  return self->export_cancellable != NULL;
}

/* The worker stops at its next check (the exporter checks between
 * setting the pages and writing them); the bar goes when it has. */
void
_hui_window_cancel_export (HuiWindow *self)
{
  if (self->export_cancellable == NULL)
    return;
  g_cancellable_cancel (self->export_cancellable);
  gtk_label_set_label (self->export_label, _("Cancelling…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", FALSE);
}

typedef struct {
  HuiWindow       *self;
  GFile           *file;
  HuiExportFormat  format;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  HuiWindow *self = user_data;

  /* The exporter tells when it has set the pages (half way) and when it
   * has written them; until then the bar pulses. */
  if (is_disposed (self) || fraction <= 0.0)
    return;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->export_progress, MIN (fraction, 1.0));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = user_data;
  HuiWindow *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);

  if (hui_export_to_file_finish (result, &error))
    {
      g_debug ("Export to %s finished", name);
      g_set_object (&self->export_file, job->file);
      self->export_format = job->format;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Export to %s cancelled", name);
  else if (!is_disposed (self))
    _hui_window_show_error (self, error->message);
  end_job (self);
  export_job_free (job);
}

/* Exports to @file in the background; refused (FALSE) while another
 * export or print is being prepared. */
gboolean
hui_window_export_to (HuiWindow       *self,
                      GFile           *file,
                      HuiExportFormat  format)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  ExportJob *job;

  g_return_val_if_fail (HUI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  text = g_strdup_printf (_("Exporting “%s”…"), name);
  if (!begin_job (self, text))
    return FALSE;

  g_debug ("Export to %s started", name);
  job = g_new0 (ExportJob, 1);
  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->format = format;
  hui_export_to_file_async (self->bulletin, format, file, export_progress_cb, self,
                            self->export_cancellable, exported_cb, job);
  return TRUE;
}

/* Printing draws the pages with the PDF's own code, so the printout is
 * the PDF: same breaks, same page numbers. */
static const HuiPage *
printed_page (HuiPagination *pagination,
              int            n)
{
  guint toc = pagination->toc_pages->len;

  return (guint)n < toc ? pagination->toc_pages->pdata[n] : pagination->pages->pdata[n - toc];
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                n,
              HuiPagination     *pagination)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / HUI_MM_TO_PT (pagination->setup->paper_width);

  cairo_scale (cr, scale, scale);
  hui_pdf_exporter_render_page (cr, pagination, printed_page (pagination, n));
}

static GtkPageSetup *
paper_of (const HuiPageSetup *setup)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new_custom ("huibian", _("Bulletin"),
                                                             setup->paper_width, setup->paper_height,
                                                             GTK_UNIT_MM);

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_top_margin (page_setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, 0, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, 0, GTK_UNIT_MM);
  return page_setup;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HuiWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !is_disposed (self))
    {
      gtk_print_operation_get_error (operation, &error);
      _hui_window_show_error (self, error->message);
    }
  g_object_unref (operation);
}

/* Shows GTK's print dialog for @pagination, which the operation then
 * owns; it draws on this thread, a page per main loop iteration. */
static void
run_print (HuiWindow     *self,
           HuiPagination *pagination)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = paper_of (pagination->setup);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_n_pages (operation, pagination->toc_pages->len + pagination->pages->len);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, hui_bulletin_get_title (self->bulletin) ?: _("Bulletin"));
  g_object_set_data_full (G_OBJECT (operation), "pagination", pagination, (GDestroyNotify)hui_pagination_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pagination);
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _hui_window_show_error (self, error->message);
}

/* In the worker: the snapshot read back into a bulletin of its own and
 * set on pages by a paginator of its own (HACKING: such a pagination may
 * be handed to another thread and drawn there). */
static void
paginate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(HuiBulletin) copy = hui_project_parse (task_data, &error);
  g_autoptr(HuiPaginator) paginator = NULL;
  HuiPagination *pagination;

  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Not hui_pagination_new(): for a long bulletin it releases pages,
   * which only the PDF exporter can set again; printing draws them one
   * by one. */
  paginator = hui_paginator_new (copy);
  pagination = hui_paginator_paginate (paginator);
  if (g_task_return_error_if_cancelled (task))
    hui_pagination_free (pagination);
  else
    g_task_return_pointer (task, pagination, (GDestroyNotify)hui_pagination_free);
}

static void
paginated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HuiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HuiPagination *pagination = g_task_propagate_pointer (G_TASK (result), &error);

  end_job (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_disposed (self))
    {
      g_debug ("Printing cancelled");
      g_clear_pointer (&pagination, hui_pagination_free);
    }
  else if (pagination != NULL)
    run_print (self, pagination);
  else
    _hui_window_show_error (self, error->message);
}

/* When the preview is up to date, the window's paginator has every
 * report's pages cached and only numbers them again (0.6 s for 2,000
 * reports): the print dialog shows at once. Otherwise (edits not yet
 * paginated, a new page setup) the pages are set in a worker first, with
 * a pulsing bar, then the dialog shows. */
void
hui_window_print (HuiWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUI_IS_WINDOW (self));

  if (self->export_cancellable != NULL)
    return;
  if (self->repaginate_id == 0)
    {
      run_print (self, hui_paginator_paginate (self->paginator));
      return;
    }
  begin_job (self, _("Preparing the pages for printing…"));
  task = g_task_new (NULL, self->export_cancellable, paginated_cb, g_object_ref (self));
  g_task_set_source_tag (task, hui_window_print);
  g_task_set_task_data (task, hui_project_serialize (self->bulletin), (GDestroyNotify)g_bytes_unref);
  g_task_run_in_thread (task, paginate_thread);
}

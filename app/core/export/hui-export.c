/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-export.h"
#include "hui-odt-exporter.h"
#include "hui-pdf-exporter.h"
#include "layout/hui-paginator.h"
#include "project/hui-docbook-writer.h"
#include "project/hui-project.h"
#include "support/hui-atomic-file.h"

/* Every format is made from one pagination, so the page numbers in the
 * PDF, the DocBook tocentry/@pagenum and the ODT agree. */

/* The one table of export formats: the name the CLI takes, the extension
 * a file of the format gets, and the others it is recognised by. */
static const struct {
  HuiExportFormat  format;
  const char      *name;
  const char      *extension;
  const char      *also;
} formats[] = {
  { HUI_EXPORT_PDF, "pdf", ".pdf", NULL },
  { HUI_EXPORT_DOCBOOK, "docbook", ".xml", ".dbk" },
  { HUI_EXPORT_ODT, "odt", ".odt", NULL },
};

gboolean
hui_export_format_from_string (const char      *name,
                               HuiExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/* ".pdf", ".odt" or ".xml" */
const char *
hui_export_format_get_extension (HuiExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;

  g_return_val_if_reached (NULL);
}

/* The format a file name asks for by its extension, if any. */
gboolean
hui_export_format_from_file_name (const char      *file_name,
                                  HuiExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (file_name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension) ||
        (formats[i].also != NULL && g_str_has_suffix (lower, formats[i].also)))
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

static gboolean
write_bytes (GOutputStream  *out,
             GBytes         *bytes,
             GCancellable   *cancellable,
             GError        **error)
{
  return bytes != NULL &&
         g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, cancellable, error);
}

/* The PDF, the largest by far, streams into the file page by page; the
 * others are made whole first. */
static gboolean
write_contents (HuiBulletin     *bulletin,
                HuiPagination   *pagination,
                HuiExportFormat  format,
                HuiAtomicFile   *file,
                GCancellable    *cancellable,
                GError         **error)
{
  HuiDocbookOptions options = { .first_pages = pagination->first_pages };
  GOutputStream *out = hui_atomic_file_get_stream (file);
  g_autoptr(GBytes) bytes = NULL;

  switch (format)
    {
    case HUI_EXPORT_PDF:
      return hui_pdf_exporter_write (bulletin, pagination, out, cancellable, error);
    case HUI_EXPORT_DOCBOOK:
      bytes = hui_docbook_writer_write (bulletin, &options);
      return write_bytes (out, bytes, cancellable, error);
    case HUI_EXPORT_ODT:
      bytes = hui_odt_exporter_export (bulletin, pagination, error);
      return write_bytes (out, bytes, cancellable, error);
    }
  g_return_val_if_reached (FALSE);
}

/* Written atomically (see HuiAtomicFile): an export that fails half-way
 * leaves the previous file as it was, and a new path gets no file. */
static gboolean
write_export (HuiBulletin         *bulletin,
              HuiPagination       *pagination,
              HuiExportFormat      format,
              GFile               *file,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(HuiAtomicFile) atomic = hui_atomic_file_new (file, error);

  if (atomic != NULL &&
      write_contents (bulletin, pagination, format, atomic, cancellable, error) &&
      hui_atomic_file_commit (atomic, cancellable, error))
    return TRUE;

  hui_atomic_file_explain (*error);
  if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_prefix_error (error, _("Cannot export to “%s”: "), display);
    }
  return FALSE;
}

gboolean
hui_export_to_file (HuiBulletin         *bulletin,
                    const HuiPageSetup  *setup,
                    HuiExportFormat      format,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(HuiPagination) pagination = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (setup != NULL && G_IS_FILE (file), FALSE);

  pagination = hui_pagination_new (bulletin, setup);
  if (write_export (bulletin, pagination, format, file, cancellable, &local_error))
    return TRUE;

  g_propagate_error (error, local_error);
  return FALSE;
}

typedef struct {
  GBytes                *snapshot;
  HuiExportFormat        format;
  GFile                 *file;
  HuiExportProgressFunc  progress;
  gpointer               progress_data;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_bytes_unref (job->snapshot);
  g_object_unref (job->file);
  g_free (job);
}

typedef struct {
  HuiExportProgressFunc  progress;
  gpointer               progress_data;
  double                 fraction;
} Progress;

static gboolean
progress_cb (gpointer data)
{
  Progress *progress = data;

  progress->progress (progress->fraction, progress->progress_data);
  return G_SOURCE_REMOVE;
}

/* Called in the worker; the caller hears of it on its own thread. */
static void
report_progress (GTask  *task,
                 double  fraction)
{
  ExportJob *job = g_task_get_task_data (task);
  Progress *progress;

  if (job->progress == NULL)
    return;

  progress = g_new (Progress, 1);
  *progress = (Progress) { job->progress, job->progress_data, fraction };
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              progress_cb, progress, g_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(HuiBulletin) bulletin = NULL;
  g_autoptr(HuiPagination) pagination = NULL;
  GError *error = NULL;

  report_progress (task, 0.0);
  bulletin = hui_project_parse (job->snapshot, &error);
  if (bulletin != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
      report_progress (task, 0.5);
    }
  if (pagination != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      write_export (bulletin, pagination, job->format, job->file, cancellable, &error))
    {
      report_progress (task, 1.0);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

/* Exports @bulletin as it is now, with its own page setup, without
 * blocking the calling thread: the bulletin is copied here (serialised,
 * a few milliseconds) and laid out and written in a worker. @progress,
 * if given, is called on the calling thread's main context with the
 * fraction done; @progress_data must live until @callback is called.
 * A cancelled export returns G_IO_ERROR_CANCELLED and leaves no file. */
void
hui_export_to_file_async (HuiBulletin           *bulletin,
                          HuiExportFormat        format,
                          GFile                 *file,
                          HuiExportProgressFunc  progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (HUI_IS_BULLETIN (bulletin));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  *job = (ExportJob) { hui_project_serialize (bulletin), format, g_object_ref (file),
                       progress, progress_data };
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_export_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
hui_export_to_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

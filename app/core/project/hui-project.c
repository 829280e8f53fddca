/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-docbook-reader.h"
#include "hui-docbook-writer.h"
#include "hui-project.h"
#include "support/hui-atomic-file.h"
#include "support/hui-files.h"

/* Project files (.huibian) are DocBook 5.0 books with Huibian's data in
 * its own namespace inside <info>: any DocBook tool can read the text,
 * and one reader and one writer serve both the project and the export. */

/* Whether @file is a project, told by its content whatever its name: the
 * project's namespace in its first kilobyte (the root element's
 * declarations). The CLI and the application (for files given on the
 * command line or opened from a file manager) decide with this between
 * opening a file and importing it. */
gboolean
hui_project_is_project_file (GFile        *file,
                             GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  char head[1024] = { 0 };
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Opening a FIFO to look would wait for a writer forever. */
  if (!hui_files_is_regular (file, cancellable))
    return FALSE;
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return FALSE;

  g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n, cancellable, NULL);
  return strstr (head, HUI_PROJECT_NS) != NULL;
}

GBytes *
hui_project_serialize (HuiBulletin *bulletin)
{
  HuiDocbookOptions options = { .project_data = TRUE };

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), NULL);

  return hui_docbook_writer_write (bulletin, &options);
}

HuiBulletin *
hui_project_parse (GBytes  *bytes,
                   GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_CORRUPT, _("the file is empty"));
      return NULL;
    }

  return hui_docbook_reader_read (bytes, error);
}

static void
prefix_with_file (GError     **error,
                  GFile       *file,
                  const char  *what)
{
  g_autofree char *display = g_file_get_parse_name (file);

  g_prefix_error (error, what, display);
}

/* Atomic (see HuiAtomicFile): a crash or a full disk leaves the previous
 * version intact. */
static gboolean
save_bytes (GBytes        *bytes,
            GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  if (hui_atomic_file_write_bytes (file, bytes, cancellable, error))
    return TRUE;

  prefix_with_file (error, file, _("Cannot save “%s”: "));
  return FALSE;
}

gboolean
hui_project_save (HuiBulletin   *bulletin,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = hui_project_serialize (bulletin);
  return save_bytes (bytes, file, cancellable, error);
}

HuiBulletin *
hui_project_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  HuiBulletin *bulletin = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = hui_files_load (file, HUI_PROJECT_MAX_SIZE, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    local_error->domain = HUI_PROJECT_ERROR, local_error->code = HUI_PROJECT_ERROR_TOO_LARGE;
  if (bytes != NULL)
    bulletin = hui_project_parse (bytes, &local_error);

  if (bulletin == NULL)
    {
      g_propagate_error (error, local_error);
      prefix_with_file (error, file, _("Cannot open “%s”: "));
    }

  return bulletin;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_bytes (task_data, g_object_get_data (G_OBJECT (task), "file"), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Serialising is fast (milliseconds for a big bulletin) and must see the
 * model as it is now, so it happens here; the write is in a worker. */
void
hui_project_save_async (HuiBulletin         *bulletin,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUI_IS_BULLETIN (bulletin));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (bulletin, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_project_save_async);
  g_task_set_task_data (task, hui_project_serialize (bulletin), (GDestroyNotify)g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
hui_project_save_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HuiBulletin *bulletin = hui_project_load (G_FILE (task_data), cancellable, &error);

  if (bulletin != NULL)
    g_task_return_pointer (task, bulletin, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
hui_project_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_project_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

HuiBulletin *
hui_project_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-project"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-docbook-reader.h"
#include "hui-docbook-writer.h"
#include "hui-project.h"

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

/* The new contents go to a temporary file in the same folder, which is
 * synced and renamed over the old one only when complete, so a crash or a
 * full disk leaves the previous version intact. */
gboolean
hui_project_save (HuiBulletin   *bulletin,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = hui_project_serialize (bulletin);
  ok = g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, error);
  if (!ok)
    prefix_with_file (error, file, _("Cannot save “%s”: "));

  return ok;
}

HuiBulletin *
hui_project_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  HuiBulletin *bulletin = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && g_file_info_get_size (info) > HUI_PROJECT_MAX_SIZE)
    g_set_error (&local_error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_TOO_LARGE,
                 _("the file is larger than %d MB"), HUI_PROJECT_MAX_SIZE / (1024 * 1024));
  else if (info != NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);

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
save_replaced_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    {
      prefix_with_file (&error, G_FILE (object), _("Cannot save “%s”: "));
      g_task_return_error (task, error);
    }
}

/* Serialising is fast (milliseconds for a big bulletin) and must see the
 * model as it is now, so it happens here; the write is asynchronous. */
void
hui_project_save_async (HuiBulletin         *bulletin,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GTask *task;

  g_return_if_fail (HUI_IS_BULLETIN (bulletin));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (bulletin, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_project_save_async);
  bytes = hui_project_serialize (bulletin);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, save_replaced_cb, task);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-draft-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-draft-store.h"
#include "hui-project.h"
#include "support/hui-atomic-file.h"

/* Drafts: a copy of each open bulletin saved a few seconds after it
 * changes, deleted when the bulletin is saved or its changes discarded,
 * and offered back at the next start when the program did not get that
 * far (GNOME Text Editor's drafts are the model). A draft is a project
 * file, <id>.huibian, beside <id>.uri naming the project it belongs to
 * (empty for a bulletin never saved). Writes are atomic like all saves. */
struct _HuiDraftStore
{
  GObject parent_instance;

  GFile *directory;
};

G_DEFINE_FINAL_TYPE (HuiDraftStore, hui_draft_store, G_TYPE_OBJECT)

static void
hui_draft_store_finalize (GObject *object)
{
  HuiDraftStore *self = (HuiDraftStore *)object;

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (hui_draft_store_parent_class)->finalize (object);
}

static void
hui_draft_store_class_init (HuiDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hui_draft_store_finalize;
}

static void
hui_draft_store_init (HuiDraftStore *self)
{
}

HuiDraftStore *
hui_draft_store_new (GFile *directory)
{
  HuiDraftStore *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (HUI_TYPE_DRAFT_STORE, NULL);
  self->directory = g_object_ref (directory);
  return self;
}

/* $XDG_DATA_HOME/huibian/drafts, or $HUI_DRAFTS_DIR (tests). */
HuiDraftStore *
hui_draft_store_get_default (void)
{
  static HuiDraftStore *instance;

  if (instance == NULL)
    {
      const char *override = g_getenv ("HUI_DRAFTS_DIR");
      g_autofree char *path = override ? g_strdup (override)
                                       : g_build_filename (g_get_user_data_dir (), "huibian", "drafts", NULL);
      g_autoptr(GFile) directory = g_file_new_for_path (path);

      instance = hui_draft_store_new (directory);
    }

  return instance;
}

char *
hui_draft_store_new_id (HuiDraftStore *self)
{
  return g_uuid_string_random ();
}

static GFile *
member (HuiDraftStore *self,
        const char    *id,
        const char    *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->directory, name);
}

static gboolean
ensure_directory (GFile         *directory,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (directory, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
replace (GFile         *file,
         const void    *data,
         gsize          length,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autofree char *display = NULL;

  if (hui_atomic_file_write_bytes (file, bytes, cancellable, error))
    return TRUE;

  display = g_file_get_parse_name (file);
  g_prefix_error (error, _("Cannot save the draft “%s”: "), display);
  return FALSE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HuiDraftStore *self = source_object;
  GBytes *bytes = task_data;
  const char *id = g_object_get_data (G_OBJECT (task), "id");
  const char *uri = g_object_get_data (G_OBJECT (task), "uri");
  g_autoptr(GFile) draft = member (self, id, ".huibian");
  g_autoptr(GFile) link = member (self, id, ".uri");
  GError *error = NULL;

  if (ensure_directory (self->directory, cancellable, &error) &&
      replace (draft, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), cancellable, &error) &&
      replace (link, uri, strlen (uri), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The bulletin is serialised now, on the main thread, and written in a
 * worker so that typing never waits for the disk. */
void
hui_draft_store_save_async (HuiDraftStore       *self,
                            const char          *id,
                            HuiBulletin         *bulletin,
                            GFile               *project,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUI_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL && HUI_IS_BULLETIN (bulletin));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_draft_store_save_async);
  g_task_set_task_data (task, hui_project_serialize (bulletin), (GDestroyNotify)g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (task), "uri", project ? g_file_get_uri (project) : g_strdup (""), g_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
hui_draft_store_save_finish (HuiDraftStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hui_draft_store_delete (HuiDraftStore *self,
                        const char    *id)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) link = NULL;

  g_return_if_fail (HUI_IS_DRAFT_STORE (self));

  if (id == NULL)
    return;

  draft = member (self, id, ".huibian");
  link = member (self, id, ".uri");
  g_file_delete (draft, NULL, NULL);
  g_file_delete (link, NULL, NULL);
}

/* The ids of the drafts left behind, oldest first. */
GStrv
hui_draft_store_list (HuiDraftStore *self)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GFileInfo *info;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), NULL);

  children = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".huibian"))
        g_ptr_array_add (ids, g_strndup (name, strlen (name) - strlen (".huibian")));
      g_object_unref (info);
    }
  g_ptr_array_sort (ids, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (ids, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

HuiBulletin *
hui_draft_store_load (HuiDraftStore  *self,
                      const char     *id,
                      GFile         **project,
                      GError        **error)
{
  g_autoptr(GFile) draft = member (self, id, ".huibian");
  g_autoptr(GFile) link = member (self, id, ".uri");
  g_autofree char *uri = NULL;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), NULL);

  if (project != NULL)
    {
      *project = NULL;
      if (g_file_load_contents (link, NULL, &uri, NULL, NULL, NULL) && *uri != '\0')
        *project = g_file_new_for_uri (uri);
    }

  return hui_project_load (draft, NULL, error);
}

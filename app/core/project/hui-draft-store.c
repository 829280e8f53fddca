/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-draft-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hui-draft-store-private.h"
#include "hui-project.h"
#include "support/hui-atomic-file.h"
#include "support/hui-files.h"

/* Drafts: a copy of each open bulletin saved a few seconds after it
 * changes, deleted when the bulletin is saved or its changes discarded,
 * and offered back at a later start when the program did not get that
 * far (GNOME Text Editor's drafts are the model). A draft is a project
 * file, <id>.huibian, beside <id>.uri naming the project it belongs to
 * (empty for a bulletin never saved). Writes are atomic like all saves.
 *
 * Several instances share the folder, so each draft has an owner: the
 * window it belongs to holds an flock() on <id>.lock for as long as it
 * lives. The kernel drops the lock when the process ends, however it
 * ends (even kill -9), so a draft whose lock can be taken is one whose
 * owner is gone, and only those are offered. flock() locks belong to an
 * open file, not to a process: two windows of one process exclude each
 * other like two processes do. */
struct _HuiDraftStore
{
  GObject     parent_instance;

  GFile      *directory;
  char       *path;
  GMutex      mutex;    /* guards owned; one draft write at a time */
  GHashTable *owned;    /* id → Owned: the drafts this process holds */
};

/* A draft this process owns. Saves are numbered as they are asked for,
 * so that a write that a later one (or a delete) overtook is dropped
 * instead of bringing back an older version. */
typedef struct {
  int     fd;
  guint64 queued;
  guint64 written;
} Owned;

G_DEFINE_FINAL_TYPE (HuiDraftStore, hui_draft_store, G_TYPE_OBJECT)

/* How old a temporary file of GLib's (Huibian 0.1 wrote drafts
 * with g_file_replace) must be to be a leftover rather than a write
 * under way in an older instance. */
#define STALE_GLIB_TEMPORARY_S (60 * 60)

/* A link holds one URI. */
#define MAX_LINK_SIZE (64 * 1024)

static void
owned_free (gpointer data)
{
  Owned *owned = data;

  close (owned->fd);
  g_free (owned);
}

static void
hui_draft_store_finalize (GObject *object)
{
  HuiDraftStore *self = (HuiDraftStore *)object;

  g_clear_pointer (&self->owned, g_hash_table_unref);
  g_mutex_clear (&self->mutex);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->path, g_free);

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
  g_mutex_init (&self->mutex);
  self->owned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, owned_free);
}

HuiDraftStore *
hui_draft_store_new (GFile *directory)
{
  HuiDraftStore *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (HUI_TYPE_DRAFT_STORE, NULL);
  self->directory = g_object_ref (directory);
  self->path = g_file_get_path (directory);
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

static GFile *
member (HuiDraftStore *self,
        const char    *id,
        const char    *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->directory, name);
}

static char *
member_path (HuiDraftStore *self,
             const char    *id,
             const char    *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->path, name, NULL);
}

static gboolean
ensure_directory (HuiDraftStore  *self,
                  GError        **error)
{
  if (self->path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The drafts folder “%s” is not a local folder"), g_file_peek_path (self->directory));
      return FALSE;
    }
  if (g_mkdir_with_parents (self->path, 0700) == 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
               _("Could not make the drafts folder “%s”: %s"), self->path, g_strerror (errno));
  return FALSE;
}

/* Takes the lock of draft @id: its file descriptor, or -1 when another
 * window (of this process or another) holds it. */
static int
take_lock (HuiDraftStore  *self,
           const char     *id,
           GError        **error)
{
  g_autofree char *path = member_path (self, id, ".lock");
  struct stat opened, linked;
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not lock the draft “%s”: %s"), path, g_strerror (errno));
      return -1;
    }
  /* The lock file may be unlinked by its deleting owner between our
   * open() and flock(): a lock on a file no longer in the folder is
   * no lock. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 ||
      fstat (fd, &opened) != 0 || g_stat (path, &linked) != 0 ||
      opened.st_ino != linked.st_ino || opened.st_dev != linked.st_dev)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("The draft “%s” belongs to another window"), id);
      return -1;
    }
  return fd;
}

static void
own (HuiDraftStore *self,
     const char    *id,
     int            fd)
{
  Owned *owned = g_new0 (Owned, 1);

  owned->fd = fd;
  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->owned, g_strdup (id), owned);
  g_mutex_unlock (&self->mutex);
}

/* Makes @id the caller's, whether a draft of that name exists yet or
 * not; FALSE when another window holds it. */
gboolean
hui_draft_store_take (HuiDraftStore  *self,
                      const char     *id,
                      GError        **error)
{
  int fd;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!ensure_directory (self, error) || (fd = take_lock (self, id, error)) < 0)
    return FALSE;
  own (self, id, fd);
  return TRUE;
}

/* A new draft's id, owned by the caller until it deletes or releases it. */
char *
hui_draft_store_new_id (HuiDraftStore  *self,
                        GError        **error)
{
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), NULL);

  if (!hui_draft_store_take (self, id, error))
    return NULL;
  return g_steal_pointer (&id);
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

/* Writes save number @seq of draft @id, unless a later save or a
 * delete came first. */
static gboolean
write_draft (HuiDraftStore  *self,
             const char     *id,
             guint64         seq,
             GBytes         *bytes,
             const char     *uri,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(GFile) draft = member (self, id, ".huibian");
  g_autoptr(GFile) link = member (self, id, ".uri");
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  Owned *owned = g_hash_table_lookup (self->owned, id);

  if (owned == NULL || seq <= owned->written)
    return TRUE;
  if (!ensure_directory (self, error) ||
      !replace (draft, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), cancellable, error) ||
      !replace (link, uri, strlen (uri), cancellable, error))
    return FALSE;
  owned->written = seq;
  return TRUE;
}

/* The number of a new save of @id, or 0 when the caller does not own it. */
static guint64
queue_save (HuiDraftStore  *self,
            const char     *id,
            GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  Owned *owned = g_hash_table_lookup (self->owned, id);

  if (owned != NULL)
    return ++owned->queued;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
               _("The draft “%s” belongs to another window"), id);
  return 0;
}

static char *
project_uri (GFile *project)
{
  return project ? g_file_get_uri (project) : g_strdup ("");
}

/* Saves draft @id now, on the calling thread: for the moments when the
 * program may not live to finish a write in the background. */
gboolean
hui_draft_store_save (HuiDraftStore  *self,
                      const char     *id,
                      HuiBulletin    *bulletin,
                      GFile          *project,
                      GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  guint64 seq;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && HUI_IS_BULLETIN (bulletin), FALSE);

  if ((seq = queue_save (self, id, error)) == 0)
    return FALSE;
  bytes = hui_project_serialize (bulletin);
  uri = project_uri (project);
  return write_draft (self, id, seq, bytes, uri, NULL, error);
}

typedef struct {
  char    *id;
  char    *uri;
  GBytes  *bytes;
  guint64  seq;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->id);
  g_free (data->uri);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (write_draft (source_object, data->id, data->seq, data->bytes, data->uri, cancellable, &error))
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
  GError *error = NULL;
  SaveData *data;
  guint64 seq;

  g_return_if_fail (HUI_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL && HUI_IS_BULLETIN (bulletin));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_draft_store_save_async);
  if ((seq = queue_save (self, id, &error)) == 0)
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (SaveData, 1);
  data->id = g_strdup (id);
  data->uri = project_uri (project);
  data->bytes = hui_project_serialize (bulletin);
  data->seq = seq;
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
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

/* Deletes the lock file of a draft that is gone, then lets the lock go;
 * the caller holds the mutex and removes @id from owned. */
static void
unlink_lock (HuiDraftStore *self,
             const char    *id)
{
  g_autofree char *lock = member_path (self, id, ".lock");

  g_unlink (lock);
}

static void
unlink_draft (HuiDraftStore *self,
              const char    *id)
{
  g_autofree char *draft = member_path (self, id, ".huibian");
  g_autofree char *link = member_path (self, id, ".uri");

  g_unlink (draft);
  g_unlink (link);
}

/* Deletes a draft the caller owns; writes still under way for it are
 * dropped. Another window's draft is left alone. */
void
hui_draft_store_delete (HuiDraftStore *self,
                        const char    *id)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (HUI_IS_DRAFT_STORE (self));

  if (id == NULL)
    return;
  locker = g_mutex_locker_new (&self->mutex);
  if (!g_hash_table_contains (self->owned, id))
    return;
  /* The draft goes first, so that whoever takes the lock after us
   * finds no draft behind it. */
  unlink_draft (self, id);
  unlink_lock (self, id);
  g_hash_table_remove (self->owned, id);
}

/* Lets go of a draft the caller owns but keeps it, for a later session
 * (or another instance) to offer. */
void
hui_draft_store_release (HuiDraftStore *self,
                         const char    *id)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (HUI_IS_DRAFT_STORE (self));

  if (id == NULL)
    return;
  locker = g_mutex_locker_new (&self->mutex);
  g_hash_table_remove (self->owned, id);
}

static gboolean
is_owned (HuiDraftStore *self,
          const char    *id)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return g_hash_table_contains (self->owned, id);
}

typedef struct {
  char    *id;
  guint64  mtime;   /* µs */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->id);
  g_free (candidate);
}

static int
compare_age (gconstpointer a,
             gconstpointer b)
{
  const Candidate *x = *(Candidate **)a;
  const Candidate *y = *(Candidate **)b;

  if (x->mtime != y->mtime)
    return x->mtime < y->mtime ? -1 : 1;
  return strcmp (x->id, y->id);
}

static GFileEnumerator *
enumerate (HuiDraftStore *self)
{
  return g_file_enumerate_children (self->directory,
                                    G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                    G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                    G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
}

/* The drafts in the folder that this process does not own, oldest
 * (least recently written) first. Temporary files are hidden (a dot
 * first), so names of drafts never start with one. */
static GPtrArray *
list_others (HuiDraftStore *self)
{
  g_autoptr(GFileEnumerator) children = enumerate (self);
  GPtrArray *found = g_ptr_array_new_with_free_func (candidate_free);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".huibian") && name[0] != '.')
        {
          Candidate *candidate = g_new0 (Candidate, 1);

          candidate->id = g_strndup (name, strlen (name) - strlen (".huibian"));
          candidate->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
                             g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
          if (is_owned (self, candidate->id))
            candidate_free (candidate);
          else
            g_ptr_array_add (found, candidate);
        }
      g_object_unref (info);
    }
  g_ptr_array_sort (found, compare_age);
  return found;
}

/* Takes ownership of @id when its owner is gone and it is still there. */
static gboolean
claim (HuiDraftStore *self,
       const char    *id)
{
  g_autofree char *draft = member_path (self, id, ".huibian");
  int fd = take_lock (self, id, NULL);

  if (fd < 0)
    return FALSE;
  if (!g_file_test (draft, G_FILE_TEST_IS_REGULAR))
    {
      /* Deleted by its owner since we listed it. */
      unlink_lock (self, id);
      close (fd);
      return FALSE;
    }
  own (self, id, fd);
  return TRUE;
}

/* Takes ownership of the oldest draft whose owner is gone (a session
 * that ended without saving or discarding it) and returns its id, or
 * NULL when there is none. Once claimed, no other instance offers it. */
char *
hui_draft_store_claim_next (HuiDraftStore *self)
{
  g_autoptr(GPtrArray) others = NULL;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), NULL);

  if (self->path == NULL)
    return NULL;
  others = list_others (self);
  for (guint i = 0; i < others->len; i++)
    {
      Candidate *candidate = others->pdata[i];

      if (claim (self, candidate->id))
        return g_strdup (candidate->id);
    }
  return NULL;
}

/* The project @id belongs to, from its link (a URI, empty for a
 * bulletin never saved), or NULL. */
static GFile *
linked_project (HuiDraftStore *self,
                const char    *id)
{
  g_autoptr(GFile) link = member (self, id, ".uri");
  g_autoptr(GBytes) bytes = hui_files_load (link, MAX_LINK_SIZE, NULL, NULL);
  g_autofree char *uri = bytes ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;

  return uri != NULL && *uri != '\0' ? g_file_new_for_uri (uri) : NULL;
}

HuiBulletin *
hui_draft_store_load (HuiDraftStore  *self,
                      const char     *id,
                      GFile         **project,
                      GError        **error)
{
  g_autoptr(GFile) draft = NULL;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  draft = member (self, id, ".huibian");
  if (project != NULL)
    *project = linked_project (self, id);

  return hui_project_load (draft, NULL, error);
}

static gboolean
move_into (GFile   *file,
           GFile   *folder,
           GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) dest = g_file_get_child (folder, name);

  return g_file_move (file, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                      NULL, NULL, NULL, error);
}

/* Moves a draft the caller owns that cannot be read into the damaged/
 * subfolder, where it is kept for whoever wants to look at it but never
 * offered again; returns where it went. */
GFile *
hui_draft_store_set_aside (HuiDraftStore  *self,
                           const char     *id,
                           GError        **error)
{
  g_autoptr(GFile) damaged = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) link = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (HUI_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  damaged = g_file_get_child (self->directory, "damaged");
  draft = member (self, id, ".huibian");
  link = member (self, id, ".uri");
  locker = g_mutex_locker_new (&self->mutex);
  if (!g_hash_table_contains (self->owned, id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The draft “%s” belongs to another window"), id);
      return NULL;
    }
  if (!(g_file_make_directory (damaged, NULL, NULL) || g_file_query_exists (damaged, NULL)) ||
      !move_into (draft, damaged, error))
    return NULL;
  move_into (link, damaged, NULL);
  unlink_lock (self, id);
  g_hash_table_remove (self->owned, id);
  name = g_file_get_basename (draft);
  return g_file_get_child (damaged, name);
}

/* Removes @id's files other than the draft itself when nobody owns it:
 * a lock or a link left by a window that never wrote its draft. */
static void
remove_leftover (HuiDraftStore *self,
                 const char    *id)
{
  g_autofree char *draft = member_path (self, id, ".huibian");
  g_autofree char *link = member_path (self, id, ".uri");
  int fd;

  if (is_owned (self, id) || g_file_test (draft, G_FILE_TEST_EXISTS) ||
      (fd = take_lock (self, id, NULL)) < 0)
    return;
  g_unlink (link);
  unlink_lock (self, id);
  close (fd);
}

static gboolean
is_stale_glib_temporary (GFileInfo *info)
{
  guint64 now = (guint64)(g_get_real_time () / G_USEC_PER_SEC);
  guint64 mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  return g_str_has_prefix (g_file_info_get_name (info), ".goutputstream-") &&
         mtime + STALE_GLIB_TEMPORARY_S < now;
}

/* Cleans the folder of what dead owners left: locks and links without a
 * draft, and temporary files of interrupted writes (the atomic writer's,
 * whose names say their writer, and GLib's from older versions). Drafts
 * themselves stay until offered. */
void
hui_draft_store_remove_stale (HuiDraftStore *self)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_return_if_fail (HUI_IS_DRAFT_STORE (self));

  if (self->path == NULL)
    return;
  hui_atomic_file_remove_stale (self->path);
  children = enumerate (self);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.' && (g_str_has_suffix (name, ".lock") || g_str_has_suffix (name, ".uri")))
        {
          g_autofree char *id = g_strndup (name, strrchr (name, '.') - name);

          remove_leftover (self, id);
        }
      else if (is_stale_glib_temporary (info))
        {
          g_autofree char *path = g_build_filename (self->path, name, NULL);

          g_unlink (path);
        }
      g_object_unref (info);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-atomic-file"
#define _GNU_SOURCE  /* O_TMPFILE */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hui-atomic-file.h"

/* How a save goes: the new contents are written to a file in the target's
 * own folder (so the rename cannot cross file systems) that has no name
 * yet (O_TMPFILE: a crash or kill -9 while writing leaves nothing behind),
 * synced, given a temporary name and renamed over the target, and the
 * folder is synced so the rename itself survives a power cut. Any error
 * before the rename leaves the target untouched and removes what was
 * written. GLib's g_file_replace() is not used: on a write error its
 * close still renames the partial file over the original, and it writes
 * a new file in place. Where O_TMPFILE is not supported, the file is
 * named from the start; names carry the writer's process id so a later
 * save can tell a stale one (its writer is gone) and remove it. */

#define TEMPORARY_MARK ".huibian-tmp-"

struct _HuiAtomicFile
{
  char          *base;         /* the target's name in its folder */
  char          *temporary;    /* the temporary name, once it has one */
  int            directory_fd;
  int            fd;
  int            mode;         /* the replaced file's permissions, or -1 */
  GOutputStream *stream;
  gboolean       committed;
};

/* Says what a person can act on instead of the C library's wording. */
void
hui_atomic_file_explain (GError *error)
{
  const char *reason = NULL;

  if (error == NULL || error->domain != G_IO_ERROR)
    return;

  switch (error->code)
    {
    case G_IO_ERROR_NO_SPACE:
      reason = _("the disk is full");
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      reason = _("you may not write to that folder");
      break;
    case G_IO_ERROR_READ_ONLY:
      reason = _("the disk is read-only");
      break;
    default:
      return;
    }
  g_free (error->message);
  error->message = g_strdup (reason);
}

static gboolean
fail_with_errno (GError **error,
                 int      saved_errno)
{
  GError *local_error = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                             g_strerror (saved_errno));

  hui_atomic_file_explain (local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
hui_atomic_file_is_temporary (const char *name)
{
  return name[0] == '.' && strstr (name, TEMPORARY_MARK) != NULL;
}

static gboolean
owner_is_gone (const char *name)
{
  const char *mark = strstr (name, TEMPORARY_MARK);
  gint64 pid = g_ascii_strtoll (mark + strlen (TEMPORARY_MARK), NULL, 10);

  return pid > 0 && pid <= G_MAXINT && kill ((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* Removes the temporary files in @directory whose writer has died. */
void
hui_atomic_file_remove_stale (const char *directory)
{
  DIR *dir = opendir (directory);
  struct dirent *entry;

  if (dir == NULL)
    return;

  while ((entry = readdir (dir)) != NULL)
    if (hui_atomic_file_is_temporary (entry->d_name) && owner_is_gone (entry->d_name))
      unlinkat (dirfd (dir), entry->d_name, 0);

  closedir (dir);
}

/* Links point at what they name: saving through a link replaces the
 * file, not the link. */
static char *
resolve_target (const char  *path,
                struct stat *st,
                gboolean    *exists,
                GError     **error)
{
  char *real = realpath (path, NULL);
  char *resolved = real != NULL ? g_strdup (real) : g_strdup (path);

  free (real);
  *exists = stat (resolved, st) == 0;
  if (*exists && S_ISDIR (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
  else if (*exists && !S_ISREG (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
  else
    return resolved;

  g_free (resolved);
  return NULL;
}

static char *
temporary_name (const char *base)
{
  g_autofree char *stem = g_strdup (base);
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char suffix[7];

  /* Room for the mark within NAME_MAX whatever the target's name. */
  if (strlen (stem) > 120)
    *g_utf8_find_prev_char (stem, stem + 120) = '\0';
  for (guint i = 0; i < 6; i++)
    suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  suffix[6] = '\0';

  return g_strdup_printf (".%s" TEMPORARY_MARK "%d-%s", stem, (int)getpid (), suffix);
}

static gboolean
open_temporary (HuiAtomicFile  *self,
                GError        **error)
{
  self->fd = openat (self->directory_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd >= 0)
    return TRUE;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    return fail_with_errno (error, errno);

  for (guint attempt = 0; attempt < 100 && self->fd < 0; attempt++)
    {
      g_free (self->temporary);
      self->temporary = temporary_name (self->base);
      self->fd = openat (self->directory_fd, self->temporary,
                         O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
      if (self->fd < 0 && errno != EEXIST)
        {
          g_clear_pointer (&self->temporary, g_free);
          return fail_with_errno (error, errno);
        }
    }

  return self->fd >= 0 || fail_with_errno (error, EEXIST);
}

/* Starts writing @target (a local file). Nothing is visible at @target
 * until hui_atomic_file_commit(); freeing the writer before that discards
 * everything written. */
HuiAtomicFile *
hui_atomic_file_new (GFile   *target,
                     GError **error)
{
  g_autoptr(HuiAtomicFile) self = g_new0 (HuiAtomicFile, 1);
  g_autofree char *path = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *directory = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  self->fd = self->directory_fd = self->mode = -1;
  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("only files on this computer or a mounted share can be written"));
      return NULL;
    }
  resolved = resolve_target (path, &st, &exists, error);
  if (resolved == NULL)
    return NULL;
  if (exists)
    self->mode = st.st_mode & 07777;

  self->base = g_path_get_basename (resolved);
  directory = g_path_get_dirname (resolved);
  self->directory_fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (self->directory_fd < 0)
    {
      fail_with_errno (error, errno);
      return NULL;
    }
  hui_atomic_file_remove_stale (directory);

  if (!open_temporary (self, error))
    return NULL;
  if (self->mode >= 0)
    fchmod (self->fd, self->mode);
  self->stream = g_unix_output_stream_new (self->fd, FALSE);

  return g_steal_pointer (&self);
}

/* Where the contents go. Errors writing to it leave the target as it was
 * (free the writer without committing). */
GOutputStream *
hui_atomic_file_get_stream (HuiAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

/* Gives the unnamed file a temporary name in the folder, to rename. */
static gboolean
link_temporary (HuiAtomicFile  *self,
                GError        **error)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = temporary_name (self->base);

      if (linkat (AT_FDCWD, proc, self->directory_fd, name, AT_SYMLINK_FOLLOW) == 0)
        {
          self->temporary = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        return fail_with_errno (error, errno);
    }

  return fail_with_errno (error, EEXIST);
}

gboolean
hui_atomic_file_commit (HuiAtomicFile  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  if (!g_output_stream_flush (self->stream, cancellable, error))
    {
      hui_atomic_file_explain (error ? *error : NULL);
      return FALSE;
    }
  if (fsync (self->fd) != 0)
    return fail_with_errno (error, errno);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->temporary == NULL && !link_temporary (self, error))
    return FALSE;
  if (renameat (self->directory_fd, self->temporary, self->directory_fd, self->base) != 0)
    return fail_with_errno (error, errno);

  self->committed = TRUE;
  /* The rename is durable only once the folder is on the disk too; some
   * file systems cannot sync a folder and say so with EINVAL. */
  if (fsync (self->directory_fd) != 0 && errno != EINVAL)
    g_debug ("Could not sync the folder of “%s”: %s", self->base, g_strerror (errno));

  return TRUE;
}

void
hui_atomic_file_free (HuiAtomicFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed && self->temporary != NULL)
    unlinkat (self->directory_fd, self->temporary, 0);
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (self->directory_fd >= 0)
    close (self->directory_fd);
  g_free (self->temporary);
  g_free (self->base);
  g_free (self);
}

gboolean
hui_atomic_file_write_bytes (GFile         *target,
                             GBytes        *bytes,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(HuiAtomicFile) self = hui_atomic_file_new (target, error);
  gsize size;
  const void *data;

  if (self == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!g_output_stream_write_all (self->stream, data, size, NULL, cancellable, error))
    {
      hui_atomic_file_explain (error ? *error : NULL);
      return FALSE;
    }

  return hui_atomic_file_commit (self, cancellable, error);
}

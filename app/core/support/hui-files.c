/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-files"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hui-files.h"

/* Reading what the user names, safely: only regular files, and never
 * more than a limit, whatever the file says its size is (/dev/zero and
 * files in /proc say 0; a FIFO would block the open forever). */

static gboolean
check_regular (GFileInfo  *info,
               gsize       max_size,
               GError    **error)
{
  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
      return FALSE;
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("it is not a regular file (a device, a pipe or a socket)"));
      return FALSE;
    }

  if ((guint64)g_file_info_get_size (info) > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is larger than %u MB"), (guint)(max_size / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}

gboolean
hui_files_is_regular (GFile        *file,
                      GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR;
}

/* Reads to the end, but never past @max_size: one byte more than allowed
 * tells a file that grew, or lied about its size. */
static GBytes *
read_bounded (GInputStream  *stream,
              goffset        expected,
              gsize          max_size,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_sized_new (MIN ((gsize)expected, max_size) + 1);
  guint8 chunk[64 * 1024];
  gssize n;

  while ((n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, error)) > 0)
    {
      g_byte_array_append (data, chunk, n);
      if (data->len > max_size)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("the file is larger than %u MB"), (guint)(max_size / (1024 * 1024)));
          return NULL;
        }
    }
  if (n < 0)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The contents of @file, a regular file of at most @max_size bytes.
 * Errors are G_IO_ERROR: IS_DIRECTORY, NOT_REGULAR_FILE, MESSAGE_TOO_LARGE
 * (over the limit), or whatever reading it failed with. */
GBytes *
hui_files_load (GFile         *file,
                gsize          max_size,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL || !check_regular (info, max_size, error))
    return NULL;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  return read_bounded (G_INPUT_STREAM (stream), g_file_info_get_size (info), max_size,
                       cancellable, error);
}

/* Whether @a and @b are one file (the same device and inode, so links
 * and different spellings of a path are seen through). */
gboolean
hui_files_are_same (GFile *a,
                    GFile *b)
{
  g_autoptr(GFileInfo) info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInfo) info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  const char *id_a, *id_b;

  if (g_file_equal (a, b))
    return TRUE;
  if (info_a == NULL || info_b == NULL)
    return FALSE;

  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

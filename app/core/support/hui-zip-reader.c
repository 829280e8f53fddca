/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-zip-reader"

#include "config.h"

#include <sys/stat.h>
#include <zip.h>

#include <glib/gi18n-lib.h>

#include "hui-zip-reader.h"

G_DEFINE_QUARK (hui-zip-reader-error-quark, hui_zip_reader_error)

/* Reads members of a zip package (.odt, .docx) held in memory, on guard:
 * libzip checks the archive's consistency (overlapping or inconsistent
 * entries are refused), encrypted members, unknown compression methods,
 * duplicate names, symbolic links and absurd entry counts are refused,
 * and a member is
 * read by counting the bytes actually inflated, stopping at a cap,
 * because the sizes an archive declares can lie. */
struct _HuiZipReader
{
  GBytes *bytes;
  zip_source_t *source;
  zip_t *zip;
  gsize inflated;  /* by all reads so far, against HUI_ZIP_MAX_TOTAL_SIZE */
};

void
hui_zip_reader_free (HuiZipReader *self)
{
  if (self == NULL)
    return;

  if (self->zip != NULL)
    zip_discard (self->zip);
  else if (self->source != NULL)
    zip_source_free (self->source);
  g_bytes_unref (self->bytes);
  g_free (self);
}

static gboolean
fail (GError     **error,
      const char  *reason)
{
  g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_INVALID, "%s", reason);
  return FALSE;
}

/* A member that a Unix zip tool marked as a symbolic link holds a path
 * (say /etc/passwd), not content: unzipped, it would point outside the
 * package. Nothing here follows it, but a document made that way is not
 * an honest one, and reading the path as XML would only confuse. */
static gboolean
is_symlink (zip_t       *zip,
            zip_int64_t  index)
{
  zip_uint8_t opsys;
  zip_uint32_t attributes;

  if (zip_file_get_external_attributes (zip, index, 0, &opsys, &attributes) != 0)
    return FALSE;
  return opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK;
}

/* Every entry is looked at once, before anything is read. */
static gboolean
check_entries (zip_t   *zip,
               GError **error)
{
  zip_int64_t n = zip_get_num_entries (zip, 0);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n < 0 || n > HUI_ZIP_MAX_ENTRIES)
    return fail (error, _("the package has too many entries"));

  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t st;

      if (zip_stat_index (zip, i, 0, &st) != 0)
        return fail (error, _("the package has an unreadable entry"));
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return fail (error, _("the package has encrypted entries"));
      if ((st.valid & ZIP_STAT_COMP_METHOD) &&
          st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)
        return fail (error, _("the package uses an unknown compression method"));
      if (!g_hash_table_add (names, g_strdup (st.name)))
        return fail (error, _("the package has two entries with the same name"));
      if (is_symlink (zip, i))
        {
          g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_UNSAFE,
                       _("the package contains a symbolic link (“%s”), which is refused as unsafe"), st.name);
          return FALSE;
        }
    }

  return TRUE;
}

HuiZipReader *
hui_zip_reader_open (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(HuiZipReader) self = g_new0 (HuiZipReader, 1);
  zip_error_t zerror;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  self->bytes = g_bytes_ref (bytes);
  zip_error_init (&zerror);
  self->source = zip_source_buffer_create (data, len, 0, &zerror);
  if (self->source != NULL)
    self->zip = zip_open_from_source (self->source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  if (self->zip == NULL)
    {
      g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_INVALID,
                   _("it is not a readable zip package (%s)"), zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      return NULL;
    }
  zip_error_fini (&zerror);

  if (!check_entries (self->zip, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
hui_zip_reader_has (HuiZipReader *self,
                    const char   *name)
{
  return zip_name_locate (self->zip, name, 0) >= 0;
}

GBytes *
hui_zip_reader_read (HuiZipReader  *self,
                     const char    *name,
                     GError       **error)
{
  zip_file_t *file = zip_fopen (self->zip, name, 0);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 chunk[65536];
  zip_int64_t n;

  if (file == NULL)
    {
      g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_INVALID,
                   _("the package has no readable “%s”"), name);
      return NULL;
    }

  while ((n = zip_fread (file, chunk, sizeof chunk)) > 0)
    {
      if (out->len + (gsize)n > HUI_ZIP_MAX_MEMBER_SIZE)
        {
          zip_fclose (file);
          g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_TOO_LARGE,
                       _("“%s” in the package inflates to more than %d MB"),
                       name, HUI_ZIP_MAX_MEMBER_SIZE / (1024 * 1024));
          return NULL;
        }
      /* Many members each under the cap (images) must not add up to a bomb. */
      self->inflated += n;
      if (self->inflated > HUI_ZIP_MAX_TOTAL_SIZE)
        {
          zip_fclose (file);
          g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_TOO_LARGE,
                       _("the package inflates to more than %d MB in all"),
                       HUI_ZIP_MAX_TOTAL_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (out, chunk, n);
    }
  zip_fclose (file);

  if (n < 0)
    {
      g_set_error (error, HUI_ZIP_READER_ERROR, HUI_ZIP_READER_ERROR_INVALID,
                   _("“%s” in the package is damaged"), name);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

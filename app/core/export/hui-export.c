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

static GBytes *
export_bytes (HuiBulletin      *bulletin,
              HuiPagination    *pagination,
              HuiExportFormat   format,
              GError          **error)
{
  HuiDocbookOptions options = { .first_pages = pagination->first_pages };

  switch (format)
    {
    case HUI_EXPORT_PDF:
      return hui_pdf_exporter_export (bulletin, pagination, error);
    case HUI_EXPORT_DOCBOOK:
      return hui_docbook_writer_write (bulletin, &options);
    case HUI_EXPORT_ODT:
      return hui_odt_exporter_export (bulletin, pagination, error);
    }
  g_return_val_if_reached (NULL);
}

/* Written to a temporary file and renamed into place: an export that
 * fails half-way leaves the previous file as it was. */
gboolean
hui_export_to_file (HuiBulletin         *bulletin,
                    const HuiPageSetup  *setup,
                    HuiExportFormat      format,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(HuiPagination) pagination = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (setup != NULL && G_IS_FILE (file), FALSE);

  pagination = hui_pagination_new (bulletin, setup);
  bytes = export_bytes (bulletin, pagination, format, error);

  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, error))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_prefix_error (error, _("Cannot export to “%s”: "), display);
      return FALSE;
    }

  return TRUE;
}

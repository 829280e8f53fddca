/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "project/hui-docbook-writer.h"
#include "hui-export.h"
#include "hui-odt-exporter.h"
#include "layout/hui-paginator.h"
#include "hui-pdf-exporter.h"

/* Every format is made from one pagination, so the page numbers in the
 * PDF, the DocBook tocentry/@pagenum and the ODT agree. */

gboolean
hui_export_format_from_string (const char     *name,
                               HuiExportFormat *format)
{
  if (g_strcmp0 (name, "pdf") == 0)
    *format = HUI_EXPORT_PDF;
  else if (g_strcmp0 (name, "docbook") == 0)
    *format = HUI_EXPORT_DOCBOOK;
  else if (g_strcmp0 (name, "odt") == 0)
    *format = HUI_EXPORT_ODT;
  else
    return FALSE;

  return TRUE;
}

static GBytes *
export_bytes (HuiBulletin         *bulletin,
              HuiPagination       *pagination,
              HuiExportFormat      format,
              GError            **error)
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
    default:
      g_assert_not_reached ();
    }
}

/* Written to a temporary file and renamed into place: an export that
 * fails half-way leaves the previous file as it was. */
gboolean
hui_export_to_file (HuiBulletin         *bulletin,
                    const HuiPageSetup  *setup,
                    HuiExportFormat      format,
                    GFile              *file,
                    GCancellable       *cancellable,
                    GError            **error)
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

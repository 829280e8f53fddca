/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hb-docbook-writer.h"
#include "hb-export.h"
#include "hb-odt-exporter.h"
#include "hb-paginator.h"
#include "hb-pdf-exporter.h"

/* Every format is made from one pagination, so the page numbers in the
 * PDF, the DocBook tocentry/@pagenum and the ODT agree. */

gboolean
hb_export_format_from_string (const char     *name,
                              HbExportFormat *format)
{
  if (g_strcmp0 (name, "pdf") == 0)
    *format = HB_EXPORT_PDF;
  else if (g_strcmp0 (name, "docbook") == 0)
    *format = HB_EXPORT_DOCBOOK;
  else if (g_strcmp0 (name, "odt") == 0)
    *format = HB_EXPORT_ODT;
  else
    return FALSE;

  return TRUE;
}

static GBytes *
export_bytes (HbBulletin         *bulletin,
              HbPagination       *pagination,
              HbExportFormat      format,
              GError            **error)
{
  HbDocbookOptions options = { .first_pages = pagination->first_pages };

  switch (format)
    {
    case HB_EXPORT_PDF:
      return hb_pdf_export (bulletin, pagination, error);
    case HB_EXPORT_DOCBOOK:
      return hb_docbook_write (bulletin, &options);
    case HB_EXPORT_ODT:
      return hb_odt_export (bulletin, pagination, error);
    default:
      g_assert_not_reached ();
    }
}

/* Written to a temporary file and renamed into place: an export that
 * fails half-way leaves the previous file as it was. */
gboolean
hb_export_to_file (HbBulletin         *bulletin,
                   const HbPageSetup  *setup,
                   HbExportFormat      format,
                   GFile              *file,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(HbPagination) pagination = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HB_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (setup != NULL && G_IS_FILE (file), FALSE);

  pagination = hb_paginate (bulletin, setup);
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

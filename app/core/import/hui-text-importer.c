/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-text-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-text-importer.h"
#include "text/hui-report-builder.h"

/* Ends the import of a text: its lines become one report, with the
 * warnings gathered while reading it (a structured source's: ODT, Word),
 * or none (NULL). */
gboolean
hui_text_importer_add_report (HuiBulletin  *bulletin,
                              GPtrArray    *lines,
                              GPtrArray    *warnings,
                              const char   *source,
                              GError      **error)
{
  g_autoptr(HuiReport) report = NULL;

  if (lines->len == 0)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_EMPTY, _("it contains no text"));
      return FALSE;
    }

  report = hui_report_builder_build (lines, 0, lines->len, 0, source, NULL);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    hui_report_add_warning (report, "%s", (char *)warnings->pdata[i]);
  hui_bulletin_append_report (bulletin, report);
  return TRUE;
}

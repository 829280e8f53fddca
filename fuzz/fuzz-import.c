/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>

#include "hb-docbook-importer.h"
#include "hb-docbook-reader.h"
#include "hb-docx-importer.h"
#include "hb-import.h"
#include "hb-odt-importer.h"
#include "hb-project.h"
#include "hb-text-decoder.h"
#include "hb-text-importer.h"
#include "hb-zip-reader.h"

/* One libFuzzer target per input kind, chosen at build time by
 * HB_FUZZ_TARGET: every importer must give a bulletin or an error, never
 * crash, hang or run out of memory, on any bytes. FUZZ_IMPORT goes
 * through content detection; the others feed one importer directly, so
 * that the fuzzer's mutations are not spent on being recognised. */

enum {
  FUZZ_IMPORT,
  FUZZ_IMPORT_SPLIT,
  FUZZ_PROJECT,
  FUZZ_TEXT,
  FUZZ_DOCX,
  FUZZ_ODT,
  FUZZ_XML,
};

#ifndef HB_FUZZ_TARGET
#define HB_FUZZ_TARGET FUZZ_IMPORT
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
import_text (HbBulletin    *bulletin,
             const uint8_t *data,
             size_t         size,
             GError       **error)
{
  g_autofree char *utf8 = hb_text_decode (data, size, NULL, error);

  if (utf8 != NULL)
    hb_text_importer_import (bulletin, utf8, "fuzz.txt", HB_IMPORT_FLAGS_AUTO_SPLIT, error);
}

static void
import_package (HbBulletin  *bulletin,
                GBytes      *bytes,
                gboolean     docx,
                GError     **error)
{
  g_autoptr(HbZipReader) zip = hb_zip_reader_open (bytes, error);

  if (zip == NULL)
    return;
  if (docx)
    hb_docx_importer_import (bulletin, zip, "fuzz.docx", error);
  else
    hb_odt_importer_import (bulletin, zip, "fuzz.odt", error);
}

/* DocBook, or a flat ODT when the root says so. */
static void
import_xml (HbBulletin  *bulletin,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(xmlDoc) doc = hb_docbook_parse (bytes, error);

  if (doc != NULL && hb_odt_importer_is_flat (doc))
    hb_odt_importer_import_flat (bulletin, doc, "fuzz.fodt", error);
  else if (doc != NULL)
    hb_docbook_importer_import (bulletin, doc, "fuzz.xml", error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HbBulletin) bulletin = hb_bulletin_new ();
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);

  switch (HB_FUZZ_TARGET)
    {
    case FUZZ_IMPORT:
      hb_import_bytes (bulletin, bytes, "fuzz.txt", HB_IMPORT_FLAGS_NONE, &error);
      break;
    case FUZZ_IMPORT_SPLIT:
      hb_import_bytes (bulletin, bytes, "fuzz.txt", HB_IMPORT_FLAGS_SPLIT, &error);
      break;
    case FUZZ_PROJECT:
      g_clear_object (&bulletin);
      bulletin = hb_project_parse (bytes, &error);
      break;
    case FUZZ_TEXT:
      import_text (bulletin, data, size, &error);
      break;
    case FUZZ_DOCX:
    case FUZZ_ODT:
      import_package (bulletin, bytes, HB_FUZZ_TARGET == FUZZ_DOCX, &error);
      break;
    case FUZZ_XML:
      import_xml (bulletin, bytes, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  return 0;
}

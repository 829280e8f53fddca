/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>

#include "import/hui-docbook-importer.h"
#include "import/hui-docx-importer.h"
#include "import/hui-import.h"
#include "import/hui-odt-importer.h"
#include "import/hui-text-importer.h"
#include "project/hui-project.h"
#include "support/hui-xml-parse.h"
#include "support/hui-zip-reader.h"
#include "text/hui-text-decoder.h"

/* One libFuzzer target per input kind, chosen at build time by
 * HUI_FUZZ_TARGET: every importer must give a bulletin or an error, never
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

#ifndef HUI_FUZZ_TARGET
#define HUI_FUZZ_TARGET FUZZ_IMPORT
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
import_text (HuiBulletin    *bulletin,
             const uint8_t  *data,
             size_t          size,
             GError        **error)
{
  g_autofree char *utf8 = hui_text_decoder_decode (data, size, NULL, error);

  if (utf8 != NULL)
    hui_import_text (bulletin, utf8, "fuzz.txt", HUI_IMPORT_FLAGS_AUTO_SPLIT, error);
}

static void
import_package (HuiBulletin  *bulletin,
                GBytes       *bytes,
                gboolean      docx,
                GError      **error)
{
  g_autoptr(HuiZipReader) zip = hui_zip_reader_open (bytes, error);

  if (zip == NULL)
    return;
  if (docx)
    hui_docx_importer_import (bulletin, zip, "fuzz.docx", error);
  else
    hui_odt_importer_import (bulletin, zip, "fuzz.odt", error);
}

/* DocBook, or a flat ODT when the root says so. */
static void
import_xml (HuiBulletin  *bulletin,
            GBytes       *bytes,
            GError      **error)
{
  g_autoptr(xmlDoc) doc = hui_xml_parse (bytes, error);

  if (doc != NULL && hui_odt_importer_is_flat (doc))
    hui_odt_importer_import_flat (bulletin, doc, "fuzz.fodt", error);
  else if (doc != NULL)
    hui_docbook_importer_import (bulletin, doc, "fuzz.xml", error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);

  switch (HUI_FUZZ_TARGET)
    {
    case FUZZ_IMPORT:
      hui_import_bytes (bulletin, bytes, "fuzz.txt", HUI_IMPORT_FLAGS_NONE, &error);
      break;
    case FUZZ_IMPORT_SPLIT:
      hui_import_bytes (bulletin, bytes, "fuzz.txt", HUI_IMPORT_FLAGS_SPLIT, &error);
      break;
    case FUZZ_PROJECT:
      g_clear_object (&bulletin);
      bulletin = hui_project_parse (bytes, &error);
      break;
    case FUZZ_TEXT:
      import_text (bulletin, data, size, &error);
      break;
    case FUZZ_DOCX:
    case FUZZ_ODT:
      import_package (bulletin, bytes, HUI_FUZZ_TARGET == FUZZ_DOCX, &error);
      break;
    case FUZZ_XML:
      import_xml (bulletin, bytes, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>

#include "hb-import.h"
#include "hb-project.h"

/* One libFuzzer target per input kind, chosen at build time by
 * HB_FUZZ_TARGET: every importer must give a bulletin or an error, never
 * crash, hang or run out of memory, on any bytes. */

enum {
  FUZZ_IMPORT,
  FUZZ_IMPORT_SPLIT,
  FUZZ_PROJECT,
};

#ifndef HB_FUZZ_TARGET
#define HB_FUZZ_TARGET FUZZ_IMPORT
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

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
    default:
      g_assert_not_reached ();
    }

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

#define HUI_DOCBOOK_NS "http://docbook.org/ns/docbook"
#define HUI_PROJECT_NS "http://huibian.org/ns/project"
#define HUI_PROJECT_FORMAT 1

typedef struct {
  /* Write Huibian's own block (format version, sources, warnings) so the
   * file can be opened again as a project. */
  gboolean       project_data;
  /* For an export: the page each report starts on (NULL: no TOC). */
  const guint   *first_pages;
} HuiDocbookOptions;

GBytes *hui_docbook_writer_write (HuiBulletin             *bulletin,
                                  const HuiDocbookOptions *options);

G_END_DECLS

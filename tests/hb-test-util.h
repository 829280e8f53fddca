/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"

G_BEGIN_DECLS

char       *hb_test_corpus_path   (const char *name);
HbBulletin *hb_test_import        (const char *path,
                                   gboolean    split);
HbBulletin *hb_test_import_string (const char *text,
                                   gboolean    split);
char       *hb_test_block_text    (HbBlock    *block);
char       *hb_test_run           (const char * const *argv);
int         hb_test_printed_page_number (const char *page_text);
GPtrArray  *hb_test_pdf_pages     (const char *pdf,
                                   guint      *n_unnumbered);

typedef struct {
  const char *name;
  GBytes *data;
} HbTestMember;

GBytes     *hb_test_make_zip      (const HbTestMember *members,
                                   guint               n);
GBytes     *hb_test_make_zip_of_many (guint   n,
                                      GBytes *data);
GBytes     *hb_test_zip_folder    (const char *folder,
                                   const char *first);

G_END_DECLS

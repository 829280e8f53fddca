/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

char        *hui_test_corpus_path         (const char         *name);
HuiBulletin *hui_test_import              (const char         *path,
                                           gboolean            split);
HuiBulletin *hui_test_import_string       (const char         *text,
                                           gboolean            split);
char        *hui_test_block_text          (HuiBlock           *block);
char        *hui_test_run                 (const char * const *argv);
int          hui_test_printed_page_number (const char         *page_text);
GPtrArray   *hui_test_pdf_pages           (const char         *pdf,
                                           guint              *n_unnumbered);

typedef struct {
  const char *name;
  GBytes *data;
} HuiTestMember;

GBytes *hui_test_make_zip         (const HuiTestMember *members,
                                   guint                n);
GBytes *hui_test_make_zip_of_many (guint                n,
                                   GBytes              *data);
GBytes *hui_test_zip_folder       (const char          *folder,
                                   const char          *first);

G_END_DECLS

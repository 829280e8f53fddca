/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"
#include "hb-import.h"

G_BEGIN_DECLS

/* One non-blank line of an imported text, already normalised. */
typedef struct {
  char      *text;
  guint      number;        /* 1-based line number in the file */
  guint      blanks_before; /* blank lines between it and the previous line */
  GPtrArray *notes;         /* warnings about this line, or NULL */
  guint      outline_level; /* a heading level the source gave, or 0 */
  gboolean   no_join;       /* a paragraph of its own in the source */
  HbBlock   *object;        /* a table or an image standing here, or NULL */
  HbBlock   *footnotes;     /* holds the notes marked in @text, or NULL */
} HbTextLine;

GPtrArray *hb_text_lines_new              (const char  *utf8);
void       hb_text_lines_append           (GPtrArray   *lines,
                                           const char  *text,
                                           guint        outline_level,
                                           HbBlock     *footnotes);
void       hb_text_lines_append_object    (GPtrArray   *lines,
                                           HbBlock     *object);
void       hb_text_lines_append_objects   (GPtrArray   *lines,
                                           GPtrArray   *objects);
gboolean   hb_text_importer_add_report    (HbBulletin   *bulletin,
                                           GPtrArray    *lines,
                                           GPtrArray    *warnings,
                                           const char   *source,
                                           GError      **error);
HbReport  *hb_text_importer_build_report  (GPtrArray   *lines,
                                           guint        start,
                                           guint        end,
                                           guint        title_lines,
                                           const char  *source,
                                           const char  *fallback_title);
gboolean   hb_text_importer_import        (HbBulletin   *bulletin,
                                           const char   *utf8,
                                           const char   *source,
                                           HbImportFlags flags,
                                           GError      **error);

G_END_DECLS

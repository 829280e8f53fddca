/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"
#include "hui-import.h"

G_BEGIN_DECLS

/* One non-blank line of an imported text, already normalised. */
typedef struct {
  char      *text;
  guint      number;        /* 1-based line number in the file */
  guint      blanks_before; /* blank lines between it and the previous line */
  GPtrArray *notes;         /* warnings about this line, or NULL */
  guint      outline_level; /* a heading level the source gave, or 0 */
  gboolean   no_join;       /* a paragraph of its own in the source */
  HuiBlock   *object;        /* a table or an image standing here, or NULL */
  HuiBlock   *footnotes;     /* holds the notes marked in @text, or NULL */
} HuiTextLine;

GPtrArray *hui_text_lines_new              (const char  *utf8);
void       hui_text_lines_append           (GPtrArray   *lines,
                                            const char  *text,
                                            guint        outline_level,
                                            HuiBlock     *footnotes);
void       hui_text_lines_append_object    (GPtrArray   *lines,
                                            HuiBlock     *object);
void       hui_text_lines_append_objects   (GPtrArray   *lines,
                                            GPtrArray   *objects);
gboolean   hui_text_importer_add_report    (HuiBulletin   *bulletin,
                                            GPtrArray    *lines,
                                            GPtrArray    *warnings,
                                            const char   *source,
                                            GError      **error);
HuiReport  *hui_text_importer_build_report  (GPtrArray   *lines,
                                             guint        start,
                                             guint        end,
                                             guint        title_lines,
                                             const char  *source,
                                             const char  *fallback_title);
gboolean   hui_text_importer_import        (HuiBulletin   *bulletin,
                                            const char   *utf8,
                                            const char   *source,
                                            HuiImportFlags flags,
                                            GError      **error);

G_END_DECLS

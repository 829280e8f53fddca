/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-block.h"

G_BEGIN_DECLS

/* One non-blank line of an imported text, already normalised. */
typedef struct {
  char      *text;
  guint      number;        /* 1-based line number in the file */
  guint      blanks_before; /* blank lines between it and the previous line */
  GPtrArray *notes;         /* warnings about this line, or NULL */
  guint      outline_level; /* a heading level the source gave, or 0 */
  gboolean   no_join;       /* a paragraph of its own in the source */
  HuiBlock  *object;        /* a table or an image standing here, or NULL */
  HuiBlock  *footnotes;     /* holds the notes marked in @text, or NULL */
} HuiTextLine;

GPtrArray *hui_text_lines_new            (const char *utf8);
void       hui_text_lines_append         (GPtrArray  *lines,
                                          const char *text,
                                          guint       outline_level,
                                          HuiBlock   *footnotes);
void       hui_text_lines_append_object  (GPtrArray  *lines,
                                          HuiBlock   *object);
void       hui_text_lines_append_objects (GPtrArray  *lines,
                                          GPtrArray  *objects);

G_END_DECLS

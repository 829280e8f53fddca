/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "model/hui-block.h"

G_BEGIN_DECLS

/* The repair and recognition rules for text that came out of a PDF or a
 * word processor. Each is a pure function on one line or a pair of lines so
 * that each can be tested on its own. */

typedef struct {
  guint    level;        /* 1–4 */
  char    *label;        /* as it should read, e.g. "（三）" */
  char    *text;         /* the heading itself */
  char    *run_in;       /* body text after the heading on the same line, or NULL */
  gboolean malformed;    /* the label had to be repaired */
  char    *source_label; /* the label as it was written */
} HuiHeadingMatch;

void hui_heading_match_clear (HuiHeadingMatch *match);

char     *hui_text_rules_normalize_line           (const char       *line,
                                                   GPtrArray        *removed_markers,
                                                   guint            *n_control_pictures);
char     *hui_text_rules_normalize_marked         (const char       *text);
char     *hui_text_rules_remove_space_between_han (const char       *line);
gboolean  hui_text_rules_should_join              (const char       *previous,
                                                   const char       *next,
                                                   guint             blank_lines_between);
char     *hui_text_rules_join                     (const char       *previous,
                                                   const char       *next);
int       hui_text_rules_quote_balance            (int               balance,
                                                   const char       *text);
gboolean  hui_text_rules_parse_heading            (const char       *line,
                                                   HuiHeadingMatch  *match);
char     *hui_text_rules_parse_date               (const char       *line);
gboolean  hui_text_rules_looks_like_title         (const char       *line);
gboolean  hui_text_rules_looks_like_organization  (const char       *line);
gboolean  hui_text_rules_split_title              (const char       *line,
                                                   char            **first,
                                                   char            **second);

G_END_DECLS

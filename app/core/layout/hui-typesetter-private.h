/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the typesetter's files: hui-typesetter.c breaks units of
 * lines into pages, hui-typesetter-text.c makes the units of a report's
 * blocks, hui-typesetter-notes.c sets footnotes at the page foot and
 * hui-typesetter-front.c the masthead, the contents and the closing block. */

#include "hui-typesetter.h"

G_BEGIN_DECLS

/* A run of lines that is placed together or split across pages. It holds
 * its layout and tail; the lines placed on pages hold them too. */
typedef struct {
  PangoLayout  *layout;
  guint         n_lines;
  PangoLayoutLine **lines; /* @layout's, in order (borrowed); NULL for figures */
  /* A paragraph too long for one layout is set in pieces (held in
   * @pieces; @layout is the first): each line's layout, its index there,
   * and where that layout's text starts in the paragraph's. */
  PangoLayout **line_layouts;
  int          *line_numbers;
  gsize        *line_starts;
  GPtrArray    *pieces;
  guint        *rows;
  double       *xs;
  gboolean      keep_together;
  gboolean      keep_with_next;
  PangoLayout  *tail;
  double        leader_from;
  gboolean      red;
  guint         rule_below;
  HuiFigure   **figures;   /* per line, for a table or an image */
  GArray       *footnotes; /* of Footnote, by line; NULL when none */
  HuiFontRole   role;      /* whose font its lines are set in */
} Unit;

/* A footnote, set at the foot of the page where the line that refers to
 * it is. */
typedef struct {
  guint        line;    /* of its unit */
  PangoLayout *layout;  /* "①" and the note, held */
  GArray      *rows;    /* of guint: the rows each of its lines takes */
  GPtrArray   *lines;   /* of PangoLayoutLine, @layout's (borrowed) */
  guint        total;   /* rows in all */
} Footnote;

/* A line of a footnote waiting for the foot of its page. */
typedef struct {
  PangoLayout     *layout;      /* held */
  guint            line;
  PangoLayoutLine *layout_line; /* line @line of @layout (borrowed) */
  guint            rows;
} FootLine;

struct _HuiTypesetter {
  PangoContext       *context;
  const HuiPageSetup *setup;
  double              pitch;
  GArray             *units;   /* of Unit, for the report being set */
  GPtrArray          *pages;
  HuiPage            *page;
  guint               row;
  int                 report;
  GArray             *foot;    /* of FootLine: the footnotes of the page being set */
  guint               foot_rows;
  GArray             *carried; /* of FootLine: what did not fit, for the next page */
  HuiPageDoneFunc     done;    /* when set, units are placed as soon as they can */
  gpointer            done_data;
  guint               n_done;  /* pages handed to @done */
};

/* Footnotes are set smaller than the text (小四 under 三号). */
#define FOOTNOTE_SCALE 0.75

/* Room a TOC title must leave before its page number's tab. */
#define TOC_MIN_TAB_ROOM 0.5  /* characters */

/* Keep at least this many lines of a split paragraph on each page. */
#define MIN_LINES_AT_BREAK 2

void         hui_typesetter_unit_clear      (Unit           *unit);
Unit        *hui_typesetter_add_unit        (HuiTypesetter  *self,
                                             PangoLayout    *layout);
Unit        *hui_typesetter_add_text        (HuiTypesetter  *self,
                                             HuiFontRole     role,
                                             const char     *text,
                                             PangoAlignment  alignment,
                                             double          width,
                                             double          indent);
PangoLayout *hui_typesetter_make_layout     (HuiTypesetter  *self,
                                             HuiFontRole     role,
                                             const char     *text,
                                             PangoAlignment  alignment,
                                             double          width,
                                             double          indent);
guint        hui_typesetter_rows_for_height (HuiTypesetter  *self,
                                             int             height);
double       hui_typesetter_body_indent     (HuiTypesetter  *self);
void         hui_typesetter_add_title_block (HuiTypesetter  *self,
                                             HuiReport      *report);
void         hui_typesetter_add_blocks      (HuiTypesetter  *self,
                                             HuiReport      *report);

void  hui_typesetter_foot_line_clear (FootLine    *line);
void  hui_typesetter_add_footnotes (HuiTypesetter *self,
                                    Unit          *unit,
                                    HuiBlock      *block,
                                    GArray        *references);
void  hui_typesetter_set_foot      (HuiTypesetter *self);
void  hui_typesetter_take_carried  (HuiTypesetter *self,
                                    guint          max_rows);
guint hui_typesetter_footnote_rows (const Unit    *unit,
                                    guint          from,
                                    guint          n);
void  hui_typesetter_add_to_foot   (HuiTypesetter *self,
                                    const Unit    *unit,
                                    guint          line);

void  hui_typesetter_new_page  (HuiTypesetter *self);
guint hui_typesetter_rows_of   (const Unit    *unit,
                                guint          from,
                                guint          n);
void  hui_typesetter_set_units (HuiTypesetter *self);
void  hui_typesetter_set_ready (HuiTypesetter *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/hui-page-setup.h"

G_BEGIN_DECLS

/* The pages the typesetter makes and every exporter and the preview read:
 * lines of pango layouts placed on the rows of the page grid. */

/* Space between a table cell's frame and its text, left and right. */
#define HUI_CELL_PADDING 4.0

/* A table row or an image, placed like a line over the rows it takes. */
typedef struct {
  guint         n_cells;
  PangoLayout **cells;      /* a table row's cells, laid out */
  double       *xs;         /* each cell's left edge, from the type area's left */
  double       *widths;
  cairo_surface_t *image;   /* an image (no cells), decoded; NULL when
                             * cairo cannot print its format */
  double        width;      /* the image's printed size in points */
  double        height;
  char         *description;
} HuiFigure;

typedef enum {
  HUI_RULE_NONE,
  HUI_RULE_BLACK,  /* over the closing block (版记) */
  HUI_RULE_RED,    /* under the masthead (报头) */
} HuiRule;

/* One line of text placed on the page grid. It holds references on its
 * layouts and line: a page keeps alive what it shows, and no more. */
typedef struct {
  PangoLayout *layout;        /* the block's layout, or NULL for a figure */
  int          line;          /* index of the line in @layout */
  PangoLayoutLine *layout_line; /* that line, held: fetching it by its
                                 * index walks the layout's list */
  double       x;             /* points from the left of the type area */
  guint        row;           /* first grid row, from the top of the type area */
  guint        rows;          /* grid rows the line takes */
  PangoLayout *tail;          /* a TOC page number set flush right, or NULL */
  double       leader_from;   /* where a TOC dot leader starts, or -1 */
  gboolean     red;           /* the masthead's name is printed red */
  guint        rule_below;    /* an HuiRule across the type area under the line */
  HuiFigure   *figure;        /* a table row or an image instead of text */
  gboolean     footnote_rule; /* a short rule above: the page's first footnote */
  HuiFontRole  role;          /* whose font the line is set in */
  gboolean     footnote;      /* a line of a footnote at the page's foot */
} HuiPlacedLine;

typedef struct {
  guint    number;   /* the printed page number; 0 on table-of-contents pages */
  int      report;   /* index of the report on this page, or -1 */
  GArray  *lines;    /* of HuiPlacedLine */
  gboolean released; /* its lines were let go once counted (a very long
                      * report's, in a pagination for one export) */
} HuiPage;

HuiFigure *hui_figure_ref             (HuiFigure     *figure);
void       hui_figure_unref           (HuiFigure     *figure);
HuiPage   *hui_page_new               (int            report);
HuiPage   *hui_page_copy_numbered     (const HuiPage *page,
                                       guint          number);
void       hui_page_free              (HuiPage       *page);
void       hui_page_release           (HuiPage       *page);
void       hui_page_lines_ref_shared (GArray        *lines);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/hui-bulletin.h"
#include "model/hui-page-setup.h"

G_BEGIN_DECLS

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

/* One line of text placed on the page grid. */
typedef struct {
  PangoLayout *layout;      /* the block's layout, or NULL for a figure */
  int          line;        /* index of the line in @layout */
  double       x;           /* points from the left of the type area */
  guint        row;         /* first grid row, from the top of the type area */
  guint        rows;        /* grid rows the line takes */
  PangoLayout *tail;        /* a TOC page number set flush right, or NULL */
  double       leader_from; /* where a TOC dot leader starts, or -1 */
  gboolean     red;         /* the masthead's name is printed red */
  guint        rule_below;  /* an HuiRule across the type area under the line */
  HuiFigure    *figure;      /* a table row or an image instead of text */
  gboolean     footnote_rule; /* a short rule above: the page's first footnote */
} HuiPlacedLine;

typedef enum {
  HUI_RULE_NONE,
  HUI_RULE_BLACK,  /* over the closing block (版记) */
  HUI_RULE_RED,    /* under the masthead (报头) */
} HuiRule;

typedef struct {
  guint   number;  /* the printed page number; 0 on table-of-contents pages */
  int     report;  /* index of the report on this page, or -1 */
  GArray *lines;   /* of HuiPlacedLine */
} HuiPage;

typedef struct _HuiTypesetter HuiTypesetter;

HuiFigure     *hui_figure_ref                 (HuiFigure          *figure);
void          hui_figure_unref               (HuiFigure          *figure);
void          hui_page_lines_own_figures     (GArray            *lines);
void          hui_typesetter_finish         (HuiTypesetter      *self);
HuiPage       *hui_page_new                   (int                report);
HuiPage       *hui_page_copy_numbered         (const HuiPage      *page,
                                             guint              number);
void          hui_page_free                  (HuiPage            *page);
PangoContext *hui_typesetter_create_context (void);
PangoFontDescription *hui_typesetter_font   (const HuiPageSetup *setup,
                                             HuiFontRole         role);
HuiTypesetter *hui_typesetter_new            (PangoContext      *context,
                                             const HuiPageSetup *setup,
                                             GPtrArray         *pages,
                                             GPtrArray         *layouts);
void          hui_typesetter_free           (HuiTypesetter      *self);
guint         hui_typesetter_add_report     (HuiTypesetter      *self,
                                             HuiReport          *report,
                                             guint              index);
void          hui_typesetter_add_front_page (HuiTypesetter      *self,
                                             HuiBulletin        *bulletin);
void          hui_typesetter_add_closing    (HuiTypesetter      *self,
                                             const char        *closing,
                                             int                report,
                                             guint              used_rows);
void          hui_typesetter_add_toc        (HuiTypesetter      *self,
                                             HuiBulletin        *bulletin,
                                             const guint       *first_pages,
                                             GPtrArray         *title_lines);
char         *hui_format_date                (const char        *iso_date);

G_END_DECLS

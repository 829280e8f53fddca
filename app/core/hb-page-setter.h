/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "hb-bulletin.h"
#include "hb-page-setup.h"

G_BEGIN_DECLS

/* Space between a table cell's frame and its text, left and right. */
#define HB_CELL_PADDING 4.0

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
} HbFigure;

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
  guint        rule_below;  /* an HbRule across the type area under the line */
  HbFigure    *figure;      /* a table row or an image instead of text */
  gboolean     footnote_rule; /* a short rule above: the page's first footnote */
} HbPlacedLine;

typedef enum {
  HB_RULE_NONE,
  HB_RULE_BLACK,  /* over the closing block (版记) */
  HB_RULE_RED,    /* under the masthead (报头) */
} HbRule;

typedef struct {
  guint   number;  /* the printed page number; 0 on table-of-contents pages */
  int     report;  /* index of the report on this page, or -1 */
  GArray *lines;   /* of HbPlacedLine */
} HbPage;

typedef struct _HbPageSetter HbPageSetter;

HbFigure     *hb_figure_ref                 (HbFigure          *figure);
void          hb_figure_unref               (HbFigure          *figure);
void          hb_page_lines_own_figures     (GArray            *lines);
void          hb_page_setter_finish         (HbPageSetter      *self);
HbPage       *hb_page_new                   (int                report);
HbPage       *hb_page_copy_numbered         (const HbPage      *page,
                                             guint              number);
void          hb_page_free                  (HbPage            *page);
PangoContext *hb_page_setter_create_context (void);
PangoFontDescription *hb_page_setter_font   (const HbPageSetup *setup,
                                             HbFontRole         role);
HbPageSetter *hb_page_setter_new            (PangoContext      *context,
                                             const HbPageSetup *setup,
                                             GPtrArray         *pages,
                                             GPtrArray         *layouts);
void          hb_page_setter_free           (HbPageSetter      *self);
guint         hb_page_setter_add_report     (HbPageSetter      *self,
                                             HbReport          *report,
                                             guint              index);
void          hb_page_setter_add_front_page (HbPageSetter      *self,
                                             HbBulletin        *bulletin);
void          hb_page_setter_add_closing    (HbPageSetter      *self,
                                             const char        *closing,
                                             int                report,
                                             guint              used_rows);
void          hb_page_setter_add_toc        (HbPageSetter      *self,
                                             HbBulletin        *bulletin,
                                             const guint       *first_pages,
                                             GPtrArray         *title_lines);
char         *hb_format_date                (const char        *iso_date);

G_END_DECLS

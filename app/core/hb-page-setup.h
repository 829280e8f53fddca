/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hb-block.h"

G_BEGIN_DECLS

typedef struct {
  char   *family;   /* a pango family list, preferred first, fallbacks after */
  double  size;     /* points */
} HbFontSpec;

typedef enum {
  HB_FONT_BODY,
  HB_FONT_TITLE,
  HB_FONT_BYLINE,
  HB_FONT_HEADING1,
  HB_FONT_HEADING2,
  HB_FONT_HEADING3,
  HB_FONT_HEADING4,
  HB_FONT_PAGE_NUMBER,
  HB_FONT_TOC_TITLE,
  HB_FONT_MASTHEAD,
  HB_N_FONTS
} HbFontRole;

/* How the bulletin is set on paper. Lengths are millimetres, as Chinese
 * offices specify them; the grid (lines per page, characters per line) is
 * what the paginator and the ODT text grid both follow. */
typedef struct {
  char       *preset;
  double      paper_width, paper_height;
  double      margin_top, margin_bottom, margin_left, margin_right;
  guint       lines_per_page;
  guint       chars_per_line;
  double      indent_chars;
  gboolean    new_page_per_report;
  double      page_number_gap;   /* below the type area */
  char       *page_number_format; /* "— {n} —": {n} is the page number */
  gboolean    front_page;        /* the masthead (报头), when the bulletin has a name */
  gboolean    table_of_contents;
  HbFontSpec  fonts[HB_N_FONTS];
} HbPageSetup;

#define HB_TYPE_PAGE_SETUP (hb_page_setup_get_type ())

GType         hb_page_setup_get_type    (void) G_GNUC_CONST;
HbPageSetup  *hb_page_setup_new_preset  (const char        *preset);
const char  **hb_page_setup_list_presets (void);
HbPageSetup  *hb_page_setup_copy        (const HbPageSetup *self);
gboolean      hb_page_setup_equal       (const HbPageSetup *a,
                                         const HbPageSetup *b);
void          hb_page_setup_free        (HbPageSetup       *self);
gboolean      hb_page_setup_set_grid    (HbPageSetup       *self,
                                         guint              lines_per_page,
                                         guint              chars_per_line,
                                         GError           **error);
double        hb_page_setup_type_width  (const HbPageSetup *self);
double        hb_page_setup_type_height (const HbPageSetup *self);
double        hb_page_setup_line_pitch  (const HbPageSetup *self);
double        hb_page_setup_char_pitch  (const HbPageSetup *self);
double        hb_page_setup_letter_spacing (const HbPageSetup *self,
                                            double             size);
double        hb_page_setup_indent      (const HbPageSetup *self);
double        hb_page_setup_toc_number_room (const HbPageSetup *self);
char         *hb_page_setup_format_page_number (const HbPageSetup *self,
                                                guint              number);
void          hb_page_setup_split_page_number  (const HbPageSetup *self,
                                                char             **before,
                                                char             **after);
const char   *hb_font_role_to_string    (HbFontRole         role);
gboolean      hb_font_role_from_string  (const char        *name,
                                         HbFontRole        *role);

#define HB_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbPageSetup, hb_page_setup_free)

void         hb_page_setup_fit_image      (const HbPageSetup *self,
                                           HbBlock           *image,
                                           double            *width,
                                           double            *height);

G_END_DECLS

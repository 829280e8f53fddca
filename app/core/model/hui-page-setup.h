/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hui-block.h"

G_BEGIN_DECLS

typedef struct {
  char   *family;   /* a pango family list, preferred first, fallbacks after */
  double  size;     /* points */
} HuiFontSpec;

typedef enum {
  HUI_FONT_BODY,
  HUI_FONT_TITLE,
  HUI_FONT_BYLINE,
  HUI_FONT_HEADING1,
  HUI_FONT_HEADING2,
  HUI_FONT_HEADING3,
  HUI_FONT_HEADING4,
  HUI_FONT_PAGE_NUMBER,
  HUI_FONT_TOC_TITLE,
  HUI_FONT_MASTHEAD,
  HUI_N_FONTS
} HuiFontRole;

/* How the bulletin is set on paper. Lengths are millimetres, as Chinese
 * offices specify them; the grid (lines per page, characters per line) is
 * what the paginator and the ODT text grid both follow. */
typedef struct {
  char        *preset;
  double       paper_width, paper_height;
  double       margin_top, margin_bottom, margin_left, margin_right;
  guint        lines_per_page;
  guint        chars_per_line;
  double       indent_chars;
  gboolean     new_page_per_report;
  double       page_number_gap;    /* below the type area */
  char        *page_number_format; /* "— {n} —": {n} is the page number */
  gboolean     front_page;         /* the masthead (报头), when the bulletin has a name */
  gboolean     table_of_contents;
  HuiFontSpec  fonts[HUI_N_FONTS];
} HuiPageSetup;

#define HUI_TYPE_PAGE_SETUP (hui_page_setup_get_type ())

GType         hui_page_setup_get_type           (void) G_GNUC_CONST;
HuiPageSetup *hui_page_setup_new_preset         (const char          *preset);
HuiPageSetup *hui_page_setup_copy               (const HuiPageSetup  *self);
gboolean      hui_page_setup_equal              (const HuiPageSetup  *a,
                                                 const HuiPageSetup  *b);
void          hui_page_setup_free               (HuiPageSetup        *self);
gboolean      hui_page_setup_set_grid           (HuiPageSetup        *self,
                                                 guint                lines_per_page,
                                                 guint                chars_per_line,
                                                 GError             **error);
double        hui_page_setup_type_width         (const HuiPageSetup  *self);
double        hui_page_setup_type_height        (const HuiPageSetup  *self);
double        hui_page_setup_line_pitch         (const HuiPageSetup  *self);
double        hui_page_setup_char_pitch         (const HuiPageSetup  *self);
double        hui_page_setup_letter_spacing     (const HuiPageSetup  *self,
                                                 double               size);
double        hui_page_setup_indent             (const HuiPageSetup  *self);
double        hui_page_setup_toc_number_room    (const HuiPageSetup  *self);
char         *hui_page_setup_format_page_number (const HuiPageSetup  *self,
                                                 guint                number);
void          hui_page_setup_split_page_number  (const HuiPageSetup  *self,
                                                 char               **before,
                                                 char               **after);
const char   *hui_font_role_to_string           (HuiFontRole          role);
gboolean      hui_font_role_from_string         (const char          *name,
                                                 HuiFontRole         *role);

#define HUI_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuiPageSetup, hui_page_setup_free)

void hui_page_setup_fit_image (const HuiPageSetup *self,
                               HuiBlock           *image,
                               double             *width,
                               double             *height);

G_END_DECLS

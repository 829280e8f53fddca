/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "hui-page.h"
#include "model/hui-bulletin.h"
#include "model/hui-page-setup.h"

G_BEGIN_DECLS

/* Sets a bulletin's parts on pages, one after the other, appending to the
 * pages it was given. One typesetter serves one thread: the paginator
 * gives each of its threads a typesetter and a pango context of its own. */
typedef struct _HuiTypesetter HuiTypesetter;

/* Called with each page of a report once nothing more goes on it, and
 * its index among the typesetter's pages. */
typedef void (*HuiPageDoneFunc) (HuiPage  *page,
                                 guint     index,
                                 gpointer  data);

PangoContext         *hui_typesetter_create_context (void);
PangoFontDescription *hui_typesetter_font           (const HuiPageSetup *setup,
                                                     HuiFontRole         role);
HuiTypesetter        *hui_typesetter_new            (PangoContext       *context,
                                                     const HuiPageSetup *setup,
                                                     GPtrArray          *pages);
void                  hui_typesetter_free           (HuiTypesetter      *self);
void                  hui_typesetter_stream_pages   (HuiTypesetter      *self,
                                                     HuiPageDoneFunc     done,
                                                     gpointer            data);
void                  hui_typesetter_hand_over_rest (HuiTypesetter      *self);
guint                 hui_typesetter_add_report     (HuiTypesetter      *self,
                                                     HuiReport          *report,
                                                     guint               index);
void                  hui_typesetter_add_front_page (HuiTypesetter      *self,
                                                     HuiBulletin        *bulletin);
void                  hui_typesetter_add_toc        (HuiTypesetter      *self,
                                                     HuiBulletin        *bulletin,
                                                     const guint        *first_pages,
                                                     GPtrArray          *title_lines);
void                  hui_typesetter_add_closing    (HuiTypesetter      *self,
                                                     const char         *closing,
                                                     int                 report,
                                                     guint               used_rows);
void                  hui_typesetter_finish         (HuiTypesetter      *self);
char                 *hui_typesetter_format_date    (const char         *iso_date);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hb-paginator.h"

G_BEGIN_DECLS

GBytes *hb_pdf_export      (HbBulletin         *bulletin,
                            const HbPagination *pagination,
                            GError            **error);
void    hb_pdf_render_page (cairo_t            *cr,
                            const HbPagination *pagination,
                            const HbPage       *page);

G_END_DECLS

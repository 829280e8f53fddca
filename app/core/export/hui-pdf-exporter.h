/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "layout/hui-paginator.h"

G_BEGIN_DECLS

gboolean hui_pdf_exporter_write       (HuiBulletin          *bulletin,
                                       const HuiPagination  *pagination,
                                       GOutputStream        *out,
                                       GCancellable         *cancellable,
                                       GError              **error);
GBytes  *hui_pdf_exporter_export      (HuiBulletin          *bulletin,
                                       const HuiPagination  *pagination,
                                       GError              **error);
void     hui_pdf_exporter_render_page (cairo_t              *cr,
                                       const HuiPagination  *pagination,
                                       const HuiPage        *page);

G_END_DECLS

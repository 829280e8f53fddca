/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hb-paginator.h"

G_BEGIN_DECLS

#define HB_TYPE_PAGE_PREVIEW (hb_page_preview_get_type ())
G_DECLARE_FINAL_TYPE (HbPagePreview, hb_page_preview, HB, PAGE_PREVIEW, GtkWidget)

void  hb_page_preview_set_pagination (HbPagePreview *self,
                                      HbPagination  *pagination);
guint hb_page_preview_get_n_pages    (HbPagePreview *self);

G_END_DECLS

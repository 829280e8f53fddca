/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "layout/hui-paginator.h"

G_BEGIN_DECLS

#define HUI_TYPE_PAGE_PREVIEW (hui_page_preview_get_type ())
G_DECLARE_FINAL_TYPE (HuiPagePreview, hui_page_preview, HUI, PAGE_PREVIEW, GtkWidget)

void  hui_page_preview_set_pagination (HuiPagePreview *self,
                                       HuiPagination  *pagination);
guint hui_page_preview_get_n_pages    (HuiPagePreview *self);

G_END_DECLS

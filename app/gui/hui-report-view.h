/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/hui-report.h"

G_BEGIN_DECLS

#define HUI_TYPE_REPORT_VIEW (hui_report_view_get_type ())
G_DECLARE_FINAL_TYPE (HuiReportView, hui_report_view, HUI, REPORT_VIEW, GtkWidget)

void  hui_report_view_set_report       (HuiReportView *self,
                                        HuiReport     *report);
guint hui_report_view_get_cursor_block (HuiReportView *self);
void  hui_report_view_set_cursor_block (HuiReportView *self,
                                        guint          position);

G_END_DECLS

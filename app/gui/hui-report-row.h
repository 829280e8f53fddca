/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/hui-report.h"

G_BEGIN_DECLS

#define HUI_TYPE_REPORT_ROW (hui_report_row_get_type ())
G_DECLARE_FINAL_TYPE (HuiReportRow, hui_report_row, HUI, REPORT_ROW, GtkWidget)

HuiReportRow *hui_report_row_new        (void);
void          hui_report_row_set_report (HuiReportRow *self,
                                         HuiReport    *report);
void          hui_report_row_set_pages  (HuiReportRow *self,
                                         guint         first,
                                         guint         count);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hb-report.h"

G_BEGIN_DECLS

#define HB_TYPE_REPORT_ROW (hb_report_row_get_type ())
G_DECLARE_FINAL_TYPE (HbReportRow, hb_report_row, HB, REPORT_ROW, GtkWidget)

HbReportRow *hb_report_row_new       (void);
void         hb_report_row_set_report (HbReportRow *self,
                                       HbReport    *report);
void         hb_report_row_set_pages  (HbReportRow *self,
                                       guint        first,
                                       guint        count);

G_END_DECLS

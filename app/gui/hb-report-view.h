/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hb-report.h"

G_BEGIN_DECLS

#define HB_TYPE_REPORT_VIEW (hb_report_view_get_type ())
G_DECLARE_FINAL_TYPE (HbReportView, hb_report_view, HB, REPORT_VIEW, GtkWidget)

HbReport *hb_report_view_get_report (HbReportView *self);
void      hb_report_view_set_report (HbReportView *self,
                                     HbReport     *report);
guint     hb_report_view_get_cursor_block (HbReportView *self);
void      hb_report_view_set_cursor_block (HbReportView *self,
                                           guint         position);
guint     hb_report_view_get_outline_size (HbReportView *self);

G_END_DECLS

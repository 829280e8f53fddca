/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-report-view.h"

G_BEGIN_DECLS

/* For the tests: how many headings the outline lists. */

guint hui_report_view_get_outline_size (HuiReportView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-text-lines.h"
#include "model/hui-report.h"

G_BEGIN_DECLS

HuiReport *hui_report_builder_build (GPtrArray  *lines,
                                     guint       start,
                                     guint       end,
                                     guint       title_lines,
                                     const char *source,
                                     const char *fallback_title);

G_END_DECLS

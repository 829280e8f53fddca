/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "layout/hui-paginator.h"

G_BEGIN_DECLS

GBytes *hui_odt_exporter_export (HuiBulletin    *bulletin,
                                 HuiPagination  *pagination,
                                 GError        **error);

G_END_DECLS

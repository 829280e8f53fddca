/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-paginator.h"

G_BEGIN_DECLS

GBytes *hb_odt_export (HbBulletin    *bulletin,
                       HbPagination  *pagination,
                       GError       **error);

G_END_DECLS

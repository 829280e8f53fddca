/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-paginator.h"

G_BEGIN_DECLS

/* For the tests: a pagination with another page setup than the
 * bulletin's, reusing the paginator's cache. */

HuiPagination *hui_paginator_paginate_with (HuiPaginator       *self,
                                            const HuiPageSetup *setup);

G_END_DECLS

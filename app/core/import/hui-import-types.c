/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-import"

#include "config.h"

#include "hui-import-types.h"

G_DEFINE_QUARK (hui-import-error-quark, hui_import_error)

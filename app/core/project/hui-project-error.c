/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-project"

#include "config.h"

#include "hui-project-error.h"

G_DEFINE_QUARK (hui-project-error-quark, hui_project_error)

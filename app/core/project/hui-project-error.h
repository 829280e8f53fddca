/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a project file can be refused; the DocBook reader raises these,
 * hui-project.h passes them on. */

#define HUI_PROJECT_ERROR (hui_project_error_quark ())

typedef enum {
  HUI_PROJECT_ERROR_CORRUPT,
  HUI_PROJECT_ERROR_NOT_A_PROJECT,
  HUI_PROJECT_ERROR_NEWER_FORMAT,
  HUI_PROJECT_ERROR_UNSAFE,
  HUI_PROJECT_ERROR_TOO_LARGE,
} HuiProjectError;

#define HUI_PROJECT_MAX_SIZE (256 * 1024 * 1024)

GQuark hui_project_error_quark (void);

G_END_DECLS

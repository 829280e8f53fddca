/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HUI_TYPE_APPLICATION (hui_application_get_type ())
G_DECLARE_FINAL_TYPE (HuiApplication, hui_application, HUI, APPLICATION, GtkApplication)

HuiApplication *hui_application_new (void);

G_END_DECLS

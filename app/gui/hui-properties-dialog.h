/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

#define HUI_TYPE_PROPERTIES_DIALOG (hui_properties_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HuiPropertiesDialog, hui_properties_dialog, HUI, PROPERTIES_DIALOG, GtkWindow)

HuiPropertiesDialog *hui_properties_dialog_new (GtkWindow   *parent,
                                                HuiBulletin *bulletin,
                                                const char  *page);

G_END_DECLS

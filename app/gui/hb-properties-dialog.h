/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

#define HB_TYPE_PROPERTIES_DIALOG (hb_properties_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HbPropertiesDialog, hb_properties_dialog, HB, PROPERTIES_DIALOG, GtkWindow)

HbPropertiesDialog *hb_properties_dialog_new (GtkWindow  *parent,
                                              HbBulletin *bulletin,
                                              const char *page);

G_END_DECLS

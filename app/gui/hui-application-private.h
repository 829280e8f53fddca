/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-application.h"

G_BEGIN_DECLS

/* The application's stylesheet on @display; the GUI tests, which make
 * windows without the application, load it with this. */

void hui_application_add_style (GdkDisplay *display);

G_END_DECLS

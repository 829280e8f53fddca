/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "huibian"

#include "config.h"

#include <glib/gi18n.h>

#include "hui-application.h"
#include "support/hui-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(HuiApplication) app = NULL;

  hui_i18n_init ();

  app = hui_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

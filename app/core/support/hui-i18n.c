/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-i18n"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "hui-i18n.h"

/* The catalogues are installed under LOCALEDIR; run from the build folder
 * (`meson devenv`), HUIBIAN_LOCALEDIR names the catalogues built there, so
 * the interface is translated before anything is installed. */
static const char *
localedir (void)
{
  const char *dir = g_getenv ("HUIBIAN_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/* Called first thing in main() by both the editor and the CLI. */
void
hui_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

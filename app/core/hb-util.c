/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-util"

#include "config.h"

#include "hb-util.h"

/* Stores a copy of @value in @field; empty strings are stored as NULL so
 * that "not set" has a single spelling in the model and in project files.
 * Returns TRUE when the value changed, so callers know to notify. */
gboolean
hb_set_string (char       **field,
               const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Characters as an editor counts them: everything printed but white space. */
gsize
hb_count_non_space (const char *utf8)
{
  gsize n = 0;

  for (const char *p = utf8; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      n++;

  return n;
}

/* Used to compare titles whatever spacing the sources put in them;
 * invisible break controls (zero-width space, word joiner) go too. */
char *
hb_strip_white_space (const char *utf8)
{
  GString *out = g_string_new (NULL);

  for (const char *p = utf8; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0 && c != 0x200B && c != 0x2060)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

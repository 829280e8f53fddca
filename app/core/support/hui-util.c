/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-util"

#include "config.h"

#include <string.h>

#include "hui-util.h"

/* Stores a copy of @value in @field; empty strings are stored as NULL so
 * that "not set" has a single spelling in the model and in project files.
 * Returns TRUE when the value changed, so callers know to notify. */
gboolean
hui_util_set_string (char       **field,
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
hui_util_count_non_space (const char *utf8)
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
hui_util_strip_white_space (const char *utf8)
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

/* A package member named by @target relative to the folder of @base
 * ("word/document.xml" + "media/a.png" → "word/media/a.png"; "/x" is from
 * the package root). NULL for a URL or a name that climbs out of the
 * package with "..": such a target is never followed. */
char *
hui_util_package_path (const char *base,
                       const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  const char *slash = strrchr (base, '/');

  if (target == NULL || *target == '\0' || strstr (target, "://") != NULL || strchr (target, ':') != NULL ||
      strchr (target, '\\') != NULL)
    return NULL;
  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = slash ? g_strdup_printf ("%.*s/%s", (int)(slash - base), base, target) : g_strdup (target);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (*segments[i] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (parts->len == 0)
            return NULL;
          g_ptr_array_set_size (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, segments[i]);
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **)parts->pdata);
}

/* "120pt", "4.2cm", "30mm", "2in", "96px" in points; 0 if not a length. */
double
hui_util_length_in_points (const char *text)
{
  static const struct { const char *unit; double points; } units[] = {
    { "pt", 1 }, { "cm", 72 / 2.54 }, { "mm", 72 / 25.4 }, { "in", 72 }, { "px", 0.75 }, { "pc", 12 },
  };
  char *end = NULL;
  double v = text ? g_ascii_strtod (text, &end) : 0;

  if (end == text || !(v > 0 && v < 10000))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (end, units[i].unit) == 0)
      return v * units[i].points;
  return *end == '\0' ? v * 0.75 : 0;  /* a bare number: pixels */
}

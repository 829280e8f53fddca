/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-text-decoder"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-text-decoder.h"

G_DEFINE_QUARK (hui-text-decoder-error-quark, hui_text_decoder_error)

/* Share of decoded characters that must be ordinary Chinese or Latin text
 * before GB18030, which accepts most byte soup, is believed. */
#define MIN_PLAUSIBLE_PERCENT 90

static gboolean
is_plausible_text_char (gunichar c)
{
  return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x00A0 && c <= 0x00FF) ||
         (c >= 0x2400 && c <= 0x243F);
}

static gboolean
looks_like_text (const char *utf8)
{
  gsize total = 0, plausible = 0;

  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      total++;
      if (is_plausible_text_char (g_utf8_get_char (p)))
        plausible++;
    }

  return total == 0 || plausible * 100 >= total * MIN_PLAUSIBLE_PERCENT;
}

/* Control characters other than line and page breaks mean binary data:
 * better a clear refusal than a bulletin full of garbage. */
static gboolean
check_control_chars (const char  *utf8,
                     GError     **error)
{
  for (const char *p = utf8; *p; p++)
    {
      guchar c = *p;

      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
        {
          g_set_error (error, HUI_TEXT_DECODER_ERROR, HUI_TEXT_DECODER_ERROR_BINARY,
                       _("it contains the control character 0x%02X at byte %lu, so it is not a text file"),
                       c, (gulong)(p - utf8));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
convert_utf16 (const guint8  *data,
               gsize          length,
               const char    *charset,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *utf8 = g_convert ((const char *)data, length, "UTF-8", charset, NULL, NULL, &local_error);

  if (utf8 == NULL)
    g_set_error (error, HUI_TEXT_DECODER_ERROR, HUI_TEXT_DECODER_ERROR_ENCODING,
                 _("it starts with a %s byte-order mark but is not valid %s (%s)"),
                 charset, charset, local_error->message);
  return utf8;
}

static char *
decode_without_bom (const guint8  *data,
                    gsize          length,
                    const char   **encoding,
                    GError       **error)
{
  const char *end = NULL;
  char *utf8;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, HUI_TEXT_DECODER_ERROR, HUI_TEXT_DECODER_ERROR_BINARY,
                   _("it contains NUL bytes: it is a binary file, or UTF-16 text without a byte-order mark"));
      return NULL;
    }

  if (g_utf8_validate ((const char *)data, length, &end))
    {
      *encoding = "UTF-8";
      return g_strndup ((const char *)data, length);
    }

  utf8 = g_convert ((const char *)data, length, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (utf8 == NULL || !looks_like_text (utf8))
    {
      g_free (utf8);
      g_set_error (error, HUI_TEXT_DECODER_ERROR, HUI_TEXT_DECODER_ERROR_ENCODING,
                   _("it is neither UTF-8 nor GB18030 (GBK) text: invalid bytes at offset %lu"),
                   (gulong)(end - (const char *)data));
      return NULL;
    }

  *encoding = "GB18030";
  return utf8;
}

static void
normalize_line_ends (char *text)
{
  char *out = text;

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          *out++ = '\n';
          if (p[1] == '\n')
            p++;
        }
      else
        *out++ = *p;
    }
  *out = '\0';
}

/* Returns the text as UTF-8 with "\n" line ends and no byte-order mark,
 * whichever of UTF-8 (with or without BOM), UTF-16 with BOM or GB18030 it
 * was written in. */
char *
hui_text_decoder_decode (const guint8  *data,
                         gsize          length,
                         const char   **encoding,
                         GError       **error)
{
  const char *used = NULL;
  g_autofree char *utf8 = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    used = "UTF-16LE", utf8 = convert_utf16 (data + 2, length - 2, used, error);
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    used = "UTF-16BE", utf8 = convert_utf16 (data + 2, length - 2, used, error);
  else if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    utf8 = decode_without_bom (data + 3, length - 3, &used, error);
  else
    utf8 = decode_without_bom (data, length, &used, error);

  if (utf8 == NULL || !check_control_chars (utf8, error))
    return NULL;

  normalize_line_ends (utf8);
  if (encoding != NULL)
    *encoding = used;

  return g_steal_pointer (&utf8);
}

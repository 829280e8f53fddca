/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-numbering"

#include "config.h"

#include "hui-block.h"
#include "hui-numbering.h"

/* 1 → "一", 12 → "十二", 20 → "二十", 35 → "三十五" (up to 99). */
static char *
chinese_numeral (guint n)
{
  static const char *digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strconcat ("十", digits[n % 10], NULL);
  if (n < 100)
    return g_strconcat (digits[n / 10], "十", digits[n % 10], NULL);

  return g_strdup_printf ("%u", n);
}

/* The label of the @number-th heading (from 1) of @level, as official
 * documents number them: 一、 （一） 1. （1）. */
char *
hui_numbering_label_for (guint level,
                         guint number)
{
  g_autofree char *numeral = NULL;

  g_return_val_if_fail (level >= 1 && level <= HUI_MAX_HEADING_LEVEL, NULL);
  g_return_val_if_fail (number >= 1, NULL);

  switch (level)
    {
    case 1:
      numeral = chinese_numeral (number);
      return g_strconcat (numeral, "、", NULL);
    case 2:
      numeral = chinese_numeral (number);
      return g_strconcat ("（", numeral, "）", NULL);
    case 3:
      return g_strdup_printf ("%u.", number);
    default:
      return g_strdup_printf ("（%u）", number);
    }
}

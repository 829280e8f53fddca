/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-paginator"

#include "config.h"

#include <string.h>

#include "hb-paginator.h"
#include "hb-test-util.h"

static HbBulletin *
corpus_bulletin (void)
{
  g_autofree char *path = hb_test_corpus_path ("000_cea93844149e72e5.txt");

  return hb_test_import (path, TRUE);
}

static char *
line_text (const HbPlacedLine *placed)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (placed->layout, placed->line);
  const char *text = pango_layout_get_text (placed->layout);
  g_autoptr(GString) s = g_string_new_len (text + line->start_index, line->length);

  g_string_replace (s, "\u200B", "", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Chinese line breaking: no line starts with closing punctuation and none
 * ends with opening punctuation, on every page of a real bulletin. */
static void
test_line_breaking_rules (void)
{
  g_autoptr(HbBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HbPagination) pagination = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));
  guint lines = 0;

  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HbPage *page = pagination->pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          g_autofree char *text = line_text (&g_array_index (page->lines, HbPlacedLine, i));
          gunichar first, last;

          if (*text == '\0')
            continue;
          first = g_utf8_get_char (text);
          last = g_utf8_get_char (g_utf8_prev_char (text + strlen (text)));
          if (g_utf8_strchr ("，。、；：？！）》」』”’", -1, first) != NULL ||
              g_utf8_strchr ("（《「『“‘", -1, last) != NULL)
            g_error ("page %u breaks badly: %s", p + 1, text);
          lines++;
        }
    }
  g_assert_cmpuint (lines, >, 1000);
}

static void
assert_same_pages (HbPagination *a,
                   HbPagination *b)
{
  g_assert_cmpuint (a->pages->len, ==, b->pages->len);
  g_assert_cmpuint (a->n_reports, ==, b->n_reports);
  for (guint i = 0; i < a->n_reports; i++)
    {
      g_assert_cmpuint (a->first_pages[i], ==, b->first_pages[i]);
      g_assert_cmpuint (a->page_counts[i], ==, b->page_counts[i]);
    }
  for (guint p = 0; p < a->pages->len; p++)
    g_assert_cmpuint (((HbPage *)a->pages->pdata[p])->lines->len, ==,
                      ((HbPage *)b->pages->pdata[p])->lines->len);
}

/* After an edit only the edited report is laid out again, and the result
 * is what a fresh pagination gives. */
static void
test_incremental (void)
{
  g_autoptr(HbBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HbPaginator) paginator = hb_paginator_new (bulletin);
  g_autoptr(HbPagination) before = hb_paginator_paginate (paginator);
  g_autoptr(HbPagination) after = NULL;
  g_autoptr(HbPagination) fresh = NULL;
  HbReport *edited = hb_bulletin_get_report (bulletin, 6);
  g_autoptr(GString) longer = g_string_new (hb_block_get_text (hb_report_get_block (edited, 0)));
  HbPage *untouched_before = before->pages->pdata[0];
  HbPage *untouched_after;

  for (guint i = 0; i < 40; i++)
    g_string_append (longer, "补充的内容。");
  hb_block_set_text (hb_report_get_block (edited, 0), longer->str);

  after = hb_paginator_paginate (paginator);
  fresh = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));
  assert_same_pages (after, fresh);

  /* The edit pushed every later report on. */
  g_assert_cmpuint (after->page_counts[6], >, before->page_counts[6]);
  g_assert_cmpuint (after->first_pages[7], >, before->first_pages[7]);

  /* The first report was not laid out again: its lines are shared. */
  untouched_after = after->pages->pdata[0];
  g_assert_true (untouched_after->lines == untouched_before->lines);
  g_assert_false (((HbPage *)after->pages->pdata[after->first_pages[6] - 1])->lines ==
                  ((HbPage *)before->pages->pdata[before->first_pages[6] - 1])->lines);
}

/* Moving a report and changing the page setup are seen too. */
static void
test_moves_and_setup (void)
{
  g_autoptr(HbBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HbPaginator) paginator = hb_paginator_new (bulletin);
  g_autoptr(HbPagination) first = hb_paginator_paginate (paginator);
  g_autoptr(HbPagination) moved = NULL;
  g_autoptr(HbPagination) fresh = NULL;
  g_autoptr(HbPagination) compact = NULL;
  g_autoptr(HbPageSetup) setup = hb_page_setup_new_preset ("compact");
  guint count0 = first->page_counts[0];

  hb_bulletin_move_report (bulletin, 0, 17);
  moved = hb_paginator_paginate (paginator);
  fresh = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));
  assert_same_pages (moved, fresh);
  g_assert_cmpuint (moved->page_counts[17], ==, count0);

  compact = hb_paginator_paginate_with (paginator, setup);
  g_assert_cmpuint (compact->pages->len, <, moved->pages->len);
}

/* The closing block (版记) sits at the foot of the last page, under a
 * rule, and adds a page only when the last one is too full. */
static void
test_closing_block (void)
{
  g_autoptr(HbBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HbPagination) before = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));
  g_autoptr(HbPagination) after = NULL;
  HbPage *last;
  const HbPlacedLine *final;
  g_autofree char *text = NULL;
  guint rules = 0;

  hb_bulletin_set_closing (bulletin, "报：市委办公室\n送：各区县\n（共印100份）");
  after = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));
  g_assert_cmpuint (after->pages->len, >=, before->pages->len);
  g_assert_cmpuint (after->pages->len, <=, before->pages->len + 1);

  last = after->pages->pdata[after->pages->len - 1];
  final = &g_array_index (last->lines, HbPlacedLine, last->lines->len - 1);
  text = line_text (final);
  g_assert_cmpstr (text, ==, "（共印100份）");
  g_assert_cmpuint (final->row + final->rows, ==, 22);
  for (guint i = 0; i < last->lines->len; i++)
    rules += g_array_index (last->lines, HbPlacedLine, i).rule_below == HB_RULE_BLACK;
  g_assert_cmpuint (rules, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paginator/line-breaking-rules", test_line_breaking_rules);
  g_test_add_func ("/paginator/incremental", test_incremental);
  g_test_add_func ("/paginator/moves-and-setup", test_moves_and_setup);
  g_test_add_func ("/paginator/closing-block", test_closing_block);

  return g_test_run ();
}

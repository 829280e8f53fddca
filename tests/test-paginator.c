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

static HbBlock *
noted_paragraph (const char *text,
                 HbNoteKind  kind,
                 const char *note)
{
  g_autofree char *marked = g_strconcat (text, HB_NOTE_MARK, "，余下的话。", NULL);
  HbBlock *block = hb_block_new_paragraph (marked);

  hb_block_add_note (block, kind, note);
  return block;
}

/* No body line overlaps a footnote line, and footnotes sit at the foot. */
static void
assert_feet (HbPagination *pagination)
{
  guint lines_per_page = pagination->setup->lines_per_page;

  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HbPage *page = pagination->pages->pdata[p];
      guint body_end = 0, foot_start = lines_per_page, foot_end = 0;
      gboolean in_foot = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HbPlacedLine *line = &g_array_index (page->lines, HbPlacedLine, i);

          in_foot |= line->footnote_rule;
          if (in_foot)
            {
              foot_start = MIN (foot_start, line->row);
              foot_end = MAX (foot_end, line->row + line->rows);
            }
          else
            body_end = MAX (body_end, line->row + line->rows);
        }
      g_assert_cmpuint (body_end, <=, foot_start);
      if (in_foot)
        g_assert_cmpuint (foot_end, ==, lines_per_page);
    }
}

/* Where a line whose text contains @needle is: its page, or -1. */
static int
page_of (HbPagination *pagination,
         const char   *needle,
         gboolean      footnote)
{
  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HbPage *page = pagination->pages->pdata[p];
      gboolean in_foot = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HbPlacedLine *line = &g_array_index (page->lines, HbPlacedLine, i);
          g_autofree char *text = NULL;

          in_foot |= line->footnote_rule;
          if (line->layout == NULL || in_foot != footnote)
            continue;
          text = line_text (line);
          if (strstr (text, needle) != NULL)
            return (int)p;
        }
    }
  return -1;
}

/* A footnote is printed at the foot of the page its reference is on, a
 * long one goes on at the foot of the next pages, and endnotes follow the
 * report's text. */
static void
test_footnotes (void)
{
  g_autoptr(HbBulletin) bulletin = hb_bulletin_new ();
  g_autoptr(HbReport) report = hb_report_new ();
  g_autoptr(HbPagination) pagination = NULL;
  g_autoptr(GString) long_note = g_string_new ("长注开头");
  guint long_lines = 0;

  hb_report_set_title (report, "脚注测试");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u段，这是一段足够长的正文，用来把版面一页一页地排满，看脚注落在哪一页。", i + 1);

      if (i == 12)
        hb_report_append_block (report, noted_paragraph (text, HB_NOTE_FOOTNOTE, "甲注：数据来源于年度统计公报。"));
      else if (i == 20)
        hb_report_append_block (report, noted_paragraph (text, HB_NOTE_ENDNOTE, "乙注：经局务会审议通过。"));
      else
        hb_report_append_block (report, hb_block_new_paragraph (text));
    }
  /* A footnote longer than a page. */
  for (guint i = 0; i < 150; i++)
    g_string_append (long_note, "这条注释很长，要跨页排。");
  g_string_append (long_note, "长注结尾");
  hb_report_append_block (report, noted_paragraph ("最后一段。", HB_NOTE_FOOTNOTE, long_note->str));
  hb_bulletin_append_report (bulletin, report);
  pagination = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));

  assert_feet (pagination);
  /* Reports going on on the same page (the compact setup) leave no
   * footnote under the next report's text. */
  {
    g_autoptr(HbPageSetup) continuous = hb_page_setup_copy (hb_bulletin_get_page_setup (bulletin));
    g_autoptr(HbReport) second = hb_report_new ();
    g_autoptr(HbPagination) together = NULL;

    hb_report_set_title (second, "第二篇");
    hb_report_append_block (second, noted_paragraph ("第二篇的正文。", HB_NOTE_FOOTNOTE, "丙注：第二篇的脚注。"));
    hb_bulletin_append_report (bulletin, second);
    continuous->new_page_per_report = FALSE;
    together = hb_paginate (bulletin, continuous);
    assert_feet (together);
    g_assert_cmpint (page_of (together, "丙注", TRUE), ==, page_of (together, "第二篇的正文", FALSE));
    g_assert_cmpint (page_of (together, "长注结尾", TRUE), >=, 0);
    hb_bulletin_remove_report (bulletin, 1);
  }
  /* ① is on the page of the 13th paragraph's reference, at its foot. */
  g_assert_cmpint (page_of (pagination, "甲注", TRUE), >=, 0);
  g_assert_cmpint (page_of (pagination, "甲注", TRUE), ==, page_of (pagination, "第13段", FALSE));
  /* The endnote is not at a foot but after the text, under 注释. */
  g_assert_cmpint (page_of (pagination, "乙注", TRUE), ==, -1);
  g_assert_cmpint (page_of (pagination, "乙注", FALSE), ==, page_of (pagination, "注释：", FALSE));
  g_assert_cmpint (page_of (pagination, "注释：", FALSE), >=, page_of (pagination, "最后一段", FALSE));
  /* The long note starts under its reference and ends on a later page,
   * every line of it placed once. */
  g_assert_cmpint (page_of (pagination, "长注开头", TRUE), ==, page_of (pagination, "最后一段", FALSE));
  g_assert_cmpint (page_of (pagination, "长注结尾", TRUE), >, page_of (pagination, "长注开头", TRUE));
  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HbPage *page = pagination->pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HbPlacedLine *line = &g_array_index (page->lines, HbPlacedLine, i);

          if (line->layout != NULL && strstr (pango_layout_get_text (line->layout), "长注开头") != NULL)
            long_lines++;
        }
    }
  {
    int page = page_of (pagination, "长注开头", TRUE);
    HbPage *start = pagination->pages->pdata[page];

    for (guint i = 0; i < start->lines->len; i++)
      {
        const HbPlacedLine *line = &g_array_index (start->lines, HbPlacedLine, i);

        if (line->layout != NULL && strstr (pango_layout_get_text (line->layout), "长注开头") != NULL)
          {
            g_assert_cmpuint (long_lines, ==, (guint)pango_layout_get_line_count (line->layout));
            break;
          }
      }
  }
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
  g_test_add_func ("/paginator/footnotes", test_footnotes);

  return g_test_run ();
}

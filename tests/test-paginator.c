/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-paginator"

#include "config.h"

#include <string.h>

#include "hui-test-util.h"
#include "layout/hui-paginator-private.h"
#include "layout/hui-typesetter-private.h"

static HuiBulletin *
corpus_bulletin (void)
{
  g_autofree char *path = hui_test_corpus_path ("000_cea93844149e72e5.txt");

  return hui_test_import (path, TRUE);
}

static char *
line_text (const HuiPlacedLine *placed)
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
  g_autoptr(HuiBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  guint lines = 0;

  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HuiPage *page = pagination->pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          g_autofree char *text = line_text (&g_array_index (page->lines, HuiPlacedLine, i));
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
assert_same_pages (HuiPagination *a,
                   HuiPagination *b)
{
  g_assert_cmpuint (a->pages->len, ==, b->pages->len);
  g_assert_cmpuint (a->n_reports, ==, b->n_reports);
  for (guint i = 0; i < a->n_reports; i++)
    {
      g_assert_cmpuint (a->first_pages[i], ==, b->first_pages[i]);
      g_assert_cmpuint (a->page_counts[i], ==, b->page_counts[i]);
    }
  for (guint p = 0; p < a->pages->len; p++)
    g_assert_cmpuint (((HuiPage *)a->pages->pdata[p])->lines->len, ==,
                      ((HuiPage *)b->pages->pdata[p])->lines->len);
}

/* After an edit only the edited report is laid out again, and the result
 * is what a fresh pagination gives. */
static void
test_incremental (void)
{
  g_autoptr(HuiBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HuiPaginator) paginator = hui_paginator_new (bulletin);
  g_autoptr(HuiPagination) before = hui_paginator_paginate (paginator);
  g_autoptr(HuiPagination) after = NULL;
  g_autoptr(HuiPagination) fresh = NULL;
  HuiReport *edited = hui_bulletin_get_report (bulletin, 6);
  g_autoptr(GString) longer = g_string_new (hui_block_get_text (hui_report_get_block (edited, 0)));
  HuiPage *untouched_before = before->pages->pdata[0];
  HuiPage *untouched_after;

  for (guint i = 0; i < 40; i++)
    g_string_append (longer, "补充的内容。");
  hui_block_set_text (hui_report_get_block (edited, 0), longer->str);

  after = hui_paginator_paginate (paginator);
  fresh = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  assert_same_pages (after, fresh);

  /* The edit pushed every later report on. */
  g_assert_cmpuint (after->page_counts[6], >, before->page_counts[6]);
  g_assert_cmpuint (after->first_pages[7], >, before->first_pages[7]);

  /* The first report was not laid out again: its lines are shared. */
  untouched_after = after->pages->pdata[0];
  g_assert_true (untouched_after->lines == untouched_before->lines);
  g_assert_false (((HuiPage *)after->pages->pdata[after->first_pages[6] - 1])->lines ==
                  ((HuiPage *)before->pages->pdata[before->first_pages[6] - 1])->lines);
}

/* Moving a report and changing the page setup are seen too. */
static void
test_moves_and_setup (void)
{
  g_autoptr(HuiBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HuiPaginator) paginator = hui_paginator_new (bulletin);
  g_autoptr(HuiPagination) first = hui_paginator_paginate (paginator);
  g_autoptr(HuiPagination) moved = NULL;
  g_autoptr(HuiPagination) fresh = NULL;
  g_autoptr(HuiPagination) compact = NULL;
  g_autoptr(HuiPageSetup) setup = hui_page_setup_new_preset ("compact");
  guint count0 = first->page_counts[0];

  hui_bulletin_move_report (bulletin, 0, 17);
  moved = hui_paginator_paginate (paginator);
  fresh = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  assert_same_pages (moved, fresh);
  g_assert_cmpuint (moved->page_counts[17], ==, count0);

  compact = hui_paginator_paginate_with (paginator, setup);
  g_assert_cmpuint (compact->pages->len, <, moved->pages->len);
}

/* The closing block (版记) sits at the foot of the last page, under a
 * rule, and adds a page only when the last one is too full. */
static void
test_closing_block (void)
{
  g_autoptr(HuiBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HuiPagination) before = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_autoptr(HuiPagination) after = NULL;
  HuiPage *last;
  const HuiPlacedLine *final;
  g_autofree char *text = NULL;
  guint rules = 0;

  hui_bulletin_set_closing (bulletin, "报：市委办公室\n送：各区县\n（共印100份）");
  after = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_assert_cmpuint (after->pages->len, >=, before->pages->len);
  g_assert_cmpuint (after->pages->len, <=, before->pages->len + 1);

  last = after->pages->pdata[after->pages->len - 1];
  final = &g_array_index (last->lines, HuiPlacedLine, last->lines->len - 1);
  text = line_text (final);
  g_assert_cmpstr (text, ==, "（共印100份）");
  g_assert_cmpuint (final->row + final->rows, ==, 22);
  for (guint i = 0; i < last->lines->len; i++)
    rules += g_array_index (last->lines, HuiPlacedLine, i).rule_below == HUI_RULE_BLACK;
  g_assert_cmpuint (rules, ==, 1);
}

static HuiBlock *
noted_paragraph (const char  *text,
                 HuiNoteKind  kind,
                 const char  *note)
{
  g_autofree char *marked = g_strconcat (text, HUI_NOTE_MARK, "，余下的话。", NULL);
  HuiBlock *block = hui_block_new_paragraph (marked);

  hui_block_add_note (block, kind, note);
  return block;
}

/* No body line overlaps a footnote line, and footnotes sit at the foot. */
static void
assert_feet (HuiPagination *pagination)
{
  guint lines_per_page = pagination->setup->lines_per_page;

  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HuiPage *page = pagination->pages->pdata[p];
      guint body_end = 0, foot_start = lines_per_page, foot_end = 0;
      gboolean in_foot = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HuiPlacedLine *line = &g_array_index (page->lines, HuiPlacedLine, i);

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
page_of (HuiPagination *pagination,
         const char    *needle,
         gboolean       footnote)
{
  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HuiPage *page = pagination->pages->pdata[p];
      gboolean in_foot = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HuiPlacedLine *line = &g_array_index (page->lines, HuiPlacedLine, i);
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
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(HuiPagination) pagination = NULL;
  g_autoptr(GString) long_note = g_string_new ("长注开头");
  guint long_lines = 0;

  hui_report_set_title (report, "脚注测试");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u段，这是一段足够长的正文，用来把版面一页一页地排满，看脚注落在哪一页。", i + 1);

      if (i == 12)
        hui_report_append_block (report, noted_paragraph (text, HUI_NOTE_FOOTNOTE, "甲注：数据来源于年度统计公报。"));
      else if (i == 20)
        hui_report_append_block (report, noted_paragraph (text, HUI_NOTE_ENDNOTE, "乙注：经局务会审议通过。"));
      else
        hui_report_append_block (report, hui_block_new_paragraph (text));
    }
  /* A footnote longer than a page. */
  for (guint i = 0; i < 150; i++)
    g_string_append (long_note, "这条注释很长，要跨页排。");
  g_string_append (long_note, "长注结尾");
  hui_report_append_block (report, noted_paragraph ("最后一段。", HUI_NOTE_FOOTNOTE, long_note->str));
  hui_bulletin_append_report (bulletin, report);
  pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));

  assert_feet (pagination);
  /* Reports going on on the same page (the compact setup) leave no
   * footnote under the next report's text. */
  {
    g_autoptr(HuiPageSetup) continuous = hui_page_setup_copy (hui_bulletin_get_page_setup (bulletin));
    g_autoptr(HuiReport) second = hui_report_new ();
    g_autoptr(HuiPagination) together = NULL;

    hui_report_set_title (second, "第二篇");
    hui_report_append_block (second, noted_paragraph ("第二篇的正文。", HUI_NOTE_FOOTNOTE, "丙注：第二篇的脚注。"));
    hui_bulletin_append_report (bulletin, second);
    continuous->new_page_per_report = FALSE;
    together = hui_pagination_new (bulletin, continuous);
    assert_feet (together);
    g_assert_cmpint (page_of (together, "丙注", TRUE), ==, page_of (together, "第二篇的正文", FALSE));
    g_assert_cmpint (page_of (together, "长注结尾", TRUE), >=, 0);
    hui_bulletin_remove_report (bulletin, 1);
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
      HuiPage *page = pagination->pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HuiPlacedLine *line = &g_array_index (page->lines, HuiPlacedLine, i);

          if (line->layout != NULL && strstr (pango_layout_get_text (line->layout), "长注开头") != NULL)
            long_lines++;
        }
    }
  {
    int page = page_of (pagination, "长注开头", TRUE);
    HuiPage *start = pagination->pages->pdata[page];

    for (guint i = 0; i < start->lines->len; i++)
      {
        const HuiPlacedLine *line = &g_array_index (start->lines, HuiPlacedLine, i);

        if (line->layout != NULL && strstr (pango_layout_get_text (line->layout), "长注开头") != NULL)
          {
            g_assert_cmpuint (long_lines, ==, (guint)pango_layout_get_line_count (line->layout));
            break;
          }
      }
  }
}

/* The cache of laid-out pages is keyed by the report object: it holds the
 * reports it has pages of, so that a report deleted from the bulletin is
 * not freed while its pages are cached (another report made at its
 * address, at the same revision, would be given them). */
static void
test_cache_holds_reports (void)
{
  g_autoptr(HuiBulletin) bulletin = corpus_bulletin ();
  g_autoptr(HuiPaginator) paginator = hui_paginator_new (bulletin);
  HuiPagination *first = hui_paginator_paginate (paginator);
  HuiPagination *second;
  HuiReport *deleted = hui_bulletin_get_report (bulletin, 1);

  g_object_add_weak_pointer (G_OBJECT (deleted), (gpointer *)&deleted);
  hui_bulletin_remove_report (bulletin, 1);
  g_assert_nonnull (deleted);

  /* The next pagination forgets it; the first still shows its pages. */
  second = hui_paginator_paginate (paginator);
  g_assert_nonnull (deleted);
  g_assert_cmpuint (second->n_reports, ==, first->n_reports - 1);
  hui_pagination_free (first);
  g_assert_null (deleted);
  hui_pagination_free (second);
}

static HuiReport *
one_paragraph_report (const char *title,
                      const char *text)
{
  HuiReport *report = hui_report_new ();
  g_autoptr(HuiBlock) block = hui_block_new_paragraph (text);

  hui_report_set_title (report, title);
  hui_report_append_block (report, block);
  return report;
}

/* The text of the first body line of @report's first page. */
static char *
first_body_line (HuiPagination *pagination,
                 guint          report)
{
  HuiPage *page = pagination->pages->pdata[pagination->first_pages[report] - 1];

  for (guint i = 0; i < page->lines->len; i++)
    {
      const HuiPlacedLine *line = &g_array_index (page->lines, HuiPlacedLine, i);

      if (line->role == HUI_FONT_BODY && line->layout != NULL && g_str_has_prefix (pango_layout_get_text (line->layout), "正文"))
        return line_text (line);
    }
  return NULL;
}

/* Adds a report with other text but the same revision as @old, made at
 * @old's address if it is free: reports are made until one lands there
 * (malloc soon hands a freed block out again). TRUE if one did. */
static gboolean
add_report_at (HuiBulletin *bulletin,
               gpointer     old_address,
               guint64      old_revision)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint attempt = 0; attempt < 1000; attempt++)
    {
      HuiReport *report = one_paragraph_report ("乙篇", "正文乙乙乙。");

      g_assert_cmpuint (hui_report_get_revision (report), ==, old_revision);
      g_ptr_array_add (made, report);
      if ((gpointer)report == old_address)
        {
          hui_bulletin_append_report (bulletin, report);
          return TRUE;
        }
    }
  hui_bulletin_append_report (bulletin, made->pdata[0]);
  return FALSE;
}

/* A report deleted, freed, and another made at its address with the same
 * revision (as undo and delete-then-duplicate do) must get pages of its
 * own, not the deleted report's. The cache holds the reports it has
 * pages of, so the deleted one stays alive, and its address taken, until
 * a pagination without it. */
static void
test_new_report_at_freed_address (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiPaginator) paginator = hui_paginator_new (bulletin);
  HuiReport *old = one_paragraph_report ("甲篇", "正文甲甲甲。");
  gpointer old_address = old;
  guint64 old_revision = hui_report_get_revision (old);
  g_autoptr(HuiPagination) pagination = NULL;
  g_autofree char *text = NULL;
  gboolean reused;

  hui_bulletin_append_report (bulletin, old);
  g_object_unref (old);
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *)&old);
  hui_pagination_free (hui_paginator_paginate (paginator));
  hui_bulletin_remove_report (bulletin, 0);

  reused = add_report_at (bulletin, old_address, old_revision);
  g_test_message ("a new report %s at the deleted report's address", reused ? "was made" : "was not made");
  pagination = hui_paginator_paginate (paginator);
  text = first_body_line (pagination, 0);
  g_assert_cmpstr (text, ==, "正文乙乙乙。");
  g_assert_false (reused);
  g_assert_null (old);
}

/* The same report twice in a bulletin is laid out once and shown twice. */
static void
test_report_twice (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = one_paragraph_report ("甲篇", "正文甲甲甲。");
  g_autoptr(HuiPaginator) paginator = hui_paginator_new (bulletin);
  g_autoptr(HuiPagination) pagination = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  hui_bulletin_append_report (bulletin, report);
  hui_bulletin_append_report (bulletin, report);
  pagination = hui_paginator_paginate (paginator);
  first = first_body_line (pagination, 0);
  second = first_body_line (pagination, 1);
  g_assert_cmpstr (first, ==, "正文甲甲甲。");
  g_assert_cmpstr (second, ==, "正文甲甲甲。");
  g_assert_cmpuint (pagination->first_pages[1], ==, 2);
}

/* Every body line of @pagination's pages, in order. */
static GPtrArray *
body_lines (HuiPagination *pagination)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < pagination->pages->len; p++)
    {
      HuiPage *page = pagination->pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          const HuiPlacedLine *line = &g_array_index (page->lines, HuiPlacedLine, i);

          g_autofree char *text = NULL;

          if (line->role != HUI_FONT_BODY || line->layout == NULL || line->footnote)
            continue;
          text = line_text (line);
          /* Not the empty line under the title block. */
          if (*text != '\0')
            g_ptr_array_add (lines, g_steal_pointer (&text));
        }
    }
  return lines;
}

/* A report of one paragraph of @bytes: Han characters and full-width
 * commas only when @plain (one run of one script and font for pango, the
 * longest it measures at once), or with numbers and quotes. */
static HuiBulletin *
long_paragraph_bulletin (gsize    bytes,
                         gboolean plain)
{
  HuiBulletin *bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; text->len < bytes; i++)
    if (plain)
      g_string_append (text, "推进工作调研成果转化发展群众服务落实机制，");
    else
      g_string_append_printf (text, "第%u句推进工作，调研“成果”转化（发展）群众服务落实机制；", i);
  g_string_append (text, "完。");
  hui_report_set_title (report, "长段");
  hui_report_append_block (report, hui_block_new_paragraph (text->str));
  hui_bulletin_append_report (bulletin, report);
  return bulletin;
}

/* A paragraph too long for one pango layout is set in pieces; its lines
 * are those one layout of the whole paragraph gives (below the length
 * where pango's Pango units overflow). */
static void
test_long_paragraph_pieces (void)
{
  g_autoptr(HuiBulletin) bulletin = long_paragraph_bulletin (150 * 1024, FALSE);
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_autoptr(GPtrArray) lines = body_lines (pagination);
  const HuiPageSetup *setup = hui_bulletin_get_page_setup (bulletin);
  g_autoptr(GObject) context = G_OBJECT (hui_typesetter_create_context ());
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_page_free);
  HuiTypesetter *setter = hui_typesetter_new (PANGO_CONTEXT (context), setup, scratch);
  HuiBlock *block = hui_report_get_block (hui_bulletin_get_report (bulletin, 0), 0);
  g_autoptr(PangoLayout) whole = hui_typesetter_make_layout (setter, HUI_FONT_BODY, hui_block_get_text (block),
                                                              PANGO_ALIGN_LEFT, hui_page_setup_type_width (setup),
                                                              hui_page_setup_indent (setup));
  guint i = 0;

  hui_typesetter_free (setter);
  g_assert_cmpuint (lines->len, ==, pango_layout_get_line_count (whole));
  for (GSList *l = pango_layout_get_lines_readonly (whole); l != NULL; l = l->next, i++)
    {
      PangoLayoutLine *line = l->data;
      g_autoptr(GString) expected = g_string_new_len (pango_layout_get_text (whole) + line->start_index, line->length);

      g_string_replace (expected, "\u200B", "", 0);
      g_assert_cmpstr (lines->pdata[i], ==, expected->str);
    }
}

/* A paragraph of 1.2 MB is set whole, on full pages: none of its text is
 * lost (one pango layout of it overflows, and set it on one page). */
static void
test_huge_paragraph (void)
{
  g_autoptr(HuiBulletin) bulletin = long_paragraph_bulletin (1200 * 1024, TRUE);
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  g_autoptr(GPtrArray) lines = body_lines (pagination);
  HuiBlock *block = hui_report_get_block (hui_bulletin_get_report (bulletin, 0), 0);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      g_assert_cmpint (g_utf8_strlen (lines->pdata[i], -1), <=, pagination->setup->chars_per_line);
      g_string_append (all, lines->pdata[i]);
    }
  g_assert_cmpstr (all->str, ==, hui_block_get_text (block));
  g_assert_cmpuint (pagination->pages->len, >=,
                    g_utf8_strlen (all->str, -1) / (pagination->setup->chars_per_line * pagination->setup->lines_per_page));
}

/* A footnote whose reference is far into a paragraph set in pieces is at
 * the foot of the page its reference is on. */
static void
test_long_paragraph_footnote (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HuiPagination) pagination = NULL;

  g_autoptr(HuiBlock) block = NULL;

  /* In the second of the paragraph's pieces, well before its end. */
  for (guint i = 0; text->len < 150 * 1024; i++)
    {
      g_string_append_printf (text, "第%u句推进工作，调研成果转化群众服务落实机制；", i);
      if (i == 1200)
        g_string_append (text, "引注处" HUI_NOTE_MARK);
    }
  block = hui_block_new_paragraph (text->str);
  hui_block_add_note (block, HUI_NOTE_FOOTNOTE, "甲注：长段中间的脚注。");
  hui_report_set_title (report, "长段脚注");
  hui_report_append_block (report, block);
  hui_bulletin_append_report (bulletin, report);
  pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));

  assert_feet (pagination);
  g_assert_cmpuint (pagination->pages->len, >, 50);
  g_assert_cmpint (page_of (pagination, "甲注", TRUE), ==, page_of (pagination, "引注处", FALSE));
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
  g_test_add_func ("/paginator/cache-holds-reports", test_cache_holds_reports);
  g_test_add_func ("/paginator/new-report-at-freed-address", test_new_report_at_freed_address);
  g_test_add_func ("/paginator/report-twice", test_report_twice);
  g_test_add_func ("/paginator/long-paragraph-pieces", test_long_paragraph_pieces);
  g_test_add_func ("/paginator/huge-paragraph", test_huge_paragraph);
  g_test_add_func ("/paginator/long-paragraph-footnote", test_long_paragraph_footnote);

  return g_test_run ();
}

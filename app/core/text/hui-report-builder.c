/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-report-builder"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-report-builder.h"
#include "hui-text-rules.h"

/* Makes a report of the lines of an imported text: its title, organisation
 * and date at the top, then headings and paragraphs, with the notes the
 * lines carry and warnings where something had to be repaired. Every
 * importer of text (plain text, Word, ODT, the bulletin splitter) builds
 * its reports here, so all formats are recognised alike. */

/* How many lines after the title may carry the organisation and date. */
#define MAX_BYLINE_LINES 2

typedef struct {
  HuiReport *report;
  GString   *paragraph;     /* the paragraph being assembled, if any */
  int        quote_balance; /* open quotations where the last paragraph stopped */
  HuiBlock  *footnotes;     /* notes for the next block */
} ReportBuilder;

static void
take_warnings (ReportBuilder *builder,
               HuiTextLine   *line)
{
  for (guint i = 0; line->notes != NULL && i < line->notes->len; i++)
    hui_report_add_warning (builder->report, "%s", (char *)line->notes->pdata[i]);
}

/* Keeps the line's footnotes for the next block made (the notes of a
 * title line go to the first block). */
static void
take_footnotes (ReportBuilder *builder,
                HuiTextLine   *line)
{
  if (line->footnotes != NULL)
    hui_block_copy_notes (builder->footnotes, line->footnotes);
}

static void
take_notes (ReportBuilder *builder,
            HuiTextLine   *line)
{
  take_warnings (builder, line);
  take_footnotes (builder, line);
}

/* Appends @block with the notes gathered for it. */
static void
append_block (ReportBuilder *builder,
              HuiBlock      *block)
{
  if (hui_block_get_n_notes (builder->footnotes) > 0 && hui_block_get_kind (block) <= HUI_BLOCK_HEADING)
    {
      hui_block_copy_notes (block, builder->footnotes);
      g_object_unref (builder->footnotes);
      builder->footnotes = hui_block_new_paragraph (NULL);
    }
  hui_report_append_block (builder->report, block);
}

static void
flush_paragraph (ReportBuilder *builder)
{
  g_autofree char *text = NULL;
  g_autoptr(HuiBlock) block = NULL;

  if (builder->paragraph == NULL)
    return;

  text = hui_text_rules_remove_space_between_han (builder->paragraph->str);
  block = hui_block_new_paragraph (text);
  append_block (builder, block);
  builder->quote_balance = hui_text_rules_quote_balance (builder->quote_balance, builder->paragraph->str);
  g_string_free (builder->paragraph, TRUE);
  builder->paragraph = NULL;
}

static void
add_heading (ReportBuilder   *builder,
             HuiHeadingMatch *match,
             HuiTextLine     *line)
{
  g_autoptr(HuiBlock) block = NULL;
  g_autofree char *run_in = NULL;

  if (match->run_in != NULL)
    run_in = hui_text_rules_remove_space_between_han (match->run_in);

  block = hui_block_new_heading (match->level, match->label, match->text, run_in);
  append_block (builder, block);
  builder->quote_balance = 0;

  if (match->malformed)
    hui_report_add_warning (builder->report,
                            _("Line %u: the heading label “%s” has no closing bracket; read as the level-%u heading “%s”"),
                            line->number, match->source_label, match->level, match->label);
}

/* Adds one body line: it continues the paragraph before it when that
 * paragraph was cut mid-sentence, or it starts a heading or a paragraph. */
static void
add_body_line (ReportBuilder *builder,
               HuiTextLine   *line)
{
  HuiHeadingMatch match = { 0 };
  int open_quotes = builder->paragraph != NULL
    ? hui_text_rules_quote_balance (builder->quote_balance, builder->paragraph->str)
    : builder->quote_balance;
  gboolean heading;

  take_warnings (builder, line);
  if (line->object != NULL)
    {
      flush_paragraph (builder);
      append_block (builder, line->object);
      builder->quote_balance = 0;
      return;
    }

  heading = open_quotes == 0 && hui_text_rules_parse_heading (line->text, &match);

  /* A heading by its style, without a number label. */
  if (!heading && line->outline_level > 0)
    {
      heading = TRUE;
      match.level = line->outline_level;
      match.text = g_strdup (line->text);
    }
  else if (heading && line->outline_level > 0)
    match.level = line->outline_level;

  if (!heading && builder->paragraph != NULL && !line->no_join &&
      hui_text_rules_should_join (builder->paragraph->str, line->text, line->blanks_before))
    {
      g_autofree char *joined = hui_text_rules_join (builder->paragraph->str, line->text);

      g_string_assign (builder->paragraph, joined);
      take_footnotes (builder, line);
      return;
    }

  flush_paragraph (builder);
  take_footnotes (builder, line);

  if (heading)
    {
      add_heading (builder, &match, line);
      hui_heading_match_clear (&match);
      return;
    }

  builder->paragraph = g_string_new (line->text);
}

static void
set_title (HuiReport  *report,
           const char *title)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  hui_text_rules_split_title (title, &first, &second);
  hui_report_set_title (report, first);
  hui_report_set_subtitle (report, second);
}

/* Reads the organisation and date lines under the title, in either order. */
static guint
read_byline (ReportBuilder *builder,
             GPtrArray     *lines,
             guint          i,
             guint          end)
{
  for (guint n = 0; n < MAX_BYLINE_LINES && i < end; n++)
    {
      HuiTextLine *line = lines->pdata[i];
      g_autofree char *date = NULL;

      if (line->object != NULL)
        break;
      date = hui_text_rules_parse_date (line->text);

      if (date != NULL && hui_report_get_date (builder->report) == NULL)
        hui_report_set_date (builder->report, date);
      else if (date == NULL &&
               hui_report_get_organization (builder->report) == NULL &&
               hui_report_get_date (builder->report) == NULL &&
               hui_text_rules_looks_like_organization (line->text))
        {
          g_autofree char *name = g_strdup (line->text);

          if (g_str_has_suffix (name, "："))
            name[strlen (name) - strlen ("：")] = '\0';
          hui_report_set_organization (builder->report, name);
        }
      else
        break;

      take_notes (builder, line);
      i++;
    }

  return i;
}

static guint
read_title (ReportBuilder *builder,
            GPtrArray     *lines,
            guint          start,
            guint          end,
            guint          title_lines,
            const char    *fallback_title)
{
  HuiTextLine *first = lines->pdata[start];
  g_autoptr(GString) title = g_string_new (NULL);

  if (title_lines == 0 && start + 1 < end && first->object == NULL && hui_text_rules_looks_like_title (first->text))
    title_lines = 1;

  if (title_lines == 0)
    {
      hui_report_set_title (builder->report, fallback_title);
      hui_report_add_warning (builder->report,
                              _("No title line was found; the file name is used as the title"));
      return start;
    }

  for (guint i = start; i < start + title_lines && i < end; i++)
    {
      HuiTextLine *line = lines->pdata[i];

      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, line->text);
      take_notes (builder, line);
    }

  set_title (builder->report, title->str);
  return start + title_lines;
}

/* The file name without its extension stands in for a missing title. */
static char *
title_from_source (const char *source)
{
  const char *dot = strrchr (source, '.');

  return dot != NULL && dot != source ? g_strndup (source, dot - source) : g_strdup (source);
}

/* Builds one report from lines [@start, @end). @title_lines is the number of
 * lines known to hold the title (from a table of contents), or 0 to
 * recognise the title block from the text itself; @fallback_title (NULL:
 * the file name) is used when there is none. */
HuiReport *
hui_report_builder_build (GPtrArray  *lines,
                          guint       start,
                          guint       end,
                          guint       title_lines,
                          const char *source,
                          const char *fallback_title)
{
  ReportBuilder builder = { .report = hui_report_new (), .footnotes = hui_block_new_paragraph (NULL) };
  g_autofree char *from_source = fallback_title ? NULL : title_from_source (source);
  guint i;

  g_return_val_if_fail (lines != NULL && start <= end && end <= lines->len, NULL);

  if (fallback_title == NULL)
    fallback_title = from_source;
  hui_report_set_source (builder.report, source);

  if (start == end)
    {
      hui_report_set_title (builder.report, fallback_title);
      g_object_unref (builder.footnotes);
      return builder.report;
    }

  i = read_title (&builder, lines, start, end, title_lines, fallback_title);
  i = read_byline (&builder, lines, i, end);

  for (; i < end; i++)
    add_body_line (&builder, lines->pdata[i]);
  flush_paragraph (&builder);

  /* Notes of a title with no body after it still have a place to go. */
  if (hui_block_get_n_notes (builder.footnotes) > 0)
    {
      g_autoptr(HuiBlock) holder = hui_block_new_paragraph (NULL);
      append_block (&builder, holder);
    }
  g_object_unref (builder.footnotes);

  return builder.report;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-text-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-bulletin-splitter.h"
#include "hui-text-importer.h"
#include "text/hui-text-rules.h"

/* How many lines after the title may carry the organisation and date. */
#define MAX_BYLINE_LINES 2

static void
hui_text_line_free (HuiTextLine *line)
{
  g_free (line->text);
  g_clear_pointer (&line->notes, g_ptr_array_unref);
  g_clear_object (&line->object);
  g_clear_object (&line->footnotes);
  g_free (line);
}

static void
add_note (HuiTextLine *line,
          char       *note)
{
  if (line->notes == NULL)
    line->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (line->notes, note);
}

static void
note_repairs (HuiTextLine *line,
              GPtrArray  *markers,
              guint       n_pictures)
{
  for (guint i = 0; i < markers->len; i++)
    add_note (line, g_strdup_printf (_("Line %u: removed the marker “%s”"),
                                     line->number, (char *)markers->pdata[i]));

  if (n_pictures > 0)
    add_note (line, g_strdup_printf (_("Line %u: replaced a stray control symbol with “·”"),
                                     line->number));
}

/* Splits the text into normalised lines, remembering how many blank lines
 * stood before each one: a blank line is where the source's pages broke.
 * A line that held only an extraction marker disappears without counting
 * as blank, and its warning moves to the next line. */
GPtrArray *
hui_text_lines_new (const char *utf8)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_text_line_free);
  g_auto(GStrv) raw = g_strsplit_set (utf8, "\n\f", -1);
  g_autoptr(GPtrArray) orphan_notes = g_ptr_array_new_with_free_func (g_free);
  guint blanks = 0;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
      guint n_pictures = 0;
      g_autofree char *text = hui_text_normalize_line (raw[i], markers, &n_pictures);
      HuiTextLine *line;

      if (*text == '\0')
        {
          HuiTextLine scratch = { .number = i + 1 };

          note_repairs (&scratch, markers, n_pictures);
          if (scratch.notes != NULL)
            g_ptr_array_extend_and_steal (orphan_notes, scratch.notes);
          else
            blanks++;
          continue;
        }

      line = g_new0 (HuiTextLine, 1);
      line->text = g_steal_pointer (&text);
      line->number = i + 1;
      line->blanks_before = blanks;
      note_repairs (line, markers, n_pictures);
      for (guint j = 0; j < orphan_notes->len; j++)
        add_note (line, g_strdup (orphan_notes->pdata[j]));
      g_ptr_array_set_size (orphan_notes, 0);
      g_ptr_array_add (lines, line);
      blanks = 0;
    }

  /* A marker on the last line ("##paidend##") is still reported. */
  if (orphan_notes->len > 0 && lines->len > 0)
    for (guint j = 0; j < orphan_notes->len; j++)
      add_note (lines->pdata[lines->len - 1], g_strdup (orphan_notes->pdata[j]));

  return lines;
}

/* Adds a paragraph a structured source (ODT, Word) gave as one: it is
 * never joined to its neighbours, and @outline_level > 0 makes it a
 * heading even without a number label. @footnotes, if not NULL, holds the
 * notes whose marks (HUI_NOTE_MARK) are in @text. Empty paragraphs are
 * skipped. */
void
hui_text_lines_append (GPtrArray  *lines,
                       const char *text,
                       guint       outline_level,
                       HuiBlock    *footnotes)
{
  g_autofree char *normalized = hui_text_normalize_marked (text);
  HuiTextLine *line;

  if (*normalized == '\0' && (footnotes == NULL || hui_block_get_n_notes (footnotes) == 0))
    return;

  line = g_new0 (HuiTextLine, 1);
  line->text = g_steal_pointer (&normalized);
  line->number = lines->len + 1;
  line->outline_level = MIN (outline_level, HUI_MAX_HEADING_LEVEL);
  line->no_join = TRUE;
  if (footnotes != NULL && hui_block_get_n_notes (footnotes) > 0)
    line->footnotes = g_object_ref (footnotes);
  g_ptr_array_add (lines, line);
}

/* Adds a table or an image where it stands among the paragraphs; with a
 * paragraph block (a text box's), it is kept as it is. */
void
hui_text_lines_append_object (GPtrArray *lines,
                              HuiBlock   *object)
{
  HuiTextLine *line = g_new0 (HuiTextLine, 1);

  line->text = g_strdup ("");
  line->number = lines->len + 1;
  line->no_join = TRUE;
  line->object = g_object_ref (object);
  g_ptr_array_add (lines, line);
}

/* Adds the blocks gathered while a paragraph was read (its images, a text
 * box's paragraphs) after it, and empties @objects. */
void
hui_text_lines_append_objects (GPtrArray *lines,
                               GPtrArray *objects)
{
  for (guint i = 0; i < objects->len; i++)
    hui_text_lines_append_object (lines, objects->pdata[i]);
  g_ptr_array_set_size (objects, 0);
}

/* Ends the import of a structured source (ODT, Word): its lines become one
 * report, with the warnings gathered while reading it. */
gboolean
hui_text_importer_add_report (HuiBulletin  *bulletin,
                              GPtrArray   *lines,
                              GPtrArray   *warnings,
                              const char  *source,
                              GError     **error)
{
  g_autoptr(HuiReport) report = NULL;

  if (lines->len == 0)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_EMPTY, _("it contains no text"));
      return FALSE;
    }

  report = hui_text_importer_build_report (lines, 0, lines->len, 0, source, NULL);
  for (guint i = 0; i < warnings->len; i++)
    hui_report_add_warning (report, "%s", (char *)warnings->pdata[i]);
  hui_bulletin_append_report (bulletin, report);
  return TRUE;
}

typedef struct {
  HuiReport *report;
  GString  *paragraph;    /* the paragraph being assembled, if any */
  int       quote_balance; /* open quotations where the last paragraph stopped */
  HuiBlock  *footnotes;    /* notes for the next block */
} ReportBuilder;

static void
take_warnings (ReportBuilder *builder,
               HuiTextLine    *line)
{
  for (guint i = 0; line->notes != NULL && i < line->notes->len; i++)
    hui_report_add_warning (builder->report, "%s", (char *)line->notes->pdata[i]);
}

/* Keeps the line's footnotes for the next block made (the notes of a
 * title line go to the first block). */
static void
take_footnotes (ReportBuilder *builder,
                HuiTextLine    *line)
{
  if (line->footnotes != NULL)
    hui_block_copy_notes (builder->footnotes, line->footnotes);
}

static void
take_notes (ReportBuilder *builder,
            HuiTextLine    *line)
{
  take_warnings (builder, line);
  take_footnotes (builder, line);
}

/* Appends @block with the notes gathered for it. */
static void
append_block (ReportBuilder *builder,
              HuiBlock       *block)
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

  text = hui_text_remove_space_between_han (builder->paragraph->str);
  block = hui_block_new_paragraph (text);
  append_block (builder, block);
  builder->quote_balance = hui_text_quote_balance (builder->quote_balance, builder->paragraph->str);
  g_string_free (builder->paragraph, TRUE);
  builder->paragraph = NULL;
}

static void
add_heading (ReportBuilder  *builder,
             HuiHeadingMatch *match,
             HuiTextLine     *line)
{
  g_autoptr(HuiBlock) block = NULL;
  g_autofree char *run_in = NULL;

  if (match->run_in != NULL)
    run_in = hui_text_remove_space_between_han (match->run_in);

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
               HuiTextLine    *line)
{
  HuiHeadingMatch match = { 0 };
  int open_quotes = builder->paragraph != NULL
    ? hui_text_quote_balance (builder->quote_balance, builder->paragraph->str)
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

  heading = open_quotes == 0 && hui_text_parse_heading (line->text, &match);

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
      hui_text_should_join (builder->paragraph->str, line->text, line->blanks_before))
    {
      g_autofree char *joined = hui_text_join (builder->paragraph->str, line->text);

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
set_title (HuiReport   *report,
           const char *title)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  hui_text_split_title (title, &first, &second);
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
      date = hui_text_parse_date (line->text);

      if (date != NULL && hui_report_get_date (builder->report) == NULL)
        hui_report_set_date (builder->report, date);
      else if (date == NULL &&
               hui_report_get_organization (builder->report) == NULL &&
               hui_report_get_date (builder->report) == NULL &&
               hui_text_looks_like_organization (line->text))
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

  if (title_lines == 0 && start + 1 < end && first->object == NULL && hui_text_looks_like_title (first->text))
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
hui_text_importer_build_report (GPtrArray  *lines,
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

/* Imports a decoded text: one report, or with HUI_IMPORT_FLAGS_SPLIT, every
 * report of a compiled bulletin. */
gboolean
hui_text_importer_import (HuiBulletin    *bulletin,
                          const char    *utf8,
                          const char    *source,
                          HuiImportFlags  flags,
                          GError       **error)
{
  g_autoptr(GPtrArray) lines = hui_text_lines_new (utf8);
  g_autoptr(HuiReport) report = NULL;

  if (lines->len == 0)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_EMPTY,
                   _("it contains no text"));
      return FALSE;
    }

  if ((flags & HUI_IMPORT_FLAGS_SPLIT) ||
      ((flags & HUI_IMPORT_FLAGS_AUTO_SPLIT) && hui_bulletin_splitter_find_toc (lines) >= 0))
    return hui_bulletin_splitter_split (bulletin, lines, source, error);

  report = hui_text_importer_build_report (lines, 0, lines->len, 0, source, NULL);
  if (hui_bulletin_splitter_find_toc (lines) >= 0)
    hui_report_add_warning (report,
                            _("This file has a table of contents (目录): import it as a compiled bulletin to get its reports"));
  hui_bulletin_append_report (bulletin, report);

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-text-lines"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-text-lines.h"
#include "hui-text-rules.h"

static void
text_line_free (HuiTextLine *line)
{
  g_free (line->text);
  g_clear_pointer (&line->notes, g_ptr_array_unref);
  g_clear_object (&line->object);
  g_clear_object (&line->footnotes);
  g_free (line);
}

static void
add_note (HuiTextLine *line,
          char        *note)
{
  if (line->notes == NULL)
    line->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (line->notes, note);
}

static void
note_repairs (HuiTextLine *line,
              GPtrArray   *markers,
              guint        n_pictures)
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
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)text_line_free);
  g_autoptr(GPtrArray) orphan_notes = g_ptr_array_new_with_free_func (g_free);
  guint blanks = 0;
  const char *start = utf8;

  /* One raw line copied at a time, not all of them (g_strsplit_set). */
  for (guint i = 0; start != NULL; i++)
    {
      gsize length = strcspn (start, "\n\f");
      g_autofree char *raw = g_strndup (start, length);
      g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
      guint n_pictures = 0;
      g_autofree char *text = hui_text_rules_normalize_line (raw, markers, &n_pictures);
      HuiTextLine *line;

      start = start[length] != '\0' ? start + length + 1 : NULL;

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
                       HuiBlock   *footnotes)
{
  g_autofree char *normalized = hui_text_rules_normalize_marked (text);
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
                              HuiBlock  *object)
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

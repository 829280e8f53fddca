/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-typesetter"

#include "config.h"

#include "hui-typesetter-private.h"


/* Footnotes at the foot of the page their reference is on: measured
 * when their block is laid out, collected as its lines are placed, set
 * under a short rule when the page is full, carried over when too long. */

static void
footnote_clear (Footnote *footnote)
{
  g_array_unref (footnote->rows);
  g_ptr_array_unref (footnote->lines);
  g_object_unref (footnote->layout);
}

/* A footnote line waiting for its page holds its layout: the unit whose
 * line refers to it may be gone by then. */
void
hui_typesetter_foot_line_clear (FootLine *line)
{
  g_object_unref (line->layout);
}

/* A footnote in the body's face, smaller, off the character grid. */
static PangoLayout *
footnote_layout (HuiTypesetter *self,
                 const char    *text)
{
  PangoLayout *layout = hui_typesetter_make_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT,
                                                    hui_page_setup_type_width (self->setup), 0);
  g_autoptr(PangoFontDescription) desc = hui_typesetter_font (self->setup, HUI_FONT_BODY);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_font_description_set_size (desc, (int)(self->setup->fonts[HUI_FONT_BODY].size * FOOTNOTE_SCALE * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* The rows @line takes, no more than a page (so that a page of its own
 * always takes a footnote's line). */
static guint
line_rows (HuiTypesetter   *self,
           PangoLayoutLine *line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return MIN (hui_typesetter_rows_for_height (self, logical.height), self->setup->lines_per_page);
}

/* The line of @unit that holds byte @index of its text: a binary search
 * of its lines (pango's own lookup walks them from the first). A line of
 * a piece of a long paragraph starts where the piece starts, plus its
 * start in the piece. */
static guint
line_at_index (const Unit *unit,
               int         index)
{
  guint low = 0, high = unit->n_lines;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;
      gsize start = unit->lines[middle]->start_index + (unit->line_starts ? unit->line_starts[middle] : 0);

      if (start <= (gsize)index)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* Measures each line of @footnote's layout, walking them in order. */
static void
measure_footnote (HuiTypesetter *self,
                  Footnote      *footnote)
{
  footnote->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  footnote->lines = g_ptr_array_new ();
  for (GSList *l = pango_layout_get_lines_readonly (footnote->layout); l != NULL; l = l->next)
    {
      guint rows = line_rows (self, l->data);

      g_array_append_val (footnote->rows, rows);
      g_ptr_array_add (footnote->lines, l->data);
      footnote->total += rows;
    }
}

/* The footnotes of @unit's block, each with the line its reference is on
 * and the rows its lines take, measured once. */
void
hui_typesetter_add_footnotes (HuiTypesetter *self,
                              Unit          *unit,
                              HuiBlock      *block,
                              GArray        *references)
{
  for (guint i = 0; i < references->len; i++)
    {
      HuiNoteReference *reference = &g_array_index (references, HuiNoteReference, i);
      g_autofree char *number = hui_block_note_reference (reference->number);
      g_autofree char *text = NULL;
      HuiNoteKind kind;
      const char *note = hui_block_get_note (block, reference->note, &kind);
      Footnote footnote = { 0 };

      if (kind != HUI_NOTE_FOOTNOTE)
        continue;
      text = g_strconcat (number, note, NULL);
      footnote.line = line_at_index (unit, (int)reference->offset);
      footnote.layout = footnote_layout (self, text);
      measure_footnote (self, &footnote);
      if (unit->footnotes == NULL)
        {
          unit->footnotes = g_array_new (FALSE, FALSE, sizeof (Footnote));
          g_array_set_clear_func (unit->footnotes, (GDestroyNotify)footnote_clear);
        }
      g_array_append_val (unit->footnotes, footnote);
    }
}

/* Sets the page's footnotes at its foot, under a short rule, as many as
 * there is room for below its text; the rest go to the next page. */
void
hui_typesetter_set_foot (HuiTypesetter *self)
{
  guint lines_per_page = self->setup->lines_per_page;
  guint room = lines_per_page > self->row ? lines_per_page - self->row : 0;
  guint rows = 0, n = 0, row;

  while (n < self->foot->len && rows + g_array_index (self->foot, FootLine, n).rows <= room)
    rows += g_array_index (self->foot, FootLine, n++).rows;

  row = lines_per_page - rows;
  for (guint i = 0; i < n; i++)
    {
      FootLine *foot = &g_array_index (self->foot, FootLine, i);
      HuiPlacedLine line = {
        .layout = g_object_ref (foot->layout), .line = foot->line, .layout_line = pango_layout_line_ref (foot->layout_line),
        .row = row, .rows = foot->rows, .leader_from = -1,
        .footnote_rule = i == 0, .footnote = TRUE,
      };

      g_array_append_val (self->page->lines, line);
      row += foot->rows;
    }
  for (guint i = n; i < self->foot->len; i++)
    {
      FootLine carried = g_array_index (self->foot, FootLine, i);

      g_object_ref (carried.layout);
      g_array_append_val (self->carried, carried);
    }
  g_array_set_size (self->foot, 0);
  self->foot_rows = 0;
}

/* Moves footnote lines that did not fit on the last page to this page's
 * foot, up to @max_rows (at least one line). */
void
hui_typesetter_take_carried (HuiTypesetter *self,
                             guint          max_rows)
{
  while (self->carried->len > 0)
    {
      FootLine *line = &g_array_index (self->carried, FootLine, 0);

      if (self->foot->len > 0 && self->foot_rows + line->rows > max_rows)
        break;
      g_object_ref (line->layout);
      g_array_append_val (self->foot, *line);
      self->foot_rows += line->rows;
      g_array_remove_index (self->carried, 0);
    }
}

/* Rows the footnotes of lines [@from, @from + @n) of @unit take. */
guint
hui_typesetter_footnote_rows (const Unit *unit,
                              guint       from,
                              guint       n)
{
  guint rows = 0;

  for (guint i = 0; unit->footnotes != NULL && i < unit->footnotes->len; i++)
    {
      Footnote *footnote = &g_array_index (unit->footnotes, Footnote, i);

      if (footnote->line >= from && footnote->line < from + n)
        rows += footnote->total;
    }
  return rows;
}

/* Puts the footnotes of line @line of @unit at the foot of this page. */
void
hui_typesetter_add_to_foot (HuiTypesetter *self,
                            const Unit    *unit,
                            guint          line)
{
  for (guint i = 0; unit->footnotes != NULL && i < unit->footnotes->len; i++)
    {
      Footnote *footnote = &g_array_index (unit->footnotes, Footnote, i);

      if (footnote->line != line)
        continue;
      for (guint k = 0; k < footnote->rows->len; k++)
        {
          FootLine foot = { g_object_ref (footnote->layout), k, footnote->lines->pdata[k],
                            g_array_index (footnote->rows, guint, k) };

          g_array_append_val (self->foot, foot);
          self->foot_rows += foot.rows;
        }
    }
}

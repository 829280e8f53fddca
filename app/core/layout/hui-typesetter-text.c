/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-typesetter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hui-typesetter-private.h"
#include "support/hui-image.h"
#include "support/hui-util.h"


/* Each block of a report made into pango layouts on the page setup's
 * grid, as units of lines for the page breaking in hui-typesetter.c. */

PangoFontDescription *
hui_typesetter_font (const HuiPageSetup *setup,
                     HuiFontRole         role)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, setup->fonts[role].family);
  pango_font_description_set_size (desc, setup->fonts[role].size * PANGO_SCALE);
  return desc;
}

/* Text the size of the body sits on the character grid: letter spacing
 * makes chars_per_line characters exactly fill the line, as Word's and
 * LibreOffice's document grids do. */
static PangoAttrList *
grid_attributes (HuiTypesetter *self,
                 HuiFontRole    role)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  double size = self->setup->fonts[role].size;
  double spacing = hui_page_setup_letter_spacing (self->setup, size);

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  if (size == self->setup->fonts[HUI_FONT_BODY].size)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int)lround (spacing * PANGO_SCALE)));

  return attrs;
}

static gboolean
forbids_break_before (gunichar c)
{
  return c == 0 || g_utf8_strchr ("，。、；：？！）》」』”’…—·%,.;:?!)]}", -1, c) != NULL;
}

static gboolean
forbids_break_after (gunichar c)
{
  return c == 0 || g_utf8_strchr ("（《「『“‘([{", -1, c) != NULL;
}

/* Pango 1.50 follows the UAX #14 of its day, where “ and ” are ambiguous
 * quotation marks that glue to both neighbours, so "持续“深化”“实化”"
 * cannot break at all. Chinese typesetting (and LibreOffice, through
 * ICU's Chinese rules) treats “ as opening and ” as closing: a line may
 * break before “ and after ”. A zero-width space offers pango exactly
 * those break opportunities. */
static char *
add_chinese_quote_breaks (const char *text,
                          GArray     *zwsp_offsets)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  gunichar previous = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));
      gboolean before = (c == 0x201C || c == 0x2018) && previous != 0 && !forbids_break_after (previous);

      if (before)
        {
          g_array_append_val (zwsp_offsets, out->len);
          g_string_append (out, "\u200B");
        }
      g_string_append_unichar (out, c);
      if ((c == 0x201D || c == 0x2019) && !forbids_break_before (next) &&
          next != 0x201C && next != 0x2018)
        {
          g_array_append_val (zwsp_offsets, out->len);
          g_string_append (out, "\u200B");
        }
      previous = c;
    }

  return g_string_free (out, FALSE);
}

/* The zero-width spaces take no room: no letter spacing on them. Those
 * in [@from, @to) of the text, for a layout of that piece of it. */
static void
unspace_breaks (PangoAttrList *attrs,
                GArray        *zwsp_offsets,
                gsize          from,
                gsize          to)
{
  for (guint i = 0; i < zwsp_offsets->len; i++)
    {
      guint offset = g_array_index (zwsp_offsets, guint, i);
      PangoAttribute *attr;

      if (offset < from || offset >= to)
        continue;
      attr = pango_attr_letter_spacing_new (0);
      attr->start_index = offset - from;
      attr->end_index = attr->start_index + strlen ("\u200B");
      pango_attr_list_insert (attrs, attr);
    }
}

/* Moves the offsets of @references (HuiNoteReference) in a text to where
 * they are once its zero-width spaces are in. */
static void
shift_references (GArray *references,
                  GArray *zwsp_offsets)
{
  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      HuiNoteReference *reference = &g_array_index (references, HuiNoteReference, i);
      gsize at = reference->offset;

      for (guint k = 0; k < zwsp_offsets->len && g_array_index (zwsp_offsets, guint, k) <= at; k++)
        at += strlen ("\u200B");
      reference->offset = at;
    }
}

/* A new layout of bytes [@from, @to) of @breakable, which has zero-width
 * spaces at @zwsp_offsets. */
static PangoLayout *
make_piece (HuiTypesetter  *self,
            HuiFontRole     role,
            const char     *breakable,
            gsize           from,
            gsize           to,
            GArray         *zwsp_offsets,
            PangoAlignment  alignment,
            double          width,
            double          indent)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = hui_typesetter_font (self->setup, role);
  g_autoptr(PangoAttrList) attrs = grid_attributes (self, role);

  unspace_breaks (attrs, zwsp_offsets, from, to);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int)(indent * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_justify (layout, alignment == PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, breakable + from, (int)(to - from));

  return layout;
}

/* A new layout, owned by the caller. @references: NULL, or the notes'
 * references in @text, whose offsets are moved to the layout's text. */
static PangoLayout *
make_marked_layout (HuiTypesetter  *self,
                    HuiFontRole     role,
                    const char     *text,
                    PangoAlignment  alignment,
                    double          width,
                    double          indent,
                    GArray         *references)
{
  g_autoptr(GArray) zwsp_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *breakable = add_chinese_quote_breaks (text, zwsp_offsets);

  shift_references (references, zwsp_offsets);
  return make_piece (self, role, breakable, 0, strlen (breakable), zwsp_offsets, alignment, width, indent);
}

PangoLayout *
hui_typesetter_make_layout (HuiTypesetter  *self,
                            HuiFontRole     role,
                            const char     *text,
                            PangoAlignment  alignment,
                            double          width,
                            double          indent)
{
  return make_marked_layout (self, role, text, alignment, width, indent, NULL);
}

/* A line taller than a grid row (a 22 pt title) takes whole rows. */
guint
hui_typesetter_rows_for_height (HuiTypesetter *self,
                                int            height)
{
  double h = (double)height / PANGO_SCALE;

  return MAX (1, (guint)ceil (h / self->pitch - 0.01));
}

void
hui_typesetter_unit_clear (Unit *unit)
{
  g_clear_pointer (&unit->footnotes, g_array_unref);
  for (guint i = 0; unit->figures != NULL && i < unit->n_lines; i++)
    hui_figure_unref (unit->figures[i]);
  g_free (unit->figures);
  g_free (unit->lines);
  g_free (unit->rows);
  g_free (unit->xs);
  g_free (unit->line_layouts);
  g_free (unit->line_numbers);
  g_free (unit->line_starts);
  g_clear_pointer (&unit->pieces, g_ptr_array_unref);
  g_clear_object (&unit->layout);
  g_clear_object (&unit->tail);
}

/* A unit of the lines of @layout, which it takes. */
Unit *
hui_typesetter_add_unit (HuiTypesetter *self,
                         PangoLayout   *layout)
{
  Unit unit = { .layout = layout, .leader_from = -1 };
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint i = 0;

  unit.n_lines = pango_layout_get_line_count (layout);
  unit.rows = g_new0 (guint, unit.n_lines);
  unit.xs = g_new0 (double, unit.n_lines);
  unit.lines = g_new0 (PangoLayoutLine *, unit.n_lines);
  do
    {
      PangoRectangle logical;

      unit.lines[i] = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      unit.rows[i] = hui_typesetter_rows_for_height (self, logical.height);
      unit.xs[i] = (double)logical.x / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_array_append_val (self->units, unit);
  return &g_array_index (self->units, Unit, self->units->len - 1);
}

/* pango measures a run of text in int Pango units (1/1024 pt): a
 * paragraph of more than about 130,000 characters of 16 pt overflows them
 * and is set on a few lines that run off the page. A longer paragraph is
 * set in pieces of at most PIECE_BYTES: each piece's lines but its last
 * are kept, and the next piece starts where that last line started, so
 * the lines are those of the whole paragraph (pango breaks lines greedily,
 * and justifies all but a paragraph's last). */
#define PIECE_BYTES (48 * 1024)

typedef struct {
  GArray    *rows, *xs, *lines, *layouts, *numbers, *starts;
  GPtrArray *pieces;
} PieceLines;

/* Takes the lines of @piece, which starts at byte @from of the text, but
 * its last unless @all; returns where the first line not taken starts. */
static gsize
take_piece_lines (HuiTypesetter *self,
                  PieceLines    *taken,
                  PangoLayout   *piece,
                  gsize          from,
                  gboolean       all)
{
  PangoLayoutIter *iter = pango_layout_get_iter (piece);
  int n = pango_layout_get_line_count (piece);
  gsize next = from + strlen (pango_layout_get_text (piece));

  for (int k = 0; k < n; k++, pango_layout_iter_next_line (iter))
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      guint rows;
      double x;

      if (!all && k == n - 1 && k > 0)
        {
          next = from + line->start_index;
          break;
        }
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      rows = hui_typesetter_rows_for_height (self, logical.height);
      x = (double)logical.x / PANGO_SCALE;
      g_array_append_val (taken->rows, rows);
      g_array_append_val (taken->xs, x);
      g_array_append_val (taken->lines, line);
      g_array_append_val (taken->layouts, piece);
      g_array_append_val (taken->numbers, k);
      g_array_append_val (taken->starts, from);
    }
  pango_layout_iter_free (iter);
  g_ptr_array_add (taken->pieces, piece);
  return next;
}

static Unit *
add_long_paragraph (HuiTypesetter *self,
                    const char    *text,
                    GArray        *references)
{
  g_autoptr(GArray) zwsp_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *breakable = add_chinese_quote_breaks (text, zwsp_offsets);
  gsize length = strlen (breakable), from = 0;
  double width = hui_page_setup_type_width (self->setup);
  PieceLines taken = {
    g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (double)),
    g_array_new (FALSE, FALSE, sizeof (PangoLayoutLine *)), g_array_new (FALSE, FALSE, sizeof (PangoLayout *)),
    g_array_new (FALSE, FALSE, sizeof (int)), g_array_new (FALSE, FALSE, sizeof (gsize)),
    g_ptr_array_new_with_free_func (g_object_unref),
  };
  Unit unit = { .leader_from = -1, .role = HUI_FONT_BODY };

  shift_references (references, zwsp_offsets);
  while (from < length)
    {
      const char *end = breakable + MIN (length, from + PIECE_BYTES);
      PangoLayout *piece;

      while ((*end & 0xC0) == 0x80)  /* not inside a character */
        end--;
      piece = make_piece (self, HUI_FONT_BODY, breakable, from, end - breakable, zwsp_offsets, PANGO_ALIGN_LEFT,
                          width, from == 0 ? hui_typesetter_body_indent (self) : 0);
      from = take_piece_lines (self, &taken, piece, from, *end == '\0');
    }

  unit.layout = g_object_ref (taken.pieces->pdata[0]);
  unit.n_lines = taken.lines->len;
  unit.rows = (guint *)(void *)g_array_free (taken.rows, FALSE);
  unit.xs = (double *)(void *)g_array_free (taken.xs, FALSE);
  unit.lines = (PangoLayoutLine **)(void *)g_array_free (taken.lines, FALSE);
  unit.line_layouts = (PangoLayout **)(void *)g_array_free (taken.layouts, FALSE);
  unit.line_numbers = (int *)(void *)g_array_free (taken.numbers, FALSE);
  unit.line_starts = (gsize *)(void *)g_array_free (taken.starts, FALSE);
  unit.pieces = taken.pieces;
  g_array_append_val (self->units, unit);
  return &g_array_index (self->units, Unit, self->units->len - 1);
}

/* A body paragraph: in pieces when it is too long for one pango layout. */
static Unit *
add_paragraph (HuiTypesetter *self,
               const char    *text,
               GArray        *references)
{
  if (strlen (text) <= PIECE_BYTES)
    return hui_typesetter_add_unit (self, make_marked_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT,
                                                              hui_page_setup_type_width (self->setup),
                                                              hui_typesetter_body_indent (self), references));
  return add_long_paragraph (self, text, references);
}

/* A unit of @text in the font of @role. */
Unit *
hui_typesetter_add_text (HuiTypesetter  *self,
                         HuiFontRole     role,
                         const char     *text,
                         PangoAlignment  alignment,
                         double          width,
                         double          indent)
{
  Unit *unit = hui_typesetter_add_unit (self, hui_typesetter_make_layout (self, role, text, alignment, width, indent));

  unit->role = role;
  return unit;
}

double
hui_typesetter_body_indent (HuiTypesetter *self)
{
  return hui_page_setup_indent (self->setup);
}

void
hui_typesetter_add_title_block (HuiTypesetter *self,
                                HuiReport     *report)
{
  double width = hui_page_setup_type_width (self->setup);
  const char *parts[] = { hui_report_get_title (report), hui_report_get_subtitle (report) };
  g_autofree char *date = hui_typesetter_format_date (hui_report_get_date (report));
  Unit *unit;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        unit = hui_typesetter_add_text (self, HUI_FONT_TITLE, parts[i], PANGO_ALIGN_CENTER, width, 0);
        unit->keep_together = unit->keep_with_next = TRUE;
      }

  if (hui_report_get_organization (report) != NULL)
    {
      unit = hui_typesetter_add_text (self, HUI_FONT_BYLINE, hui_report_get_organization (report),
                                      PANGO_ALIGN_CENTER, width, 0);
      unit->keep_together = unit->keep_with_next = TRUE;
    }
  if (date != NULL)
    {
      unit = hui_typesetter_add_text (self, HUI_FONT_BODY, date, PANGO_ALIGN_CENTER, width, 0);
      unit->keep_together = unit->keep_with_next = TRUE;
    }

  /* One empty row between the title block and the body. */
  unit = hui_typesetter_add_text (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0);
  unit->keep_together = unit->keep_with_next = TRUE;
}

static PangoLayout *
heading_layout (HuiTypesetter *self,
                HuiBlock      *block,
                guint         *note,
                GArray        *references)
{
  HuiFontRole role = HUI_FONT_HEADING1 + hui_block_get_level (block) - 1;
  g_autofree char *marked = g_strconcat (hui_block_get_label (block) ?: "", hui_block_get_text (block), NULL);
  guint used = 0;
  g_autofree char *heading = hui_block_print_marks (block, marked, note, &used, hui_block_get_run_in (block) == NULL,
                                                    references);
  guint in_heading = references->len;
  g_autofree char *run_in = hui_block_print_marks (block, hui_block_get_run_in (block), note, &used, TRUE, references);
  g_autofree char *text = g_strconcat (heading, run_in ?: "", NULL);
  PangoLayout *layout;

  for (guint i = in_heading; i < references->len; i++)
    g_array_index (references, HuiNoteReference, i).offset += strlen (heading);
  layout = make_marked_layout (self, role, text, PANGO_ALIGN_LEFT, hui_page_setup_type_width (self->setup),
                               hui_typesetter_body_indent (self), references);

  /* A run-in heading's body text is set in the body font. */
  if (run_in != NULL)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);
      g_autoptr(PangoFontDescription) body = hui_typesetter_font (self->setup, HUI_FONT_BODY);
      PangoAttribute *attr = pango_attr_font_desc_new (body);
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *breakable_heading = add_chinese_quote_breaks (heading, offsets);

      attr->start_index = strlen (breakable_heading);
      attr->end_index = strlen (pango_layout_get_text (layout));
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_attributes (layout, attrs);
    }

  return layout;
}

/* Adds a unit whose lines are figures, each taking @rows[i] rows. */
static void
add_figure_unit (HuiTypesetter  *self,
                 HuiFigure     **figures,
                 guint          *rows,
                 guint           n)
{
  Unit unit = { .n_lines = n, .rows = rows, .xs = g_new0 (double, n), .figures = figures, .leader_from = -1 };

  g_array_append_val (self->units, unit);
}

/* Column widths in proportion to the longest line of each column's
 * cells, between 2 and 16 characters, filling the type width. */
static double *
column_widths (HuiBlock *table,
               guint     n_columns,
               double    type_width)
{
  double *widths = g_new0 (double, n_columns);
  double sum = 0;

  for (guint j = 0; j < n_columns; j++)
    widths[j] = 2;
  for (guint i = 0; i < hui_block_get_n_rows (table); i++)
    {
      const char * const *cells = hui_block_get_row (table, i);

      for (guint j = 0; cells[j] != NULL && j < n_columns; j++)
        {
          g_auto(GStrv) lines = g_strsplit (cells[j], "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            widths[j] = MAX (widths[j], MIN (16, (double)g_utf8_strlen (lines[k], -1)));
        }
    }
  for (guint j = 0; j < n_columns; j++)
    sum += widths[j];
  for (guint j = 0; j < n_columns; j++)
    widths[j] = widths[j] / sum * type_width;
  return widths;
}

/* A table: each row a figure as tall as its tallest cell, rows kept
 * whole; a caption above it is kept with it. */
static void
add_table (HuiTypesetter *self,
           HuiBlock      *table)
{
  guint n_rows = hui_block_get_n_rows (table);
  guint n_columns = hui_block_get_n_columns (table);
  double type_width = hui_page_setup_type_width (self->setup);
  g_autofree double *widths = NULL;
  HuiFigure **figures;
  guint *rows;

  if (n_rows == 0 || n_columns == 0)
    return;
  if (*hui_block_get_text (table) != '\0')
    {
      Unit *caption = hui_typesetter_add_text (self, HUI_FONT_BODY, hui_block_get_text (table),
                                               PANGO_ALIGN_CENTER, type_width, 0);
      caption->keep_together = caption->keep_with_next = TRUE;
    }

  widths = column_widths (table, n_columns, type_width);
  figures = g_new0 (HuiFigure *, n_rows);
  rows = g_new0 (guint, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const char * const *cells = hui_block_get_row (table, i);
      HuiFigure *figure = g_atomic_rc_box_new0 (HuiFigure);
      double x = 0;

      figure->n_cells = n_columns;
      figure->cells = g_new0 (PangoLayout *, n_columns);
      figure->xs = g_new0 (double, n_columns);
      figure->widths = g_memdup2 (widths, n_columns * sizeof (double));
      rows[i] = 1;
      for (guint j = 0; j < n_columns; j++)
        {
          const char *text = j < g_strv_length ((char **)cells) ? cells[j] : "";

          figure->cells[j] = hui_typesetter_make_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT,
                                                         MAX (widths[j] - 2 * HUI_CELL_PADDING, 1), 0);
          pango_layout_set_justify (figure->cells[j], FALSE);
          figure->xs[j] = x;
          x += widths[j];
          rows[i] = MAX (rows[i], (guint)pango_layout_get_line_count (figure->cells[j]));
        }
      rows[i] = MIN (rows[i], self->setup->lines_per_page);
      figures[i] = figure;
    }
  add_figure_unit (self, figures, rows, n_rows);
}

/* An image on whole rows, at the size hui_page_setup_fit_image() gives. */
static void
add_image (HuiTypesetter *self,
           HuiBlock      *image)
{
  HuiFigure *figure = g_atomic_rc_box_new0 (HuiFigure);
  guint *rows = g_new0 (guint, 1);
  HuiFigure **figures = g_new0 (HuiFigure *, 1);

  hui_page_setup_fit_image (self->setup, image, &figure->width, &figure->height);
  /* Decoded once, when it is laid out, not each time a page is drawn. */
  figure->image = hui_image_decode (hui_block_get_image_data (image), hui_block_get_image_type (image),
                                    figure->width, figure->height);
  figure->description = g_strdup (hui_block_get_text (image));

  rows[0] = MAX (1, (guint)ceil (figure->height / self->pitch - 0.01));
  figures[0] = figure;
  add_figure_unit (self, figures, rows, 1);
}

/* The report's endnotes after its text, numbered as their marks are
 * (footnotes and endnotes count alike). */
static void
add_endnotes (HuiTypesetter *self,
              HuiReport     *report)
{
  double width = hui_page_setup_type_width (self->setup);
  guint number = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      for (guint k = 0; k < hui_block_get_n_notes (block); k++)
        {
          g_autofree char *reference = hui_block_note_reference (++number);
          g_autofree char *text = NULL;
          HuiNoteKind kind;
          const char *note = hui_block_get_note (block, k, &kind);

          if (kind != HUI_NOTE_ENDNOTE)
            continue;
          if (!any)
            {
              Unit *unit = hui_typesetter_add_text (self, HUI_FONT_BODY, "注释：", PANGO_ALIGN_LEFT, width, 0);

              unit->keep_together = unit->keep_with_next = TRUE;
              any = TRUE;
            }
          text = g_strconcat (reference, note, NULL);
          hui_typesetter_add_text (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT, width, 0);
        }
    }
}

void
hui_typesetter_add_blocks (HuiTypesetter *self,
                           HuiReport     *report)
{
  guint note = 0;

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);
      g_autoptr(GArray) references = g_array_new (FALSE, FALSE, sizeof (HuiNoteReference));
      g_autofree char *text = NULL;
      guint used = 0;
      Unit *unit;

      switch (hui_block_get_kind (block))
        {
        case HUI_BLOCK_HEADING:
          unit = hui_typesetter_add_unit (self, heading_layout (self, block, &note, references));
          unit->role = HUI_FONT_HEADING1 + hui_block_get_level (block) - 1;
          unit->keep_with_next = hui_block_get_run_in (block) == NULL;
          unit->keep_together = unit->keep_with_next;
          hui_typesetter_add_footnotes (self, unit, block, references);
          break;
        case HUI_BLOCK_TABLE:
          add_table (self, block);
          break;
        case HUI_BLOCK_IMAGE:
          add_image (self, block);
          break;
        case HUI_BLOCK_PARAGRAPH:
          text = hui_block_print_marks (block, hui_block_get_text (block), &note, &used, TRUE, references);
          unit = add_paragraph (self, text, references);
          hui_typesetter_add_footnotes (self, unit, block, references);
          break;
        }
      hui_typesetter_set_ready (self);
    }
  add_endnotes (self, report);
}

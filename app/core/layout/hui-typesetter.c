/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-typesetter"

#include "config.h"

#include <math.h>
#include <string.h>

#include "support/hui-image.h"
#include "hui-typesetter.h"
#include "support/hui-util.h"

/* Sets text on the page grid of a page setup: pango breaks each block
 * into lines (its line breaking follows UAX #14, so no line starts with
 * closing punctuation or ends with opening punctuation), and the lines are
 * placed on the grid's rows with the rules of a bulletin: headings kept
 * with what follows, no single line left alone at a page break, the title
 * block together, each report on a new page. */

#include <gio/gio.h>
#include <pango/pangocairo.h>

/* A run of lines that is placed together or split across pages. */
typedef struct {
  PangoLayout *layout;
  guint        n_lines;
  guint       *rows;
  double      *xs;
  gboolean     keep_together;
  gboolean     keep_with_next;
  PangoLayout *tail;
  double       leader_from;
  gboolean     red;
  guint        rule_below;
  HuiFigure   **figures;  /* per line, for a table or an image */
  GArray      *footnotes; /* of Footnote, by line; NULL when none */
} Unit;

/* A footnote, set at the foot of the page where the line that refers to
 * it is. */
typedef struct {
  guint        line;    /* of its unit */
  PangoLayout *layout;  /* "①" and the note */
  GArray      *rows;    /* of guint: the rows each of its lines takes */
  guint        total;   /* rows in all */
} Footnote;

static void
footnote_clear (Footnote *footnote)
{
  g_array_unref (footnote->rows);
}

/* A line of a footnote waiting for the foot of its page. */
typedef struct {
  PangoLayout *layout;
  guint        line;
  guint        rows;
} FootLine;

struct _HuiTypesetter {
  PangoContext *context;
  GPtrArray *layouts;  /* where new layouts are kept alive */
  const HuiPageSetup *setup;
  double pitch;
  GArray *units;   /* of Unit, for the report being set */
  GPtrArray *pages;
  HuiPage *page;
  guint row;
  int report;
  GArray *foot;      /* of FootLine: the footnotes of the page being set */
  guint foot_rows;
  GArray *carried;   /* of FootLine: what did not fit, for the next page */
};

/* Footnotes are set smaller than the text (小四 under 三号). */
#define FOOTNOTE_SCALE 0.75

/* Room a TOC title must leave before its page number's tab. */
#define TOC_MIN_TAB_ROOM 0.5  /* characters */

/* Keep at least this many lines of a split paragraph on each page. */
#define MIN_LINES_AT_BREAK 2

static void
figure_free (HuiFigure *figure)
{
  for (guint i = 0; i < figure->n_cells; i++)
    g_object_unref (figure->cells[i]);
  g_free (figure->cells);
  g_free (figure->xs);
  g_free (figure->widths);
  g_clear_pointer (&figure->image, cairo_surface_destroy);
  g_free (figure->description);
}

HuiFigure *
hui_figure_ref (HuiFigure *figure)
{
  return g_atomic_rc_box_acquire (figure);
}

void
hui_figure_unref (HuiFigure *figure)
{
  g_atomic_rc_box_release_full (figure, (GDestroyNotify)figure_free);
}

static void
unit_clear (Unit *unit)
{
  g_clear_pointer (&unit->footnotes, g_array_unref);
  for (guint i = 0; unit->figures != NULL && i < unit->n_lines; i++)
    hui_figure_unref (unit->figures[i]);
  g_free (unit->figures);
  g_free (unit->rows);
  g_free (unit->xs);
}

static void
placed_line_clear (HuiPlacedLine *line)
{
  g_clear_pointer (&line->figure, hui_figure_unref);
}

/* Makes @lines hold a reference on each of its figures (a copy of a page's
 * lines shares them). */
void
hui_page_lines_own_figures (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      HuiPlacedLine *line = &g_array_index (lines, HuiPlacedLine, i);

      if (line->figure != NULL)
        hui_figure_ref (line->figure);
    }
  g_array_set_clear_func (lines, (GDestroyNotify)placed_line_clear);
}

HuiPage *
hui_page_new (int report)
{
  HuiPage *page = g_new0 (HuiPage, 1);

  page->report = report;
  page->lines = g_array_new (FALSE, FALSE, sizeof (HuiPlacedLine));
  g_array_set_clear_func (page->lines, (GDestroyNotify)placed_line_clear);
  return page;
}

void
hui_page_free (HuiPage *page)
{
  g_array_unref (page->lines);
  g_free (page);
}

/* A numbered copy that shares the laid-out lines. */
HuiPage *
hui_page_copy_numbered (const HuiPage *page,
                       guint         number)
{
  HuiPage *copy = g_new0 (HuiPage, 1);

  copy->number = number;
  copy->report = page->report;
  copy->lines = g_array_ref (page->lines);
  return copy;
}

static PangoFontDescription *
font_for (const HuiPageSetup *setup,
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
grid_attributes (HuiTypesetter  *self,
                 HuiFontRole  role)
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

/* The zero-width spaces take no room: no letter spacing on them. */
static void
unspace_breaks (PangoAttrList *attrs,
                GArray        *zwsp_offsets)
{
  for (guint i = 0; i < zwsp_offsets->len; i++)
    {
      PangoAttribute *attr = pango_attr_letter_spacing_new (0);

      attr->start_index = g_array_index (zwsp_offsets, guint, i);
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

/* @references: NULL, or the notes' references in @text, whose offsets are
 * moved to the layout's text. */
static PangoLayout *
make_marked_layout (HuiTypesetter   *self,
                    HuiFontRole      role,
                    const char     *text,
                    PangoAlignment  alignment,
                    double          width,
                    double          indent,
                    GArray         *references)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = font_for (self->setup, role);
  g_autoptr(PangoAttrList) attrs = grid_attributes (self, role);
  g_autoptr(GArray) zwsp_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *breakable = add_chinese_quote_breaks (text, zwsp_offsets);

  shift_references (references, zwsp_offsets);

  unspace_breaks (attrs, zwsp_offsets);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int)(indent * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_justify (layout, alignment == PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, breakable, -1);
  g_ptr_array_add (self->layouts, layout);

  return layout;
}

static PangoLayout *
make_layout (HuiTypesetter   *self,
             HuiFontRole      role,
             const char     *text,
             PangoAlignment  alignment,
             double          width,
             double          indent)
{
  return make_marked_layout (self, role, text, alignment, width, indent, NULL);
}

/* A footnote in the body's face, smaller, off the character grid. */
static PangoLayout *
footnote_layout (HuiTypesetter *self,
                 const char   *text)
{
  PangoLayout *layout = make_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT,
                                     hui_page_setup_type_width (self->setup), 0);
  g_autoptr(PangoFontDescription) desc = font_for (self->setup, HUI_FONT_BODY);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_font_description_set_size (desc, (int)(self->setup->fonts[HUI_FONT_BODY].size * FOOTNOTE_SCALE * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

/* A line taller than a grid row (a 22 pt title) takes whole rows. */
static guint
rows_for_height (HuiTypesetter *self,
                 int        height)
{
  double h = (double)height / PANGO_SCALE;

  return MAX (1, (guint)ceil (h / self->pitch - 0.01));
}

static Unit *
add_unit (HuiTypesetter   *self,
          PangoLayout *layout)
{
  Unit unit = { .layout = layout, .leader_from = -1 };
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint i = 0;

  unit.n_lines = pango_layout_get_line_count (layout);
  unit.rows = g_new0 (guint, unit.n_lines);
  unit.xs = g_new0 (double, unit.n_lines);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      unit.rows[i] = rows_for_height (self, logical.height);
      unit.xs[i] = (double)logical.x / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_array_append_val (self->units, unit);
  return &g_array_index (self->units, Unit, self->units->len - 1);
}

static double
body_indent (HuiTypesetter *self)
{
  return hui_page_setup_indent (self->setup);
}

static void
add_title_block (HuiTypesetter *self,
                 HuiReport  *report)
{
  double width = hui_page_setup_type_width (self->setup);
  const char *parts[] = { hui_report_get_title (report), hui_report_get_subtitle (report) };
  g_autofree char *date = hui_format_date (hui_report_get_date (report));
  Unit *unit;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        unit = add_unit (self, make_layout (self, HUI_FONT_TITLE, parts[i], PANGO_ALIGN_CENTER, width, 0));
        unit->keep_together = unit->keep_with_next = TRUE;
      }

  if (hui_report_get_organization (report) != NULL)
    {
      unit = add_unit (self, make_layout (self, HUI_FONT_BYLINE, hui_report_get_organization (report),
                                          PANGO_ALIGN_CENTER, width, 0));
      unit->keep_together = unit->keep_with_next = TRUE;
    }
  if (date != NULL)
    {
      unit = add_unit (self, make_layout (self, HUI_FONT_BODY, date, PANGO_ALIGN_CENTER, width, 0));
      unit->keep_together = unit->keep_with_next = TRUE;
    }

  /* One empty row between the title block and the body. */
  unit = add_unit (self, make_layout (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0));
  unit->keep_together = unit->keep_with_next = TRUE;
}

static PangoLayout *
heading_layout (HuiTypesetter *self,
                HuiBlock      *block,
                guint        *note,
                GArray       *references)
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
                               body_indent (self), references);

  /* A run-in heading's body text is set in the body font. */
  if (run_in != NULL)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);
      g_autoptr(PangoFontDescription) body = font_for (self->setup, HUI_FONT_BODY);
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
add_figure_unit (HuiTypesetter *self,
                 HuiFigure    **figures,
                 guint        *rows,
                 guint         n)
{
  Unit unit = { .n_lines = n, .rows = rows, .xs = g_new0 (double, n), .figures = figures, .leader_from = -1 };

  g_array_append_val (self->units, unit);
}

/* Column widths in proportion to the longest line of each column's
 * cells, between 2 and 16 characters, filling the type width. */
static double *
column_widths (HuiBlock *table,
               guint    n_columns,
               double   type_width)
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
      Unit *caption = add_unit (self, make_layout (self, HUI_FONT_BODY, hui_block_get_text (table),
                                                   PANGO_ALIGN_CENTER, type_width, 0));
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

          figure->cells[j] = g_object_ref (make_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT,
                                                        MAX (widths[j] - 2 * HUI_CELL_PADDING, 1), 0));
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
          g_autofree char *reference = hui_note_reference (++number);
          g_autofree char *text = NULL;
          HuiNoteKind kind;
          const char *note = hui_block_get_note (block, k, &kind);

          if (kind != HUI_NOTE_ENDNOTE)
            continue;
          if (!any)
            {
              Unit *unit = add_unit (self, make_layout (self, HUI_FONT_BODY, "注释：", PANGO_ALIGN_LEFT, width, 0));

              unit->keep_together = unit->keep_with_next = TRUE;
              any = TRUE;
            }
          text = g_strconcat (reference, note, NULL);
          add_unit (self, make_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT, width, 0));
        }
    }
}

/* The rows line @line of @layout takes, no more than a page (so that a
 * page of its own always takes a footnote's line). */
static guint
layout_rows (HuiTypesetter *self,
             PangoLayout  *layout,
             int           line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, line), NULL, &logical);
  return MIN (rows_for_height (self, logical.height), self->setup->lines_per_page);
}

/* The footnotes of @unit's block, each with the line its reference is on
 * and the rows its lines take, measured once. */
static void
add_footnotes (HuiTypesetter *self,
               Unit         *unit,
               HuiBlock      *block,
               GArray       *references)
{
  for (guint i = 0; i < references->len; i++)
    {
      HuiNoteReference *reference = &g_array_index (references, HuiNoteReference, i);
      g_autofree char *number = hui_note_reference (reference->number);
      g_autofree char *text = NULL;
      HuiNoteKind kind;
      const char *note = hui_block_get_note (block, reference->note, &kind);
      Footnote footnote = { 0 };
      int line = 0;

      if (kind != HUI_NOTE_FOOTNOTE)
        continue;
      pango_layout_index_to_line_x (unit->layout, (int)reference->offset, FALSE, &line, NULL);
      text = g_strconcat (number, note, NULL);
      footnote.line = (guint)CLAMP (line, 0, (int)unit->n_lines - 1);
      footnote.layout = footnote_layout (self, text);
      footnote.rows = g_array_new (FALSE, FALSE, sizeof (guint));
      for (int k = 0; k < pango_layout_get_line_count (footnote.layout); k++)
        {
          guint rows = layout_rows (self, footnote.layout, k);

          g_array_append_val (footnote.rows, rows);
          footnote.total += rows;
        }
      if (unit->footnotes == NULL)
        {
          unit->footnotes = g_array_new (FALSE, FALSE, sizeof (Footnote));
          g_array_set_clear_func (unit->footnotes, (GDestroyNotify)footnote_clear);
        }
      g_array_append_val (unit->footnotes, footnote);
    }
}

static void
add_blocks (HuiTypesetter *self,
            HuiReport  *report)
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
          unit = add_unit (self, heading_layout (self, block, &note, references));
          unit->keep_with_next = hui_block_get_run_in (block) == NULL;
          unit->keep_together = unit->keep_with_next;
          add_footnotes (self, unit, block, references);
          break;
        case HUI_BLOCK_TABLE:
          add_table (self, block);
          break;
        case HUI_BLOCK_IMAGE:
          add_image (self, block);
          break;
        default:
          text = hui_block_print_marks (block, hui_block_get_text (block), &note, &used, TRUE, references);
          unit = add_unit (self, make_marked_layout (self, HUI_FONT_BODY, text, PANGO_ALIGN_LEFT,
                                                     hui_page_setup_type_width (self->setup), body_indent (self),
                                                     references));
          add_footnotes (self, unit, block, references);
        }
    }
  add_endnotes (self, report);
}

/* Sets the page's footnotes at its foot, under a short rule, as many as
 * there is room for below its text; the rest go to the next page. */
static void
set_foot (HuiTypesetter *self)
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
        .layout = foot->layout, .line = foot->line, .row = row, .rows = foot->rows, .leader_from = -1,
        .footnote_rule = i == 0,
      };

      g_array_append_val (self->page->lines, line);
      row += foot->rows;
    }
  for (guint i = n; i < self->foot->len; i++)
    g_array_append_val (self->carried, g_array_index (self->foot, FootLine, i));
  g_array_set_size (self->foot, 0);
  self->foot_rows = 0;
}

/* Moves footnote lines that did not fit on the last page to this page's
 * foot, up to @max_rows (at least one line). */
static void
take_carried (HuiTypesetter *self,
              guint         max_rows)
{
  while (self->carried->len > 0)
    {
      FootLine *line = &g_array_index (self->carried, FootLine, 0);

      if (self->foot->len > 0 && self->foot_rows + line->rows > max_rows)
        break;
      g_array_append_val (self->foot, *line);
      self->foot_rows += line->rows;
      g_array_remove_index (self->carried, 0);
    }
}

static void
new_page (HuiTypesetter *self)
{
  if (self->page != NULL)
    set_foot (self);
  self->page = hui_page_new (self->report);
  g_ptr_array_add (self->pages, self->page);
  self->row = 0;

  /* Footnotes that did not fit on the last page come first at this one's
   * foot, taking at most half of it so that the text goes on too; a
   * longer one goes on over the next pages. */
  take_carried (self, self->setup->lines_per_page / 2);
}

/* Rows the footnotes of lines [@from, @from + @n) of @unit take. */
static guint
footnote_rows (const Unit *unit,
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
static void
add_to_foot (HuiTypesetter *self,
             const Unit   *unit,
             guint         line)
{
  for (guint i = 0; unit->footnotes != NULL && i < unit->footnotes->len; i++)
    {
      Footnote *footnote = &g_array_index (unit->footnotes, Footnote, i);

      if (footnote->line != line)
        continue;
      for (guint k = 0; k < footnote->rows->len; k++)
        {
          FootLine foot = { footnote->layout, k, g_array_index (footnote->rows, guint, k) };

          g_array_append_val (self->foot, foot);
          self->foot_rows += foot.rows;
        }
    }
}

static guint
rows_of (const Unit *unit,
         guint       from,
         guint       n)
{
  guint rows = 0;

  for (guint i = from; i < from + n && i < unit->n_lines; i++)
    rows += unit->rows[i];

  return rows;
}

static void
place_lines (HuiTypesetter  *self,
             const Unit *unit,
             guint       from,
             guint       n)
{
  for (guint i = from; i < from + n; i++)
    {
      HuiPlacedLine line = {
        .layout = unit->layout, .line = i, .x = unit->xs[i],
        .row = self->row, .rows = unit->rows[i], .leader_from = -1,
      };

      line.red = unit->red;
      if (unit->figures != NULL)
        line.figure = hui_figure_ref (unit->figures[i]);
      if (i == unit->n_lines - 1)
        {
          line.tail = unit->tail;
          line.leader_from = unit->leader_from;
          line.rule_below = unit->rule_below;
        }
      g_array_append_val (self->page->lines, line);
      self->row += unit->rows[i];
      add_to_foot (self, unit, i);
    }
}

/* Rows that must follow on the same page for @index to be kept with the
 * next unit: its first lines, as many as a break may leave at a page end. */
static guint
rows_kept_with (HuiTypesetter *self,
                guint      index)
{
  guint rows = 0;

  for (guint k = index + 1; k < self->units->len; k++)
    {
      const Unit *next = &g_array_index (self->units, Unit, k);

      if (!next->keep_with_next)
        return rows + rows_of (next, 0, MIN (next->n_lines, MIN_LINES_AT_BREAK));
      rows += rows_of (next, 0, next->n_lines);
    }

  return rows;
}

/* How many lines of @unit, from @from, go on the current page: as many as
 * fit, but no single line left alone at the foot or the head of a page
 * when the paragraph can be moved instead. */
static guint
lines_for_this_page (HuiTypesetter  *self,
                     const Unit *unit,
                     guint       from)
{
  guint left = unit->n_lines - from;
  guint used = self->row + self->foot_rows;
  guint room = self->setup->lines_per_page > used ? self->setup->lines_per_page - used : 0;
  guint fit = 0;

  /* A line goes with its footnotes. */
  while (fit < left && rows_of (unit, from, fit + 1) + footnote_rows (unit, from, fit + 1) <= room)
    fit++;

  if (fit == left || unit->keep_together)
    return fit == left ? fit : 0;
  if (left - fit < MIN_LINES_AT_BREAK)
    fit = left > MIN_LINES_AT_BREAK ? left - MIN_LINES_AT_BREAK : 0;
  if (fit < MIN_LINES_AT_BREAK)
    fit = 0;

  return fit;
}

static void
set_unit (HuiTypesetter *self,
          guint      index)
{
  const Unit *unit = &g_array_index (self->units, Unit, index);
  guint from = 0;

  if (unit->keep_with_next && self->row > 0 &&
      self->row + self->foot_rows + rows_of (unit, 0, unit->n_lines) + footnote_rows (unit, 0, unit->n_lines) +
      rows_kept_with (self, index) > self->setup->lines_per_page)
    new_page (self);

  while (from < unit->n_lines)
    {
      guint n = lines_for_this_page (self, unit, from);

      /* A unit taller than a whole page is split wherever it must be. */
      if (n == 0 && self->row == 0)
        n = MAX (1u, MIN (unit->n_lines - from, self->setup->lines_per_page));

      place_lines (self, unit, from, n);
      from += n;
      if (from < unit->n_lines || self->row >= self->setup->lines_per_page)
        new_page (self);
    }
}

/* The last page's footnotes, and pages of their own for any left over
 * (all theirs: no text is left to share them). */
void
hui_typesetter_finish (HuiTypesetter *self)
{
  if (self->page == NULL)
    return;
  set_foot (self);
  while (self->carried->len > 0)
    {
      new_page (self);
      take_carried (self, self->setup->lines_per_page);
      set_foot (self);
    }
}

static void
set_units (HuiTypesetter *self)
{
  for (guint i = 0; i < self->units->len; i++)
    set_unit (self, i);

  /* A page opened by a full page's last line and left empty is dropped. */
  if (self->page->lines->len == 0 && self->foot->len == 0 && self->pages->len > 1)
    {
      g_ptr_array_remove_index (self->pages, self->pages->len - 1);
      self->page = self->pages->pdata[self->pages->len - 1];
    }
  /* A report that ends its last page sets that page's footnotes; when the
   * next report goes on on the same page, hui_typesetter_finish() does. */
  if (self->setup->new_page_per_report)
    hui_typesetter_finish (self);
  g_array_set_size (self->units, 0);
}

/* Sets @report on the pages, from a new page when each report starts on
 * one; returns the (1-based) index of its first page among the pages. */
guint
hui_typesetter_add_report (HuiTypesetter *self,
                           HuiReport     *report,
                           guint         index)
{
  guint first;

  self->report = index;
  if (self->setup->new_page_per_report || self->pages->len == 0)
    new_page (self);
  first = self->pages->len;

  add_title_block (self, report);
  add_blocks (self, report);
  set_units (self);

  return first;
}

static double
line_end (const Unit *unit,
          guint       line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (unit->layout, line), NULL, &logical);
  return unit->xs[line] + (double)logical.width / PANGO_SCALE;
}

/* The text of each line of @layout, without the zero-width spaces that
 * only served pango's line breaking. */
static GStrvBuilder *
layout_lines (PangoLayout *layout)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autoptr(GString) piece = g_string_new_len (text + line->start_index, line->length);

      g_string_replace (piece, "\u200B", "", 0);
      g_strv_builder_add (builder, piece->str);
    }

  return builder;
}

static void
add_toc_entry (HuiTypesetter *self,
               HuiReport     *report,
               guint         page,
               const char   *previous_organization,
               GPtrArray    *title_lines)
{
  const char *organization = hui_report_get_organization (report);
  double width = hui_page_setup_type_width (self->setup);
  double number_room = hui_page_setup_toc_number_room (self->setup);
  g_autofree char *title = hui_report_dup_full_title (report);
  g_autofree char *number = g_strdup_printf ("%u", page);
  Unit *unit;
  double leader_from;
  g_autoptr(GStrvBuilder) lines = NULL;

  if (organization != NULL && g_strcmp0 (organization, previous_organization) != 0)
    {
      g_autofree char *line = g_strconcat (organization, "：", NULL);

      unit = add_unit (self, make_layout (self, HUI_FONT_BODY, line, PANGO_ALIGN_LEFT, width, 0));
      unit->keep_with_next = unit->keep_together = TRUE;
    }

  unit = add_unit (self, make_layout (self, HUI_FONT_BODY, title, PANGO_ALIGN_LEFT,
                                      width - number_room, body_indent (self)));
  unit->keep_together = TRUE;
  leader_from = line_end (unit, unit->n_lines - 1);
  lines = layout_lines (unit->layout);

  /* A title that (nearly) fills its line leaves no room for the tab
   * before the page number: word processors then set the leader and the
   * number on a line of their own, and so does the paginator, so that the
   * ODT's TOC takes as many lines as this one. */
  if (width - number_room - leader_from < TOC_MIN_TAB_ROOM * hui_page_setup_char_pitch (self->setup))
    {
      unit->keep_with_next = TRUE;
      unit = add_unit (self, make_layout (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0));
      unit->keep_together = TRUE;
      leader_from = 0;
      g_strv_builder_add (lines, "");
    }
  g_ptr_array_add (title_lines, g_strv_builder_end (lines));
  unit->tail = make_layout (self, HUI_FONT_BODY, number, PANGO_ALIGN_RIGHT, width, 0);
  unit->leader_from = leader_from;
}

/* The table of contents comes first and is not counted: the first report
 * starts on page 1 whatever the length of the TOC. */
/* The masthead (报头) on the first page: the bulletin's name large and
 * red, the issue under it, then the compiling unit at the left and the
 * date at the right over a red rule. The table of contents follows. */
void
hui_typesetter_add_front_page (HuiTypesetter *self,
                               HuiBulletin   *bulletin)
{
  double width = hui_page_setup_type_width (self->setup);
  g_autofree char *date = hui_format_date (hui_bulletin_get_date (bulletin));
  Unit *unit;

  self->report = -1;
  if (self->pages->len == 0)
    new_page (self);

  unit = add_unit (self, make_layout (self, HUI_FONT_MASTHEAD, hui_bulletin_get_title (bulletin),
                                      PANGO_ALIGN_CENTER, width, 0));
  unit->red = unit->keep_together = unit->keep_with_next = TRUE;
  if (hui_bulletin_get_issue (bulletin) != NULL)
    {
      unit = add_unit (self, make_layout (self, HUI_FONT_BODY, hui_bulletin_get_issue (bulletin),
                                          PANGO_ALIGN_CENTER, width, 0));
      unit->keep_with_next = TRUE;
    }
  unit = add_unit (self, make_layout (self, HUI_FONT_BODY, hui_bulletin_get_unit (bulletin) ?: "",
                                      PANGO_ALIGN_LEFT, width / 2, 0));
  unit->keep_with_next = TRUE;
  unit->rule_below = HUI_RULE_RED;
  if (date != NULL)
    {
      /* "（2024年3月20日）" without its brackets, as a masthead prints it */
      g_autoptr(GString) plain = g_string_new (date);

      g_string_replace (plain, "（", "", 0);
      g_string_replace (plain, "）", "", 0);
      unit->tail = make_layout (self, HUI_FONT_BODY, plain->str, PANGO_ALIGN_RIGHT, width, 0);
    }
  unit = add_unit (self, make_layout (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0));
  unit->keep_with_next = TRUE;
  set_units (self);
}

/* The closing block (版记) at the foot of the last page, under a rule:
 * one line per line of @closing, indented one character. When the last
 * page has no room left, it goes to the foot of a page of its own.
 * @used_rows is how much of the current (last) page is taken. */
void
hui_typesetter_add_closing (HuiTypesetter *self,
                            const char   *closing,
                            int           report,
                            guint         used_rows)
{
  double width = hui_page_setup_type_width (self->setup);
  double pitch = hui_page_setup_char_pitch (self->setup);
  g_auto(GStrv) lines = g_strsplit (closing, "\n", -1);
  guint total = 0;
  Unit *unit;

  self->report = report;
  if (self->pages->len == 0)
    new_page (self);
  self->page = self->pages->pdata[self->pages->len - 1];

  unit = add_unit (self, make_layout (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0));
  unit->rule_below = HUI_RULE_BLACK;
  unit->keep_with_next = unit->keep_together = TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unit = add_unit (self, make_layout (self, HUI_FONT_BODY, lines[i], PANGO_ALIGN_LEFT, width - 2 * pitch, 0));
      unit->xs[0] += pitch;
      unit->keep_together = unit->keep_with_next = TRUE;
    }
  for (guint i = 0; i < self->units->len; i++)
    {
      const Unit *u = &g_array_index (self->units, Unit, i);
      total += rows_of (u, 0, u->n_lines);
    }

  total = MIN (total, self->setup->lines_per_page);
  if (used_rows + total > self->setup->lines_per_page)
    new_page (self);
  self->row = self->setup->lines_per_page - total;
  set_units (self);
}

void
hui_typesetter_add_toc (HuiTypesetter *self,
                        HuiBulletin   *bulletin,
                        const guint  *first_pages,
                        GPtrArray    *title_lines)
{
  const char *previous = NULL;
  Unit *unit;

  self->report = -1;
  if (self->pages->len == 0)
    new_page (self);

  unit = add_unit (self, make_layout (self, HUI_FONT_TOC_TITLE, "目　录", PANGO_ALIGN_CENTER,
                                      hui_page_setup_type_width (self->setup), 0));
  unit->keep_with_next = TRUE;
  unit = add_unit (self, make_layout (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, 10, 0));
  unit->keep_with_next = TRUE;

  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);

      add_toc_entry (self, report, first_pages[i], previous, title_lines);
      previous = hui_report_get_organization (report);
    }
  set_units (self);
}


HuiTypesetter *
hui_typesetter_new (PangoContext      *context,
                    const HuiPageSetup *setup,
                    GPtrArray         *pages,
                    GPtrArray         *layouts)
{
  HuiTypesetter *self = g_new0 (HuiTypesetter, 1);

  self->context = context;
  self->setup = setup;
  self->pitch = hui_page_setup_line_pitch (setup);
  self->pages = pages;
  self->layouts = layouts;
  self->units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_array_set_clear_func (self->units, (GDestroyNotify)unit_clear);
  self->foot = g_array_new (FALSE, FALSE, sizeof (FootLine));
  self->carried = g_array_new (FALSE, FALSE, sizeof (FootLine));

  return self;
}

void
hui_typesetter_free (HuiTypesetter *self)
{
  g_array_unref (self->units);
  g_array_unref (self->foot);
  g_array_unref (self->carried);
  g_free (self);
}

/* Own font map and unhinted metrics: the layout is the same on any device
 * and in any thread, and 1 unit is 1 point. A font map serves one thread. */
PangoContext *
hui_typesetter_create_context (void)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72);
  context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));

  return context;
}

PangoFontDescription *
hui_typesetter_font (const HuiPageSetup *setup,
                     HuiFontRole         role)
{
  return font_for (setup, role);
}

/* "2023-07-25" → "（2023年7月25日）" as printed under a title. */
char *
hui_format_date (const char *iso_date)
{
  int y = 0, m = 0, d = 0;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  return g_strdup_printf ("（%d年%d月%d日）", y, m, d);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-typesetter"

#include "config.h"

#include <pango/pangocairo.h>

#include "hui-typesetter-private.h"

/* Sets text on the page grid of a page setup: pango breaks each block
 * into lines (its line breaking follows UAX #14, so no line starts with
 * closing punctuation or ends with opening punctuation), and the lines are
 * placed on the grid's rows with the rules of a bulletin: headings kept
 * with what follows, no single line left alone at a page break, the title
 * block together, each report on a new page. This file does the page
 * breaking; the units of lines come from the other hui-typesetter-*.c. */

void
hui_typesetter_new_page (HuiTypesetter *self)
{
  if (self->page != NULL)
    hui_typesetter_set_foot (self);
  self->page = hui_page_new (self->report);
  g_ptr_array_add (self->pages, self->page);
  self->row = 0;

  /* Footnotes that did not fit on the last page come first at this one's
   * foot, taking at most half of it so that the text goes on too; a
   * longer one goes on over the next pages. */
  hui_typesetter_take_carried (self, self->setup->lines_per_page / 2);
}

guint
hui_typesetter_rows_of (const Unit *unit,
                        guint       from,
                        guint       n)
{
  guint rows = 0;

  for (guint i = from; i < from + n && i < unit->n_lines; i++)
    rows += unit->rows[i];

  return rows;
}

static void
place_lines (HuiTypesetter *self,
             const Unit    *unit,
             guint          from,
             guint          n)
{
  for (guint i = from; i < from + n; i++)
    {
      PangoLayout *layout = unit->line_layouts != NULL ? unit->line_layouts[i] : unit->layout;
      HuiPlacedLine line = {
        .layout = layout ? g_object_ref (layout) : NULL, .x = unit->xs[i],
        .line = unit->line_numbers != NULL ? unit->line_numbers[i] : (int)i,
        .layout_line = unit->lines != NULL ? pango_layout_line_ref (unit->lines[i]) : NULL,
        .row = self->row, .rows = unit->rows[i], .leader_from = -1, .role = unit->role,
      };

      line.red = unit->red;
      if (unit->figures != NULL)
        line.figure = hui_figure_ref (unit->figures[i]);
      if (i == unit->n_lines - 1)
        {
          line.tail = unit->tail ? g_object_ref (unit->tail) : NULL;
          line.leader_from = unit->leader_from;
          line.rule_below = unit->rule_below;
        }
      g_array_append_val (self->page->lines, line);
      self->row += unit->rows[i];
      hui_typesetter_add_to_foot (self, unit, i);
    }
}

/* Rows that must follow on the same page for @index to be kept with the
 * next unit: its first lines, as many as a break may leave at a page end. */
static guint
rows_kept_with (HuiTypesetter *self,
                guint          index)
{
  guint rows = 0;

  for (guint k = index + 1; k < self->units->len; k++)
    {
      const Unit *next = &g_array_index (self->units, Unit, k);

      if (!next->keep_with_next)
        return rows + hui_typesetter_rows_of (next, 0, MIN (next->n_lines, MIN_LINES_AT_BREAK));
      rows += hui_typesetter_rows_of (next, 0, next->n_lines);
    }

  return rows;
}

/* How many lines of @unit, from @from, go on the current page: as many as
 * fit, but no single line left alone at the foot or the head of a page
 * when the paragraph can be moved instead. */
static guint
lines_for_this_page (HuiTypesetter *self,
                     const Unit    *unit,
                     guint          from)
{
  guint left = unit->n_lines - from;
  guint used = self->row + self->foot_rows;
  guint room = self->setup->lines_per_page > used ? self->setup->lines_per_page - used : 0;
  guint fit = 0;

  /* A line goes with its footnotes. */
  while (fit < left && hui_typesetter_rows_of (unit, from, fit + 1) + hui_typesetter_footnote_rows (unit, from, fit + 1) <= room)
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
          guint          index)
{
  const Unit *unit = &g_array_index (self->units, Unit, index);
  guint from = 0;

  if (unit->keep_with_next && self->row > 0 &&
      self->row + self->foot_rows + hui_typesetter_rows_of (unit, 0, unit->n_lines) + hui_typesetter_footnote_rows (unit, 0, unit->n_lines) +
      rows_kept_with (self, index) > self->setup->lines_per_page)
    hui_typesetter_new_page (self);

  while (from < unit->n_lines)
    {
      guint n = lines_for_this_page (self, unit, from);

      /* A unit taller than a whole page is split wherever it must be. */
      if (n == 0 && self->row == 0)
        n = MAX (1u, MIN (unit->n_lines - from, self->setup->lines_per_page));

      place_lines (self, unit, from, n);
      from += n;
      if (from < unit->n_lines || self->row >= self->setup->lines_per_page)
        hui_typesetter_new_page (self);
    }
}

/* The last page's footnotes, and pages of their own for any left over
 * (all theirs: no text is left to share them). */
void
hui_typesetter_finish (HuiTypesetter *self)
{
  if (self->page == NULL)
    return;
  hui_typesetter_set_foot (self);
  while (self->carried->len > 0)
    {
      hui_typesetter_new_page (self);
      hui_typesetter_take_carried (self, self->setup->lines_per_page);
      hui_typesetter_set_foot (self);
    }
}

/* Pages before the last two are done: only the current page takes
 * lines, and the one before it may become current again when the current
 * one is left empty (hui_typesetter_set_units()). */
static void
hand_over_done_pages (HuiTypesetter *self)
{
  for (; self->n_done + 2 < self->pages->len; self->n_done++)
    self->done (self->pages->pdata[self->n_done], self->n_done, self->done_data);
}

/* Streaming: sets the units that need nothing after them to be set (all
 * up to the last that is not kept with the next), and lets them go. The
 * page breaks are those hui_typesetter_set_units() makes of all units at
 * once, since a unit looks ahead only along its keep-with-next chain. */
void
hui_typesetter_set_ready (HuiTypesetter *self)
{
  guint ready = 0;

  if (self->done == NULL)
    return;
  for (guint i = self->units->len; i > 0 && ready == 0; i--)
    if (!g_array_index (self->units, Unit, i - 1).keep_with_next)
      ready = i;
  for (guint i = 0; i < ready; i++)
    set_unit (self, i);
  g_array_remove_range (self->units, 0, ready);
  hand_over_done_pages (self);
}

/* Hands the pages not yet handed over to @done: call it when the report
 * is set. */
void
hui_typesetter_hand_over_rest (HuiTypesetter *self)
{
  g_return_if_fail (self->done != NULL);

  for (; self->n_done < self->pages->len; self->n_done++)
    self->done (self->pages->pdata[self->n_done], self->n_done, self->done_data);
}

/* Afterwards, each page of a report is handed to @done as soon as it is
 * done, when the typesetter sets reports one per page (the last two
 * pages once the report is set, by hui_typesetter_hand_over_rest()). With
 * a @done that lets a page's lines go, a report of any length is set in
 * the memory of a few pages and its longest paragraph. */
void
hui_typesetter_stream_pages (HuiTypesetter   *self,
                             HuiPageDoneFunc  done,
                             gpointer         data)
{
  g_return_if_fail (self->setup->new_page_per_report);

  self->done = done;
  self->done_data = data;
}

void
hui_typesetter_set_units (HuiTypesetter *self)
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
                           guint          index)
{
  guint first;

  self->report = index;
  if (self->setup->new_page_per_report || self->pages->len == 0)
    hui_typesetter_new_page (self);
  first = self->pages->len;

  hui_typesetter_add_title_block (self, report);
  hui_typesetter_add_blocks (self, report);
  hui_typesetter_set_units (self);

  return first;
}

HuiTypesetter *
hui_typesetter_new (PangoContext       *context,
                    const HuiPageSetup *setup,
                    GPtrArray          *pages)
{
  HuiTypesetter *self = g_new0 (HuiTypesetter, 1);

  self->context = context;
  self->setup = setup;
  self->pitch = hui_page_setup_line_pitch (setup);
  self->pages = pages;
  self->units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_array_set_clear_func (self->units, (GDestroyNotify)hui_typesetter_unit_clear);
  self->foot = g_array_new (FALSE, FALSE, sizeof (FootLine));
  self->carried = g_array_new (FALSE, FALSE, sizeof (FootLine));
  g_array_set_clear_func (self->foot, (GDestroyNotify)hui_typesetter_foot_line_clear);
  g_array_set_clear_func (self->carried, (GDestroyNotify)hui_typesetter_foot_line_clear);

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

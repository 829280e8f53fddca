/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-page"

#include "config.h"

#include "hui-page.h"


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
placed_line_clear (HuiPlacedLine *line)
{
  g_clear_pointer (&line->figure, hui_figure_unref);
  g_clear_pointer (&line->layout_line, pango_layout_line_unref);
  g_clear_object (&line->layout);
  g_clear_object (&line->tail);
}

/* Makes @lines hold a reference on each of its figures, layouts and layout
 * lines (a copy of a page's lines shares them). */
void
hui_page_lines_ref_shared (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      HuiPlacedLine *line = &g_array_index (lines, HuiPlacedLine, i);

      if (line->figure != NULL)
        hui_figure_ref (line->figure);
      if (line->layout_line != NULL)
        pango_layout_line_ref (line->layout_line);
      if (line->layout != NULL)
        g_object_ref (line->layout);
      if (line->tail != NULL)
        g_object_ref (line->tail);
    }
  g_array_set_clear_func (lines, (GDestroyNotify)placed_line_clear);
}

static GArray *
lines_new (void)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (HuiPlacedLine));

  g_array_set_clear_func (lines, (GDestroyNotify)placed_line_clear);
  return lines;
}

HuiPage *
hui_page_new (int report)
{
  HuiPage *page = g_new0 (HuiPage, 1);

  page->report = report;
  page->lines = lines_new ();
  return page;
}

/* Lets go of the page's lines, and with them of the layouts they show:
 * the page is only counted. */
void
hui_page_release (HuiPage *page)
{
  g_array_unref (page->lines);
  page->lines = lines_new ();
  page->released = TRUE;
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
                        guint          number)
{
  HuiPage *copy = g_new0 (HuiPage, 1);

  copy->number = number;
  copy->report = page->report;
  copy->released = page->released;
  copy->lines = g_array_ref (page->lines);
  return copy;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-pdf-exporter"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <glib/gi18n-lib.h>

#include "hui-pdf-exporter.h"

/* Draws the paginator's pages with cairo. The same drawing serves the PDF,
 * printing and the editor's page preview, so what is previewed is what is
 * printed. cairo embeds subsets of the fonts used. */

#define HUI_RED 0.85, 0.0, 0.0

#define LEADER_DOT_STEP   4.0
#define LEADER_DOT_RADIUS 0.6

static double
baseline_of (const HuiPagination *pagination,
             const HuiPlacedLine *placed,
             PangoLayoutLine     *line)
{
  const HuiPageSetup *setup = pagination->setup;
  double pitch = hui_page_setup_line_pitch (setup);
  double top = HUI_MM_TO_PT (setup->margin_top) + placed->row * pitch;
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);

  /* The line box is centred in its rows, as on a document grid. */
  return top + (placed->rows * pitch - (double)logical.height / PANGO_SCALE) / 2
             - (double)logical.y / PANGO_SCALE;
}

static void
draw_leader (cairo_t *cr,
             double   from,
             double   to,
             double   baseline)
{
  for (double x = from + LEADER_DOT_STEP; x < to - LEADER_DOT_STEP / 2; x += LEADER_DOT_STEP)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, baseline - LEADER_DOT_RADIUS, LEADER_DOT_RADIUS, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
draw_tail (cairo_t             *cr,
           const HuiPagination *pagination,
           const HuiPlacedLine *placed,
           double               baseline)
{
  double left = HUI_MM_TO_PT (pagination->setup->margin_left);
  double right = left + hui_page_setup_type_width (pagination->setup);
  PangoLayoutLine *line = pango_layout_get_line_readonly (placed->tail, 0);
  PangoRectangle logical;
  double x;

  pango_layout_line_get_extents (line, NULL, &logical);
  x = right - (double)logical.width / PANGO_SCALE;
  cairo_move_to (cr, x, baseline);
  pango_cairo_show_layout_line (cr, line);

  if (placed->leader_from >= 0)
    draw_leader (cr, left + placed->leader_from, x, baseline);
}

/* A rule across the type area at the foot of the line's rows: red under
 * the masthead, black over the closing block. */
static void
draw_rule (cairo_t             *cr,
           const HuiPagination *pagination,
           const HuiPlacedLine *placed)
{
  const HuiPageSetup *setup = pagination->setup;
  double y = HUI_MM_TO_PT (setup->margin_top) + (placed->row + placed->rows) * hui_page_setup_line_pitch (setup);

  cairo_save (cr);
  if (placed->rule_below == HUI_RULE_RED)
    cairo_set_source_rgb (cr, HUI_RED);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, placed->rule_below == HUI_RULE_RED ? 1.5 : 0.75);
  cairo_move_to (cr, HUI_MM_TO_PT (setup->margin_left), y);
  cairo_rel_line_to (cr, hui_page_setup_type_width (setup), 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The short rule that sets a page's footnotes off from its text: a
 * quarter of the type area, at the top of the first footnote's row. */
static void
draw_footnote_rule (cairo_t             *cr,
                    const HuiPagination *pagination,
                    const HuiPlacedLine *placed)
{
  const HuiPageSetup *setup = pagination->setup;
  double y = HUI_MM_TO_PT (setup->margin_top) + placed->row * hui_page_setup_line_pitch (setup);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, HUI_MM_TO_PT (setup->margin_left), y);
  cairo_rel_line_to (cr, hui_page_setup_type_width (setup) / 4, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A table row: each cell framed over the row's height, its lines one
 * grid row each. */
static void
draw_table_row (cairo_t             *cr,
                const HuiPagination *pagination,
                const HuiPlacedLine *placed)
{
  const HuiFigure *figure = placed->figure;
  double pitch = hui_page_setup_line_pitch (pagination->setup);
  double left = HUI_MM_TO_PT (pagination->setup->margin_left);
  double top = HUI_MM_TO_PT (pagination->setup->margin_top) + placed->row * pitch;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  for (guint j = 0; j < figure->n_cells; j++)
    {
      GSList *lines = pango_layout_get_lines_readonly (figure->cells[j]);

      cairo_rectangle (cr, left + figure->xs[j], top, figure->widths[j], placed->rows * pitch);
      cairo_stroke (cr);
      for (guint k = 0; lines != NULL && k < placed->rows; k++, lines = lines->next)
        {
          HuiPlacedLine row = { .row = placed->row + k, .rows = 1 };
          PangoLayoutLine *line = lines->data;
          PangoRectangle logical;

          pango_layout_line_get_extents (line, NULL, &logical);
          cairo_move_to (cr, left + figure->xs[j] + HUI_CELL_PADDING + (double)logical.x / PANGO_SCALE,
                         baseline_of (pagination, &row, line));
          pango_cairo_show_layout_line (cr, line);
        }
    }
  cairo_restore (cr);
}

static gboolean
is_vector (cairo_surface_t *target)
{
  cairo_surface_type_t type = cairo_surface_get_type (target);

  return type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS || type == CAIRO_SURFACE_TYPE_SVG;
}

/* An image centred in its rows; one cairo cannot print (GIF, EMF…) is a
 * framed box with its description, so that the page still shows where it
 * stands. */
static void
draw_image (cairo_t             *cr,
            const HuiPagination *pagination,
            const HuiPlacedLine *placed)
{
  const HuiFigure *figure = placed->figure;
  double pitch = hui_page_setup_line_pitch (pagination->setup);
  double x = HUI_MM_TO_PT (pagination->setup->margin_left) +
             (hui_page_setup_type_width (pagination->setup) - figure->width) / 2;
  double y = HUI_MM_TO_PT (pagination->setup->margin_top) + placed->row * pitch +
             (placed->rows * pitch - figure->height) / 2;
  cairo_surface_t *surface = figure->image;

  cairo_save (cr);
  if (surface != NULL)
    {
      cairo_translate (cr, x, y);
      cairo_rectangle (cr, 0, 0, figure->width, figure->height);
      cairo_clip (cr);
      cairo_scale (cr, figure->width / cairo_image_surface_get_width (surface),
                   figure->height / cairo_image_surface_get_height (surface));
      cairo_set_source_surface (cr, surface, 0, 0);
      /* On screen an enlarged image keeps its edges: without padding they
       * would fade into the paper over half a source pixel. A PDF needs
       * none (its viewer scales the image), and asking for it there
       * would replace a JPEG's own bytes with a padded copy. */
      if (!is_vector (cairo_get_target (cr)))
        cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
      cairo_paint (cr);
    }
  else
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (pagination->context);

      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, y, figure->width, figure->height);
      cairo_stroke (cr);
      pango_layout_set_text (layout, figure->description, -1);
      pango_layout_set_width (layout, (int)(figure->width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, x, y + 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

static void
draw_line (cairo_t             *cr,
           const HuiPagination *pagination,
           const HuiPlacedLine *placed)
{
  PangoLayoutLine *line = placed->layout_line;
  double baseline;

  if (placed->figure != NULL)
    {
      if (placed->figure->n_cells == 0)
        draw_image (cr, pagination, placed);
      else
        draw_table_row (cr, pagination, placed);
      return;
    }

  baseline = baseline_of (pagination, placed, line);

  cairo_save (cr);
  if (placed->red)
    cairo_set_source_rgb (cr, HUI_RED);
  cairo_move_to (cr, HUI_MM_TO_PT (pagination->setup->margin_left) + placed->x, baseline);
  pango_cairo_show_layout_line (cr, line);
  cairo_restore (cr);

  if (placed->tail != NULL)
    draw_tail (cr, pagination, placed, baseline);
  if (placed->rule_below)
    draw_rule (cr, pagination, placed);
  if (placed->footnote_rule)
    draw_footnote_rule (cr, pagination, placed);
}

/* "— 7 —" (the setup's format), 7 mm below the type area; odd pages
 * flush right and even pages flush left, each one character in from the
 * edge (GB/T 9704). */
static void
draw_page_number (cairo_t             *cr,
                  const HuiPagination *pagination,
                  guint                number)
{
  const HuiPageSetup *setup = pagination->setup;
  const HuiFontSpec *font = &setup->fonts[HUI_FONT_PAGE_NUMBER];
  g_autoptr(PangoLayout) layout = pango_layout_new (pagination->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  g_autofree char *text = hui_page_setup_format_page_number (setup, number);
  double left = HUI_MM_TO_PT (setup->margin_left);
  double top = HUI_MM_TO_PT (setup->margin_top + setup->page_number_gap) + hui_page_setup_type_height (setup);
  PangoRectangle logical;
  double x;

  pango_font_description_set_family (desc, font->family);
  pango_font_description_set_size (desc, font->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  if (number % 2 == 1)
    x = left + hui_page_setup_type_width (setup) - font->size - (double)logical.width / PANGO_SCALE;
  else
    x = left + font->size;

  cairo_move_to (cr, x, top);
  pango_cairo_show_layout (cr, layout);
}

/* @page may not be a released one (see hui_pagination_new()): only
 * hui_pdf_exporter_write() sets those again. */
void
hui_pdf_exporter_render_page (cairo_t             *cr,
                              const HuiPagination *pagination,
                              const HuiPage       *page)
{
  g_return_if_fail (!page->released);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->lines->len; i++)
    draw_line (cr, pagination, &g_array_index (page->lines, HuiPlacedLine, i));
  if (page->number > 0)
    draw_page_number (cr, pagination, page->number);
  cairo_restore (cr);
}

/* cairo hands the PDF over piece by piece as it makes it; the first
 * error (a full disk, a cancelled export) is kept and fails every later
 * write, so cairo stops drawing. */
typedef struct {
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error == NULL)
    g_output_stream_write_all (sink->out, data, length, NULL, sink->cancellable, &sink->error);
  return sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
add_outline (cairo_surface_t     *surface,
             HuiBulletin         *bulletin,
             const HuiPagination *pagination)
{
  for (guint i = 0; i < pagination->n_reports; i++)
    {
      g_autofree char *title = hui_report_dup_full_title (hui_bulletin_get_report (bulletin, i));
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]",
                                               pagination->toc_pages->len + pagination->first_pages[i]);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
    }
}

static void
set_metadata (cairo_surface_t *surface,
              HuiBulletin     *bulletin)
{
  const char *title = hui_bulletin_get_title (bulletin);
  const char *date = hui_bulletin_get_date (bulletin);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : _("Bulletin"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Huibian " PACKAGE_VERSION);
  if (hui_bulletin_get_unit (bulletin) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, hui_bulletin_get_unit (bulletin));
  if (date != NULL)
    {
      g_autofree char *stamp = g_strdup_printf ("%sT00:00:00", date);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
    }
}

typedef struct {
  cairo_t             *cr;
  const HuiPagination *pagination;
  Sink                *sink;
} Drawing;

/* Stops drawing after an error or a cancellation. */
static void
draw_page_cb (const HuiPage *page,
              gpointer       data)
{
  Drawing *drawing = data;

  if (drawing->sink->error != NULL)
    return;
  hui_pdf_exporter_render_page (drawing->cr, drawing->pagination, page);
  cairo_show_page (drawing->cr);
  if (drawing->sink->error == NULL)
    g_cancellable_set_error_if_cancelled (drawing->sink->cancellable, &drawing->sink->error);
}

/* A released page (a very long report's, counted and let go) is set
 * again with the others of its report when the first of them comes. */
static void
render_pages (Drawing   *drawing,
              GPtrArray *pages)
{
  int released = -1;

  for (guint i = 0; i < pages->len && drawing->sink->error == NULL; i++)
    {
      const HuiPage *page = pages->pdata[i];

      if (!page->released)
        draw_page_cb (page, drawing);
      else if (page->report != released)
        {
          released = page->report;
          hui_pagination_set_released (drawing->pagination, (guint)page->report, draw_page_cb, drawing);
        }
    }
}

/* Writes the PDF to @out as cairo makes it, page by page, so that no copy
 * of the whole file is kept in memory: the table of contents pages first,
 * then the numbered pages. @out is not closed. */
gboolean
hui_pdf_exporter_write (HuiBulletin          *bulletin,
                        const HuiPagination  *pagination,
                        GOutputStream        *out,
                        GCancellable         *cancellable,
                        GError              **error)
{
  const HuiPageSetup *setup;
  Sink sink = { out, cancellable, NULL };
  Drawing drawing = { NULL, pagination, &sink };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (pagination != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  setup = pagination->setup;
  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink,
                                                 HUI_MM_TO_PT (setup->paper_width),
                                                 HUI_MM_TO_PT (setup->paper_height));
  set_metadata (surface, bulletin);
  drawing.cr = cairo_create (surface);
  render_pages (&drawing, pagination->toc_pages);
  render_pages (&drawing, pagination->pages);
  add_outline (surface, bulletin, pagination);
  cairo_destroy (drawing.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cairo could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The PDF in memory, for callers that want its bytes. */
GBytes *
hui_pdf_exporter_export (HuiBulletin          *bulletin,
                         const HuiPagination  *pagination,
                         GError              **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (!hui_pdf_exporter_write (bulletin, pagination, out, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

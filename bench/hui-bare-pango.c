/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-bare-pango"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "project/hui-project.h"

/* The floor for the PDF export benchmark: the same text, fonts and page
 * size laid out with pango and drawn with cairo in the plainest loop —
 * one layout per block, lines flowed down the page, no grid, no rules, no
 * table of contents. Huibian's export should cost little more. */

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  *(gsize *)closure += length;
  return CAIRO_STATUS_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = NULL;
  const HuiPageSetup *setup;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *desc;
  double width, height, left, top, y;
  gsize bytes = 0;
  guint pages = 1;

  if (argc != 2)
    {
      g_printerr ("usage: hui-bare-pango PROJECT\n");
      return 1;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  bulletin = hui_project_load (file, NULL, &error);
  if (bulletin == NULL)
    {
      g_printerr ("hui-bare-pango: %s\n", error->message);
      return 2;
    }

  setup = hui_bulletin_get_page_setup (bulletin);
  width = hui_page_setup_type_width (setup);
  height = hui_page_setup_type_height (setup);
  left = HUI_MM_TO_PT (setup->margin_left);
  top = HUI_MM_TO_PT (setup->margin_top);
  surface = cairo_pdf_surface_create_for_stream (discard_cb, &bytes,
                                                 HUI_MM_TO_PT (setup->paper_width),
                                                 HUI_MM_TO_PT (setup->paper_height));
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  desc = pango_font_description_from_string ("Noto Serif CJK SC 16");
  y = top;

  for (guint r = 0; r < hui_bulletin_get_n_reports (bulletin); r++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, r);

      for (guint b = 0; b < hui_report_get_n_blocks (report); b++)
        {
          PangoLayout *layout = pango_layout_new (context);
          PangoLayoutIter *iter;

          pango_layout_set_font_description (layout, desc);
          pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
          pango_layout_set_text (layout, hui_block_get_text (hui_report_get_block (report, b)), -1);
          iter = pango_layout_get_iter (layout);
          do
            {
              PangoRectangle logical;

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              if (y + logical.height / PANGO_SCALE > top + height)
                {
                  cairo_show_page (cr);
                  pages++;
                  y = top;
                }
              cairo_move_to (cr, left, y + pango_layout_iter_get_baseline (iter) / PANGO_SCALE
                                       - logical.y / PANGO_SCALE);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
              y += (double)logical.height / PANGO_SCALE;
            }
          while (pango_layout_iter_next_line (iter));
          pango_layout_iter_free (iter);
          g_object_unref (layout);
        }
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  pango_font_description_free (desc);
  g_object_unref (context);
  g_print ("%u pages, %" G_GSIZE_FORMAT " bytes\n", pages, bytes);

  return 0;
}

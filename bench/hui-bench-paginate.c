/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-bench-paginate"

#include "config.h"

#include "layout/hui-paginator.h"
#include "project/hui-project.h"

/* Times the paginator on a project: a whole-bulletin pagination, then a
 * re-pagination after one paragraph in the middle of the bulletin has
 * been edited, as the editor does on every keystroke. Best of 5 runs. */

#define RUNS 5

static double
time_pagination (HuiPaginator *paginator)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HuiPagination) pagination = hui_paginator_paginate (paginator);

      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }

  return best;
}

static void
edit_one_paragraph (HuiBulletin *bulletin,
                    guint        round)
{
  HuiReport *report = hui_bulletin_get_report (bulletin, hui_bulletin_get_n_reports (bulletin) / 2);

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      if (hui_block_get_kind (block) == HUI_BLOCK_PARAGRAPH)
        {
          g_autofree char *text = g_strdup_printf ("%s改%u", hui_block_get_text (block), round);

          hui_block_set_text (block, text);
          return;
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = NULL;
  g_autoptr(HuiPaginator) paginator = NULL;
  double full, cold, edited = G_MAXDOUBLE;
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("usage: hui-bench-paginate PROJECT\n");
      return 1;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  bulletin = hui_project_load (file, NULL, &error);
  if (bulletin == NULL)
    {
      g_printerr ("hui-bench-paginate: %s\n", error->message);
      return 2;
    }

  start = g_get_monotonic_time ();
  hui_pagination_free (hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin)));
  cold = (g_get_monotonic_time () - start) / 1000.0;

  paginator = hui_paginator_new (bulletin);
  full = time_pagination (paginator);
  for (guint round = 0; round < RUNS; round++)
    {
      edit_one_paragraph (bulletin, round);
      start = g_get_monotonic_time ();
      {
        g_autoptr(HuiPagination) pagination = hui_paginator_paginate (paginator);
      }
      edited = MIN (edited, (g_get_monotonic_time () - start) / 1000.0);
    }

  g_print ("paginate_cold_ms %.1f\npaginate_cached_ms %.1f\nrepaginate_after_edit_ms %.1f\n",
           cold, full, edited);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-save-draft"

#include "config.h"

#include "project/hui-draft-store.h"
#include "project/hui-project.h"

/* Saves PROJECT as a draft in $HUI_DRAFTS_DIR the way the editor does
 * (hui_draft_store_save_async), so the fault-injection tests can break
 * the disk under a draft save without a window. Exit status 0 when the
 * draft was written, 2 with the message when it was not. */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  if (!hui_draft_store_save_finish (HUI_DRAFT_STORE (object), result, &error))
    {
      g_printerr ("hui-save-draft: %s\n", error->message);
      g_object_set_data (object, "failed", GINT_TO_POINTER (TRUE));
    }
  g_main_loop_quit (loop);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  HuiDraftStore *store = hui_draft_store_get_default ();

  if (argc != 3)
    {
      g_printerr ("usage: hui-save-draft PROJECT ID\n");
      return 1;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  bulletin = hui_project_load (file, NULL, &error);
  if (bulletin == NULL)
    {
      g_printerr ("hui-save-draft: %s\n", error->message);
      return 2;
    }

  hui_draft_store_save_async (store, argv[2], bulletin, file, NULL, saved_cb, loop);
  g_main_loop_run (loop);

  return g_object_get_data (G_OBJECT (store), "failed") ? 2 : 0;
}

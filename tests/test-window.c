/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "hb-paginator.h"
#include "hb-test-util.h"
#include "hb-window.h"

/* The real window, under Xvfb, driven through its actions. */

static void
spin_until_idle (HbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((hb_window_get_busy (window) || g_main_context_pending (NULL)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (hb_window_get_busy (window));
}

static void
spin_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* Screenshots are named after the interface language they show. */
static void
save_screenshot (GtkWidget  *window,
                 const char *base)
{
  const char *language = g_getenv ("HB_TEST_LANGUAGE");
  g_autofree char *name = g_strdup_printf ("%s%s%s.png", base, language ? "-" : "", language ? language : "");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static HbWindow *
window_with_sample (void)
{
  g_autofree char *bulletin = hb_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *report = hb_test_corpus_path ("003_69d7a57674a7eb78.txt");
  GFile *files[] = { g_file_new_for_path (bulletin), g_file_new_for_path (report) };
  HbWindow *window = hb_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  hb_window_import_files (window, files, 1, HB_IMPORT_FLAGS_AUTO_SPLIT);
  spin_until_idle (window);
  hb_window_import_files (window, files + 1, 1, HB_IMPORT_FLAGS_AUTO_SPLIT);
  spin_until_idle (window);
  hb_window_repaginate_now (window);
  g_object_unref (files[0]);
  g_object_unref (files[1]);

  return window;
}

static const char *
title_at (HbWindow *window,
          guint     i)
{
  return hb_report_get_title (hb_bulletin_get_report (hb_window_get_bulletin (window), i));
}

static void
test_import_and_reorder (void)
{
  HbWindow *window = window_with_sample ();
  HbBulletin *bulletin = hb_window_get_bulletin (window);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* The split bulletin's 18 reports, then the single report. */
  g_assert_cmpuint (hb_bulletin_get_n_reports (bulletin), ==, 19);
  g_assert_cmpstr (title_at (window, 18), ==, "003_69d7a57674a7eb78");
  g_assert_cmpuint (hb_window_get_selected (window), ==, 0);
  g_assert_cmpuint (hb_window_get_preview_pages (window), >, 60);

  /* Alt+Down's action moves the selected report, and the selection follows. */
  first = g_strdup (title_at (window, 0));
  second = g_strdup (title_at (window, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-down", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, second);
  g_assert_cmpstr (title_at (window, 1), ==, first);
  g_assert_cmpuint (hb_window_get_selected (window), ==, 1);
  g_assert_true (hb_window_get_modified (window));

  /* The preview follows: the moved report now starts on page 2. */
  hb_window_repaginate_now (window);
  {
    g_autoptr(HbPagination) pagination = hb_paginate (bulletin, hb_bulletin_get_page_setup (bulletin));

    g_assert_cmpuint (pagination->first_pages[1], ==, 2);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-up", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, first);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export (void)
{
  HbWindow *window = window_with_sample ();
  g_autofree char *dir = g_dir_make_tmp ("huibian-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bulletin.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n_toc = 0;
  g_autoptr(GPtrArray) pages = NULL;

  g_assert_true (hb_window_export_to (window, file, HB_EXPORT_PDF, &error));
  g_assert_no_error (error);
  pages = hb_test_pdf_pages (path, &n_toc);
  g_assert_cmpuint (n_toc, >=, 2);
  g_assert_cmpuint (pages->len, ==, hb_window_get_preview_pages (window));

  g_remove (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing with unsaved changes asks first; Cancel keeps the window and
 * the work, Discard closes. */
static void
test_close_prompt (void)
{
  HbWindow *window = window_with_sample ();
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_true (hb_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  spin_frames (2);
  g_assert_nonnull (window);
  dialog = hb_window_get_close_dialog (window);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin_frames (2);
  g_assert_nonnull (window);
  g_assert_null (hb_window_get_close_dialog (window));
  g_assert_cmpuint (hb_bulletin_get_n_reports (hb_window_get_bulletin (window)), ==, 19);

  gtk_window_close (GTK_WINDOW (window));
  dialog = hb_window_get_close_dialog (window);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Discard */);
  spin_frames (2);
  g_assert_null (window);
}

static void
test_screenshots (void)
{
  HbWindow *window = window_with_sample ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin_frames (20);
  save_screenshot (GTK_WIDGET (window), "window-1280x800");

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  spin_frames (20);
  save_screenshot (GTK_WIDGET (window), "window-900x650");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Under HB_TEST_LANGUAGE=zh_CN the window shows the Chinese interface,
 * from the catalogues built in the build folder. */
static void
test_translated (void)
{
  HbWindow *window = hb_window_new (NULL);
  const char *title = gtk_window_get_title (GTK_WINDOW (window));

  if (g_strcmp0 (g_getenv ("HB_TEST_LANGUAGE"), "zh_CN") == 0)
    g_assert_nonnull (strstr (title, "未命名汇编"));
  else
    g_assert_nonnull (strstr (title, "Untitled Bulletin"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("HB_TEST_LANGUAGE") != NULL)
    {
      g_setenv ("LANGUAGE", g_getenv ("HB_TEST_LANGUAGE"), TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HB_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/translated", test_translated);

  g_test_add_func ("/window/import-and-reorder", test_import_and_reorder);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/close-prompt", test_close_prompt);
  g_test_add_func ("/window/screenshots", test_screenshots);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/wait.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "hui-application-private.h"
#include "hui-note-button.h"
#include "hui-report-view-private.h"
#include "hui-test-util.h"
#include "hui-window-private.h"
#include "layout/hui-paginator.h"

/* The real window, under Xvfb, driven through its actions. */

static void
spin_until_idle (HuiWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((hui_window_get_busy (window) || g_main_context_pending (NULL)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (hui_window_get_busy (window));
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
  const char *language = g_getenv ("HUI_TEST_LANGUAGE");
  g_autofree char *name = g_strdup_printf ("%s%s%s.png", base, language ? "-" : "", language ? language : "");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  int width, height;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);

  /* On a loaded machine the window may not have been drawn yet: give it
   * frames until it has something to show. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (tries > 0)
        spin_frames (5);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static HuiWindow *
window_with_sample (void)
{
  g_autofree char *bulletin = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *report = hui_test_corpus_path ("003_69d7a57674a7eb78.txt");
  GFile *files[] = { g_file_new_for_path (bulletin), g_file_new_for_path (report) };
  HuiWindow *window = hui_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  hui_window_import_files (window, files, 1, HUI_IMPORT_FLAGS_AUTO_SPLIT);
  spin_until_idle (window);
  hui_window_import_files (window, files + 1, 1, HUI_IMPORT_FLAGS_AUTO_SPLIT);
  spin_until_idle (window);
  hui_window_repaginate_now (window);
  g_object_unref (files[0]);
  g_object_unref (files[1]);

  return window;
}

static const char *
title_at (HuiWindow *window,
          guint      i)
{
  return hui_report_get_title (hui_bulletin_get_report (hui_window_get_bulletin (window), i));
}

static void
test_import_and_reorder (void)
{
  HuiWindow *window = window_with_sample ();
  HuiBulletin *bulletin = hui_window_get_bulletin (window);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* The split bulletin's 18 reports, then the single report. */
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 19);
  g_assert_cmpstr (title_at (window, 18), ==, "003_69d7a57674a7eb78");
  g_assert_cmpuint (hui_window_get_selected (window), ==, 0);
  g_assert_cmpuint (hui_window_get_preview_pages (window), >, 60);

  /* F9's action hides and shows the preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
  {
    gboolean shown = TRUE;

    g_object_get (window, "show-preview", &shown, NULL);
    g_assert_false (shown);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL));
    g_object_get (window, "show-preview", &shown, NULL);
    g_assert_true (shown);
  }

  /* Alt+Down's action moves the selected report, and the selection follows. */
  first = g_strdup (title_at (window, 0));
  second = g_strdup (title_at (window, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-down", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, second);
  g_assert_cmpstr (title_at (window, 1), ==, first);
  g_assert_cmpuint (hui_window_get_selected (window), ==, 1);
  g_assert_true (hui_window_get_modified (window));

  /* The preview follows: the moved report now starts on page 2. */
  hui_window_repaginate_now (window);
  {
    g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));

    g_assert_cmpuint (pagination->first_pages[1], ==, 2);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-up", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, first);

  /* Undo takes back the last step (the move up), then the move down;
   * redo does the move down again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, second);

  /* Reports dropped on the list go where they land; a drag moves one. */
  {
    g_autofree char *report = hui_test_corpus_path ("003_69d7a57674a7eb78.txt");
    GFile *dropped[] = { g_file_new_for_path (report) };

    hui_window_import_files_at (window, dropped, 1, HUI_IMPORT_FLAGS_AUTO_SPLIT, 2);
    spin_until_idle (window);
    g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 20);
    g_assert_cmpstr (title_at (window, 2), ==, "003_69d7a57674a7eb78");
    hui_window_move_report (window, 2, 0);
    g_assert_cmpstr (title_at (window, 0), ==, "003_69d7a57674a7eb78");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 19);
    g_object_unref (dropped[0]);
  }

  /* Delete, undone; duplicate, merged back. */
  {
    g_autofree char *third = g_strdup (title_at (window, 2));

    hui_window_select (window, 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-report", NULL));
    g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 18);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 19);
    g_assert_cmpstr (title_at (window, 2), ==, third);

    hui_window_select (window, 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-report", NULL));
    g_assert_cmpstr (title_at (window, 3), ==, third);
    g_assert_cmpuint (hui_window_get_selected (window), ==, 3);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 19);
  }

  /* A property edit is a step too. */
  hui_report_set_title (hui_bulletin_get_report (bulletin, 0), "改过的标题");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (title_at (window, 0), ==, second);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
heading_text (HuiReport *report,
              guint      position)
{
  HuiBlock *block = hui_report_get_block (report, position);

  g_assert_cmpuint (hui_block_get_level (block), >, 0);
  return hui_block_get_text (block);
}

/* Ctrl+Shift+Up moves the section at the cursor, Ctrl+2 makes a block a
 * level-2 heading; numbers follow and undo takes each back. */
static void
test_sections (void)
{
  HuiWindow *window = window_with_sample ();
  HuiReportView *view = hui_window_get_report_view (window);
  HuiReport *report = hui_bulletin_get_report (hui_window_get_bulletin (window), 5);
  guint second = G_MAXUINT, first = G_MAXUINT;
  g_autofree char *second_text = NULL;

  hui_window_select (window, 5);
  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    if (hui_block_get_level (hui_report_get_block (report, i)) == 1)
      {
        if (first == G_MAXUINT)
          first = i;
        else if (second == G_MAXUINT)
          second = i;
      }
  second_text = g_strdup (heading_text (report, second));
  /* The outline lists the report's headings. */
  g_assert_cmpuint (hui_report_view_get_outline_size (view), ==, 3);

  hui_report_view_set_cursor_block (view, second + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.move-section", "i", -1));
  g_assert_cmpstr (heading_text (report, first), ==, second_text);
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, first)), ==, "一、");
  g_assert_cmpuint (hui_report_view_get_cursor_block (view), ==, first + 1);

  hui_report_view_set_cursor_block (view, first + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.set-level", "i", 2));
  g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, first + 1)), ==, "（一）");

  /* Each command is an undo step of its own: the level, then the move. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  report = hui_bulletin_get_report (hui_window_get_bulletin (window), 5);
  g_assert_cmpstr (heading_text (report, first), ==, second_text);
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, first + 1)), !=, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  report = hui_bulletin_get_report (hui_window_get_bulletin (window), 5);
  g_assert_cmpstr (heading_text (report, second), ==, second_text);

  /* Typing in the body edits the blocks: a changed line its block, a new
   * line a paragraph (or a heading, by its label), a joined line fewer. */
  {
    GtkTextView *body = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), HUI_TYPE_REPORT_VIEW, "body_view"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (body);
    guint n = hui_report_get_n_blocks (report);
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
    gtk_text_iter_forward_to_line_end (&iter);
    gtk_text_buffer_insert (buffer, &iter, "补充一句。", -1);
    g_assert_true (g_str_has_suffix (hui_block_get_text (hui_report_get_block (report, 0)), "补充一句。"));
    g_assert_cmpuint (hui_report_get_n_blocks (report), ==, n);

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
    gtk_text_buffer_insert (buffer, &iter, "新增的一段。\n", -1);
    g_assert_cmpuint (hui_report_get_n_blocks (report), ==, n + 1);
    g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 1)), ==, "新增的一段。");

    gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
    gtk_text_buffer_insert (buffer, &iter, "四、新增的一节\n", -1);
    g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 2)), ==, 1);
    /* It is the first section now: numbered so, in the text too. */
    g_assert_cmpstr (hui_block_get_label (hui_report_get_block (report, 2)), ==, "一、");
    gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
    {
      GtkTextIter line_end = iter;
      g_autofree char *shown = NULL;

      gtk_text_iter_forward_to_line_end (&line_end);
      shown = gtk_text_buffer_get_text (buffer, &iter, &line_end, FALSE);
      g_assert_cmpstr (shown, ==, "一、新增的一节");
    }

    /* Deleting the line break joins the two lines' blocks. */
    {
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_line (buffer, &a, 1);
      b = a;
      gtk_text_iter_backward_char (&a);
      gtk_text_buffer_delete (buffer, &a, &b);
    }
    g_assert_cmpuint (hui_report_get_n_blocks (report), ==, n + 1);
    g_assert_true (g_str_has_suffix (hui_block_get_text (hui_report_get_block (report, 0)), "新增的一段。"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    report = hui_bulletin_get_report (hui_window_get_bulletin (window), 5);
    g_assert_cmpuint (hui_report_get_n_blocks (report), ==, n);
  }

  /* Find goes to the report and block; Replace All is one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (hui_window_find_next (window, "孟芊"));
  g_assert_cmpuint (hui_window_get_selected (window), ==, 6);
  g_assert_cmpuint (hui_window_replace_all (window, "孟芊", "某某"), >=, 2);
  g_assert_false (hui_window_find_next (window, "孟芊"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (hui_window_find_next (window, "孟芊"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel stops an import under way: nothing of it arrives, no error is
 * shown, and the window takes the next import as usual. */
static void
test_cancel_import (void)
{
  g_autofree char *bulletin = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_autofree char *report = hui_test_corpus_path ("003_69d7a57674a7eb78.txt");
  GFile *files[] = { g_file_new_for_path (bulletin), g_file_new_for_path (report) };
  HuiWindow *window = hui_window_new (NULL);
  GtkInfoBar *bar = GTK_INFO_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), HUI_TYPE_WINDOW, "import_bar"));
  GtkInfoBar *errors = GTK_INFO_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), HUI_TYPE_WINDOW, "info_bar"));

  gtk_window_present (GTK_WINDOW (window));
  hui_window_import_files (window, files, 2, HUI_IMPORT_FLAGS_AUTO_SPLIT);
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL));
  spin_until_idle (window);
  g_assert_cmpuint (hui_bulletin_get_n_reports (hui_window_get_bulletin (window)), ==, 0);
  g_assert_false (gtk_info_bar_get_revealed (bar));
  g_assert_false (gtk_info_bar_get_revealed (errors));

  hui_window_import_files (window, files + 1, 1, HUI_IMPORT_FLAGS_AUTO_SPLIT);
  spin_until_idle (window);
  g_assert_cmpuint (hui_bulletin_get_n_reports (hui_window_get_bulletin (window)), ==, 1);
  g_assert_false (gtk_info_bar_get_revealed (bar));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window showing the report of fixtures/rich.fodt (a footnote, a
 * table, an image), and the buffer of its body. */
static HuiWindow *
window_with_rich_report (GtkTextBuffer **buffer)
{
  g_autofree char *fodt = g_test_build_filename (G_TEST_DIST, "fixtures", "rich.fodt", NULL);
  GFile *file = g_file_new_for_path (fodt);
  HuiWindow *window = hui_window_new (NULL);
  HuiReportView *view = hui_window_get_report_view (window);
  GtkTextView *body = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (view), HUI_TYPE_REPORT_VIEW, "body_view"));

  gtk_window_present (GTK_WINDOW (window));
  hui_window_import_files (window, &file, 1, HUI_IMPORT_FLAGS_NONE);
  spin_until_idle (window);
  g_object_unref (file);
  hui_window_select (window, 0);
  *buffer = gtk_text_view_get_buffer (body);
  return window;
}

/* A table's and an image's lines cannot be typed into, and typing or
 * adding lines around them never turns them into paragraphs; notes stay
 * with their paragraph. */
static void
test_objects_in_body (void)
{
  GtkTextBuffer *buffer;
  HuiWindow *window = window_with_rich_report (&buffer);
  HuiReport *report;
  GtkTextIter iter;
  guint table = G_MAXUINT;

  report = hui_bulletin_get_report (hui_window_get_bulletin (window), 0);
  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    if (hui_block_get_kind (hui_report_get_block (report, i)) == HUI_BLOCK_TABLE)
      table = i;
  g_assert_cmpuint (table, ==, 2);

  /* Typing on the table's line is refused. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, table);
  gtk_text_iter_forward_chars (&iter, 2);
  g_assert_false (gtk_text_buffer_insert_interactive (buffer, &iter, "字", -1, TRUE));

  /* A line added before the table and one edited after it. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, table - 1);
  gtk_text_iter_forward_to_line_end (&iter);
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &iter, "\n表前新增一段。", -1, TRUE));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, table + 3);
  gtk_text_iter_forward_to_line_end (&iter);
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &iter, "（补）", -1, TRUE));

  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, table)), ==, "表前新增一段。");
  g_assert_cmpuint (hui_block_get_kind (hui_report_get_block (report, table + 1)), ==, HUI_BLOCK_TABLE);
  g_assert_cmpuint (hui_block_get_n_rows (hui_report_get_block (report, table + 1)), ==, 2);
  g_assert_cmpuint (hui_block_get_kind (hui_report_get_block (report, table + 2)), ==, HUI_BLOCK_IMAGE);
  g_assert_true (g_str_has_suffix (hui_block_get_label (hui_report_get_block (report, table + 3)), "、"));
  g_assert_true (g_str_has_suffix (hui_block_get_text (hui_report_get_block (report, table + 3)), "（补）"));
  /* The paragraph with a footnote, edited, keeps it. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_iter_forward_to_line_end (&iter);
  g_assert_true (gtk_text_buffer_insert_interactive (buffer, &iter, "另有两条在建。", -1, TRUE));
  g_assert_cmpuint (hui_block_get_n_notes (hui_report_get_block (report, 1)), ==, 1);
  g_assert_cmpuint (hui_report_count_blocks (report, HUI_BLOCK_TABLE), ==, 1);
  g_assert_cmpuint (hui_report_count_blocks (report, HUI_BLOCK_IMAGE), ==, 1);

  /* How it looks: the protected lines, the table and image in the preview. */
  hui_window_repaginate_now (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin_frames (20);
  save_screenshot (GTK_WIDGET (window), "window-objects");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The note buttons on a line of the body, in order. */
static GPtrArray *
note_buttons_on_line (GtkTextBuffer *buffer,
                      int            line)
{
  GPtrArray *buttons = g_ptr_array_new ();
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  while (gtk_text_iter_get_line (&iter) == line && !gtk_text_iter_is_end (&iter))
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      guint n = 0;
      g_autofree GtkWidget **widgets = anchor ? gtk_text_child_anchor_get_widgets (anchor, &n) : NULL;

      for (guint i = 0; i < n; i++)
        if (HUI_IS_NOTE_BUTTON (widgets[i]))
          g_ptr_array_add (buttons, widgets[i]);
      gtk_text_iter_forward_char (&iter);
    }
  return buttons;
}

/* The menu button and the text view of a note's button. */
static void
note_button_parts (HuiNoteButton  *button,
                   GtkMenuButton **menu_button,
                   GtkTextView   **note_view)
{
  *menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (button), HUI_TYPE_NOTE_BUTTON, "button"));
  *note_view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (button), HUI_TYPE_NOTE_BUTTON, "text_view"));
}

/* A note shows where it is marked, numbered as it prints; it is edited in
 * its popover and removed from there, and both are undone like any edit. */
static void
test_notes_in_body (void)
{
  GtkTextBuffer *buffer;
  HuiWindow *window = window_with_rich_report (&buffer);
  HuiReportView *view = hui_window_get_report_view (window);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) after = NULL;
  HuiNoteButton *button;
  GtkMenuButton *menu_button;
  GtkTextView *note_view;
  HuiBlock *block;
  GtkTextIter start, end;
  g_autofree char *line = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  block = hui_report_get_block (hui_bulletin_get_report (hui_window_get_bulletin (window), 0), 1);
  g_assert_cmpuint (hui_block_get_n_notes (block), ==, 1);

  /* Shown where the text marks it, numbered as printed; the body reads
   * the button as the mark, so the line is the block's text. */
  buttons = note_buttons_on_line (buffer, 1);
  g_assert_cmpuint (buttons->len, ==, 1);
  button = buttons->pdata[0];
  g_assert_true (hui_note_button_get_block (button) == block);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (button), HUI_TYPE_NOTE_BUTTON,
                                                                                 "reference_label"))), ==, "①");
  gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  line = gtk_text_buffer_get_slice (buffer, &start, &end, FALSE);
  g_assert_cmpstr (line, ==, hui_block_get_text (block));
  g_assert_nonnull (strstr (line, HUI_NOTE_MARK));

  /* Edited in its popover: the model has it when the popover closes. */
  note_button_parts (button, &menu_button, &note_view);
  gtk_menu_button_popup (menu_button);
  spin_frames (10);
  g_assert_cmpstr (hui_block_get_note (block, 0, NULL), !=, "数据截至本月底。");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), "数据截至本月底。 ", -1);
  save_screenshot (GTK_WIDGET (window), "window-note");
  gtk_menu_button_popdown (menu_button);
  spin_frames (5);

  g_assert_cmpstr (hui_block_get_note (block, 0, NULL), ==, "数据截至本月底。");
  /* The same button still stands for it (the body was not refilled). */
  after = note_buttons_on_line (buffer, 1);
  g_assert_true (after->pdata[0] == (gpointer)button);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Removed: the note and its mark go, and undo brings both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (button), "note.remove", NULL));
  spin_frames (5);
  g_assert_cmpuint (hui_block_get_n_notes (block), ==, 0);
  g_assert_null (strstr (hui_block_get_text (block), HUI_NOTE_MARK));
  after = note_buttons_on_line (buffer, 1);
  g_assert_cmpuint (after->len, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  spin_frames (5);
  block = hui_report_get_block (hui_bulletin_get_report (hui_window_get_bulletin (window), 0), 1);
  g_assert_cmpuint (hui_block_get_n_notes (block), ==, 1);
  g_assert_cmpstr (hui_block_get_note (block, 0, NULL), ==, "数据截至本月底。");
  after = note_buttons_on_line (buffer, 1);
  g_assert_cmpuint (after->len, ==, 1);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Ctrl+Alt+F adds a footnote at the cursor, before the one after it,
   * and opens it; closed empty, it is gone again. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, 1, 2);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.add-note", NULL));
  spin_frames (5);
  g_assert_cmpuint (hui_block_get_n_notes (block), ==, 2);
  g_assert_true (g_str_has_prefix (hui_block_get_text (block), "全区" HUI_NOTE_MARK "完成"));
  g_assert_cmpstr (hui_block_get_note (block, 1, NULL), ==, "数据截至本月底。");
  after = note_buttons_on_line (buffer, 1);
  g_assert_cmpuint (after->len, ==, 2);
  button = after->pdata[0];
  note_button_parts (button, &menu_button, &note_view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), "新加的注释。", -1);
  gtk_menu_button_popdown (menu_button);
  spin_frames (5);
  g_assert_cmpstr (hui_block_get_note (block, 0, NULL), ==, "新加的注释。");
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Ctrl+Alt+E opens the note nearest the cursor; emptied, it goes. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, 1, 3);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "report.edit-note", NULL));
  spin_frames (5);
  after = note_buttons_on_line (buffer, 1);
  button = after->pdata[0];
  note_button_parts (button, &menu_button, &note_view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note_view), "  ", -1);
  gtk_menu_button_popdown (menu_button);
  spin_frames (5);
  g_assert_cmpuint (hui_block_get_n_notes (block), ==, 1);
  g_assert_true (g_str_has_prefix (hui_block_get_text (block), "全区完成"));
  g_assert_cmpstr (hui_block_get_note (block, 0, NULL), ==, "数据截至本月底。");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "HuiPropertiesDialog"))
        return w;
    }
  return NULL;
}

/* Bulletin Properties edits the bulletin itself, and Page Setup changes
 * the pagination the preview shows. */
static void
test_properties (void)
{
  HuiWindow *window = window_with_sample ();
  HuiBulletin *bulletin = hui_window_get_bulletin (window);
  GtkWidget *dialog;
  GtkWidget *lines;
  guint pages_before = hui_window_get_preview_pages (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.properties", "s", "page-setup"));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  lines = GTK_WIDGET (gtk_widget_get_template_child (dialog, G_OBJECT_TYPE (dialog), "lines_spin"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lines), 26);
  g_assert_cmpuint (hui_bulletin_get_page_setup (bulletin)->lines_per_page, ==, 26);
  hui_window_repaginate_now (window);
  g_assert_cmpuint (hui_window_get_preview_pages (window), <, pages_before);

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (dialog, G_OBJECT_TYPE (dialog), "title_entry")),
                         "调研成果交流");

  /* Margins and the fonts of each heading level are the user's too. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (dialog, G_OBJECT_TYPE (dialog),
                                                                             "margin_left_spin")), 30);
  g_assert_cmpfloat (hui_bulletin_get_page_setup (bulletin)->margin_left, ==, 30);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (dialog, G_OBJECT_TYPE (dialog),
                                                                      "heading2_font_entry")), "Noto Serif CJK SC");
  g_assert_cmpstr (hui_bulletin_get_page_setup (bulletin)->fonts[HUI_FONT_HEADING2].family, ==, "Noto Serif CJK SC");
  g_assert_cmpstr (hui_bulletin_get_title (bulletin), ==, "调研成果交流");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export (void)
{
  HuiWindow *window = window_with_sample ();
  g_autofree char *dir = g_dir_make_tmp ("huibian-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bulletin.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint n_toc = 0;
  g_autoptr(GPtrArray) pages = NULL;

  /* The export runs in the background, one at a time. */
  g_assert_true (hui_window_export_to (window, file, HUI_EXPORT_PDF));
  g_assert_true (hui_window_get_exporting (window));
  g_assert_false (hui_window_export_to (window, file, HUI_EXPORT_ODT));
  spin_until_idle (window);
  g_assert_false (hui_window_get_exporting (window));
  pages = hui_test_pdf_pages (path, &n_toc);
  g_assert_cmpuint (n_toc, >=, 2);
  g_assert_cmpuint (pages->len, ==, hui_window_get_preview_pages (window));

  g_remove (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing what the preview does not show yet sets the pages in a
 * worker: the call returns at once, with the progress bar shown, and
 * Cancel stops it before the print dialog. */
static void
test_print_in_background (void)
{
  HuiWindow *window = window_with_sample ();

  /* An edit not yet in the preview: its pages are set again. */
  hui_report_set_title (hui_bulletin_get_report (hui_window_get_bulletin (window), 0), "改过的标题");
  hui_window_print (window);
  g_assert_true (hui_window_get_exporting (window));
  g_assert_true (hui_window_get_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  spin_until_idle (window);
  g_assert_false (hui_window_get_exporting (window));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing with unsaved changes asks first; Cancel keeps the window and
 * the work, Discard closes. */
static void
test_close_prompt (void)
{
  HuiWindow *window = window_with_sample ();
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_true (hui_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  spin_frames (2);
  g_assert_nonnull (window);
  dialog = hui_window_get_close_dialog (window);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  spin_frames (2);
  g_assert_nonnull (window);
  g_assert_null (hui_window_get_close_dialog (window));
  g_assert_cmpuint (hui_bulletin_get_n_reports (hui_window_get_bulletin (window)), ==, 19);

  gtk_window_close (GTK_WINDOW (window));
  dialog = hui_window_get_close_dialog (window);
  gtk_dialog_response (GTK_DIALOG (dialog), 1 /* Discard */);
  spin_frames (2);
  g_assert_null (window);
}

static guint
count_drafts (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_suffix (name, ".huibian");
  return n;
}

/* The real program imports a bulletin, autosaves a draft a second later,
 * and is killed; the next window offers the draft and restores it. */
static void
test_crash_recovery (void)
{
  const char *drafts = g_getenv ("HUI_DRAFTS_DIR");
  g_autofree char *bulletin = hui_test_corpus_path ("000_cea93844149e72e5.txt");
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "HUI_AUTOSAVE_SECONDS", "1", TRUE);
  const char *argv[] = { g_getenv ("HUI_GUI"), bulletin, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  HuiWindow *window;

  g_assert_nonnull (drafts);
  g_assert_cmpuint (count_drafts (drafts), ==, 0);
  g_assert_true (g_spawn_async (NULL, (char **)argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  while (count_drafts (drafts) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (100000);
  g_usleep (500000);  /* let the draft's write finish, as a user would */
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  g_assert_cmpuint (count_drafts (drafts), ==, 1);

  window = hui_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hui_window_offer_drafts (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft", NULL));
  g_assert_cmpuint (hui_bulletin_get_n_reports (hui_window_get_bulletin (window)), ==, 18);
  g_assert_true (hui_window_get_modified (window));

  /* Discarding the restored work on close removes the draft too. */
  gtk_window_close (GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (hui_window_get_close_dialog (window)), 1 /* Discard */);
  spin_frames (2);
  g_assert_null (window);
  g_assert_cmpuint (count_drafts (drafts), ==, 0);
  {
    g_autofree char *uris = NULL;
    g_autoptr(GDir) listing = g_dir_open (drafts, 0, NULL);

    g_assert_null (g_dir_read_name (listing));
  }
  g_rmdir (drafts);
}

static void
test_screenshots (void)
{
  HuiWindow *window = window_with_sample ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin_frames (20);
  save_screenshot (GTK_WIDGET (window), "window-1280x800");

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  spin_frames (20);
  save_screenshot (GTK_WIDGET (window), "window-900x650");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every composite template and menu in ui/ is in the GResource. */
static void
test_resources (void)
{
  g_autofree char *ui = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "ui", NULL);
  g_autoptr(GDir) dir = g_dir_open (ui, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (name, ".ui"))
        continue;
      path = g_str_equal (name, "help-overlay.ui")
        ? g_strdup ("/org/huibian/Huibian/gtk/help-overlay.ui")
        : g_strconcat ("/org/huibian/Huibian/ui/", name, NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_test_message ("%s", path);
      g_assert_nonnull (bytes);
      n++;
    }
  g_assert_cmpuint (n, >=, 5);
}

/* Under HUI_TEST_LANGUAGE=zh_CN the window shows the Chinese interface,
 * from the catalogues built in the build folder. */
static void
test_translated (void)
{
  HuiWindow *window = hui_window_new (NULL);
  const char *title = gtk_window_get_title (GTK_WINDOW (window));

  if (g_strcmp0 (g_getenv ("HUI_TEST_LANGUAGE"), "zh_CN") == 0)
    g_assert_nonnull (strstr (title, "未命名汇编"));
  else
    g_assert_nonnull (strstr (title, "Untitled Bulletin"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("HUI_TEST_LANGUAGE") != NULL)
    {
      g_autofree char *locale = g_strconcat (g_getenv ("HUI_TEST_LANGUAGE"), ".UTF-8", NULL);

      g_setenv ("LANGUAGE", g_getenv ("HUI_TEST_LANGUAGE"), TRUE);
      /* A real zh_CN locale (the set-up generates it) also gives the
       * interface Simplified Chinese glyphs; LANGUAGE alone translates. */
      if (setlocale (LC_ALL, locale) == NULL)
        setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HUI_TEST_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  /* Drafts go to a folder of this run's own. */
  {
    g_autofree char *drafts = g_dir_make_tmp ("huibian-drafts-XXXXXX", NULL);

    g_setenv ("HUI_DRAFTS_DIR", drafts, TRUE);
    /* Only the program under test autosaves (it gets 1 s). */
    g_setenv ("HUI_AUTOSAVE_SECONDS", "3600", TRUE);
  }
  gtk_test_init (&argc, &argv, NULL);
  hui_application_add_style (gdk_display_get_default ());
  g_test_add_func ("/window/translated", test_translated);
  g_test_add_func ("/window/resources", test_resources);

  g_test_add_func ("/window/import-and-reorder", test_import_and_reorder);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/print-in-background", test_print_in_background);
  g_test_add_func ("/window/sections", test_sections);
  g_test_add_func ("/window/objects-in-body", test_objects_in_body);
  g_test_add_func ("/window/notes-in-body", test_notes_in_body);
  g_test_add_func ("/window/cancel-import", test_cancel_import);
  g_test_add_func ("/window/properties", test_properties);
  g_test_add_func ("/window/close-prompt", test_close_prompt);
  g_test_add_func ("/window/crash-recovery", test_crash_recovery);
  g_test_add_func ("/window/screenshots", test_screenshots);

  return g_test_run ();
}

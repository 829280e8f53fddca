/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-application"

#include "config.h"

#include <signal.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "hui-application-private.h"
#include "hui-window.h"
#include "project/hui-project.h"

/* Opens a window per launch; files given on the command line or from the
 * file manager open in it: a project is opened, anything else imported
 * (a compiled bulletin is split by its table of contents). */
struct _HuiApplication
{
  GtkApplication parent_instance;

  gboolean drafts_offered;
};

G_DEFINE_FINAL_TYPE (HuiApplication, hui_application, GTK_TYPE_APPLICATION)

/* The first window of a run offers back the drafts a crash left. */
static HuiWindow *
new_window (HuiApplication *self)
{
  HuiWindow *window = hui_window_new (GTK_APPLICATION (self));

  if (!self->drafts_offered)
    {
      self->drafts_offered = TRUE;
      hui_window_offer_drafts (window);
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
hui_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else
    new_window (HUI_APPLICATION (app));
}

static void
hui_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  HuiWindow *window = new_window (HUI_APPLICATION (app));
  g_autoptr(GPtrArray) imports = g_ptr_array_new ();

  for (int i = 0; i < n_files; i++)
    {
      if (hui_project_is_project_file (files[i], NULL))
        hui_window_open_project (window, files[i]);
      else
        g_ptr_array_add (imports, files[i]);
    }
  hui_window_import_files (window, (GFile **)imports->pdata, imports->len, HUI_IMPORT_FLAGS_AUTO_SPLIT);
}

static void quit_next (HuiApplication *self);

static gboolean
quit_next_cb (gpointer data)
{
  quit_next (data);
  return G_SOURCE_REMOVE;
}

/* The next window is taken once this one is gone from the list. */
static void
window_closed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HuiApplication) self = user_data;

  if (hui_window_request_close_finish (HUI_WINDOW (object), result))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_next_cb, g_object_ref (self), g_object_unref);
}

/* Quitting closes the windows one after the other, each as its close
 * button does: it asks about unsaved changes, saves or discards them as
 * the user says, and Cancel in any window stops the quit there. */
static void
quit_next (HuiApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HUI_IS_WINDOW (l->data) && !gtk_widget_in_destruction (l->data))
      {
        hui_window_request_close_async (l->data, window_closed_cb, g_object_ref (self));
        return;
      }
  g_application_quit (G_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  quit_next (HUI_APPLICATION (user_data));
}

/* Told to end (log out, kill, Ctrl+C in a terminal) there is no time to
 * ask: every window's unsaved work is kept as a draft, offered at the
 * next start. */
static gboolean
terminate_cb (gpointer user_data)
{
  GApplication *app = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HUI_IS_WINDOW (l->data))
      hui_window_keep_draft (l->data);
  g_application_quit (app);
  return G_SOURCE_CONTINUE;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_about_dialog (parent,
                         "program-name", _("Huibian"),
                         "comments", _("Compile bulletins from the reports offices send in"),
                         "version", PACKAGE_VERSION,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "logo-icon-name", APP_ID,
                         NULL);
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  new_window (HUI_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "new", .activate = new_action },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
};

/* The application's own stylesheet (plain GtkApplication, unlike
 * libadwaita's, loads none by itself). */
void
hui_application_add_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/org/huibian/Huibian/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
hui_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (hui_application_parent_class)->startup (app);
  hui_application_add_style (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new", new_accels);
  g_unix_signal_add (SIGTERM, terminate_cb, app);
  g_unix_signal_add (SIGINT, terminate_cb, app);
  g_unix_signal_add (SIGHUP, terminate_cb, app);
}

static void
hui_application_class_init (HuiApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = hui_application_activate;
  app_class->open = hui_application_open;
  app_class->startup = hui_application_startup;
}

static void
hui_application_init (HuiApplication *self)
{
}

HuiApplication *
hui_application_new (void)
{
  return g_object_new (HUI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

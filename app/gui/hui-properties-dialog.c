/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-properties-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hui-properties-dialog.h"

/* Bulletin Properties and Page Setup: the bulletin's name, issue,
 * compiling unit and date, and how it is set on paper. Every change is
 * made on the bulletin at once (so it can be undone and is previewed);
 * there is nothing to apply. */
struct _HuiPropertiesDialog
{
  GtkWindow       parent_instance;

  HuiBulletin    *bulletin;
  gboolean        loading;

  GtkStack       *stack;
  GtkEntry       *title_entry;
  GtkEntry       *issue_entry;
  GtkEntry       *unit_entry;
  GtkEntry       *date_entry;
  GtkCheckButton *front_page_check;
  GtkCheckButton *toc_check;
  GtkTextView    *closing_view;
  GtkDropDown    *preset_dropdown;
  GtkSpinButton  *lines_spin;
  GtkSpinButton  *chars_spin;
  GtkSpinButton  *size_spin;
  GtkEntry       *body_font_entry;
  GtkCheckButton *new_page_check;
  GtkDropDown    *paper_dropdown;
  GtkSpinButton  *margin_spins[4];           /* top, bottom, left, right */
  GtkEntry       *font_entries[HUI_N_FONTS]; /* the roles the dialog edits */
};

G_DEFINE_FINAL_TYPE (HuiPropertiesDialog, hui_properties_dialog, GTK_TYPE_WINDOW)

static const char *preset_ids[] = { "gbt9704", "compact" };

static const struct { double width, height; } papers[] = {
  { 210, 297 }, { 148, 210 }, { 176, 250 }, { 185, 260 },
};

/* Fonts the dialog edits, beside the body's own entry. */
static const HuiFontRole font_roles[] = {
  HUI_FONT_TITLE, HUI_FONT_HEADING1, HUI_FONT_HEADING2, HUI_FONT_HEADING3, HUI_FONT_HEADING4,
};

static double *
margin_of (HuiPageSetup *setup,
           guint         i)
{
  double *margins[] = { &setup->margin_top, &setup->margin_bottom, &setup->margin_left, &setup->margin_right };

  return margins[i];
}

static void
load_setup (HuiPropertiesDialog *self,
            const HuiPageSetup  *setup)
{
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (preset_ids); i++)
    if (g_strcmp0 (setup->preset, preset_ids[i]) == 0)
      gtk_drop_down_set_selected (self->preset_dropdown, i);
  gtk_spin_button_set_value (self->lines_spin, setup->lines_per_page);
  gtk_spin_button_set_value (self->chars_spin, setup->chars_per_line);
  gtk_spin_button_set_value (self->size_spin, setup->fonts[HUI_FONT_BODY].size);
  gtk_editable_set_text (GTK_EDITABLE (self->body_font_entry), setup->fonts[HUI_FONT_BODY].family);
  gtk_check_button_set_active (self->new_page_check, setup->new_page_per_report);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (papers[i].width == setup->paper_width && papers[i].height == setup->paper_height)
      gtk_drop_down_set_selected (self->paper_dropdown, i);
  for (guint i = 0; i < 4; i++)
    gtk_spin_button_set_value (self->margin_spins[i], *margin_of ((HuiPageSetup *)setup, i));
  for (guint i = 0; i < G_N_ELEMENTS (font_roles); i++)
    gtk_editable_set_text (GTK_EDITABLE (self->font_entries[font_roles[i]]), setup->fonts[font_roles[i]].family);
  gtk_check_button_set_active (self->front_page_check, setup->front_page);
  gtk_check_button_set_active (self->toc_check, setup->table_of_contents);
  self->loading = FALSE;
}

/* Body-sized text (body, byline, headings) follows the body size. */
static void
setup_changed_cb (HuiPropertiesDialog *self)
{
  g_autoptr(HuiPageSetup) setup = NULL;
  const char *family = gtk_editable_get_text (GTK_EDITABLE (self->body_font_entry));
  double size = gtk_spin_button_get_value (self->size_spin);
  double old_size;

  if (self->loading)
    return;

  setup = hui_page_setup_copy (hui_bulletin_get_page_setup (self->bulletin));
  old_size = setup->fonts[HUI_FONT_BODY].size;
  hui_page_setup_set_grid (setup, gtk_spin_button_get_value_as_int (self->lines_spin),
                           gtk_spin_button_get_value_as_int (self->chars_spin), NULL);
  for (guint f = 0; f < HUI_N_FONTS; f++)
    if (setup->fonts[f].size == old_size)
      setup->fonts[f].size = size;
  if (*family != '\0')
    {
      g_free (setup->fonts[HUI_FONT_BODY].family);
      setup->fonts[HUI_FONT_BODY].family = g_strdup (family);
    }
  setup->new_page_per_report = gtk_check_button_get_active (self->new_page_check);
  {
    guint paper = gtk_drop_down_get_selected (self->paper_dropdown);

    if (paper < G_N_ELEMENTS (papers))
      {
        setup->paper_width = papers[paper].width;
        setup->paper_height = papers[paper].height;
      }
  }
  for (guint i = 0; i < 4; i++)
    *margin_of (setup, i) = gtk_spin_button_get_value (self->margin_spins[i]);
  for (guint i = 0; i < G_N_ELEMENTS (font_roles); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->font_entries[font_roles[i]]));

      if (*text != '\0')
        {
          g_free (setup->fonts[font_roles[i]].family);
          setup->fonts[font_roles[i]].family = g_strdup (text);
        }
    }
  /* A type area too small for the text is not applied. */
  if (hui_page_setup_type_width (setup) < 40 || hui_page_setup_type_height (setup) < 40)
    return;
  setup->front_page = gtk_check_button_get_active (self->front_page_check);
  setup->table_of_contents = gtk_check_button_get_active (self->toc_check);

  if (!hui_page_setup_equal (setup, hui_bulletin_get_page_setup (self->bulletin)))
    hui_bulletin_set_page_setup (self->bulletin, setup);
}

static void
preset_changed_cb (HuiPropertiesDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->preset_dropdown);
  g_autoptr(HuiPageSetup) setup = NULL;

  if (self->loading || selected >= G_N_ELEMENTS (preset_ids))
    return;

  setup = hui_page_setup_new_preset (preset_ids[selected]);
  if (g_strcmp0 (setup->preset, hui_bulletin_get_page_setup (self->bulletin)->preset) == 0)
    return;

  setup->front_page = hui_bulletin_get_page_setup (self->bulletin)->front_page;
  setup->table_of_contents = hui_bulletin_get_page_setup (self->bulletin)->table_of_contents;
  hui_bulletin_set_page_setup (self->bulletin, setup);
  load_setup (self, setup);
}

static gboolean
to_entry_cb (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_value_set_string (to, g_value_get_string (from) ?: "");
  return TRUE;
}

static void
bind_entry (HuiPropertiesDialog *self,
            const char          *property,
            GtkEntry            *entry)
{
  g_object_bind_property_full (self->bulletin, property, entry, "text",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               to_entry_cb, NULL, NULL, NULL);
}

/* The closing block (版记): one line each, empty for none. */
static void
closing_changed_cb (HuiPropertiesDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->closing_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  hui_bulletin_set_closing (self->bulletin, *text ? text : NULL);
}

static void
hui_properties_dialog_dispose (GObject *object)
{
  HuiPropertiesDialog *self = (HuiPropertiesDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HUI_TYPE_PROPERTIES_DIALOG);
  g_clear_object (&self->bulletin);

  G_OBJECT_CLASS (hui_properties_dialog_parent_class)->dispose (object);
}

static void
hui_properties_dialog_class_init (HuiPropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hui_properties_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/huibian/Huibian/ui/hui-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, issue_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, front_page_check);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, toc_check);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, closing_view);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, lines_spin);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, chars_spin);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, size_spin);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, body_font_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, new_page_check);
  gtk_widget_class_bind_template_child (widget_class, HuiPropertiesDialog, paper_dropdown);
  gtk_widget_class_bind_template_child_full (widget_class, "margin_top_spin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "margin_bottom_spin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "margin_left_spin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "margin_right_spin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "title_font_entry", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "heading1_font_entry", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "heading2_font_entry", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "heading3_font_entry", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "heading4_font_entry", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, setup_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hui_properties_dialog_init (HuiPropertiesDialog *self)
{
  static const char *margins[] = { "margin_top_spin", "margin_bottom_spin", "margin_left_spin", "margin_right_spin" };
  static const char *fonts[] = { "title_font_entry", "heading1_font_entry", "heading2_font_entry",
                                 "heading3_font_entry", "heading4_font_entry" };

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 4; i++)
    self->margin_spins[i] = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                            HUI_TYPE_PROPERTIES_DIALOG, margins[i]));
  for (guint i = 0; i < G_N_ELEMENTS (font_roles); i++)
    self->font_entries[font_roles[i]] = GTK_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                  HUI_TYPE_PROPERTIES_DIALOG, fonts[i]));
}

/* @page is "properties" or "page-setup". */
HuiPropertiesDialog *
hui_properties_dialog_new (GtkWindow   *parent,
                           HuiBulletin *bulletin,
                           const char  *page)
{
  HuiPropertiesDialog *self;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), NULL);

  self = g_object_new (HUI_TYPE_PROPERTIES_DIALOG, "transient-for", parent, NULL);
  self->bulletin = g_object_ref (bulletin);
  bind_entry (self, "title", self->title_entry);
  bind_entry (self, "issue", self->issue_entry);
  bind_entry (self, "unit", self->unit_entry);
  bind_entry (self, "date", self->date_entry);
  load_setup (self, hui_bulletin_get_page_setup (bulletin));
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->closing_view),
                            hui_bulletin_get_closing (bulletin) ?: "", -1);
  self->loading = FALSE;
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->closing_view), "changed",
                            G_CALLBACK (closing_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, page);

  return self;
}

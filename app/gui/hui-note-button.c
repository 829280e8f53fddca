/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-note-button"

#include "config.h"

#include <glib/gi18n.h>

#include "hui-note-button.h"

/* A note's reference in the body (①, ②… as it prints), anchored where
 * the note is marked in the text. Pressed, it opens the note to edit or
 * remove. It only reports what the user did ("edited", "remove"): the
 * report view changes the model, as it does for the text around it. */
struct _HuiNoteButton
{
  GtkWidget      parent_instance;

  HuiBlock      *block;
  guint          index;

  GtkMenuButton *button;
  GtkLabel      *reference_label;
  GtkLabel      *heading_label;
  GtkTextView   *text_view;
};

G_DEFINE_FINAL_TYPE (HuiNoteButton, hui_note_button, GTK_TYPE_WIDGET)

enum {
  EDITED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
note_text (HuiNoteButton *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The note is put back when its popover closes, as an entry is on
 * leaving it: one change, not one per key. A note left empty (one just
 * added and not written, say) is removed: it would print a bare ①. */
static void
popover_closed_cb (HuiNoteButton *self)
{
  g_autofree char *text = note_text (self);

  g_strstrip (text);
  if (*text == '\0')
    g_signal_emit (self, signals[REMOVE], 0);
  else if (g_strcmp0 (text, hui_block_get_note (self->block, self->index, NULL)) != 0)
    g_signal_emit (self, signals[EDITED], 0, text);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HuiNoteButton *self = HUI_NOTE_BUTTON (widget);

  gtk_menu_button_popdown (self->button);
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
hui_note_button_dispose (GObject *object)
{
  HuiNoteButton *self = (HuiNoteButton *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HUI_TYPE_NOTE_BUTTON);
  g_clear_object (&self->block);

  G_OBJECT_CLASS (hui_note_button_parent_class)->dispose (object);
}

static void
hui_note_button_class_init (HuiNoteButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hui_note_button_dispose;

  /* The note's new text, trimmed. */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/huibian/Huibian/ui/hui-note-button.ui");
  gtk_widget_class_bind_template_child (widget_class, HuiNoteButton, button);
  gtk_widget_class_bind_template_child (widget_class, HuiNoteButton, reference_label);
  gtk_widget_class_bind_template_child (widget_class, HuiNoteButton, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HuiNoteButton, text_view);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "note.remove", NULL, remove_action);
}

static void
hui_note_button_init (HuiNoteButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @index: the note's place among its block's; @number: its place in the
 * report, as printed. */
HuiNoteButton *
hui_note_button_new (HuiBlock *block,
                     guint     index,
                     guint     number)
{
  HuiNoteButton *self;
  g_autofree char *reference = hui_block_note_reference (number);
  g_autofree char *heading = NULL;
  HuiNoteKind kind;
  const char *text;

  g_return_val_if_fail (HUI_IS_BLOCK (block), NULL);
  g_return_val_if_fail (index < hui_block_get_n_notes (block), NULL);

  self = g_object_new (HUI_TYPE_NOTE_BUTTON, NULL);
  self->block = g_object_ref (block);
  self->index = index;
  text = hui_block_get_note (block, index, &kind);

  heading = g_strdup_printf (kind == HUI_NOTE_ENDNOTE ? _("Endnote %s") : _("Footnote %s"), reference);
  gtk_label_set_label (self->reference_label, reference);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), text);
  gtk_label_set_label (self->heading_label, heading);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  return self;
}

/* Opens the note, the cursor in its text. */
void
hui_note_button_popup (HuiNoteButton *self)
{
  g_return_if_fail (HUI_IS_NOTE_BUTTON (self));

  gtk_menu_button_popup (self->button);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

HuiBlock *
hui_note_button_get_block (HuiNoteButton *self)
{
  g_return_val_if_fail (HUI_IS_NOTE_BUTTON (self), NULL);

  return self->block;
}

guint
hui_note_button_get_index (HuiNoteButton *self)
{
  g_return_val_if_fail (HUI_IS_NOTE_BUTTON (self), 0);

  return self->index;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hb-block.h"

G_BEGIN_DECLS

#define HB_TYPE_NOTE_BUTTON (hb_note_button_get_type ())
G_DECLARE_FINAL_TYPE (HbNoteButton, hb_note_button, HB, NOTE_BUTTON, GtkWidget)

HbNoteButton *hb_note_button_new       (HbBlock      *block,
                                        guint         index,
                                        guint         number);
void          hb_note_button_popup     (HbNoteButton *self);
HbBlock      *hb_note_button_get_block (HbNoteButton *self);
guint         hb_note_button_get_index (HbNoteButton *self);

G_END_DECLS

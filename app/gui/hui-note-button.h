/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/hui-block.h"

G_BEGIN_DECLS

#define HUI_TYPE_NOTE_BUTTON (hui_note_button_get_type ())
G_DECLARE_FINAL_TYPE (HuiNoteButton, hui_note_button, HUI, NOTE_BUTTON, GtkWidget)

HuiNoteButton *hui_note_button_new       (HuiBlock      *block,
                                          guint          index,
                                          guint          number);
void           hui_note_button_popup     (HuiNoteButton *self);
HuiBlock      *hui_note_button_get_block (HuiNoteButton *self);
guint          hui_note_button_get_index (HuiNoteButton *self);

G_END_DECLS

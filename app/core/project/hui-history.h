/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

#define HUI_TYPE_HISTORY (hui_history_get_type ())
G_DECLARE_FINAL_TYPE (HuiHistory, hui_history, HUI, HISTORY, GObject)

HuiHistory *hui_history_new        (HuiBulletin *bulletin);
gboolean    hui_history_checkpoint (HuiHistory  *self);
gboolean    hui_history_can_undo   (HuiHistory  *self);
gboolean    hui_history_can_redo   (HuiHistory  *self);
gboolean    hui_history_undo       (HuiHistory  *self);
gboolean    hui_history_redo       (HuiHistory  *self);

G_END_DECLS

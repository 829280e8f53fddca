/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"

G_BEGIN_DECLS

#define HB_TYPE_HISTORY (hb_history_get_type ())
G_DECLARE_FINAL_TYPE (HbHistory, hb_history, HB, HISTORY, GObject)

HbHistory *hb_history_new        (HbBulletin *bulletin);
gboolean   hb_history_checkpoint (HbHistory  *self);
gboolean   hb_history_can_undo   (HbHistory  *self);
gboolean   hb_history_can_redo   (HbHistory  *self);
gboolean   hb_history_undo       (HbHistory  *self);
gboolean   hb_history_redo       (HbHistory  *self);

G_END_DECLS

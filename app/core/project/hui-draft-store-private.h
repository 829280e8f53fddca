/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-draft-store.h"

G_BEGIN_DECLS

/* For the tests, which name their drafts: makes @id the caller's, as
 * hui_draft_store_new_id() does for a new one. */

gboolean hui_draft_store_take (HuiDraftStore  *self,
                               const char     *id,
                               GError        **error);

G_END_DECLS

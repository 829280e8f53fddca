/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

#define HUI_TYPE_DRAFT_STORE (hui_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (HuiDraftStore, hui_draft_store, HUI, DRAFT_STORE, GObject)

HuiDraftStore *hui_draft_store_new          (GFile                *directory);
HuiDraftStore *hui_draft_store_get_default  (void);
char          *hui_draft_store_new_id       (HuiDraftStore        *self,
                                             GError              **error);
gboolean       hui_draft_store_save         (HuiDraftStore        *self,
                                             const char           *id,
                                             HuiBulletin          *bulletin,
                                             GFile                *project,
                                             GError              **error);
void           hui_draft_store_save_async   (HuiDraftStore        *self,
                                             const char           *id,
                                             HuiBulletin          *bulletin,
                                             GFile                *project,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean       hui_draft_store_save_finish  (HuiDraftStore        *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void           hui_draft_store_delete       (HuiDraftStore        *self,
                                             const char           *id);
void           hui_draft_store_release      (HuiDraftStore        *self,
                                             const char           *id);
char          *hui_draft_store_claim_next   (HuiDraftStore        *self);
HuiBulletin   *hui_draft_store_load         (HuiDraftStore        *self,
                                             const char           *id,
                                             GFile               **project,
                                             GError              **error);
GFile         *hui_draft_store_set_aside    (HuiDraftStore        *self,
                                             const char           *id,
                                             GError              **error);
void           hui_draft_store_remove_stale (HuiDraftStore        *self);

G_END_DECLS

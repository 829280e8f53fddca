/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

#define HB_TYPE_DRAFT_STORE (hb_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (HbDraftStore, hb_draft_store, HB, DRAFT_STORE, GObject)

HbDraftStore *hb_draft_store_new          (GFile         *directory);
HbDraftStore *hb_draft_store_get_default  (void);
GFile        *hb_draft_store_get_directory (HbDraftStore *self);
char         *hb_draft_store_new_id       (HbDraftStore  *self);
void          hb_draft_store_save_async   (HbDraftStore        *self,
                                           const char          *id,
                                           HbBulletin          *bulletin,
                                           GFile               *project,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      hb_draft_store_save_finish  (HbDraftStore  *self,
                                           GAsyncResult  *result,
                                           GError       **error);
void          hb_draft_store_delete       (HbDraftStore  *self,
                                           const char    *id);
GStrv         hb_draft_store_list         (HbDraftStore  *self);
HbBulletin   *hb_draft_store_load         (HbDraftStore  *self,
                                           const char    *id,
                                           GFile        **project,
                                           GError       **error);

G_END_DECLS

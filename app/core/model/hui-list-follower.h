/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _HuiListFollower HuiListFollower;

HuiListFollower *hui_list_follower_new  (GListModel      *list,
                                         const char      *detailed_signal,
                                         GCallback        callback,
                                         gpointer         user_data);
void             hui_list_follower_free (HuiListFollower *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuiListFollower, hui_list_follower_free)

G_END_DECLS

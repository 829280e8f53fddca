/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file Huibian writes — projects, drafts, exports — is written
 * whole beside its target and renamed over it only once it is complete
 * and on the disk: at every moment the target is the old version or the
 * new one, never a part. */
typedef struct _HuiAtomicFile HuiAtomicFile;

HuiAtomicFile *hui_atomic_file_new          (GFile          *target,
                                             GError        **error);
GOutputStream *hui_atomic_file_get_stream   (HuiAtomicFile  *self);
gboolean       hui_atomic_file_commit       (HuiAtomicFile  *self,
                                             GCancellable   *cancellable,
                                             GError        **error);
void           hui_atomic_file_free         (HuiAtomicFile  *self);

gboolean       hui_atomic_file_write_bytes  (GFile          *target,
                                             GBytes         *bytes,
                                             GCancellable   *cancellable,
                                             GError        **error);
void           hui_atomic_file_remove_stale (const char     *directory);
gboolean       hui_atomic_file_is_temporary (const char     *name);
void           hui_atomic_file_explain      (GError         *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuiAtomicFile, hui_atomic_file_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"

G_BEGIN_DECLS

HbBulletin *hb_docbook_read (GBytes   *bytes,
                             GError  **error);

G_END_DECLS

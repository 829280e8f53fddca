/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-image.h"

G_BEGIN_DECLS

/* For the tests: how much of the decoded-image budget is in use. */

gsize hui_image_decoded_bytes (void);

G_END_DECLS

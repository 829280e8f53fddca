/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hb-bulletin.h"

G_BEGIN_DECLS

JsonNode *hb_json_from_bulletin (HbBulletin *bulletin);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "model/hui-bulletin.h"

G_BEGIN_DECLS

JsonNode *hui_json_from_bulletin (HuiBulletin *bulletin);

G_END_DECLS

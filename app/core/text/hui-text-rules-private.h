/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-text-rules.h"

G_BEGIN_DECLS

/* Rules the public ones are made of, exposed for their tests. */

char     *hui_text_rules_remove_space_after_punct (const char *line);
gboolean  hui_text_rules_ends_sentence            (const char *line);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

gboolean  hui_xml_node_is_element (xmlNode    *node,
                                   const char *ns,
                                   const char *name);
xmlNode  *hui_xml_node_child      (xmlNode    *node,
                                   const char *ns,
                                   const char *name);
char     *hui_xml_node_attribute  (xmlNode    *node,
                                   const char *ns,
                                   const char *name);

G_END_DECLS

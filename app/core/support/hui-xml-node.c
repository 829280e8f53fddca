/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-xml-node"

#include "config.h"

#include <string.h>

#include "hui-xml-node.h"

/* Reading parsed XML the way every importer does: elements by namespace
 * and local name, attributes as GLib strings. */

/* Whether @node is the element @name in the namespace @ns. */
gboolean
hui_xml_node_is_element (xmlNode    *node,
                         const char *ns,
                         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *)node->ns->href, ns) == 0 && strcmp ((const char *)node->name, name) == 0;
}

/* The first child of @node that is the element @name in @ns, or NULL. */
xmlNode *
hui_xml_node_child (xmlNode    *node,
                    const char *ns,
                    const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (hui_xml_node_is_element (c, ns, name))
      return c;
  return NULL;
}

/* The attribute @name in @ns (in no namespace for NULL), or NULL; free
 * it with g_free(). */
char *
hui_xml_node_attribute (xmlNode    *node,
                        const char *ns,
                        const char *name)
{
  xmlChar *value = NULL;
  char *text;

  if (node != NULL)
    value = ns ? xmlGetNsProp (node, (const xmlChar *)name, (const xmlChar *)ns)
               : xmlGetNoNsProp (node, (const xmlChar *)name);
  text = g_strdup ((const char *)value);
  xmlFree (value);
  return text;
}

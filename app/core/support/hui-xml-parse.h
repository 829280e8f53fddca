/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define HUI_XML_PARSE_ERROR (hui_xml_parse_error_quark ())

typedef enum {
  HUI_XML_PARSE_ERROR_TOO_LARGE,
  HUI_XML_PARSE_ERROR_MALFORMED,  /* not well formed, or not in its encoding */
  HUI_XML_PARSE_ERROR_UNSAFE,     /* declares entities or elements */
} HuiXmlParseError;

GQuark  hui_xml_parse_error_quark (void);
xmlDoc *hui_xml_parse             (GBytes  *bytes,
                                   GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS

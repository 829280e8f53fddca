/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A thin layer over libxml2's xmlTextWriter for the exporters: elements,
 * attributes and text, with NULL meaning "leave it out". */
typedef struct _HuiXmlWriter HuiXmlWriter;

HuiXmlWriter *hui_xml_writer_new              (gboolean      indent);
void          hui_xml_writer_set_indent       (HuiXmlWriter *self,
                                               gboolean      indent);
void          hui_xml_writer_start            (HuiXmlWriter *self,
                                               const char   *name);
void          hui_xml_writer_end              (HuiXmlWriter *self);
void          hui_xml_writer_attribute        (HuiXmlWriter *self,
                                               const char   *name,
                                               const char   *value);
void          hui_xml_writer_attribute_printf (HuiXmlWriter *self,
                                               const char   *name,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (3, 4);
void          hui_xml_writer_text             (HuiXmlWriter *self,
                                               const char   *text);
void          hui_xml_writer_element          (HuiXmlWriter *self,
                                               const char   *name,
                                               const char   *text);
void          hui_xml_writer_empty            (HuiXmlWriter *self,
                                               const char   *name);
void          hui_xml_writer_pi               (HuiXmlWriter *self,
                                               const char   *target);
GBytes       *hui_xml_writer_finish           (HuiXmlWriter *self);

G_END_DECLS

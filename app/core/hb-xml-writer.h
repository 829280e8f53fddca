/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A thin layer over libxml2's xmlTextWriter for the exporters: elements,
 * attributes and text, with NULL meaning "leave it out". */
typedef struct _HbXmlWriter HbXmlWriter;

HbXmlWriter *hb_xml_writer_new     (gboolean     indent);
void         hb_xml_set_indent     (HbXmlWriter *self,
                                    gboolean     indent);
void         hb_xml_start          (HbXmlWriter *self,
                                    const char  *name);
void         hb_xml_end            (HbXmlWriter *self);
void         hb_xml_attr           (HbXmlWriter *self,
                                    const char  *name,
                                    const char  *value);
void         hb_xml_attr_printf    (HbXmlWriter *self,
                                    const char  *name,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (3, 4);
void         hb_xml_text           (HbXmlWriter *self,
                                    const char  *text);
void         hb_xml_element        (HbXmlWriter *self,
                                    const char  *name,
                                    const char  *text);
void         hb_xml_empty          (HbXmlWriter *self,
                                    const char  *name);
void         hb_xml_pi             (HbXmlWriter *self,
                                    const char  *target);
GBytes      *hb_xml_writer_finish  (HbXmlWriter *self);

G_END_DECLS

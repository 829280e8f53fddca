/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-xml-writer"

#include "config.h"

#include <libxml/xmlwriter.h>
#include <locale.h>

#include "hui-xml-writer.h"

struct _HuiXmlWriter
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
};

#define X(s) ((const xmlChar *)(s))

HuiXmlWriter *
hui_xml_writer_new (gboolean indent)
{
  HuiXmlWriter *self = g_new0 (HuiXmlWriter, 1);

  self->buffer = xmlBufferCreate ();
  self->writer = xmlNewTextWriterMemory (self->buffer, 0);
  if (indent)
    {
      xmlTextWriterSetIndent (self->writer, 1);
      xmlTextWriterSetIndentString (self->writer, X ("  "));
    }
  xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", NULL);
  return self;
}

/* Mixed content (text with elements inside) must not be indented: the
 * indentation would become part of the text. */
void
hui_xml_writer_set_indent (HuiXmlWriter *self,
                           gboolean      indent)
{
  xmlTextWriterSetIndent (self->writer, indent ? 1 : 0);
}

void
hui_xml_writer_start (HuiXmlWriter *self,
                      const char   *name)
{
  xmlTextWriterStartElement (self->writer, X (name));
}

void
hui_xml_writer_end (HuiXmlWriter *self)
{
  xmlTextWriterEndElement (self->writer);
}

void
hui_xml_writer_attribute (HuiXmlWriter *self,
                          const char   *name,
                          const char   *value)
{
  if (value != NULL)
    xmlTextWriterWriteAttribute (self->writer, X (name), X (value));
}

/* Numbers in XML take a full stop whatever the user's locale: a German
 * one would write "14,50pt", which no ODF reader accepts. */
static locale_t
c_numbers (void)
{
  static gsize locale = 0;

  if (g_once_init_enter (&locale))
    g_once_init_leave (&locale, (gsize)newlocale (LC_NUMERIC_MASK, "C", (locale_t)0));
  return (locale_t)locale;
}

void
hui_xml_writer_attribute_printf (HuiXmlWriter *self,
                                 const char   *name,
                                 const char   *format,
                                 ...)
{
  g_autofree char *value = NULL;
  locale_t previous = uselocale (c_numbers ());
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  uselocale (previous);
  hui_xml_writer_attribute (self, name, value);
}

void
hui_xml_writer_text (HuiXmlWriter *self,
                     const char   *text)
{
  if (text != NULL)
    xmlTextWriterWriteString (self->writer, X (text));
}

void
hui_xml_writer_element (HuiXmlWriter *self,
                        const char   *name,
                        const char   *text)
{
  if (text != NULL)
    xmlTextWriterWriteElement (self->writer, X (name), X (text));
}

void
hui_xml_writer_empty (HuiXmlWriter *self,
                      const char   *name)
{
  xmlTextWriterStartElement (self->writer, X (name));
  xmlTextWriterEndElement (self->writer);
}

/* A processing instruction with no content: <?target?>. */
void
hui_xml_writer_pi (HuiXmlWriter *self,
                   const char   *target)
{
  xmlTextWriterWritePI (self->writer, X (target), NULL);
}

GBytes *
hui_xml_writer_finish (HuiXmlWriter *self)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (self->writer);
  xmlFreeTextWriter (self->writer);
  bytes = g_bytes_new (xmlBufferContent (self->buffer), xmlBufferLength (self->buffer));
  xmlBufferFree (self->buffer);
  g_free (self);

  return bytes;
}

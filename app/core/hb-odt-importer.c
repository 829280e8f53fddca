/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-odt-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hb-docbook-reader.h"
#include "hb-import.h"
#include "hb-odt-importer.h"
#include "hb-text-importer.h"

/* Reads an OpenDocument text (.odt) as one report: its paragraphs and
 * headings (text:h with their outline level, or paragraphs starting with
 * a number label) go through the same recognition as text, so the title,
 * organisation and date lines at the top are found alike. A generated
 * table of contents is skipped; tables and images, which the model does
 * not hold yet, are counted in the report's warnings. */

#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW   "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

typedef struct {
  GPtrArray *lines;
  guint tables;
  guint images;
} Reading;

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *)node->ns->href, ns) == 0 && strcmp ((const char *)node->name, name) == 0;
}

/* The visible text of a paragraph: spaces, tabs and line breaks as
 * spaces; notes and annotations left out (they are not body text). */
static void
paragraph_text (Reading *reading,
                xmlNode *node,
                GString *out)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_string_append (out, (const char *)c->content);
      else if (is (c, NS_TEXT, "s") || is (c, NS_TEXT, "tab") || is (c, NS_TEXT, "line-break"))
        g_string_append_c (out, ' ');
      else if (is (c, NS_TEXT, "note") || is (c, NS_OFFICE, "annotation"))
        continue;
      else if (is (c, NS_DRAW, "frame"))
        reading->images++;
      else if (c->type == XML_ELEMENT_NODE)
        paragraph_text (reading, c, out);
    }
}

static guint
outline_level (xmlNode *heading)
{
  xmlChar *value = xmlGetNsProp (heading, (const xmlChar *)"outline-level", (const xmlChar *)NS_TEXT);
  guint level = value ? (guint)g_ascii_strtoull ((const char *)value, NULL, 10) : 1;

  xmlFree (value);
  return MAX (level, 1);
}

static void
read_body (Reading *reading,
           xmlNode *parent)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      g_autoptr(GString) text = NULL;

      if (is (c, NS_TEXT, "p") || is (c, NS_TEXT, "h"))
        {
          text = g_string_new (NULL);
          paragraph_text (reading, c, text);
          hb_text_lines_append (reading->lines, text->str, is (c, NS_TEXT, "h") ? outline_level (c) : 0);
        }
      else if (is (c, NS_TEXT, "table-of-content"))
        continue;
      else if (is (c, NS_TABLE, "table"))
        reading->tables++;
      else if (c->type == XML_ELEMENT_NODE)
        read_body (reading, c);  /* lists, list items, sections */
    }
}

static xmlNode *
office_text (xmlNode *root)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is (c, NS_OFFICE, "body"))
      for (xmlNode *t = c->children; t != NULL; t = t->next)
        if (is (t, NS_OFFICE, "text"))
          return t;
  return NULL;
}

gboolean
hb_odt_importer_import (HbBulletin   *bulletin,
                        HbZipReader  *zip,
                        const char   *source,
                        GError      **error)
{
  g_autoptr(GBytes) content = hb_zip_reader_read (zip, "content.xml", error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(HbReport) report = NULL;
  Reading reading = { 0 };
  xmlNode *text;

  if (content == NULL || (doc = hb_docbook_parse (content, error)) == NULL)
    return FALSE;

  text = office_text (xmlDocGetRootElement (doc));
  if (text == NULL)
    {
      g_set_error (error, HB_IMPORT_ERROR, HB_IMPORT_ERROR_UNSUPPORTED,
                   _("it is an OpenDocument file without a text body"));
      return FALSE;
    }

  lines = hb_text_lines_new (""); /* an empty array with the right free function */
  reading.lines = lines;
  read_body (&reading, text);
  if (lines->len == 0)
    {
      g_set_error (error, HB_IMPORT_ERROR, HB_IMPORT_ERROR_EMPTY, _("it contains no text"));
      return FALSE;
    }

  report = hb_text_importer_build_report (lines, 0, lines->len, 0, source, NULL);
  hb_text_importer_add_left_out (report, reading.tables, reading.images, 0);
  hb_bulletin_append_report (bulletin, report);
  return TRUE;
}

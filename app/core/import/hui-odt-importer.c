/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-odt-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-import-types.h"
#include "hui-odt-importer.h"
#include "hui-text-importer.h"
#include "support/hui-image.h"
#include "support/hui-util.h"
#include "support/hui-xml-node.h"
#include "support/hui-xml-parse.h"
#include "text/hui-text-rules.h"

/* Reads an OpenDocument text (.odt, or a flat .fodt) as one report: its
 * paragraphs and headings (text:h with their outline level, or paragraphs
 * starting with a number label) go through the same recognition as text,
 * so the title, organisation and date lines at the top are found alike.
 * Tables become table blocks, notes notes of their paragraph, and images
 * image blocks (from the package's Pictures/ or, in a flat file, from
 * office:binary-data). A generated table of contents is skipped. */

#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW   "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_SVG    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK  "http://www.w3.org/1999/xlink"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


typedef struct {
  GPtrArray    *lines;
  HuiZipReader *zip;      /* NULL for a flat file */
  GPtrArray    *objects;  /* blocks to follow the paragraph being read */
  GPtrArray    *warnings;
} Reading;

/* Spreadsheet-like tables repeat empty cells thousands of times. */
static guint
repeat_count (xmlNode    *node,
              const char *name)
{
  g_autofree char *value = hui_xml_node_attribute (node, NS_TABLE, name);
  guint64 n = value ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint)CLAMP (n, 1, HUI_MAX_TABLE_SPAN);
}

static void paragraph_text (Reading *reading, xmlNode *node, GString *out, HuiBlock *notes);

/* The paragraphs of a cell, a note body or a text box, one line each. */
static char *
paragraphs_text (Reading *reading,
                 xmlNode *parent)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      g_autoptr(GString) text = NULL;
      g_autofree char *line = NULL;

      if (hui_xml_node_is_element (c, NS_TEXT, "p") || hui_xml_node_is_element (c, NS_TEXT, "h"))
        {
          text = g_string_new (NULL);
          paragraph_text (reading, c, text, NULL);
          g_autofree char *normalized = hui_text_rules_normalize_line (text->str, NULL, NULL);

          line = hui_text_rules_remove_space_between_han (normalized);
        }
      else if (c->type == XML_ELEMENT_NODE)
        line = paragraphs_text (reading, c);  /* lists */
      if (line == NULL || *line == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_note (Reading  *reading,
          xmlNode  *note,
          GString  *out,
          HuiBlock *notes)
{
  g_autofree char *class = hui_xml_node_attribute (note, NS_TEXT, "note-class");
  xmlNode *body = hui_xml_node_child (note, NS_TEXT, "note-body");
  g_autofree char *text = body ? paragraphs_text (reading, body) : g_strdup ("");

  if (notes == NULL)
    {
      /* A note in a table cell or in another note: its text in brackets. */
      g_string_append_printf (out, "（%s）", text);
      return;
    }
  g_string_append (out, HUI_NOTE_MARK);
  hui_block_add_note (notes, g_strcmp0 (class, "endnote") == 0 ? HUI_NOTE_ENDNOTE : HUI_NOTE_FOOTNOTE, text);
}

/* The bytes of a draw:image: its package member, or its inline base64. */
static GBytes *
image_bytes (Reading  *reading,
             xmlNode  *image,
             char    **name)
{
  g_autofree char *href = hui_xml_node_attribute (image, NS_XLINK, "href");
  xmlNode *binary = hui_xml_node_child (image, NS_OFFICE, "binary-data");

  *name = NULL;
  if (binary != NULL)
    {
      xmlChar *content = xmlNodeGetContent (binary);
      gsize len = 0;
      guchar *data = g_base64_decode ((const char *)content, &len);

      xmlFree (content);
      return len > 0 ? g_bytes_new_take (data, len) : (g_free (data), NULL);
    }
  if (reading->zip == NULL || href == NULL)
    return NULL;

  *name = hui_util_package_path ("content.xml", href);
  if (*name == NULL || !hui_zip_reader_has (reading->zip, *name))
    return NULL;
  return hui_zip_reader_read (reading->zip, *name, NULL);
}

static char *
frame_description (xmlNode *frame)
{
  xmlNode *desc = hui_xml_node_child (frame, NS_SVG, "desc") ?: hui_xml_node_child (frame, NS_SVG, "title");
  xmlChar *content = desc ? xmlNodeGetContent (desc) : NULL;
  char *text = g_strdup (content ? (const char *)content : "");

  xmlFree (content);
  return g_strstrip (text);
}

static double
frame_length (xmlNode    *frame,
              const char *name)
{
  g_autofree char *value = hui_xml_node_attribute (frame, NS_SVG, name);

  return hui_util_length_in_points (value);
}

/* A frame holds an image (kept as an image block after its paragraph) or
 * a text box (its paragraphs follow as paragraphs). */
static void
add_frame (Reading *reading,
           xmlNode *frame)
{
  xmlNode *image = hui_xml_node_child (frame, NS_DRAW, "image");
  xmlNode *box = hui_xml_node_child (frame, NS_DRAW, "text-box");
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *type;

  if (box != NULL)
    {
      g_autofree char *text = paragraphs_text (reading, box);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; *text != '\0' && lines[i] != NULL; i++)
        g_ptr_array_add (reading->objects, hui_block_new_paragraph (lines[i]));
      return;
    }
  if (image == NULL)
    return;

  bytes = image_bytes (reading, image, &name);
  type = bytes ? hui_image_type (bytes, name) : NULL;
  if (type == NULL)
    {
      g_ptr_array_add (reading->warnings, g_strdup (_("An image was left out: it is linked, not embedded, or not in a format Huibian can read")));
      return;
    }
  description = frame_description (frame);
  g_ptr_array_add (reading->objects,
                   hui_block_new_image (bytes, type, frame_length (frame, "width"), frame_length (frame, "height"),
                                        description));
}

/* The visible text of a paragraph: spaces, tabs and line breaks as
 * spaces; notes as note marks (their text added to @notes); annotations
 * left out (they are not body text); frames kept to follow. */
static void
paragraph_text (Reading  *reading,
                xmlNode  *node,
                GString  *out,
                HuiBlock *notes)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_string_append (out, (const char *)c->content);
      else if (hui_xml_node_is_element (c, NS_TEXT, "s") || hui_xml_node_is_element (c, NS_TEXT, "tab") || hui_xml_node_is_element (c, NS_TEXT, "line-break"))
        g_string_append_c (out, ' ');
      else if (hui_xml_node_is_element (c, NS_TEXT, "note"))
        add_note (reading, c, out, notes);
      else if (hui_xml_node_is_element (c, NS_OFFICE, "annotation") || hui_xml_node_is_element (c, NS_OFFICE, "annotation-end"))
        continue;
      else if (hui_xml_node_is_element (c, NS_DRAW, "frame"))
        add_frame (reading, c);
      else if (c->type == XML_ELEMENT_NODE)
        paragraph_text (reading, c, out, notes);
    }
}

static guint
outline_level (xmlNode *heading)
{
  g_autofree char *value = hui_xml_node_attribute (heading, NS_TEXT, "outline-level");
  guint level = value ? (guint)g_ascii_strtoull (value, NULL, 10) : 1;

  return MAX (level, 1);
}

static void
read_rows (Reading   *reading,
           xmlNode   *parent,
           GPtrArray *rows)
{
  for (xmlNode *r = parent->children; r != NULL; r = r->next)
    {
      g_autoptr(GStrvBuilder) cells = NULL;
      g_auto(GStrv) row = NULL;

      if (hui_xml_node_is_element (r, NS_TABLE, "table-header-rows") || hui_xml_node_is_element (r, NS_TABLE, "table-rows") ||
          hui_xml_node_is_element (r, NS_TABLE, "table-row-group"))
        {
          read_rows (reading, r, rows);
          continue;
        }
      if (!hui_xml_node_is_element (r, NS_TABLE, "table-row"))
        continue;

      cells = g_strv_builder_new ();
      for (xmlNode *c = r->children; c != NULL; c = c->next)
        if (hui_xml_node_is_element (c, NS_TABLE, "table-cell") || hui_xml_node_is_element (c, NS_TABLE, "covered-table-cell"))
          {
            g_autofree char *text = paragraphs_text (reading, c);

            for (guint k = repeat_count (c, "number-columns-repeated"); k > 0; k--)
              g_strv_builder_add (cells, text);
          }
      row = g_strv_builder_end (cells);
      for (guint k = repeat_count (r, "number-rows-repeated"); k > 0; k--)
        g_ptr_array_add (rows, g_strdupv (row));
    }
}

static void
read_table (Reading *reading,
            xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(HuiBlock) block = NULL;

  read_rows (reading, table, rows);
  block = hui_block_new_table (rows);
  hui_text_lines_append_object (reading->lines, block);
  hui_text_lines_append_objects (reading->lines, reading->objects);
}

static void
read_body (Reading *reading,
           xmlNode *parent)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (hui_xml_node_is_element (c, NS_TEXT, "p") || hui_xml_node_is_element (c, NS_TEXT, "h"))
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(HuiBlock) notes = hui_block_new_paragraph (NULL);

          paragraph_text (reading, c, text, notes);
          hui_text_lines_append (reading->lines, text->str, hui_xml_node_is_element (c, NS_TEXT, "h") ? outline_level (c) : 0, notes);
          hui_text_lines_append_objects (reading->lines, reading->objects);
        }
      else if (hui_xml_node_is_element (c, NS_TEXT, "table-of-content"))
        continue;
      else if (hui_xml_node_is_element (c, NS_TABLE, "table"))
        read_table (reading, c);
      else if (hui_xml_node_is_element (c, NS_DRAW, "frame"))
        {
          add_frame (reading, c);
          hui_text_lines_append_objects (reading->lines, reading->objects);
        }
      else if (c->type == XML_ELEMENT_NODE)
        read_body (reading, c);  /* lists, list items, sections */
    }
}

static xmlNode *
office_text (xmlNode *root)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (hui_xml_node_is_element (c, NS_OFFICE, "body"))
      for (xmlNode *t = c->children; t != NULL; t = t->next)
        if (hui_xml_node_is_element (t, NS_OFFICE, "text"))
          return t;
  return NULL;
}

static gboolean
import_document (HuiBulletin   *bulletin,
                 xmlDoc        *doc,
                 HuiZipReader  *zip,
                 const char    *source,
                 GError       **error)
{
  g_autoptr(GPtrArray) lines = hui_text_lines_new (""); /* an empty array with the right free function */
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  Reading reading = { lines, zip, objects, warnings };
  xmlNode *text = office_text (xmlDocGetRootElement (doc));

  if (text == NULL)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                   _("it is an OpenDocument file without a text body"));
      return FALSE;
    }

  read_body (&reading, text);
  return hui_text_importer_add_report (bulletin, lines, warnings, source, error);
}

static gboolean
has_descendant (xmlNode    *node,
                const char *ns,
                const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (hui_xml_node_is_element (c, ns, name) || has_descendant (c, ns, name))
      return TRUE;
  return FALSE;
}

/* A document saved with a password keeps its members encrypted, which
 * the manifest tells by their encryption data; read as XML they would
 * only be noise. An unreadable manifest is left to the content to judge. */
static gboolean
is_encrypted (HuiZipReader *zip)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) manifest = NULL;

  if (!hui_zip_reader_has (zip, "META-INF/manifest.xml"))
    return FALSE;
  bytes = hui_zip_reader_read (zip, "META-INF/manifest.xml", NULL);
  manifest = bytes ? hui_xml_parse (bytes, NULL) : NULL;
  return manifest != NULL && has_descendant (xmlDocGetRootElement (manifest), NS_MANIFEST, "encryption-data");
}

gboolean
hui_odt_importer_import (HuiBulletin   *bulletin,
                         HuiZipReader  *zip,
                         const char    *source,
                         GError       **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  if (is_encrypted (zip))
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_PROTECTED,
                   _("it is protected by a password; save a copy without the password in LibreOffice and import that"));
      return FALSE;
    }
  content = hui_zip_reader_read (zip, "content.xml", error);
  if (content == NULL || (doc = hui_xml_parse (content, error)) == NULL)
    return FALSE;
  return import_document (bulletin, doc, zip, source, error);
}

/* Whether @doc is a flat OpenDocument file (.fodt): office:document. */
gboolean
hui_odt_importer_is_flat (xmlDoc *doc)
{
  return hui_xml_node_is_element (xmlDocGetRootElement (doc), NS_OFFICE, "document");
}

gboolean
hui_odt_importer_import_flat (HuiBulletin  *bulletin,
                              xmlDoc       *doc,
                              const char   *source,
                              GError      **error)
{
  return import_document (bulletin, doc, NULL, source, error);
}

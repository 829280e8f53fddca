/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-docbook-blocks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-docbook-blocks.h"
#include "hui-docbook-writer.h"
#include "support/hui-util.h"
#include "support/hui-xml-node.h"

/* The DocBook shapes of notes, tables and images, read alike from a
 * Huibian project and from DocBook written elsewhere: elements in the
 * DocBook 5 namespace or in none (DocBook 4). */

#define MAX_IMAGE_BYTES (32 * 1024 * 1024)

gboolean
hui_docbook_blocks_is (xmlNode    *node,
                       const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (node->ns == NULL || strcmp ((const char *)node->ns->href, HUI_DOCBOOK_NS) == 0) &&
         strcmp ((const char *)node->name, name) == 0;
}

/* The text content of @node, as it is (no white space changed). */
char *
hui_docbook_blocks_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

static void
collect_text (xmlNode  *node,
              HuiBlock *notes,
              GString  *out)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *)c->content);
      else if (hui_docbook_blocks_is (c, "footnote"))
        {
          g_autofree char *text = hui_docbook_blocks_text (c);
          g_autofree char *role = hui_xml_node_attribute (c, NULL, "role");

          g_strstrip (text);
          g_string_append (out, HUI_NOTE_MARK);
          hui_block_add_note (notes, g_strcmp0 (role, "endnote") == 0 ? HUI_NOTE_ENDNOTE : HUI_NOTE_FOOTNOTE, text);
        }
      else if (c->type == XML_ELEMENT_NODE)
        collect_text (c, notes, out);
    }
}

/* The text of @node with a note mark where each footnote stood; the
 * footnotes are added to @notes (role="endnote" makes an endnote). Stray
 * marks in the text itself are dropped: they would point at no note. */
char *
hui_docbook_blocks_note_text (xmlNode  *node,
                              HuiBlock *notes)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(HuiBlock) scratch = hui_block_new_paragraph (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  guint note = 0;

  collect_text (node, scratch, raw);
  if (hui_block_get_n_notes (scratch) == 0)
    return g_string_free (g_steal_pointer (&raw), FALSE);

  /* Footnote marks are added by collect_text in order; any other mark in
   * the raw text is one the source had as a character. */
  for (const char *p = raw->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, HUI_NOTE_MARK))
        {
          if (note++ >= hui_block_get_n_notes (scratch))
            continue;
        }
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  hui_block_copy_notes (notes, scratch);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The most columns a CALS table is read with: colnum is any number. */
#define MAX_COLUMNS 256

/* Where a CALS table's entries go. The model has no merged cells, so an
 * entry spanning columns (namest…nameend) is followed by empty cells and
 * the rows an entry spans down (morerows) get empty cells in its columns:
 * every other cell stays under its heading. */
typedef struct {
  GHashTable *columns;           /* colname → column, from 1 */
  guint       below[MAX_COLUMNS + 2]; /* per column: rows still spanned from above */
} Cals;

static guint
column_of (Cals       *cals,
           xmlNode    *entry,
           const char *attribute)
{
  g_autofree char *name = hui_xml_node_attribute (entry, NULL, attribute);

  return name ? GPOINTER_TO_UINT (g_hash_table_lookup (cals->columns, name)) : 0;
}

static void
read_colspecs (Cals    *cals,
               xmlNode *tgroup)
{
  guint column = 0;

  g_hash_table_remove_all (cals->columns);
  memset (cals->below, 0, sizeof cals->below);
  for (xmlNode *c = tgroup->children; c != NULL; c = c->next)
    if (hui_docbook_blocks_is (c, "colspec"))
      {
        char *name = hui_xml_node_attribute (c, NULL, "colname");
        g_autofree char *number = hui_xml_node_attribute (c, NULL, "colnum");

        column = number ? (guint)g_ascii_strtoull (number, NULL, 10) : column + 1;
        column = CLAMP (column, 1, MAX_COLUMNS);
        if (name != NULL)
          g_hash_table_insert (cals->columns, name, GUINT_TO_POINTER (column));
      }
}

/* Empty cells up to column @to (from 1), for columns spanned from above
 * or skipped by an entry's colname. */
static guint
fill_to (Cals         *cals,
         GStrvBuilder *cells,
         guint         column,
         guint         to)
{
  for (; column < MIN (to, MAX_COLUMNS + 1); column++)
    g_strv_builder_add (cells, "");
  return column;
}

static void
read_row (Cals      *cals,
          xmlNode   *row,
          GPtrArray *rows)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  gboolean spanned[MAX_COLUMNS + 2];
  guint column = 1;

  for (guint c = 1; c <= MAX_COLUMNS; c++)
    if ((spanned[c] = cals->below[c] > 0))
      cals->below[c]--;

  for (xmlNode *e = row->children; e != NULL; e = e->next)
    {
      g_autofree char *text = NULL;
      guint start, end;
      g_autofree char *more = NULL;

      if (!hui_docbook_blocks_is (e, "entry") && !hui_docbook_blocks_is (e, "entrytbl"))
        continue;
      start = column_of (cals, e, "namest") ?: column_of (cals, e, "colname");
      while (column <= MAX_COLUMNS && spanned[column] && column != start)
        column = fill_to (cals, cells, column, column + 1);
      column = fill_to (cals, cells, column, start);
      end = MAX (column, column_of (cals, e, "nameend"));
      end = MIN (end, column + HUI_MAX_TABLE_SPAN - 1);

      text = hui_docbook_blocks_text (e);
      g_strv_builder_add (cells, g_strstrip (text));
      more = hui_xml_node_attribute (e, NULL, "morerows");
      for (guint c = column; c <= MIN (end, MAX_COLUMNS); c++)
        cals->below[c] = more ? (guint)MIN (g_ascii_strtoull (more, NULL, 10), HUI_MAX_TABLE_SPAN) : 0;
      column = fill_to (cals, cells, column + 1, end + 1);
    }
  /* Columns at the end spanned from above. */
  for (guint c = column; c <= MAX_COLUMNS; c++)
    if (spanned[c])
      column = fill_to (cals, cells, column, c + 1);
  g_ptr_array_add (rows, g_strv_builder_end (cells));
}

static void
read_rows (Cals      *cals,
           xmlNode   *parent,
           GPtrArray *rows)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (hui_docbook_blocks_is (c, "row"))
        read_row (cals, c, rows);
      else if (hui_docbook_blocks_is (c, "tgroup"))
        {
          read_colspecs (cals, c);
          read_rows (cals, c, rows);
        }
      else if (hui_docbook_blocks_is (c, "thead") || hui_docbook_blocks_is (c, "tbody") || hui_docbook_blocks_is (c, "tfoot"))
        read_rows (cals, c, rows);
    }
}

/* A CALS table (table or informaltable) as rows of cell text; its title
 * is the caption. */
HuiBlock *
hui_docbook_blocks_table (xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Cals cals = { columns, { 0 } };
  HuiBlock *block;

  read_rows (&cals, table, rows);
  block = hui_block_new_table (rows);
  for (xmlNode *c = table->children; c != NULL; c = c->next)
    if (hui_docbook_blocks_is (c, "title") || hui_docbook_blocks_is (c, "caption"))
      {
        g_autofree char *caption = hui_docbook_blocks_text (c);

        hui_block_set_text (block, g_strstrip (caption));
        break;
      }
  return block;
}

static xmlNode *
find (xmlNode    *node,
      const char *name)
{
  if (hui_docbook_blocks_is (node, name))
    return node;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      xmlNode *found = find (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
length_attribute (xmlNode    *node,
                  const char *name)
{
  g_autofree char *value = hui_xml_node_attribute (node, NULL, name);

  return hui_util_length_in_points (value);
}

/* A data: URI's bytes and type; NULL for anything else (a file name: an
 * importer never reads files a document points at). */
static GBytes *
decode_data_uri (const char  *uri,
                 char       **mime_type)
{
  const char *comma = strchr (uri, ',');
  g_autofree char *header = NULL;
  guchar *data;
  gsize len;

  if (!g_str_has_prefix (uri, "data:") || comma == NULL)
    return NULL;
  header = g_strndup (uri + strlen ("data:"), comma - uri - strlen ("data:"));
  if (!g_str_has_suffix (header, ";base64") || strchr (header, '/') == NULL)
    return NULL;
  *strchr (header, ';') = '\0';
  if (strlen (comma + 1) / 4 * 3 > MAX_IMAGE_BYTES)
    return NULL;

  data = g_base64_decode (comma + 1, &len);
  if (len == 0)
    {
      g_free (data);
      return NULL;
    }
  *mime_type = g_steal_pointer (&header);
  return g_bytes_new_take (data, len);
}

/* The first image of a mediaobject (or figure) when it is embedded as a
 * data: URI; else NULL and *@problem says why, naming the file. */
static HuiBlock *
image_block (xmlNode  *node,
             char    **problem)
{
  xmlNode *imagedata = find (node, "imagedata");
  xmlNode *phrase = find (node, "textobject");
  xmlChar *fileref = imagedata ? xmlGetNoNsProp (imagedata, (const xmlChar *)"fileref") : NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HuiBlock *block;

  *problem = NULL;
  if (fileref != NULL)
    bytes = decode_data_uri ((const char *)fileref, &mime_type);
  if (bytes == NULL)
    {
      *problem = fileref && !g_str_has_prefix ((const char *)fileref, "data:")
        ? g_strdup_printf (_("An image was left out: “%.80s” is a separate file, not part of the document"),
                           (const char *)fileref)
        : g_strdup (_("An image was left out: it has no embedded image data"));
      xmlFree (fileref);
      return NULL;
    }
  xmlFree (fileref);

  if (phrase == NULL && find (node, "title") != NULL)
    phrase = find (node, "title");
  description = phrase ? hui_docbook_blocks_text (phrase) : g_strdup ("");
  block = hui_block_new_image (bytes, mime_type, length_attribute (imagedata, "contentwidth"),
                               length_attribute (imagedata, "contentdepth"), g_strstrip (description));
  return block;
}

/* Appends the image of @node (a mediaobject or a figure) to @report, or
 * says in the report's warnings why it could not. */
void
hui_docbook_blocks_add_image (HuiReport *report,
                              xmlNode   *node)
{
  g_autofree char *problem = NULL;
  g_autoptr(HuiBlock) block = image_block (node, &problem);

  if (block != NULL)
    hui_report_append_block (report, block);
  else
    hui_report_add_warning (report, "%s", problem);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-docbook-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-docbook-importer.h"
#include "hui-import-types.h"
#include "project/hui-docbook-blocks.h"
#include "project/hui-docbook-reader.h"
#include "project/hui-docbook-writer.h"
#include "text/hui-text-rules.h"

/* Reads reports from DocBook 5 and the common DocBook 4 shapes (no
 * namespace, articleinfo/bookinfo, sect1…): each article or chapter is a
 * report, sections are headings by depth, paragraphs (also inside lists
 * and quotations) are paragraphs. A DocBook file Huibian wrote as a
 * project comes back as the same bulletin. Tables, footnotes and images
 * embedded as data: URIs are kept; an image that is a separate file is
 * listed in the report's warnings (an importer never opens other files). */

#define X(s) ((const xmlChar *)(s))

static gboolean
is_any (xmlNode            *node,
        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (hui_docbook_blocks_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (hui_docbook_blocks_is (c, name))
      return c;
  return NULL;
}

/* Element text with white space as in a paragraph: runs collapsed, the
 * spaces extraction leaves after Chinese punctuation removed. */
static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = hui_text_rules_normalize_line ((const char *)content, NULL, NULL);

  xmlFree (content);
  return text;
}

static xmlNode *
info_of (xmlNode *node)
{
  static const char *names[] = { "info", "articleinfo", "bookinfo", "chapterinfo", NULL };

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_any (c, names))
      return c;
  return NULL;
}

static char *
find_text (xmlNode    *node,
           const char *name)
{
  if (node == NULL)
    return NULL;
  if (hui_docbook_blocks_is (node, name))
    return text_of (node);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      char *found = find_text (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "2023-07-25" as it is, "2023年7月25日" read as Chinese dates are. */
static char *
iso_date (const char *text)
{
  int y, m, d;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return hui_text_rules_parse_date (text);
}

static void
read_byline (HuiReport *report,
             xmlNode   *node)
{
  xmlNode *info = info_of (node);
  g_autofree char *title = find_text (info, "title");
  g_autofree char *subtitle = find_text (info, "subtitle");
  g_autofree char *org = find_text (info, "orgname");
  g_autofree char *pubdate = find_text (info, "pubdate");
  g_autofree char *date = NULL;

  if (title == NULL)
    title = text_of (child (node, "title") ?: node);
  if (subtitle == NULL && child (node, "subtitle") != NULL)
    subtitle = text_of (child (node, "subtitle"));
  if (pubdate == NULL)
    pubdate = find_text (info, "date");
  date = iso_date (pubdate);

  hui_report_set_title (report, title);
  hui_report_set_subtitle (report, subtitle);
  hui_report_set_organization (report, org);
  hui_report_set_date (report, date);
}

static void read_blocks (HuiReport *report, xmlNode *parent, guint depth);

/* Paragraph text with white space as text_of() makes it, and a note mark
 * where each footnote stood. */
static char *
note_text_of (xmlNode  *node,
              HuiBlock *notes)
{
  g_autofree char *raw = hui_docbook_blocks_note_text (node, notes);

  return hui_text_rules_normalize_marked (raw);
}

static void
add_paragraph (HuiReport *report,
               xmlNode   *node)
{
  g_autoptr(HuiBlock) block = hui_block_new_paragraph (NULL);
  g_autofree char *text = note_text_of (node, block);

  if (*text == '\0' && hui_block_get_n_notes (block) == 0)
    return;
  hui_block_set_text (block, text);
  hui_report_append_block (report, block);
}

/* A section's title keeps its number label apart when it has one:
 * "一、聚焦……" is labelled "一、"; the depth gives the level. */
static void
add_section (HuiReport *report,
             xmlNode   *section,
             guint      depth)
{
  g_autoptr(HuiBlock) notes = hui_block_new_paragraph (NULL);
  g_autofree char *title = child (section, "title") ? note_text_of (child (section, "title"), notes)
                                                    : text_of (section);
  guint level = CLAMP (depth, 1, HUI_MAX_HEADING_LEVEL);
  HuiHeadingMatch match;
  g_autoptr(HuiBlock) block = NULL;

  if (hui_text_rules_parse_heading (title, &match) && !match.malformed)
    block = hui_block_new_heading (level, match.label, match.text, match.run_in);
  else
    block = hui_block_new_heading (level, NULL, title, NULL);
  hui_heading_match_clear (&match);

  hui_block_copy_notes (block, notes);
  hui_report_append_block (report, block);
  if (depth > HUI_MAX_HEADING_LEVEL)
    hui_report_add_warning (report, _("The section “%s” is nested deeper than four levels; read as level %u"),
                            title, level);
  read_blocks (report, section, depth + 1);
}

static void
read_blocks (HuiReport *report,
             xmlNode   *parent,
             guint      depth)
{
  static const char *paragraphs[] = { "para", "simpara", "formalpara", "literallayout", "programlisting", NULL };
  static const char *sections[] = { "section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect",
                                    "refsect1", "refsect2", NULL };
  static const char *containers[] = { "itemizedlist", "orderedlist", "variablelist", "listitem",
                                      "varlistentry", "blockquote", "note", "tip", "important",
                                      "warning", "caution", "sidebar", "abstract", NULL };
  static const char *tables[] = { "table", "informaltable", NULL };
  static const char *images[] = { "figure", "informalfigure", "mediaobject", NULL };

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is_any (c, paragraphs))
        add_paragraph (report, c);
      else if (is_any (c, sections))
        add_section (report, c, depth);
      else if (is_any (c, containers))
        read_blocks (report, c, depth);
      else if (is_any (c, tables))
        {
          g_autoptr(HuiBlock) table = hui_docbook_blocks_table (c);
          hui_report_append_block (report, table);
        }
      else if (is_any (c, images))
        hui_docbook_blocks_add_image (report, c);
    }
}

static void
add_report (HuiBulletin *bulletin,
            xmlNode     *node,
            const char  *source)
{
  g_autoptr(HuiReport) report = hui_report_new ();

  hui_report_set_source (report, source);
  read_byline (report, node);
  read_blocks (report, node, 1);
  hui_bulletin_append_report (bulletin, report);
}

static void
add_reports (HuiBulletin *bulletin,
             xmlNode     *node,
             const char  *source)
{
  static const char *reports[] = { "article", "chapter", "appendix", "preface", NULL };
  static const char *groups[] = { "book", "set", "part", NULL };

  if (is_any (node, reports))
    add_report (bulletin, node, source);
  else if (is_any (node, groups))
    for (xmlNode *c = node->children; c != NULL; c = c->next)
      add_reports (bulletin, c, source);
}

static gboolean
is_huibian_project (xmlNode *root)
{
  xmlNode *info = info_of (root);

  for (xmlNode *c = info ? info->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && c->ns != NULL &&
        strcmp ((const char *)c->ns->href, HUI_PROJECT_NS) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @bytes look like XML: a "<" first, after a byte-order mark and
 * white space. */
gboolean
hui_docbook_importer_is_xml (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
}

/* @doc: the file, parsed by hui_xml_parse(). */
gboolean
hui_docbook_importer_import (HuiBulletin  *bulletin,
                             xmlDoc       *doc,
                             const char   *source,
                             GError      **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  guint before = hui_bulletin_get_n_reports (bulletin);

  if (is_huibian_project (root))
    {
      g_autoptr(HuiBulletin) project = hui_docbook_reader_read_doc (doc, error);

      if (project == NULL)
        return FALSE;
      hui_bulletin_set_page_setup (bulletin, hui_bulletin_get_page_setup (project));
      hui_bulletin_merge (bulletin, project, G_MAXUINT);
      return TRUE;
    }

  if (hui_docbook_blocks_is (root, "book") && hui_bulletin_get_title (bulletin) == NULL)
    {
      g_autofree char *title = find_text (info_of (root), "title");
      hui_bulletin_set_title (bulletin, title);
    }
  add_reports (bulletin, root, source);

  if (hui_bulletin_get_n_reports (bulletin) == before)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                   _("it is an XML file with no DocBook article, chapter or book (its root is <%s>)"),
                   (const char *)root->name);
      return FALSE;
    }

  return TRUE;
}

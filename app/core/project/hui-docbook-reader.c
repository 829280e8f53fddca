/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-docbook-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-docbook-blocks.h"
#include "hui-docbook-reader.h"
#include "hui-docbook-writer.h"
#include "hui-project-error.h"
#include "support/hui-xml-node.h"
#include "support/hui-xml-parse.h"

/* Reads what hui-docbook-writer.c writes, from XML parsed by
 * hui_xml_parse(): no network access, no DTD loading, no entity
 * substitution, and an internal subset refused (a project file has no use
 * for one, and entities are how XML files attack their readers). */

static gboolean
is_db (xmlNode    *node,
       const char *name)
{
  return hui_xml_node_is_element (node, HUI_DOCBOOK_NS, name);
}

static gboolean
is_hb (xmlNode    *node,
       const char *name)
{
  return hui_xml_node_is_element (node, HUI_PROJECT_NS, name);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  return hui_xml_node_child (node, HUI_DOCBOOK_NS, name);
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *c = child (node, name);

  return c != NULL ? hui_docbook_blocks_text (c) : NULL;
}

#define SET_FROM(setter, object, value) \
  G_STMT_START { g_autofree char *v_ = (value); setter (object, v_); } G_STMT_END

static void
read_warnings (xmlNode *data,
               void   (*add) (gpointer, const char *, ...),
               gpointer object)
{
  for (xmlNode *c = data->children; c != NULL; c = c->next)
    if (is_hb (c, "warning"))
      {
        g_autofree char *text = hui_docbook_blocks_text (c);

        add (object, "%s", text);
      }
}

static void
read_report_info (HuiReport *report,
                  xmlNode   *info)
{
  xmlNode *author = child (info, "author");

  SET_FROM (hui_report_set_title, report, child_text (info, "title"));
  SET_FROM (hui_report_set_subtitle, report, child_text (info, "subtitle"));
  SET_FROM (hui_report_set_date, report, child_text (info, "pubdate"));
  if (author != NULL)
    SET_FROM (hui_report_set_organization, report, child_text (author, "orgname"));

  for (xmlNode *c = info->children; c != NULL; c = c->next)
    if (is_hb (c, "report"))
      {
        g_autofree char *page = hui_xml_node_attribute (c, NULL, "source-page");

        SET_FROM (hui_report_set_source, report, hui_xml_node_attribute (c, NULL, "source"));
        hui_report_set_source_page (report, page ? (guint)g_ascii_strtoull (page, NULL, 10) : 0);
        read_warnings (c, (gpointer)hui_report_add_warning, report);
      }
}

static guint
level_from_role (const char *role,
                 guint       depth,
                 gboolean   *run_in)
{
  g_auto(GStrv) tokens = g_strsplit (role ? role : "", " ", -1);
  guint level = depth;

  *run_in = FALSE;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (g_str_has_prefix (tokens[i], "level-"))
        level = (guint)g_ascii_strtoull (tokens[i] + strlen ("level-"), NULL, 10);
      else if (strcmp (tokens[i], "run-in") == 0)
        *run_in = TRUE;
    }

  return CLAMP (level, 1, HUI_MAX_HEADING_LEVEL);
}

static void read_blocks (HuiReport *report, xmlNode *parent, guint depth);

static void
read_section (HuiReport *report,
              xmlNode   *section,
              guint      depth)
{
  g_autofree char *role = hui_xml_node_attribute (section, NULL, "role");
  g_autofree char *label = hui_xml_node_attribute (section, NULL, "label");
  g_autoptr(HuiBlock) notes = hui_block_new_paragraph (NULL);
  xmlNode *title_node = child (section, "title");
  g_autofree char *title = title_node ? hui_docbook_blocks_note_text (title_node, notes) : NULL;
  g_autofree char *run_in = NULL;
  g_autoptr(HuiBlock) block = NULL;
  gboolean has_run_in;
  guint level = level_from_role (role, depth, &has_run_in);
  xmlNode *first_para = child (section, "para");

  if (has_run_in && first_para != NULL)
    {
      run_in = hui_docbook_blocks_note_text (first_para, notes);
      xmlUnlinkNode (first_para);
      xmlFreeNode (first_para);
    }

  block = hui_block_new_heading (level, label, title, run_in);
  hui_block_copy_notes (block, notes);
  hui_report_append_block (report, block);
  read_blocks (report, section, depth + 1);
}

static void
read_paragraph (HuiReport *report,
                xmlNode   *para)
{
  g_autoptr(HuiBlock) block = hui_block_new_paragraph (NULL);
  g_autofree char *text = hui_docbook_blocks_note_text (para, block);

  if (*text == '\0' && hui_block_get_n_notes (block) == 0)
    return;
  hui_block_set_text (block, text);
  hui_report_append_block (report, block);
}

static void
read_blocks (HuiReport *report,
             xmlNode   *parent,
             guint      depth)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is_db (c, "para"))
        read_paragraph (report, c);
      else if (is_db (c, "section"))
        read_section (report, c, depth);
      else if (is_db (c, "table") || is_db (c, "informaltable"))
        {
          g_autoptr(HuiBlock) block = hui_docbook_blocks_table (c);
          hui_report_append_block (report, block);
        }
      else if (is_db (c, "mediaobject"))
        hui_docbook_blocks_add_image (report, c);
    }
}

static HuiReport *
read_article (xmlNode *article)
{
  HuiReport *report = hui_report_new ();
  xmlNode *info = child (article, "info");

  if (info != NULL)
    read_report_info (report, info);
  read_blocks (report, article, 1);

  return report;
}

static gboolean
number_of (xmlNode    *node,
           const char *name,
           double      min,
           double      max,
           double     *value)
{
  g_autofree char *text = hui_xml_node_attribute (node, NULL, name);
  char *end = NULL;
  double v;

  if (text == NULL)
    return TRUE;  /* keep the default */

  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(v >= min && v <= max))
    return FALSE;

  *value = v;
  return TRUE;
}

static gboolean
read_fonts (xmlNode      *node,
            HuiPageSetup *setup)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *role_name = NULL;
      g_autofree char *family = NULL;
      HuiFontRole role;

      if (!is_hb (c, "font"))
        continue;
      role_name = hui_xml_node_attribute (c, NULL, "role");
      family = hui_xml_node_attribute (c, NULL, "family");
      if (!hui_font_role_from_string (role_name, &role) || family == NULL || *family == '\0' ||
          !number_of (c, "size", 4, 96, &setup->fonts[role].size))
        return FALSE;
      g_free (setup->fonts[role].family);
      setup->fonts[role].family = g_steal_pointer (&family);
    }

  return TRUE;
}

/* Every length and count is checked: a project file is input like any
 * other, and a page 0 mm wide must not reach the paginator. */
static gboolean
read_page_setup (HuiBulletin  *bulletin,
                 xmlNode      *project,
                 GError      **error)
{
  for (xmlNode *node = project->children; node != NULL; node = node->next)
    {
      g_autofree char *preset = NULL;
      g_autofree char *new_page = NULL;
      g_autofree char *front_page = NULL;
      g_autofree char *toc = NULL;
      g_autoptr(HuiPageSetup) setup = NULL;
      double lines, chars;
      gboolean ok;

      if (!is_hb (node, "page-setup"))
        continue;

      preset = hui_xml_node_attribute (node, NULL, "preset");
      setup = hui_page_setup_new_preset (preset);
      if (setup == NULL)
        setup = hui_page_setup_new_preset (NULL);
      lines = setup->lines_per_page;
      chars = setup->chars_per_line;
      new_page = hui_xml_node_attribute (node, NULL, "new-page-per-report");
      front_page = hui_xml_node_attribute (node, NULL, "front-page");
      toc = hui_xml_node_attribute (node, NULL, "table-of-contents");

      ok = number_of (node, "paper-width", 50, 1000, &setup->paper_width) &&
           number_of (node, "paper-height", 50, 1000, &setup->paper_height) &&
           number_of (node, "margin-top", 0, 200, &setup->margin_top) &&
           number_of (node, "margin-bottom", 0, 200, &setup->margin_bottom) &&
           number_of (node, "margin-left", 0, 200, &setup->margin_left) &&
           number_of (node, "margin-right", 0, 200, &setup->margin_right) &&
           number_of (node, "lines-per-page", 5, 80, &lines) &&
           number_of (node, "chars-per-line", 5, 80, &chars) &&
           number_of (node, "indent-chars", 0, 10, &setup->indent_chars) &&
           number_of (node, "page-number-gap", 0, 50, &setup->page_number_gap) &&
           setup->paper_width - setup->margin_left - setup->margin_right >= 20 &&
           setup->paper_height - setup->margin_top - setup->margin_bottom >= 20 &&
           read_fonts (node, setup);
      if (!ok)
        {
          g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_CORRUPT,
                       _("its page setup is invalid"));
          return FALSE;
        }

      setup->lines_per_page = (guint)lines;
      setup->chars_per_line = (guint)chars;
      setup->new_page_per_report = g_strcmp0 (new_page, "false") != 0;
      setup->front_page = g_strcmp0 (front_page, "false") != 0;
      {
        g_autofree char *format = hui_xml_node_attribute (node, NULL, "page-number-format");

        if (format != NULL)
          {
            g_free (setup->page_number_format);
            setup->page_number_format = g_steal_pointer (&format);
          }
      }
      setup->table_of_contents = g_strcmp0 (toc, "false") != 0;
      hui_bulletin_set_page_setup (bulletin, setup);
    }

  return TRUE;
}

static gboolean
read_project_data (HuiBulletin  *bulletin,
                   xmlNode      *info,
                   GError      **error)
{
  for (xmlNode *c = info ? info->children : NULL; c != NULL; c = c->next)
    if (is_hb (c, "project"))
      {
        g_autofree char *format = hui_xml_node_attribute (c, NULL, "format");
        guint64 version = 0;

        if (format == NULL)
          break;
        /* Only a whole number from 1 up: "1.9" is not format 1, and "-1"
         * is not a format from the future. */
        if (!g_ascii_string_to_unsigned (format, 10, 1, G_MAXUINT64, &version, NULL))
          {
            g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_CORRUPT,
                         _("its project format version “%s” is not valid (a whole number such as %d)"),
                         format, HUI_PROJECT_FORMAT);
            return FALSE;
          }
        if (version > HUI_PROJECT_FORMAT)
          {
            g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_NEWER_FORMAT,
                         _("it was saved by a newer version of Huibian (project format %s; this version reads format %d)"),
                         format, HUI_PROJECT_FORMAT);
            return FALSE;
          }
        read_warnings (c, (gpointer)hui_bulletin_add_warning, bulletin);
        return read_page_setup (bulletin, c, error);
      }

  g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_NOT_A_PROJECT,
               _("it is not a Huibian project (no project data in its <info>)"));
  return FALSE;
}

static void
read_closing (HuiBulletin *bulletin,
              xmlNode     *colophon)
{
  g_autoptr(GString) closing = g_string_new (NULL);

  for (xmlNode *c = colophon->children; c != NULL; c = c->next)
    if (is_db (c, "para"))
      {
        g_autofree char *line = hui_docbook_blocks_text (c);

        if (closing->len > 0)
          g_string_append_c (closing, '\n');
        g_string_append (closing, line);
      }

  hui_bulletin_set_closing (bulletin, closing->str);
}

static HuiBulletin *
read_book (xmlNode  *book,
           GError  **error)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  xmlNode *info = child (book, "info");
  xmlNode *publisher = info ? child (info, "publisher") : NULL;

  if (!read_project_data (bulletin, info, error))
    return NULL;

  SET_FROM (hui_bulletin_set_title, bulletin, child_text (info, "title"));
  SET_FROM (hui_bulletin_set_issue, bulletin, child_text (info, "issuenum"));
  SET_FROM (hui_bulletin_set_date, bulletin, child_text (info, "pubdate"));
  if (publisher != NULL)
    SET_FROM (hui_bulletin_set_unit, bulletin, child_text (publisher, "publishername"));

  for (xmlNode *c = book->children; c != NULL; c = c->next)
    if (is_db (c, "article"))
      {
        g_autoptr(HuiReport) report = read_article (c);

        hui_bulletin_append_report (bulletin, report);
      }
    else if (is_db (c, "colophon"))
      read_closing (bulletin, c);

  return g_steal_pointer (&bulletin);
}

/* A project that cannot be parsed is damaged, too large or unsafe. */
static HuiProjectError
project_error_of (const GError *error)
{
  if (g_error_matches (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_TOO_LARGE))
    return HUI_PROJECT_ERROR_TOO_LARGE;
  if (g_error_matches (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_UNSAFE))
    return HUI_PROJECT_ERROR_UNSAFE;
  return HUI_PROJECT_ERROR_CORRUPT;
}

HuiBulletin *
hui_docbook_reader_read (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = hui_xml_parse (bytes, &local_error);
  if (doc == NULL)
    {
      g_set_error_literal (error, HUI_PROJECT_ERROR, project_error_of (local_error), local_error->message);
      return NULL;
    }
  return hui_docbook_reader_read_doc (doc, error);
}

/* The bulletin of a project already parsed (an import reads a file once
 * to tell what it is, then reads it as that). */
HuiBulletin *
hui_docbook_reader_read_doc (xmlDoc  *doc,
                             GError **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  /* Huibian never writes one, and a project is refused any: a bare
   * <!DOCTYPE book> or one with an internal subset (where entities are
   * declared) says the file was made or changed by something else. */
  if (doc->intSubset != NULL)
    {
      g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_UNSAFE,
                   _("it has a document type declaration (<!DOCTYPE>), which a project never has; "
                     "it is refused for safety"));
      return NULL;
    }
  if (!is_db (root, "book"))
    {
      g_set_error (error, HUI_PROJECT_ERROR, HUI_PROJECT_ERROR_NOT_A_PROJECT,
                   _("it is not a Huibian project (its root element is not a DocBook <book>)"));
      return NULL;
    }

  return read_book (root, error);
}

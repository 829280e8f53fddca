/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-docbook-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "hb-docbook-reader.h"
#include "hb-docbook-writer.h"
#include "hb-project.h"

/* Reads what hb-docbook-writer.c writes. The XML is parsed from memory
 * with no network access, no DTD loading and no entity substitution, and
 * a document type declaration is refused outright: a project file has no
 * use for one, and entities are how XML files attack their readers. */

#define X(s) ((const xmlChar *)(s))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && strcmp ((const char *)node->ns->href, ns) == 0 &&
         strcmp ((const char *)node->name, name) == 0;
}

static gboolean
is_db (xmlNode    *node,
       const char *name)
{
  return is_element (node, HB_DOCBOOK_NS, name);
}

static gboolean
is_hb (xmlNode    *node,
       const char *name)
{
  return is_element (node, HB_PROJECT_NS, name);
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

static char *
attribute_of (xmlNode    *node,
              const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, X (name));
  char *text = g_strdup ((const char *)value);

  xmlFree (value);
  return text;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_db (c, name))
      return c;

  return NULL;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *c = child (node, name);

  return c != NULL ? text_of (c) : NULL;
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
        g_autofree char *text = text_of (c);

        add (object, "%s", text);
      }
}

static void
read_report_info (HbReport *report,
                  xmlNode  *info)
{
  xmlNode *author = child (info, "author");

  SET_FROM (hb_report_set_title, report, child_text (info, "title"));
  SET_FROM (hb_report_set_subtitle, report, child_text (info, "subtitle"));
  SET_FROM (hb_report_set_date, report, child_text (info, "pubdate"));
  if (author != NULL)
    SET_FROM (hb_report_set_organization, report, child_text (author, "orgname"));

  for (xmlNode *c = info->children; c != NULL; c = c->next)
    if (is_hb (c, "report"))
      {
        g_autofree char *page = attribute_of (c, "source-page");

        SET_FROM (hb_report_set_source, report, attribute_of (c, "source"));
        hb_report_set_source_page (report, page ? (guint)g_ascii_strtoull (page, NULL, 10) : 0);
        read_warnings (c, (gpointer)hb_report_add_warning, report);
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

  return CLAMP (level, 1, HB_MAX_HEADING_LEVEL);
}

static void read_blocks (HbReport *report, xmlNode *parent, guint depth);

static void
read_section (HbReport *report,
              xmlNode  *section,
              guint     depth)
{
  g_autofree char *role = attribute_of (section, "role");
  g_autofree char *label = attribute_of (section, "label");
  g_autofree char *title = child_text (section, "title");
  g_autofree char *run_in = NULL;
  g_autoptr(HbBlock) block = NULL;
  gboolean has_run_in;
  guint level = level_from_role (role, depth, &has_run_in);
  xmlNode *first_para = child (section, "para");

  if (has_run_in && first_para != NULL)
    {
      run_in = text_of (first_para);
      xmlUnlinkNode (first_para);
      xmlFreeNode (first_para);
    }

  block = hb_block_new_heading (level, label, title, run_in);
  hb_report_append_block (report, block);
  read_blocks (report, section, depth + 1);
}

static void
read_blocks (HbReport *report,
             xmlNode  *parent,
             guint     depth)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is_db (c, "para"))
        {
          g_autofree char *text = text_of (c);

          if (*text != '\0')
            {
              g_autoptr(HbBlock) block = hb_block_new_paragraph (text);

              hb_report_append_block (report, block);
            }
        }
      else if (is_db (c, "section"))
        read_section (report, c, depth);
    }
}

static HbReport *
read_article (xmlNode *article)
{
  HbReport *report = hb_report_new ();
  xmlNode *info = child (article, "info");

  if (info != NULL)
    read_report_info (report, info);
  read_blocks (report, article, 1);

  return report;
}

static gboolean
read_project_data (HbBulletin  *bulletin,
                   xmlNode     *info,
                   GError     **error)
{
  for (xmlNode *c = info ? info->children : NULL; c != NULL; c = c->next)
    if (is_hb (c, "project"))
      {
        g_autofree char *format = attribute_of (c, "format");
        guint64 version = format ? g_ascii_strtoull (format, NULL, 10) : 0;

        if (version == 0)
          break;
        if (version > HB_PROJECT_FORMAT)
          {
            g_set_error (error, HB_PROJECT_ERROR, HB_PROJECT_ERROR_NEWER_FORMAT,
                         _("it was saved by a newer version of Huibian (project format %s; this version reads format %d)"),
                         format, HB_PROJECT_FORMAT);
            return FALSE;
          }
        read_warnings (c, (gpointer)hb_bulletin_add_warning, bulletin);
        return TRUE;
      }

  g_set_error (error, HB_PROJECT_ERROR, HB_PROJECT_ERROR_NOT_A_PROJECT,
               _("it is not a Huibian project (no project data in its <info>)"));
  return FALSE;
}

static HbBulletin *
read_book (xmlNode  *book,
           GError  **error)
{
  g_autoptr(HbBulletin) bulletin = hb_bulletin_new ();
  xmlNode *info = child (book, "info");
  xmlNode *publisher = info ? child (info, "publisher") : NULL;

  if (!read_project_data (bulletin, info, error))
    return NULL;

  SET_FROM (hb_bulletin_set_title, bulletin, child_text (info, "title"));
  SET_FROM (hb_bulletin_set_issue, bulletin, child_text (info, "issuenum"));
  SET_FROM (hb_bulletin_set_date, bulletin, child_text (info, "pubdate"));
  if (publisher != NULL)
    SET_FROM (hb_bulletin_set_unit, bulletin, child_text (publisher, "publishername"));

  for (xmlNode *c = book->children; c != NULL; c = c->next)
    if (is_db (c, "article"))
      {
        g_autoptr(HbReport) report = read_article (c);

        hb_bulletin_append_report (bulletin, report);
      }

  return g_steal_pointer (&bulletin);
}

static xmlDoc *
parse_safely (GBytes  *bytes,
              GError **error)
{
  g_autoptr(xmlParserCtxt) ctxt = xmlNewParserCtxt ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc;

  if (len > G_MAXINT)
    {
      g_set_error (error, HB_PROJECT_ERROR, HB_PROJECT_ERROR_TOO_LARGE, _("the file is too large"));
      return NULL;
    }

  doc = xmlCtxtReadMemory (ctxt, data, (int)len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (e && e->message ? e->message : "unknown error");

      g_strchomp (message);
      g_set_error (error, HB_PROJECT_ERROR, HB_PROJECT_ERROR_CORRUPT,
                   _("it is damaged or incomplete (XML error on line %d: %s)"),
                   e ? e->line : 0, message);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, HB_PROJECT_ERROR, HB_PROJECT_ERROR_UNSAFE,
                   _("it contains a document type declaration, which project files never have"));
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

HbBulletin *
hb_docbook_read (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = parse_safely (bytes, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!is_db (root, "book"))
    {
      g_set_error (error, HB_PROJECT_ERROR, HB_PROJECT_ERROR_NOT_A_PROJECT,
                   _("it is not a Huibian project (its root element is not a DocBook <book>)"));
      return NULL;
    }

  return read_book (root, error);
}

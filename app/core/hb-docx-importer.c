/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-docx-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hb-docbook-reader.h"
#include "hb-docx-importer.h"
#include "hb-import.h"
#include "hb-text-importer.h"

/* Reads a Word document (.docx) as one report. Each paragraph becomes a
 * line for the text recogniser, with what Word knows added: the heading
 * level of its style ("Heading 2", "标题 2", an outline level) and the
 * number label Word's automatic numbering shows ("一、", "（一）"), which
 * is not in the text. Tracked changes are read as accepted; fields,
 * comments and content controls give their visible text. Tables, images
 * and notes, which the model does not hold yet, are counted in the
 * report's warnings. */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

typedef struct {
  char  *format;       /* "decimal", "chineseCounting", … */
  char  *text;         /* "%1、" */
} Level;

typedef struct {
  GPtrArray  *lines;
  GHashTable *style_levels;   /* style id → heading level */
  GHashTable *numbering;      /* numId → Level[9] */
  GHashTable *counters;       /* numId → guint[9] */
  guint tables, images, notes;
} Docx;

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *)node->ns->href, NS_W) == 0 && strcmp ((const char *)node->name, name) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (is (c, name))
      return c;
  return NULL;
}

static char *
val (xmlNode *node)
{
  xmlChar *v = node ? xmlGetNsProp (node, (const xmlChar *)"val", (const xmlChar *)NS_W) : NULL;
  char *s = g_strdup ((const char *)v);

  xmlFree (v);
  return s;
}

static guint
int_val (xmlNode *node,
         guint    fallback)
{
  g_autofree char *v = val (node);

  return v ? (guint)g_ascii_strtoull (v, NULL, 10) : fallback;
}

/* "heading 2", "Heading2", "标题 2" → 2. */
static guint
level_from_style_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *digits = NULL;

  if (g_str_has_prefix (lower, "heading"))
    digits = lower + strlen ("heading");
  else if (g_str_has_prefix (name, "标题"))
    digits = name + strlen ("标题");
  if (digits == NULL)
    return 0;
  while (*digits == ' ')
    digits++;
  return g_ascii_isdigit (*digits) ? (guint)g_ascii_strtoull (digits, NULL, 10) : 0;
}

static xmlDoc *
parse_member (HbZipReader  *zip,
              const char   *name,
              gboolean      required,
              GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!required && !hb_zip_reader_has (zip, name))
    return NULL;
  bytes = hb_zip_reader_read (zip, name, error);
  return bytes ? hb_docbook_parse (bytes, error) : NULL;
}

static void
read_styles (Docx    *docx,
             xmlDoc  *doc)
{
  for (xmlNode *s = doc ? xmlDocGetRootElement (doc)->children : NULL; s != NULL; s = s->next)
    {
      xmlChar *id;
      g_autofree char *name = NULL;
      xmlNode *ppr;
      guint level;

      if (!is (s, "style"))
        continue;
      id = xmlGetNsProp (s, (const xmlChar *)"styleId", (const xmlChar *)NS_W);
      name = val (child (s, "name"));
      ppr = child (s, "pPr");
      level = name ? level_from_style_name (name) : 0;
      if (level == 0 && child (ppr, "outlineLvl") != NULL)
        level = int_val (child (ppr, "outlineLvl"), 9) + 1;
      if (id != NULL && level >= 1 && level <= HB_MAX_HEADING_LEVEL)
        g_hash_table_insert (docx->style_levels, g_strdup ((const char *)id), GUINT_TO_POINTER (level));
      xmlFree (id);
    }
}

static void
levels_free (Level *levels)
{
  for (guint i = 0; i < 9; i++)
    {
      g_free (levels[i].format);
      g_free (levels[i].text);
    }
  g_free (levels);
}

/* numId → the levels of its abstract numbering. */
static void
read_numbering (Docx   *docx,
                xmlDoc *doc)
{
  g_autoptr(GHashTable) abstract = g_hash_table_new (g_str_hash, g_str_equal);
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *a = root ? root->children : NULL; a != NULL; a = a->next)
    if (is (a, "abstractNum"))
      {
        xmlChar *id = xmlGetNsProp (a, (const xmlChar *)"abstractNumId", (const xmlChar *)NS_W);

        if (id != NULL)
          g_hash_table_insert (abstract, g_strdup ((const char *)id), a);
        xmlFree (id);
      }

  for (xmlNode *n = root ? root->children : NULL; n != NULL; n = n->next)
    {
      xmlChar *num_id;
      g_autofree char *abstract_id = NULL;
      xmlNode *a;
      Level *levels;

      if (!is (n, "num"))
        continue;
      num_id = xmlGetNsProp (n, (const xmlChar *)"numId", (const xmlChar *)NS_W);
      abstract_id = val (child (n, "abstractNumId"));
      a = abstract_id ? g_hash_table_lookup (abstract, abstract_id) : NULL;
      if (num_id == NULL || a == NULL)
        {
          xmlFree (num_id);
          continue;
        }

      levels = g_new0 (Level, 9);
      for (xmlNode *l = a->children; l != NULL; l = l->next)
        if (is (l, "lvl"))
          {
            xmlChar *ilvl = xmlGetNsProp (l, (const xmlChar *)"ilvl", (const xmlChar *)NS_W);
            guint i = ilvl ? (guint)g_ascii_strtoull ((const char *)ilvl, NULL, 10) : 0;

            xmlFree (ilvl);
            if (i >= 9)
              continue;
            levels[i].format = val (child (l, "numFmt"));
            levels[i].text = val (child (l, "lvlText"));
          }
      g_hash_table_insert (docx->numbering, g_strdup ((const char *)num_id), levels);
      g_hash_table_insert (docx->counters, g_strdup ((const char *)num_id), g_new0 (guint, 9));
      xmlFree (num_id);
    }
}

static char *
format_number (const char *format,
               guint       n)
{
  static const char *digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (format != NULL && (g_str_has_prefix (format, "chinese") || g_str_has_prefix (format, "ideograph")) && n < 100)
    {
      if (n < 10)
        return g_strdup (digits[n]);
      return g_strconcat (n >= 20 ? digits[n / 10] : "", "十", n % 10 ? digits[n % 10] : "", NULL);
    }

  return g_strdup_printf ("%u", n);
}

/* The label Word's numbering shows for this paragraph: "%1、" with the
 * counter of level 1 in its format; counters below restart. */
static char *
numbering_label (Docx    *docx,
                 xmlNode *num_pr)
{
  g_autofree char *num_id = val (child (num_pr, "numId"));
  guint ilvl = MIN (int_val (child (num_pr, "ilvl"), 0), 8);
  Level *levels = num_id ? g_hash_table_lookup (docx->numbering, num_id) : NULL;
  guint *counters = num_id ? g_hash_table_lookup (docx->counters, num_id) : NULL;
  g_autoptr(GString) label = NULL;

  if (levels == NULL || levels[ilvl].text == NULL)
    return NULL;

  counters[ilvl]++;
  for (guint deeper = ilvl + 1; deeper < 9; deeper++)
    counters[deeper] = 0;

  label = g_string_new (levels[ilvl].text);
  for (guint i = 0; i <= ilvl; i++)
    {
      g_autofree char *placeholder = g_strdup_printf ("%%%u", i + 1);
      g_autofree char *number = format_number (levels[i].format, MAX (counters[i], 1));

      g_string_replace (label, placeholder, number, 0);
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* The visible text: runs, inserted text, field results, content controls;
 * not deleted text, field codes or comments. */
static void
run_text (Docx    *docx,
          xmlNode *node,
          GString *out)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is (c, "t"))
        {
          xmlChar *t = xmlNodeGetContent (c);
          g_string_append (out, (const char *)t);
          xmlFree (t);
        }
      else if (is (c, "tab") || is (c, "br") || is (c, "cr"))
        g_string_append_c (out, ' ');
      else if (is (c, "del") || is (c, "delText") || is (c, "instrText") || is (c, "pPr") || is (c, "rPr"))
        continue;
      else if (is (c, "footnoteReference") || is (c, "endnoteReference"))
        docx->notes++;
      else if (is (c, "drawing") || is (c, "pict") || is (c, "object"))
        docx->images++;
      else if (c->type == XML_ELEMENT_NODE)
        run_text (docx, c, out);
    }
}

static void
read_paragraph (Docx    *docx,
                xmlNode *p)
{
  xmlNode *ppr = child (p, "pPr");
  g_autofree char *style = val (child (ppr, "pStyle"));
  guint level = style ? GPOINTER_TO_UINT (g_hash_table_lookup (docx->style_levels, style)) : 0;
  g_autofree char *label = child (ppr, "numPr") ? numbering_label (docx, child (ppr, "numPr")) : NULL;
  g_autoptr(GString) text = g_string_new (label);

  if (child (ppr, "outlineLvl") != NULL && int_val (child (ppr, "outlineLvl"), 9) < HB_MAX_HEADING_LEVEL)
    level = int_val (child (ppr, "outlineLvl"), 9) + 1;

  run_text (docx, p, text);
  hb_text_lines_append (docx->lines, text->str, level);
}

static void
read_body (Docx    *docx,
           xmlNode *parent)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (is (c, "p"))
        read_paragraph (docx, c);
      else if (is (c, "tbl"))
        docx->tables++;
      else if (is (c, "sdt") || is (c, "sdtContent") || is (c, "ins") || is (c, "customXml"))
        read_body (docx, c);
    }
}

gboolean
hb_docx_importer_import (HbBulletin   *bulletin,
                         HbZipReader  *zip,
                         const char   *source,
                         GError      **error)
{
  g_autoptr(xmlDoc) document = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) numbering = NULL;
  g_autoptr(GPtrArray) lines = hb_text_lines_new ("");
  g_autoptr(GHashTable) style_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)levels_free);
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(HbReport) report = NULL;
  Docx docx = { lines, style_levels, numbers, counters };
  xmlNode *body;

  document = parse_member (zip, "word/document.xml", TRUE, error);
  if (document == NULL)
    return FALSE;
  styles = parse_member (zip, "word/styles.xml", FALSE, NULL);
  numbering = parse_member (zip, "word/numbering.xml", FALSE, NULL);
  read_styles (&docx, styles);
  read_numbering (&docx, numbering);

  body = child (xmlDocGetRootElement (document), "body");
  if (body != NULL)
    read_body (&docx, body);
  if (lines->len == 0)
    {
      g_set_error (error, HB_IMPORT_ERROR, HB_IMPORT_ERROR_EMPTY, _("it contains no text"));
      return FALSE;
    }

  report = hb_text_importer_build_report (lines, 0, lines->len, 0, source, NULL);
  hb_text_importer_add_left_out (report, docx.tables, docx.images, docx.notes);
  hb_bulletin_append_report (bulletin, report);
  return TRUE;
}

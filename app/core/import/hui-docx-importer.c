/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-docx-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-docx-importer.h"
#include "hui-import-types.h"
#include "hui-text-importer.h"
#include "support/hui-image.h"
#include "support/hui-util.h"
#include "support/hui-xml-node.h"
#include "support/hui-xml-parse.h"
#include "text/hui-text-rules.h"

/* Reads a Word document (.docx) as one report. Each paragraph becomes a
 * line for the text recogniser, with what Word knows added: the heading
 * level of its style ("Heading 2", "标题 2", an outline level) and the
 * number label Word's automatic numbering shows ("一、", "（一）"), which
 * is not in the text. Tracked changes are read as accepted; fields,
 * comments and content controls give their visible text. Tables become
 * table blocks (cells as text), footnotes and endnotes notes of their
 * paragraph, and pictures image blocks with the bytes of their package
 * member. Relationships are only followed inside the package. */

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_V   "urn:schemas-microsoft-com:vml"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"

#define EMU_PER_POINT 12700.0

typedef struct {
  char  *format;       /* "decimal", "chineseCounting", … */
  char  *text;         /* "%1、" */
} Level;

typedef struct {
  GPtrArray    *lines;
  GHashTable   *style_levels; /* style id → heading level */
  GHashTable   *numbering;    /* numId → Level[9] */
  GHashTable   *counters;     /* numId → guint[9] */
  HuiZipReader *zip;
  GHashTable   *targets;      /* relationship id → package member */
  GHashTable   *footnotes;    /* note id → text */
  GHashTable   *endnotes;
  GPtrArray    *warnings;
  GPtrArray    *images;       /* blocks to follow the paragraph being read:
                               * images, a text box's paragraphs */
} Docx;

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return hui_xml_node_is_element (node, NS_W, name);
}

static xmlNode *
find_in (xmlNode    *node,
         const char *ns,
         const char *name)
{
  if (hui_xml_node_is_element (node, ns, name))
    return node;
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    {
      xmlNode *found = find_in (c, ns, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  return hui_xml_node_child (node, NS_W, name);
}

static char *
val (xmlNode *node)
{
  return hui_xml_node_attribute (node, NS_W, "val");
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
parse_member (HuiZipReader  *zip,
              const char    *name,
              gboolean       required,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!required && !hui_zip_reader_has (zip, name))
    return NULL;
  bytes = hui_zip_reader_read (zip, name, error);
  return bytes ? hui_xml_parse (bytes, error) : NULL;
}

static void
read_styles (Docx   *docx,
             xmlDoc *doc)
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
      if (id != NULL && level >= 1 && level <= HUI_MAX_HEADING_LEVEL)
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

static void run_text (Docx *docx, xmlNode *node, GString *out, HuiBlock *notes);

/* w:altChunk imports a part in another format (HTML, MHT, RTF, another
 * document) where it stands; Word converts it when it opens the file.
 * Huibian does not, and says so rather than lose it silently. */
static void
skip_alt_chunk (Docx    *docx,
                xmlNode *chunk)
{
  g_autofree char *id = hui_xml_node_attribute (chunk, NS_R, "id");
  const char *member = id ? g_hash_table_lookup (docx->targets, id) : NULL;

  g_ptr_array_add (docx->warnings,
                   g_strdup_printf (_("The content of a part in another format (“%s”, HTML or the like) was left out; "
                                      "in Word, copy it into the document itself and save again"),
                                    member ? member : (id ? id : "?")));
}

/* The text of a note's paragraphs, or of a table cell's, one line each;
 * a note inside them is put in brackets. */
static char *
paragraphs_text (Docx    *docx,
                 xmlNode *parent)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (is (c, "p"))
      {
        g_autoptr(GString) text = g_string_new (NULL);
        g_autofree char *normalized = NULL;
        g_autofree char *line = NULL;

        run_text (docx, c, text, NULL);
        normalized = hui_text_rules_normalize_line (text->str, NULL, NULL);
        line = hui_text_rules_remove_space_between_han (normalized);
        if (*line == '\0')
          continue;
        if (out->len > 0)
          g_string_append_c (out, '\n');
        g_string_append (out, line);
      }
    else if (is (c, "altChunk"))
      skip_alt_chunk (docx, c);
    else if (is (c, "sdt") || is (c, "sdtContent") || is (c, "ins") || is (c, "customXml"))
      {
        g_autofree char *inner = paragraphs_text (docx, c);

        if (*inner != '\0')
          g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", inner);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* footnotes.xml or endnotes.xml: note id → its text; the separators Word
 * keeps there are not notes. */
static GHashTable *
read_notes (Docx       *docx,
            xmlDoc     *doc,
            const char *element)
{
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *n = doc ? xmlDocGetRootElement (doc)->children : NULL; n != NULL; n = n->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *type = NULL;

      if (!is (n, element))
        continue;
      id = hui_xml_node_attribute (n, NS_W, "id");
      type = hui_xml_node_attribute (n, NS_W, "type");
      if (id != NULL && (type == NULL || strcmp (type, "normal") == 0))
        g_hash_table_replace (notes, g_steal_pointer (&id), paragraphs_text (docx, n));
    }
  return notes;
}

static void
add_note (Docx        *docx,
          xmlNode     *reference,
          HuiNoteKind  kind,
          GString     *out,
          HuiBlock    *notes)
{
  g_autofree char *id = hui_xml_node_attribute (reference, NS_W, "id");
  const char *text = id ? g_hash_table_lookup (kind == HUI_NOTE_ENDNOTE ? docx->endnotes : docx->footnotes, id) : NULL;

  if (text == NULL)
    {
      g_ptr_array_add (docx->warnings, g_strdup_printf (_("A note referenced in the text is missing from the document (id %s)"),
                                                        id ? id : "?"));
      return;
    }
  if (notes == NULL)
    {
      /* A note inside a note or a table cell: its text goes in brackets. */
      g_string_append_printf (out, "（%s）", text);
      return;
    }
  g_string_append (out, HUI_NOTE_MARK);
  hui_block_add_note (notes, kind, text);
}

/* document.xml.rels: relationship id → the member it points at; external
 * targets and targets outside the package are left out. */
static GHashTable *
read_relationships (xmlDoc *doc)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *r = doc ? xmlDocGetRootElement (doc)->children : NULL; r != NULL; r = r->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      char *path;

      if (!hui_xml_node_is_element (r, NS_REL, "Relationship"))
        continue;
      id = hui_xml_node_attribute (r, NULL, "Id");
      target = hui_xml_node_attribute (r, NULL, "Target");
      mode = hui_xml_node_attribute (r, NULL, "TargetMode");
      if (id == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      path = hui_util_package_path ("word/document.xml", target);
      if (path != NULL)
        g_hash_table_replace (targets, g_steal_pointer (&id), path);
    }
  return targets;
}

/* The description Word keeps for a picture (alt text), else its name. */
static char *
picture_description (xmlNode *drawing)
{
  xmlNode *doc_pr = find_in (drawing, NS_WP, "docPr");
  g_autofree char *descr = hui_xml_node_attribute (doc_pr, NULL, "descr");
  g_autofree char *title = hui_xml_node_attribute (doc_pr, NULL, "title");

  if (descr != NULL && *descr != '\0')
    return g_steal_pointer (&descr);
  return g_strdup (title ? title : "");
}

static double
emu_attribute (xmlNode    *node,
               const char *name)
{
  g_autofree char *value = hui_xml_node_attribute (node, NULL, name);
  double emu = value ? g_ascii_strtod (value, NULL) : 0;

  return emu > 0 && emu < 1e11 ? emu / EMU_PER_POINT : 0;
}

/* A picture (DrawingML, or the VML of older files) as an image block
 * after its paragraph. */
static void
add_picture (Docx    *docx,
             xmlNode *drawing)
{
  xmlNode *blip = find_in (drawing, NS_A, "blip");
  xmlNode *vml = find_in (drawing, NS_V, "imagedata");
  xmlNode *extent = find_in (drawing, NS_WP, "extent");
  g_autofree char *id = blip ? hui_xml_node_attribute (blip, NS_R, "embed") : hui_xml_node_attribute (vml, NS_R, "id");
  const char *member = id ? g_hash_table_lookup (docx->targets, id) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  xmlNode *text_box = find_in (drawing, NS_W, "txbxContent");
  const char *type;
  HuiBlock *block;

  /* A text box: its paragraphs follow as paragraphs. */
  if (text_box != NULL && blip == NULL && vml == NULL)
    {
      g_autofree char *text = paragraphs_text (docx, text_box);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; *text != '\0' && lines[i] != NULL; i++)
        g_ptr_array_add (docx->images, hui_block_new_paragraph (lines[i]));
      return;
    }
  if (member == NULL || !hui_zip_reader_has (docx->zip, member))
    {
      g_ptr_array_add (docx->warnings, g_strdup (_("A picture was left out: it is linked, not embedded in the document")));
      return;
    }
  bytes = hui_zip_reader_read (docx->zip, member, &error);
  type = bytes ? hui_image_type (bytes, member) : NULL;
  if (type == NULL)
    {
      g_ptr_array_add (docx->warnings, g_strdup_printf (_("A picture was left out: “%s” is not an image Huibian can read (%s)"),
                                                        member, error ? error->message : _("unknown format")));
      return;
    }

  description = picture_description (drawing);
  block = hui_block_new_image (bytes, type, emu_attribute (extent, "cx"), emu_attribute (extent, "cy"), description);
  g_ptr_array_add (docx->images, block);
}

/* The visible text: runs, inserted text, field results, content controls;
 * not deleted text, field codes or comments. Note references become note
 * marks with the note added to @notes (or the note's text in brackets when
 * @notes is NULL); pictures are gathered to follow the paragraph. */
static void
run_text (Docx     *docx,
          xmlNode  *node,
          GString  *out,
          HuiBlock *notes)
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
      else if (is (c, "footnoteReference"))
        add_note (docx, c, HUI_NOTE_FOOTNOTE, out, notes);
      else if (is (c, "endnoteReference"))
        add_note (docx, c, HUI_NOTE_ENDNOTE, out, notes);
      else if (is (c, "drawing") || is (c, "pict"))
        add_picture (docx, c);
      else if (is (c, "object"))
        g_ptr_array_add (docx->warnings, g_strdup (_("An embedded object (OLE) was left out")));
      else if (c->type == XML_ELEMENT_NODE)
        run_text (docx, c, out, notes);
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
  g_autoptr(HuiBlock) notes = hui_block_new_paragraph (NULL);

  if (child (ppr, "outlineLvl") != NULL && int_val (child (ppr, "outlineLvl"), 9) < HUI_MAX_HEADING_LEVEL)
    level = int_val (child (ppr, "outlineLvl"), 9) + 1;

  run_text (docx, p, text, notes);
  hui_text_lines_append (docx->lines, text->str, level, notes);
  hui_text_lines_append_objects (docx->lines, docx->images);
}

/* The model has no merged cells: a cell spanning columns is followed by
 * empty ones, so that the columns after it stay under their headings (a
 * cell merged down is already an empty cell in the rows below). */
static void
add_empty_cells (GStrvBuilder *cells,
                 guint         n)
{
  for (guint i = 0; i < MIN (n, HUI_MAX_TABLE_SPAN); i++)
    g_strv_builder_add (cells, "");
}

/* A table as rows of cell text; a cell's paragraphs are its lines.
 * Pictures in cells follow the table. */
static void
read_table (Docx    *docx,
            xmlNode *tbl)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(HuiBlock) block = NULL;

  for (xmlNode *tr = tbl->children; tr != NULL; tr = tr->next)
    {
      g_autoptr(GStrvBuilder) cells = NULL;

      if (!is (tr, "tr"))
        continue;
      cells = g_strv_builder_new ();
      add_empty_cells (cells, int_val (child (child (tr, "trPr"), "gridBefore"), 0));
      for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
        if (is (tc, "tc"))
          {
            g_autofree char *text = paragraphs_text (docx, tc);

            g_strv_builder_add (cells, text);
            add_empty_cells (cells, int_val (child (child (tc, "tcPr"), "gridSpan"), 1) - 1);
          }
      g_ptr_array_add (rows, g_strv_builder_end (cells));
    }

  block = hui_block_new_table (rows);
  hui_text_lines_append_object (docx->lines, block);
  hui_text_lines_append_objects (docx->lines, docx->images);
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
        read_table (docx, c);
      else if (is (c, "altChunk"))
        skip_alt_chunk (docx, c);
      else if (is (c, "sdt") || is (c, "sdtContent") || is (c, "ins") || is (c, "customXml"))
        read_body (docx, c);
    }
}

gboolean
hui_docx_importer_import (HuiBulletin   *bulletin,
                          HuiZipReader  *zip,
                          const char    *source,
                          GError       **error)
{
  g_autoptr(xmlDoc) document = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) numbering = NULL;
  g_autoptr(xmlDoc) rels = NULL;
  g_autoptr(xmlDoc) footnotes = NULL;
  g_autoptr(xmlDoc) endnotes = NULL;
  g_autoptr(GPtrArray) lines = hui_text_lines_new ("");
  g_autoptr(GHashTable) style_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)levels_free);
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GHashTable) footnote_texts = NULL;
  g_autoptr(GHashTable) endnote_texts = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  Docx docx = { lines, style_levels, numbers, counters, zip, NULL, NULL, NULL, warnings, images };
  xmlNode *body;

  document = parse_member (zip, "word/document.xml", TRUE, error);
  if (document == NULL)
    return FALSE;
  styles = parse_member (zip, "word/styles.xml", FALSE, NULL);
  numbering = parse_member (zip, "word/numbering.xml", FALSE, NULL);
  rels = parse_member (zip, "word/_rels/document.xml.rels", FALSE, NULL);
  footnotes = parse_member (zip, "word/footnotes.xml", FALSE, NULL);
  endnotes = parse_member (zip, "word/endnotes.xml", FALSE, NULL);
  read_styles (&docx, styles);
  read_numbering (&docx, numbering);
  docx.targets = targets = read_relationships (rels);
  docx.footnotes = footnote_texts = read_notes (&docx, footnotes, "footnote");
  docx.endnotes = endnote_texts = read_notes (&docx, endnotes, "endnote");

  body = child (xmlDocGetRootElement (document), "body");
  if (body != NULL)
    read_body (&docx, body);
  return hui_text_importer_add_report (bulletin, lines, warnings, source, error);
}

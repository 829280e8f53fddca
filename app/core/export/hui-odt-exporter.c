/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-odt-exporter"

#include "config.h"

#include <math.h>
#include <string.h>
#include <zip.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hui-odt-exporter.h"
#include "layout/hui-typesetter.h"
#include "support/hui-xml-writer.h"

/* Writes an ODF 1.3 text document that LibreOffice lays out like the
 * paginator: the page uses the ODF text grid (layout-grid-*) with the
 * setup's lines per page, letter spacing fits chars_per_line characters
 * on a line, and the table of contents is filled with bookmark-ref page
 * fields whose current values are the paginator's page numbers — right
 * before anyone presses Update, and right in LibreOffice even if its line
 * breaks should differ. */

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG      "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_CONFIG   "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

/* The footer sits inside the bottom margin in ODF: gap + footer height
 * are taken off the margin so the type area keeps its height. */
#define FOOTER_HEIGHT_MM 8.0

typedef struct {
  HuiBulletin        *bulletin;
  HuiPagination      *pagination;
  const HuiPageSetup *setup;
  char               *families[HUI_N_FONTS];
  guint               notes;    /* written so far, for their ids */
  guint               tables;
  GPtrArray          *pictures; /* of HuiBlock, stored as Pictures/imageN */
} Odt;

static void
root_namespaces (HuiXmlWriter *w)
{
  hui_xml_writer_attribute (w, "xmlns:office", NS_OFFICE);
  hui_xml_writer_attribute (w, "xmlns:style", NS_STYLE);
  hui_xml_writer_attribute (w, "xmlns:text", NS_TEXT);
  hui_xml_writer_attribute (w, "xmlns:fo", NS_FO);
  hui_xml_writer_attribute (w, "xmlns:svg", NS_SVG);
  hui_xml_writer_attribute (w, "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  hui_xml_writer_attribute (w, "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0");
  hui_xml_writer_attribute (w, "xmlns:xlink", "http://www.w3.org/1999/xlink");
  hui_xml_writer_attribute (w, "office:version", "1.3");
}

static void
font_faces (Odt          *odt,
            HuiXmlWriter *w)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  hui_xml_writer_start (w, "office:font-face-decls");
  for (guint f = 0; f < HUI_N_FONTS; f++)
    if (g_hash_table_add (seen, odt->families[f]))
      {
        hui_xml_writer_start (w, "style:font-face");
        hui_xml_writer_attribute (w, "style:name", odt->families[f]);
        hui_xml_writer_attribute_printf (w, "svg:font-family", "'%s'", odt->families[f]);
        hui_xml_writer_end (w);
      }
  hui_xml_writer_end (w);
}

static void
text_properties (Odt          *odt,
                 HuiXmlWriter *w,
                 HuiFontRole   role)
{
  double size = odt->setup->fonts[role].size;

  hui_xml_writer_start (w, "style:text-properties");
  hui_xml_writer_attribute (w, "style:font-name", odt->families[role]);
  hui_xml_writer_attribute (w, "style:font-name-asian", odt->families[role]);
  hui_xml_writer_attribute_printf (w, "fo:font-size", "%gpt", size);
  hui_xml_writer_attribute_printf (w, "style:font-size-asian", "%gpt", size);
  hui_xml_writer_attribute (w, "fo:language", "zh");
  hui_xml_writer_attribute (w, "fo:country", "CN");
  hui_xml_writer_attribute (w, "style:language-asian", "zh");
  hui_xml_writer_attribute (w, "style:country-asian", "CN");
  if (size == odt->setup->fonts[HUI_FONT_BODY].size)
    hui_xml_writer_attribute_printf (w, "fo:letter-spacing", "%.2fpt", hui_page_setup_letter_spacing (odt->setup, size));
  if (role == HUI_FONT_MASTHEAD)
    hui_xml_writer_attribute (w, "fo:color", "#d90000");
  hui_xml_writer_end (w);
}

typedef struct {
  const char  *name;
  HuiFontRole  role;
  const char  *align;
  gboolean     indent;
  gboolean     keep_with_next;
  gboolean     page_break;
} ParagraphStyle;

static const ParagraphStyle paragraph_styles[] = {
  { "HuiBody",     HUI_FONT_BODY,      "justify", TRUE,  FALSE, FALSE },
  { "HuiTitle",    HUI_FONT_TITLE,     "center",  FALSE, TRUE,  TRUE  },
  { "HuiTitle2",   HUI_FONT_TITLE,     "center",  FALSE, TRUE,  FALSE },
  { "HuiByline",   HUI_FONT_BYLINE,    "center",  FALSE, TRUE,  FALSE },
  { "HuiDate",     HUI_FONT_BODY,      "center",  FALSE, TRUE,  FALSE },
  { "HuiBlank",    HUI_FONT_BODY,      "start",   FALSE, TRUE,  FALSE },
  { "HuiHeading1", HUI_FONT_HEADING1,  "justify", TRUE,  TRUE,  FALSE },
  { "HuiHeading2", HUI_FONT_HEADING2,  "justify", TRUE,  TRUE,  FALSE },
  { "HuiHeading3", HUI_FONT_HEADING3,  "justify", TRUE,  TRUE,  FALSE },
  { "HuiHeading4", HUI_FONT_HEADING4,  "justify", TRUE,  TRUE,  FALSE },
  { "HuiRunIn1",   HUI_FONT_HEADING1,  "justify", TRUE,  FALSE, FALSE },
  { "HuiRunIn2",   HUI_FONT_HEADING2,  "justify", TRUE,  FALSE, FALSE },
  { "HuiRunIn3",   HUI_FONT_HEADING3,  "justify", TRUE,  FALSE, FALSE },
  { "HuiRunIn4",   HUI_FONT_HEADING4,  "justify", TRUE,  FALSE, FALSE },
  { "HuiTocTitle", HUI_FONT_TOC_TITLE, "center",  FALSE, TRUE,  FALSE },
  { "HuiMastheadName", HUI_FONT_MASTHEAD, "center", FALSE, TRUE, FALSE },
  { "HuiMastheadIssue", HUI_FONT_BODY,   "center",  FALSE, TRUE,  FALSE },
  { "HuiMastheadLine", HUI_FONT_BODY,    "start",   FALSE, TRUE,  FALSE },
  { "HuiTocOrg",   HUI_FONT_BODY,      "start",   FALSE, TRUE,  FALSE },
  { "HuiTocEntry", HUI_FONT_BODY,      "start",   TRUE,  FALSE, FALSE },
  { "HuiClosing",  HUI_FONT_BODY,      "start",   FALSE, TRUE,  FALSE },
  { "HuiClosingFirst", HUI_FONT_BODY,  "start",   FALSE, TRUE,  FALSE },
};

static void
paragraph_style (Odt                  *odt,
                 HuiXmlWriter         *w,
                 const ParagraphStyle *style)
{
  double indent = hui_page_setup_indent (odt->setup);

  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", style->name);
  hui_xml_writer_attribute (w, "style:family", "paragraph");
  hui_xml_writer_start (w, "style:paragraph-properties");
  hui_xml_writer_attribute (w, "fo:text-align", style->align);
  hui_xml_writer_attribute_printf (w, "fo:text-indent", "%.2fpt", style->indent ? indent : 0.0);
  hui_xml_writer_attribute (w, "fo:margin-top", "0pt");
  hui_xml_writer_attribute (w, "fo:margin-bottom", "0pt");
  hui_xml_writer_attribute (w, "fo:orphans", "2");
  hui_xml_writer_attribute (w, "fo:widows", "2");
  hui_xml_writer_attribute (w, "style:snap-to-layout-grid", "true");
  /* Pango neither hangs punctuation into the margin nor adds space
   * between Chinese and Latin text, so LibreOffice must not either, or
   * its lines would break elsewhere. */
  hui_xml_writer_attribute (w, "style:punctuation-wrap", "simple");
  hui_xml_writer_attribute (w, "style:text-autospace", "none");
  hui_xml_writer_attribute (w, "style:line-break", "strict");
  if (style->keep_with_next)
    {
      hui_xml_writer_attribute (w, "fo:keep-with-next", "always");
      hui_xml_writer_attribute (w, "fo:keep-together", "always");
    }
  if (style->page_break)
    hui_xml_writer_attribute (w, "fo:break-before", "page");
  if (g_str_equal (style->name, "HuiMastheadLine"))
    hui_xml_writer_attribute (w, "fo:border-bottom", "1.5pt solid #d90000");
  if (g_str_equal (style->name, "HuiClosingFirst"))
    hui_xml_writer_attribute (w, "fo:border-top", "0.75pt solid #000000");
  if (g_str_has_prefix (style->name, "HuiClosing"))
    hui_xml_writer_attribute_printf (w, "fo:margin-left", "%.2fpt", hui_page_setup_char_pitch (odt->setup));
  if (g_str_equal (style->name, "HuiTocEntry") || g_str_equal (style->name, "HuiMastheadLine"))
    {
      hui_xml_writer_start (w, "style:tab-stops");
      hui_xml_writer_start (w, "style:tab-stop");
      hui_xml_writer_attribute_printf (w, "style:position", "%.3fpt", hui_page_setup_type_width (odt->setup));
      hui_xml_writer_attribute (w, "style:type", "right");
      if (g_str_equal (style->name, "HuiTocEntry"))
        {
          hui_xml_writer_attribute (w, "style:leader-style", "dotted");
          hui_xml_writer_attribute (w, "style:leader-text", ".");
        }
      hui_xml_writer_end (w);
      hui_xml_writer_end (w);
    }
  hui_xml_writer_end (w);
  text_properties (odt, w, style->role);
  hui_xml_writer_end (w);
}

static gboolean
has_masthead (Odt *odt)
{
  return odt->setup->front_page && hui_bulletin_get_title (odt->bulletin) != NULL;
}

static void
footer_style (HuiXmlWriter *w,
              const char   *name,
              gboolean      odd)
{
  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", name);
  hui_xml_writer_attribute (w, "style:family", "paragraph");
  hui_xml_writer_start (w, "style:paragraph-properties");
  hui_xml_writer_attribute (w, "fo:text-align", odd ? "end" : "start");
  hui_xml_writer_attribute (w, odd ? "fo:margin-right" : "fo:margin-left", "14pt");
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static void
common_styles (Odt          *odt,
               HuiXmlWriter *w)
{
  hui_xml_writer_start (w, "office:styles");
  for (guint i = 0; i < G_N_ELEMENTS (paragraph_styles); i++)
    paragraph_style (odt, w, &paragraph_styles[i]);

  footer_style (w, "HuiFooterOdd", TRUE);
  footer_style (w, "HuiFooterEven", FALSE);
  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiPageNumber");
  hui_xml_writer_attribute (w, "style:family", "text");
  text_properties (odt, w, HUI_FONT_PAGE_NUMBER);
  hui_xml_writer_end (w);
  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiLatin");
  hui_xml_writer_attribute (w, "style:family", "text");
  hui_xml_writer_start (w, "style:text-properties");
  hui_xml_writer_attribute (w, "style:script-type", "latin");
  hui_xml_writer_attribute (w, "fo:language", "en");
  hui_xml_writer_attribute (w, "fo:country", "US");
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiRunInText");
  hui_xml_writer_attribute (w, "style:family", "text");
  text_properties (odt, w, HUI_FONT_BODY);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

/* The grid: LibreOffice fits exactly lines_per_page lines when the base
 * height is the line pitch rounded down to 0.05 pt. */
static void
page_layout (Odt          *odt,
             HuiXmlWriter *w,
             const char   *name,
             gboolean      with_footer)
{
  const HuiPageSetup *s = odt->setup;
  double bottom = with_footer ? s->margin_bottom - s->page_number_gap - FOOTER_HEIGHT_MM : s->margin_bottom;

  hui_xml_writer_start (w, "style:page-layout");
  hui_xml_writer_attribute (w, "style:name", name);
  hui_xml_writer_start (w, "style:page-layout-properties");
  hui_xml_writer_attribute_printf (w, "fo:page-width", "%gmm", s->paper_width);
  hui_xml_writer_attribute_printf (w, "fo:page-height", "%gmm", s->paper_height);
  hui_xml_writer_attribute_printf (w, "fo:margin-top", "%gmm", s->margin_top);
  hui_xml_writer_attribute_printf (w, "fo:margin-bottom", "%gmm", bottom);
  hui_xml_writer_attribute_printf (w, "fo:margin-left", "%gmm", s->margin_left);
  hui_xml_writer_attribute_printf (w, "fo:margin-right", "%gmm", s->margin_right);
  hui_xml_writer_attribute (w, "style:writing-mode", "lr-tb");
  hui_xml_writer_attribute (w, "style:layout-grid-mode", "line");
  hui_xml_writer_attribute_printf (w, "style:layout-grid-lines", "%u", s->lines_per_page);
  hui_xml_writer_attribute_printf (w, "style:layout-grid-base-height", "%.2fpt",
                                   floor (hui_page_setup_line_pitch (s) * 20) / 20);
  hui_xml_writer_attribute (w, "style:layout-grid-ruby-height", "0pt");
  hui_xml_writer_attribute (w, "style:layout-grid-ruby-below", "false");
  hui_xml_writer_attribute (w, "style:layout-grid-print", "false");
  hui_xml_writer_attribute (w, "style:layout-grid-display", "false");
  hui_xml_writer_attribute (w, "style:layout-grid-color", "#c0c0c0");
  hui_xml_writer_end (w);
  if (with_footer)
    {
      hui_xml_writer_start (w, "style:footer-style");
      hui_xml_writer_start (w, "style:header-footer-properties");
      hui_xml_writer_attribute_printf (w, "fo:min-height", "%gmm", FOOTER_HEIGHT_MM);
      hui_xml_writer_attribute_printf (w, "fo:margin-top", "%gmm", s->page_number_gap);
      hui_xml_writer_attribute (w, "style:dynamic-spacing", "false");
      hui_xml_writer_end (w);
      hui_xml_writer_end (w);
    }
  hui_xml_writer_end (w);
}

static void
footer (Odt          *odt,
        HuiXmlWriter *w,
        const char   *element,
        const char   *style)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  hui_page_setup_split_page_number (odt->setup, &before, &after);
  hui_xml_writer_start (w, element);
  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", style);
  hui_xml_writer_start (w, "text:span");
  hui_xml_writer_attribute (w, "text:style-name", "HuiPageNumber");
  hui_xml_writer_text (w, before);
  hui_xml_writer_start (w, "text:page-number");
  hui_xml_writer_attribute (w, "text:select-page", "current");
  hui_xml_writer_text (w, "1");
  hui_xml_writer_end (w);
  hui_xml_writer_text (w, after);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static void
master_pages (Odt          *odt,
              HuiXmlWriter *w)
{
  hui_xml_writer_start (w, "office:master-styles");
  hui_xml_writer_start (w, "style:master-page");
  hui_xml_writer_attribute (w, "style:name", "HuiToc");
  hui_xml_writer_attribute (w, "style:page-layout-name", "HuiTocLayout");
  hui_xml_writer_end (w);
  hui_xml_writer_start (w, "style:master-page");
  hui_xml_writer_attribute (w, "style:name", "Standard");
  hui_xml_writer_attribute (w, "style:page-layout-name", "HuiBodyLayout");
  footer (odt, w, "style:footer", "HuiFooterOdd");
  footer (odt, w, "style:footer-left", "HuiFooterEven");
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static GBytes *
styles_xml (Odt *odt)
{
  HuiXmlWriter *w = hui_xml_writer_new (FALSE);

  hui_xml_writer_start (w, "office:document-styles");
  root_namespaces (w);
  font_faces (odt, w);
  common_styles (odt, w);
  hui_xml_writer_start (w, "office:automatic-styles");
  page_layout (odt, w, "HuiTocLayout", FALSE);
  page_layout (odt, w, "HuiBodyLayout", TRUE);
  hui_xml_writer_end (w);
  master_pages (odt, w);
  hui_xml_writer_end (w);

  return hui_xml_writer_finish (w);
}

/* Body text without the first-line indent: table cells, captions and
 * images. */
static void
unindented_style (HuiXmlWriter *w,
                  const char   *name,
                  const char   *align)
{
  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", name);
  hui_xml_writer_attribute (w, "style:family", "paragraph");
  hui_xml_writer_attribute (w, "style:parent-style-name", "HuiBody");
  hui_xml_writer_start (w, "style:paragraph-properties");
  hui_xml_writer_attribute (w, "fo:text-indent", "0pt");
  hui_xml_writer_attribute (w, "fo:text-align", align);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static void
automatic_styles (HuiXmlWriter *w)
{
  hui_xml_writer_start (w, "office:automatic-styles");

  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiTocTitleFirst");
  hui_xml_writer_attribute (w, "style:family", "paragraph");
  hui_xml_writer_attribute (w, "style:parent-style-name", "HuiTocTitle");
  hui_xml_writer_attribute (w, "style:master-page-name", "HuiToc");
  hui_xml_writer_end (w);

  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiMastheadFirst");
  hui_xml_writer_attribute (w, "style:family", "paragraph");
  hui_xml_writer_attribute (w, "style:parent-style-name", "HuiMastheadName");
  hui_xml_writer_attribute (w, "style:master-page-name", "HuiToc");
  hui_xml_writer_end (w);

  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiCell");
  hui_xml_writer_attribute (w, "style:family", "table-cell");
  hui_xml_writer_start (w, "style:table-cell-properties");
  hui_xml_writer_attribute (w, "fo:border", "0.5pt solid #000000");
  hui_xml_writer_attribute_printf (w, "fo:padding-left", "%gpt", HUI_CELL_PADDING);
  hui_xml_writer_attribute_printf (w, "fo:padding-right", "%gpt", HUI_CELL_PADDING);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);

  unindented_style (w, "HuiCellText", "start");
  unindented_style (w, "HuiFigure", "center");

  /* The first report title switches to the numbered master page and
   * restarts numbering at 1; the TOC pages before it are not counted. */
  hui_xml_writer_start (w, "style:style");
  hui_xml_writer_attribute (w, "style:name", "HuiTitleFirst");
  hui_xml_writer_attribute (w, "style:family", "paragraph");
  hui_xml_writer_attribute (w, "style:parent-style-name", "HuiTitle");
  hui_xml_writer_attribute (w, "style:master-page-name", "Standard");
  hui_xml_writer_start (w, "style:paragraph-properties");
  hui_xml_writer_attribute (w, "style:page-number", "1");
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);

  hui_xml_writer_end (w);
}

static gboolean
is_word_char (gunichar c)
{
  return c < 0x80 && (g_ascii_isalnum (c) || c == '.' || c == '%');
}

/* LibreOffice breaks Chinese lines between any two characters, numbers
 * and Latin words included ("123|45", "IC|T"); pango keeps those whole,
 * as a Chinese typesetter would. Marked as Latin script, they are broken
 * by LibreOffice's Western rules, which keep them whole too. */
static void
text (HuiXmlWriter *w,
      const char   *content)
{
  const char *run = content;

  while (run != NULL && *run)
    {
      const char *end = run;
      gboolean word = is_word_char (g_utf8_get_char (run));

      while (*end && is_word_char (g_utf8_get_char (end)) == word)
        end = g_utf8_next_char (end);

      {
        g_autofree char *piece = g_strndup (run, end - run);

        if (word)
          {
            hui_xml_writer_start (w, "text:span");
            hui_xml_writer_attribute (w, "text:style-name", "HuiLatin");
            hui_xml_writer_text (w, piece);
            hui_xml_writer_end (w);
          }
        else
          hui_xml_writer_text (w, piece);
      }
      run = end;
    }
}

static void
paragraph (HuiXmlWriter *w,
           const char   *style,
           const char   *content)
{
  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", style);
  text (w, content);
  hui_xml_writer_end (w);
}

static void
toc_source (HuiXmlWriter *w)
{
  hui_xml_writer_start (w, "text:table-of-content-source");
  hui_xml_writer_attribute (w, "text:outline-level", "1");
  hui_xml_writer_attribute (w, "text:use-outline-level", "false");
  hui_xml_writer_attribute (w, "text:use-index-source-styles", "true");
  hui_xml_writer_start (w, "text:index-title-template");
  hui_xml_writer_attribute (w, "text:style-name", "HuiTocTitle");
  hui_xml_writer_text (w, "目　录");
  hui_xml_writer_end (w);
  hui_xml_writer_start (w, "text:table-of-content-entry-template");
  hui_xml_writer_attribute (w, "text:outline-level", "1");
  hui_xml_writer_attribute (w, "text:style-name", "HuiTocEntry");
  hui_xml_writer_empty (w, "text:index-entry-text");
  hui_xml_writer_start (w, "text:index-entry-tab-stop");
  hui_xml_writer_attribute (w, "style:type", "right");
  hui_xml_writer_attribute (w, "style:leader-char", ".");
  hui_xml_writer_end (w);
  hui_xml_writer_empty (w, "text:index-entry-page-number");
  hui_xml_writer_end (w);
  hui_xml_writer_start (w, "text:index-source-styles");
  hui_xml_writer_attribute (w, "text:outline-level", "1");
  hui_xml_writer_start (w, "text:index-source-style");
  hui_xml_writer_attribute (w, "text:style-name", "HuiTitle");
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

/* The title breaks where the paginator broke it, with explicit line
 * breaks, so the TOC takes the same lines in LibreOffice; the right tab
 * then sets the page number at the right edge of the type area. */
static void
toc_entry (Odt          *odt,
           HuiXmlWriter *w,
           guint         index)
{
  char **lines = odt->pagination->toc_title_lines->pdata[index];
  g_autofree char *page = g_strdup_printf ("%u", odt->pagination->first_pages[index]);

  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", "HuiTocEntry");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        hui_xml_writer_empty (w, "text:line-break");
      text (w, lines[i]);
    }
  hui_xml_writer_empty (w, "text:tab");
  hui_xml_writer_start (w, "text:bookmark-ref");
  hui_xml_writer_attribute (w, "text:reference-format", "page");
  hui_xml_writer_attribute_printf (w, "text:ref-name", "report-%u", index + 1);
  hui_xml_writer_text (w, page);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static void
table_of_contents (Odt          *odt,
                   HuiXmlWriter *w)
{
  const char *previous = NULL;

  hui_xml_writer_start (w, "text:table-of-content");
  hui_xml_writer_attribute (w, "text:name", "HuiTableOfContents");
  toc_source (w);
  hui_xml_writer_start (w, "text:index-body");
  hui_xml_writer_start (w, "text:index-title");
  hui_xml_writer_attribute (w, "text:name", "HuiTableOfContentsTitle");
  paragraph (w, has_masthead (odt) ? "HuiTocTitle" : "HuiTocTitleFirst", "目　录");
  paragraph (w, "HuiBlank", NULL);
  hui_xml_writer_end (w);
  for (guint i = 0; i < hui_bulletin_get_n_reports (odt->bulletin); i++)
    {
      const char *organization = hui_report_get_organization (hui_bulletin_get_report (odt->bulletin, i));

      if (organization != NULL && g_strcmp0 (organization, previous) != 0)
        {
          g_autofree char *line = g_strconcat (organization, "：", NULL);
          paragraph (w, "HuiTocOrg", line);
        }
      previous = organization;
      toc_entry (odt, w, i);
    }
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static void
note (Odt          *odt,
      HuiXmlWriter *w,
      HuiBlock     *block,
      guint         index)
{
  HuiNoteKind kind;
  const char *note_text = hui_block_get_note (block, index, &kind);
  g_auto(GStrv) lines = g_strsplit (note_text, "\n", -1);
  g_autofree char *citation = NULL;

  hui_xml_writer_start (w, "text:note");
  hui_xml_writer_attribute_printf (w, "text:id", "note%u", ++odt->notes);
  hui_xml_writer_attribute (w, "text:note-class", kind == HUI_NOTE_ENDNOTE ? "endnote" : "footnote");
  citation = g_strdup_printf ("%u", odt->notes);
  hui_xml_writer_element (w, "text:note-citation", citation);
  hui_xml_writer_start (w, "text:note-body");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      hui_xml_writer_start (w, "text:p");
      text (w, lines[i]);
      hui_xml_writer_end (w);
    }
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

/* Text with its note marks as ODF notes (LibreOffice numbers them and
 * places footnotes at the page foot, endnotes at the end); when @last,
 * notes whose marks were edited away follow the text. */
static void
marked_text (Odt          *odt,
             HuiXmlWriter *w,
             const char   *content,
             HuiBlock     *block,
             guint        *used,
             gboolean      last)
{
  guint n = hui_block_get_n_notes (block);
  g_auto(GStrv) pieces = g_strsplit (content ? content : "", HUI_NOTE_MARK, -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      text (w, pieces[i]);
      if (pieces[i + 1] != NULL && *used < n)
        note (odt, w, block, (*used)++);
    }
  while (last && *used < n)
    note (odt, w, block, (*used)++);
}

static void
heading (Odt          *odt,
         HuiXmlWriter *w,
         HuiBlock     *block)
{
  guint level = hui_block_get_level (block);
  g_autofree char *heading_text = g_strconcat (hui_block_get_label (block) ?: "", hui_block_get_text (block), NULL);
  const char *run_in = hui_block_get_run_in (block);
  guint used = 0;

  hui_xml_writer_start (w, "text:h");
  hui_xml_writer_attribute_printf (w, "text:style-name", run_in ? "HuiRunIn%u" : "HuiHeading%u", level);
  hui_xml_writer_attribute_printf (w, "text:outline-level", "%u", level);
  marked_text (odt, w, heading_text, block, &used, run_in == NULL);
  if (run_in != NULL)
    {
      hui_xml_writer_start (w, "text:span");
      hui_xml_writer_attribute (w, "text:style-name", "HuiRunInText");
      marked_text (odt, w, run_in, block, &used, TRUE);
      hui_xml_writer_end (w);
    }
  hui_xml_writer_end (w);
}

static void
body_paragraph (Odt          *odt,
                HuiXmlWriter *w,
                HuiBlock     *block)
{
  guint used = 0;

  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", "HuiBody");
  marked_text (odt, w, hui_block_get_text (block), block, &used, TRUE);
  hui_xml_writer_end (w);
}

static void
table_cell (HuiXmlWriter *w,
            const char   *content)
{
  g_auto(GStrv) lines = g_strsplit (content, "\n", -1);

  hui_xml_writer_start (w, "table:table-cell");
  hui_xml_writer_attribute (w, "table:style-name", "HuiCell");
  hui_xml_writer_attribute (w, "office:value-type", "string");
  for (guint i = 0; lines[i] != NULL; i++)
    paragraph (w, "HuiCellText", lines[i]);
  hui_xml_writer_end (w);
}

static void
table (Odt          *odt,
       HuiXmlWriter *w,
       HuiBlock     *block)
{
  guint n_columns = hui_block_get_n_columns (block);

  if (n_columns == 0)
    return;
  if (*hui_block_get_text (block) != '\0')
    paragraph (w, "HuiFigure", hui_block_get_text (block));

  hui_xml_writer_start (w, "table:table");
  hui_xml_writer_attribute_printf (w, "table:name", "Table%u", ++odt->tables);
  hui_xml_writer_start (w, "table:table-column");
  hui_xml_writer_attribute_printf (w, "table:number-columns-repeated", "%u", n_columns);
  hui_xml_writer_end (w);
  for (guint i = 0; i < hui_block_get_n_rows (block); i++)
    {
      const char * const *cells = hui_block_get_row (block, i);
      guint j = 0;

      hui_xml_writer_start (w, "table:table-row");
      for (; cells[j] != NULL; j++)
        table_cell (w, cells[j]);
      for (; j < n_columns; j++)
        table_cell (w, "");
      hui_xml_writer_end (w);
    }
  hui_xml_writer_end (w);
}

/* Pictures/imageN.png, by MIME type. */
static char *
picture_name (HuiBlock *image,
              guint     number)
{
  static const struct { const char *type; const char *ext; } exts[] = {
    { "image/png", "png" }, { "image/jpeg", "jpg" }, { "image/gif", "gif" }, { "image/bmp", "bmp" },
    { "image/tiff", "tif" }, { "image/x-emf", "emf" }, { "image/x-wmf", "wmf" }, { "image/svg+xml", "svg" },
  };
  const char *ext = "bin";

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_strcmp0 (hui_block_get_image_type (image), exts[i].type) == 0)
      ext = exts[i].ext;
  return g_strdup_printf ("Pictures/image%u.%s", number, ext);
}

/* An image in a centred paragraph of its own, at the size the PDF gives
 * it, its file stored in the package. */
static void
image (Odt          *odt,
       HuiXmlWriter *w,
       HuiBlock     *block)
{
  g_autofree char *name = NULL;
  double width, height;

  g_ptr_array_add (odt->pictures, g_object_ref (block));
  name = picture_name (block, odt->pictures->len);
  hui_page_setup_fit_image (odt->setup, block, &width, &height);

  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", "HuiFigure");
  hui_xml_writer_start (w, "draw:frame");
  hui_xml_writer_attribute_printf (w, "draw:name", "Image%u", odt->pictures->len);
  hui_xml_writer_attribute (w, "text:anchor-type", "as-char");
  hui_xml_writer_attribute_printf (w, "svg:width", "%.2fpt", width);
  hui_xml_writer_attribute_printf (w, "svg:height", "%.2fpt", height);
  hui_xml_writer_start (w, "draw:image");
  hui_xml_writer_attribute (w, "xlink:href", name);
  hui_xml_writer_attribute (w, "xlink:type", "simple");
  hui_xml_writer_attribute (w, "xlink:show", "embed");
  hui_xml_writer_attribute (w, "xlink:actuate", "onLoad");
  hui_xml_writer_end (w);
  if (*hui_block_get_text (block) != '\0')
    hui_xml_writer_element (w, "svg:desc", hui_block_get_text (block));
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
}

static void
report_title (HuiXmlWriter *w,
              HuiReport    *report,
              guint         index)
{
  g_autofree char *name = g_strdup_printf ("report-%u", index + 1);

  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", index == 0 ? "HuiTitleFirst" : "HuiTitle");
  hui_xml_writer_start (w, "text:bookmark");
  hui_xml_writer_attribute (w, "text:name", name);
  hui_xml_writer_end (w);
  text (w, hui_report_get_title (report) ?: "");
  hui_xml_writer_end (w);
  if (hui_report_get_subtitle (report) != NULL)
    paragraph (w, "HuiTitle2", hui_report_get_subtitle (report));
}

static void
report_body (Odt          *odt,
             HuiXmlWriter *w,
             HuiReport    *report,
             guint         index)
{
  g_autofree char *date = hui_typesetter_format_date (hui_report_get_date (report));

  report_title (w, report, index);
  if (hui_report_get_organization (report) != NULL)
    paragraph (w, "HuiByline", hui_report_get_organization (report));
  if (date != NULL)
    paragraph (w, "HuiDate", date);
  paragraph (w, "HuiBlank", NULL);

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      switch (hui_block_get_kind (block))
        {
        case HUI_BLOCK_HEADING:
          heading (odt, w, block);
          break;
        case HUI_BLOCK_TABLE:
          table (odt, w, block);
          break;
        case HUI_BLOCK_IMAGE:
          image (odt, w, block);
          break;
        case HUI_BLOCK_PARAGRAPH:
          body_paragraph (odt, w, block);
          break;
        }
    }
}

static void
masthead (Odt          *odt,
          HuiXmlWriter *w)
{
  g_autofree char *date = hui_typesetter_format_date (hui_bulletin_get_date (odt->bulletin));
  g_autoptr(GString) plain = g_string_new (date);

  paragraph (w, "HuiMastheadFirst", hui_bulletin_get_title (odt->bulletin));
  if (hui_bulletin_get_issue (odt->bulletin) != NULL)
    paragraph (w, "HuiMastheadIssue", hui_bulletin_get_issue (odt->bulletin));
  hui_xml_writer_start (w, "text:p");
  hui_xml_writer_attribute (w, "text:style-name", "HuiMastheadLine");
  text (w, hui_bulletin_get_unit (odt->bulletin));
  if (date != NULL)
    {
      g_string_replace (plain, "（", "", 0);
      g_string_replace (plain, "）", "", 0);
      hui_xml_writer_empty (w, "text:tab");
      text (w, plain->str);
    }
  hui_xml_writer_end (w);
  paragraph (w, "HuiBlank", NULL);
}

/* The closing block (版记) after the last report, under a rule. (The PDF
 * sets it at the foot of the last page; in the ODT it follows the text.) */
static void
closing_block (Odt          *odt,
               HuiXmlWriter *w)
{
  const char *closing = hui_bulletin_get_closing (odt->bulletin);
  g_auto(GStrv) lines = NULL;

  if (closing == NULL)
    return;

  lines = g_strsplit (closing, "\n", -1);
  paragraph (w, "HuiBlank", NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    paragraph (w, i == 0 ? "HuiClosingFirst" : "HuiClosing", lines[i]);
}

static GBytes *
content_xml (Odt *odt)
{
  HuiXmlWriter *w = hui_xml_writer_new (FALSE);

  hui_xml_writer_start (w, "office:document-content");
  root_namespaces (w);
  font_faces (odt, w);
  automatic_styles (w);
  hui_xml_writer_start (w, "office:body");
  hui_xml_writer_start (w, "office:text");
  if (has_masthead (odt))
    masthead (odt, w);
  if (odt->setup->table_of_contents)
    table_of_contents (odt, w);
  for (guint i = 0; i < hui_bulletin_get_n_reports (odt->bulletin); i++)
    report_body (odt, w, hui_bulletin_get_report (odt->bulletin, i), i);
  closing_block (odt, w);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);

  return hui_xml_writer_finish (w);
}

static GBytes *
meta_xml (Odt *odt)
{
  HuiXmlWriter *w = hui_xml_writer_new (FALSE);
  const char *date = hui_bulletin_get_date (odt->bulletin);

  hui_xml_writer_start (w, "office:document-meta");
  hui_xml_writer_attribute (w, "xmlns:office", NS_OFFICE);
  hui_xml_writer_attribute (w, "xmlns:meta", NS_META);
  hui_xml_writer_attribute (w, "xmlns:dc", NS_DC);
  hui_xml_writer_attribute (w, "office:version", "1.3");
  hui_xml_writer_start (w, "office:meta");
  hui_xml_writer_element (w, "meta:generator", "Huibian/" PACKAGE_VERSION);
  hui_xml_writer_element (w, "dc:title", hui_bulletin_get_title (odt->bulletin));
  hui_xml_writer_element (w, "dc:language", "zh-CN");
  if (date != NULL)
    {
      g_autofree char *stamp = g_strdup_printf ("%sT00:00:00", date);
      hui_xml_writer_element (w, "dc:date", stamp);
    }
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);

  return hui_xml_writer_finish (w);
}

/* Settings LibreOffice reads: tabs positioned beyond the right margin are
 * honoured, as the paginator sets TOC numbers at the type area's edge. */
static GBytes *
settings_xml (void)
{
  HuiXmlWriter *w = hui_xml_writer_new (FALSE);

  hui_xml_writer_start (w, "office:document-settings");
  hui_xml_writer_attribute (w, "xmlns:office", NS_OFFICE);
  hui_xml_writer_attribute (w, "xmlns:config", NS_CONFIG);
  hui_xml_writer_attribute (w, "office:version", "1.3");
  hui_xml_writer_start (w, "office:settings");
  hui_xml_writer_start (w, "config:config-item-set");
  hui_xml_writer_attribute (w, "config:name", "ooo:configuration-settings");
  hui_xml_writer_start (w, "config:config-item");
  hui_xml_writer_attribute (w, "config:name", "TabOverMargin");
  hui_xml_writer_attribute (w, "config:type", "boolean");
  hui_xml_writer_text (w, "true");
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);
  hui_xml_writer_end (w);

  return hui_xml_writer_finish (w);
}

static void
manifest_entry (HuiXmlWriter *w,
                const char   *path,
                const char   *type)
{
  hui_xml_writer_start (w, "manifest:file-entry");
  hui_xml_writer_attribute (w, "manifest:full-path", path);
  hui_xml_writer_attribute (w, "manifest:media-type", type);
  if (g_str_equal (path, "/"))
    hui_xml_writer_attribute (w, "manifest:version", "1.3");
  hui_xml_writer_end (w);
}

static GBytes *
manifest_xml (Odt *odt)
{
  HuiXmlWriter *w = hui_xml_writer_new (FALSE);

  hui_xml_writer_start (w, "manifest:manifest");
  hui_xml_writer_attribute (w, "xmlns:manifest", NS_MANIFEST);
  hui_xml_writer_attribute (w, "manifest:version", "1.3");
  manifest_entry (w, "/", MIMETYPE);
  manifest_entry (w, "content.xml", "text/xml");
  manifest_entry (w, "styles.xml", "text/xml");
  manifest_entry (w, "meta.xml", "text/xml");
  manifest_entry (w, "settings.xml", "text/xml");
  for (guint i = 0; i < odt->pictures->len; i++)
    {
      g_autofree char *name = picture_name (odt->pictures->pdata[i], i + 1);

      manifest_entry (w, name, hui_block_get_image_type (odt->pictures->pdata[i]));
    }
  hui_xml_writer_end (w);

  return hui_xml_writer_finish (w);
}

static gboolean
add_member (zip_t      *zip,
            const char *name,
            GBytes     *bytes,
            gboolean    stored)
{
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  zip_source_t *source = zip_source_buffer (zip, data, len, 0);
  zip_int64_t index;

  if (source == NULL)
    return FALSE;
  index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      return FALSE;
    }

  return zip_set_file_compression (zip, index, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0;
}

static GBytes *
read_source (zip_source_t *source)
{
  zip_stat_t stat;
  g_autofree guint8 *data = NULL;

  if (zip_source_stat (source, &stat) < 0 || zip_source_open (source) < 0)
    return NULL;
  data = g_malloc (stat.size);
  if (zip_source_read (source, data, stat.size) != (zip_int64_t)stat.size)
    {
      zip_source_close (source);
      return NULL;
    }
  zip_source_close (source);

  return g_bytes_new_take (g_steal_pointer (&data), stat.size);
}

/* Members are kept alive until the archive is closed, as libzip reads
 * them only then. The mimetype goes first and uncompressed (ODF part 2,
 * §3.3) so that tools can identify the file from its first bytes. */
static GBytes *
package (GBytes     **members,
         const char **names,
         guint        n,
         GError     **error)
{
  zip_error_t zerror;
  zip_source_t *source;
  zip_t *zip;
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIMETYPE, strlen (MIMETYPE));
  gboolean ok;
  GBytes *result = NULL;

  zip_error_init (&zerror);
  source = zip_source_buffer_create (NULL, 0, 0, &zerror);
  zip = source ? zip_open_from_source (source, ZIP_TRUNCATE, &zerror) : NULL;
  if (zip == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot create the ODT package: %s"),
                   zip_error_strerror (&zerror));
      zip_error_fini (&zerror);
      return NULL;
    }

  zip_source_keep (source);
  ok = add_member (zip, "mimetype", mimetype, TRUE);
  for (guint i = 0; i < n && ok; i++)
    ok = add_member (zip, names[i], members[i], FALSE);
  ok = ok && zip_close (zip) == 0;
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot write the ODT package: %s"),
                   zip_strerror (zip));
      zip_discard (zip);
    }
  else
    result = read_source (source);

  zip_source_free (source);
  zip_error_fini (&zerror);
  return result;
}

GBytes *
hui_odt_exporter_export (HuiBulletin    *bulletin,
                         HuiPagination  *pagination,
                         GError        **error)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func (g_object_unref);
  Odt odt = { bulletin, pagination, pagination->setup, .pictures = pictures };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint f = 0; f < HUI_N_FONTS; f++)
    odt.families[f] = hui_pagination_resolve_family (pagination, f);

  /* content.xml first: writing it gathers the pictures the others list. */
  g_ptr_array_add (names, g_strdup ("content.xml"));
  g_ptr_array_add (members, content_xml (&odt));
  g_ptr_array_add (names, g_strdup ("styles.xml"));
  g_ptr_array_add (members, styles_xml (&odt));
  g_ptr_array_add (names, g_strdup ("meta.xml"));
  g_ptr_array_add (members, meta_xml (&odt));
  g_ptr_array_add (names, g_strdup ("settings.xml"));
  g_ptr_array_add (members, settings_xml ());
  g_ptr_array_add (names, g_strdup ("META-INF/manifest.xml"));
  g_ptr_array_add (members, manifest_xml (&odt));
  for (guint i = 0; i < pictures->len; i++)
    {
      g_ptr_array_add (names, picture_name (pictures->pdata[i], i + 1));
      g_ptr_array_add (members, g_bytes_ref (hui_block_get_image_data (pictures->pdata[i])));
    }

  for (guint f = 0; f < HUI_N_FONTS; f++)
    g_free (odt.families[f]);

  return package ((GBytes **)members->pdata, (const char **)names->pdata, members->len, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-odt-exporter"

#include "config.h"

#include <math.h>
#include <string.h>
#include <zip.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hb-odt-exporter.h"
#include "hb-xml-writer.h"

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
  HbBulletin *bulletin;
  HbPagination *pagination;
  const HbPageSetup *setup;
  char *families[HB_N_FONTS];
  guint notes;          /* written so far, for their ids */
  guint tables;
  GPtrArray *pictures;  /* of HbBlock, stored as Pictures/imageN */
} Odt;

static void
root_namespaces (HbXmlWriter *w)
{
  hb_xml_attr (w, "xmlns:office", NS_OFFICE);
  hb_xml_attr (w, "xmlns:style", NS_STYLE);
  hb_xml_attr (w, "xmlns:text", NS_TEXT);
  hb_xml_attr (w, "xmlns:fo", NS_FO);
  hb_xml_attr (w, "xmlns:svg", NS_SVG);
  hb_xml_attr (w, "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  hb_xml_attr (w, "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0");
  hb_xml_attr (w, "xmlns:xlink", "http://www.w3.org/1999/xlink");
  hb_xml_attr (w, "office:version", "1.3");
}

static void
font_faces (Odt         *odt,
            HbXmlWriter *w)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  hb_xml_start (w, "office:font-face-decls");
  for (guint f = 0; f < HB_N_FONTS; f++)
    if (g_hash_table_add (seen, odt->families[f]))
      {
        hb_xml_start (w, "style:font-face");
        hb_xml_attr (w, "style:name", odt->families[f]);
        hb_xml_attr_printf (w, "svg:font-family", "'%s'", odt->families[f]);
        hb_xml_end (w);
      }
  hb_xml_end (w);
}

static void
text_properties (Odt         *odt,
                 HbXmlWriter *w,
                 HbFontRole   role)
{
  double size = odt->setup->fonts[role].size;

  hb_xml_start (w, "style:text-properties");
  hb_xml_attr (w, "style:font-name", odt->families[role]);
  hb_xml_attr (w, "style:font-name-asian", odt->families[role]);
  hb_xml_attr_printf (w, "fo:font-size", "%gpt", size);
  hb_xml_attr_printf (w, "style:font-size-asian", "%gpt", size);
  hb_xml_attr (w, "fo:language", "zh");
  hb_xml_attr (w, "fo:country", "CN");
  hb_xml_attr (w, "style:language-asian", "zh");
  hb_xml_attr (w, "style:country-asian", "CN");
  if (size == odt->setup->fonts[HB_FONT_BODY].size)
    hb_xml_attr_printf (w, "fo:letter-spacing", "%.2fpt", hb_page_setup_letter_spacing (odt->setup, size));
  if (role == HB_FONT_MASTHEAD)
    hb_xml_attr (w, "fo:color", "#d90000");
  hb_xml_end (w);
}

typedef struct {
  const char *name;
  HbFontRole  role;
  const char *align;
  gboolean    indent;
  gboolean    keep_with_next;
  gboolean    page_break;
} ParagraphStyle;

static const ParagraphStyle paragraph_styles[] = {
  { "HbBody",     HB_FONT_BODY,      "justify", TRUE,  FALSE, FALSE },
  { "HbTitle",    HB_FONT_TITLE,     "center",  FALSE, TRUE,  TRUE  },
  { "HbTitle2",   HB_FONT_TITLE,     "center",  FALSE, TRUE,  FALSE },
  { "HbByline",   HB_FONT_BYLINE,    "center",  FALSE, TRUE,  FALSE },
  { "HbDate",     HB_FONT_BODY,      "center",  FALSE, TRUE,  FALSE },
  { "HbBlank",    HB_FONT_BODY,      "start",   FALSE, TRUE,  FALSE },
  { "HbHeading1", HB_FONT_HEADING1,  "justify", TRUE,  TRUE,  FALSE },
  { "HbHeading2", HB_FONT_HEADING2,  "justify", TRUE,  TRUE,  FALSE },
  { "HbHeading3", HB_FONT_HEADING3,  "justify", TRUE,  TRUE,  FALSE },
  { "HbHeading4", HB_FONT_HEADING4,  "justify", TRUE,  TRUE,  FALSE },
  { "HbRunIn1",   HB_FONT_HEADING1,  "justify", TRUE,  FALSE, FALSE },
  { "HbRunIn2",   HB_FONT_HEADING2,  "justify", TRUE,  FALSE, FALSE },
  { "HbRunIn3",   HB_FONT_HEADING3,  "justify", TRUE,  FALSE, FALSE },
  { "HbRunIn4",   HB_FONT_HEADING4,  "justify", TRUE,  FALSE, FALSE },
  { "HbTocTitle", HB_FONT_TOC_TITLE, "center",  FALSE, TRUE,  FALSE },
  { "HbMastheadName", HB_FONT_MASTHEAD, "center", FALSE, TRUE, FALSE },
  { "HbMastheadIssue", HB_FONT_BODY,   "center",  FALSE, TRUE,  FALSE },
  { "HbMastheadLine", HB_FONT_BODY,    "start",   FALSE, TRUE,  FALSE },
  { "HbTocOrg",   HB_FONT_BODY,      "start",   FALSE, TRUE,  FALSE },
  { "HbTocEntry", HB_FONT_BODY,      "start",   TRUE,  FALSE, FALSE },
  { "HbClosing",  HB_FONT_BODY,      "start",   FALSE, TRUE,  FALSE },
  { "HbClosingFirst", HB_FONT_BODY,  "start",   FALSE, TRUE,  FALSE },
};

static void
paragraph_style (Odt                  *odt,
                 HbXmlWriter          *w,
                 const ParagraphStyle *style)
{
  double indent = hb_page_setup_indent (odt->setup);

  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", style->name);
  hb_xml_attr (w, "style:family", "paragraph");
  hb_xml_start (w, "style:paragraph-properties");
  hb_xml_attr (w, "fo:text-align", style->align);
  hb_xml_attr_printf (w, "fo:text-indent", "%.2fpt", style->indent ? indent : 0.0);
  hb_xml_attr (w, "fo:margin-top", "0pt");
  hb_xml_attr (w, "fo:margin-bottom", "0pt");
  hb_xml_attr (w, "fo:orphans", "2");
  hb_xml_attr (w, "fo:widows", "2");
  hb_xml_attr (w, "style:snap-to-layout-grid", "true");
  /* Pango neither hangs punctuation into the margin nor adds space
   * between Chinese and Latin text, so LibreOffice must not either, or
   * its lines would break elsewhere. */
  hb_xml_attr (w, "style:punctuation-wrap", "simple");
  hb_xml_attr (w, "style:text-autospace", "none");
  hb_xml_attr (w, "style:line-break", "strict");
  if (style->keep_with_next)
    {
      hb_xml_attr (w, "fo:keep-with-next", "always");
      hb_xml_attr (w, "fo:keep-together", "always");
    }
  if (style->page_break)
    hb_xml_attr (w, "fo:break-before", "page");
  if (g_str_equal (style->name, "HbMastheadLine"))
    hb_xml_attr (w, "fo:border-bottom", "1.5pt solid #d90000");
  if (g_str_equal (style->name, "HbClosingFirst"))
    hb_xml_attr (w, "fo:border-top", "0.75pt solid #000000");
  if (g_str_has_prefix (style->name, "HbClosing"))
    hb_xml_attr_printf (w, "fo:margin-left", "%.2fpt", hb_page_setup_char_pitch (odt->setup));
  if (g_str_equal (style->name, "HbTocEntry") || g_str_equal (style->name, "HbMastheadLine"))
    {
      hb_xml_start (w, "style:tab-stops");
      hb_xml_start (w, "style:tab-stop");
      hb_xml_attr_printf (w, "style:position", "%.3fpt", hb_page_setup_type_width (odt->setup));
      hb_xml_attr (w, "style:type", "right");
      if (g_str_equal (style->name, "HbTocEntry"))
        {
          hb_xml_attr (w, "style:leader-style", "dotted");
          hb_xml_attr (w, "style:leader-text", ".");
        }
      hb_xml_end (w);
      hb_xml_end (w);
    }
  hb_xml_end (w);
  text_properties (odt, w, style->role);
  hb_xml_end (w);
}

static gboolean
has_masthead (Odt *odt)
{
  return odt->setup->front_page && hb_bulletin_get_title (odt->bulletin) != NULL;
}

static void
footer_style (HbXmlWriter *w,
              const char  *name,
              gboolean     odd)
{
  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", name);
  hb_xml_attr (w, "style:family", "paragraph");
  hb_xml_start (w, "style:paragraph-properties");
  hb_xml_attr (w, "fo:text-align", odd ? "end" : "start");
  hb_xml_attr (w, odd ? "fo:margin-right" : "fo:margin-left", "14pt");
  hb_xml_end (w);
  hb_xml_end (w);
}

static void
common_styles (Odt         *odt,
               HbXmlWriter *w)
{
  hb_xml_start (w, "office:styles");
  for (guint i = 0; i < G_N_ELEMENTS (paragraph_styles); i++)
    paragraph_style (odt, w, &paragraph_styles[i]);

  footer_style (w, "HbFooterOdd", TRUE);
  footer_style (w, "HbFooterEven", FALSE);
  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbPageNumber");
  hb_xml_attr (w, "style:family", "text");
  text_properties (odt, w, HB_FONT_PAGE_NUMBER);
  hb_xml_end (w);
  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbLatin");
  hb_xml_attr (w, "style:family", "text");
  hb_xml_start (w, "style:text-properties");
  hb_xml_attr (w, "style:script-type", "latin");
  hb_xml_attr (w, "fo:language", "en");
  hb_xml_attr (w, "fo:country", "US");
  hb_xml_end (w);
  hb_xml_end (w);
  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbRunInText");
  hb_xml_attr (w, "style:family", "text");
  text_properties (odt, w, HB_FONT_BODY);
  hb_xml_end (w);
  hb_xml_end (w);
}

/* The grid: LibreOffice fits exactly lines_per_page lines when the base
 * height is the line pitch rounded down to 0.05 pt. */
static void
page_layout (Odt         *odt,
             HbXmlWriter *w,
             const char  *name,
             gboolean     with_footer)
{
  const HbPageSetup *s = odt->setup;
  double bottom = with_footer ? s->margin_bottom - s->page_number_gap - FOOTER_HEIGHT_MM : s->margin_bottom;

  hb_xml_start (w, "style:page-layout");
  hb_xml_attr (w, "style:name", name);
  hb_xml_start (w, "style:page-layout-properties");
  hb_xml_attr_printf (w, "fo:page-width", "%gmm", s->paper_width);
  hb_xml_attr_printf (w, "fo:page-height", "%gmm", s->paper_height);
  hb_xml_attr_printf (w, "fo:margin-top", "%gmm", s->margin_top);
  hb_xml_attr_printf (w, "fo:margin-bottom", "%gmm", bottom);
  hb_xml_attr_printf (w, "fo:margin-left", "%gmm", s->margin_left);
  hb_xml_attr_printf (w, "fo:margin-right", "%gmm", s->margin_right);
  hb_xml_attr (w, "style:writing-mode", "lr-tb");
  hb_xml_attr (w, "style:layout-grid-mode", "line");
  hb_xml_attr_printf (w, "style:layout-grid-lines", "%u", s->lines_per_page);
  hb_xml_attr_printf (w, "style:layout-grid-base-height", "%.2fpt",
                      floor (hb_page_setup_line_pitch (s) * 20) / 20);
  hb_xml_attr (w, "style:layout-grid-ruby-height", "0pt");
  hb_xml_attr (w, "style:layout-grid-ruby-below", "false");
  hb_xml_attr (w, "style:layout-grid-print", "false");
  hb_xml_attr (w, "style:layout-grid-display", "false");
  hb_xml_attr (w, "style:layout-grid-color", "#c0c0c0");
  hb_xml_end (w);
  if (with_footer)
    {
      hb_xml_start (w, "style:footer-style");
      hb_xml_start (w, "style:header-footer-properties");
      hb_xml_attr_printf (w, "fo:min-height", "%gmm", FOOTER_HEIGHT_MM);
      hb_xml_attr_printf (w, "fo:margin-top", "%gmm", s->page_number_gap);
      hb_xml_attr (w, "style:dynamic-spacing", "false");
      hb_xml_end (w);
      hb_xml_end (w);
    }
  hb_xml_end (w);
}

static void
footer (Odt         *odt,
        HbXmlWriter *w,
        const char  *element,
        const char  *style)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  hb_page_setup_split_page_number (odt->setup, &before, &after);
  hb_xml_start (w, element);
  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", style);
  hb_xml_start (w, "text:span");
  hb_xml_attr (w, "text:style-name", "HbPageNumber");
  hb_xml_text (w, before);
  hb_xml_start (w, "text:page-number");
  hb_xml_attr (w, "text:select-page", "current");
  hb_xml_text (w, "1");
  hb_xml_end (w);
  hb_xml_text (w, after);
  hb_xml_end (w);
  hb_xml_end (w);
  hb_xml_end (w);
}

static void
master_pages (Odt         *odt,
              HbXmlWriter *w)
{
  hb_xml_start (w, "office:master-styles");
  hb_xml_start (w, "style:master-page");
  hb_xml_attr (w, "style:name", "HbToc");
  hb_xml_attr (w, "style:page-layout-name", "HbTocLayout");
  hb_xml_end (w);
  hb_xml_start (w, "style:master-page");
  hb_xml_attr (w, "style:name", "Standard");
  hb_xml_attr (w, "style:page-layout-name", "HbBodyLayout");
  footer (odt, w, "style:footer", "HbFooterOdd");
  footer (odt, w, "style:footer-left", "HbFooterEven");
  hb_xml_end (w);
  hb_xml_end (w);
}

static GBytes *
styles_xml (Odt *odt)
{
  HbXmlWriter *w = hb_xml_writer_new (FALSE);

  hb_xml_start (w, "office:document-styles");
  root_namespaces (w);
  font_faces (odt, w);
  common_styles (odt, w);
  hb_xml_start (w, "office:automatic-styles");
  page_layout (odt, w, "HbTocLayout", FALSE);
  page_layout (odt, w, "HbBodyLayout", TRUE);
  hb_xml_end (w);
  master_pages (odt, w);
  hb_xml_end (w);

  return hb_xml_writer_finish (w);
}

/* Body text without the first-line indent: table cells, captions and
 * images. */
static void
unindented_style (HbXmlWriter *w,
                  const char  *name,
                  const char  *align)
{
  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", name);
  hb_xml_attr (w, "style:family", "paragraph");
  hb_xml_attr (w, "style:parent-style-name", "HbBody");
  hb_xml_start (w, "style:paragraph-properties");
  hb_xml_attr (w, "fo:text-indent", "0pt");
  hb_xml_attr (w, "fo:text-align", align);
  hb_xml_end (w);
  hb_xml_end (w);
}

static void
automatic_styles (HbXmlWriter *w)
{
  hb_xml_start (w, "office:automatic-styles");

  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbTocTitleFirst");
  hb_xml_attr (w, "style:family", "paragraph");
  hb_xml_attr (w, "style:parent-style-name", "HbTocTitle");
  hb_xml_attr (w, "style:master-page-name", "HbToc");
  hb_xml_end (w);

  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbMastheadFirst");
  hb_xml_attr (w, "style:family", "paragraph");
  hb_xml_attr (w, "style:parent-style-name", "HbMastheadName");
  hb_xml_attr (w, "style:master-page-name", "HbToc");
  hb_xml_end (w);

  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbCell");
  hb_xml_attr (w, "style:family", "table-cell");
  hb_xml_start (w, "style:table-cell-properties");
  hb_xml_attr (w, "fo:border", "0.5pt solid #000000");
  hb_xml_attr_printf (w, "fo:padding-left", "%gpt", HB_CELL_PADDING);
  hb_xml_attr_printf (w, "fo:padding-right", "%gpt", HB_CELL_PADDING);
  hb_xml_end (w);
  hb_xml_end (w);

  unindented_style (w, "HbCellText", "start");
  unindented_style (w, "HbFigure", "center");

  /* The first report title switches to the numbered master page and
   * restarts numbering at 1; the TOC pages before it are not counted. */
  hb_xml_start (w, "style:style");
  hb_xml_attr (w, "style:name", "HbTitleFirst");
  hb_xml_attr (w, "style:family", "paragraph");
  hb_xml_attr (w, "style:parent-style-name", "HbTitle");
  hb_xml_attr (w, "style:master-page-name", "Standard");
  hb_xml_start (w, "style:paragraph-properties");
  hb_xml_attr (w, "style:page-number", "1");
  hb_xml_end (w);
  hb_xml_end (w);

  hb_xml_end (w);
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
text (HbXmlWriter *w,
      const char  *content)
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
            hb_xml_start (w, "text:span");
            hb_xml_attr (w, "text:style-name", "HbLatin");
            hb_xml_text (w, piece);
            hb_xml_end (w);
          }
        else
          hb_xml_text (w, piece);
      }
      run = end;
    }
}

static void
paragraph (HbXmlWriter *w,
           const char  *style,
           const char  *content)
{
  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", style);
  text (w, content);
  hb_xml_end (w);
}

static void
toc_source (HbXmlWriter *w)
{
  hb_xml_start (w, "text:table-of-content-source");
  hb_xml_attr (w, "text:outline-level", "1");
  hb_xml_attr (w, "text:use-outline-level", "false");
  hb_xml_attr (w, "text:use-index-source-styles", "true");
  hb_xml_start (w, "text:index-title-template");
  hb_xml_attr (w, "text:style-name", "HbTocTitle");
  hb_xml_text (w, "目　录");
  hb_xml_end (w);
  hb_xml_start (w, "text:table-of-content-entry-template");
  hb_xml_attr (w, "text:outline-level", "1");
  hb_xml_attr (w, "text:style-name", "HbTocEntry");
  hb_xml_empty (w, "text:index-entry-text");
  hb_xml_start (w, "text:index-entry-tab-stop");
  hb_xml_attr (w, "style:type", "right");
  hb_xml_attr (w, "style:leader-char", ".");
  hb_xml_end (w);
  hb_xml_empty (w, "text:index-entry-page-number");
  hb_xml_end (w);
  hb_xml_start (w, "text:index-source-styles");
  hb_xml_attr (w, "text:outline-level", "1");
  hb_xml_start (w, "text:index-source-style");
  hb_xml_attr (w, "text:style-name", "HbTitle");
  hb_xml_end (w);
  hb_xml_end (w);
  hb_xml_end (w);
}

/* The title breaks where the paginator broke it, with explicit line
 * breaks, so the TOC takes the same lines in LibreOffice; the right tab
 * then sets the page number at the right edge of the type area. */
static void
toc_entry (Odt         *odt,
           HbXmlWriter *w,
           guint        index)
{
  char **lines = odt->pagination->toc_title_lines->pdata[index];
  g_autofree char *page = g_strdup_printf ("%u", odt->pagination->first_pages[index]);

  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", "HbTocEntry");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        hb_xml_empty (w, "text:line-break");
      text (w, lines[i]);
    }
  hb_xml_empty (w, "text:tab");
  hb_xml_start (w, "text:bookmark-ref");
  hb_xml_attr (w, "text:reference-format", "page");
  hb_xml_attr_printf (w, "text:ref-name", "report-%u", index + 1);
  hb_xml_text (w, page);
  hb_xml_end (w);
  hb_xml_end (w);
}

static void
table_of_contents (Odt         *odt,
                   HbXmlWriter *w)
{
  const char *previous = NULL;

  hb_xml_start (w, "text:table-of-content");
  hb_xml_attr (w, "text:name", "HbTableOfContents");
  toc_source (w);
  hb_xml_start (w, "text:index-body");
  hb_xml_start (w, "text:index-title");
  hb_xml_attr (w, "text:name", "HbTableOfContentsTitle");
  paragraph (w, has_masthead (odt) ? "HbTocTitle" : "HbTocTitleFirst", "目　录");
  paragraph (w, "HbBlank", NULL);
  hb_xml_end (w);
  for (guint i = 0; i < hb_bulletin_get_n_reports (odt->bulletin); i++)
    {
      const char *organization = hb_report_get_organization (hb_bulletin_get_report (odt->bulletin, i));

      if (organization != NULL && g_strcmp0 (organization, previous) != 0)
        {
          g_autofree char *line = g_strconcat (organization, "：", NULL);
          paragraph (w, "HbTocOrg", line);
        }
      previous = organization;
      toc_entry (odt, w, i);
    }
  hb_xml_end (w);
  hb_xml_end (w);
}

static void
note (Odt         *odt,
      HbXmlWriter *w,
      HbBlock     *block,
      guint        index)
{
  HbNoteKind kind;
  const char *note_text = hb_block_get_note (block, index, &kind);
  g_auto(GStrv) lines = g_strsplit (note_text, "\n", -1);
  g_autofree char *citation = NULL;

  hb_xml_start (w, "text:note");
  hb_xml_attr_printf (w, "text:id", "note%u", ++odt->notes);
  hb_xml_attr (w, "text:note-class", kind == HB_NOTE_ENDNOTE ? "endnote" : "footnote");
  citation = g_strdup_printf ("%u", odt->notes);
  hb_xml_element (w, "text:note-citation", citation);
  hb_xml_start (w, "text:note-body");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      hb_xml_start (w, "text:p");
      text (w, lines[i]);
      hb_xml_end (w);
    }
  hb_xml_end (w);
  hb_xml_end (w);
}

/* Text with its note marks as ODF notes (LibreOffice numbers them and
 * places footnotes at the page foot, endnotes at the end); when @last,
 * notes whose marks were edited away follow the text. */
static void
marked_text (Odt         *odt,
             HbXmlWriter *w,
             const char  *content,
             HbBlock     *block,
             guint       *used,
             gboolean     last)
{
  guint n = hb_block_get_n_notes (block);
  g_auto(GStrv) pieces = g_strsplit (content ? content : "", HB_NOTE_MARK, -1);

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
heading (Odt         *odt,
         HbXmlWriter *w,
         HbBlock     *block)
{
  guint level = hb_block_get_level (block);
  g_autofree char *heading_text = g_strconcat (hb_block_get_label (block) ?: "", hb_block_get_text (block), NULL);
  const char *run_in = hb_block_get_run_in (block);
  guint used = 0;

  hb_xml_start (w, "text:h");
  hb_xml_attr_printf (w, "text:style-name", run_in ? "HbRunIn%u" : "HbHeading%u", level);
  hb_xml_attr_printf (w, "text:outline-level", "%u", level);
  marked_text (odt, w, heading_text, block, &used, run_in == NULL);
  if (run_in != NULL)
    {
      hb_xml_start (w, "text:span");
      hb_xml_attr (w, "text:style-name", "HbRunInText");
      marked_text (odt, w, run_in, block, &used, TRUE);
      hb_xml_end (w);
    }
  hb_xml_end (w);
}

static void
body_paragraph (Odt         *odt,
                HbXmlWriter *w,
                HbBlock     *block)
{
  guint used = 0;

  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", "HbBody");
  marked_text (odt, w, hb_block_get_text (block), block, &used, TRUE);
  hb_xml_end (w);
}

static void
table_cell (HbXmlWriter *w,
            const char  *content)
{
  g_auto(GStrv) lines = g_strsplit (content, "\n", -1);

  hb_xml_start (w, "table:table-cell");
  hb_xml_attr (w, "table:style-name", "HbCell");
  hb_xml_attr (w, "office:value-type", "string");
  for (guint i = 0; lines[i] != NULL; i++)
    paragraph (w, "HbCellText", lines[i]);
  hb_xml_end (w);
}

static void
table (Odt         *odt,
       HbXmlWriter *w,
       HbBlock     *block)
{
  guint n_columns = hb_block_get_n_columns (block);

  if (n_columns == 0)
    return;
  if (*hb_block_get_text (block) != '\0')
    paragraph (w, "HbFigure", hb_block_get_text (block));

  hb_xml_start (w, "table:table");
  hb_xml_attr_printf (w, "table:name", "Table%u", ++odt->tables);
  hb_xml_start (w, "table:table-column");
  hb_xml_attr_printf (w, "table:number-columns-repeated", "%u", n_columns);
  hb_xml_end (w);
  for (guint i = 0; i < hb_block_get_n_rows (block); i++)
    {
      const char * const *cells = hb_block_get_row (block, i);
      guint j = 0;

      hb_xml_start (w, "table:table-row");
      for (; cells[j] != NULL; j++)
        table_cell (w, cells[j]);
      for (; j < n_columns; j++)
        table_cell (w, "");
      hb_xml_end (w);
    }
  hb_xml_end (w);
}

/* Pictures/imageN.png, by MIME type. */
static char *
picture_name (HbBlock *image,
              guint    number)
{
  static const struct { const char *type; const char *ext; } exts[] = {
    { "image/png", "png" }, { "image/jpeg", "jpg" }, { "image/gif", "gif" }, { "image/bmp", "bmp" },
    { "image/tiff", "tif" }, { "image/x-emf", "emf" }, { "image/x-wmf", "wmf" }, { "image/svg+xml", "svg" },
  };
  const char *ext = "bin";

  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    if (g_strcmp0 (hb_block_get_image_type (image), exts[i].type) == 0)
      ext = exts[i].ext;
  return g_strdup_printf ("Pictures/image%u.%s", number, ext);
}

/* An image in a centred paragraph of its own, at the size the PDF gives
 * it, its file stored in the package. */
static void
image (Odt         *odt,
       HbXmlWriter *w,
       HbBlock     *block)
{
  g_autofree char *name = NULL;
  double width, height;

  g_ptr_array_add (odt->pictures, g_object_ref (block));
  name = picture_name (block, odt->pictures->len);
  hb_page_setup_fit_image (odt->setup, block, &width, &height);

  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", "HbFigure");
  hb_xml_start (w, "draw:frame");
  hb_xml_attr_printf (w, "draw:name", "Image%u", odt->pictures->len);
  hb_xml_attr (w, "text:anchor-type", "as-char");
  hb_xml_attr_printf (w, "svg:width", "%.2fpt", width);
  hb_xml_attr_printf (w, "svg:height", "%.2fpt", height);
  hb_xml_start (w, "draw:image");
  hb_xml_attr (w, "xlink:href", name);
  hb_xml_attr (w, "xlink:type", "simple");
  hb_xml_attr (w, "xlink:show", "embed");
  hb_xml_attr (w, "xlink:actuate", "onLoad");
  hb_xml_end (w);
  if (*hb_block_get_text (block) != '\0')
    hb_xml_element (w, "svg:desc", hb_block_get_text (block));
  hb_xml_end (w);
  hb_xml_end (w);
}

static void
report_title (HbXmlWriter *w,
              HbReport    *report,
              guint        index)
{
  g_autofree char *name = g_strdup_printf ("report-%u", index + 1);

  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", index == 0 ? "HbTitleFirst" : "HbTitle");
  hb_xml_start (w, "text:bookmark");
  hb_xml_attr (w, "text:name", name);
  hb_xml_end (w);
  text (w, hb_report_get_title (report) ?: "");
  hb_xml_end (w);
  if (hb_report_get_subtitle (report) != NULL)
    paragraph (w, "HbTitle2", hb_report_get_subtitle (report));
}

static void
report_body (Odt         *odt,
             HbXmlWriter *w,
             HbReport    *report,
             guint        index)
{
  g_autofree char *date = hb_format_date (hb_report_get_date (report));

  report_title (w, report, index);
  if (hb_report_get_organization (report) != NULL)
    paragraph (w, "HbByline", hb_report_get_organization (report));
  if (date != NULL)
    paragraph (w, "HbDate", date);
  paragraph (w, "HbBlank", NULL);

  for (guint i = 0; i < hb_report_get_n_blocks (report); i++)
    {
      HbBlock *block = hb_report_get_block (report, i);

      switch (hb_block_get_kind (block))
        {
        case HB_BLOCK_HEADING:
          heading (odt, w, block);
          break;
        case HB_BLOCK_TABLE:
          table (odt, w, block);
          break;
        case HB_BLOCK_IMAGE:
          image (odt, w, block);
          break;
        default:
          body_paragraph (odt, w, block);
        }
    }
}

static void
masthead (Odt         *odt,
          HbXmlWriter *w)
{
  g_autofree char *date = hb_format_date (hb_bulletin_get_date (odt->bulletin));
  g_autoptr(GString) plain = g_string_new (date);

  paragraph (w, "HbMastheadFirst", hb_bulletin_get_title (odt->bulletin));
  if (hb_bulletin_get_issue (odt->bulletin) != NULL)
    paragraph (w, "HbMastheadIssue", hb_bulletin_get_issue (odt->bulletin));
  hb_xml_start (w, "text:p");
  hb_xml_attr (w, "text:style-name", "HbMastheadLine");
  text (w, hb_bulletin_get_unit (odt->bulletin));
  if (date != NULL)
    {
      g_string_replace (plain, "（", "", 0);
      g_string_replace (plain, "）", "", 0);
      hb_xml_empty (w, "text:tab");
      text (w, plain->str);
    }
  hb_xml_end (w);
  paragraph (w, "HbBlank", NULL);
}

/* The closing block (版记) after the last report, under a rule. (The PDF
 * sets it at the foot of the last page; in the ODT it follows the text.) */
static void
closing_block (Odt         *odt,
               HbXmlWriter *w)
{
  const char *closing = hb_bulletin_get_closing (odt->bulletin);
  g_auto(GStrv) lines = NULL;

  if (closing == NULL)
    return;

  lines = g_strsplit (closing, "\n", -1);
  paragraph (w, "HbBlank", NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    paragraph (w, i == 0 ? "HbClosingFirst" : "HbClosing", lines[i]);
}

static GBytes *
content_xml (Odt *odt)
{
  HbXmlWriter *w = hb_xml_writer_new (FALSE);

  hb_xml_start (w, "office:document-content");
  root_namespaces (w);
  font_faces (odt, w);
  automatic_styles (w);
  hb_xml_start (w, "office:body");
  hb_xml_start (w, "office:text");
  if (has_masthead (odt))
    masthead (odt, w);
  if (odt->setup->table_of_contents)
    table_of_contents (odt, w);
  for (guint i = 0; i < hb_bulletin_get_n_reports (odt->bulletin); i++)
    report_body (odt, w, hb_bulletin_get_report (odt->bulletin, i), i);
  closing_block (odt, w);
  hb_xml_end (w);
  hb_xml_end (w);
  hb_xml_end (w);

  return hb_xml_writer_finish (w);
}

static GBytes *
meta_xml (Odt *odt)
{
  HbXmlWriter *w = hb_xml_writer_new (FALSE);
  const char *date = hb_bulletin_get_date (odt->bulletin);

  hb_xml_start (w, "office:document-meta");
  hb_xml_attr (w, "xmlns:office", NS_OFFICE);
  hb_xml_attr (w, "xmlns:meta", NS_META);
  hb_xml_attr (w, "xmlns:dc", NS_DC);
  hb_xml_attr (w, "office:version", "1.3");
  hb_xml_start (w, "office:meta");
  hb_xml_element (w, "meta:generator", "Huibian/" PACKAGE_VERSION);
  hb_xml_element (w, "dc:title", hb_bulletin_get_title (odt->bulletin));
  hb_xml_element (w, "dc:language", "zh-CN");
  if (date != NULL)
    {
      g_autofree char *stamp = g_strdup_printf ("%sT00:00:00", date);
      hb_xml_element (w, "dc:date", stamp);
    }
  hb_xml_end (w);
  hb_xml_end (w);

  return hb_xml_writer_finish (w);
}

/* Settings LibreOffice reads: tabs positioned beyond the right margin are
 * honoured, as the paginator sets TOC numbers at the type area's edge. */
static GBytes *
settings_xml (void)
{
  HbXmlWriter *w = hb_xml_writer_new (FALSE);

  hb_xml_start (w, "office:document-settings");
  hb_xml_attr (w, "xmlns:office", NS_OFFICE);
  hb_xml_attr (w, "xmlns:config", NS_CONFIG);
  hb_xml_attr (w, "office:version", "1.3");
  hb_xml_start (w, "office:settings");
  hb_xml_start (w, "config:config-item-set");
  hb_xml_attr (w, "config:name", "ooo:configuration-settings");
  hb_xml_start (w, "config:config-item");
  hb_xml_attr (w, "config:name", "TabOverMargin");
  hb_xml_attr (w, "config:type", "boolean");
  hb_xml_text (w, "true");
  hb_xml_end (w);
  hb_xml_end (w);
  hb_xml_end (w);
  hb_xml_end (w);

  return hb_xml_writer_finish (w);
}

static void
manifest_entry (HbXmlWriter *w,
                const char  *path,
                const char  *type)
{
  hb_xml_start (w, "manifest:file-entry");
  hb_xml_attr (w, "manifest:full-path", path);
  hb_xml_attr (w, "manifest:media-type", type);
  if (g_str_equal (path, "/"))
    hb_xml_attr (w, "manifest:version", "1.3");
  hb_xml_end (w);
}

static GBytes *
manifest_xml (Odt *odt)
{
  HbXmlWriter *w = hb_xml_writer_new (FALSE);

  hb_xml_start (w, "manifest:manifest");
  hb_xml_attr (w, "xmlns:manifest", NS_MANIFEST);
  hb_xml_attr (w, "manifest:version", "1.3");
  manifest_entry (w, "/", MIMETYPE);
  manifest_entry (w, "content.xml", "text/xml");
  manifest_entry (w, "styles.xml", "text/xml");
  manifest_entry (w, "meta.xml", "text/xml");
  manifest_entry (w, "settings.xml", "text/xml");
  for (guint i = 0; i < odt->pictures->len; i++)
    {
      g_autofree char *name = picture_name (odt->pictures->pdata[i], i + 1);

      manifest_entry (w, name, hb_block_get_image_type (odt->pictures->pdata[i]));
    }
  hb_xml_end (w);

  return hb_xml_writer_finish (w);
}

static gboolean
add_member (zip_t       *zip,
            const char  *name,
            GBytes      *bytes,
            gboolean     stored)
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
package (GBytes **members, const char **names, guint n, GError **error)
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
hb_odt_export (HbBulletin    *bulletin,
               HbPagination  *pagination,
               GError       **error)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func (g_object_unref);
  Odt odt = { bulletin, pagination, pagination->setup, .pictures = pictures };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint f = 0; f < HB_N_FONTS; f++)
    odt.families[f] = hb_pagination_resolve_family (pagination, f);

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
      g_ptr_array_add (members, g_bytes_ref (hb_block_get_image_data (pictures->pdata[i])));
    }

  for (guint f = 0; f < HB_N_FONTS; f++)
    g_free (odt.families[f]);

  return package ((GBytes **)members->pdata, (const char **)names->pdata, members->len, error);
}

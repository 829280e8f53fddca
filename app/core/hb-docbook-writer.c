/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-docbook-writer"

#include "config.h"

#include <libxml/xmlwriter.h>

#include "hb-docbook-writer.h"

/* One writer serves the project file and the DocBook export: a project is
 * a DocBook 5.0 book whose <info> blocks carry Huibian's own data in its
 * namespace, which DocBook allows there. Headings become nested sections;
 * their number labels go in @label so numbering can be regenerated. */

typedef struct {
  xmlTextWriterPtr w;
  const HbDocbookOptions *options;
} Writer;

#define X(s) ((const xmlChar *)(s))

static void
start (Writer     *writer,
       const char *name)
{
  xmlTextWriterStartElement (writer->w, X (name));
}

static void
end (Writer *writer)
{
  xmlTextWriterEndElement (writer->w);
}

static void
attribute (Writer     *writer,
           const char *name,
           const char *value)
{
  if (value != NULL)
    xmlTextWriterWriteAttribute (writer->w, X (name), X (value));
}

static void
element (Writer     *writer,
         const char *name,
         const char *text)
{
  if (text != NULL)
    xmlTextWriterWriteElement (writer->w, X (name), X (text));
}

static void
write_warnings (Writer          *writer,
                const GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    element (writer, "hb:warning", warnings->pdata[i]);
}

static void
number_attribute (Writer     *writer,
                  const char *name,
                  double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  attribute (writer, name, g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

static void
write_page_setup (Writer            *writer,
                  const HbPageSetup *setup)
{
  start (writer, "hb:page-setup");
  attribute (writer, "preset", setup->preset);
  number_attribute (writer, "paper-width", setup->paper_width);
  number_attribute (writer, "paper-height", setup->paper_height);
  number_attribute (writer, "margin-top", setup->margin_top);
  number_attribute (writer, "margin-bottom", setup->margin_bottom);
  number_attribute (writer, "margin-left", setup->margin_left);
  number_attribute (writer, "margin-right", setup->margin_right);
  number_attribute (writer, "lines-per-page", setup->lines_per_page);
  number_attribute (writer, "chars-per-line", setup->chars_per_line);
  number_attribute (writer, "indent-chars", setup->indent_chars);
  number_attribute (writer, "page-number-gap", setup->page_number_gap);
  attribute (writer, "new-page-per-report", setup->new_page_per_report ? "true" : "false");
  attribute (writer, "page-number-format", setup->page_number_format);
  attribute (writer, "front-page", setup->front_page ? "true" : "false");
  attribute (writer, "table-of-contents", setup->table_of_contents ? "true" : "false");
  for (guint f = 0; f < HB_N_FONTS; f++)
    {
      start (writer, "hb:font");
      attribute (writer, "role", hb_font_role_to_string (f));
      attribute (writer, "family", setup->fonts[f].family);
      number_attribute (writer, "size", setup->fonts[f].size);
      end (writer);
    }
  end (writer);
}

static void
write_bulletin_info (Writer     *writer,
                     HbBulletin *bulletin)
{
  start (writer, "info");
  element (writer, "title", hb_bulletin_get_title (bulletin));
  element (writer, "issuenum", hb_bulletin_get_issue (bulletin));
  element (writer, "pubdate", hb_bulletin_get_date (bulletin));
  if (hb_bulletin_get_unit (bulletin) != NULL)
    {
      start (writer, "publisher");
      element (writer, "publishername", hb_bulletin_get_unit (bulletin));
      end (writer);
    }
  if (writer->options->project_data)
    {
      g_autofree char *format = g_strdup_printf ("%d", HB_PROJECT_FORMAT);

      start (writer, "hb:project");
      attribute (writer, "format", format);
      write_page_setup (writer, hb_bulletin_get_page_setup (bulletin));
      write_warnings (writer, hb_bulletin_get_warnings (bulletin));
      end (writer);
    }
  end (writer);
}

static void
write_report_info (Writer   *writer,
                   HbReport *report)
{
  start (writer, "info");
  xmlTextWriterWriteElement (writer->w, X ("title"), X (hb_report_get_title (report) ?: ""));
  element (writer, "subtitle", hb_report_get_subtitle (report));
  if (hb_report_get_organization (report) != NULL)
    {
      start (writer, "author");
      element (writer, "orgname", hb_report_get_organization (report));
      end (writer);
    }
  element (writer, "pubdate", hb_report_get_date (report));
  if (writer->options->project_data)
    {
      g_autofree char *page = NULL;

      if (hb_report_get_source_page (report) > 0)
        page = g_strdup_printf ("%u", hb_report_get_source_page (report));

      start (writer, "hb:report");
      attribute (writer, "source", hb_report_get_source (report));
      attribute (writer, "source-page", page);
      write_warnings (writer, hb_report_get_warnings (report));
      end (writer);
    }
  end (writer);
}

typedef struct {
  guint    level;
  gboolean has_content;
} OpenSection;

/* DocBook requires a section to hold something: a heading directly
 * followed by another gets an empty paragraph, which readers skip. */
static void
close_sections (Writer *writer,
                GArray *open,
                guint   level)
{
  while (open->len > 0 && g_array_index (open, OpenSection, open->len - 1).level >= level)
    {
      if (!g_array_index (open, OpenSection, open->len - 1).has_content)
        xmlTextWriterWriteElement (writer->w, X ("para"), X (""));
      end (writer);
      g_array_set_size (open, open->len - 1);
      if (open->len > 0)
        g_array_index (open, OpenSection, open->len - 1).has_content = TRUE;
    }
}

/* The nesting depth gives the level; "level-N" in @role keeps a level that
 * the nesting cannot express (a level-2 heading with no level 1 above). */
static void
open_section (Writer  *writer,
              GArray  *open,
              HbBlock *block)
{
  OpenSection section = { hb_block_get_level (block), FALSE };
  g_autoptr(GString) role = g_string_new (NULL);

  close_sections (writer, open, section.level);
  if (open->len + 1 != section.level)
    g_string_append_printf (role, "level-%u", section.level);
  if (hb_block_get_run_in (block) != NULL)
    g_string_append_printf (role, "%srun-in", role->len > 0 ? " " : "");

  start (writer, "section");
  attribute (writer, "label", hb_block_get_label (block));
  attribute (writer, "role", role->len > 0 ? role->str : NULL);
  xmlTextWriterWriteElement (writer->w, X ("title"), X (hb_block_get_text (block)));
  if (hb_block_get_run_in (block) != NULL)
    {
      element (writer, "para", hb_block_get_run_in (block));
      section.has_content = TRUE;
    }
  g_array_append_val (open, section);
}

static void
write_blocks (Writer   *writer,
              HbReport *report)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenSection));
  guint n = hb_report_get_n_blocks (report);

  if (n == 0)
    xmlTextWriterWriteElement (writer->w, X ("para"), X (""));

  for (guint i = 0; i < n; i++)
    {
      HbBlock *block = hb_report_get_block (report, i);

      if (hb_block_get_kind (block) == HB_BLOCK_HEADING)
        open_section (writer, open, block);
      else
        {
          element (writer, "para", hb_block_get_text (block));
          if (open->len > 0)
            g_array_index (open, OpenSection, open->len - 1).has_content = TRUE;
        }
    }

  close_sections (writer, open, 0);
}

static void
write_toc (Writer     *writer,
           HbBulletin *bulletin)
{
  start (writer, "toc");
  for (guint i = 0; i < hb_bulletin_get_n_reports (bulletin); i++)
    {
      HbReport *report = hb_bulletin_get_report (bulletin, i);
      g_autofree char *id = g_strdup_printf ("report-%u", i + 1);
      g_autofree char *page = g_strdup_printf ("%u", writer->options->first_pages[i]);
      g_autofree char *title = hb_report_dup_full_title (report);

      start (writer, "tocentry");
      attribute (writer, "linkend", id);
      attribute (writer, "pagenum", page);
      xmlTextWriterWriteString (writer->w, X (title));
      end (writer);
    }
  end (writer);
}

static void
write_report (Writer   *writer,
              HbReport *report,
              guint     index)
{
  g_autofree char *id = g_strdup_printf ("report-%u", index + 1);

  /* Every report starts on a new page of the printed bulletin. */
  if (writer->options->first_pages != NULL && index > 0)
    xmlTextWriterWritePI (writer->w, X ("hb-page-break"), NULL);

  start (writer, "article");
  attribute (writer, "xml:id", id);
  write_report_info (writer, report);
  write_blocks (writer, report);
  end (writer);
}

/* The closing block (版记) is the book's colophon, a para per line. */
static void
write_closing (Writer     *writer,
               const char *closing)
{
  g_auto(GStrv) lines = NULL;

  if (closing == NULL)
    return;

  lines = g_strsplit (closing, "\n", -1);
  start (writer, "colophon");
  for (guint i = 0; lines[i] != NULL; i++)
    xmlTextWriterWriteElement (writer->w, X ("para"), X (lines[i]));
  end (writer);
}

GBytes *
hb_docbook_write (HbBulletin             *bulletin,
                  const HbDocbookOptions *options)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  Writer writer = { xmlNewTextWriterMemory (buffer, 0), options };
  GBytes *bytes;

  g_return_val_if_fail (HB_IS_BULLETIN (bulletin), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  xmlTextWriterSetIndent (writer.w, 1);
  xmlTextWriterSetIndentString (writer.w, X ("  "));
  xmlTextWriterStartDocument (writer.w, "1.0", "UTF-8", NULL);
  start (&writer, "book");
  attribute (&writer, "xmlns", HB_DOCBOOK_NS);
  if (options->project_data)
    attribute (&writer, "xmlns:hb", HB_PROJECT_NS);
  attribute (&writer, "version", "5.0");
  attribute (&writer, "xml:lang", "zh-CN");

  write_bulletin_info (&writer, bulletin);
  if (options->first_pages != NULL && hb_bulletin_get_page_setup (bulletin)->table_of_contents)
    write_toc (&writer, bulletin);
  for (guint i = 0; i < hb_bulletin_get_n_reports (bulletin); i++)
    write_report (&writer, hb_bulletin_get_report (bulletin, i), i);
  write_closing (&writer, hb_bulletin_get_closing (bulletin));

  xmlTextWriterEndDocument (writer.w);
  xmlFreeTextWriter (writer.w);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

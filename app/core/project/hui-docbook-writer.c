/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-docbook-writer"

#include "config.h"

#include <string.h>

#include "hui-docbook-writer.h"
#include "support/hui-xml-writer.h"

/* One writer serves the project file and the DocBook export: a project is
 * a DocBook 5.0 book whose <info> blocks carry Huibian's own data in its
 * namespace, which DocBook allows there. Headings become nested sections;
 * their number labels go in @label so numbering can be regenerated. */

typedef struct {
  HuiXmlWriter            *w;
  const HuiDocbookOptions *options;
} Writer;

static void
write_warnings (Writer          *writer,
                const GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    hui_xml_writer_element (writer->w, "hui:warning", warnings->pdata[i]);
}

static void
number_attribute (Writer     *writer,
                  const char *name,
                  double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  hui_xml_writer_attribute (writer->w, name, g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

static void
write_page_setup (Writer             *writer,
                  const HuiPageSetup *setup)
{
  hui_xml_writer_start (writer->w, "hui:page-setup");
  hui_xml_writer_attribute (writer->w, "preset", setup->preset);
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
  hui_xml_writer_attribute (writer->w, "new-page-per-report", setup->new_page_per_report ? "true" : "false");
  hui_xml_writer_attribute (writer->w, "page-number-format", setup->page_number_format);
  hui_xml_writer_attribute (writer->w, "front-page", setup->front_page ? "true" : "false");
  hui_xml_writer_attribute (writer->w, "table-of-contents", setup->table_of_contents ? "true" : "false");
  for (guint f = 0; f < HUI_N_FONTS; f++)
    {
      hui_xml_writer_start (writer->w, "hui:font");
      hui_xml_writer_attribute (writer->w, "role", hui_font_role_to_string (f));
      hui_xml_writer_attribute (writer->w, "family", setup->fonts[f].family);
      number_attribute (writer, "size", setup->fonts[f].size);
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_end (writer->w);
}

static void
write_bulletin_info (Writer      *writer,
                     HuiBulletin *bulletin)
{
  hui_xml_writer_start (writer->w, "info");
  hui_xml_writer_element (writer->w, "title", hui_bulletin_get_title (bulletin));
  hui_xml_writer_element (writer->w, "issuenum", hui_bulletin_get_issue (bulletin));
  hui_xml_writer_element (writer->w, "pubdate", hui_bulletin_get_date (bulletin));
  if (hui_bulletin_get_unit (bulletin) != NULL)
    {
      hui_xml_writer_start (writer->w, "publisher");
      hui_xml_writer_element (writer->w, "publishername", hui_bulletin_get_unit (bulletin));
      hui_xml_writer_end (writer->w);
    }
  if (writer->options->project_data)
    {
      g_autofree char *format = g_strdup_printf ("%d", HUI_PROJECT_FORMAT);

      hui_xml_writer_start (writer->w, "hui:project");
      hui_xml_writer_attribute (writer->w, "format", format);
      write_page_setup (writer, hui_bulletin_get_page_setup (bulletin));
      write_warnings (writer, hui_bulletin_get_warnings (bulletin));
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_end (writer->w);
}

static void
write_report_info (Writer    *writer,
                   HuiReport *report)
{
  hui_xml_writer_start (writer->w, "info");
  hui_xml_writer_element (writer->w, "title", hui_report_get_title (report) ?: "");
  hui_xml_writer_element (writer->w, "subtitle", hui_report_get_subtitle (report));
  if (hui_report_get_organization (report) != NULL)
    {
      hui_xml_writer_start (writer->w, "author");
      hui_xml_writer_element (writer->w, "orgname", hui_report_get_organization (report));
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_element (writer->w, "pubdate", hui_report_get_date (report));
  if (writer->options->project_data)
    {
      g_autofree char *page = NULL;

      if (hui_report_get_source_page (report) > 0)
        page = g_strdup_printf ("%u", hui_report_get_source_page (report));

      hui_xml_writer_start (writer->w, "hui:report");
      hui_xml_writer_attribute (writer->w, "source", hui_report_get_source (report));
      hui_xml_writer_attribute (writer->w, "source-page", page);
      write_warnings (writer, hui_report_get_warnings (report));
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_end (writer->w);
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
        hui_xml_writer_element (writer->w, "para", "");
      hui_xml_writer_end (writer->w);
      g_array_set_size (open, open->len - 1);
      if (open->len > 0)
        g_array_index (open, OpenSection, open->len - 1).has_content = TRUE;
    }
}

static void
write_note (Writer   *writer,
            HuiBlock *block,
            guint     index)
{
  HuiNoteKind kind;
  const char *text = hui_block_get_note (block, index, &kind);

  hui_xml_writer_start (writer->w, "footnote");
  hui_xml_writer_attribute (writer->w, "role", kind == HUI_NOTE_ENDNOTE ? "endnote" : NULL);
  hui_xml_writer_element (writer->w, "para", text);
  hui_xml_writer_end (writer->w);
}

/* @text as @element, each note mark written as the note itself (a
 * footnote; an endnote is a footnote with the role "endnote", DocBook
 * having no endnotes). *@note counts the block's notes written so far;
 * @last adds the notes whose marks were edited away. */
static void
write_marked (Writer     *writer,
              const char *element,
              const char *text,
              HuiBlock   *block,
              guint      *note,
              gboolean    last)
{
  guint n = hui_block_get_n_notes (block);
  const char *p = text;
  const char *mark;

  if (n == 0)
    {
      hui_xml_writer_element (writer->w, element, text);
      return;
    }

  hui_xml_writer_start (writer->w, element);
  hui_xml_writer_set_indent (writer->w, FALSE);
  while ((mark = strstr (p, HUI_NOTE_MARK)) != NULL)
    {
      g_autofree char *piece = g_strndup (p, mark - p);

      hui_xml_writer_text (writer->w, piece);
      if (*note < n)
        write_note (writer, block, (*note)++);
      p = mark + strlen (HUI_NOTE_MARK);
    }
  hui_xml_writer_text (writer->w, p);
  while (last && *note < n)
    write_note (writer, block, (*note)++);
  hui_xml_writer_end (writer->w);
  hui_xml_writer_set_indent (writer->w, TRUE);
}

static void
write_table (Writer   *writer,
             HuiBlock *table)
{
  const char *caption = hui_block_get_text (table);

  hui_xml_writer_start (writer->w, *caption != '\0' ? "table" : "informaltable");
  if (*caption != '\0')
    hui_xml_writer_element (writer->w, "title", caption);
  hui_xml_writer_start (writer->w, "tgroup");
  hui_xml_writer_attribute_printf (writer->w, "cols", "%u", MAX (hui_block_get_n_columns (table), 1));
  hui_xml_writer_start (writer->w, "tbody");
  for (guint i = 0; i < hui_block_get_n_rows (table); i++)
    {
      const char * const *cells = hui_block_get_row (table, i);

      hui_xml_writer_start (writer->w, "row");
      for (guint j = 0; cells[j] != NULL; j++)
        hui_xml_writer_element (writer->w, "entry", cells[j]);
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_end (writer->w);
  hui_xml_writer_end (writer->w);
  hui_xml_writer_end (writer->w);
}

/* The image travels inside the file as a data: URI, so that a project or
 * an exported DocBook bulletin is one self-contained file. */
static void
write_image (Writer   *writer,
             HuiBlock *image)
{
  GBytes *data = hui_block_get_image_data (image);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_autofree char *uri = g_strconcat ("data:", hui_block_get_image_type (image), ";base64,", base64, NULL);
  double width, height;

  hui_block_get_image_size (image, &width, &height);
  hui_xml_writer_start (writer->w, "mediaobject");
  hui_xml_writer_start (writer->w, "imageobject");
  hui_xml_writer_start (writer->w, "imagedata");
  hui_xml_writer_attribute (writer->w, "fileref", uri);
  if (width > 0 && height > 0)
    {
      char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

      /* Shortest exact form: a project reads back the same size. */
      hui_xml_writer_attribute_printf (writer->w, "contentwidth", "%spt", g_ascii_dtostr (w, sizeof w, width));
      hui_xml_writer_attribute_printf (writer->w, "contentdepth", "%spt", g_ascii_dtostr (h, sizeof h, height));
    }
  hui_xml_writer_end (writer->w);
  hui_xml_writer_end (writer->w);
  if (*hui_block_get_text (image) != '\0')
    {
      hui_xml_writer_start (writer->w, "textobject");
      hui_xml_writer_element (writer->w, "phrase", hui_block_get_text (image));
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_end (writer->w);
}

/* The nesting depth gives the level; "level-N" in @role keeps a level that
 * the nesting cannot express (a level-2 heading with no level 1 above). */
static void
open_section (Writer   *writer,
              GArray   *open,
              HuiBlock *block)
{
  OpenSection section = { hui_block_get_level (block), FALSE };
  g_autoptr(GString) role = g_string_new (NULL);
  const char *run_in = hui_block_get_run_in (block);
  guint note = 0;

  close_sections (writer, open, section.level);
  if (open->len + 1 != section.level)
    g_string_append_printf (role, "level-%u", section.level);
  if (run_in != NULL)
    g_string_append_printf (role, "%srun-in", role->len > 0 ? " " : "");

  hui_xml_writer_start (writer->w, "section");
  hui_xml_writer_attribute (writer->w, "label", hui_block_get_label (block));
  hui_xml_writer_attribute (writer->w, "role", role->len > 0 ? role->str : NULL);
  write_marked (writer, "title", hui_block_get_text (block), block, &note, run_in == NULL);
  if (run_in != NULL)
    {
      write_marked (writer, "para", run_in, block, &note, TRUE);
      section.has_content = TRUE;
    }
  g_array_append_val (open, section);
}

static void
write_body_block (Writer   *writer,
                  HuiBlock *block)
{
  guint note = 0;

  switch (hui_block_get_kind (block))
    {
    case HUI_BLOCK_TABLE:
      write_table (writer, block);
      break;
    case HUI_BLOCK_IMAGE:
      write_image (writer, block);
      break;
    case HUI_BLOCK_PARAGRAPH:
    case HUI_BLOCK_HEADING:  /* write_blocks() opens a section for a heading */
      write_marked (writer, "para", hui_block_get_text (block), block, &note, TRUE);
      break;
    }
}

static void
write_blocks (Writer    *writer,
              HuiReport *report)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenSection));
  guint n = hui_report_get_n_blocks (report);

  if (n == 0)
    hui_xml_writer_element (writer->w, "para", "");

  for (guint i = 0; i < n; i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      if (hui_block_get_kind (block) == HUI_BLOCK_HEADING)
        open_section (writer, open, block);
      else
        {
          write_body_block (writer, block);
          if (open->len > 0)
            g_array_index (open, OpenSection, open->len - 1).has_content = TRUE;
        }
    }

  close_sections (writer, open, 0);
}

static void
write_toc (Writer      *writer,
           HuiBulletin *bulletin)
{
  hui_xml_writer_start (writer->w, "toc");
  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);
      g_autofree char *id = g_strdup_printf ("report-%u", i + 1);
      g_autofree char *page = g_strdup_printf ("%u", writer->options->first_pages[i]);
      g_autofree char *title = hui_report_dup_full_title (report);

      hui_xml_writer_start (writer->w, "tocentry");
      hui_xml_writer_attribute (writer->w, "linkend", id);
      hui_xml_writer_attribute (writer->w, "pagenum", page);
      hui_xml_writer_text (writer->w, title);
      hui_xml_writer_end (writer->w);
    }
  hui_xml_writer_end (writer->w);
}

static void
write_report (Writer    *writer,
              HuiReport *report,
              guint      index)
{
  g_autofree char *id = g_strdup_printf ("report-%u", index + 1);

  /* Every report starts on a new page of the printed bulletin. */
  if (writer->options->first_pages != NULL && index > 0)
    hui_xml_writer_pi (writer->w, "hui-page-break");

  hui_xml_writer_start (writer->w, "article");
  hui_xml_writer_attribute (writer->w, "xml:id", id);
  write_report_info (writer, report);
  write_blocks (writer, report);
  hui_xml_writer_end (writer->w);
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
  hui_xml_writer_start (writer->w, "colophon");
  for (guint i = 0; lines[i] != NULL; i++)
    hui_xml_writer_element (writer->w, "para", lines[i]);
  hui_xml_writer_end (writer->w);
}

GBytes *
hui_docbook_writer_write (HuiBulletin             *bulletin,
                          const HuiDocbookOptions *options)
{
  Writer writer = { NULL, options };

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  writer.w = hui_xml_writer_new (TRUE);
  hui_xml_writer_start (writer.w, "book");
  hui_xml_writer_attribute (writer.w, "xmlns", HUI_DOCBOOK_NS);
  if (options->project_data)
    hui_xml_writer_attribute (writer.w, "xmlns:hui", HUI_PROJECT_NS);
  hui_xml_writer_attribute (writer.w, "version", "5.0");
  hui_xml_writer_attribute (writer.w, "xml:lang", "zh-CN");

  write_bulletin_info (&writer, bulletin);
  if (options->first_pages != NULL && hui_bulletin_get_page_setup (bulletin)->table_of_contents)
    write_toc (&writer, bulletin);
  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    write_report (&writer, hui_bulletin_get_report (bulletin, i), i);
  write_closing (&writer, hui_bulletin_get_closing (bulletin));

  return hui_xml_writer_finish (writer.w);
}

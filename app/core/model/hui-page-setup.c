/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-page-setup"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hui-page-setup.h"
#include "support/hui-image.h"
#include "support/hui-util.h"

G_DEFINE_BOXED_TYPE (HuiPageSetup, hui_page_setup, hui_page_setup_copy, hui_page_setup_free)

/* Each family falls back as SPEC.md says when the Windows font is missing:
 * FangSong → Noto Serif CJK SC, Kai → AR PL UKai, Hei → Noto Sans CJK SC,
 * Song → Noto Serif CJK SC. */
#define FANGSONG "FangSong, FangSong_GB2312, 仿宋, Noto Serif CJK SC"
#define KAI      "KaiTi, KaiTi_GB2312, 楷体, AR PL UKai CN, Noto Serif CJK SC"
#define HEI      "SimHei, 黑体, Noto Sans CJK SC"
#define SONG     "FZXiaoBiaoSong-B05S, 方正小标宋简体, SimSun, 宋体, Noto Serif CJK SC"

typedef struct {
  const char *name;
  double      margins[4];  /* top, bottom, left, right */
  guint       lines, chars;
  double      sizes[HUI_N_FONTS];
} Preset;

/* Presets are data: GB/T 9704-2012 for official documents, and a denser
 * layout for internal circulation. */
static const Preset presets[] = {
  { "gbt9704", { 37, 35, 28, 26 }, 22, 28,
    { 16, 22, 16, 16, 16, 16, 16, 14, 22, 36 } },
  { "compact", { 30, 28, 25, 25 }, 30, 32,
    { 14, 20, 14, 14, 14, 14, 14, 12, 20, 30 } },
};

static const char *families[HUI_N_FONTS] = {
  FANGSONG, SONG, KAI, HEI, KAI, FANGSONG, FANGSONG, "Noto Serif CJK SC", HEI, SONG,
};

HuiPageSetup *
hui_page_setup_new_preset (const char *preset)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      const Preset *p = &presets[i];
      HuiPageSetup *self;

      if (preset != NULL && strcmp (preset, p->name) != 0)
        continue;

      self = g_new0 (HuiPageSetup, 1);
      self->preset = g_strdup (p->name);
      self->paper_width = 210;
      self->paper_height = 297;
      self->margin_top = p->margins[0];
      self->margin_bottom = p->margins[1];
      self->margin_left = p->margins[2];
      self->margin_right = p->margins[3];
      self->lines_per_page = p->lines;
      self->chars_per_line = p->chars;
      self->indent_chars = 2;
      self->new_page_per_report = TRUE;
      self->page_number_gap = 7;
      self->page_number_format = g_strdup ("— {n} —");
      self->front_page = TRUE;
      self->table_of_contents = TRUE;
      for (guint f = 0; f < HUI_N_FONTS; f++)
        {
          self->fonts[f].family = g_strdup (families[f]);
          self->fonts[f].size = p->sizes[f];
        }
      return self;
    }

  return NULL;
}

HuiPageSetup *
hui_page_setup_copy (const HuiPageSetup *self)
{
  HuiPageSetup *copy = g_memdup2 (self, sizeof *self);

  copy->preset = g_strdup (self->preset);
  copy->page_number_format = g_strdup (self->page_number_format);
  for (guint f = 0; f < HUI_N_FONTS; f++)
    copy->fonts[f].family = g_strdup (self->fonts[f].family);

  return copy;
}

gboolean
hui_page_setup_equal (const HuiPageSetup *a,
                      const HuiPageSetup *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || g_strcmp0 (a->preset, b->preset) != 0 ||
      a->paper_width != b->paper_width || a->paper_height != b->paper_height ||
      a->margin_top != b->margin_top || a->margin_bottom != b->margin_bottom ||
      a->margin_left != b->margin_left || a->margin_right != b->margin_right ||
      a->lines_per_page != b->lines_per_page || a->chars_per_line != b->chars_per_line ||
      a->indent_chars != b->indent_chars || a->new_page_per_report != b->new_page_per_report ||
      a->page_number_gap != b->page_number_gap || a->front_page != b->front_page ||
      a->table_of_contents != b->table_of_contents ||
      g_strcmp0 (a->page_number_format, b->page_number_format) != 0)
    return FALSE;

  for (guint f = 0; f < HUI_N_FONTS; f++)
    if (g_strcmp0 (a->fonts[f].family, b->fonts[f].family) != 0 || a->fonts[f].size != b->fonts[f].size)
      return FALSE;

  return TRUE;
}

void
hui_page_setup_free (HuiPageSetup *self)
{
  if (self == NULL)
    return;

  g_free (self->preset);
  g_free (self->page_number_format);
  for (guint f = 0; f < HUI_N_FONTS; f++)
    g_free (self->fonts[f].family);
  g_free (self);
}

/* A grid must leave each character and line room for its font. */
gboolean
hui_page_setup_set_grid (HuiPageSetup  *self,
                         guint          lines_per_page,
                         guint          chars_per_line,
                         GError       **error)
{
  if (lines_per_page < 5 || lines_per_page > 80 || chars_per_line < 5 || chars_per_line > 80)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("a page grid needs 5 to 80 lines and 5 to 80 characters per line"));
      return FALSE;
    }

  self->lines_per_page = lines_per_page;
  self->chars_per_line = chars_per_line;
  return TRUE;
}

double
hui_page_setup_type_width (const HuiPageSetup *self)
{
  return HUI_MM_TO_PT (self->paper_width - self->margin_left - self->margin_right);
}

double
hui_page_setup_type_height (const HuiPageSetup *self)
{
  return HUI_MM_TO_PT (self->paper_height - self->margin_top - self->margin_bottom);
}

double
hui_page_setup_line_pitch (const HuiPageSetup *self)
{
  return hui_page_setup_type_height (self) / self->lines_per_page;
}

double
hui_page_setup_char_pitch (const HuiPageSetup *self)
{
  return hui_page_setup_type_width (self) / self->chars_per_line;
}

/* The letter spacing that puts chars_per_line characters of @size on a
 * line, rounded down to a twip (1/20 pt) as word processors store it, so
 * that LibreOffice fits exactly as many characters as the paginator. */
double
hui_page_setup_letter_spacing (const HuiPageSetup *self,
                               double              size)
{
  return floor ((hui_page_setup_char_pitch (self) - size) * 20) / 20;
}

/* The first-line indent: indent_chars whole character cells. */
double
hui_page_setup_indent (const HuiPageSetup *self)
{
  double size = self->fonts[HUI_FONT_BODY].size;

  return self->indent_chars * (size + hui_page_setup_letter_spacing (self, size));
}

/* Room kept at the right of every TOC title line for its page number:
 * three characters, less a point so that a line of whole characters never
 * ends exactly at the margin (where LibreOffice would push the tab to a
 * line of its own while the paginator would not). */
double
hui_page_setup_toc_number_room (const HuiPageSetup *self)
{
  return 3 * hui_page_setup_char_pitch (self) - 1.0;
}

static const char *role_names[HUI_N_FONTS] = {
  "body", "title", "byline", "heading1", "heading2", "heading3", "heading4",
  "page-number", "toc-title", "masthead",
};

const char *
hui_font_role_to_string (HuiFontRole role)
{
  g_return_val_if_fail (role < HUI_N_FONTS, NULL);

  return role_names[role];
}

gboolean
hui_font_role_from_string (const char  *name,
                           HuiFontRole *role)
{
  for (guint i = 0; i < HUI_N_FONTS; i++)
    if (g_strcmp0 (name, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }

  return FALSE;
}

/* The text around "{n}" in the page-number format; a format without
 * "{n}" puts the number after it. */
void
hui_page_setup_split_page_number (const HuiPageSetup  *self,
                                  char               **before,
                                  char               **after)
{
  const char *format = self->page_number_format ? self->page_number_format : "{n}";
  const char *at = strstr (format, "{n}");

  *before = at ? g_strndup (format, at - format) : g_strdup (format);
  *after = g_strdup (at ? at + strlen ("{n}") : "");
}

char *
hui_page_setup_format_page_number (const HuiPageSetup *self,
                                   guint               number)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  hui_page_setup_split_page_number (self, &before, &after);
  return g_strdup_printf ("%s%u%s", before, number, after);
}

/* The size an image is printed at: the size its document gave (or its
 * pixel size at 96 dpi), made smaller to fit the type area with a row to
 * spare. */
void
hui_page_setup_fit_image (const HuiPageSetup *self,
                          HuiBlock           *image,
                          double             *width,
                          double             *height)
{
  double max_width = hui_page_setup_type_width (self);
  double max_height = (self->lines_per_page - 1) * hui_page_setup_line_pitch (self);
  guint px_width, px_height;
  double scale;

  hui_block_get_image_size (image, width, height);
  if ((*width <= 0 || *height <= 0) &&
      hui_image_pixel_size (hui_block_get_image_data (image), &px_width, &px_height))
    {
      *width = px_width * 0.75;
      *height = px_height * 0.75;
    }
  if (*width <= 0 || *height <= 0)
    {
      *width = max_width / 2;
      *height = 3 * hui_page_setup_line_pitch (self);
    }
  scale = MIN (1, MIN (max_width / *width, max_height / *height));
  *width *= scale;
  *height *= scale;
}

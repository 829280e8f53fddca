/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-typesetter"

#include "config.h"

#include "hui-typesetter-private.h"


/* What a bulletin prints besides its reports: the masthead (报头), the
 * table of contents and the closing block (版记). */

static double
line_end (const Unit *unit,
          guint       line)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (unit->lines[line], NULL, &logical);
  return unit->xs[line] + (double)logical.width / PANGO_SCALE;
}

/* The text of each line of @layout, without the zero-width spaces that
 * only served pango's line breaking. */
static GStrvBuilder *
layout_lines (PangoLayout *layout)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autoptr(GString) piece = g_string_new_len (text + line->start_index, line->length);

      g_string_replace (piece, "\u200B", "", 0);
      g_strv_builder_add (builder, piece->str);
    }

  return builder;
}

static void
add_toc_entry (HuiTypesetter *self,
               HuiReport     *report,
               guint          page,
               const char    *previous_organization,
               GPtrArray     *title_lines)
{
  const char *organization = hui_report_get_organization (report);
  double width = hui_page_setup_type_width (self->setup);
  double number_room = hui_page_setup_toc_number_room (self->setup);
  g_autofree char *title = hui_report_dup_full_title (report);
  g_autofree char *number = g_strdup_printf ("%u", page);
  Unit *unit;
  double leader_from;
  g_autoptr(GStrvBuilder) lines = NULL;

  if (organization != NULL && g_strcmp0 (organization, previous_organization) != 0)
    {
      g_autofree char *line = g_strconcat (organization, "：", NULL);

      unit = hui_typesetter_add_text (self, HUI_FONT_BODY, line, PANGO_ALIGN_LEFT, width, 0);
      unit->keep_with_next = unit->keep_together = TRUE;
    }

  unit = hui_typesetter_add_text (self, HUI_FONT_BODY, title, PANGO_ALIGN_LEFT,
                                  width - number_room, hui_typesetter_body_indent (self));
  unit->keep_together = TRUE;
  leader_from = line_end (unit, unit->n_lines - 1);
  lines = layout_lines (unit->layout);

  /* A title that (nearly) fills its line leaves no room for the tab
   * before the page number: word processors then set the leader and the
   * number on a line of their own, and so does the paginator, so that the
   * ODT's TOC takes as many lines as this one. */
  if (width - number_room - leader_from < TOC_MIN_TAB_ROOM * hui_page_setup_char_pitch (self->setup))
    {
      unit->keep_with_next = TRUE;
      unit = hui_typesetter_add_text (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0);
      unit->keep_together = TRUE;
      leader_from = 0;
      g_strv_builder_add (lines, "");
    }
  g_ptr_array_add (title_lines, g_strv_builder_end (lines));
  unit->tail = hui_typesetter_make_layout (self, HUI_FONT_BODY, number, PANGO_ALIGN_RIGHT, width, 0);
  unit->leader_from = leader_from;
}

/* The masthead (报头) on the first page: the bulletin's name large and
 * red, the issue under it, then the compiling unit at the left and the
 * date at the right over a red rule. The table of contents follows. */
void
hui_typesetter_add_front_page (HuiTypesetter *self,
                               HuiBulletin   *bulletin)
{
  double width = hui_page_setup_type_width (self->setup);
  g_autofree char *date = hui_typesetter_format_date (hui_bulletin_get_date (bulletin));
  Unit *unit;

  self->report = -1;
  if (self->pages->len == 0)
    hui_typesetter_new_page (self);

  unit = hui_typesetter_add_text (self, HUI_FONT_MASTHEAD, hui_bulletin_get_title (bulletin),
                                  PANGO_ALIGN_CENTER, width, 0);
  unit->red = unit->keep_together = unit->keep_with_next = TRUE;
  if (hui_bulletin_get_issue (bulletin) != NULL)
    {
      unit = hui_typesetter_add_text (self, HUI_FONT_BODY, hui_bulletin_get_issue (bulletin),
                                      PANGO_ALIGN_CENTER, width, 0);
      unit->keep_with_next = TRUE;
    }
  unit = hui_typesetter_add_text (self, HUI_FONT_BODY, hui_bulletin_get_unit (bulletin) ?: "",
                                  PANGO_ALIGN_LEFT, width / 2, 0);
  unit->keep_with_next = TRUE;
  unit->rule_below = HUI_RULE_RED;
  if (date != NULL)
    {
      /* "（2024年3月20日）" without its brackets, as a masthead prints it */
      g_autoptr(GString) plain = g_string_new (date);

      g_string_replace (plain, "（", "", 0);
      g_string_replace (plain, "）", "", 0);
      unit->tail = hui_typesetter_make_layout (self, HUI_FONT_BODY, plain->str, PANGO_ALIGN_RIGHT, width, 0);
    }
  unit = hui_typesetter_add_text (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0);
  unit->keep_with_next = TRUE;
  hui_typesetter_set_units (self);
}

/* The closing block (版记) at the foot of the last page, under a rule:
 * one line per line of @closing, indented one character. When the last
 * page has no room left, it goes to the foot of a page of its own.
 * @used_rows is how much of the current (last) page is taken. */
void
hui_typesetter_add_closing (HuiTypesetter *self,
                            const char    *closing,
                            int            report,
                            guint          used_rows)
{
  double width = hui_page_setup_type_width (self->setup);
  double pitch = hui_page_setup_char_pitch (self->setup);
  g_auto(GStrv) lines = g_strsplit (closing, "\n", -1);
  guint total = 0;
  Unit *unit;

  self->report = report;
  if (self->pages->len == 0)
    hui_typesetter_new_page (self);
  self->page = self->pages->pdata[self->pages->len - 1];

  unit = hui_typesetter_add_text (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, width, 0);
  unit->rule_below = HUI_RULE_BLACK;
  unit->keep_with_next = unit->keep_together = TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unit = hui_typesetter_add_text (self, HUI_FONT_BODY, lines[i], PANGO_ALIGN_LEFT, width - 2 * pitch, 0);
      unit->xs[0] += pitch;
      unit->keep_together = unit->keep_with_next = TRUE;
    }
  for (guint i = 0; i < self->units->len; i++)
    {
      const Unit *u = &g_array_index (self->units, Unit, i);
      total += hui_typesetter_rows_of (u, 0, u->n_lines);
    }

  total = MIN (total, self->setup->lines_per_page);
  if (used_rows + total > self->setup->lines_per_page)
    hui_typesetter_new_page (self);
  self->row = self->setup->lines_per_page - total;
  hui_typesetter_set_units (self);
}

/* The table of contents comes first and is not counted: the first report
 * starts on page 1 whatever the length of the TOC. */
void
hui_typesetter_add_toc (HuiTypesetter *self,
                        HuiBulletin   *bulletin,
                        const guint   *first_pages,
                        GPtrArray     *title_lines)
{
  const char *previous = NULL;
  Unit *unit;

  self->report = -1;
  if (self->pages->len == 0)
    hui_typesetter_new_page (self);

  unit = hui_typesetter_add_text (self, HUI_FONT_TOC_TITLE, "目　录", PANGO_ALIGN_CENTER,
                                  hui_page_setup_type_width (self->setup), 0);
  unit->keep_with_next = TRUE;
  unit = hui_typesetter_add_text (self, HUI_FONT_BODY, "", PANGO_ALIGN_LEFT, 10, 0);
  unit->keep_with_next = TRUE;

  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);

      add_toc_entry (self, report, first_pages[i], previous, title_lines);
      previous = hui_report_get_organization (report);
    }
  hui_typesetter_set_units (self);
}

/* "2023-07-25" → "（2023年7月25日）" as printed under a title. */
char *
hui_typesetter_format_date (const char *iso_date)
{
  int y = 0, m = 0, d = 0;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  return g_strdup_printf ("（%d年%d月%d日）", y, m, d);
}

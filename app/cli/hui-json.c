/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-json"

#include "config.h"

#include "hui-json.h"

/* The JSON view of a bulletin that `huibian-cli show --json` prints: the
 * contract scripts and tests rely on, so field names never change. */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_warnings (JsonBuilder     *builder,
              const GPtrArray *warnings)
{
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (builder, warnings->pdata[i]);
  json_builder_end_array (builder);
}

static void
add_rows (JsonBuilder *builder,
          HuiBlock    *table)
{
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hui_block_get_n_rows (table); i++)
    {
      const char * const *cells = hui_block_get_row (table, i);

      json_builder_begin_array (builder);
      for (guint j = 0; cells[j] != NULL; j++)
        json_builder_add_string_value (builder, cells[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
add_image (JsonBuilder *builder,
           HuiBlock    *image)
{
  double width, height;

  hui_block_get_image_size (image, &width, &height);
  add_string_or_null (builder, "mime_type", hui_block_get_image_type (image));
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, g_bytes_get_size (hui_block_get_image_data (image)));
  json_builder_set_member_name (builder, "width");
  json_builder_add_double_value (builder, width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_double_value (builder, height);
}

/* Notes in the order of their marks ("\ufffc" in the text). */
static void
add_notes (JsonBuilder *builder,
           HuiBlock    *block)
{
  if (hui_block_get_n_notes (block) == 0)
    return;

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hui_block_get_n_notes (block); i++)
    {
      HuiNoteKind kind;
      const char *text = hui_block_get_note (block, i, &kind);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind == HUI_NOTE_ENDNOTE ? "endnote" : "footnote");
      add_string_or_null (builder, "text", text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_block (JsonBuilder *builder,
           HuiBlock    *block,
           gboolean     with_kind)
{
  static const char *kinds[] = { "paragraph", "heading", "table", "image" };
  HuiBlockKind kind = hui_block_get_kind (block);

  json_builder_begin_object (builder);
  if (with_kind)
    {
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[kind]);
    }
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, hui_block_get_level (block));
  add_string_or_null (builder, "label", hui_block_get_label (block));
  add_string_or_null (builder, "text", hui_block_get_text (block));
  if (kind == HUI_BLOCK_HEADING)
    add_string_or_null (builder, "run_in", hui_block_get_run_in (block));
  else if (kind == HUI_BLOCK_TABLE)
    add_rows (builder, block);
  else if (kind == HUI_BLOCK_IMAGE)
    add_image (builder, block);
  add_notes (builder, block);
  json_builder_end_object (builder);
}

static void
add_blocks (JsonBuilder *builder,
            HuiReport   *report,
            const char  *name,
            gboolean     headings_only)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      if (!headings_only || hui_block_get_kind (block) == HUI_BLOCK_HEADING)
        add_block (builder, block, !headings_only);
    }
  json_builder_end_array (builder);
}

static void
add_report (JsonBuilder *builder,
            HuiReport   *report)
{
  g_autofree char *title = hui_report_dup_full_title (report);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "title", title);
  json_builder_set_member_name (builder, "title_parts");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, hui_report_get_title (report) ?: "");
  if (hui_report_get_subtitle (report) != NULL)
    json_builder_add_string_value (builder, hui_report_get_subtitle (report));
  json_builder_end_array (builder);
  add_string_or_null (builder, "organization", hui_report_get_organization (report));
  add_string_or_null (builder, "date", hui_report_get_date (report));
  add_string_or_null (builder, "source", hui_report_get_source (report));
  json_builder_set_member_name (builder, "source_page");
  if (hui_report_get_source_page (report) > 0)
    json_builder_add_int_value (builder, hui_report_get_source_page (report));
  else
    json_builder_add_null_value (builder);
  add_blocks (builder, report, "headings", TRUE);
  add_blocks (builder, report, "blocks", FALSE);
  json_builder_set_member_name (builder, "paragraphs");
  json_builder_add_int_value (builder, hui_report_count_paragraphs (report));
  json_builder_set_member_name (builder, "tables");
  json_builder_add_int_value (builder, hui_report_count_blocks (report, HUI_BLOCK_TABLE));
  json_builder_set_member_name (builder, "images");
  json_builder_add_int_value (builder, hui_report_count_blocks (report, HUI_BLOCK_IMAGE));
  json_builder_set_member_name (builder, "notes");
  json_builder_add_int_value (builder, hui_report_count_notes (report));
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, hui_report_count_characters (report));
  add_warnings (builder, hui_report_get_warnings (report));
  json_builder_end_object (builder);
}

JsonNode *
hui_json_from_bulletin (HuiBulletin *bulletin)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "title", hui_bulletin_get_title (bulletin));
  add_string_or_null (builder, "issue", hui_bulletin_get_issue (bulletin));
  add_string_or_null (builder, "unit", hui_bulletin_get_unit (bulletin));
  add_string_or_null (builder, "date", hui_bulletin_get_date (bulletin));
  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    add_report (builder, hui_bulletin_get_report (bulletin, i));
  json_builder_end_array (builder);
  add_warnings (builder, hui_bulletin_get_warnings (bulletin));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

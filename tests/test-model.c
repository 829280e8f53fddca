/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include "model/hui-bulletin.h"
#include "model/hui-numbering.h"
#include "project/hui-history.h"

typedef struct {
  guint signals;
  guint position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static HuiReport *
report_titled (const char *title)
{
  HuiReport *report = hui_report_new ();

  hui_report_set_title (report, title);
  return report;
}

static void
assert_order (HuiBulletin *bulletin,
              const char  *expected)
{
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    g_string_append (order, hui_report_get_title (hui_bulletin_get_report (bulletin, i)));

  g_assert_cmpstr (order->str, ==, expected);
}

static void
test_bulletin_reports (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  GListModel *reports = hui_bulletin_get_reports (bulletin);
  Changes changes = { 0 };
  const char *titles[] = { "A", "B", "C", "D" };

  g_signal_connect (reports, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(HuiReport) report = report_titled (titles[i]);

      hui_bulletin_append_report (bulletin, report);
    }
  g_assert_cmpuint (changes.signals, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (reports), ==, 4);
  g_assert_true (g_list_model_get_item_type (reports) == HUI_TYPE_REPORT);

  hui_bulletin_move_report (bulletin, 0, 2);
  assert_order (bulletin, "BCAD");
  hui_bulletin_move_report (bulletin, 3, 0);
  assert_order (bulletin, "DBCA");
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);

  hui_bulletin_remove_report (bulletin, 1);
  assert_order (bulletin, "DCA");
  g_assert_cmpuint (changes.removed, ==, 1);

  {
    g_autoptr(HuiReport) report = report_titled ("E");

    hui_bulletin_insert_report (bulletin, 1, report);
  }
  assert_order (bulletin, "DECA");
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_properties_notify (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (bulletin, "notify", G_CALLBACK (notify_cb), log);
  g_signal_connect (report, "notify", G_CALLBACK (notify_cb), log);

  hui_bulletin_set_title (bulletin, "工作简报");
  hui_bulletin_set_title (bulletin, "工作简报");  /* unchanged: no notify */
  hui_bulletin_set_issue (bulletin, "第3期");
  hui_report_set_organization (report, "市交通运输局");
  hui_report_set_organization (report, "");  /* empty means none */
  hui_report_set_source_page (report, 12);

  g_assert_cmpstr (log->str, ==, "title;issue;organization;organization;source-page;");
  g_assert_null (hui_report_get_organization (report));
}

static void
test_blocks (void)
{
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(HuiBlock) heading = hui_block_new_heading (2, "（一）", "开展田间课堂。", "农技人员分片包村。");
  g_autoptr(HuiBlock) para = hui_block_new_paragraph ("今年 以来，春播进度快。");
  g_autoptr(HuiBlock) copy = hui_block_copy (heading);

  hui_report_append_block (report, para);
  hui_report_insert_block (report, 0, heading);

  g_assert_cmpint (hui_block_get_kind (hui_report_get_block (report, 0)), ==, HUI_BLOCK_HEADING);
  g_assert_cmpuint (hui_report_count_paragraphs (report), ==, 1);
  /* Characters exclude white space; labels count. */
  g_assert_cmpuint (hui_report_count_characters (report), ==, 3 + 7 + 9 + 11);
  g_assert_cmpstr (hui_block_get_run_in (copy), ==, "农技人员分片包村。");

  hui_block_set_level (copy, 0);
  g_assert_cmpint (hui_block_get_kind (copy), ==, HUI_BLOCK_PARAGRAPH);

  hui_report_remove_block (report, 0);
  g_assert_cmpuint (hui_report_get_n_blocks (report), ==, 1);
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

/* Edits anywhere reach the bulletin's ::changed and bump the report's
 * revision, which the editor and the paginator rely on. */
static void
test_changed (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(HuiBlock) block = hui_block_new_paragraph ("一段。");
  guint changes = 0;
  guint64 revision;

  hui_bulletin_append_report (bulletin, report);
  hui_report_append_block (report, block);
  g_signal_connect (bulletin, "changed", G_CALLBACK (count_cb), &changes);

  revision = hui_report_get_revision (report);
  hui_block_set_text (block, "改过的一段。");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (hui_report_get_revision (report), >, revision);

  hui_report_set_title (report, "标题");
  hui_bulletin_set_issue (bulletin, "第2期");
  hui_bulletin_remove_report (bulletin, 0);
  g_assert_cmpuint (changes, ==, 4);

  /* A report no longer in the bulletin no longer changes it. */
  hui_report_set_title (report, "别的标题");
  g_assert_cmpuint (changes, ==, 4);
}

static void
assert_labels (HuiReport  *report,
               const char *expected)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      if (hui_block_get_kind (block) == HUI_BLOCK_HEADING)
        g_string_append_printf (labels, "%s ", hui_block_get_label (block) ?: "-");
    }
  g_assert_cmpstr (labels->str, ==, expected);
}

static void
add_heading (HuiReport  *report,
             guint       level,
             const char *label)
{
  g_autoptr(HuiBlock) block = hui_block_new_heading (level, label, "标题", NULL);
  g_autoptr(HuiBlock) para = hui_block_new_paragraph ("正文。");

  hui_report_append_block (report, block);
  hui_report_append_block (report, para);
}

/* Numbers follow the order of the sections, restarting under each higher
 * heading, whatever they were before a move or a change of level. */
static void
test_renumber (void)
{
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autofree char *twelve = hui_numbering_label_for (1, 12);
  g_autofree char *twenty = hui_numbering_label_for (2, 20);
  g_autoptr(HuiBlock) moved = NULL;

  add_heading (report, 1, "二、");
  add_heading (report, 2, "（三）");
  add_heading (report, 2, "（一）");
  add_heading (report, 3, "1.");
  add_heading (report, 4, "（1）");
  add_heading (report, 1, "一、");
  add_heading (report, 2, "（二）");
  add_heading (report, 2, NULL);

  hui_report_renumber_headings (report);
  assert_labels (report, "一、 （一） （二） 1. （1） 二、 （一） - ");

  /* Only the heading moves to the top: the subsections it leaves behind now
   * belong to the section before them and count on there. */
  moved = g_object_ref (hui_report_get_block (report, 10));
  hui_report_remove_block (report, 10);
  hui_report_insert_block (report, 0, moved);
  hui_report_renumber_headings (report);
  assert_labels (report, "一、 二、 （一） （二） 1. （1） （三） - ");

  /* A level-2 heading promoted to level 1 starts a new count below it. */
  hui_block_set_level (hui_report_get_block (report, 3), 1);
  hui_report_renumber_headings (report);
  assert_labels (report, "一、 二、 三、 （一） 1. （1） （二） - ");

  g_assert_cmpstr (twelve, ==, "十二、");
  g_assert_cmpstr (twenty, ==, "（二十）");
}

static gboolean
has_handler (gpointer    object,
             const char *signal)
{
  return g_signal_has_handler_pending (object, g_signal_lookup (signal, G_OBJECT_TYPE (object)), 0, FALSE);
}

/* A report follows each of its blocks with one handler however often the
 * block moved, and the bulletin each of its reports: one keystroke is one
 * ::changed, and what leaves the list is no longer followed. */
static void
test_follow_moves (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(HuiReport) other = hui_report_new ();
  g_autoptr(HuiBlock) block = NULL;
  guint report_changes = 0, bulletin_changes = 0;

  add_heading (report, 1, "一、");
  add_heading (report, 1, "二、");
  hui_bulletin_append_report (bulletin, report);
  hui_bulletin_append_report (bulletin, other);
  block = g_object_ref (hui_report_get_block (report, 1));

  /* The paragraph under the first heading goes down and up with it. */
  for (guint i = 0; i < 30; i++)
    g_assert_true (hui_report_move_section (report, i % 2 == 0 ? 0 : 2, i % 2 == 0 ? 1 : -1, NULL));
  for (guint i = 0; i < 30; i++)
    hui_bulletin_move_report (bulletin, 0, 1);
  g_assert_true (hui_report_get_block (report, 1) == block);
  g_assert_true (hui_bulletin_get_report (bulletin, 0) == report);

  g_signal_connect (report, "changed", G_CALLBACK (count_cb), &report_changes);
  g_signal_connect (bulletin, "changed", G_CALLBACK (count_cb), &bulletin_changes);
  hui_block_set_text (block, "改过的正文。");
  g_assert_cmpuint (report_changes, ==, 1);
  g_assert_cmpuint (bulletin_changes, ==, 1);

  /* Removed: nothing of the report's stays connected to the block, nor
   * of the bulletin's to the report. */
  g_assert_true (has_handler (block, "notify"));
  hui_report_remove_block (report, 1);
  g_assert_false (has_handler (block, "notify"));
  report_changes = 0;
  hui_block_set_text (block, "已删去的正文。");
  g_assert_cmpuint (report_changes, ==, 0);

  g_signal_handlers_disconnect_by_func (report, count_cb, &report_changes);
  g_assert_true (has_handler (report, "changed"));
  hui_bulletin_remove_report (bulletin, 0);
  g_assert_false (has_handler (report, "changed"));

  /* Undo replaces every report in one splice: the old ones are let go,
   * the new ones followed once each. */
  {
    g_autoptr(HuiBulletin) earlier = hui_bulletin_new ();
    g_autoptr(HuiReport) a = report_titled ("A");
    g_autoptr(HuiReport) b = report_titled ("B");

    hui_bulletin_append_report (earlier, a);
    hui_bulletin_append_report (earlier, b);
    hui_bulletin_replace_contents (bulletin, earlier);
    hui_bulletin_replace_contents (bulletin, earlier);
    g_assert_false (has_handler (other, "changed"));
    bulletin_changes = 0;
    hui_report_set_title (b, "乙");
    g_assert_cmpuint (bulletin_changes, ==, 1);
  }
}

static void
test_history (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiHistory) history = NULL;
  g_autoptr(HuiReport) a = report_titled ("A");
  g_autoptr(HuiReport) b = report_titled ("B");
  guint changes = 0;

  hui_bulletin_append_report (bulletin, a);
  hui_bulletin_append_report (bulletin, b);
  history = hui_history_new (bulletin);
  g_assert_false (hui_history_can_undo (history));
  g_assert_false (hui_history_checkpoint (history));

  hui_bulletin_move_report (bulletin, 0, 1);
  g_assert_true (hui_history_checkpoint (history));
  hui_bulletin_set_title (bulletin, "工作简报");
  hui_report_set_organization (hui_bulletin_get_report (bulletin, 0), "甲单位");
  /* Not yet checkpointed: undo records it first, then takes it back. */
  g_signal_connect (bulletin, "changed", G_CALLBACK (count_cb), &changes);
  g_assert_true (hui_history_undo (history));
  assert_order (bulletin, "BA");
  g_assert_null (hui_bulletin_get_title (bulletin));
  g_assert_null (hui_report_get_organization (hui_bulletin_get_report (bulletin, 0)));
  g_assert_cmpuint (changes, >, 0);

  g_assert_true (hui_history_undo (history));
  assert_order (bulletin, "AB");
  g_assert_false (hui_history_can_undo (history));
  g_assert_true (hui_history_redo (history));
  g_assert_true (hui_history_redo (history));
  g_assert_cmpstr (hui_bulletin_get_title (bulletin), ==, "工作简报");
  assert_order (bulletin, "BA");
  g_assert_false (hui_history_can_redo (history));

  /* A new change after an undo drops what could be redone. */
  g_assert_true (hui_history_undo (history));
  hui_bulletin_set_issue (bulletin, "第9期");
  g_assert_true (hui_history_checkpoint (history));
  g_assert_false (hui_history_can_redo (history));
}

static void
test_sections (void)
{
  g_autoptr(HuiReport) report = hui_report_new ();
  guint moved_to = 0;

  add_heading (report, 1, "一、");       /* 0, para 1 */
  add_heading (report, 2, "（一）");     /* 2, para 3 */
  add_heading (report, 2, "（二）");     /* 4, para 5 */
  add_heading (report, 1, "二、");       /* 6, para 7 */
  add_heading (report, 2, "（一）");     /* 8, para 9 */
  hui_block_set_text (hui_report_get_block (report, 6), "第二节");

  /* Move the second level-1 section (from its paragraph) up: it goes with
   * its subsection, and the numbers follow the new order. */
  g_assert_true (hui_report_move_section (report, 7, -1, &moved_to));
  g_assert_cmpuint (moved_to, ==, 1);
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 0)), ==, "第二节");
  assert_labels (report, "一、 （一） 二、 （一） （二） ");
  g_assert_false (hui_report_move_section (report, 0, -1, NULL));

  /* And back down. */
  g_assert_true (hui_report_move_section (report, 0, 1, &moved_to));
  g_assert_cmpuint (moved_to, ==, 6);
  assert_labels (report, "一、 （一） （二） 二、 （一） ");

  /* A subsection moves only among its siblings. */
  g_assert_true (hui_report_move_section (report, 4, -1, &moved_to));
  g_assert_cmpuint (moved_to, ==, 2);
  g_assert_false (hui_report_move_section (report, 8, -1, NULL));

  /* Levels: a paragraph becomes a heading, a heading a paragraph. */
  hui_report_set_block_level (report, 1, 2);
  assert_labels (report, "一、 （一） （二） （三） 二、 （一） ");
  hui_report_set_block_level (report, 6, 0);
  assert_labels (report, "一、 （一） （二） （三） （四） ");
  g_assert_null (hui_block_get_label (hui_report_get_block (report, 6)));

  /* A lead sentence becomes a run-in heading. */
  hui_block_set_text (hui_report_get_block (report, 9), "抓好整改落实。各单位要逐项对照。");
  g_assert_true (hui_report_promote_run_in (report, 9, 2));
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 9)), ==, "抓好整改落实。");
  g_assert_cmpstr (hui_block_get_run_in (hui_report_get_block (report, 9)), ==, "各单位要逐项对照。");
  assert_labels (report, "一、 （一） （二） （三） （四） （五） ");
  g_assert_false (hui_report_promote_run_in (report, 9, 2));  /* already a heading */
}

static void
test_report_operations (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) a = report_titled ("A");
  g_autoptr(HuiReport) b = report_titled ("B");
  HuiReport *first;

  add_heading (a, 1, "一、");
  add_heading (a, 1, "二、");
  add_heading (a, 1, "三、");
  hui_block_set_text (hui_report_get_block (a, 2), "第二部分");
  hui_report_set_organization (a, "甲单位");
  hui_bulletin_append_report (bulletin, a);
  hui_bulletin_append_report (bulletin, b);

  /* Duplicate: a copy follows, with its own blocks. */
  hui_bulletin_duplicate_report (bulletin, 1);
  assert_order (bulletin, "ABB");
  g_assert_true (hui_bulletin_get_report (bulletin, 2) != b);

  /* Split A at its second heading: the heading titles the new report. */
  g_assert_false (hui_bulletin_split_report (bulletin, 0, 1));  /* a paragraph */
  g_assert_true (hui_bulletin_split_report (bulletin, 0, 2));
  assert_order (bulletin, "A第二部分BB");
  first = hui_bulletin_get_report (bulletin, 0);
  g_assert_cmpuint (hui_report_get_n_blocks (first), ==, 2);
  g_assert_cmpuint (hui_report_get_n_blocks (hui_bulletin_get_report (bulletin, 1)), ==, 3);
  g_assert_cmpstr (hui_report_get_organization (hui_bulletin_get_report (bulletin, 1)), ==, "甲单位");
  assert_labels (hui_bulletin_get_report (bulletin, 1), "一、 ");

  /* Merge it back: the title becomes a paragraph again, numbers follow. */
  g_assert_true (hui_bulletin_merge_with_next (bulletin, 0));
  assert_order (bulletin, "ABB");
  g_assert_cmpuint (hui_report_get_n_blocks (first), ==, 6);
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (first, 2)), ==, "第二部分");
  assert_labels (first, "一、 二、 ");
  g_assert_false (hui_bulletin_merge_with_next (bulletin, 2));
}

static void
test_find_replace (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(HuiReport) a = report_titled ("调研报告");
  g_autoptr(HuiReport) b = report_titled ("工作总结");
  HuiMatch found, at;

  add_heading (a, 1, "一、");
  add_heading (b, 1, "一、");
  hui_block_set_text (hui_report_get_block (b, 1), "深入开展调研，调研要实。");
  hui_bulletin_append_report (bulletin, a);
  hui_bulletin_append_report (bulletin, b);

  g_assert_true (hui_bulletin_find_next (bulletin, "调研", NULL, &found));
  g_assert_cmpuint (found.report, ==, 0);
  g_assert_cmpint (found.block, ==, -1);
  at = found;
  g_assert_true (hui_bulletin_find_next (bulletin, "调研", &at, &found));
  g_assert_cmpuint (found.report, ==, 1);
  g_assert_cmpint (found.block, ==, 1);
  at = found;
  /* Round the end, back to the first. */
  g_assert_true (hui_bulletin_find_next (bulletin, "调研", &at, &found));
  g_assert_cmpuint (found.report, ==, 0);
  g_assert_false (hui_bulletin_find_next (bulletin, "不存在", NULL, &found));

  g_assert_cmpuint (hui_bulletin_replace_all (bulletin, "调研", "调查研究"), ==, 3);
  g_assert_cmpstr (hui_report_get_title (a), ==, "调查研究报告");
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (b, 1)), ==, "深入开展调查研究，调查研究要实。");
}

/* Tables, images and notes: copies keep them, printing numbers the note
 * marks through a report, and an edited-away mark loses no note. */
static void
test_objects_and_notes (void)
{
  g_autoptr(HuiBlock) para = hui_block_new_paragraph ("甲" HUI_NOTE_MARK "乙");
  g_autoptr(HuiBlock) copy = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  const char *header[] = { "项目", "数量", NULL };
  const char *row[] = { "甲", NULL };
  g_autoptr(HuiBlock) table = NULL;
  g_autoptr(HuiBlock) table_copy = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(HuiBlock) image = hui_block_new_image (png, "image/png", 100, 50, "示意图");
  g_autoptr(HuiBlock) image_copy = hui_block_copy (image);
  guint counter = 3, used = 0;
  g_autoptr(GArray) references = g_array_new (FALSE, FALSE, sizeof (HuiNoteReference));
  g_autofree char *printed = NULL;
  g_autofree char *dropped = NULL;
  HuiNoteKind kind;
  double width, height;

  hui_block_add_note (para, HUI_NOTE_FOOTNOTE, "注一");
  hui_block_add_note (para, HUI_NOTE_ENDNOTE, "注二");
  copy = hui_block_copy (para);
  g_assert_cmpuint (hui_block_get_n_notes (copy), ==, 2);
  g_assert_cmpstr (hui_block_get_note (copy, 1, &kind), ==, "注二");
  g_assert_cmpint (kind, ==, HUI_NOTE_ENDNOTE);
  /* Two printed characters and two notes of two each; the mark is not one. */
  g_assert_cmpuint (hui_block_count_characters (para), ==, 6);

  /* Numbered on from the report's count; the note without a mark gets
   * its reference at the end. */
  printed = hui_block_print_marks (para, hui_block_get_text (para), &counter, &used, TRUE, references);
  g_assert_cmpstr (printed, ==, "甲④乙⑤");
  g_assert_cmpuint (counter, ==, 5);
  /* Where each reference went, for the paginator to find its line. */
  g_assert_cmpuint (references->len, ==, 2);
  g_assert_cmpuint (g_array_index (references, HuiNoteReference, 0).offset, ==, strlen ("甲"));
  g_assert_cmpuint (g_array_index (references, HuiNoteReference, 0).note, ==, 0);
  g_assert_cmpuint (g_array_index (references, HuiNoteReference, 1).offset, ==, strlen ("甲④乙"));
  g_assert_cmpuint (g_array_index (references, HuiNoteReference, 1).note, ==, 1);
  /* A mark with no note left prints nothing. */
  counter = 0;
  used = 0;
  dropped = hui_block_print_marks (image, "图" HUI_NOTE_MARK, &counter, &used, TRUE, NULL);
  g_assert_cmpstr (dropped, ==, "图");
  g_assert_cmpuint (counter, ==, 0);

  g_ptr_array_add (rows, g_strdupv ((char **)header));
  g_ptr_array_add (rows, g_strdupv ((char **)row));
  table = hui_block_new_table (rows);
  table_copy = hui_block_copy (table);
  g_assert_cmpint (hui_block_get_kind (table_copy), ==, HUI_BLOCK_TABLE);
  g_assert_cmpuint (hui_block_get_n_rows (table_copy), ==, 2);
  g_assert_cmpuint (hui_block_get_n_columns (table_copy), ==, 2);
  g_assert_cmpstr (hui_block_get_row (table_copy, 1)[0], ==, "甲");
  g_assert_null (hui_block_get_row (table_copy, 1)[1]);
  g_assert_cmpuint (hui_block_count_characters (table), ==, 5);
  /* Tables and images take no heading level. */
  hui_block_set_level (table, 2);
  g_assert_cmpint (hui_block_get_kind (table), ==, HUI_BLOCK_TABLE);

  g_assert_cmpint (hui_block_get_kind (image_copy), ==, HUI_BLOCK_IMAGE);
  g_assert_true (g_bytes_equal (hui_block_get_image_data (image_copy), png));
  hui_block_get_image_size (image_copy, &width, &height);
  g_assert_cmpfloat (width, ==, 100);
  g_assert_cmpstr (hui_block_get_text (image_copy), ==, "示意图");
}

/* A note edited or removed changes its report (the preview and the
 * draft follow); removing one takes its mark, so the later notes keep
 * theirs, and leaves the text of a note whose mark is gone alone. */
static void
test_edit_notes (void)
{
  g_autoptr(HuiReport) report = hui_report_new ();
  g_autoptr(HuiBlock) para = hui_block_new_paragraph ("甲" HUI_NOTE_MARK "乙" HUI_NOTE_MARK "丙");
  g_auto(GStrv) texts = NULL;
  guint64 revision;

  hui_block_add_note (para, HUI_NOTE_FOOTNOTE, "注一");
  hui_block_add_note (para, HUI_NOTE_FOOTNOTE, "注二");
  hui_block_add_note (para, HUI_NOTE_ENDNOTE, "注三");  /* its mark was edited away */
  hui_report_append_block (report, para);

  revision = hui_report_get_revision (report);
  hui_block_set_note (para, 1, "注二（改）");
  g_assert_cmpuint (hui_report_get_revision (report), >, revision);
  g_object_get (para, "notes", &texts, NULL);
  g_assert_cmpuint (g_strv_length (texts), ==, 3);
  g_assert_cmpstr (texts[1], ==, "注二（改）");

  /* The same text again is no change. */
  revision = hui_report_get_revision (report);
  hui_block_set_note (para, 1, "注二（改）");
  g_assert_cmpuint (hui_report_get_revision (report), ==, revision);

  hui_block_remove_note (para, 0);
  g_assert_cmpuint (hui_block_get_n_notes (para), ==, 2);
  g_assert_cmpstr (hui_block_get_text (para), ==, "甲乙" HUI_NOTE_MARK "丙");
  g_assert_cmpstr (hui_block_get_note (para, 0, NULL), ==, "注二（改）");
  g_assert_cmpuint (hui_report_get_revision (report), >, revision);

  /* The unmarked one goes without touching the remaining mark. */
  hui_block_remove_note (para, 1);
  g_assert_cmpstr (hui_block_get_text (para), ==, "甲乙" HUI_NOTE_MARK "丙");
  g_assert_cmpuint (hui_block_get_n_notes (para), ==, 1);

  /* One inserted before it takes the first place. */
  revision = hui_report_get_revision (report);
  hui_block_insert_note (para, 0, HUI_NOTE_FOOTNOTE, "新注");
  g_assert_cmpuint (hui_report_get_revision (report), >, revision);
  g_assert_cmpstr (hui_block_get_note (para, 0, NULL), ==, "新注");
  g_assert_cmpstr (hui_block_get_note (para, 1, NULL), ==, "注二（改）");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/bulletin-reports", test_bulletin_reports);
  g_test_add_func ("/model/properties-notify", test_properties_notify);
  g_test_add_func ("/model/blocks", test_blocks);
  g_test_add_func ("/model/changed", test_changed);
  g_test_add_func ("/model/renumber", test_renumber);
  g_test_add_func ("/model/history", test_history);
  g_test_add_func ("/model/sections", test_sections);
  g_test_add_func ("/model/follow-moves", test_follow_moves);
  g_test_add_func ("/model/report-operations", test_report_operations);
  g_test_add_func ("/model/find-replace", test_find_replace);

  g_test_add_func ("/model/objects-and-notes", test_objects_and_notes);
  g_test_add_func ("/model/edit-notes", test_edit_notes);

  return g_test_run ();
}

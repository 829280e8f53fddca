/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-report-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hui-note-button.h"
#include "hui-report-view-private.h"
#include "text/hui-text-rules.h"

/* The selected report: its title, organisation and date, edited in place
 * (the fields are bound to the model both ways), and its body with each
 * heading shown in its level's style. */
struct _HuiReportView
{
  GtkWidget      parent_instance;

  HuiReport     *report;
  GBindingGroup *bindings;
  GSignalGroup  *signals;

  GtkEntry      *title_entry;
  GtkEntry      *subtitle_entry;
  GtkEntry      *organization_entry;
  GtkEntry      *date_entry;
  GtkTextView   *body_view;
  GtkListBox    *outline_list;
  GtkPopover    *outline_popover;
  GtkMenuButton *outline_button;
  gboolean       filling; /* the body is being shown, not edited */
  gboolean       syncing; /* the model is being updated from the body */
};

G_DEFINE_FINAL_TYPE (HuiReportView, hui_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STEP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *heading_tags[] = { NULL, "heading1", "heading2", "heading3", "heading4" };

static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "heading1", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.15, "pixels-above-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "heading2", "weight", PANGO_WEIGHT_BOLD,
                              "style", PANGO_STYLE_ITALIC, "pixels-above-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "heading3", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "heading4", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "indent", 32, NULL);
  gtk_text_buffer_create_tag (buffer, "chinese", "language", "zh-cn", NULL);
  /* Tables and images show as one line that cannot be typed into: their
   * contents are edited elsewhere (the source document), not as text. */
  gtk_text_buffer_create_tag (buffer, "object", "editable", FALSE, "style", PANGO_STYLE_ITALIC,
                              "foreground", "#1c71d8", "indent", 32, NULL);
}

/* What a table's or an image's line shows. */
static char *
object_line (HuiBlock *block)
{
  if (hui_block_get_kind (block) == HUI_BLOCK_TABLE)
    {
      const char * const *first = hui_block_get_n_rows (block) > 0 ? hui_block_get_row (block, 0) : NULL;
      g_autofree char *header = first ? g_strjoinv (" | ", (char **)first) : g_strdup ("");

      g_strdelimit (header, "\n", ' ');
      return g_strdup_printf (_("▦ Table, %u × %u: %s"), hui_block_get_n_rows (block),
                              hui_block_get_n_columns (block), header);
    }
  return g_strdup_printf (_("▣ Image: %s"), hui_block_get_text (block));
}

static gboolean
is_object (HuiBlock *block)
{
  HuiBlockKind kind = hui_block_get_kind (block);

  return kind == HUI_BLOCK_TABLE || kind == HUI_BLOCK_IMAGE;
}

/* Marks for the notes whose mark was edited away: they print at the end
 * of their block, and are shown there. */
static char *
unmarked_notes (HuiBlock *block)
{
  guint marks = hui_block_count_marks (block);
  guint notes = hui_block_get_n_notes (block);
  GString *tail = g_string_new (NULL);

  for (guint i = marks; i < notes; i++)
    g_string_append (tail, HUI_NOTE_MARK);
  return g_string_free (tail, FALSE);
}

static void
note_edited_cb (HuiReportView *self,
                const char    *text,
                HuiNoteButton *button)
{
  g_signal_emit (self, signals[STEP], 0);
  /* The body shows the same text: it need not be filled again. */
  self->syncing = TRUE;
  hui_block_set_note (hui_note_button_get_block (button), hui_note_button_get_index (button), text);
  self->syncing = FALSE;
  g_signal_emit (self, signals[STEP], 0);
}

static void
note_remove_cb (HuiReportView *self,
                HuiNoteButton *button)
{
  g_signal_emit (self, signals[STEP], 0);
  /* The report's change shows the body again, without this note. */
  hui_block_remove_note (hui_note_button_get_block (button), hui_note_button_get_index (button));
  g_signal_emit (self, signals[STEP], 0);
}

/* Inserts @text, each note mark in it as the note's button (a child
 * anchor, which the buffer reads as U+FFFC like the model). @note counts
 * the block's notes, @number the report's as printed. */
static void
insert_marked (HuiReportView *self,
               GtkTextIter   *iter,
               const char    *text,
               const char    *tag,
               HuiBlock      *block,
               guint         *note,
               guint         *number)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  const char *p = text, *mark;

  while ((mark = strstr (p, HUI_NOTE_MARK)) != NULL)
    {
      GtkTextChildAnchor *anchor;

      gtk_text_buffer_insert_with_tags_by_name (buffer, iter, p, mark - p, tag, NULL);
      anchor = gtk_text_buffer_create_child_anchor (buffer, iter);
      /* A mark left without a note prints nothing and shows nothing. */
      if (*note < hui_block_get_n_notes (block))
        {
          HuiNoteButton *button = hui_note_button_new (block, (*note)++, ++*number);

          g_signal_connect_object (button, "edited", G_CALLBACK (note_edited_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (button, "remove", G_CALLBACK (note_remove_cb), self, G_CONNECT_SWAPPED);
          gtk_text_view_add_child_at_anchor (self->body_view, GTK_WIDGET (button), anchor);
        }
      p = mark + strlen (HUI_NOTE_MARK);
    }
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, p, -1, tag, NULL);
}

static void
append_block (HuiReportView *self,
              HuiBlock      *block,
              guint         *number)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter end;
  guint level = hui_block_get_level (block);
  g_autofree char *heading = g_strconcat (hui_block_get_label (block) ?: "", hui_block_get_text (block), NULL);
  g_autofree char *unmarked = unmarked_notes (block);
  guint note = 0;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (is_object (block))
    {
      g_autofree char *line = object_line (block);

      /* The line break is protected too, so nothing can be typed onto the line. */
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, "object", NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n", -1, "object", NULL);
      return;
    }
  if (level == 0)
    insert_marked (self, &end, hui_block_get_text (block), "paragraph", block, &note, number);
  else
    {
      insert_marked (self, &end, heading, heading_tags[level], block, &note, number);
      insert_marked (self, &end, hui_block_get_run_in (block) ?: "", NULL, block, &note, number);
    }
  insert_marked (self, &end, unmarked, NULL, block, &note, number);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
}

/* The outline: the report's headings, indented by level; a heading
 * picked there puts the cursor on it. */
static void
fill_outline (HuiReportView *self)
{
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);

  for (guint i = 0; self->report && i < hui_report_get_n_blocks (self->report); i++)
    {
      HuiBlock *block = hui_report_get_block (self->report, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (hui_block_get_kind (block) != HUI_BLOCK_HEADING)
        continue;

      text = g_strconcat (hui_block_get_label (block) ?: "", hui_block_get_text (block), NULL);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_start (label, 6 + 18 * (hui_block_get_level (block) - 1));
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      gtk_list_box_append (self->outline_list, label);
      g_object_set_data (G_OBJECT (gtk_widget_get_parent (label)), "block", GUINT_TO_POINTER (i));
      any = TRUE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->outline_button), any);
}

static void
outline_activated_cb (HuiReportView *self,
                      GtkListBoxRow *row)
{
  gtk_popover_popdown (self->outline_popover);
  hui_report_view_set_cursor_block (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "block")));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
fill_body (HuiReportView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  guint number = 0;

  self->filling = TRUE;
  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; self->report && i < hui_report_get_n_blocks (self->report); i++)
    append_block (self, hui_report_get_block (self->report, i), &number);

  /* Simplified Chinese glyphs, whatever language the interface is in. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "chinese", &start, &end);
  self->filling = FALSE;
  fill_outline (self);
}

/* The body is shown again after any change made elsewhere (a level, a
 * move, undo); the cursor keeps its place. Edits typed here are already
 * in the text. */
static void
report_changed_cb (HuiReportView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter iter;
  int line, offset;

  if (self->syncing)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&iter);
  offset = gtk_text_iter_get_line_offset (&iter);
  fill_body (self);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* What a block's line shows, note marks included. */
static char *
block_line (HuiBlock *block)
{
  g_autofree char *unmarked = NULL;

  if (is_object (block))
    return object_line (block);
  unmarked = unmarked_notes (block);
  return g_strconcat (hui_block_get_label (block) ?: "", hui_block_get_text (block),
                      hui_block_get_run_in (block) ?: "", unmarked, NULL);
}

/* Puts an edited line back into its block: a heading keeps its label and
 * the split between its text and the text run in after it. */
static void
apply_line (HuiBlock   *block,
            const char *line)
{
  const char *label = hui_block_get_label (block);
  const char *rest = line;
  const char *text = hui_block_get_text (block);

  if (is_object (block))
    return;
  if (hui_block_get_kind (block) == HUI_BLOCK_PARAGRAPH)
    {
      hui_block_set_text (block, line);
      return;
    }

  if (label != NULL && g_str_has_prefix (rest, label))
    rest += strlen (label);
  if (hui_block_get_run_in (block) != NULL && g_str_has_prefix (rest, text) && rest[strlen (text)] != '\0')
    hui_block_set_run_in (block, rest + strlen (text));
  else
    {
      hui_block_set_run_in (block, NULL);
      hui_block_set_text (block, rest);
    }
}

/* A line typed anew is a heading when it starts with a heading label
 * ("三、……"), else a paragraph. */
static HuiBlock *
block_for_line (const char *line)
{
  HuiHeadingMatch match;
  HuiBlock *block;

  if (hui_text_rules_parse_heading (line, &match) && !match.malformed)
    block = hui_block_new_heading (match.level, match.label, match.text, match.run_in);
  else
    block = hui_block_new_paragraph (line);
  hui_heading_match_clear (&match);
  return block;
}

static GStrv
body_lines (HuiReportView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gsize len;

  /* A slice, not the text: it has U+FFFC for each note's button. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, FALSE);
  len = strlen (text);
  if (len > 0 && text[len - 1] == '\n')
    text[len - 1] = '\0';

  return g_strsplit (text, "\n", -1);
}

/* Replaces blocks [@b0, @b1) by lines [@l0, @l1): lines and blocks are
 * paired in order (a changed line edits its block), and the extra lines
 * are inserted as new blocks or the extra blocks removed. */
static void
replace_range (HuiReportView *self,
               GStrv          lines,
               guint          l0,
               guint          l1,
               guint          b0,
               guint          b1)
{
  guint m = l1 - l0;  /* lines between */
  guint k = b1 - b0;  /* blocks between */

  for (guint j = 0; j < MIN (m, k); j++)
    apply_line (hui_report_get_block (self->report, b0 + j), lines[l0 + j]);
  for (guint j = k; j < m; j++)
    {
      g_autoptr(HuiBlock) block = block_for_line (lines[l0 + j]);

      hui_report_insert_block (self->report, b0 + j, block);
    }
  for (guint j = m; j < k; j++)
    hui_report_remove_block (self->report, b0 + m);
}

typedef struct {
  guint line;
  guint block;
} Anchor;

/* Maps the body's lines onto the blocks: the lines that match the blocks
 * at the start and at the end are kept, and the ones between replace the
 * blocks between (changed, inserted or deleted lines alike). A table's or
 * an image's line, which cannot be edited, anchors its block: the text on
 * either side of it is mapped on its own side, so that no edit around it
 * can turn it into a paragraph. Returns whether headings were renumbered
 * (lines were added or removed), so the labels shown may be out of date. */
static gboolean
sync_from_body (HuiReportView *self)
{
  g_auto(GStrv) lines = body_lines (self);
  guint n_lines = g_strv_length (lines);
  guint n_blocks = hui_report_get_n_blocks (self->report);
  guint head = 0, tail = 0;
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  guint line_end, block_end;

  while (head < n_lines && head < n_blocks)
    {
      g_autofree char *shown = block_line (hui_report_get_block (self->report, head));

      if (!g_str_equal (shown, lines[head]))
        break;
      head++;
    }
  while (tail < n_lines - head && tail < n_blocks - head)
    {
      g_autofree char *shown = block_line (hui_report_get_block (self->report, n_blocks - 1 - tail));

      if (!g_str_equal (shown, lines[n_lines - 1 - tail]))
        break;
      tail++;
    }

  /* Pair each object between with its line, in order. */
  for (guint b = head, l = head; b < n_blocks - tail; b++)
    {
      HuiBlock *block = hui_report_get_block (self->report, b);
      g_autofree char *shown = NULL;
      guint found = l;

      if (!is_object (block))
        continue;
      shown = block_line (block);
      while (found < n_lines - tail && !g_str_equal (lines[found], shown))
        found++;
      if (found < n_lines - tail)
        {
          Anchor anchor = { found, b };

          g_array_append_val (anchors, anchor);
          l = found + 1;
        }
    }

  self->syncing = TRUE;
  /* From the last segment back, so that earlier block indices hold. */
  line_end = n_lines - tail;
  block_end = n_blocks - tail;
  for (guint a = anchors->len; a > 0; a--)
    {
      Anchor *anchor = &g_array_index (anchors, Anchor, a - 1);

      replace_range (self, lines, anchor->line + 1, line_end, anchor->block + 1, block_end);
      line_end = anchor->line;
      block_end = anchor->block;
    }
  replace_range (self, lines, head, line_end, head, block_end);
  self->syncing = FALSE;

  /* Headings added or removed renumber the rest. */
  if (n_lines != n_blocks)
    {
      self->syncing = TRUE;
      hui_report_renumber_headings (self->report);
      self->syncing = FALSE;
      return TRUE;
    }
  return FALSE;
}

static void
body_changed_cb (HuiReportView *self)
{
  if (self->filling || self->report == NULL)
    return;

  /* Plain typing changes one line: nothing to compare afterwards. */
  if (!sync_from_body (self))
    {
      fill_outline (self);
      return;
    }

  /* Show the new numbers if renumbering changed a label. */
  {
    g_auto(GStrv) lines = body_lines (self);
    gboolean same = g_strv_length (lines) == hui_report_get_n_blocks (self->report);

    for (guint i = 0; same && lines[i] != NULL; i++)
      {
        g_autofree char *shown = block_line (hui_report_get_block (self->report, i));
        same = g_str_equal (shown, lines[i]);
      }
    if (!same)
      report_changed_cb (self);
    else
      fill_outline (self);
  }
}

/* Entries show "" where the model has no value (NULL). */
static gboolean
to_entry_cb (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

guint
hui_report_view_get_cursor_block (HuiReportView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_line (&iter);
}

/* Each block is one line of the body, so a block is a line number. */
void
hui_report_view_set_cursor_block (HuiReportView *self,
                                  guint          position)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, position);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (self->body_view, gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
}

static gboolean
has_block_at_cursor (HuiReportView *self)
{
  return self->report != NULL && hui_report_view_get_cursor_block (self) < hui_report_get_n_blocks (self->report);
}

static void
set_level_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  HuiReportView *self = HUI_REPORT_VIEW (widget);
  guint position;

  if (!has_block_at_cursor (self))
    return;

  position = hui_report_view_get_cursor_block (self);
  g_signal_emit (self, signals[STEP], 0);
  hui_report_set_block_level (self->report, position, (guint)g_variant_get_int32 (param));
  g_signal_emit (self, signals[STEP], 0);
  hui_report_view_set_cursor_block (self, position);
}

static void
promote_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  HuiReportView *self = HUI_REPORT_VIEW (widget);
  guint position;

  if (!has_block_at_cursor (self))
    return;

  position = hui_report_view_get_cursor_block (self);
  g_signal_emit (self, signals[STEP], 0);
  if (hui_report_promote_run_in (self->report, position, (guint)g_variant_get_int32 (param)))
    {
      g_signal_emit (self, signals[STEP], 0);
      hui_report_view_set_cursor_block (self, position);
    }
}

static void
move_section_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  HuiReportView *self = HUI_REPORT_VIEW (widget);
  guint moved_to;

  if (!has_block_at_cursor (self))
    return;
  g_signal_emit (self, signals[STEP], 0);
  if (hui_report_move_section (self->report, hui_report_view_get_cursor_block (self),
                               g_variant_get_int32 (param), &moved_to))
    {
      g_signal_emit (self, signals[STEP], 0);
      hui_report_view_set_cursor_block (self, moved_to);
    }
}

/* The note button on the cursor's line nearest to the cursor, or NULL. */
static HuiNoteButton *
note_button_near_cursor (HuiReportView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter cursor, iter;
  HuiNoteButton *nearest = NULL;
  int best = G_MAXINT;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  iter = cursor;
  gtk_text_iter_set_line_offset (&iter, 0);
  for (; !gtk_text_iter_ends_line (&iter); gtk_text_iter_forward_char (&iter))
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      g_autofree GtkWidget **widgets = NULL;
      guint n = 0;
      /* A note just before the cursor counts as at it. */
      int distance = ABS (gtk_text_iter_get_offset (&iter) + 1 - gtk_text_iter_get_offset (&cursor));

      if (anchor == NULL)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
      if (n > 0 && HUI_IS_NOTE_BUTTON (widgets[0]) && distance < best)
        {
          nearest = HUI_NOTE_BUTTON (widgets[0]);
          best = distance;
        }
    }
  return nearest;
}

static void
update_note_actions (HuiReportView *self)
{
  gboolean text_block = has_block_at_cursor (self) &&
                        !is_object (hui_report_get_block (self->report, hui_report_view_get_cursor_block (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.add-note", text_block);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.edit-note", note_button_near_cursor (self) != NULL);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  HuiNoteButton *button = note_button_near_cursor (HUI_REPORT_VIEW (widget));

  if (button != NULL)
    hui_note_button_popup (button);
}

/* Ctrl+Alt+F: a footnote at the cursor, opened to be written. Its mark
 * goes after the heading's label, never into it. */
static void
add_note_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  HuiReportView *self = HUI_REPORT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter cursor;
  HuiBlock *block;
  g_autofree char *line = NULL;
  g_autoptr(GString) marked = NULL;
  const char *at;
  guint position, index = 0;
  glong offset;

  if (!has_block_at_cursor (self))
    return;
  position = hui_report_view_get_cursor_block (self);
  block = hui_report_get_block (self->report, position);
  if (is_object (block))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  line = block_line (block);
  offset = MAX (gtk_text_iter_get_line_offset (&cursor),
                g_utf8_strlen (hui_block_get_label (block) ?: "", -1));
  at = g_utf8_offset_to_pointer (line, MIN (offset, g_utf8_strlen (line, -1)));
  for (const char *p = line; (p = strstr (p, HUI_NOTE_MARK)) != NULL && p < at; p += strlen (HUI_NOTE_MARK))
    index++;
  marked = g_string_new_len (line, at - line);
  g_string_append (marked, HUI_NOTE_MARK);
  g_string_append (marked, at);

  g_signal_emit (self, signals[STEP], 0);
  self->syncing = TRUE;
  hui_block_insert_note (block, index, HUI_NOTE_FOOTNOTE, "");
  apply_line (block, marked->str);
  self->syncing = FALSE;
  /* Shown again with its button; the cursor goes after the mark. */
  report_changed_cb (self);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &cursor, position,
                                           g_utf8_pointer_to_offset (line, at) + 1);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  g_signal_emit (self, signals[STEP], 0);
  edit_note_action (widget, NULL, NULL);
}

static void
bind_entry (HuiReportView *self,
            const char    *property,
            GtkEntry      *entry)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_entry_set_attributes (entry, attrs);
  g_binding_group_bind_full (self->bindings, property, entry, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             to_entry_cb, NULL, NULL, NULL);
}

static void
hui_report_view_dispose (GObject *object)
{
  HuiReportView *self = (HuiReportView *)object;
  GtkWidget *child;

  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUI_TYPE_REPORT_VIEW);
  /* The template's unnamed box is this widget's own child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hui_report_view_parent_class)->dispose (object);
}

static void
hui_report_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HuiReportView *self = HUI_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_report_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HuiReportView *self = HUI_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      hui_report_view_set_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_report_view_class_init (HuiReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hui_report_view_dispose;
  object_class->get_property = hui_report_view_get_property;
  object_class->set_property = hui_report_view_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, HUI_TYPE_REPORT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted before and after each command made here (a level set, a
   * section moved, a note edited or removed): undo takes such a command
   * back on its own, not with the typing around it. */
  signals[STEP] = g_signal_new ("step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/huibian/Huibian/ui/hui-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, subtitle_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, organization_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, body_view);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, outline_popover);
  gtk_widget_class_bind_template_child (widget_class, HuiReportView, outline_button);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* Ctrl+1…Ctrl+4 make the block at the cursor a heading of that level,
   * Ctrl+0 a paragraph; Ctrl+Shift+Up/Down move its section. */
  gtk_widget_class_install_action (widget_class, "report.set-level", "i", set_level_action);
  gtk_widget_class_install_action (widget_class, "report.move-section", "i", move_section_action);
  /* Ctrl+Alt+1…4: the paragraph's lead sentence becomes a run-in heading. */
  gtk_widget_class_install_action (widget_class, "report.promote-run-in", "i", promote_action);
  for (int level = 1; level <= HUI_MAX_HEADING_LEVEL; level++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + level, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                         "report.promote-run-in", "i", level);
  for (int level = 0; level <= HUI_MAX_HEADING_LEVEL; level++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + level, GDK_CONTROL_MASK,
                                         "report.set-level", "i", level);
  gtk_widget_class_install_action (widget_class, "report.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "report.edit-note", NULL, edit_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "report.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "report.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.move-section", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.move-section", "i", 1);
}

static void
hui_report_view_init (HuiReportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  create_tags (gtk_text_view_get_buffer (self->body_view));
  /* Undo is the bulletin's (Ctrl+Z goes to the window), not the buffer's. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->body_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (body_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "notify::cursor-position",
                            G_CALLBACK (update_note_actions), self);

  self->bindings = g_binding_group_new ();
  bind_entry (self, "title", self->title_entry);
  bind_entry (self, "subtitle", self->subtitle_entry);
  bind_entry (self, "organization", self->organization_entry);
  bind_entry (self, "date", self->date_entry);

  self->signals = g_signal_group_new (HUI_TYPE_REPORT);
  g_signal_group_connect_swapped (self->signals, "changed", G_CALLBACK (report_changed_cb), self);
}

void
hui_report_view_set_report (HuiReportView *self,
                            HuiReport     *report)
{
  g_return_if_fail (HUI_IS_REPORT_VIEW (self));

  if (!g_set_object (&self->report, report))
    return;

  g_binding_group_set_source (self->bindings, report);
  g_signal_group_set_target (self->signals, report);
  gtk_widget_set_sensitive (GTK_WIDGET (self), report != NULL);
  fill_body (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/* The number of headings the outline lists. */
guint
hui_report_view_get_outline_size (HuiReportView *self)
{
  guint n = 0;

  g_return_val_if_fail (HUI_IS_REPORT_VIEW (self), 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list)); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

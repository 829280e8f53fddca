/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-report"

#include "config.h"

#include "hui-list-follower.h"
#include "hui-numbering.h"
#include "hui-report.h"
#include "support/hui-util.h"

/* One report of a bulletin, as an office sent it in: a title in one or two
 * parts, an optional organisation and date, and a body of blocks. The
 * source file and the page it started on in a compiled bulletin are kept so
 * that an editor can trace a report back, and import warnings stay with the
 * report they concern until the editor has dealt with them. */
struct _HuiReport
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *organization;
  char *date;
  char *source;
  guint source_page;
  GListStore *blocks;
  HuiListFollower *block_follower;  /* each block's ::notify */
  GPtrArray *warnings;
  guint64 revision;
};

G_DEFINE_FINAL_TYPE (HuiReport, hui_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ORGANIZATION,
  PROP_DATE,
  PROP_SOURCE,
  PROP_SOURCE_PAGE,
  PROP_BLOCKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hui_report_finalize (GObject *object)
{
  HuiReport *self = (HuiReport *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->source, g_free);
  /* The block list may outlive the report (a view holding it). */
  g_clear_pointer (&self->block_follower, hui_list_follower_free);
  g_signal_handlers_disconnect_by_data (self->blocks, self);
  g_clear_object (&self->blocks);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (hui_report_parent_class)->finalize (object);
}

static void
hui_report_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HuiReport *self = HUI_REPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_SOURCE_PAGE:
      g_value_set_uint (value, self->source_page);
      break;
    case PROP_BLOCKS:
      g_value_set_object (value, self->blocks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_report_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HuiReport *self = HUI_REPORT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      hui_report_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      hui_report_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_ORGANIZATION:
      hui_report_set_organization (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      hui_report_set_date (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      hui_report_set_source (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_PAGE:
      hui_report_set_source_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
hui_report_class_init (HuiReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hui_report_finalize;
  object_class->get_property = hui_report_get_property;
  object_class->set_property = hui_report_set_property;

  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  properties[PROP_ORGANIZATION] = string_property ("organization");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_SOURCE] = string_property ("source");
  properties[PROP_SOURCE_PAGE] =
    g_param_spec_uint ("source-page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BLOCKS] =
    g_param_spec_object ("blocks", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything in the report changed: a property, a block, the blocks. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* Any change to the report, its block list or one of its blocks bumps
 * the revision, which is how the paginator knows what to lay out again. */
static void
bump_revision (HuiReport *self)
{
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
changed_cb (GObject    *object,
            GParamSpec *pspec,
            HuiReport  *self)
{
  bump_revision (self);
}

static void
blocks_changed_cb (GListModel *blocks,
                   guint       position,
                   guint       removed,
                   guint       added,
                   HuiReport  *self)
{
  bump_revision (self);
}

static void
hui_report_init (HuiReport *self)
{
  self->blocks = g_list_store_new (HUI_TYPE_BLOCK);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  /* Connected first, so the blocks are followed before anyone hears of
   * the change. */
  self->block_follower = hui_list_follower_new (G_LIST_MODEL (self->blocks), "notify",
                                                G_CALLBACK (changed_cb), self);
  g_signal_connect (self->blocks, "items-changed", G_CALLBACK (blocks_changed_cb), self);
  g_signal_connect (self, "notify", G_CALLBACK (changed_cb), self);
}

HuiReport *
hui_report_new (void)
{
  return g_object_new (HUI_TYPE_REPORT, NULL);
}

/* A report of its own with the same content (blocks copied, not shared). */
HuiReport *
hui_report_copy (HuiReport *self)
{
  HuiReport *copy;

  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  copy = g_object_new (HUI_TYPE_REPORT,
                       "title", self->title, "subtitle", self->subtitle,
                       "organization", self->organization, "date", self->date,
                       "source", self->source, "source-page", self->source_page,
                       NULL);
  for (guint i = 0; i < hui_report_get_n_blocks (self); i++)
    {
      g_autoptr(HuiBlock) block = hui_block_copy (hui_report_get_block (self, i));

      hui_report_append_block (copy, block);
    }
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (copy->warnings, g_strdup (self->warnings->pdata[i]));

  return copy;
}

static void
set_string_property (HuiReport   *self,
                     char       **field,
                     const char  *value,
                     guint        prop_id)
{
  if (hui_util_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
hui_report_get_title (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return self->title;
}

void
hui_report_set_title (HuiReport  *self,
                      const char *title)
{
  g_return_if_fail (HUI_IS_REPORT (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
hui_report_get_subtitle (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return self->subtitle;
}

void
hui_report_set_subtitle (HuiReport  *self,
                         const char *subtitle)
{
  g_return_if_fail (HUI_IS_REPORT (self));

  set_string_property (self, &self->subtitle, subtitle, PROP_SUBTITLE);
}

/* The title as one line, both parts separated by a space, as the table of
 * contents and the report list show it. */
char *
hui_report_dup_full_title (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  if (self->subtitle == NULL)
    return g_strdup (self->title ? self->title : "");

  return g_strconcat (self->title ? self->title : "", " ", self->subtitle, NULL);
}

const char *
hui_report_get_organization (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return self->organization;
}

void
hui_report_set_organization (HuiReport  *self,
                             const char *organization)
{
  g_return_if_fail (HUI_IS_REPORT (self));

  set_string_property (self, &self->organization, organization, PROP_ORGANIZATION);
}

const char *
hui_report_get_date (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return self->date;
}

/* Dates are ISO 8601 (2023-07-25); the paginator prints them the Chinese
 * way, so the model keeps one unambiguous spelling. */
void
hui_report_set_date (HuiReport  *self,
                     const char *iso_date)
{
  g_return_if_fail (HUI_IS_REPORT (self));

  set_string_property (self, &self->date, iso_date, PROP_DATE);
}

const char *
hui_report_get_source (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return self->source;
}

void
hui_report_set_source (HuiReport  *self,
                       const char *source)
{
  g_return_if_fail (HUI_IS_REPORT (self));

  set_string_property (self, &self->source, source, PROP_SOURCE);
}

guint
hui_report_get_source_page (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), 0);

  return self->source_page;
}

/* 0 means the report did not come from a compiled bulletin. */
void
hui_report_set_source_page (HuiReport *self,
                            guint      page)
{
  g_return_if_fail (HUI_IS_REPORT (self));

  if (self->source_page == page)
    return;

  self->source_page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_PAGE]);
}

GListModel *
hui_report_get_blocks (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->blocks);
}

guint
hui_report_get_n_blocks (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
}

/* Returns a borrowed reference: the report keeps its blocks alive. */
HuiBlock *
hui_report_get_block (HuiReport *self,
                      guint      position)
{
  HuiBlock *block;

  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), position);
  if (block != NULL)
    g_object_unref (block);

  return block;
}

void
hui_report_append_block (HuiReport *self,
                         HuiBlock  *block)
{
  g_return_if_fail (HUI_IS_REPORT (self));
  g_return_if_fail (HUI_IS_BLOCK (block));

  g_list_store_append (self->blocks, block);
}

void
hui_report_insert_block (HuiReport *self,
                         guint      position,
                         HuiBlock  *block)
{
  g_return_if_fail (HUI_IS_REPORT (self));
  g_return_if_fail (HUI_IS_BLOCK (block));

  g_list_store_insert (self->blocks, position, block);
}

void
hui_report_remove_block (HuiReport *self,
                         guint      position)
{
  g_return_if_fail (HUI_IS_REPORT (self));
  g_return_if_fail (position < hui_report_get_n_blocks (self));

  g_list_store_remove (self->blocks, position);
}

const GPtrArray *
hui_report_get_warnings (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), NULL);

  return self->warnings;
}

void
hui_report_add_warning (HuiReport  *self,
                        const char *format,
                        ...)
{
  va_list args;

  g_return_if_fail (HUI_IS_REPORT (self));

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

guint64
hui_report_get_revision (HuiReport *self)
{
  g_return_val_if_fail (HUI_IS_REPORT (self), 0);

  return self->revision;
}

guint
hui_report_count_paragraphs (HuiReport *self)
{
  return hui_report_count_blocks (self, HUI_BLOCK_PARAGRAPH);
}

guint
hui_report_count_blocks (HuiReport    *self,
                         HuiBlockKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (HUI_IS_REPORT (self), 0);

  for (guint i = 0; i < hui_report_get_n_blocks (self); i++)
    if (hui_block_get_kind (hui_report_get_block (self, i)) == kind)
      n++;

  return n;
}

/* Footnotes and endnotes of all blocks. */
guint
hui_report_count_notes (HuiReport *self)
{
  guint n = 0;

  g_return_val_if_fail (HUI_IS_REPORT (self), 0);

  for (guint i = 0; i < hui_report_get_n_blocks (self); i++)
    n += hui_block_get_n_notes (hui_report_get_block (self, i));

  return n;
}

gsize
hui_report_count_characters (HuiReport *self)
{
  gsize n = 0;

  g_return_val_if_fail (HUI_IS_REPORT (self), 0);

  for (guint i = 0; i < hui_report_get_n_blocks (self); i++)
    n += hui_block_count_characters (hui_report_get_block (self, i));

  return n;
}

/* Numbers the headings in order, each level counting from 1 again under
 * a heading of a higher level. Headings the author left unnumbered stay
 * unnumbered, so a report that never numbered its headings is not given
 * numbers it did not have. */
void
hui_report_renumber_headings (HuiReport *self)
{
  guint counters[HUI_MAX_HEADING_LEVEL + 1] = { 0 };

  g_return_if_fail (HUI_IS_REPORT (self));

  for (guint i = 0; i < hui_report_get_n_blocks (self); i++)
    {
      HuiBlock *block = hui_report_get_block (self, i);
      guint level = hui_block_get_level (block);
      g_autofree char *label = NULL;

      if (level == 0)
        continue;

      counters[level]++;
      for (guint deeper = level + 1; deeper <= HUI_MAX_HEADING_LEVEL; deeper++)
        counters[deeper] = 0;

      if (hui_block_get_label (block) == NULL)
        continue;

      label = hui_numbering_label_for (level, counters[level]);
      hui_block_set_label (block, label);
    }
}

/* Makes the block at @position a heading of @level (1–4) or a paragraph
 * (0), and renumbers. A heading made a paragraph keeps its run-in text;
 * a paragraph made a heading gets a number label. */
void
hui_report_set_block_level (HuiReport *self,
                            guint      position,
                            guint      level)
{
  HuiBlock *block;

  g_return_if_fail (HUI_IS_REPORT (self));
  g_return_if_fail (position < hui_report_get_n_blocks (self));
  g_return_if_fail (level <= HUI_MAX_HEADING_LEVEL);

  block = hui_report_get_block (self, position);
  if (hui_block_get_kind (block) == HUI_BLOCK_TABLE || hui_block_get_kind (block) == HUI_BLOCK_IMAGE)
    return;
  if (level == 0 && hui_block_get_level (block) > 0)
    {
      g_autofree char *text = g_strconcat (hui_block_get_text (block), hui_block_get_run_in (block) ?: "", NULL);

      hui_block_set_label (block, NULL);
      hui_block_set_run_in (block, NULL);
      hui_block_set_text (block, text);
    }
  else if (level > 0 && hui_block_get_label (block) == NULL)
    hui_block_set_label (block, "#");  /* any label: renumbering writes the real one */

  hui_block_set_level (block, level);
  hui_report_renumber_headings (self);
}

/* The blocks of the section headed at @start: the heading and everything
 * up to the next heading of the same or a higher level. */
static guint
section_end (HuiReport *self,
             guint      start)
{
  guint level = hui_block_get_level (hui_report_get_block (self, start));
  guint n = hui_report_get_n_blocks (self);
  guint end = start + 1;

  while (end < n)
    {
      guint next = hui_block_get_level (hui_report_get_block (self, end));

      if (next > 0 && next <= level)
        break;
      end++;
    }

  return end;
}

/* The heading of the section that contains @position. */
static int
section_start (HuiReport *self,
               guint      position)
{
  for (int i = position; i >= 0; i--)
    if (hui_block_get_level (hui_report_get_block (self, i)) > 0)
      return i;

  return -1;
}

/* The previous section of the same level under the same parent, or -1. */
static int
previous_sibling (HuiReport *self,
                  guint      start)
{
  guint level = hui_block_get_level (hui_report_get_block (self, start));

  for (int i = (int)start - 1; i >= 0; i--)
    {
      guint l = hui_block_get_level (hui_report_get_block (self, i));

      if (l == level)
        return i;
      if (l > 0 && l < level)
        return -1;
    }

  return -1;
}

static void
move_blocks (HuiReport *self,
             guint      from,
             guint      n,
             guint      to)
{
  g_autoptr(GPtrArray) moving = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (moving, g_object_ref (hui_report_get_block (self, from + i)));
  g_list_store_splice (self->blocks, from, n, NULL, 0);
  g_list_store_splice (self->blocks, to, 0, moving->pdata, n);
}

/* Moves the section containing @position (its heading with everything
 * under it) before the previous section of its level (@direction < 0) or
 * after the next one, and renumbers. */
gboolean
hui_report_move_section (HuiReport *self,
                         guint      position,
                         int        direction,
                         guint     *new_position)
{
  int start;
  guint end;

  g_return_val_if_fail (HUI_IS_REPORT (self), FALSE);
  g_return_val_if_fail (position < hui_report_get_n_blocks (self), FALSE);

  start = section_start (self, position);
  if (start < 0)
    return FALSE;
  end = section_end (self, start);

  if (direction < 0)
    {
      int before = previous_sibling (self, start);

      if (before < 0)
        return FALSE;
      move_blocks (self, start, end - start, before);
      if (new_position != NULL)
        *new_position = before + (position - start);
    }
  else
    {
      guint next_end;

      if (end >= hui_report_get_n_blocks (self) ||
          hui_block_get_level (hui_report_get_block (self, end)) !=
          hui_block_get_level (hui_report_get_block (self, start)))
        return FALSE;
      next_end = section_end (self, end);
      move_blocks (self, start, end - start, next_end - (end - start));
      if (new_position != NULL)
        *new_position = next_end - (end - start) + (position - start);
    }

  hui_report_renumber_headings (self);
  return TRUE;
}

/* Makes the lead sentence of the paragraph at @position a run-in heading
 * of @level ("一要抓好调查研究。要……" → heading "一要抓好调查研究。"
 * with the rest run in); a paragraph of one sentence becomes a heading. */
gboolean
hui_report_promote_run_in (HuiReport *self,
                           guint      position,
                           guint      level)
{
  HuiBlock *block;
  const char *text;
  g_autofree char *heading = NULL;
  const char *rest = NULL;

  g_return_val_if_fail (HUI_IS_REPORT (self), FALSE);
  g_return_val_if_fail (level >= 1 && level <= HUI_MAX_HEADING_LEVEL, FALSE);

  if (position >= hui_report_get_n_blocks (self))
    return FALSE;
  block = hui_report_get_block (self, position);
  if (hui_block_get_kind (block) != HUI_BLOCK_PARAGRAPH)
    return FALSE;

  text = hui_block_get_text (block);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
        {
          const char *end = g_utf8_next_char (p);

          if (*end != '\0')
            {
              heading = g_strndup (text, end - text);
              rest = end;
            }
          break;
        }
    }

  {
    g_autofree char *run_in = g_strdup (rest);

    hui_block_set_text (block, heading ? heading : text);
    hui_block_set_run_in (block, run_in);
  }
  hui_block_set_label (block, "#");
  hui_block_set_level (block, level);
  hui_report_renumber_headings (self);
  return TRUE;
}

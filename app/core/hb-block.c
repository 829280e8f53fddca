/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-block"

#include "config.h"

#include "hb-block.h"
#include "hb-util.h"

/* One block of a report body: a paragraph, or a heading of level 1–4.
 * A heading keeps its number label ("一、", "（一）", "1.", "（1）") apart
 * from its text so that numbering can be regenerated when sections move.
 * A run-in heading ("（一）围绕……。正文……") stays one block: the heading
 * text plus the body text that follows it on the same line. A paragraph
 * has level 0 and no label. */
struct _HbBlock
{
  GObject parent_instance;

  guint level;
  char *label;
  char *text;
  char *run_in;
};

G_DEFINE_FINAL_TYPE (HbBlock, hb_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_LABEL,
  PROP_TEXT,
  PROP_RUN_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hb_block_finalize (GObject *object)
{
  HbBlock *self = (HbBlock *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->run_in, g_free);

  G_OBJECT_CLASS (hb_block_parent_class)->finalize (object);
}

static void
hb_block_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HbBlock *self = HB_BLOCK (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RUN_IN:
      g_value_set_string (value, self->run_in);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_block_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HbBlock *self = HB_BLOCK (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      hb_block_set_level (self, g_value_get_uint (value));
      break;
    case PROP_LABEL:
      hb_block_set_label (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      hb_block_set_text (self, g_value_get_string (value));
      break;
    case PROP_RUN_IN:
      hb_block_set_run_in (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_block_class_init (HbBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hb_block_finalize;
  object_class->get_property = hb_block_get_property;
  object_class->set_property = hb_block_set_property;

  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL,
                       0, HB_MAX_HEADING_LEVEL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUN_IN] =
    g_param_spec_string ("run-in", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_block_init (HbBlock *self)
{
  self->text = g_strdup ("");
}

HbBlock *
hb_block_new_paragraph (const char *text)
{
  return g_object_new (HB_TYPE_BLOCK, "text", text, NULL);
}

HbBlock *
hb_block_new_heading (guint       level,
                      const char *label,
                      const char *text,
                      const char *run_in)
{
  g_return_val_if_fail (level >= 1 && level <= HB_MAX_HEADING_LEVEL, NULL);

  return g_object_new (HB_TYPE_BLOCK,
                       "level", level,
                       "label", label,
                       "text", text,
                       "run-in", run_in,
                       NULL);
}

HbBlock *
hb_block_copy (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), NULL);

  return g_object_new (HB_TYPE_BLOCK,
                       "level", self->level,
                       "label", self->label,
                       "text", self->text,
                       "run-in", self->run_in,
                       NULL);
}

HbBlockKind
hb_block_get_kind (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), HB_BLOCK_PARAGRAPH);

  return self->level == 0 ? HB_BLOCK_PARAGRAPH : HB_BLOCK_HEADING;
}

guint
hb_block_get_level (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), 0);

  return self->level;
}

void
hb_block_set_level (HbBlock *self,
                    guint    level)
{
  g_return_if_fail (HB_IS_BLOCK (self));
  g_return_if_fail (level <= HB_MAX_HEADING_LEVEL);

  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
hb_block_get_label (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), NULL);

  return self->label;
}

void
hb_block_set_label (HbBlock    *self,
                    const char *label)
{
  g_return_if_fail (HB_IS_BLOCK (self));

  if (hb_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
hb_block_get_text (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), NULL);

  return self->text;
}

void
hb_block_set_text (HbBlock    *self,
                   const char *text)
{
  g_return_if_fail (HB_IS_BLOCK (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
hb_block_get_run_in (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), NULL);

  return self->run_in;
}

void
hb_block_set_run_in (HbBlock    *self,
                     const char *run_in)
{
  g_return_if_fail (HB_IS_BLOCK (self));

  if (hb_set_string (&self->run_in, run_in))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_IN]);
}

/* Characters as an editor counts them: everything printed but white space. */
gsize
hb_block_count_characters (HbBlock *self)
{
  g_return_val_if_fail (HB_IS_BLOCK (self), 0);

  return hb_count_non_space (self->label) +
         hb_count_non_space (self->text) +
         hb_count_non_space (self->run_in);
}

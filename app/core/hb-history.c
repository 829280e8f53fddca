/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-history"

#include "config.h"

#include "hb-history.h"
#include "hb-project.h"

/* Undo and redo for every change to a bulletin — moves, deletions, text
 * edits, property changes — without each command having to know how to
 * undo itself: a checkpoint records the whole bulletin (as its project
 * file, a few hundred kB), and undo puts the previous one back into the
 * same bulletin object. The editor takes a checkpoint a moment after each
 * burst of changes, so a word typed is one step, not one per letter. */

#define MAX_STEPS 100

struct _HbHistory
{
  GObject parent_instance;

  HbBulletin *bulletin;
  GPtrArray *undo;   /* of GBytes; the last is the bulletin as it is now */
  GPtrArray *redo;   /* of GBytes; the last is the next to redo */
  gboolean restoring;
};

G_DEFINE_FINAL_TYPE (HbHistory, hb_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hb_history_finalize (GObject *object)
{
  HbHistory *self = (HbHistory *)object;

  g_clear_object (&self->bulletin);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (hb_history_parent_class)->finalize (object);
}

static void
hb_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HbHistory *self = HB_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hb_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, hb_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hb_history_class_init (HbHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hb_history_finalize;
  object_class->get_property = hb_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hb_history_init (HbHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
}

HbHistory *
hb_history_new (HbBulletin *bulletin)
{
  HbHistory *self;

  g_return_val_if_fail (HB_IS_BULLETIN (bulletin), NULL);

  self = g_object_new (HB_TYPE_HISTORY, NULL);
  self->bulletin = g_object_ref (bulletin);
  g_ptr_array_add (self->undo, hb_project_serialize (bulletin));
  return self;
}

static void
notify_both (HbHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Records the bulletin as it is now, unless nothing changed since the last
 * checkpoint. Returns whether a step was recorded. */
gboolean
hb_history_checkpoint (HbHistory *self)
{
  g_autoptr(GBytes) now = NULL;

  g_return_val_if_fail (HB_IS_HISTORY (self), FALSE);

  if (self->restoring)
    return FALSE;

  now = hb_project_serialize (self->bulletin);
  if (g_bytes_equal (now, self->undo->pdata[self->undo->len - 1]))
    return FALSE;

  g_ptr_array_add (self->undo, g_steal_pointer (&now));
  if (self->undo->len > MAX_STEPS + 1)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_both (self);
  return TRUE;
}

gboolean
hb_history_can_undo (HbHistory *self)
{
  g_return_val_if_fail (HB_IS_HISTORY (self), FALSE);

  return self->undo->len > 1;
}

gboolean
hb_history_can_redo (HbHistory *self)
{
  g_return_val_if_fail (HB_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/* Puts @state back into the bulletin object the editor holds, so every
 * view stays connected to it. */
static void
restore (HbHistory *self,
         GBytes    *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HbBulletin) old = hb_project_parse (state, &error);

  g_assert_no_error (error);
  self->restoring = TRUE;
  hb_bulletin_replace_contents (self->bulletin, old);
  self->restoring = FALSE;
}

gboolean
hb_history_undo (HbHistory *self)
{
  g_return_val_if_fail (HB_IS_HISTORY (self), FALSE);

  hb_history_checkpoint (self);
  if (!hb_history_can_undo (self))
    return FALSE;

  g_ptr_array_add (self->redo, g_ptr_array_steal_index (self->undo, self->undo->len - 1));
  restore (self, self->undo->pdata[self->undo->len - 1]);
  notify_both (self);
  return TRUE;
}

gboolean
hb_history_redo (HbHistory *self)
{
  GBytes *state;

  g_return_val_if_fail (HB_IS_HISTORY (self), FALSE);

  if (!hb_history_can_redo (self))
    return FALSE;

  state = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, state);
  restore (self, state);
  notify_both (self);
  return TRUE;
}

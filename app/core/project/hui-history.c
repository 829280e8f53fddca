/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-history"

#include "config.h"

#include "hui-history.h"
#include "hui-project.h"

/* Undo and redo for every change to a bulletin — moves, deletions, text
 * edits, property changes — without each command having to know how to
 * undo itself: a checkpoint records the whole bulletin (as its project
 * file, a few hundred kB), and undo puts the previous one back into the
 * same bulletin object. The editor takes a checkpoint a moment after each
 * burst of changes, so a word typed is one step, not one per letter. */

#define MAX_STEPS 100

struct _HuiHistory
{
  GObject      parent_instance;

  HuiBulletin *bulletin;
  GPtrArray   *undo; /* of GBytes; the last is the bulletin as it is now */
  GPtrArray   *redo; /* of GBytes; the last is the next to redo */
  gboolean     restoring;
};

G_DEFINE_FINAL_TYPE (HuiHistory, hui_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hui_history_finalize (GObject *object)
{
  HuiHistory *self = (HuiHistory *)object;

  g_clear_object (&self->bulletin);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (hui_history_parent_class)->finalize (object);
}

static void
hui_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HuiHistory *self = HUI_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hui_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, hui_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_history_class_init (HuiHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hui_history_finalize;
  object_class->get_property = hui_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hui_history_init (HuiHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
}

HuiHistory *
hui_history_new (HuiBulletin *bulletin)
{
  HuiHistory *self;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), NULL);

  self = g_object_new (HUI_TYPE_HISTORY, NULL);
  self->bulletin = g_object_ref (bulletin);
  g_ptr_array_add (self->undo, hui_project_serialize (bulletin));
  return self;
}

static void
notify_both (HuiHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Records the bulletin as it is now, unless nothing changed since the last
 * checkpoint. Returns whether a step was recorded. */
gboolean
hui_history_checkpoint (HuiHistory *self)
{
  g_autoptr(GBytes) now = NULL;

  g_return_val_if_fail (HUI_IS_HISTORY (self), FALSE);

  if (self->restoring)
    return FALSE;

  now = hui_project_serialize (self->bulletin);
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
hui_history_can_undo (HuiHistory *self)
{
  g_return_val_if_fail (HUI_IS_HISTORY (self), FALSE);

  return self->undo->len > 1;
}

gboolean
hui_history_can_redo (HuiHistory *self)
{
  g_return_val_if_fail (HUI_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/* Puts @state back into the bulletin object the editor holds, so every
 * view stays connected to it. */
static void
restore (HuiHistory *self,
         GBytes     *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) old = hui_project_parse (state, &error);

  g_assert_no_error (error);
  self->restoring = TRUE;
  hui_bulletin_replace_contents (self->bulletin, old);
  self->restoring = FALSE;
}

gboolean
hui_history_undo (HuiHistory *self)
{
  g_return_val_if_fail (HUI_IS_HISTORY (self), FALSE);

  hui_history_checkpoint (self);
  if (!hui_history_can_undo (self))
    return FALSE;

  g_ptr_array_add (self->redo, g_ptr_array_steal_index (self->undo, self->undo->len - 1));
  restore (self, self->undo->pdata[self->undo->len - 1]);
  notify_both (self);
  return TRUE;
}

gboolean
hui_history_redo (HuiHistory *self)
{
  GBytes *state;

  g_return_val_if_fail (HUI_IS_HISTORY (self), FALSE);

  if (!hui_history_can_redo (self))
    return FALSE;

  state = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, state);
  restore (self, state);
  notify_both (self);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-list-follower"

#include "config.h"

#include "hui-list-follower.h"

/* Follows a signal of every item of a list model while the item is in the
 * list: how a report follows its blocks and a bulletin its reports. By the
 * time ::items-changed is emitted the removed items are gone from the
 * list, so the follower keeps its own copy of the list, in order, with
 * the handler connected to each item: a removed item is let go at once,
 * and an item moved (removed, then added again) has one handler, never
 * one more per move. */

typedef struct {
  GObject *item;     /* a reference, so a removed item can be disconnected */
  gulong   handler;
} Followed;

struct _HuiListFollower
{
  GListModel *list;
  char       *signal;
  GCallback   callback;
  gpointer    user_data;
  GArray     *followed;  /* of Followed, in the list's order */
  gulong      items_changed;
};

static void
unfollow (Followed *followed)
{
  g_signal_handler_disconnect (followed->item, followed->handler);
  g_object_unref (followed->item);
}

static void
items_changed_cb (GListModel      *list,
                  guint            position,
                  guint            removed,
                  guint            added,
                  HuiListFollower *self)
{
  g_autoptr(GArray) new_items = g_array_sized_new (FALSE, FALSE, sizeof (Followed), added);

  g_assert (position + removed <= self->followed->len);

  for (guint i = position; i < position + removed; i++)
    unfollow (&g_array_index (self->followed, Followed, i));
  g_array_remove_range (self->followed, position, removed);

  for (guint i = position; i < position + added; i++)
    {
      Followed followed = { g_list_model_get_item (list, i), 0 };

      followed.handler = g_signal_connect (followed.item, self->signal, self->callback, self->user_data);
      g_array_append_val (new_items, followed);
    }
  g_array_insert_vals (self->followed, position, new_items->data, added);
}

/* Connects @callback with @user_data to @detailed_signal of each item in
 * @list now and of each item added later, and disconnects it from each
 * item removed. Free the follower before @user_data goes. */
HuiListFollower *
hui_list_follower_new (GListModel *list,
                       const char *detailed_signal,
                       GCallback   callback,
                       gpointer    user_data)
{
  HuiListFollower *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);
  g_return_val_if_fail (detailed_signal != NULL && callback != NULL, NULL);

  self = g_new0 (HuiListFollower, 1);
  self->list = g_object_ref (list);
  self->signal = g_strdup (detailed_signal);
  self->callback = callback;
  self->user_data = user_data;
  self->followed = g_array_new (FALSE, FALSE, sizeof (Followed));
  self->items_changed = g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), self);
  items_changed_cb (list, 0, 0, g_list_model_get_n_items (list), self);

  return self;
}

void
hui_list_follower_free (HuiListFollower *self)
{
  if (self == NULL)
    return;

  g_signal_handler_disconnect (self->list, self->items_changed);
  for (guint i = 0; i < self->followed->len; i++)
    unfollow (&g_array_index (self->followed, Followed, i));
  g_array_unref (self->followed);
  g_object_unref (self->list);
  g_free (self->signal);
  g_free (self);
}

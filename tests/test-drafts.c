/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-drafts"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "hui-test-util.h"
#include "project/hui-draft-store.h"

/* Drafts belong to the window (the process, here the store object) that
 * made them; only those whose owner is gone are handed out, oldest
 * first; a draft that cannot be read is set aside. Two stores on one
 * folder stand for two instances: their locks exclude each other like
 * two processes' do. */

static char *
make_folder (void)
{
  return g_dir_make_tmp ("huibian-drafts-XXXXXX", NULL);
}

static HuiDraftStore *
store_on (const char *folder)
{
  g_autoptr(GFile) directory = g_file_new_for_path (folder);

  return hui_draft_store_new (directory);
}

static HuiBulletin *
bulletin_titled (const char *title)
{
  HuiBulletin *bulletin = hui_test_import_string ("关于做好调研工作的通知\n\n各单位要认真做好调研工作。\n", FALSE);

  hui_bulletin_set_title (bulletin, title);
  return bulletin;
}

static char *
new_draft (HuiDraftStore *store,
           const char    *title)
{
  g_autoptr(HuiBulletin) bulletin = bulletin_titled (title);
  g_autoptr(GError) error = NULL;
  char *id = hui_draft_store_new_id (store, &error);

  g_assert_no_error (error);
  g_assert_true (hui_draft_store_save (store, id, bulletin, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
member_exists (const char *folder,
               const char *id,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
remove_folder (const char *folder)
{
  g_autofree char *damaged = g_build_filename (folder, "damaged", NULL);
  const char *dirs[] = { damaged, folder };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[i], name, NULL);

          g_remove (path);
        }
      g_rmdir (dirs[i]);
    }
}

/* A live draft is not handed to another instance; released, it is, and
 * then its first owner cannot take it back. Deleting removes every file. */
static void
test_ownership (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(HuiDraftStore) first = store_on (folder);
  g_autoptr(HuiDraftStore) second = store_on (folder);
  g_autofree char *id = new_draft (first, "第一期");
  g_autofree char *claimed = NULL;
  g_autoptr(HuiBulletin) other = bulletin_titled ("别人的");
  g_autoptr(HuiBulletin) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (member_exists (folder, id, ".huibian"));
  g_assert_true (member_exists (folder, id, ".lock"));
  g_assert_null (hui_draft_store_claim_next (second));

  /* Another instance may not delete it, nor write it. */
  hui_draft_store_delete (second, id);
  g_assert_true (member_exists (folder, id, ".huibian"));
  g_assert_false (hui_draft_store_save (second, id, other, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);

  hui_draft_store_release (first, id);
  claimed = hui_draft_store_claim_next (second);
  g_assert_cmpstr (claimed, ==, id);
  g_assert_null (hui_draft_store_claim_next (first));
  g_assert_null (hui_draft_store_claim_next (second));

  loaded = hui_draft_store_load (second, claimed, NULL, NULL);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (hui_bulletin_get_title (loaded), ==, "第一期");

  hui_draft_store_delete (second, claimed);
  g_assert_cmpuint (count_files (folder), ==, 0);
  remove_folder (folder);
}

/* With HOLD set, the program is the other instance: it makes a draft,
 * prints its id and waits to be killed. */
static int
hold_draft (const char *folder)
{
  g_autoptr(HuiDraftStore) store = store_on (folder);
  g_autofree char *id = new_draft (store, "他人的草稿");

  g_print ("%s\n", id);
  fflush (stdout);
  for (;;)
    g_usleep (G_USEC_PER_SEC);
  return 0;
}

/* Another process's draft is its own while it lives; kill -9 leaves no
 * chance to clean up, and the kernel lets its lock go: the draft is
 * then handed out. */
static void
test_owner_killed (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(HuiDraftStore) store = store_on (folder);
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-drafts", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "HUI_TEST_HOLD_DRAFT", folder, TRUE);
  const char *argv[] = { self, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *claimed = NULL;
  GPid pid;
  int out_fd;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (out, TRUE);
  g_assert_cmpint (g_io_channel_read_line (out, &line, NULL, NULL, NULL), ==, G_IO_STATUS_NORMAL);
  g_strstrip (line);

  g_assert_true (member_exists (folder, line, ".huibian"));
  g_assert_null (hui_draft_store_claim_next (store));
  /* Nor is it cleaned away as stale. */
  hui_draft_store_remove_stale (store);
  g_assert_true (member_exists (folder, line, ".lock"));

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  claimed = hui_draft_store_claim_next (store);
  g_assert_cmpstr (claimed, ==, line);
  hui_draft_store_delete (store, claimed);
  remove_folder (folder);
}

static void
set_age (const char *folder,
         const char *id,
         time_t      seconds_ago)
{
  g_autofree char *name = g_strconcat (id, ".huibian", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  struct utimbuf times = { .actime = time (NULL) - seconds_ago, .modtime = time (NULL) - seconds_ago };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return strcmp (*(char **)a, *(char **)b);
}

/* Drafts come oldest first by when they were written, whatever their
 * ids: here the ids sort the other way round. */
static void
test_oldest_first (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(HuiDraftStore) writer = store_on (folder);
  g_autoptr(HuiDraftStore) reader = store_on (folder);
  char *ids[3];

  for (guint i = 0; i < 3; i++)
    ids[i] = new_draft (writer, "草稿");
  g_qsort_with_data (ids, 3, sizeof (char *), compare_ids, NULL);
  /* The second smallest id is oldest, then the largest, then the smallest. */
  set_age (folder, ids[1], 3000);
  set_age (folder, ids[2], 2000);
  set_age (folder, ids[0], 1000);
  for (guint i = 0; i < 3; i++)
    hui_draft_store_release (writer, ids[i]);

  {
    g_autofree char *a = hui_draft_store_claim_next (reader);
    g_autofree char *b = hui_draft_store_claim_next (reader);
    g_autofree char *c = hui_draft_store_claim_next (reader);

    g_assert_cmpstr (a, ==, ids[1]);
    g_assert_cmpstr (b, ==, ids[2]);
    g_assert_cmpstr (c, ==, ids[0]);
    g_assert_null (hui_draft_store_claim_next (reader));
    hui_draft_store_delete (reader, a);
    hui_draft_store_delete (reader, b);
    hui_draft_store_delete (reader, c);
  }
  for (guint i = 0; i < 3; i++)
    g_free (ids[i]);
  g_assert_cmpuint (count_files (folder), ==, 0);
  remove_folder (folder);
}

/* A draft that does not load is moved into damaged/ and not handed out
 * again, by this instance or the next. */
static void
test_damaged (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "broken.huibian", NULL);
  g_autoptr(HuiDraftStore) store = store_on (folder);
  g_autoptr(HuiDraftStore) next = store_on (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = NULL;
  g_autoptr(GFile) moved = NULL;
  g_autofree char *id = NULL;

  g_assert_true (g_file_set_contents (path, "<book xmlns=\"http://docbook.org/ns/docbook\"><trunc", -1, NULL));
  id = hui_draft_store_claim_next (store);
  g_assert_cmpstr (id, ==, "broken");
  bulletin = hui_draft_store_load (store, id, NULL, &error);
  g_assert_null (bulletin);
  g_assert_nonnull (error);

  moved = hui_draft_store_set_aside (store, id, NULL);
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_suffix (g_file_peek_path (moved), "/damaged/broken.huibian"));
  g_assert_true (g_file_query_exists (moved, NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (member_exists (folder, "broken", ".lock"));
  g_assert_null (hui_draft_store_claim_next (store));
  g_assert_null (hui_draft_store_claim_next (next));
  remove_folder (folder);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (hui_draft_store_save_finish (HUI_DRAFT_STORE (object), result, NULL));
  *done = TRUE;
}

/* A write still under way when the draft is deleted (the project was
 * saved meanwhile) does not bring the draft back; one overtaken by a
 * later save does not replace it with the older version. */
static void
test_overtaken_writes (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(HuiDraftStore) store = store_on (folder);
  g_autoptr(HuiBulletin) old = bulletin_titled ("旧的");
  g_autoptr(HuiBulletin) newer = bulletin_titled ("新的");
  g_autoptr(HuiBulletin) loaded = NULL;
  g_autofree char *id = NULL;
  gboolean done = FALSE;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *gone = hui_draft_store_new_id (store, NULL);

      done = FALSE;
      hui_draft_store_save_async (store, gone, old, NULL, NULL, saved_cb, &done);
      hui_draft_store_delete (store, gone);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (count_files (folder), ==, 0);
    }

  id = hui_draft_store_new_id (store, NULL);
  for (guint i = 0; i < 20; i++)
    {
      done = FALSE;
      hui_draft_store_save_async (store, id, old, NULL, NULL, saved_cb, &done);
      g_assert_true (hui_draft_store_save (store, id, newer, NULL, NULL));
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&loaded);
      loaded = hui_draft_store_load (store, id, NULL, NULL);
      g_assert_cmpstr (hui_bulletin_get_title (loaded), ==, "新的");
    }
  hui_draft_store_delete (store, id);
  remove_folder (folder);
}

static void
touch (const char *folder,
       const char *name,
       time_t      seconds_ago)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  struct utimbuf times = { .actime = time (NULL) - seconds_ago, .modtime = time (NULL) - seconds_ago };

  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* What dead owners left behind goes; what a live owner holds stays. */
static void
test_remove_stale (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(HuiDraftStore) live = store_on (folder);
  g_autoptr(HuiDraftStore) store = store_on (folder);
  g_autofree char *held = hui_draft_store_new_id (live, NULL);  /* no draft written yet */
  g_autofree char *orphan = new_draft (store, "孤儿");

  hui_draft_store_release (store, orphan);
  touch (folder, "dead.lock", 0);
  touch (folder, "dead.uri", 0);
  touch (folder, ".goutputstream-OLD123", 2 * 60 * 60);
  touch (folder, ".goutputstream-NEW123", 0);
  /* The atomic writer's, by a writer long gone and by this one. */
  touch (folder, ".dead.huibian.huibian-tmp-2147483646-abcdef", 0);
  {
    g_autofree char *mine = g_strdup_printf (".live.huibian.huibian-tmp-%d-abcdef", (int)getpid ());

    touch (folder, mine, 0);
  }

  hui_draft_store_remove_stale (store);
  g_assert_false (member_exists (folder, "dead", ".lock"));
  g_assert_false (member_exists (folder, "dead", ".uri"));
  g_assert_false (member_exists (folder, ".goutputstream-OLD123", ""));
  g_assert_true (member_exists (folder, ".goutputstream-NEW123", ""));
  g_assert_false (member_exists (folder, ".dead.huibian.huibian-tmp-2147483646-abcdef", ""));
  {
    g_autofree char *mine = g_strdup_printf (".live.huibian.huibian-tmp-%d-abcdef", (int)getpid ());

    g_assert_true (member_exists (folder, mine, ""));
  }
  g_assert_true (member_exists (folder, held, ".lock"));
  /* A draft left behind is kept to be offered. */
  g_assert_true (member_exists (folder, orphan, ".huibian"));
  g_assert_true (member_exists (folder, orphan, ".uri"));

  hui_draft_store_delete (live, held);
  remove_folder (folder);
}

/* A draft knows the project it belongs to, so Save after Restore goes
 * there; a bulletin never saved has none. */
static void
test_project_link (void)
{
  g_autofree char *folder = make_folder ();
  g_autoptr(HuiDraftStore) store = store_on (folder);
  g_autoptr(HuiBulletin) bulletin = bulletin_titled ("第二期");
  g_autoptr(GFile) project = g_file_new_for_path ("/srv/简报/第二期.huibian");
  g_autoptr(GFile) linked = NULL;
  g_autoptr(GFile) unlinked = NULL;
  g_autoptr(HuiBulletin) loaded = NULL;
  g_autoptr(HuiBulletin) untitled = NULL;
  g_autofree char *id = hui_draft_store_new_id (store, NULL);
  g_autofree char *other = new_draft (store, "未保存");

  g_assert_true (hui_draft_store_save (store, id, bulletin, project, NULL));
  loaded = hui_draft_store_load (store, id, &linked, NULL);
  g_assert_nonnull (loaded);
  g_assert_nonnull (linked);
  g_assert_true (g_file_equal (linked, project));

  untitled = hui_draft_store_load (store, other, &unlinked, NULL);
  g_assert_nonnull (untitled);
  g_assert_null (unlinked);

  hui_draft_store_delete (store, id);
  hui_draft_store_delete (store, other);
  remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("HUI_TEST_HOLD_DRAFT") != NULL)
    return hold_draft (g_getenv ("HUI_TEST_HOLD_DRAFT"));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drafts/ownership", test_ownership);
  g_test_add_func ("/drafts/owner-killed", test_owner_killed);
  g_test_add_func ("/drafts/oldest-first", test_oldest_first);
  g_test_add_func ("/drafts/damaged", test_damaged);
  g_test_add_func ("/drafts/overtaken-writes", test_overtaken_writes);
  g_test_add_func ("/drafts/remove-stale", test_remove_stale);
  g_test_add_func ("/drafts/project-link", test_project_link);
  return g_test_run ();
}

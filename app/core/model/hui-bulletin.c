/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-bulletin"

#include "config.h"

#include <string.h>

#include "hui-bulletin.h"
#include "hui-list-follower.h"
#include "support/hui-util.h"

/* The document: a bulletin's front-page data and its ordered reports. The
 * reports are a GListModel so that views (the report list, the page
 * preview, the exporters) follow insertions, removals and moves through
 * ::items-changed without the model knowing about any of them. */
struct _HuiBulletin
{
  GObject          parent_instance;

  char            *title;
  char            *issue;
  char            *unit;
  char            *date;
  char            *closing;
  HuiPageSetup    *page_setup;
  GListStore      *reports;
  HuiListFollower *report_follower;  /* each report's ::changed */
  GPtrArray       *warnings;
};

G_DEFINE_FINAL_TYPE (HuiBulletin, hui_bulletin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ISSUE,
  PROP_UNIT,
  PROP_DATE,
  PROP_CLOSING,
  PROP_PAGE_SETUP,
  PROP_REPORTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hui_bulletin_finalize (GObject *object)
{
  HuiBulletin *self = (HuiBulletin *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->issue, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->closing, g_free);
  g_clear_pointer (&self->page_setup, hui_page_setup_free);
  /* The report list may outlive the bulletin (a view holding it). */
  g_clear_pointer (&self->report_follower, hui_list_follower_free);
  g_signal_handlers_disconnect_by_data (self->reports, self);
  g_clear_object (&self->reports);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (hui_bulletin_parent_class)->finalize (object);
}

static void
hui_bulletin_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HuiBulletin *self = HUI_BULLETIN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ISSUE:
      g_value_set_string (value, self->issue);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CLOSING:
      g_value_set_string (value, self->closing);
      break;
    case PROP_PAGE_SETUP:
      g_value_set_boxed (value, self->page_setup);
      break;
    case PROP_REPORTS:
      g_value_set_object (value, self->reports);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_bulletin_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HuiBulletin *self = HUI_BULLETIN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      hui_bulletin_set_title (self, g_value_get_string (value));
      break;
    case PROP_ISSUE:
      hui_bulletin_set_issue (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      hui_bulletin_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      hui_bulletin_set_date (self, g_value_get_string (value));
      break;
    case PROP_CLOSING:
      hui_bulletin_set_closing (self, g_value_get_string (value));
      break;
    case PROP_PAGE_SETUP:
      hui_bulletin_set_page_setup (self, g_value_get_boxed (value));
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
hui_bulletin_class_init (HuiBulletinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hui_bulletin_finalize;
  object_class->get_property = hui_bulletin_get_property;
  object_class->set_property = hui_bulletin_set_property;

  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_ISSUE] = string_property ("issue");
  properties[PROP_UNIT] = string_property ("unit");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_CLOSING] = string_property ("closing");
  properties[PROP_PAGE_SETUP] =
    g_param_spec_boxed ("page-setup", NULL, NULL, HUI_TYPE_PAGE_SETUP,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPORTS] =
    g_param_spec_object ("reports", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything in the bulletin changed, down to a word of a report: what
   * the editor's dirty flag, undo and page preview follow. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
emit_changed (HuiBulletin *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A removed report may live on elsewhere (the undo history): the
 * follower lets it go when it leaves the list, so only the bulletin's
 * reports reach here. */
static void
report_changed_cb (HuiReport   *report,
                   HuiBulletin *self)
{
  emit_changed (self);
}

static void
reports_changed_cb (GListModel  *reports,
                    guint        position,
                    guint        removed,
                    guint        added,
                    HuiBulletin *self)
{
  emit_changed (self);
}

static void
notify_cb (HuiBulletin *self,
           GParamSpec  *pspec)
{
  emit_changed (self);
}

static void
hui_bulletin_init (HuiBulletin *self)
{
  self->reports = g_list_store_new (HUI_TYPE_REPORT);
  self->page_setup = hui_page_setup_new_preset (NULL);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  /* Connected first, so the reports are followed before anyone hears of
   * the change. */
  self->report_follower = hui_list_follower_new (G_LIST_MODEL (self->reports), "changed",
                                                 G_CALLBACK (report_changed_cb), self);
  g_signal_connect (self->reports, "items-changed", G_CALLBACK (reports_changed_cb), self);
  g_signal_connect (self, "notify", G_CALLBACK (notify_cb), NULL);
}

HuiBulletin *
hui_bulletin_new (void)
{
  return g_object_new (HUI_TYPE_BULLETIN, NULL);
}

static void
set_string_property (HuiBulletin  *self,
                     char        **field,
                     const char   *value,
                     guint         prop_id)
{
  if (hui_util_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
hui_bulletin_get_title (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->title;
}

void
hui_bulletin_set_title (HuiBulletin *self,
                        const char  *title)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
hui_bulletin_get_issue (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->issue;
}

/* The issue label as printed: "第3期", "增刊". */
void
hui_bulletin_set_issue (HuiBulletin *self,
                        const char  *issue)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));

  set_string_property (self, &self->issue, issue, PROP_ISSUE);
}

const char *
hui_bulletin_get_unit (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->unit;
}

/* The compiling unit printed at the left under the bulletin name. */
void
hui_bulletin_set_unit (HuiBulletin *self,
                       const char  *unit)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));

  set_string_property (self, &self->unit, unit, PROP_UNIT);
}

const char *
hui_bulletin_get_date (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->date;
}

void
hui_bulletin_set_date (HuiBulletin *self,
                       const char  *iso_date)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));

  set_string_property (self, &self->date, iso_date, PROP_DATE);
}

const char *
hui_bulletin_get_closing (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->closing;
}

/* The closing block (版记) printed under a rule at the foot of the last
 * page: one line each, e.g. "报：……", "送：……", "发：……", then the print
 * run. NULL for none. */
void
hui_bulletin_set_closing (HuiBulletin *self,
                          const char  *closing)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));

  set_string_property (self, &self->closing, closing, PROP_CLOSING);
}

/* How the bulletin is set on paper; GB/T 9704 unless the user chose
 * otherwise. It is saved with the project. */
const HuiPageSetup *
hui_bulletin_get_page_setup (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->page_setup;
}

void
hui_bulletin_set_page_setup (HuiBulletin        *self,
                             const HuiPageSetup *setup)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));
  g_return_if_fail (setup != NULL);

  if (setup == self->page_setup)
    return;

  hui_page_setup_free (self->page_setup);
  self->page_setup = hui_page_setup_copy (setup);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SETUP]);
}

GListModel *
hui_bulletin_get_reports (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return G_LIST_MODEL (self->reports);
}

guint
hui_bulletin_get_n_reports (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->reports));
}

/* Returns a borrowed reference: the bulletin keeps its reports alive. */
HuiReport *
hui_bulletin_get_report (HuiBulletin *self,
                         guint        position)
{
  HuiReport *report;

  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  report = g_list_model_get_item (G_LIST_MODEL (self->reports), position);
  if (report != NULL)
    g_object_unref (report);

  return report;
}

void
hui_bulletin_append_report (HuiBulletin *self,
                            HuiReport   *report)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));
  g_return_if_fail (HUI_IS_REPORT (report));

  g_list_store_append (self->reports, report);
}

void
hui_bulletin_insert_report (HuiBulletin *self,
                            guint        position,
                            HuiReport   *report)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));
  g_return_if_fail (HUI_IS_REPORT (report));
  g_return_if_fail (position <= hui_bulletin_get_n_reports (self));

  g_list_store_insert (self->reports, position, report);
}

void
hui_bulletin_remove_report (HuiBulletin *self,
                            guint        position)
{
  g_return_if_fail (HUI_IS_BULLETIN (self));
  g_return_if_fail (position < hui_bulletin_get_n_reports (self));

  g_list_store_remove (self->reports, position);
}

/* Moves the report at @from so that it ends up at index @to. Views see a
 * removal and an insertion, which is what a list view animates anyway. */
void
hui_bulletin_move_report (HuiBulletin *self,
                          guint        from,
                          guint        to)
{
  g_autoptr(HuiReport) report = NULL;
  guint n;

  g_return_if_fail (HUI_IS_BULLETIN (self));

  n = hui_bulletin_get_n_reports (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  report = g_list_model_get_item (G_LIST_MODEL (self->reports), from);
  g_list_store_remove (self->reports, from);
  g_list_store_insert (self->reports, to, report);
}

const GPtrArray *
hui_bulletin_get_warnings (HuiBulletin *self)
{
  g_return_val_if_fail (HUI_IS_BULLETIN (self), NULL);

  return self->warnings;
}

void
hui_bulletin_add_warning (HuiBulletin *self,
                          const char  *format,
                          ...)
{
  va_list args;

  g_return_if_fail (HUI_IS_BULLETIN (self));

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Brings @other's reports into @self at @position (G_MAXUINT: at the
 * end), as an import does. A bulletin without a name yet also takes the
 * name, issue, unit, date and closing block @other has. Returns how many
 * reports came. Warnings and the page setup are the caller's to take. */
guint
hui_bulletin_merge (HuiBulletin *self,
                    HuiBulletin *other,
                    guint        position)
{
  guint n;

  g_return_val_if_fail (HUI_IS_BULLETIN (self), 0);
  g_return_val_if_fail (HUI_IS_BULLETIN (other), 0);

  if (self->title == NULL)
    {
      char **mine[] = { &self->title, &self->issue, &self->unit, &self->date, &self->closing };
      const char *theirs[] = { other->title, other->issue, other->unit, other->date, other->closing };
      const guint props[] = { PROP_TITLE, PROP_ISSUE, PROP_UNIT, PROP_DATE, PROP_CLOSING };

      for (guint i = 0; i < G_N_ELEMENTS (mine); i++)
        if (theirs[i] != NULL)
          set_string_property (self, mine[i], theirs[i], props[i]);
    }

  n = hui_bulletin_get_n_reports (other);
  for (guint i = 0; i < n; i++)
    {
      guint at = MIN (position, hui_bulletin_get_n_reports (self));

      hui_bulletin_insert_report (self, at, hui_bulletin_get_report (other, i));
      if (position != G_MAXUINT)
        position++;
    }

  return n;
}

/* Makes @self hold what @other holds — properties, page setup, reports,
 * warnings — as one change: views see a single items-changed. */
void
hui_bulletin_replace_contents (HuiBulletin *self,
                               HuiBulletin *other)
{
  guint n = hui_bulletin_get_n_reports (other);
  g_autofree gpointer *reports = g_new0 (gpointer, MAX (1, n));

  g_return_if_fail (HUI_IS_BULLETIN (self));
  g_return_if_fail (HUI_IS_BULLETIN (other));

  g_object_freeze_notify (G_OBJECT (self));
  hui_bulletin_set_title (self, other->title);
  hui_bulletin_set_issue (self, other->issue);
  hui_bulletin_set_unit (self, other->unit);
  hui_bulletin_set_date (self, other->date);
  hui_bulletin_set_closing (self, other->closing);
  hui_bulletin_set_page_setup (self, other->page_setup);
  g_ptr_array_set_size (self->warnings, 0);
  for (guint i = 0; i < other->warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (other->warnings->pdata[i]));
  for (guint i = 0; i < n; i++)
    reports[i] = hui_bulletin_get_report (other, i);
  g_list_store_splice (self->reports, 0, hui_bulletin_get_n_reports (self), reports, n);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A copy of the report right after it, to be edited into a variant. */
void
hui_bulletin_duplicate_report (HuiBulletin *self,
                               guint        position)
{
  g_autoptr(HuiReport) copy = NULL;

  g_return_if_fail (HUI_IS_BULLETIN (self));
  g_return_if_fail (position < hui_bulletin_get_n_reports (self));

  copy = hui_report_copy (hui_bulletin_get_report (self, position));
  hui_bulletin_insert_report (self, position + 1, copy);
}

/* Joins the next report to the one at @position: what a wrong split (a
 * body line taken for a title) needs undone. The next report's title
 * becomes a paragraph where it stood, its blocks and warnings follow. */
gboolean
hui_bulletin_merge_with_next (HuiBulletin *self,
                              guint        position)
{
  HuiReport *report, *next;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HUI_IS_BULLETIN (self), FALSE);

  if (position + 1 >= hui_bulletin_get_n_reports (self))
    return FALSE;

  report = hui_bulletin_get_report (self, position);
  next = hui_bulletin_get_report (self, position + 1);
  title = hui_report_dup_full_title (next);
  if (*title != '\0')
    {
      g_autoptr(HuiBlock) line = hui_block_new_paragraph (title);
      hui_report_append_block (report, line);
    }
  for (guint i = 0; i < hui_report_get_n_blocks (next); i++)
    {
      g_autoptr(HuiBlock) block = hui_block_copy (hui_report_get_block (next, i));
      hui_report_append_block (report, block);
    }
  for (guint i = 0; i < hui_report_get_warnings (next)->len; i++)
    hui_report_add_warning (report, "%s", (char *)hui_report_get_warnings (next)->pdata[i]);

  hui_bulletin_remove_report (self, position + 1);
  hui_report_renumber_headings (report);
  return TRUE;
}

/* Splits the report at @position before its block @block, which must be a
 * heading: that heading becomes the new report's title, and the blocks
 * after it its body (a compiled report that holds two). */
gboolean
hui_bulletin_split_report (HuiBulletin *self,
                           guint        position,
                           guint        block)
{
  HuiReport *report;
  g_autoptr(HuiReport) second = NULL;
  HuiBlock *heading;
  guint n;

  g_return_val_if_fail (HUI_IS_BULLETIN (self), FALSE);
  g_return_val_if_fail (position < hui_bulletin_get_n_reports (self), FALSE);

  report = hui_bulletin_get_report (self, position);
  n = hui_report_get_n_blocks (report);
  if (block >= n || hui_block_get_kind (hui_report_get_block (report, block)) != HUI_BLOCK_HEADING)
    return FALSE;

  heading = hui_report_get_block (report, block);
  second = g_object_new (HUI_TYPE_REPORT,
                         "title", hui_block_get_text (heading),
                         "organization", hui_report_get_organization (report),
                         "date", hui_report_get_date (report),
                         "source", hui_report_get_source (report),
                         NULL);
  if (hui_block_get_run_in (heading) != NULL)
    {
      g_autoptr(HuiBlock) lead = hui_block_new_paragraph (hui_block_get_run_in (heading));
      hui_report_append_block (second, lead);
    }
  for (guint i = block + 1; i < n; i++)
    {
      g_autoptr(HuiBlock) moved = hui_block_copy (hui_report_get_block (report, i));
      hui_report_append_block (second, moved);
    }
  while (hui_report_get_n_blocks (report) > block)
    hui_report_remove_block (report, hui_report_get_n_blocks (report) - 1);

  hui_report_renumber_headings (report);
  hui_report_renumber_headings (second);
  hui_bulletin_insert_report (self, position + 1, second);
  return TRUE;
}

static gboolean
block_contains (HuiBlock   *block,
                const char *needle)
{
  return strstr (hui_block_get_text (block), needle) != NULL ||
         (hui_block_get_run_in (block) != NULL && strstr (hui_block_get_run_in (block), needle) != NULL);
}

static gboolean
byline_contains (HuiReport  *report,
                 const char *needle)
{
  const char *fields[] = {
    hui_report_get_title (report), hui_report_get_subtitle (report),
    hui_report_get_organization (report), hui_report_get_date (report),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && strstr (fields[i], needle) != NULL)
      return TRUE;

  return FALSE;
}

/* The next place after @from (or from the start) holding @needle, going
 * round the bulletin once. */
gboolean
hui_bulletin_find_next (HuiBulletin *self,
                        const char  *needle,
                        HuiMatch    *from,
                        HuiMatch    *found)
{
  guint n;
  guint start_report = from ? from->report : 0;
  int start_block = from ? from->block + 1 : -1;

  g_return_val_if_fail (HUI_IS_BULLETIN (self), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  n = hui_bulletin_get_n_reports (self);
  if (needle == NULL || *needle == '\0' || n == 0)
    return FALSE;

  for (guint step = 0; step <= n; step++)
    {
      guint r = (start_report + step) % n;
      HuiReport *report = hui_bulletin_get_report (self, r);
      int first = step == 0 ? start_block : -1;

      if (first == -1 && byline_contains (report, needle))
        {
          *found = (HuiMatch) { r, -1 };
          return TRUE;
        }
      for (guint b = MAX (first, 0); b < hui_report_get_n_blocks (report); b++)
        if (block_contains (hui_report_get_block (report, b), needle))
          {
            *found = (HuiMatch) { r, (int)b };
            return TRUE;
          }
    }

  return FALSE;
}

static char *
replaced (const char *text,
          const char *needle,
          const char *replacement,
          guint      *count)
{
  g_autoptr(GString) s = NULL;

  if (text == NULL || strstr (text, needle) == NULL)
    return NULL;

  s = g_string_new (text);
  *count += g_string_replace (s, needle, replacement, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define REPLACE_IN(object, getter, setter) \
  G_STMT_START { \
    g_autofree char *r_ = replaced (getter (object), needle, replacement, &count); \
    if (r_ != NULL) setter (object, r_); \
  } G_STMT_END

/* Replaces every occurrence in titles, organisations, dates and body
 * text; returns how many were replaced. */
guint
hui_bulletin_replace_all (HuiBulletin *self,
                          const char  *needle,
                          const char  *replacement)
{
  guint count = 0;

  g_return_val_if_fail (HUI_IS_BULLETIN (self), 0);

  if (needle == NULL || *needle == '\0')
    return 0;
  if (replacement == NULL)
    replacement = "";

  for (guint r = 0; r < hui_bulletin_get_n_reports (self); r++)
    {
      HuiReport *report = hui_bulletin_get_report (self, r);

      REPLACE_IN (report, hui_report_get_title, hui_report_set_title);
      REPLACE_IN (report, hui_report_get_subtitle, hui_report_set_subtitle);
      REPLACE_IN (report, hui_report_get_organization, hui_report_set_organization);
      REPLACE_IN (report, hui_report_get_date, hui_report_set_date);
      for (guint b = 0; b < hui_report_get_n_blocks (report); b++)
        {
          HuiBlock *block = hui_report_get_block (report, b);

          REPLACE_IN (block, hui_block_get_text, hui_block_set_text);
          REPLACE_IN (block, hui_block_get_run_in, hui_block_set_run_in);
        }
    }

  return count;
}

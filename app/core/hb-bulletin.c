/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hb-bulletin"

#include "config.h"

#include <string.h>

#include "hb-bulletin.h"
#include "hb-util.h"

/* The document: a bulletin's front-page data and its ordered reports. The
 * reports are a GListModel so that views (the report list, the page
 * preview, the exporters) follow insertions, removals and moves through
 * ::items-changed without the model knowing about any of them. */
struct _HbBulletin
{
  GObject parent_instance;

  char *title;
  char *issue;
  char *unit;
  char *date;
  char *closing;
  HbPageSetup *page_setup;
  GListStore *reports;
  GPtrArray *warnings;
};

G_DEFINE_FINAL_TYPE (HbBulletin, hb_bulletin, G_TYPE_OBJECT)

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
hb_bulletin_finalize (GObject *object)
{
  HbBulletin *self = (HbBulletin *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->issue, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->closing, g_free);
  g_clear_pointer (&self->page_setup, hb_page_setup_free);
  g_clear_object (&self->reports);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (hb_bulletin_parent_class)->finalize (object);
}

static void
hb_bulletin_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HbBulletin *self = HB_BULLETIN (object);

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
hb_bulletin_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HbBulletin *self = HB_BULLETIN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      hb_bulletin_set_title (self, g_value_get_string (value));
      break;
    case PROP_ISSUE:
      hb_bulletin_set_issue (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      hb_bulletin_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      hb_bulletin_set_date (self, g_value_get_string (value));
      break;
    case PROP_CLOSING:
      hb_bulletin_set_closing (self, g_value_get_string (value));
      break;
    case PROP_PAGE_SETUP:
      hb_bulletin_set_page_setup (self, g_value_get_boxed (value));
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
hb_bulletin_class_init (HbBulletinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hb_bulletin_finalize;
  object_class->get_property = hb_bulletin_get_property;
  object_class->set_property = hb_bulletin_set_property;

  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_ISSUE] = string_property ("issue");
  properties[PROP_UNIT] = string_property ("unit");
  properties[PROP_DATE] = string_property ("date");
  properties[PROP_CLOSING] = string_property ("closing");
  properties[PROP_PAGE_SETUP] =
    g_param_spec_boxed ("page-setup", NULL, NULL, HB_TYPE_PAGE_SETUP,
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
emit_changed (HbBulletin *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A removed report may live on elsewhere (the undo history): its changes
 * are no longer the bulletin's, and it is let go at its next one. */
static void
report_changed_cb (HbReport   *report,
                   HbBulletin *self)
{
  guint position;

  if (!g_list_store_find (self->reports, report, &position))
    {
      g_signal_handlers_disconnect_by_func (report, report_changed_cb, self);
      return;
    }

  emit_changed (self);
}

static void
reports_changed_cb (GListModel *reports,
                    guint       position,
                    guint       removed,
                    guint       added,
                    HbBulletin *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HbReport) report = g_list_model_get_item (reports, i);

      g_signal_handlers_disconnect_by_func (report, report_changed_cb, self);
      g_signal_connect_object (report, "changed", G_CALLBACK (report_changed_cb), self, 0);
    }
  emit_changed (self);
}

static void
notify_cb (HbBulletin *self,
           GParamSpec *pspec)
{
  emit_changed (self);
}

static void
hb_bulletin_init (HbBulletin *self)
{
  self->reports = g_list_store_new (HB_TYPE_REPORT);
  self->page_setup = hb_page_setup_new_preset (NULL);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self->reports, "items-changed", G_CALLBACK (reports_changed_cb), self);
  g_signal_connect (self, "notify", G_CALLBACK (notify_cb), NULL);
}

HbBulletin *
hb_bulletin_new (void)
{
  return g_object_new (HB_TYPE_BULLETIN, NULL);
}

static void
set_string_property (HbBulletin  *self,
                     char       **field,
                     const char  *value,
                     guint        prop_id)
{
  if (hb_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
hb_bulletin_get_title (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->title;
}

void
hb_bulletin_set_title (HbBulletin *self,
                       const char *title)
{
  g_return_if_fail (HB_IS_BULLETIN (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
hb_bulletin_get_issue (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->issue;
}

/* The issue label as printed: "第3期", "增刊". */
void
hb_bulletin_set_issue (HbBulletin *self,
                       const char *issue)
{
  g_return_if_fail (HB_IS_BULLETIN (self));

  set_string_property (self, &self->issue, issue, PROP_ISSUE);
}

const char *
hb_bulletin_get_unit (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->unit;
}

/* The compiling unit printed at the left under the bulletin name. */
void
hb_bulletin_set_unit (HbBulletin *self,
                      const char *unit)
{
  g_return_if_fail (HB_IS_BULLETIN (self));

  set_string_property (self, &self->unit, unit, PROP_UNIT);
}

const char *
hb_bulletin_get_date (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->date;
}

void
hb_bulletin_set_date (HbBulletin *self,
                      const char *iso_date)
{
  g_return_if_fail (HB_IS_BULLETIN (self));

  set_string_property (self, &self->date, iso_date, PROP_DATE);
}

const char *
hb_bulletin_get_closing (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->closing;
}

/* The closing block (版记) printed under a rule at the foot of the last
 * page: one line each, e.g. "报：……", "送：……", "发：……", then the print
 * run. NULL for none. */
void
hb_bulletin_set_closing (HbBulletin *self,
                         const char *closing)
{
  g_return_if_fail (HB_IS_BULLETIN (self));

  set_string_property (self, &self->closing, closing, PROP_CLOSING);
}

/* How the bulletin is set on paper; GB/T 9704 unless the user chose
 * otherwise. It is saved with the project. */
const HbPageSetup *
hb_bulletin_get_page_setup (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->page_setup;
}

void
hb_bulletin_set_page_setup (HbBulletin        *self,
                            const HbPageSetup *setup)
{
  g_return_if_fail (HB_IS_BULLETIN (self));
  g_return_if_fail (setup != NULL);

  if (setup == self->page_setup)
    return;

  hb_page_setup_free (self->page_setup);
  self->page_setup = hb_page_setup_copy (setup);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SETUP]);
}

GListModel *
hb_bulletin_get_reports (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return G_LIST_MODEL (self->reports);
}

guint
hb_bulletin_get_n_reports (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->reports));
}

/* Returns a borrowed reference: the bulletin keeps its reports alive. */
HbReport *
hb_bulletin_get_report (HbBulletin *self,
                        guint       position)
{
  HbReport *report;

  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  report = g_list_model_get_item (G_LIST_MODEL (self->reports), position);
  if (report != NULL)
    g_object_unref (report);

  return report;
}

void
hb_bulletin_append_report (HbBulletin *self,
                           HbReport   *report)
{
  g_return_if_fail (HB_IS_BULLETIN (self));
  g_return_if_fail (HB_IS_REPORT (report));

  g_list_store_append (self->reports, report);
}

void
hb_bulletin_insert_report (HbBulletin *self,
                           guint       position,
                           HbReport   *report)
{
  g_return_if_fail (HB_IS_BULLETIN (self));
  g_return_if_fail (HB_IS_REPORT (report));
  g_return_if_fail (position <= hb_bulletin_get_n_reports (self));

  g_list_store_insert (self->reports, position, report);
}

void
hb_bulletin_remove_report (HbBulletin *self,
                           guint       position)
{
  g_return_if_fail (HB_IS_BULLETIN (self));
  g_return_if_fail (position < hb_bulletin_get_n_reports (self));

  g_list_store_remove (self->reports, position);
}

/* Moves the report at @from so that it ends up at index @to. Views see a
 * removal and an insertion, which is what a list view animates anyway. */
void
hb_bulletin_move_report (HbBulletin *self,
                         guint       from,
                         guint       to)
{
  g_autoptr(HbReport) report = NULL;
  guint n;

  g_return_if_fail (HB_IS_BULLETIN (self));

  n = hb_bulletin_get_n_reports (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  report = g_list_model_get_item (G_LIST_MODEL (self->reports), from);
  g_list_store_remove (self->reports, from);
  g_list_store_insert (self->reports, to, report);
}

const GPtrArray *
hb_bulletin_get_warnings (HbBulletin *self)
{
  g_return_val_if_fail (HB_IS_BULLETIN (self), NULL);

  return self->warnings;
}

void
hb_bulletin_add_warning (HbBulletin *self,
                         const char *format,
                         ...)
{
  va_list args;

  g_return_if_fail (HB_IS_BULLETIN (self));

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Brings @other's reports into @self at @position (G_MAXUINT: at the
 * end), as an import does. A bulletin without a name yet also takes the
 * name, issue, unit, date and closing block @other has. Returns how many
 * reports came. Warnings and the page setup are the caller's to take. */
guint
hb_bulletin_merge (HbBulletin *self,
                   HbBulletin *other,
                   guint       position)
{
  guint n;

  g_return_val_if_fail (HB_IS_BULLETIN (self), 0);
  g_return_val_if_fail (HB_IS_BULLETIN (other), 0);

  if (self->title == NULL)
    {
      char **mine[] = { &self->title, &self->issue, &self->unit, &self->date, &self->closing };
      const char *theirs[] = { other->title, other->issue, other->unit, other->date, other->closing };
      const guint props[] = { PROP_TITLE, PROP_ISSUE, PROP_UNIT, PROP_DATE, PROP_CLOSING };

      for (guint i = 0; i < G_N_ELEMENTS (mine); i++)
        if (theirs[i] != NULL)
          set_string_property (self, mine[i], theirs[i], props[i]);
    }

  n = hb_bulletin_get_n_reports (other);
  for (guint i = 0; i < n; i++)
    {
      guint at = MIN (position, hb_bulletin_get_n_reports (self));

      hb_bulletin_insert_report (self, at, hb_bulletin_get_report (other, i));
      if (position != G_MAXUINT)
        position++;
    }

  return n;
}

/* Makes @self hold what @other holds — properties, page setup, reports,
 * warnings — as one change: views see a single items-changed. */
void
hb_bulletin_replace_contents (HbBulletin *self,
                              HbBulletin *other)
{
  guint n = hb_bulletin_get_n_reports (other);
  g_autofree gpointer *reports = g_new0 (gpointer, MAX (1, n));

  g_return_if_fail (HB_IS_BULLETIN (self));
  g_return_if_fail (HB_IS_BULLETIN (other));

  g_object_freeze_notify (G_OBJECT (self));
  hb_bulletin_set_title (self, other->title);
  hb_bulletin_set_issue (self, other->issue);
  hb_bulletin_set_unit (self, other->unit);
  hb_bulletin_set_date (self, other->date);
  hb_bulletin_set_closing (self, other->closing);
  hb_bulletin_set_page_setup (self, other->page_setup);
  g_ptr_array_set_size (self->warnings, 0);
  for (guint i = 0; i < other->warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (other->warnings->pdata[i]));
  for (guint i = 0; i < n; i++)
    reports[i] = hb_bulletin_get_report (other, i);
  g_list_store_splice (self->reports, 0, hb_bulletin_get_n_reports (self), reports, n);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A copy of the report right after it, to be edited into a variant. */
void
hb_bulletin_duplicate_report (HbBulletin *self,
                              guint       position)
{
  g_autoptr(HbReport) copy = NULL;

  g_return_if_fail (HB_IS_BULLETIN (self));
  g_return_if_fail (position < hb_bulletin_get_n_reports (self));

  copy = hb_report_copy (hb_bulletin_get_report (self, position));
  hb_bulletin_insert_report (self, position + 1, copy);
}

/* Joins the next report to the one at @position: what a wrong split (a
 * body line taken for a title) needs undone. The next report's title
 * becomes a paragraph where it stood, its blocks and warnings follow. */
gboolean
hb_bulletin_merge_with_next (HbBulletin *self,
                             guint       position)
{
  HbReport *report, *next;
  g_autofree char *title = NULL;

  g_return_val_if_fail (HB_IS_BULLETIN (self), FALSE);

  if (position + 1 >= hb_bulletin_get_n_reports (self))
    return FALSE;

  report = hb_bulletin_get_report (self, position);
  next = hb_bulletin_get_report (self, position + 1);
  title = hb_report_dup_full_title (next);
  if (*title != '\0')
    {
      g_autoptr(HbBlock) line = hb_block_new_paragraph (title);
      hb_report_append_block (report, line);
    }
  for (guint i = 0; i < hb_report_get_n_blocks (next); i++)
    {
      g_autoptr(HbBlock) block = hb_block_copy (hb_report_get_block (next, i));
      hb_report_append_block (report, block);
    }
  for (guint i = 0; i < hb_report_get_warnings (next)->len; i++)
    hb_report_add_warning (report, "%s", (char *)hb_report_get_warnings (next)->pdata[i]);

  hb_bulletin_remove_report (self, position + 1);
  hb_report_renumber_headings (report);
  return TRUE;
}

/* Splits the report at @position before its block @block, which must be a
 * heading: that heading becomes the new report's title, and the blocks
 * after it its body (a compiled report that holds two). */
gboolean
hb_bulletin_split_report (HbBulletin *self,
                          guint       position,
                          guint       block)
{
  HbReport *report;
  g_autoptr(HbReport) second = NULL;
  HbBlock *heading;
  guint n;

  g_return_val_if_fail (HB_IS_BULLETIN (self), FALSE);
  g_return_val_if_fail (position < hb_bulletin_get_n_reports (self), FALSE);

  report = hb_bulletin_get_report (self, position);
  n = hb_report_get_n_blocks (report);
  if (block >= n || hb_block_get_kind (hb_report_get_block (report, block)) != HB_BLOCK_HEADING)
    return FALSE;

  heading = hb_report_get_block (report, block);
  second = g_object_new (HB_TYPE_REPORT,
                         "title", hb_block_get_text (heading),
                         "organization", hb_report_get_organization (report),
                         "date", hb_report_get_date (report),
                         "source", hb_report_get_source (report),
                         NULL);
  if (hb_block_get_run_in (heading) != NULL)
    {
      g_autoptr(HbBlock) lead = hb_block_new_paragraph (hb_block_get_run_in (heading));
      hb_report_append_block (second, lead);
    }
  for (guint i = block + 1; i < n; i++)
    {
      g_autoptr(HbBlock) moved = hb_block_copy (hb_report_get_block (report, i));
      hb_report_append_block (second, moved);
    }
  while (hb_report_get_n_blocks (report) > block)
    hb_report_remove_block (report, hb_report_get_n_blocks (report) - 1);

  hb_report_renumber_headings (report);
  hb_report_renumber_headings (second);
  hb_bulletin_insert_report (self, position + 1, second);
  return TRUE;
}

static gboolean
block_contains (HbBlock    *block,
                const char *needle)
{
  return strstr (hb_block_get_text (block), needle) != NULL ||
         (hb_block_get_run_in (block) != NULL && strstr (hb_block_get_run_in (block), needle) != NULL);
}

static gboolean
byline_contains (HbReport   *report,
                 const char *needle)
{
  const char *fields[] = {
    hb_report_get_title (report), hb_report_get_subtitle (report),
    hb_report_get_organization (report), hb_report_get_date (report),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && strstr (fields[i], needle) != NULL)
      return TRUE;

  return FALSE;
}

/* The next place after @from (or from the start) holding @needle, going
 * round the bulletin once. */
gboolean
hb_bulletin_find_next (HbBulletin *self,
                       const char *needle,
                       HbMatch    *from,
                       HbMatch    *found)
{
  guint n;
  guint start_report = from ? from->report : 0;
  int start_block = from ? from->block + 1 : -1;

  g_return_val_if_fail (HB_IS_BULLETIN (self), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  n = hb_bulletin_get_n_reports (self);
  if (needle == NULL || *needle == '\0' || n == 0)
    return FALSE;

  for (guint step = 0; step <= n; step++)
    {
      guint r = (start_report + step) % n;
      HbReport *report = hb_bulletin_get_report (self, r);
      int first = step == 0 ? start_block : -1;

      if (first == -1 && byline_contains (report, needle))
        {
          *found = (HbMatch) { r, -1 };
          return TRUE;
        }
      for (guint b = MAX (first, 0); b < hb_report_get_n_blocks (report); b++)
        if (block_contains (hb_report_get_block (report, b), needle))
          {
            *found = (HbMatch) { r, (int)b };
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
hb_bulletin_replace_all (HbBulletin *self,
                         const char *needle,
                         const char *replacement)
{
  guint count = 0;

  g_return_val_if_fail (HB_IS_BULLETIN (self), 0);

  if (needle == NULL || *needle == '\0')
    return 0;
  if (replacement == NULL)
    replacement = "";

  for (guint r = 0; r < hb_bulletin_get_n_reports (self); r++)
    {
      HbReport *report = hb_bulletin_get_report (self, r);

      REPLACE_IN (report, hb_report_get_title, hb_report_set_title);
      REPLACE_IN (report, hb_report_get_subtitle, hb_report_set_subtitle);
      REPLACE_IN (report, hb_report_get_organization, hb_report_set_organization);
      REPLACE_IN (report, hb_report_get_date, hb_report_set_date);
      for (guint b = 0; b < hb_report_get_n_blocks (report); b++)
        {
          HbBlock *block = hb_report_get_block (report, b);

          REPLACE_IN (block, hb_block_get_text, hb_block_set_text);
          REPLACE_IN (block, hb_block_get_run_in, hb_block_set_run_in);
        }
    }

  return count;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-paginator"

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "hui-paginator-private.h"

/* The one pagination engine: PDF, ODT, DocBook, printing and the page
 * preview all take their pages from here. When each report starts on a
 * new page the reports are independent, so a paginator keeps every
 * report's pages and lays out again only the reports whose revision
 * moved, spread over N_WORKERS threads (the calling one and helpers);
 * the pages are then numbered and the table of contents set. */

#define N_WORKERS 2

/* In a pagination for one export of a bulletin with more text than
 * this besides its longest paragraph, the reports' pages are counted and
 * let go as they are set, and set again when they are drawn: a bulletin
 * of any length then takes the memory of a few pages and its longest
 * paragraph, not of all its layouts at once (15 bytes for each byte of
 * text), for a second layout of its text. (One long paragraph alone
 * would only be laid out twice.) */
#define RELEASE_BULLETIN_BYTES (1024 * 1024)

/* Setting pages twice costs time: in such a pagination the first reports'
 * pages are kept, up to this much text, so that a bulletin just over the
 * limit is not all set twice. */
#define KEEP_BYTES (256 * 1024)

/* A report's pages as laid out at one revision, shared by paginations. */
typedef struct {
  guint64    revision;
  HuiReport *report;   /* held: the cache is keyed by its address; read
                        * only while laying out */
  GPtrArray *pages;    /* of HuiPage, unnumbered; they hold their layouts */
  gboolean   release;  /* count the pages and let them go (one export) */
} ReportPages;

struct _HuiPaginator
{
  GObject       parent_instance;

  HuiBulletin  *bulletin;
  gboolean      one_shot;            /* for hui_pagination_new() */
  HuiPageSetup *cached_setup;
  GHashTable   *cache;               /* HuiReport* → ReportPages* */
  PangoContext *contexts[N_WORKERS]; /* one font map per thread */
};

G_DEFINE_FINAL_TYPE (HuiPaginator, hui_paginator, G_TYPE_OBJECT)

static void
report_pages_clear (ReportPages *rp)
{
  g_ptr_array_unref (rp->pages);
  g_clear_object (&rp->report);  /* NULL for the pages of a continuous run */
}

static void
report_pages_unref (ReportPages *rp)
{
  g_atomic_rc_box_release_full (rp, (GDestroyNotify)report_pages_clear);
}

static ReportPages *
report_pages_new (HuiReport *report)
{
  ReportPages *rp = g_atomic_rc_box_new0 (ReportPages);

  /* Held, so that a report deleted from the bulletin cannot be freed
   * and another made at its address, at the same revision, be given its
   * pages. */
  rp->report = g_object_ref (report);
  rp->revision = hui_report_get_revision (report);
  rp->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_page_free);
  return rp;
}

void
hui_pagination_free (HuiPagination *pagination)
{
  if (pagination == NULL)
    return;

  g_clear_pointer (&pagination->toc_pages, g_ptr_array_unref);
  g_clear_pointer (&pagination->pages, g_ptr_array_unref);
  g_clear_pointer (&pagination->report_pages, g_ptr_array_unref);
  g_clear_pointer (&pagination->toc_title_lines, g_ptr_array_unref);
  g_clear_object (&pagination->context);
  hui_page_setup_free (pagination->setup);
  g_free (pagination->first_pages);
  g_free (pagination->page_counts);
  g_free (pagination);
}

/* The installed family that sets Chinese text for @role: the first of the
 * role's family list that is present, as fontconfig resolves it. Formats
 * read by other programs name this family so they use the same font. */
char *
hui_pagination_resolve_family (HuiPagination *pagination,
                               HuiFontRole    role)
{
  g_autoptr(PangoFontDescription) desc = hui_typesetter_font (pagination->setup, role);
  PangoFontset *fontset = pango_context_load_fontset (pagination->context, desc,
                                                      pango_language_from_string ("zh-cn"));
  g_autoptr(PangoFont) font = pango_fontset_get_font (fontset, 0x4E2D /* 中 */);
  g_autoptr(PangoFontDescription) used = pango_font_describe (font);

  g_object_unref (fontset);
  return g_strdup (pango_font_description_get_family (used));
}

static void
hui_paginator_finalize (GObject *object)
{
  HuiPaginator *self = (HuiPaginator *)object;

  g_clear_object (&self->bulletin);
  g_clear_pointer (&self->cached_setup, hui_page_setup_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  for (guint i = 0; i < N_WORKERS; i++)
    g_clear_object (&self->contexts[i]);

  G_OBJECT_CLASS (hui_paginator_parent_class)->finalize (object);
}

static void
hui_paginator_class_init (HuiPaginatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hui_paginator_finalize;
}

static void
hui_paginator_init (HuiPaginator *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)report_pages_unref);
  for (guint i = 0; i < N_WORKERS; i++)
    self->contexts[i] = hui_typesetter_create_context ();
}

HuiPaginator *
hui_paginator_new (HuiBulletin *bulletin)
{
  HuiPaginator *self;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), NULL);

  self = g_object_new (HUI_TYPE_PAGINATOR, NULL);
  self->bulletin = g_object_ref (bulletin);
  return self;
}

static HuiPagination *
pagination_new (const HuiPageSetup *setup,
                guint               n_reports,
                PangoContext       *context)
{
  HuiPagination *pagination = g_new0 (HuiPagination, 1);

  pagination->setup = hui_page_setup_copy (setup);
  pagination->n_reports = n_reports;
  pagination->first_pages = g_new0 (guint, MAX (1, n_reports));
  pagination->page_counts = g_new0 (guint, MAX (1, n_reports));
  pagination->toc_pages = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_page_free);
  pagination->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_page_free);
  pagination->report_pages = g_ptr_array_new_with_free_func ((GDestroyNotify)report_pages_unref);
  pagination->toc_title_lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  pagination->context = g_object_ref (context);

  return pagination;
}

typedef struct {
  PangoContext       *context;
  const HuiPageSetup *setup;
  ReportPages        *last;      /* whose last page is kept for the
                                  * closing block, or NULL */
  GPtrArray          *todo;      /* of ReportPages to fill */
} Work;

static gsize
report_text_bytes (HuiReport *report,
                   gsize     *longest)
{
  gsize bytes = 0;

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      gsize length = strlen (hui_block_get_text (hui_report_get_block (report, i)));

      bytes += length;
      *longest = MAX (*longest, length);
    }
  return bytes;
}

/* In a pagination for one export of a long bulletin, which reports'
 * pages to release: all but the first KEEP_BYTES of text. */
static void
choose_released (HuiBulletin  *bulletin,
                 ReportPages **order)
{
  guint n = hui_bulletin_get_n_reports (bulletin);
  g_autofree gsize *bytes = g_new0 (gsize, MAX (1, n));
  gsize total = 0, longest = 0, kept = 0;

  for (guint r = 0; r < n; r++)
    total += bytes[r] = report_text_bytes (hui_bulletin_get_report (bulletin, r), &longest);
  if (total - longest <= RELEASE_BULLETIN_BYTES)
    return;
  for (guint r = 0; r < n; r++)
    {
      kept += bytes[r];
      order[r]->release = kept > KEEP_BYTES;
    }
}

typedef struct {
  GPtrArray *pages;
  gboolean   keep_last;
} Releasing;

static void
release_cb (HuiPage  *page,
            guint     index,
            gpointer  data)
{
  Releasing *releasing = data;

  if (!releasing->keep_last || index + 1 < releasing->pages->len)
    hui_page_release (page);
}

static void
lay_out_report (Work        *work,
                ReportPages *rp)
{
  HuiTypesetter *setter = hui_typesetter_new (work->context, work->setup, rp->pages);
  Releasing releasing = { rp->pages, rp == work->last };

  if (rp->release)
    hui_typesetter_stream_pages (setter, release_cb, &releasing);
  hui_typesetter_add_report (setter, rp->report, 0);
  if (rp->release)
    hui_typesetter_hand_over_rest (setter);
  hui_typesetter_free (setter);
}

static gpointer
lay_out_reports (gpointer data)
{
  Work *work = data;

  for (guint i = 0; i < work->todo->len; i++)
    lay_out_report (work, work->todo->pdata[i]);

  return NULL;
}

/* Lays out the reports in @todo, shared out among the calling thread and
 * N_WORKERS - 1 helpers: each thread has its own pango context, as font
 * maps are not shared across threads. */
static void
lay_out_in_parallel (HuiPaginator       *self,
                     const HuiPageSetup *setup,
                     GPtrArray          *todo,
                     ReportPages        *last)
{
  Work work[N_WORKERS];
  GThread *helpers[N_WORKERS] = { NULL };

  for (guint w = 0; w < N_WORKERS; w++)
    {
      work[w].context = self->contexts[w];
      work[w].setup = setup;
      work[w].last = last;
      work[w].todo = g_ptr_array_new ();
    }
  for (guint i = 0; i < todo->len; i++)
    g_ptr_array_add (work[i % N_WORKERS].todo, todo->pdata[i]);

  for (guint w = 1; w < N_WORKERS; w++)
    if (work[w].todo->len > 0)
      helpers[w] = g_thread_new ("hui-paginator", lay_out_reports, &work[w]);
  lay_out_reports (&work[0]);
  for (guint w = 1; w < N_WORKERS; w++)
    if (helpers[w] != NULL)
      g_thread_join (helpers[w]);

  for (guint w = 0; w < N_WORKERS; w++)
    g_ptr_array_unref (work[w].todo);
}

/* The report's own page index within its ReportPages is shifted to the
 * bulletin's page numbers as the pages are collected. */
static void
collect_pages (HuiPagination *pagination,
               ReportPages   *rp,
               guint          index)
{
  pagination->first_pages[index] = pagination->pages->len + 1;
  pagination->page_counts[index] = rp->pages->len;
  for (guint p = 0; p < rp->pages->len; p++)
    {
      HuiPage *page = hui_page_copy_numbered (rp->pages->pdata[p], pagination->pages->len + 1);

      page->report = index;
      g_ptr_array_add (pagination->pages, page);
    }
  g_ptr_array_add (pagination->report_pages, g_atomic_rc_box_acquire (rp));
}

static void
paginate_cached (HuiPaginator       *self,
                 const HuiPageSetup *setup,
                 HuiPagination      *pagination)
{
  g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)report_pages_unref);
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  guint n = pagination->n_reports;
  g_autofree ReportPages **order = g_new0 (ReportPages *, MAX (1, n));

  for (guint i = 0; i < n; i++)
    {
      HuiReport *report = hui_bulletin_get_report (self->bulletin, i);
      ReportPages *rp = g_hash_table_lookup (cache, report);

      /* A report that stands twice in the bulletin is laid out once. */
      if (rp != NULL)
        {
          order[i] = rp;
          continue;
        }
      rp = g_hash_table_lookup (self->cache, report);
      if (rp == NULL || rp->revision != hui_report_get_revision (report))
        {
          rp = report_pages_new (report);
          g_ptr_array_add (todo, rp);
        }
      else
        g_atomic_rc_box_acquire (rp);

      order[i] = rp;
      g_hash_table_insert (cache, report, rp);
    }

  if (self->one_shot)
    choose_released (self->bulletin, order);
  lay_out_in_parallel (self, setup, todo,
                       n > 0 && hui_bulletin_get_closing (self->bulletin) != NULL ? order[n - 1] : NULL);
  for (guint i = 0; i < n; i++)
    collect_pages (pagination, order[i], i);

  /* Reports no longer in the bulletin drop out of the cache. */
  g_hash_table_unref (self->cache);
  self->cache = g_steal_pointer (&cache);
}

/* Reports that run on from each other share pages: nothing to cache. */
static void
paginate_continuous (HuiPaginator       *self,
                     const HuiPageSetup *setup,
                     HuiPagination      *pagination)
{
  ReportPages *rp = g_atomic_rc_box_new0 (ReportPages);
  HuiTypesetter *setter;

  rp->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_page_free);
  setter = hui_typesetter_new (self->contexts[0], setup, rp->pages);
  for (guint i = 0; i < pagination->n_reports; i++)
    {
      guint first = hui_typesetter_add_report (setter, hui_bulletin_get_report (self->bulletin, i), i);

      pagination->first_pages[i] = first;
      if (i > 0)
        pagination->page_counts[i - 1] = first - pagination->first_pages[i - 1] + 1;
    }
  hui_typesetter_finish (setter);
  hui_typesetter_free (setter);

  if (pagination->n_reports > 0)
    pagination->page_counts[pagination->n_reports - 1] =
      rp->pages->len - pagination->first_pages[pagination->n_reports - 1] + 1;
  for (guint p = 0; p < rp->pages->len; p++)
    g_ptr_array_add (pagination->pages, hui_page_copy_numbered (rp->pages->pdata[p], p + 1));
  g_ptr_array_add (pagination->report_pages, rp);
}

/* The closing block goes on the last page: that page is copied (the
 * cached one stays as the report left it) and set on again. */
static void
add_closing (HuiPaginator  *self,
             HuiPagination *pagination)
{
  const char *closing = hui_bulletin_get_closing (self->bulletin);
  g_autoptr(GPtrArray) pages = NULL;
  HuiTypesetter *setter;
  HuiPage *last, *copy;
  guint used = 0;

  if (closing == NULL || pagination->pages->len == 0)
    return;

  last = pagination->pages->pdata[pagination->pages->len - 1];
  copy = hui_page_copy_numbered (last, last->number);
  g_array_unref (copy->lines);
  copy->lines = g_array_copy (last->lines);
  hui_page_lines_ref_shared (copy->lines);
  for (guint i = 0; i < copy->lines->len; i++)
    {
      HuiPlacedLine *line = &g_array_index (copy->lines, HuiPlacedLine, i);
      used = MAX (used, line->row + line->rows);
    }

  pages = g_ptr_array_new ();
  g_ptr_array_add (pages, copy);
  setter = hui_typesetter_new (pagination->context, pagination->setup, pages);
  hui_typesetter_add_closing (setter, closing, last->report, used);
  hui_typesetter_free (setter);

  pagination->pages->pdata[pagination->pages->len - 1] = copy;
  hui_page_free (last);
  for (guint i = 1; i < pages->len; i++)
    {
      HuiPage *page = pages->pdata[i];

      page->number = pagination->pages->len + 1;
      g_ptr_array_add (pagination->pages, page);
      if (pagination->n_reports > 0)
        pagination->page_counts[pagination->n_reports - 1]++;
    }
}

/* The masthead and the table of contents come first and are not counted:
 * the first report starts on page 1 whatever the length of the TOC. */
static void
set_toc (HuiPaginator  *self,
         HuiPagination *pagination)
{
  HuiTypesetter *setter = hui_typesetter_new (pagination->context, pagination->setup, pagination->toc_pages);

  if (pagination->setup->front_page && hui_bulletin_get_title (self->bulletin) != NULL)
    hui_typesetter_add_front_page (setter, self->bulletin);
  if (pagination->setup->table_of_contents)
    hui_typesetter_add_toc (setter, self->bulletin, pagination->first_pages, pagination->toc_title_lines);
  hui_typesetter_free (setter);
}

HuiPagination *
hui_paginator_paginate_with (HuiPaginator       *self,
                             const HuiPageSetup *setup)
{
  HuiPagination *pagination;

  g_return_val_if_fail (HUI_IS_PAGINATOR (self), NULL);
  g_return_val_if_fail (setup != NULL, NULL);

  if (!hui_page_setup_equal (setup, self->cached_setup))
    {
      g_hash_table_remove_all (self->cache);
      g_clear_pointer (&self->cached_setup, hui_page_setup_free);
      self->cached_setup = hui_page_setup_copy (setup);
    }

  pagination = pagination_new (setup, hui_bulletin_get_n_reports (self->bulletin), self->contexts[0]);
  if (setup->new_page_per_report)
    paginate_cached (self, setup, pagination);
  else
    paginate_continuous (self, setup, pagination);
  add_closing (self, pagination);
  set_toc (self, pagination);

  return pagination;
}

/* Paginates with the bulletin's own page setup. */
HuiPagination *
hui_paginator_paginate (HuiPaginator *self)
{
  g_return_val_if_fail (HUI_IS_PAGINATOR (self), NULL);

  return hui_paginator_paginate_with (self, hui_bulletin_get_page_setup (self->bulletin));
}

/* One pagination, for exports: nothing to keep for next time, and the
 * pages of a long bulletin are released (HuiPage.released): only
 * hui_pagination_set_released() sets them again. */
HuiPagination *
hui_pagination_new (HuiBulletin        *bulletin,
                    const HuiPageSetup *setup)
{
  g_autoptr(HuiPaginator) paginator = hui_paginator_new (bulletin);

  paginator->one_shot = TRUE;
  return hui_paginator_paginate_with (paginator, setup);
}

typedef struct {
  const HuiPagination *pagination;
  guint                first;  /* index of the report's first page */
  HuiPageFunc          func;
  gpointer             data;
} Released;

static void
draw_released_cb (HuiPage  *page,
                  guint     index,
                  gpointer  data)
{
  Released *released = data;
  const HuiPage *counted = released->pagination->pages->pdata[released->first + index];

  /* The bulletin's last page was kept for its closing block. */
  if (counted->released)
    {
      page->number = counted->number;
      page->report = counted->report;
      released->func (page, released->data);
    }
  hui_page_release (page);
}

/* Sets the released pages of report @index again, exactly as they were
 * counted, and calls @func with each in turn, which may draw it and must
 * not keep it: a few pages at a time are kept. A page not released (the
 * bulletin's last, which takes the closing block) is the pagination's. */
void
hui_pagination_set_released (const HuiPagination *pagination,
                             guint                index,
                             HuiPageFunc          func,
                             gpointer             data)
{
  ReportPages *rp;
  g_autoptr(GPtrArray) pages = NULL;
  HuiTypesetter *setter;
  Released released = { pagination, 0, func, data };

  g_return_if_fail (index < pagination->n_reports && pagination->setup->new_page_per_report);

  rp = pagination->report_pages->pdata[index];
  released.first = pagination->first_pages[index] - 1;
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify)hui_page_free);
  setter = hui_typesetter_new (pagination->context, pagination->setup, pages);
  hui_typesetter_stream_pages (setter, draw_released_cb, &released);
  hui_typesetter_add_report (setter, rp->report, 0);
  hui_typesetter_hand_over_rest (setter);
  hui_typesetter_free (setter);
}

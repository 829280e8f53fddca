/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hui-typesetter.h"
#include "model/hui-bulletin.h"

G_BEGIN_DECLS

/* The bulletin set on pages: the table of contents, then the numbered
 * pages, and where each report starts. Immutable once made; its pages
 * keep alive the layouts they show. In a pagination from
 * hui_pagination_new() of a long bulletin (over 1 MB of text besides its
 * longest paragraph) the pages are counted but released
 * (HuiPage.released, no lines) to bound memory: hui_pdf_exporter_write()
 * sets them again as it draws them; to draw pages one by one (preview,
 * printing), use a HuiPaginator's pagination. */
typedef struct {
  HuiPageSetup *setup;
  GPtrArray    *toc_pages;    /* of HuiPage, not numbered */
  GPtrArray    *pages;        /* of HuiPage, numbered from 1 */
  guint        *first_pages;  /* per report */
  guint        *page_counts;  /* per report */
  guint         n_reports;
  PangoContext *context;      /* for text drawn at render time */
  GPtrArray    *report_pages; /* the reports' shared pages */
  /* Per report: the TOC title as set, one string per line; a last empty
   * line when the page number stands on a line of its own. Other formats
   * copy these breaks so their TOC takes the same lines. */
  GPtrArray    *toc_title_lines;
} HuiPagination;

#define HUI_TYPE_PAGINATOR (hui_paginator_get_type ())
G_DECLARE_FINAL_TYPE (HuiPaginator, hui_paginator, HUI, PAGINATOR, GObject)

typedef void (*HuiPageFunc) (const HuiPage *page,
                             gpointer       data);

HuiPaginator  *hui_paginator_new             (HuiBulletin        *bulletin);
HuiPagination *hui_paginator_paginate        (HuiPaginator       *self);
HuiPagination *hui_pagination_new            (HuiBulletin        *bulletin,
                                              const HuiPageSetup *setup);
void           hui_pagination_free           (HuiPagination      *pagination);
char          *hui_pagination_resolve_family (HuiPagination      *pagination,
                                              HuiFontRole         role);
void           hui_pagination_set_released   (const HuiPagination *pagination,
                                              guint               index,
                                              HuiPageFunc         func,
                                              gpointer            data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuiPagination, hui_pagination_free)

G_END_DECLS

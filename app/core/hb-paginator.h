/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hb-bulletin.h"
#include "hb-page-setter.h"

G_BEGIN_DECLS

/* The bulletin set on pages: the table of contents, then the numbered
 * pages, and where each report starts. Immutable once made; it keeps
 * alive the layouts its pages show. */
typedef struct {
  HbPageSetup  *setup;
  GPtrArray    *toc_pages;    /* of HbPage, not numbered */
  GPtrArray    *pages;        /* of HbPage, numbered from 1 */
  guint        *first_pages;  /* per report */
  guint        *page_counts;  /* per report */
  guint         n_reports;
  PangoContext *context;      /* for text drawn at render time */
  GPtrArray    *layouts;      /* the TOC's layouts */
  GPtrArray    *report_pages; /* the reports' shared pages and layouts */
  /* Per report: the TOC title as set, one string per line; a last empty
   * line when the page number stands on a line of its own. Other formats
   * copy these breaks so their TOC takes the same lines. */
  GPtrArray    *toc_title_lines;
} HbPagination;

#define HB_TYPE_PAGINATOR (hb_paginator_get_type ())
G_DECLARE_FINAL_TYPE (HbPaginator, hb_paginator, HB, PAGINATOR, GObject)

HbPaginator  *hb_paginator_new              (HbBulletin        *bulletin);
HbPagination *hb_paginator_paginate         (HbPaginator       *self);
HbPagination *hb_paginator_paginate_with    (HbPaginator       *self,
                                             const HbPageSetup *setup);
HbPagination *hb_paginate                   (HbBulletin        *bulletin,
                                             const HbPageSetup *setup);
void          hb_pagination_free            (HbPagination      *pagination);
char         *hb_pagination_resolve_family  (HbPagination      *pagination,
                                             HbFontRole         role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbPagination, hb_pagination_free)

G_END_DECLS

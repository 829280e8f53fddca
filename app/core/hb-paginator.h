/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "hb-bulletin.h"
#include "hb-page-setup.h"

G_BEGIN_DECLS

/* One line of text placed on the page grid. */
typedef struct {
  PangoLayout *layout;      /* the block's layout (owned by the pagination) */
  int          line;        /* index of the line in @layout */
  double       x;           /* points from the left of the type area */
  guint        row;         /* first grid row, from the top of the type area */
  guint        rows;        /* grid rows the line takes */
  PangoLayout *tail;        /* a TOC page number set flush right, or NULL */
  double       leader_from; /* where a TOC dot leader starts, or -1 */
} HbPlacedLine;

typedef struct {
  guint   number;  /* the printed page number; 0 on table-of-contents pages */
  int     report;  /* index of the report on this page, or -1 */
  GArray *lines;   /* of HbPlacedLine */
} HbPage;

typedef struct {
  HbPageSetup *setup;
  GPtrArray   *toc_pages;    /* of HbPage, not numbered */
  GPtrArray   *pages;        /* of HbPage, numbered from 1 */
  guint       *first_pages;  /* per report */
  guint       *page_counts;  /* per report */
  guint        n_reports;
  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray   *layouts;
  /* Per report: the TOC title as set, one string per line; a last empty
   * line when the page number stands on a line of its own. Other formats
   * copy these breaks so their TOC takes the same lines. */
  GPtrArray   *toc_title_lines;
} HbPagination;

HbPagination *hb_paginate           (HbBulletin        *bulletin,
                                     const HbPageSetup *setup);
void          hb_pagination_free    (HbPagination      *pagination);
char         *hb_format_date        (const char        *iso_date);
char         *hb_pagination_resolve_family (HbPagination *pagination,
                                            HbFontRole    role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbPagination, hb_pagination_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hb-page-setup.h"
#include "hb-report.h"

G_BEGIN_DECLS

#define HB_TYPE_BULLETIN (hb_bulletin_get_type ())
G_DECLARE_FINAL_TYPE (HbBulletin, hb_bulletin, HB, BULLETIN, GObject)

HbBulletin  *hb_bulletin_new            (void);
const char  *hb_bulletin_get_title      (HbBulletin *self);
void         hb_bulletin_set_title      (HbBulletin *self,
                                         const char *title);
const char  *hb_bulletin_get_issue      (HbBulletin *self);
void         hb_bulletin_set_issue      (HbBulletin *self,
                                         const char *issue);
const char  *hb_bulletin_get_unit       (HbBulletin *self);
void         hb_bulletin_set_unit       (HbBulletin *self,
                                         const char *unit);
const char  *hb_bulletin_get_date       (HbBulletin *self);
void         hb_bulletin_set_date       (HbBulletin *self,
                                         const char *iso_date);
const char  *hb_bulletin_get_closing    (HbBulletin *self);
void         hb_bulletin_set_closing    (HbBulletin *self,
                                         const char *closing);
const HbPageSetup *hb_bulletin_get_page_setup (HbBulletin        *self);
void         hb_bulletin_set_page_setup (HbBulletin        *self,
                                         const HbPageSetup *setup);
GListModel  *hb_bulletin_get_reports    (HbBulletin *self);
guint        hb_bulletin_get_n_reports  (HbBulletin *self);
HbReport    *hb_bulletin_get_report     (HbBulletin *self,
                                         guint       position);
void         hb_bulletin_append_report  (HbBulletin *self,
                                         HbReport   *report);
void         hb_bulletin_insert_report  (HbBulletin *self,
                                         guint       position,
                                         HbReport   *report);
void         hb_bulletin_remove_report  (HbBulletin *self,
                                         guint       position);
void         hb_bulletin_move_report    (HbBulletin *self,
                                         guint       from,
                                         guint       to);
void         hb_bulletin_duplicate_report (HbBulletin *self,
                                           guint       position);
gboolean     hb_bulletin_merge_with_next  (HbBulletin *self,
                                           guint       position);
gboolean     hb_bulletin_split_report     (HbBulletin *self,
                                           guint       position,
                                           guint       block);
typedef struct {
  guint report;
  int   block;   /* -1: the title, organisation or date; else the block */
} HbMatch;

gboolean     hb_bulletin_find_next        (HbBulletin *self,
                                           const char *needle,
                                           HbMatch    *from,
                                           HbMatch    *found);
guint        hb_bulletin_replace_all      (HbBulletin *self,
                                           const char *needle,
                                           const char *replacement);
guint        hb_bulletin_merge            (HbBulletin *self,
                                           HbBulletin *other,
                                           guint       position);
void         hb_bulletin_replace_contents (HbBulletin *self,
                                           HbBulletin *other);
const GPtrArray *hb_bulletin_get_warnings (HbBulletin *self);
void         hb_bulletin_add_warning    (HbBulletin *self,
                                         const char *format,
                                         ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS

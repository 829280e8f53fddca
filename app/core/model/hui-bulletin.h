/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hui-page-setup.h"
#include "hui-report.h"

G_BEGIN_DECLS

#define HUI_TYPE_BULLETIN (hui_bulletin_get_type ())
G_DECLARE_FINAL_TYPE (HuiBulletin, hui_bulletin, HUI, BULLETIN, GObject)

HuiBulletin        *hui_bulletin_new              (void);
const char         *hui_bulletin_get_title        (HuiBulletin        *self);
void                hui_bulletin_set_title        (HuiBulletin        *self,
                                                   const char         *title);
const char         *hui_bulletin_get_issue        (HuiBulletin        *self);
void                hui_bulletin_set_issue        (HuiBulletin        *self,
                                                   const char         *issue);
const char         *hui_bulletin_get_unit         (HuiBulletin        *self);
void                hui_bulletin_set_unit         (HuiBulletin        *self,
                                                   const char         *unit);
const char         *hui_bulletin_get_date         (HuiBulletin        *self);
void                hui_bulletin_set_date         (HuiBulletin        *self,
                                                   const char         *iso_date);
const char         *hui_bulletin_get_closing      (HuiBulletin        *self);
void                hui_bulletin_set_closing      (HuiBulletin        *self,
                                                   const char         *closing);
const HuiPageSetup *hui_bulletin_get_page_setup   (HuiBulletin        *self);
void                hui_bulletin_set_page_setup   (HuiBulletin        *self,
                                                   const HuiPageSetup *setup);
GListModel         *hui_bulletin_get_reports      (HuiBulletin        *self);
guint               hui_bulletin_get_n_reports    (HuiBulletin        *self);
HuiReport          *hui_bulletin_get_report       (HuiBulletin        *self,
                                                   guint               position);
void                hui_bulletin_append_report    (HuiBulletin        *self,
                                                   HuiReport          *report);
void                hui_bulletin_insert_report    (HuiBulletin        *self,
                                                   guint               position,
                                                   HuiReport          *report);
void                hui_bulletin_remove_report    (HuiBulletin        *self,
                                                   guint               position);
void                hui_bulletin_move_report      (HuiBulletin        *self,
                                                   guint               from,
                                                   guint               to);
void                hui_bulletin_duplicate_report (HuiBulletin        *self,
                                                   guint               position);
gboolean            hui_bulletin_merge_with_next  (HuiBulletin        *self,
                                                   guint               position);
gboolean            hui_bulletin_split_report     (HuiBulletin        *self,
                                                   guint               position,
                                                   guint               block);
typedef struct {
  guint report;
  int   block;   /* -1: the title, organisation or date; else the block */
} HuiMatch;

gboolean         hui_bulletin_find_next        (HuiBulletin *self,
                                                const char  *needle,
                                                HuiMatch    *from,
                                                HuiMatch    *found);
guint            hui_bulletin_replace_all      (HuiBulletin *self,
                                                const char  *needle,
                                                const char  *replacement);
guint            hui_bulletin_merge            (HuiBulletin *self,
                                                HuiBulletin *other,
                                                guint        position);
void             hui_bulletin_replace_contents (HuiBulletin *self,
                                                HuiBulletin *other);
const GPtrArray *hui_bulletin_get_warnings     (HuiBulletin *self);
void             hui_bulletin_add_warning      (HuiBulletin *self,
                                                const char  *format,
                                                ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS

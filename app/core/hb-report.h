/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hb-block.h"

G_BEGIN_DECLS

#define HB_TYPE_REPORT (hb_report_get_type ())
G_DECLARE_FINAL_TYPE (HbReport, hb_report, HB, REPORT, GObject)

HbReport    *hb_report_new                (void);
HbReport    *hb_report_copy               (HbReport    *self);
const char  *hb_report_get_title          (HbReport    *self);
void         hb_report_set_title          (HbReport    *self,
                                           const char  *title);
const char  *hb_report_get_subtitle       (HbReport    *self);
void         hb_report_set_subtitle       (HbReport    *self,
                                           const char  *subtitle);
char        *hb_report_dup_full_title     (HbReport    *self);
const char  *hb_report_get_organization   (HbReport    *self);
void         hb_report_set_organization   (HbReport    *self,
                                           const char  *organization);
const char  *hb_report_get_date           (HbReport    *self);
void         hb_report_set_date           (HbReport    *self,
                                           const char  *iso_date);
const char  *hb_report_get_source         (HbReport    *self);
void         hb_report_set_source         (HbReport    *self,
                                           const char  *source);
guint        hb_report_get_source_page    (HbReport    *self);
void         hb_report_set_source_page    (HbReport    *self,
                                           guint        page);
GListModel  *hb_report_get_blocks         (HbReport    *self);
guint        hb_report_get_n_blocks       (HbReport    *self);
HbBlock     *hb_report_get_block          (HbReport    *self,
                                           guint        position);
void         hb_report_append_block       (HbReport    *self,
                                           HbBlock     *block);
void         hb_report_insert_block       (HbReport    *self,
                                           guint        position,
                                           HbBlock     *block);
void         hb_report_remove_block       (HbReport    *self,
                                           guint        position);
const GPtrArray *hb_report_get_warnings   (HbReport    *self);
void         hb_report_add_warning        (HbReport    *self,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
guint64      hb_report_get_revision       (HbReport    *self);
void         hb_report_renumber_headings  (HbReport    *self);
void         hb_report_set_block_level    (HbReport    *self,
                                           guint        position,
                                           guint        level);
gboolean     hb_report_promote_run_in     (HbReport    *self,
                                           guint        position,
                                           guint        level);
gboolean     hb_report_move_section       (HbReport    *self,
                                           guint        position,
                                           int          direction,
                                           guint       *new_position);
char        *hb_heading_label_for         (guint        level,
                                           guint        number);
guint        hb_report_count_paragraphs   (HbReport    *self);
guint        hb_report_count_blocks       (HbReport    *self,
                                           HbBlockKind  kind);
guint        hb_report_count_notes        (HbReport    *self);
gsize        hb_report_count_characters   (HbReport    *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hui-block.h"

G_BEGIN_DECLS

#define HUI_TYPE_REPORT (hui_report_get_type ())
G_DECLARE_FINAL_TYPE (HuiReport, hui_report, HUI, REPORT, GObject)

HuiReport       *hui_report_new               (void);
HuiReport       *hui_report_copy              (HuiReport    *self);
const char      *hui_report_get_title         (HuiReport    *self);
void             hui_report_set_title         (HuiReport    *self,
                                               const char   *title);
const char      *hui_report_get_subtitle      (HuiReport    *self);
void             hui_report_set_subtitle      (HuiReport    *self,
                                               const char   *subtitle);
char            *hui_report_dup_full_title    (HuiReport    *self);
const char      *hui_report_get_organization  (HuiReport    *self);
void             hui_report_set_organization  (HuiReport    *self,
                                               const char   *organization);
const char      *hui_report_get_date          (HuiReport    *self);
void             hui_report_set_date          (HuiReport    *self,
                                               const char   *iso_date);
const char      *hui_report_get_source        (HuiReport    *self);
void             hui_report_set_source        (HuiReport    *self,
                                               const char   *source);
guint            hui_report_get_source_page   (HuiReport    *self);
void             hui_report_set_source_page   (HuiReport    *self,
                                               guint         page);
GListModel      *hui_report_get_blocks        (HuiReport    *self);
guint            hui_report_get_n_blocks      (HuiReport    *self);
HuiBlock        *hui_report_get_block         (HuiReport    *self,
                                               guint         position);
void             hui_report_append_block      (HuiReport    *self,
                                               HuiBlock     *block);
void             hui_report_insert_block      (HuiReport    *self,
                                               guint         position,
                                               HuiBlock     *block);
void             hui_report_remove_block      (HuiReport    *self,
                                               guint         position);
const GPtrArray *hui_report_get_warnings      (HuiReport    *self);
void             hui_report_add_warning       (HuiReport    *self,
                                               const char   *format,
                                               ...) G_GNUC_PRINTF (2, 3);
guint64          hui_report_get_revision      (HuiReport    *self);
void             hui_report_renumber_headings (HuiReport    *self);
void             hui_report_set_block_level   (HuiReport    *self,
                                               guint         position,
                                               guint         level);
gboolean         hui_report_promote_run_in    (HuiReport    *self,
                                               guint         position,
                                               guint         level);
gboolean         hui_report_move_section      (HuiReport    *self,
                                               guint         position,
                                               int           direction,
                                               guint        *new_position);
guint            hui_report_count_paragraphs  (HuiReport    *self);
guint            hui_report_count_blocks      (HuiReport    *self,
                                               HuiBlockKind  kind);
guint            hui_report_count_notes       (HuiReport    *self);
gsize            hui_report_count_characters  (HuiReport    *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  HB_BLOCK_PARAGRAPH,
  HB_BLOCK_HEADING,
} HbBlockKind;

#define HB_MAX_HEADING_LEVEL 4

#define HB_TYPE_BLOCK (hb_block_get_type ())
G_DECLARE_FINAL_TYPE (HbBlock, hb_block, HB, BLOCK, GObject)

HbBlock     *hb_block_new_paragraph (const char *text);
HbBlock     *hb_block_new_heading   (guint       level,
                                     const char *label,
                                     const char *text,
                                     const char *run_in);
HbBlock     *hb_block_copy          (HbBlock    *self);
HbBlockKind  hb_block_get_kind      (HbBlock    *self);
guint        hb_block_get_level     (HbBlock    *self);
void         hb_block_set_level     (HbBlock    *self,
                                     guint       level);
const char  *hb_block_get_label     (HbBlock    *self);
void         hb_block_set_label     (HbBlock    *self,
                                     const char *label);
const char  *hb_block_get_text      (HbBlock    *self);
void         hb_block_set_text      (HbBlock    *self,
                                     const char *text);
const char  *hb_block_get_run_in    (HbBlock    *self);
void         hb_block_set_run_in    (HbBlock    *self,
                                     const char *run_in);
gsize        hb_block_count_characters (HbBlock *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  HB_BLOCK_PARAGRAPH,
  HB_BLOCK_HEADING,
  HB_BLOCK_TABLE,
  HB_BLOCK_IMAGE,
} HbBlockKind;

typedef enum {
  HB_NOTE_FOOTNOTE,
  HB_NOTE_ENDNOTE,
} HbNoteKind;

/* Where a note is referenced in a block's text: U+FFFC, the object
 * replacement character; the n-th mark refers to the n-th note. */
#define HB_NOTE_MARK        "\xef\xbf\xbc"
#define HB_NOTE_MARK_CHAR   0xFFFC

#define HB_MAX_HEADING_LEVEL 4

/* The most cells one cell of a source table stands for (merged across,
 * or repeated as spreadsheets do): a hostile file cannot make a table
 * of millions of cells from a few bytes. */
#define HB_MAX_TABLE_SPAN 64

#define HB_TYPE_BLOCK (hb_block_get_type ())
G_DECLARE_FINAL_TYPE (HbBlock, hb_block, HB, BLOCK, GObject)

HbBlock     *hb_block_new_paragraph (const char *text);
HbBlock     *hb_block_new_heading   (guint       level,
                                     const char *label,
                                     const char *text,
                                     const char *run_in);
HbBlock     *hb_block_new_table     (GPtrArray  *rows);
HbBlock     *hb_block_new_image     (GBytes     *data,
                                     const char *mime_type,
                                     double      width,
                                     double      height,
                                     const char *description);
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

guint        hb_block_get_n_rows    (HbBlock    *self);
guint        hb_block_get_n_columns (HbBlock    *self);
const char * const *hb_block_get_row (HbBlock   *self,
                                     guint       row);

GBytes      *hb_block_get_image_data (HbBlock   *self);
const char  *hb_block_get_image_type (HbBlock   *self);
void         hb_block_get_image_size (HbBlock   *self,
                                      double    *width,
                                      double    *height);

void         hb_block_add_note      (HbBlock    *self,
                                     HbNoteKind  kind,
                                     const char *text);
void         hb_block_insert_note   (HbBlock    *self,
                                     guint       index,
                                     HbNoteKind  kind,
                                     const char *text);
void         hb_block_set_note      (HbBlock    *self,
                                     guint       index,
                                     const char *text);
void         hb_block_remove_note   (HbBlock    *self,
                                     guint       index);
guint        hb_block_get_n_notes   (HbBlock    *self);
const char  *hb_block_get_note      (HbBlock    *self,
                                     guint       index,
                                     HbNoteKind *kind);
guint        hb_block_count_marks   (HbBlock    *self);
void         hb_block_copy_notes    (HbBlock    *self,
                                     HbBlock    *from);
/* Where hb_block_print_marks() put a note's reference. */
typedef struct {
  gsize offset;  /* bytes into the printed text */
  guint note;    /* the note's index in its block */
  guint number;  /* as printed: ① is 1 */
} HbNoteReference;

char        *hb_block_print_marks   (HbBlock    *self,
                                     const char *text,
                                     guint      *counter,
                                     guint      *used,
                                     gboolean    last,
                                     GArray     *references);
char        *hb_note_reference      (guint       n);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  HUI_BLOCK_PARAGRAPH,
  HUI_BLOCK_HEADING,
  HUI_BLOCK_TABLE,
  HUI_BLOCK_IMAGE,
} HuiBlockKind;

typedef enum {
  HUI_NOTE_FOOTNOTE,
  HUI_NOTE_ENDNOTE,
} HuiNoteKind;

/* Where a note is referenced in a block's text: U+FFFC, the object
 * replacement character; the n-th mark refers to the n-th note. */
#define HUI_NOTE_MARK        "\xef\xbf\xbc"
#define HUI_NOTE_MARK_CHAR   0xFFFC

#define HUI_MAX_HEADING_LEVEL 4

/* The most cells one cell of a source table stands for (merged across,
 * or repeated as spreadsheets do): a hostile file cannot make a table
 * of millions of cells from a few bytes. */
#define HUI_MAX_TABLE_SPAN 64

#define HUI_TYPE_BLOCK (hui_block_get_type ())
G_DECLARE_FINAL_TYPE (HuiBlock, hui_block, HUI, BLOCK, GObject)

HuiBlock     *hui_block_new_paragraph    (const char *text);
HuiBlock     *hui_block_new_heading      (guint       level,
                                          const char *label,
                                          const char *text,
                                          const char *run_in);
HuiBlock     *hui_block_new_table        (GPtrArray  *rows);
HuiBlock     *hui_block_new_image        (GBytes     *data,
                                          const char *mime_type,
                                          double      width,
                                          double      height,
                                          const char *description);
HuiBlock     *hui_block_copy             (HuiBlock   *self);
HuiBlockKind  hui_block_get_kind         (HuiBlock   *self);
guint         hui_block_get_level        (HuiBlock   *self);
void          hui_block_set_level        (HuiBlock   *self,
                                          guint       level);
const char   *hui_block_get_label        (HuiBlock   *self);
void          hui_block_set_label        (HuiBlock   *self,
                                          const char *label);
const char   *hui_block_get_text         (HuiBlock   *self);
void          hui_block_set_text         (HuiBlock   *self,
                                          const char *text);
const char   *hui_block_get_run_in       (HuiBlock   *self);
void          hui_block_set_run_in       (HuiBlock   *self,
                                          const char *run_in);
gsize         hui_block_count_characters (HuiBlock   *self);

guint hui_block_get_n_rows    (HuiBlock *self);
guint hui_block_get_n_columns (HuiBlock *self);
const char * const *hui_block_get_row (HuiBlock   *self,
                                     guint       row);

GBytes     *hui_block_get_image_data (HuiBlock *self);
const char *hui_block_get_image_type (HuiBlock *self);
void        hui_block_get_image_size (HuiBlock *self,
                                      double   *width,
                                      double   *height);

void        hui_block_add_note    (HuiBlock    *self,
                                   HuiNoteKind  kind,
                                   const char  *text);
void        hui_block_insert_note (HuiBlock    *self,
                                   guint        index,
                                   HuiNoteKind  kind,
                                   const char  *text);
void        hui_block_set_note    (HuiBlock    *self,
                                   guint        index,
                                   const char  *text);
void        hui_block_remove_note (HuiBlock    *self,
                                   guint        index);
guint       hui_block_get_n_notes (HuiBlock    *self);
const char *hui_block_get_note    (HuiBlock    *self,
                                   guint        index,
                                   HuiNoteKind *kind);
guint       hui_block_count_marks (HuiBlock    *self);
void        hui_block_copy_notes  (HuiBlock    *self,
                                   HuiBlock    *from);
/* Where hui_block_print_marks() put a note's reference. */
typedef struct {
  gsize offset;  /* bytes into the printed text */
  guint note;    /* the note's index in its block */
  guint number;  /* as printed: ① is 1 */
} HuiNoteReference;

char *hui_block_print_marks    (HuiBlock   *self,
                                const char *text,
                                guint      *counter,
                                guint      *used,
                                gboolean    last,
                                GArray     *references);
char *hui_block_note_reference (guint       n);

G_END_DECLS

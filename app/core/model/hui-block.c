/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-block"

#include "config.h"

#include <string.h>

#include "hui-block.h"
#include "support/hui-util.h"

/* One block of a report body: a paragraph, a heading of level 1–4, a
 * table or an image.
 * A heading keeps its number label ("一、", "（一）", "1.", "（1）") apart
 * from its text so that numbering can be regenerated when sections move.
 * A run-in heading ("（一）围绕……。正文……") stays one block: the heading
 * text plus the body text that follows it on the same line. A paragraph
 * has level 0 and no label.
 *
 * A table is rows of cells of plain text (the text is its caption, if
 * any); an image keeps the bytes of its file, their MIME type and the size
 * the document gave it in points (the text is its description). Paragraphs
 * and headings may carry footnotes and endnotes, referenced in the text by
 * HUI_NOTE_MARK; a note whose mark was edited away is kept and printed
 * after the block's text. */

typedef struct {
  HuiNoteKind  kind;
  char        *text;
} Note;

struct _HuiBlock
{
  GObject       parent_instance;

  HuiBlockKind  kind;
  guint         level;
  char         *label;
  char         *text;
  char         *run_in;
  GPtrArray    *rows;  /* of GStrv, for a table */
  GBytes       *image;
  char         *image_type;
  double        image_width;
  double        image_height;
  GArray       *notes; /* of Note, or NULL */
};

G_DEFINE_FINAL_TYPE (HuiBlock, hui_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_LABEL,
  PROP_TEXT,
  PROP_RUN_IN,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hui_block_finalize (GObject *object)
{
  HuiBlock *self = (HuiBlock *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->run_in, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->image_type, g_free);
  g_clear_pointer (&self->notes, g_array_unref);

  G_OBJECT_CLASS (hui_block_parent_class)->finalize (object);
}

static GStrv note_texts (HuiBlock *self);

static void
hui_block_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HuiBlock *self = HUI_BLOCK (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RUN_IN:
      g_value_set_string (value, self->run_in);
      break;
    case PROP_NOTES:
      g_value_take_boxed (value, note_texts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_block_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HuiBlock *self = HUI_BLOCK (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      hui_block_set_level (self, g_value_get_uint (value));
      break;
    case PROP_LABEL:
      hui_block_set_label (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      hui_block_set_text (self, g_value_get_string (value));
      break;
    case PROP_RUN_IN:
      hui_block_set_run_in (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_block_class_init (HuiBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hui_block_finalize;
  object_class->get_property = hui_block_get_property;
  object_class->set_property = hui_block_set_property;

  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL,
                       0, HUI_MAX_HEADING_LEVEL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUN_IN] =
    g_param_spec_string ("run-in", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The notes' texts, in order; notified when one is added, edited or
   * removed, so that a report sees its notes change like its text. */
  properties[PROP_NOTES] =
    g_param_spec_boxed ("notes", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hui_block_init (HuiBlock *self)
{
  self->text = g_strdup ("");
}

HuiBlock *
hui_block_new_paragraph (const char *text)
{
  return g_object_new (HUI_TYPE_BLOCK, "text", text, NULL);
}

HuiBlock *
hui_block_new_heading (guint       level,
                       const char *label,
                       const char *text,
                       const char *run_in)
{
  g_return_val_if_fail (level >= 1 && level <= HUI_MAX_HEADING_LEVEL, NULL);

  return g_object_new (HUI_TYPE_BLOCK,
                       "level", level,
                       "label", label,
                       "text", text,
                       "run-in", run_in,
                       NULL);
}

/* @rows: a GPtrArray of GStrv (each row's cells); it is copied. */
HuiBlock *
hui_block_new_table (GPtrArray *rows)
{
  HuiBlock *self;

  g_return_val_if_fail (rows != NULL, NULL);

  self = g_object_new (HUI_TYPE_BLOCK, NULL);
  self->kind = HUI_BLOCK_TABLE;
  self->rows = g_ptr_array_new_full (rows->len, (GDestroyNotify)g_strfreev);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->rows, g_strdupv (rows->pdata[i]));
  return self;
}

/* @width and @height: the size to print it at, in points, or 0 when the
 * document did not say. */
HuiBlock *
hui_block_new_image (GBytes     *data,
                     const char *mime_type,
                     double      width,
                     double      height,
                     const char *description)
{
  HuiBlock *self;

  g_return_val_if_fail (data != NULL && mime_type != NULL, NULL);

  self = g_object_new (HUI_TYPE_BLOCK, "text", description, NULL);
  self->kind = HUI_BLOCK_IMAGE;
  self->image = g_bytes_ref (data);
  self->image_type = g_strdup (mime_type);
  self->image_width = MAX (width, 0);
  self->image_height = MAX (height, 0);
  return self;
}

HuiBlock *
hui_block_copy (HuiBlock *self)
{
  HuiBlock *copy;

  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);

  if (self->kind == HUI_BLOCK_TABLE)
    copy = hui_block_new_table (self->rows);
  else if (self->kind == HUI_BLOCK_IMAGE)
    copy = hui_block_new_image (self->image, self->image_type, self->image_width, self->image_height, NULL);
  else
    copy = g_object_new (HUI_TYPE_BLOCK, "level", self->level, "label", self->label,
                         "run-in", self->run_in, NULL);
  hui_block_set_text (copy, self->text);
  hui_block_copy_notes (copy, self);
  return copy;
}

HuiBlockKind
hui_block_get_kind (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), HUI_BLOCK_PARAGRAPH);

  if (self->kind == HUI_BLOCK_TABLE || self->kind == HUI_BLOCK_IMAGE)
    return self->kind;
  return self->level == 0 ? HUI_BLOCK_PARAGRAPH : HUI_BLOCK_HEADING;
}

guint
hui_block_get_level (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), 0);

  return self->level;
}

void
hui_block_set_level (HuiBlock *self,
                     guint     level)
{
  g_return_if_fail (HUI_IS_BLOCK (self));
  g_return_if_fail (level <= HUI_MAX_HEADING_LEVEL);

  /* Tables and images have no level. */
  if (self->level == level || self->kind == HUI_BLOCK_TABLE || self->kind == HUI_BLOCK_IMAGE)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
hui_block_get_label (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);

  return self->label;
}

void
hui_block_set_label (HuiBlock   *self,
                     const char *label)
{
  g_return_if_fail (HUI_IS_BLOCK (self));

  if (hui_util_set_string (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
hui_block_get_text (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);

  return self->text;
}

void
hui_block_set_text (HuiBlock   *self,
                    const char *text)
{
  g_return_if_fail (HUI_IS_BLOCK (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
hui_block_get_run_in (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);

  return self->run_in;
}

void
hui_block_set_run_in (HuiBlock   *self,
                      const char *run_in)
{
  g_return_if_fail (HUI_IS_BLOCK (self));

  if (hui_util_set_string (&self->run_in, run_in))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_IN]);
}

/* Characters as an editor counts them: everything printed but white
 * space and note marks; a table's cells and notes count too. */
gsize
hui_block_count_characters (HuiBlock *self)
{
  gsize n;

  g_return_val_if_fail (HUI_IS_BLOCK (self), 0);

  n = hui_util_count_non_space (self->label) +
      hui_util_count_non_space (self->text) +
      hui_util_count_non_space (self->run_in) -
      hui_block_count_marks (self);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    for (char **cell = self->rows->pdata[i]; *cell != NULL; cell++)
      n += hui_util_count_non_space (*cell);
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    n += hui_util_count_non_space (g_array_index (self->notes, Note, i).text);
  return n;
}

guint
hui_block_get_n_rows (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), 0);

  return self->rows ? self->rows->len : 0;
}

/* The cells of the widest row. */
guint
hui_block_get_n_columns (HuiBlock *self)
{
  guint n = 0;

  g_return_val_if_fail (HUI_IS_BLOCK (self), 0);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    n = MAX (n, g_strv_length (self->rows->pdata[i]));
  return n;
}

/* The cells of @row, NULL-terminated; rows may be shorter than the widest. */
const char * const *
hui_block_get_row (HuiBlock *self,
                   guint     row)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);
  g_return_val_if_fail (self->rows != NULL && row < self->rows->len, NULL);

  return (const char * const *)self->rows->pdata[row];
}

GBytes *
hui_block_get_image_data (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);

  return self->image;
}

const char *
hui_block_get_image_type (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);

  return self->image_type;
}

void
hui_block_get_image_size (HuiBlock *self,
                          double   *width,
                          double   *height)
{
  g_return_if_fail (HUI_IS_BLOCK (self));

  if (width != NULL)
    *width = self->image_width;
  if (height != NULL)
    *height = self->image_height;
}

static void
note_clear (Note *note)
{
  g_free (note->text);
}

/* Adds a note after the block's others; the caller puts its mark in the
 * text. */
void
hui_block_add_note (HuiBlock    *self,
                    HuiNoteKind  kind,
                    const char  *text)
{
  g_return_if_fail (HUI_IS_BLOCK (self));

  hui_block_insert_note (self, hui_block_get_n_notes (self), kind, text);
}

/* Inserts a note before note @index (at the end for the number of
 * notes); the caller puts its mark in the text, after the marks of the
 * notes before it. */
void
hui_block_insert_note (HuiBlock    *self,
                       guint        index,
                       HuiNoteKind  kind,
                       const char  *text)
{
  Note note = { kind, g_strdup (text ? text : "") };

  g_return_if_fail (HUI_IS_BLOCK (self));
  g_return_if_fail (index <= hui_block_get_n_notes (self));

  if (self->notes == NULL)
    {
      self->notes = g_array_new (FALSE, FALSE, sizeof (Note));
      g_array_set_clear_func (self->notes, (GDestroyNotify)note_clear);
    }
  g_array_insert_val (self->notes, index, note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

void
hui_block_set_note (HuiBlock   *self,
                    guint       index,
                    const char *text)
{
  Note *note;

  g_return_if_fail (HUI_IS_BLOCK (self));
  g_return_if_fail (index < hui_block_get_n_notes (self));

  note = &g_array_index (self->notes, Note, index);
  if (g_strcmp0 (note->text, text ? text : "") == 0)
    return;
  g_free (note->text);
  note->text = g_strdup (text ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* Drops mark number *@skip (from 0) from @field; when @field has fewer
 * marks, FALSE, with *@skip lowered by those it has. */
static gboolean
remove_mark (char  **field,
             guint  *skip)
{
  char *p = *field;

  while (p != NULL && (p = strstr (p, HUI_NOTE_MARK)) != NULL)
    {
      if ((*skip)-- == 0)
        {
          memmove (p, p + strlen (HUI_NOTE_MARK), strlen (p + strlen (HUI_NOTE_MARK)) + 1);
          return TRUE;
        }
      p += strlen (HUI_NOTE_MARK);
    }
  return FALSE;
}

/* Removes a note and its mark (when the text has it), so that the notes
 * after it keep theirs. */
void
hui_block_remove_note (HuiBlock *self,
                       guint     index)
{
  guint skip = index;

  g_return_if_fail (HUI_IS_BLOCK (self));
  g_return_if_fail (index < hui_block_get_n_notes (self));

  g_array_remove_index (self->notes, index);
  if (remove_mark (&self->text, &skip))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  else if (remove_mark (&self->run_in, &skip))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
hui_block_get_n_notes (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), 0);

  return self->notes ? self->notes->len : 0;
}

const char *
hui_block_get_note (HuiBlock    *self,
                    guint        index,
                    HuiNoteKind *kind)
{
  Note *note;

  g_return_val_if_fail (HUI_IS_BLOCK (self), NULL);
  g_return_val_if_fail (index < hui_block_get_n_notes (self), NULL);

  note = &g_array_index (self->notes, Note, index);
  if (kind != NULL)
    *kind = note->kind;
  return note->text;
}

static GStrv
note_texts (HuiBlock *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < hui_block_get_n_notes (self); i++)
    g_strv_builder_add (builder, g_array_index (self->notes, Note, i).text);
  return g_strv_builder_end (builder);
}

static guint
count_marks (const char *s)
{
  guint n = 0;

  for (const char *p = s; p != NULL && (p = strstr (p, HUI_NOTE_MARK)) != NULL; p += strlen (HUI_NOTE_MARK))
    n++;
  return n;
}

/* The note marks in the text and the run-in text, in that order. */
guint
hui_block_count_marks (HuiBlock *self)
{
  g_return_val_if_fail (HUI_IS_BLOCK (self), 0);

  return count_marks (self->text) + count_marks (self->run_in);
}

/* Adds the notes of @from after those of @self. */
void
hui_block_copy_notes (HuiBlock *self,
                      HuiBlock *from)
{
  g_return_if_fail (HUI_IS_BLOCK (self) && HUI_IS_BLOCK (from));

  for (guint i = 0; from->notes != NULL && i < from->notes->len; i++)
    {
      Note *note = &g_array_index (from->notes, Note, i);
      hui_block_add_note (self, note->kind, note->text);
    }
}

/* The printed reference of note @n (1-based): ① … ⑳, then [21]. */
char *
hui_block_note_reference (guint n)
{
  if (n >= 1 && n <= 20)
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (0x2460 + n - 1, buf);
      return g_strdup (buf);
    }
  return g_strdup_printf ("[%u]", n);
}

static void
append_reference (GString *out,
                  guint   *counter,
                  guint    note,
                  GArray  *references)
{
  g_autofree char *reference = hui_block_note_reference (++*counter);
  HuiNoteReference at = { out->len, note, *counter };

  if (references != NULL)
    g_array_append_val (references, at);
  g_string_append (out, reference);
}

/* @text (a part of the block's text) as printed: its note marks replaced
 * by references numbered on from *@counter (notes are numbered through a
 * report); *@used counts the block's notes referenced so far. A mark with
 * no note left is dropped; when @last, the notes whose marks were edited
 * away get references at the end. Each reference's place is added to
 * @references (of HuiNoteReference) when it is not NULL. */
char *
hui_block_print_marks (HuiBlock   *self,
                       const char *text,
                       guint      *counter,
                       guint      *used,
                       gboolean    last,
                       GArray     *references)
{
  GString *out;
  const char *p = text;
  const char *mark;
  guint n = hui_block_get_n_notes (self);

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  while ((mark = strstr (p, HUI_NOTE_MARK)) != NULL)
    {
      g_string_append_len (out, p, mark - p);
      if (*used < n)
        append_reference (out, counter, (*used)++, references);
      p = mark + strlen (HUI_NOTE_MARK);
    }
  g_string_append (out, p);
  while (last && *used < n)
    append_reference (out, counter, (*used)++, references);
  return g_string_free (out, FALSE);
}

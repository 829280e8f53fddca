/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-import"
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-bulletin-splitter.h"
#include "hui-docbook-importer.h"
#include "hui-docx-importer.h"
#include "hui-import.h"
#include "hui-odt-importer.h"
#include "hui-text-importer.h"
#include "support/hui-files.h"
#include "support/hui-image.h"
#include "support/hui-xml-parse.h"
#include "support/hui-zip-reader.h"
#include "text/hui-text-decoder.h"

/* Formats are told apart by content, not by file name: a ".docx" that is
 * really text is read as text, and a zip or XML file is never read as
 * text even when it is called ".txt". */
static gboolean
starts_with (GBytes     *bytes,
             const char *magic,
             gsize       n)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  return len >= n && memcmp (data, magic, n) == 0;
}

static gboolean
is_zip (GBytes *bytes)
{
  return starts_with (bytes, "PK\003\004", 4);
}

/* Microsoft's compound file (OLE2): Word 97–2003 documents (.doc), and
 * the container Office 2007 and later put a .docx saved with a password
 * in. Renamed .docx, such a file would otherwise be taken for text. */
static gboolean
is_ole2 (GBytes *bytes)
{
  return starts_with (bytes, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
}

/* Whether the compound file has a stream named @name: its directory
 * holds the names in UTF-16LE, wherever the directory's sectors are. */
static gboolean
has_ole2_stream (GBytes     *bytes,
                 const char *name)
{
  gsize len, n = strlen (name) * 2;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree guint8 *needle = g_malloc0 (n);

  for (gsize i = 0; name[i] != '\0'; i++)
    needle[2 * i] = (guint8)name[i];
  return memmem (data, len, needle, n) != NULL;
}

static gboolean
refuse_ole2 (GBytes  *bytes,
             GError **error)
{
  if (has_ole2_stream (bytes, "EncryptedPackage"))
    g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_PROTECTED,
                 _("it is protected by a password; save a copy without the password in Word and import that"));
  else if (has_ole2_stream (bytes, "WordDocument"))
    g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                 _("it is an old Word 97–2003 document (.doc), which Huibian cannot read; "
                   "save it as .docx or .odt and import that"));
  else
    g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                 _("it is an old Microsoft Office file, not a document Huibian can read; "
                   "save it as .docx or .odt and import that"));
  return FALSE;
}

static gboolean
is_pdf (GBytes *bytes)
{
  return starts_with (bytes, "%PDF-", 5);
}

/* XML is a flat OpenDocument text (.fodt) or DocBook. */
static gboolean
import_xml (HuiBulletin  *bulletin,
            GBytes       *bytes,
            const char   *source_name,
            GError      **error)
{
  g_autoptr(xmlDoc) doc = hui_xml_parse (bytes, error);

  if (doc == NULL)
    return FALSE;
  if (hui_odt_importer_is_flat (doc))
    return hui_odt_importer_import_flat (bulletin, doc, source_name, error);
  return hui_docbook_importer_import (bulletin, doc, source_name, error);
}

/* A zip package is told by what it holds, whatever its name: an
 * OpenDocument text by its mimetype member, a Word file by
 * word/document.xml. */
static gboolean
import_package (HuiBulletin  *bulletin,
                GBytes       *bytes,
                const char   *source_name,
                GError      **error)
{
  g_autoptr(HuiZipReader) zip = hui_zip_reader_open (bytes, error);
  g_autoptr(GBytes) mimetype = NULL;

  if (zip == NULL)
    return FALSE;

  if (hui_zip_reader_has (zip, "mimetype"))
    {
      gsize len;
      const char *type;

      mimetype = hui_zip_reader_read (zip, "mimetype", error);
      if (mimetype == NULL)
        return FALSE;
      type = g_bytes_get_data (mimetype, &len);
      if (len >= strlen ("application/vnd.oasis.opendocument.text") &&
          memcmp (type, "application/vnd.oasis.opendocument.text", strlen ("application/vnd.oasis.opendocument.text")) == 0)
        return hui_odt_importer_import (bulletin, zip, source_name, error);

      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                   _("it is an OpenDocument file but not a text document"));
      return FALSE;
    }
  if (hui_zip_reader_has (zip, "word/document.xml"))
    return hui_docx_importer_import (bulletin, zip, source_name, error);

  g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
               _("it is a zip archive, not a document"));
  return FALSE;
}

/* An image a project could not keep (over HUI_IMAGE_MAX_STORED_BYTES) is
 * stored at the resolution print needs, at the size it would print; one
 * that cannot be reduced is left out. Either is said in the warnings: a
 * saved project must always open again. */
static void
fit_image (HuiBulletin *bulletin,
           HuiReport   *report,
           guint        position)
{
  HuiBlock *image = hui_report_get_block (report, position);
  GBytes *data = hui_block_get_image_data (image);
  const char *description = *hui_block_get_text (image) ? hui_block_get_text (image) : _("(no description)");
  double megabytes = g_bytes_get_size (data) / 1e6;
  g_autoptr(GBytes) reduced = NULL;
  g_autoptr(HuiBlock) replacement = NULL;
  const char *type = NULL;
  double width, height;

  if (g_bytes_get_size (data) <= HUI_IMAGE_MAX_STORED_BYTES)
    return;

  hui_page_setup_fit_image (hui_bulletin_get_page_setup (bulletin), image, &width, &height);
  reduced = hui_image_reduce (data, hui_block_get_image_type (image), width, height, &type);
  if (reduced == NULL)
    {
      hui_report_add_warning (report, _("The image “%s” takes %.1f MB, more than a project can keep (%u MB), "
                                        "and could not be reduced; it was left out"),
                              description, megabytes, HUI_IMAGE_MAX_STORED_BYTES / 1000000);
      hui_report_remove_block (report, position);
      return;
    }
  hui_report_add_warning (report, _("The image “%s” took %.1f MB, more than a project can keep (%u MB); "
                                    "it was stored at the resolution print needs (%.1f MB)"),
                          description, megabytes, HUI_IMAGE_MAX_STORED_BYTES / 1000000,
                          g_bytes_get_size (reduced) / 1e6);
  replacement = hui_block_new_image (reduced, type, width, height, hui_block_get_text (image));
  hui_report_remove_block (report, position);
  hui_report_insert_block (report, position, replacement);
}

static void
fit_images (HuiBulletin *bulletin,
            guint        first_report)
{
  for (guint r = first_report; r < hui_bulletin_get_n_reports (bulletin); r++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, r);

      /* Backwards: an image left out moves the ones after it. */
      for (guint i = hui_report_get_n_blocks (report); i > 0; i--)
        if (hui_block_get_kind (hui_report_get_block (report, i - 1)) == HUI_BLOCK_IMAGE)
          fit_image (bulletin, report, i - 1);
    }
}

/* The controls of bidirectional text: embeddings and overrides (U+202A–
 * U+202E), isolates (U+2066–U+2069) and the marks (U+200E, U+200F,
 * U+061C). Chinese titles have no use for them, and an override can show
 * a title in another order than the one searched, sorted and printed. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

/* @text without its bidirectional controls, or NULL when it has none. */
static char *
without_bidi_controls (const char *text)
{
  g_autoptr(GString) out = NULL;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c) && out == NULL)
        out = g_string_new_len (text, p - text);
      else if (!is_bidi_control (c) && out != NULL)
        g_string_append_unichar (out, c);
    }
  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Done where every importer's reports end up, so a title from text, Word,
 * ODT or DocBook is cleaned alike; the warning tells the editor why. */
static void
remove_bidi_controls (HuiBulletin *bulletin,
                      guint        first_report)
{
  for (guint r = first_report; r < hui_bulletin_get_n_reports (bulletin); r++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, r);
      g_autofree char *title = without_bidi_controls (hui_report_get_title (report));
      g_autofree char *subtitle = without_bidi_controls (hui_report_get_subtitle (report));

      if (title == NULL && subtitle == NULL)
        continue;
      if (title != NULL)
        hui_report_set_title (report, title);
      if (subtitle != NULL)
        hui_report_set_subtitle (report, subtitle);
      hui_report_add_warning (report, _("The title contained invisible characters that change the direction of text "
                                        "(such as U+202E), which can show it in another order than it is stored; "
                                        "they were removed"));
    }
}

/* A text is one report, or with HUI_IMPORT_FLAGS_SPLIT (or AUTO_SPLIT and
 * a table of contents) every report of a compiled bulletin. */
gboolean
hui_import_text (HuiBulletin     *bulletin,
                 const char      *utf8,
                 const char      *source_name,
                 HuiImportFlags   flags,
                 GError         **error)
{
  g_autoptr(GPtrArray) lines = hui_text_lines_new (utf8);
  gboolean has_toc = hui_bulletin_splitter_find_toc (lines) >= 0;
  HuiReport *report;

  if (lines->len > 0 && ((flags & HUI_IMPORT_FLAGS_SPLIT) || ((flags & HUI_IMPORT_FLAGS_AUTO_SPLIT) && has_toc)))
    return hui_bulletin_splitter_split (bulletin, lines, source_name, error);

  if (!hui_text_importer_add_report (bulletin, lines, NULL, source_name, error))
    return FALSE;
  report = hui_bulletin_get_report (bulletin, hui_bulletin_get_n_reports (bulletin) - 1);
  if (has_toc)
    hui_report_add_warning (report,
                            _("This file has a table of contents (目录): import it as a compiled bulletin to get its reports"));
  return TRUE;
}

static gboolean
import_bytes (HuiBulletin     *bulletin,
              GBytes          *bytes,
              const char      *source_name,
              HuiImportFlags   flags,
              GError         **error)
{
  g_autofree char *utf8 = NULL;
  gsize len;
  const guint8 *data;

  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_EMPTY, _("the file is empty"));
      return FALSE;
    }
  if (len > HUI_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MB"), HUI_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (is_pdf (bytes))
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_UNSUPPORTED,
                   _("it is a PDF file; extract its text first (for example with pdftotext) and import the text"));
      return FALSE;
    }
  if (is_ole2 (bytes))
    return refuse_ole2 (bytes, error);
  if (is_zip (bytes))
    return import_package (bulletin, bytes, source_name, error);

  if (hui_docbook_importer_is_xml (bytes))
    return import_xml (bulletin, bytes, source_name, error);

  utf8 = hui_text_decoder_decode (data, len, NULL, error);
  if (utf8 == NULL)
    return FALSE;

  return hui_import_text (bulletin, utf8, source_name, flags, error);
}

/* The readers an importer uses (zip, XML, text decoding) have error
 * domains of their own; whoever imports sees import errors, with the
 * readers' messages. */
static void
adopt_reader_error (GError *error)
{
  static const struct {
    GQuark (*domain) (void);
    int code;
    HuiImportError as;
  } map[] = {
    { hui_zip_reader_error_quark, HUI_ZIP_READER_ERROR_INVALID, HUI_IMPORT_ERROR_DAMAGED },
    { hui_zip_reader_error_quark, HUI_ZIP_READER_ERROR_TOO_LARGE, HUI_IMPORT_ERROR_TOO_LARGE },
    { hui_zip_reader_error_quark, HUI_ZIP_READER_ERROR_UNSAFE, HUI_IMPORT_ERROR_UNSAFE },
    { hui_xml_parse_error_quark, HUI_XML_PARSE_ERROR_TOO_LARGE, HUI_IMPORT_ERROR_TOO_LARGE },
    { hui_xml_parse_error_quark, HUI_XML_PARSE_ERROR_MALFORMED, HUI_IMPORT_ERROR_DAMAGED },
    { hui_xml_parse_error_quark, HUI_XML_PARSE_ERROR_UNSAFE, HUI_IMPORT_ERROR_UNSAFE },
    { hui_text_decoder_error_quark, HUI_TEXT_DECODER_ERROR_BINARY, HUI_IMPORT_ERROR_BINARY },
    { hui_text_decoder_error_quark, HUI_TEXT_DECODER_ERROR_ENCODING, HUI_IMPORT_ERROR_ENCODING },
  };

  for (guint i = 0; error != NULL && i < G_N_ELEMENTS (map); i++)
    if (error->domain == map[i].domain () && error->code == map[i].code)
      {
        error->domain = HUI_IMPORT_ERROR;
        error->code = map[i].as;
        return;
      }
}

gboolean
hui_import_bytes (HuiBulletin     *bulletin,
                  GBytes          *bytes,
                  const char      *source_name,
                  HuiImportFlags   flags,
                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  guint first_report;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (bytes != NULL && source_name != NULL, FALSE);

  first_report = hui_bulletin_get_n_reports (bulletin);
  if (!import_bytes (bulletin, bytes, source_name, flags, &local_error))
    {
      adopt_reader_error (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  fit_images (bulletin, first_report);
  remove_bidi_controls (bulletin, first_report);
  return TRUE;
}

/* The file's bytes, or why they cannot be read, in this domain. */
static GBytes *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  GError *local_error = NULL;
  GBytes *bytes = hui_files_load (file, HUI_IMPORT_MAX_FILE_SIZE, cancellable, &local_error);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    local_error->domain = HUI_IMPORT_ERROR, local_error->code = HUI_IMPORT_ERROR_TOO_LARGE;
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return bytes;
}

/* Imports @file into @bulletin, appending its report(s). On error the
 * message names the file and says why, and @bulletin is unchanged. */
gboolean
hui_import_file (HuiBulletin     *bulletin,
                 GFile           *file,
                 HuiImportFlags   flags,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(HuiBulletin) scratch = hui_bulletin_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HUI_IS_BULLETIN (bulletin), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);

  bytes = load_file (file, cancellable, &local_error);

  if (bytes == NULL || !hui_import_bytes (scratch, bytes, name, flags, &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot import “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  /* Imported into a scratch bulletin first so that a failure leaves the
   * user's bulletin exactly as it was. */
  hui_bulletin_merge (bulletin, scratch, G_MAXUINT);
  for (guint i = 0; i < hui_bulletin_get_warnings (scratch)->len; i++)
    hui_bulletin_add_warning (bulletin, "%s: %s", name,
                              (char *)hui_bulletin_get_warnings (scratch)->pdata[i]);

  return TRUE;
}

typedef struct {
  GFile          *file;
  HuiImportFlags  flags;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  GError *error = NULL;

  if (hui_import_file (bulletin, data->file, data->flags, cancellable, &error))
    g_task_return_pointer (task, g_steal_pointer (&bulletin), g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Reads and parses @file in a worker thread so that a large bulletin never
 * blocks the main loop; the result is a new bulletin holding the imported
 * reports, which the caller merges into its own. */
void
hui_import_file_async (GFile               *file,
                       HuiImportFlags       flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hui_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

HuiBulletin *
hui_import_file_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

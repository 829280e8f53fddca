/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-xml-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "hui-xml-parse.h"

G_DEFINE_QUARK (hui-xml-parse-error-quark, hui_xml_parse_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

#define PUSH_CHUNK (64 * 1024)

static void
ignore_error (void       *context,
              const char *message,
              ...)
{
}

/* Parses XML from memory with no network access, no DTD loading and no
 * entity substitution. It is pushed to libxml2 in pieces: read whole, from
 * memory or a file, libxml2 2.9 keeps what it has parsed in its
 * look-ahead while it reads large attributes and, without XML_PARSE_HUGE
 * (never set here), stops past 10 MB with "Huge input lookup", so a
 * project with two photographs would not open. The push parser lets go of
 * what it has parsed; each text or attribute stays bounded at 10 MB. A DOCTYPE naming an external DTD (as DocBook 4
 * files do) is allowed, since nothing is loaded; an internal subset,
 * where entities are declared, is refused. */
xmlDoc *
hui_xml_parse (GBytes  *bytes,
               GError **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize first = MIN (len, 4);  /* enough to tell the encoding */
  int status = 0;
  xmlDoc *doc;

  if (len > G_MAXINT)
    {
      g_set_error (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_TOO_LARGE, _("the file is too large"));
      return NULL;
    }

  ctxt = xmlCreatePushParserCtxt (NULL, NULL, data, (int)first, NULL);
  if (ctxt == NULL)
    {
      g_set_error (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_TOO_LARGE, _("the file is too large"));
      return NULL;
    }
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  /* Encoding errors are reported past the context's handlers. */
  xmlSetGenericErrorFunc (NULL, ignore_error);
  /* A parser stopped by text it cannot convert from the encoding the
   * file declares still calls the document well formed: only the status
   * tells. */
  for (gsize at = first; at < len && status == 0 && ctxt->wellFormed; at += PUSH_CHUNK)
    status = xmlParseChunk (ctxt, data + at, (int)MIN (PUSH_CHUNK, len - at), 0) == XML_ERR_INVALID_ENCODING;
  if (status == 0 && ctxt->wellFormed)
    status = xmlParseChunk (ctxt, NULL, 0, 1) == XML_ERR_INVALID_ENCODING;
  doc = g_steal_pointer (&ctxt->myDoc);
  if (status != 0)
    {
      g_set_error (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_MALFORMED,
                   _("it is damaged or incomplete (its text is not in the encoding it declares)"));
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  if (doc == NULL || !ctxt->wellFormed || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strdup (e && e->message ? e->message : "unknown error");

      g_strchomp (message);
      g_set_error (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_MALFORMED,
                   _("it is damaged or incomplete (XML error on line %d: %s)"),
                   e ? e->line : 0, message);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  if (doc->intSubset != NULL && doc->intSubset->children != NULL)
    {
      g_set_error (error, HUI_XML_PARSE_ERROR, HUI_XML_PARSE_ERROR_UNSAFE,
                   _("it declares entities or elements in its document type, which is refused for safety"));
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-bulletin-splitter"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hui-bulletin-splitter.h"
#include "hui-import-types.h"
#include "support/hui-util.h"
#include "text/hui-report-builder.h"
#include "text/hui-text-rules.h"

/* The table of contents of a compiled bulletin is near its start. */
#define MAX_LINES_BEFORE_TOC 80

/* Splits a compiled bulletin (a text with a 目录) back into its reports.
 * The table of contents says which reports there are, in which order, and
 * on which page each started; the body says where each report begins (its
 * title line) and, when the two disagree, who wrote it. */

typedef struct {
  char  *organization; /* from the TOC, or NULL */
  char  *title;
  guint  page;
  int    line;         /* index of its title line in the body, or -1 */
  guint  title_lines;
} TocEntry;

static void
toc_entry_free (TocEntry *entry)
{
  g_free (entry->organization);
  g_free (entry->title);
  g_free (entry);
}

static const char *
line_text (GPtrArray *lines,
           guint      i)
{
  return ((HuiTextLine *)lines->pdata[i])->text;
}

int
hui_bulletin_splitter_find_toc (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len && i < MAX_LINES_BEFORE_TOC; i++)
    {
      g_autofree char *stripped = hui_util_strip_white_space (line_text (lines, i));

      if (strcmp (stripped, "目录") == 0)
        return i;
    }

  return -1;
}

/* "以主题教育的新成效推动工会工作创新发展 1" or "标题……………12". After a
 * closing quote the separating tab is gone: normalisation removes spaces
 * after full-width punctuation. */
static gboolean
parse_toc_entry (const char  *text,
                 char       **title,
                 guint       *page)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *number = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(.*\\S)(?:\\s*[.·…．]{2,}\\s*|\\s+|(?<=[”’」』）》]))([0-9]{1,4})$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, text, 0, &info))
    return FALSE;

  *title = g_match_info_fetch (info, 1);
  number = g_match_info_fetch (info, 2);
  *page = (guint)g_ascii_strtoull (number, NULL, 10);
  return TRUE;
}

static char *
organization_from_toc_line (const char *text)
{
  if (!hui_text_rules_looks_like_organization (text))
    return NULL;

  if (g_str_has_suffix (text, "："))
    return g_strndup (text, strlen (text) - strlen ("："));
  if (g_str_has_suffix (text, ":"))
    return g_strndup (text, strlen (text) - 1);

  return NULL;
}

static void
add_entry (GPtrArray  *entries,
           const char *organization,
           char       *title,
           guint       page)
{
  TocEntry *entry = g_new0 (TocEntry, 1);

  entry->organization = g_strdup (organization);
  entry->title = title;
  entry->page = page;
  entry->line = -1;
  g_ptr_array_add (entries, entry);
}

/* Reads the entries after the 目录 line; returns the first line after them.
 * An organisation line applies to the titles under it until the next one;
 * a title too long for one line has its page number on its last line. */
static guint
parse_toc (GPtrArray *lines,
           guint      toc,
           GPtrArray *entries)
{
  g_autofree char *organization = NULL;
  guint i = toc + 1;

  while (i < lines->len)
    {
      char *title = NULL;
      guint page = 0;
      char *name;

      if (parse_toc_entry (line_text (lines, i), &title, &page))
        {
          add_entry (entries, organization, title, page);
          i++;
        }
      else if ((name = organization_from_toc_line (line_text (lines, i))) != NULL)
        {
          g_free (organization);
          organization = name;
          i++;
        }
      else if (i + 1 < lines->len && entries->len > 0 &&
               parse_toc_entry (line_text (lines, i + 1), &title, &page) &&
               ((HuiTextLine *)lines->pdata[i + 1])->blanks_before == 0)
        {
          add_entry (entries, organization,
                     g_strconcat (line_text (lines, i), title, NULL), page);
          g_free (title);
          i += 2;
        }
      else
        break;
    }

  return i;
}

/* Finds the line (or pair of lines) holding @entry's title, at or after
 * @from, comparing without white space as the TOC and body space titles
 * differently. */
static gboolean
locate_title (GPtrArray *stripped,
              guint      from,
              TocEntry  *entry)
{
  g_autofree char *wanted = hui_util_strip_white_space (entry->title);
  gsize wanted_len = strlen (wanted);

  for (guint j = from; j < stripped->len; j++)
    {
      const char *line = stripped->pdata[j];
      gsize len = strlen (line);

      if (strcmp (line, wanted) == 0)
        {
          entry->line = j;
          entry->title_lines = 1;
          return TRUE;
        }
      if (len < wanted_len && strncmp (line, wanted, len) == 0 && j + 1 < stripped->len &&
          strcmp (stripped->pdata[j + 1], wanted + len) == 0)
        {
          entry->line = j;
          entry->title_lines = 2;
          return TRUE;
        }
    }

  return FALSE;
}

static GPtrArray *
strip_lines (GPtrArray *lines)
{
  GPtrArray *stripped = g_ptr_array_new_full (lines->len, g_free);

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (stripped, hui_util_strip_white_space (line_text (lines, i)));

  return stripped;
}

static void
locate_titles (HuiBulletin *bulletin,
               GPtrArray   *lines,
               guint        body_start,
               GPtrArray   *entries)
{
  g_autoptr(GPtrArray) stripped = strip_lines (lines);
  guint from = body_start;

  for (guint k = 0; k < entries->len; k++)
    {
      TocEntry *entry = entries->pdata[k];

      if (locate_title (stripped, from, entry))
        from = entry->line + entry->title_lines;
      else
        hui_bulletin_add_warning (bulletin,
                                  _("The table of contents lists “%s” (page %u), but no such title was found in the text"),
                                  entry->title, entry->page);
    }
}

/* Front-page lines before the 目录 give the bulletin's name, issue and
 * date; anything else there is reported, not dropped. */
static void
read_front_page (HuiBulletin *bulletin,
                 GPtrArray   *lines,
                 guint        toc)
{
  for (guint i = 0; i < toc; i++)
    {
      const char *text = line_text (lines, i);
      g_autofree char *date = hui_text_rules_parse_date (text);

      if (date != NULL && hui_bulletin_get_date (bulletin) == NULL)
        hui_bulletin_set_date (bulletin, date);
      else if (g_regex_match_simple ("^(第.{1,8}期|增刊.{0,8})$", text, 0, 0) &&
               hui_bulletin_get_issue (bulletin) == NULL)
        hui_bulletin_set_issue (bulletin, text);
      else if (hui_bulletin_get_title (bulletin) == NULL && hui_text_rules_looks_like_title (text))
        hui_bulletin_set_title (bulletin, text);
      else
        hui_bulletin_add_warning (bulletin, _("Line %u before the table of contents was not imported: “%s”"),
                                  ((HuiTextLine *)lines->pdata[i])->number, text);
    }
}

static void
report_skipped_lines (HuiBulletin *bulletin,
                      GPtrArray   *lines,
                      guint        from,
                      guint        to)
{
  if (from >= to)
    return;

  hui_bulletin_add_warning (bulletin,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u line between the table of contents and the first report was not imported, starting at line %u: “%s”",
                                         "%u lines between the table of contents and the first report were not imported, starting at line %u: “%s”",
                                         to - from),
                            to - from, ((HuiTextLine *)lines->pdata[from])->number,
                            line_text (lines, from));
}

static gboolean
same_organization (const char *a,
                   const char *b)
{
  g_autofree char *sa = hui_util_strip_white_space (a ? a : "");
  g_autofree char *sb = hui_util_strip_white_space (b ? b : "");

  return strcmp (sa, sb) == 0;
}

static void
add_report (HuiBulletin *bulletin,
            GPtrArray   *lines,
            TocEntry    *entry,
            guint        end,
            const char  *source)
{
  g_autoptr(HuiReport) report =
    hui_report_builder_build (lines, entry->line, end, entry->title_lines, source, entry->title);
  const char *organization = hui_report_get_organization (report);

  hui_report_set_source_page (report, entry->page);

  /* The report's own byline is what its authors wrote; the TOC was
   * typed by the compiler and may group or abbreviate. */
  if (!same_organization (organization, entry->organization))
    hui_report_add_warning (report,
                            _("The table of contents gives the organisation “%s”, the report itself “%s”; the report’s is kept"),
                            entry->organization ? entry->organization : _("(none)"),
                            organization ? organization : _("(none)"));

  hui_bulletin_append_report (bulletin, report);
}

gboolean
hui_bulletin_splitter_split (HuiBulletin  *bulletin,
                             GPtrArray    *lines,
                             const char   *source,
                             GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)toc_entry_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  int toc = hui_bulletin_splitter_find_toc (lines);
  guint body_start;

  if (toc < 0)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_NO_TABLE_OF_CONTENTS,
                   _("it has no table of contents (目录) to split it by; import it as a single report instead"));
      return FALSE;
    }

  body_start = parse_toc (lines, toc, entries);
  if (entries->len == 0)
    {
      g_set_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_NO_TABLE_OF_CONTENTS,
                   _("its table of contents (目录) lists no titles with page numbers"));
      return FALSE;
    }

  read_front_page (bulletin, lines, toc);
  locate_titles (bulletin, lines, body_start, entries);

  for (guint k = 0; k < entries->len; k++)
    if (((TocEntry *)entries->pdata[k])->line >= 0)
      g_ptr_array_add (found, entries->pdata[k]);

  if (found->len > 0)
    report_skipped_lines (bulletin, lines, body_start, ((TocEntry *)found->pdata[0])->line);

  for (guint k = 0; k < found->len; k++)
    {
      TocEntry *entry = found->pdata[k];
      guint end = k + 1 < found->len ? (guint)((TocEntry *)found->pdata[k + 1])->line : lines->len;

      add_report (bulletin, lines, entry, end, source);
    }

  return TRUE;
}

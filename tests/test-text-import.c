/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-text-import"

#include "config.h"

#include <string.h>

#include "hui-test-util.h"
#include "import/hui-import.h"
#include "project/hui-project.h"
#include "support/hui-util.h"

#define BULLETIN "000_cea93844149e72e5.txt"
#define REPORT   "003_69d7a57674a7eb78.txt"

typedef struct {
  char *organization;
  char *title;
} TocEntry;

static void
toc_entry_free (TocEntry *entry)
{
  g_free (entry->organization);
  g_free (entry->title);
  g_free (entry);
}

static char **
read_corpus_lines (const char *name)
{
  g_autofree char *path = hui_test_corpus_path (name);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_strsplit (text, "\n", -1);
}

/* The test's own reading of the sample bulletin's table of contents, kept
 * deliberately simple and independent of the importer's. */
static GPtrArray *
read_toc (char **lines)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)toc_entry_free);
  g_autofree char *organization = NULL;
  g_autoptr(GRegex) numbered = g_regex_new ("^(.*?)\\s*([0-9]+)\\s*$", 0, 0, NULL);
  guint i = 0;

  while (lines[i] != NULL && !g_str_has_prefix (lines[i], "目"))
    i++;
  for (i++; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) info = NULL;

      if (*lines[i] == '\0')
        continue;
      if (g_str_has_suffix (lines[i], "："))
        {
          g_free (organization);
          organization = hui_util_strip_white_space (lines[i]);
          organization[strlen (organization) - strlen ("：")] = '\0';
        }
      else if (g_regex_match (numbered, lines[i], 0, &info))
        {
          TocEntry *entry = g_new0 (TocEntry, 1);
          g_autofree char *title = g_match_info_fetch (info, 1);

          entry->organization = g_strdup (organization);
          entry->title = hui_util_strip_white_space (title);
          g_ptr_array_add (entries, entry);
        }
      else
        break;
    }

  return entries;
}

/* The body's own organisation line for a title: the next non-blank line,
 * when it is a short line that is neither a date nor body text. (TOC
 * lines never equal a title: they end with a page number.) */
static char *
body_organization (char       **lines,
                   const char  *title)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *stripped = hui_util_strip_white_space (lines[i]);
      const char *text = stripped;

      if (g_str_has_prefix (text, "##paidbegin##"))
        text += strlen ("##paidbegin##");
      if (strcmp (text, title) != 0)
        continue;
      for (guint j = i + 1; lines[j] != NULL; j++)
        if (*lines[j] != '\0')
          {
            g_autofree char *next = hui_util_strip_white_space (lines[j]);

            if (g_str_has_prefix (next, "（") || g_utf8_strlen (next, -1) > 20)
              return NULL;
            return g_steal_pointer (&next);
          }
    }

  return NULL;
}

static HuiBulletin *
import_split_bulletin (void)
{
  g_autofree char *path = hui_test_corpus_path (BULLETIN);

  return hui_test_import (path, TRUE);
}

static void
test_split_reports_match_toc (void)
{
  g_auto(GStrv) lines = read_corpus_lines (BULLETIN);
  g_autoptr(GPtrArray) toc = read_toc (lines);
  g_autoptr(HuiBulletin) bulletin = import_split_bulletin ();
  guint with_organization = 0;

  g_assert_cmpuint (toc->len, ==, 18);
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 18);

  for (guint i = 0; i < toc->len; i++)
    {
      TocEntry *entry = toc->pdata[i];
      HuiReport *report = hui_bulletin_get_report (bulletin, i);
      g_autofree char *full = hui_report_dup_full_title (report);
      g_autofree char *title = hui_util_strip_white_space (full);
      g_autofree char *expected_org = body_organization (lines, entry->title);
      const char *org = hui_report_get_organization (report);

      g_test_message ("report %u: %s / %s", i + 1, title, org);
      g_assert_cmpstr (title, ==, entry->title);
      if (expected_org != NULL)
        g_assert_cmpstr (expected_org, ==, entry->organization);
      g_assert_cmpstr (org, ==, expected_org);
      g_assert_cmpuint (hui_report_get_source_page (report), >, 0);
      with_organization += org != NULL;
    }

  g_assert_cmpuint (with_organization, ==, 15);
  g_assert_cmpuint (hui_report_get_source_page (hui_bulletin_get_report (bulletin, 17)), ==, 41);
}

static void
test_split_dates (void)
{
  g_autoptr(HuiBulletin) bulletin = import_split_bulletin ();
  guint dates = 0;

  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      const char *date = hui_report_get_date (hui_bulletin_get_report (bulletin, i));

      if (date == NULL)
        continue;
      g_assert_true (g_regex_match_simple ("^2023-0[67]-[0-3][0-9]$", date, 0, 0));
      dates++;
    }

  g_assert_cmpuint (dates, ==, 13);
  g_assert_cmpstr (hui_report_get_date (hui_bulletin_get_report (bulletin, 5)), ==, "2023-07-25");
}

/* Whitespace-free text of each report's body, one report per string. */
static GPtrArray *
report_texts (HuiBulletin *bulletin)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint j = 0; j < hui_report_get_n_blocks (report); j++)
        {
          g_autofree char *text = hui_test_block_text (hui_report_get_block (report, j));
          g_autofree char *stripped = hui_util_strip_white_space (text);

          g_string_append_printf (all, "%s\n", stripped);
        }
      g_ptr_array_add (texts, g_string_free (g_steal_pointer (&all), FALSE));
    }

  return texts;
}

static void
test_split_no_markers_or_stray_spaces (void)
{
  g_autoptr(HuiBulletin) bulletin = import_split_bulletin ();
  g_autoptr(GRegex) space_after = g_regex_new ("[，。、；：？！）》」』”’（《「『“‘…—] ", 0, 0, NULL);
  gboolean warned = FALSE;

  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);
      g_autofree char *title = hui_report_dup_full_title (report);

      g_assert_null (strstr (title, "##"));
      for (guint j = 0; j < hui_report_get_n_blocks (report); j++)
        {
          g_autofree char *text = hui_test_block_text (hui_report_get_block (report, j));

          g_assert_null (strstr (text, "##"));
          g_assert_null (strstr (text, "\xe2\x90\x8e"));
          if (g_regex_match (space_after, text, 0, NULL))
            g_error ("space after full-width punctuation in: %s", text);
        }
      for (guint j = 0; j < hui_report_get_warnings (report)->len; j++)
        warned |= strstr (hui_report_get_warnings (report)->pdata[j], "##paidbegin##") != NULL;
    }

  g_assert_true (warned);
}

static gboolean
is_cut_mid_sentence (const char *line)
{
  g_autoptr(GRegex) final = g_regex_new ("[。！？；：…][”’）」』]*$", 0, 0, NULL);

  return g_utf8_strlen (line, -1) > 30 && !g_regex_match (final, line, 0, NULL) &&
         !g_regex_match_simple ("^[一二三四五六七八九十]+、", line, 0, 0);
}

static char *
utf8_tail (const char *s,
           glong       n)
{
  glong len = g_utf8_strlen (s, -1);

  return g_strdup (g_utf8_offset_to_pointer (s, MAX (0, len - n)));
}

static char *
replace_control_picture (char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_free (text);

  g_string_replace (s, "\xe2\x90\x8e", "·", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every paragraph that a page break cut mid-sentence is one paragraph
 * again: the end of the line before each such blank line and the start of
 * the line after it sit side by side in one block. */
static void
test_split_page_breaks_joined (void)
{
  g_auto(GStrv) lines = read_corpus_lines (BULLETIN);
  g_autoptr(HuiBulletin) bulletin = import_split_bulletin ();
  g_autoptr(GPtrArray) texts = report_texts (bulletin);
  g_autofree char *all = NULL;
  guint cuts = 0;

  g_ptr_array_add (texts, NULL);
  all = g_strjoinv ("\n", (char **)texts->pdata);

  for (guint i = 1; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_autofree char *before = NULL, *after = NULL, *tail = NULL, *needle = NULL;

      if (*lines[i] != '\0' || *lines[i - 1] == '\0' || *lines[i + 1] == '\0' ||
          !is_cut_mid_sentence (lines[i - 1]))
        continue;

      before = hui_util_strip_white_space (lines[i - 1]);
      after = hui_util_strip_white_space (lines[i + 1]);
      tail = utf8_tail (before, 6);
      *g_utf8_offset_to_pointer (after, MIN (6, g_utf8_strlen (after, -1))) = '\0';
      needle = g_strconcat (tail, after, NULL);
      /* The stray control symbol is repaired to a middle dot. */
      needle = replace_control_picture (needle);
      g_test_message ("cut at line %u: %s", i + 1, needle);
      g_assert_nonnull (strstr (all, needle));
      cuts++;
    }

  g_assert_cmpuint (cuts, >=, 15);

  for (guint i = 0; i < texts->len - 1; i++)
    {
      const char *report = texts->pdata[i];
      const char *p = strstr (report, "时代中国特色社会主义思想在奋力谱写");

      if (p != NULL)
        {
          const char *start = g_strrstr_len (report, p - report, "\n");
          const char *end = strchr (p, '\n');
          g_autofree char *paragraph = g_strndup (start ? start + 1 : report, end - (start ? start + 1 : report));

          g_assert_nonnull (strstr (paragraph, "7月3日，孟芊在以"));
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_report_headings (void)
{
  g_autofree char *path = hui_test_corpus_path (REPORT);
  g_autoptr(HuiBulletin) bulletin = hui_test_import (path, FALSE);
  HuiReport *report;
  guint levels[5] = { 0 };
  guint malformed = 0;

  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 1);
  report = hui_bulletin_get_report (bulletin, 0);

  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    levels[hui_block_get_level (hui_report_get_block (report, i))]++;
  for (guint i = 0; i < hui_report_get_warnings (report)->len; i++)
    malformed += strstr (hui_report_get_warnings (report)->pdata[i], "（三") != NULL;

  g_assert_cmpuint (levels[1], ==, 4);
  g_assert_cmpuint (levels[2], ==, 14);
  g_assert_cmpuint (levels[3] + levels[4], ==, 0);
  g_assert_cmpuint (malformed, ==, 1);
  /* No title block: the file name stands in, and the user is told. */
  g_assert_cmpstr (hui_report_get_title (report), ==, "003_69d7a57674a7eb78");
  g_assert_null (hui_report_get_organization (report));
}

static GBytes *
project_bytes_for (GBytes *input)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GError) error = NULL;

  hui_import_bytes (bulletin, input, "report.txt", HUI_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return hui_project_serialize (bulletin);
}

static GBytes *
with_prefix (const char *prefix,
             gsize       prefix_len,
             const char *data,
             gsize       len)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *)prefix, prefix_len);
  g_byte_array_append (out, (const guint8 *)data, len);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
encoded (const char *utf8,
         const char *charset,
         const char *bom,
         gsize       bom_len)
{
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  return with_prefix (bom, bom_len, data, len);
}

static void
test_encodings (void)
{
  g_autofree char *path = hui_test_corpus_path (REPORT);
  g_autofree char *utf8 = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GString) crlf = NULL;
  GBytes *variants[6];

  g_assert_true (g_file_get_contents (path, &utf8, NULL, NULL));
  plain = g_bytes_new_static (utf8, strlen (utf8));
  reference = project_bytes_for (plain);
  crlf = g_string_new (utf8);
  g_string_replace (crlf, "\n", "\r\n", 0);

  variants[0] = with_prefix ("\xef\xbb\xbf", 3, utf8, strlen (utf8));
  variants[1] = encoded (utf8, "UTF-16LE", "\xff\xfe", 2);
  variants[2] = encoded (utf8, "UTF-16BE", "\xfe\xff", 2);
  variants[3] = encoded (utf8, "GB18030", "", 0);
  variants[4] = with_prefix ("", 0, crlf->str, crlf->len);
  variants[5] = encoded (crlf->str, "UTF-16LE", "\xff\xfe", 2);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GBytes) project = project_bytes_for (variants[i]);

      g_test_message ("variant %u", i);
      g_assert_true (g_bytes_equal (project, reference));
      g_bytes_unref (variants[i]);
    }
}

static void
assert_import_fails (const char *data,
                     gsize       len,
                     int         code,
                     const char *reason_part)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;

  g_assert_false (hui_import_bytes (bulletin, bytes, "bad.txt", HUI_IMPORT_FLAGS_NONE, &error));
  g_assert_error (error, HUI_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, reason_part));
  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 0);
}

static void
test_bad_input (void)
{
  assert_import_fails ("", 0, HUI_IMPORT_ERROR_EMPTY, "empty");
  assert_import_fails (" \n\r\n\t\n", 6, HUI_IMPORT_ERROR_EMPTY, "no text");
  assert_import_fails ("abc\0def", 7, HUI_IMPORT_ERROR_BINARY, "NUL");
  assert_import_fails ("text\x01\x02 more", 11, HUI_IMPORT_ERROR_BINARY, "control character");
  assert_import_fails ("\x80\x80\x80\xff\xff\xff\x81", 7, HUI_IMPORT_ERROR_ENCODING, "GB18030");
  assert_import_fails ("\xff\xfe\x41", 3, HUI_IMPORT_ERROR_ENCODING, "UTF-16LE");
  assert_import_fails ("%PDF-1.7\n", 9, HUI_IMPORT_ERROR_UNSUPPORTED, "PDF");
}

static void
test_split_without_toc (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("标题\n正文。\n", strlen ("标题\n正文。\n"));
  g_autoptr(GError) error = NULL;

  g_assert_false (hui_import_bytes (bulletin, bytes, "x.txt", HUI_IMPORT_FLAGS_SPLIT, &error));
  g_assert_error (error, HUI_IMPORT_ERROR, HUI_IMPORT_ERROR_NO_TABLE_OF_CONTENTS);
}

static const char fixture_bulletin[] =
  "工作简报\n"
  "第3期\n"
  "目录\n"
  "甲单位：\n"
  "第一篇 副题\t1\n"
  "不存在的报告\t2\n"
  "第三篇\t3\n"
  "\n"
  "多余的一行。\n"
  "第一篇\t副题\n"
  "甲单位\n"
  "（2024年1月2日）\n"
  "正文。\n"
  "第三篇\n"
  "乙单位\n"
  "正文。\n";

static void
test_split_reports_what_it_skips (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_test_import_string (fixture_bulletin, TRUE);
  const GPtrArray *warnings = hui_bulletin_get_warnings (bulletin);
  g_autofree char *joined = NULL;

  g_ptr_array_add ((GPtrArray *)warnings, NULL);
  joined = g_strjoinv ("\n", (char **)warnings->pdata);
  g_ptr_array_remove_index ((GPtrArray *)warnings, warnings->len - 1);

  g_assert_cmpuint (hui_bulletin_get_n_reports (bulletin), ==, 2);
  g_assert_cmpstr (hui_bulletin_get_title (bulletin), ==, "工作简报");
  g_assert_cmpstr (hui_bulletin_get_issue (bulletin), ==, "第3期");
  g_assert_nonnull (strstr (joined, "不存在的报告"));
  g_assert_nonnull (strstr (joined, "多余的一行"));
  g_assert_cmpstr (hui_report_get_subtitle (hui_bulletin_get_report (bulletin, 0)), ==, "副题");
  g_assert_cmpstr (hui_report_get_organization (hui_bulletin_get_report (bulletin, 1)), ==, "乙单位");
  g_assert_cmpuint (hui_report_get_source_page (hui_bulletin_get_report (bulletin, 1)), ==, 3);
}

static const char fixture_report[] =
  "推动公路养护提质增效 建设四好农村路\n"
  "市交通运输局\n"
  "（2024年3月18日）\n"
  "\n"
  "市交通运输局持续推进农村公路养护体制改革，建立三级路长制，\n"
  "\n"
  "做到有路必养、养必到位。\n"
  "会议认为，今年的工作取得了明显成效。\n"
  "\n"
  "下一步要继续巩固成果。\n"
  "他在会上说：“要做到以下几点：\n"
  "一、责任要明确，路长要到位。\n"
  "二、资金要落实。”\n"
  "一、明确养护责任\n"
  "（一）压实县级责任。县级路长负责统筹协调， 乡级路长负责日常巡查。\n";

static void
test_report_recognition (void)
{
  g_autoptr(HuiBulletin) bulletin = hui_test_import_string (fixture_report, FALSE);
  HuiReport *report = hui_bulletin_get_report (bulletin, 0);
  HuiBlock *run_in;

  g_assert_cmpstr (hui_report_get_title (report), ==, "推动公路养护提质增效");
  g_assert_cmpstr (hui_report_get_subtitle (report), ==, "建设四好农村路");
  g_assert_cmpstr (hui_report_get_organization (report), ==, "市交通运输局");
  g_assert_cmpstr (hui_report_get_date (report), ==, "2024-03-18");
  g_assert_cmpuint (hui_report_get_n_blocks (report), ==, 8);

  /* Cut by a page break mid-sentence: joined. */
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 0)), ==,
                   "市交通运输局持续推进农村公路养护体制改革，建立三级路长制，做到有路必养、养必到位。");
  /* A paragraph that really ended at the page break stays apart. */
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 1)), ==, "会议认为，今年的工作取得了明显成效。");
  g_assert_cmpstr (hui_block_get_text (hui_report_get_block (report, 2)), ==, "下一步要继续巩固成果。");
  /* "一、" inside a quotation is quoted text, not a heading. */
  for (guint i = 3; i <= 5; i++)
    g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, i)), ==, 0);
  g_assert_true (g_str_has_prefix (hui_block_get_text (hui_report_get_block (report, 4)), "一、责任要明确"));
  g_assert_cmpuint (hui_block_get_level (hui_report_get_block (report, 6)), ==, 1);

  run_in = hui_report_get_block (report, 7);
  g_assert_cmpuint (hui_block_get_level (run_in), ==, 2);
  g_assert_cmpstr (hui_block_get_label (run_in), ==, "（一）");
  g_assert_cmpstr (hui_block_get_text (run_in), ==, "压实县级责任。");
  g_assert_cmpstr (hui_block_get_run_in (run_in), ==, "县级路长负责统筹协调，乡级路长负责日常巡查。");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-import/split/reports-match-toc", test_split_reports_match_toc);
  g_test_add_func ("/text-import/split/dates", test_split_dates);
  g_test_add_func ("/text-import/split/no-markers-or-stray-spaces", test_split_no_markers_or_stray_spaces);
  g_test_add_func ("/text-import/split/page-breaks-joined", test_split_page_breaks_joined);
  g_test_add_func ("/text-import/split/without-toc", test_split_without_toc);
  g_test_add_func ("/text-import/split/reports-what-it-skips", test_split_reports_what_it_skips);
  g_test_add_func ("/text-import/report/headings", test_report_headings);
  g_test_add_func ("/text-import/report/recognition", test_report_recognition);
  g_test_add_func ("/text-import/encodings", test_encodings);
  g_test_add_func ("/text-import/bad-input", test_bad_input);

  return g_test_run ();
}

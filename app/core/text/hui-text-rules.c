/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-text-rules"

#include "config.h"

#include <string.h>

#include "hui-text-rules-private.h"

#define MAX_TITLE_CHARS        60
#define MAX_ORGANIZATION_CHARS 30
#define MAX_MALFORMED_HEADING  40
/* A line without a blank line after it is joined to the next only when it
 * is long enough to be a wrapped line of body text, not a short line such as
 * an address or a signature that simply has no full stop. */
#define MIN_WRAPPED_LINE_CHARS 20

void
hui_heading_match_clear (HuiHeadingMatch *match)
{
  g_clear_pointer (&match->label, g_free);
  g_clear_pointer (&match->text, g_free);
  g_clear_pointer (&match->run_in, g_free);
  g_clear_pointer (&match->source_label, g_free);
  match->level = 0;
  match->malformed = FALSE;
}

static gboolean
is_fullwidth_punct (gunichar c)
{
  return (c >= 0x3001 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0xFE30 && c <= 0xFE4F) ||
         c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

static gboolean
is_closing_mark (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case ')': case ']':
    case 0x2019: case 0x201D: case 0x3009: case 0x300B: case 0x300D:
    case 0x300F: case 0x3011: case 0x3015: case 0xFF09:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_sentence_final (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ ||
         c == 0xFF1B /* ； */ || c == 0xFF1A /* ： */ || c == 0x2026 /* … */ ||
         c == '!' || c == '?' || c == ';' || c == ':' || c == '.';
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
is_space_like (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == '\f' || c == '\v';
}

static gboolean
is_invisible (gunichar c)
{
  /* U+FFFC marks a note in the model; in plain text it stands for nothing. */
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x2060 || c == 0xFFFC;
}

static GRegex *
marker_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("##[A-Za-z][A-Za-z0-9_-]*##",
                                                    G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static char *
remove_markers (const char *line,
                GPtrArray  *removed_markers)
{
  g_autoptr(GMatchInfo) info = NULL;

  if (strstr (line, "##") == NULL)
    return g_strdup (line);

  if (removed_markers != NULL)
    {
      g_regex_match (marker_regex (), line, 0, &info);
      for (; g_match_info_matches (info); g_match_info_next (info, NULL))
        g_ptr_array_add (removed_markers, g_match_info_fetch (info, 0));
    }

  return g_regex_replace_literal (marker_regex (), line, -1, 0, "", 0, NULL);
}

/* Makes one physical line comparable and printable: strips extraction
 * markers, maps the many kinds of space to one ASCII space and collapses
 * runs of them, drops invisible characters, replaces the "control picture"
 * symbols that PDF extraction leaves where a separator dot was, and removes
 * the spaces that extraction puts after full-width punctuation. */
char *
hui_text_rules_normalize_line (const char *line,
                               GPtrArray  *removed_markers,
                               guint      *n_control_pictures)
{
  g_autofree char *unmarked = remove_markers (line, removed_markers);
  g_autoptr(GString) out = g_string_sized_new (strlen (unmarked));
  gboolean pending_space = FALSE;

  for (const char *p = unmarked; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space_like (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (is_invisible (c))
        continue;
      if (c >= 0x2400 && c <= 0x2426)
        {
          c = 0x00B7;
          if (n_control_pictures != NULL)
            (*n_control_pictures)++;
        }

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return hui_text_rules_remove_space_after_punct (out->str);
}

/* As hui_text_rules_normalize_line(), keeping the note marks (HUI_NOTE_MARK) of
 * a structured source's paragraph where they are. */
char *
hui_text_rules_normalize_marked (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, HUI_NOTE_MARK, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *piece = hui_text_rules_normalize_line (pieces[i], NULL, NULL);

      if (i > 0)
        g_string_append (out, HUI_NOTE_MARK);
      g_string_append (out, piece);
    }
  return g_string_free (out, FALSE);
}

static gunichar
char_before (const char *start,
             const char *p)
{
  return p > start ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
}

/* The string, in a block of its own size: a GString's is rounded up to a
 * power of two, and an imported text's lines are all kept while its
 * reports are built. */
static char *
string_free_fitted (GString *string)
{
  char *fitted = g_strndup (string->str, string->len);

  g_string_free (string, TRUE);
  return fitted;
}

/* "， 对调研中" loses its space, but a space after a full-width bracket in
 * the middle of a Latin phrase ("Organization（WHO） reported") is text. */
char *
hui_text_rules_remove_space_after_punct (const char *line)
{
  GString *out = g_string_sized_new (strlen (line));

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *after;
      gunichar next, before;

      g_string_append_unichar (out, c);
      after = g_utf8_next_char (p);
      if (!is_fullwidth_punct (c) || *after != ' ')
        continue;

      while (*after == ' ')
        after++;
      next = g_utf8_get_char (after);
      before = char_before (line, p);

      if (next < 0x80 && g_ascii_isalpha (next) && before < 0x80 && g_ascii_isalnum (before))
        continue;

      p = after - 1;
    }

  return string_free_fitted (out);
}

static gboolean
is_cjk_context (gunichar c)
{
  return is_han (c) || is_fullwidth_punct (c);
}

/* A space between two Chinese characters ("开发上 线", "1 个") is always a
 * line-breaking artefact; Chinese text has no word spaces. */
char *
hui_text_rules_remove_space_between_han (const char *line)
{
  GString *out = g_string_sized_new (strlen (line));

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          gunichar before = char_before (line, p);
          gunichar next = g_utf8_get_char (p + 1);

          if ((is_han (before) && (is_cjk_context (next) || g_unichar_isdigit (next))) ||
              (is_han (next) && (is_cjk_context (before) || g_unichar_isdigit (before))))
            continue;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gunichar
last_char_skipping_closers (const char *line)
{
  const char *end = line + strlen (line);

  while (end > line)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (!is_closing_mark (c))
        return c;
      end = prev;
    }

  return 0;
}

/* "……推动发展。”" ends a sentence; "……对照《……方案》" does not. */
gboolean
hui_text_rules_ends_sentence (const char *line)
{
  return is_sentence_final (last_char_skipping_closers (line));
}

/* Decides whether @next continues the paragraph @previous. A blank line
 * after text that stops mid-sentence is a page break of the PDF the text
 * came from; without a blank line only a long line that stops mid-sentence
 * is a wrapped one. Callers have already ruled out headings. */
gboolean
hui_text_rules_should_join (const char *previous,
                            const char *next,
                            guint       blank_lines_between)
{
  g_return_val_if_fail (previous != NULL && next != NULL, FALSE);

  if (*previous == '\0' || *next == '\0' || hui_text_rules_ends_sentence (previous))
    return FALSE;

  if (blank_lines_between > 0)
    return TRUE;

  return g_utf8_strlen (previous, -1) >= MIN_WRAPPED_LINE_CHARS;
}

char *
hui_text_rules_join (const char *previous,
                     const char *next)
{
  gunichar last = char_before (previous, previous + strlen (previous));
  gunichar first = g_utf8_get_char (next);

  if (last < 0x80 && g_ascii_isalnum (last) && first < 0x80 && g_ascii_isalnum (first))
    return g_strconcat (previous, " ", next, NULL);

  return g_strconcat (previous, next, NULL);
}

/* Open quotation marks after @text, given @balance open before it: a line
 * that starts with "一、" while a quotation is open is quoted text, not a
 * heading. */
int
hui_text_rules_quote_balance (int         balance,
                              const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C || c == 0x300C || c == 0x300E)
        balance++;
      else if ((c == 0x201D || c == 0x300D || c == 0x300F) && balance > 0)
        balance--;
    }

  return balance;
}

typedef struct {
  guint       level;
  const char *pattern;
  const char *label_format;
} HeadingRule;

/* Labels are rewritten in their canonical full-width form, so "(一)" and
 * "（一）" number the same way when sections move. */
static const HeadingRule heading_rules[] = {
  { 1, "^([一二三四五六七八九十百〇零]{1,4})、\\s*(.*)$", "%s、" },
  { 2, "^[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[）)]\\s*(.*)$", "（%s）" },
  { 4, "^[（(]\\s*([0-9０-９]{1,2})\\s*[）)]\\s*(.*)$", "（%s）" },
  { 3, "^([0-9０-９]{1,2})\\s*[.．、](?![0-9０-９])\\s*(.*)$", "%s." },
};

static GRegex *
heading_regex (guint i)
{
  static GRegex *regexes[G_N_ELEMENTS (heading_rules) + 1];

  g_assert (i <= G_N_ELEMENTS (heading_rules));

  if (g_once_init_enter (&regexes[i]))
    {
      const char *pattern = i < G_N_ELEMENTS (heading_rules)
        ? heading_rules[i].pattern
        /* "（三紧扣……": a level-2 label whose closing bracket was lost */
        : "^[（(]([一二三四五六七八九十]{1,3})(?![）)一二三四五六七八九十、])(.+)$";

      g_once_init_leave (&regexes[i], g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
    }

  return regexes[i];
}

static char *
ascii_digits (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Splits "围绕……。正文……" after its first sentence: the heading keeps
 * the sentence, the rest is body text run into the heading's line. */
static void
split_run_in (const char  *rest,
              char       **text,
              char       **run_in)
{
  for (const char *p = rest; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *end;

      if (c != 0x3002 && c != 0xFF01 && c != 0xFF1F)
        continue;

      end = g_utf8_next_char (p);
      while (*end && is_closing_mark (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      while (*end == ' ')
        end++;

      if (*end == '\0')
        break;

      *text = g_strndup (rest, end - rest);
      *run_in = g_strdup (end);
      g_strchomp (*text);
      return;
    }

  *text = g_strdup (rest);
  *run_in = NULL;
}

static gboolean
match_malformed_level2 (const char      *line,
                        HuiHeadingMatch *match)
{
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *number = NULL;
  g_autofree char *rest = NULL;
  glong rest_chars;

  if (!g_regex_match (heading_regex (G_N_ELEMENTS (heading_rules)), line, 0, &info))
    return FALSE;

  number = g_match_info_fetch (info, 1);
  rest = g_match_info_fetch (info, 2);
  rest_chars = g_utf8_strlen (rest, -1);

  /* Only a short heading-like line with no closing bracket anywhere:
   * "（一般来说）……" is a parenthesis, not a broken label. */
  if (strstr (line, "）") != NULL || strchr (line, ')') != NULL ||
      rest_chars < 2 || rest_chars > MAX_MALFORMED_HEADING ||
      !is_han (g_utf8_get_char (rest)) || hui_text_rules_ends_sentence (rest))
    return FALSE;

  match->level = 2;
  match->label = g_strdup_printf ("（%s）", number);
  match->source_label = g_strndup (line, strstr (line, number) - line + strlen (number));
  match->text = g_strdup (rest);
  match->malformed = TRUE;
  return TRUE;
}

gboolean
hui_text_rules_parse_heading (const char      *line,
                              HuiHeadingMatch *match)
{
  g_return_val_if_fail (line != NULL && match != NULL, FALSE);

  memset (match, 0, sizeof *match);

  for (guint i = 0; i < G_N_ELEMENTS (heading_rules); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *number = NULL;
      g_autofree char *rest = NULL;
      g_autofree char *digits = NULL;

      if (!g_regex_match (heading_regex (i), line, 0, &info))
        continue;

      number = g_match_info_fetch (info, 1);
      rest = g_match_info_fetch (info, 2);
      digits = ascii_digits (number);

      match->level = heading_rules[i].level;
      match->label = g_strdup_printf (heading_rules[i].label_format, digits);
      match->source_label = g_strndup (line, strlen (line) - strlen (rest));
      g_strchomp (match->source_label);
      split_run_in (rest, &match->text, &match->run_in);
      return TRUE;
    }

  return match_malformed_level2 (line, match);
}

static int
chinese_number (const char *s)
{
  static const char *digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  int value = 0;
  gboolean seen_ten = FALSE;

  if (g_ascii_isdigit (*s))
    return atoi (s);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gboolean found = FALSE;

      if (g_str_has_prefix (p, "十"))
        {
          value = (value == 0 ? 1 : value) * 10;
          seen_ten = TRUE;
          continue;
        }
      for (int d = 0; d < 10 && !found; d++)
        if (g_str_has_prefix (p, digits[d]) || (d == 0 && g_str_has_prefix (p, "零")))
          {
            value = seen_ten ? value + d : value * 10 + d;
            found = TRUE;
          }
      if (!found)
        return -1;
    }

  return value;
}

/* "（2023年7月25日）", "2023年7月25日" or "二〇二三年七月二十五日" → "2023-07-25". */
char *
hui_text_rules_parse_date (const char *line)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *y = NULL, *m = NULL, *d = NULL;
  int year, month, day;

  g_return_val_if_fail (line != NULL, NULL);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
      g_regex_new ("^[（(]?\\s*([0-9]{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*"
                   "([0-9]{1,2}|[一二三四五六七八九十]{1,2})\\s*月\\s*"
                   "([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*日\\s*[）)]?$",
                   G_REGEX_OPTIMIZE, 0, NULL));

  normalized = ascii_digits (line);
  if (!g_regex_match (regex, normalized, 0, &info))
    return NULL;

  y = g_match_info_fetch (info, 1);
  m = g_match_info_fetch (info, 2);
  d = g_match_info_fetch (info, 3);
  year = chinese_number (y);
  month = chinese_number (m);
  day = chinese_number (d);

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
is_heading_or_date (const char *line)
{
  HuiHeadingMatch match;
  g_autofree char *date = NULL;
  gboolean heading = hui_text_rules_parse_heading (line, &match);

  hui_heading_match_clear (&match);
  if (heading)
    return TRUE;

  date = hui_text_rules_parse_date (line);
  return date != NULL;
}

/* A title is short and does not read as a sentence. */
gboolean
hui_text_rules_looks_like_title (const char *line)
{
  glong n = g_utf8_strlen (line, -1);
  gunichar last = last_char_skipping_closers (line);

  if (n < 2 || n > MAX_TITLE_CHARS || strstr (line, "。") != NULL)
    return FALSE;

  if (is_sentence_final (last) || last == 0xFF0C /* ， */ || last == 0x3001 /* 、 */)
    return FALSE;

  return !is_heading_or_date (line);
}

/* "江苏省司法厅" or "江苏省司法厅：" — a name, never a clause. */
gboolean
hui_text_rules_looks_like_organization (const char *line)
{
  static const char *clause_marks[] = { "，", "。", "；", "！", "？", "“", "”", ",", ";" };
  g_autofree char *name = g_strdup (line);
  glong n;

  if (g_str_has_suffix (name, "："))
    name[strlen (name) - strlen ("：")] = '\0';
  else if (g_str_has_suffix (name, ":"))
    name[strlen (name) - 1] = '\0';

  n = g_utf8_strlen (name, -1);
  if (n < 2 || n > MAX_ORGANIZATION_CHARS)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (clause_marks); i++)
    if (strstr (name, clause_marks[i]) != NULL)
      return FALSE;

  return !is_heading_or_date (name);
}

/* A title in two parts is written with a space (or tab) between them:
 * "奔着问题去调研 对照清单来改进". A space inside a Latin phrase is not a
 * split ("推进 AI 应用" stays whole). */
gboolean
hui_text_rules_split_title (const char  *line,
                            char       **first,
                            char       **second)
{
  for (const char *p = strchr (line, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      gunichar before = char_before (line, p);
      gunichar after = g_utf8_get_char (p + 1);

      if (before >= 0x80 && after >= 0x80)
        {
          *first = g_strndup (line, p - line);
          *second = g_strdup (p + 1);
          return TRUE;
        }
    }

  *first = g_strdup (line);
  *second = NULL;
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-layout"

/* Golden tests of the layout engine, after pango's tests/layouts: each
 * case is paginated and dumped as text, one header per page and one line
 * per placed line, and the dump is compared with tests/layout/<case>.expected.
 * Any change in a line break, a page break, an indent or a font role shows
 * up as a diff; the actual dump is left in the build's tests/ folder as
 * layout-<case>.actual.
 *
 * A dump line reads
 *     ROWS  X  ROLE [FLAGS]  TEXT
 * ROWS is the grid row the line takes, or first-last when it takes more;
 * X the points from the left of the type area; ROLE the font role
 * (body, title, heading1…), or footnote, table, image; FLAGS are red
 * (the masthead's name), rule:red / rule:black (a rule under the line),
 * foot-rule (the short rule over a page's footnotes) and leader:X (a TOC
 * dot leader from X). TEXT is the line's text (U+200B removed, tabs as
 * \t); a TOC line adds "→ page"; a table row lists its column widths and
 * cells joined by " | ", "↵" where a cell's text breaks; an image its
 * printed size and description. The corpus's text must not be copied
 * into the project, so a corpus case shows each line's length and the
 * start of its SHA-1 instead: a moved break still changes both.
 *
 * When a layout change is intended, regenerate the dumps and review them
 * with git diff:
 *     build-aux/update-golden [BUILDDIR]
 * which runs HUI_UPDATE_GOLDEN=1 meson test -C BUILDDIR test-layout. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hui-test-util.h"
#include "layout/hui-paginator.h"

typedef struct {
  const char *name;
  const char *input;   /* under tests/, or in the corpus */
  gboolean    corpus;
  gboolean    split;   /* a compiled bulletin, split by its contents */
} LayoutCase;

static const LayoutCase cases[] = {
  { "corpus-000", "000_cea93844149e72e5.txt", TRUE, TRUE },
  { "sample-bulletin", "../resources/sample/sample-bulletin.txt", FALSE, TRUE },
  { "headings", "layout/headings.txt", FALSE, FALSE },
  { "long-title", "layout/long-title.txt", FALSE, FALSE },
  { "notes", "layout/notes.xml", FALSE, FALSE },
  { "table", "layout/table.xml", FALSE, FALSE },
  { "image", "layout/image.xml", FALSE, FALSE },
  { "closing", "layout/closing.xml", FALSE, FALSE },
};

/* Points with one decimal, whatever the locale, and never "-0.0". */
static char *
format_points (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value > -0.05 && value < 0.05)
    value = 0;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

/* @text with U+200B removed and what would not show in a dump spelled out. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200B)
        continue;
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
}

static void
append_line_text (GString     *out,
                  PangoLayout *layout,
                  int          index)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, index);

  append_escaped (out, pango_layout_get_text (layout) + line->start_index, line->length);
}

static void
append_figure (GString         *out,
               const HuiFigure *figure)
{
  if (figure->n_cells == 0)
    {
      g_autofree char *width = format_points (figure->width);
      g_autofree char *height = format_points (figure->height);

      g_string_append_printf (out, "%s×%s pt%s ", width, height, figure->image == NULL ? " (not decoded)" : "");
      append_escaped (out, figure->description ?: "", -1);
      return;
    }

  for (guint i = 0; i < figure->n_cells; i++)
    {
      g_autofree char *width = format_points (figure->widths[i]);

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "[", width);
    }
  g_string_append (out, "]");
  for (guint i = 0; i < figure->n_cells; i++)
    {
      g_string_append (out, i > 0 ? " | " : " ");
      for (int k = 0; k < pango_layout_get_line_count (figure->cells[i]); k++)
        {
          if (k > 0)
            g_string_append (out, "↵");
          append_line_text (out, figure->cells[i], k);
        }
    }
}

static const char *
role_name (const HuiPlacedLine *line)
{
  if (line->figure != NULL)
    return line->figure->n_cells > 0 ? "table" : "image";
  if (line->footnote)
    return "footnote";
  return hui_font_role_to_string (line->role);
}

static char *
role_and_flags (const HuiPlacedLine *line)
{
  g_autoptr(GString) s = g_string_new (role_name (line));

  if (line->red)
    g_string_append (s, " red");
  if (line->rule_below == HUI_RULE_RED)
    g_string_append (s, " rule:red");
  else if (line->rule_below == HUI_RULE_BLACK)
    g_string_append (s, " rule:black");
  if (line->footnote_rule)
    g_string_append (s, " foot-rule");
  if (line->leader_from >= 0)
    {
      g_autofree char *from = format_points (line->leader_from);

      g_string_append_printf (s, " leader:%s", from);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A corpus line as its length and a checksum: the corpus's text must not
 * be copied into the project, and a moved break still changes both. */
static void
append_redacted (GString    *out,
                 const char *text)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);

  if (*text != '\0')
    g_string_append_printf (out, "<%ld chars %.8s>", g_utf8_strlen (text, -1), sum);
}

static void
append_placed_line (GString             *out,
                    const HuiPlacedLine *line,
                    gboolean             redact)
{
  g_autofree char *rows = line->rows > 1 ? g_strdup_printf ("%u-%u", line->row, line->row + line->rows - 1)
                                         : g_strdup_printf ("%u", line->row);
  g_autofree char *x = format_points (line->x);
  g_autofree char *role = role_and_flags (line);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize start = out->len;

  if (line->figure != NULL)
    append_figure (text, line->figure);
  else
    append_line_text (text, line->layout, line->line);
  if (line->tail != NULL)
    {
      g_string_append (text, " → ");
      append_escaped (text, pango_layout_get_text (line->tail), -1);
    }
  g_string_append_printf (out, "%5s %6s  %-18s ", rows, x, role);
  if (redact)
    append_redacted (out, text->str);
  else
    g_string_append (out, text->str);
  /* No trailing blanks: an empty line of the title block stays clean. */
  while (out->len > start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
append_page (GString       *out,
             const HuiPage *page,
             guint          index,
             gboolean       redact)
{
  if (page->number == 0)
    g_string_append_printf (out, "\ncontents page %u\n", index + 1);
  else if (page->report >= 0)
    g_string_append_printf (out, "\npage %u (report %d)\n", page->number, page->report + 1);
  else
    g_string_append_printf (out, "\npage %u\n", page->number);

  for (guint i = 0; i < page->lines->len; i++)
    append_placed_line (out, &g_array_index (page->lines, HuiPlacedLine, i), redact);
}

static char *
dump_pagination (const LayoutCase *c,
                 HuiPagination    *pagination)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "# %s: contents pages %u, pages %u, reports %u (numbered from 1)\n",
                          c->name, pagination->toc_pages->len, pagination->pages->len, pagination->n_reports);
  g_string_append (out, "# rows, x in points from the type area's left, font role and flags, text\n");
  if (c->corpus)
    g_string_append (out, "# the corpus's text is not copied here: each line shows its length and SHA-1\n");
  for (guint i = 0; i < pagination->toc_pages->len; i++)
    append_page (out, pagination->toc_pages->pdata[i], i, c->corpus);
  for (guint i = 0; i < pagination->pages->len; i++)
    append_page (out, pagination->pages->pdata[i], i, c->corpus);

  return g_string_free (out, FALSE);
}

static char *
dump_case (const LayoutCase *c)
{
  g_autofree char *path = c->corpus ? hui_test_corpus_path (c->input)
                                    : g_test_build_filename (G_TEST_DIST, c->input, NULL);
  g_autoptr(HuiBulletin) bulletin = hui_test_import (path, c->split);
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));

  return dump_pagination (c, pagination);
}

/* A unified diff of the two files, or, without diff(1), the first line
 * that differs. */
static void
print_difference (const char *name,
                  const char *expected_path,
                  const char *actual_path,
                  const char *expected,
                  const char *actual)
{
  g_autofree char *label = g_strconcat ("tests/layout/", name, ".expected", NULL);
  const char *argv[] = { "diff", "-u", "--label", label, "--label", actual_path, expected_path, actual_path, NULL };
  g_autofree char *diff = NULL;
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  guint i;

  if (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, &diff, NULL, NULL, NULL) && diff != NULL && *diff != '\0')
    {
      g_printerr ("%s", diff);
      return;
    }

  a = g_strsplit (expected, "\n", -1);
  b = g_strsplit (actual, "\n", -1);
  for (i = 0; a[i] != NULL && b[i] != NULL && g_str_equal (a[i], b[i]); i++)
    ;
  g_printerr ("first difference at line %u:\n- %s\n+ %s\n", i + 1, a[i] ?: "(end)", b[i] ?: "(end)");
}

/* Writes @actual as the case's expectation, in the source tree. */
static void
update_expected (const char *expected_path,
                 const char *actual)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (expected_path, actual, -1, &error);
  g_assert_no_error (error);
  g_test_message ("wrote %s", expected_path);
}

/* Leaves @actual in the build folder, shows how it differs and fails. */
static void
fail_with_difference (const LayoutCase *c,
                      const char       *expected_path,
                      const char       *expected,
                      const char       *actual)
{
  g_autofree char *file = g_strconcat ("layout-", c->name, ".actual", NULL);
  g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (actual_path, actual, -1, &error);
  g_assert_no_error (error);
  print_difference (c->name, expected_path, actual_path, expected, actual);
  g_test_fail_printf ("the layout of %s differs from %s (diff above; the new dump is %s). "
                      "If the change is intended, run build-aux/update-golden",
                      c->name, expected_path, actual_path);
}

static void
test_layout_case (gconstpointer data)
{
  const LayoutCase *c = data;
  g_autofree char *actual = dump_case (c);
  g_autofree char *file = g_strconcat (c->name, ".expected", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "layout", file, NULL);
  g_autofree char *stale = g_strconcat ("layout-", c->name, ".actual", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  /* A dump left by an earlier failure would only mislead. */
  g_remove (g_test_get_filename (G_TEST_BUILT, stale, NULL));
  if (g_strcmp0 (g_getenv ("HUI_UPDATE_GOLDEN"), "1") == 0)
    update_expected (expected_path, actual);
  else if (!g_file_get_contents (expected_path, &expected, NULL, &error))
    g_test_fail_printf ("%s; run build-aux/update-golden to make it", error->message);
  else if (!g_str_equal (expected, actual))
    fail_with_difference (c, expected_path, expected, actual);
}

int
main (int    argc,
      char **argv)
{
  /* The dumps must not depend on the locale the tests run in. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/layout/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], test_layout_case);
    }

  return g_test_run ();
}

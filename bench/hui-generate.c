/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-generate"

#include "config.h"

#include <string.h>

#include "layout/hui-paginator.h"
#include "project/hui-project.h"

/* Writes a synthetic bulletin project of N reports for tests and
 * benchmarks: deterministic (seeded), with titles, organisations, dates,
 * headings of every level and paragraphs of varied length. The default
 * size (200 reports, about 700,000 characters) is a very large bulletin.
 * With --text-bytes it writes instead one report as a plain text of about
 * that many bytes (or, with --one-paragraph, a title and a single
 * paragraph), for the time and memory benchmarks of huge inputs. */

static const char *syllables[] = {
  "推进", "工作", "调研", "成果", "转化", "发展", "群众", "服务", "落实", "机制",
  "基层", "问题", "整改", "创新", "治理", "建设", "质量", "效能", "改革", "民生",
  "项目", "企业", "政策", "数字", "安全", "生态", "乡村", "振兴", "开放", "合作",
};

static const char *punct[] = { "，", "，", "，", "、", "；", "。" };

static const char *numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

static void
append_words (GString *out,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append (out, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
}

static char *
make_paragraph (GRand *rand,
                guint  chars)
{
  GString *out = g_string_new (NULL);
  glong length = 0;

  /* Counted as it grows: a paragraph of millions of characters. */
  while (length < (glong)chars)
    {
      gsize before = out->len;

      append_words (out, rand, g_rand_int_range (rand, 3, 9));
      g_string_append (out, punct[g_rand_int_range (rand, 0, G_N_ELEMENTS (punct))]);
      length += g_utf8_strlen (out->str + before, -1);
    }
  /* End the paragraph with a full stop in place of its last mark. */
  g_string_truncate (out, out->len - strlen ("，"));
  g_string_append (out, "。");

  return g_string_free (out, FALSE);
}

static void
add_paragraphs (HuiReport *report,
                GRand     *rand,
                guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = make_paragraph (rand, g_rand_int_range (rand, 60, 420));
      g_autoptr(HuiBlock) block = hui_block_new_paragraph (text);

      hui_report_append_block (report, block);
    }
}

static void
add_heading (HuiReport *report,
             GRand     *rand,
             guint      level,
             guint      number)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;
  g_autoptr(HuiBlock) block = NULL;

  append_words (text, rand, g_rand_int_range (rand, 3, 7));
  switch (level)
    {
    case 1: label = g_strdup_printf ("%s、", numbers[number % 10]); break;
    case 2: label = g_strdup_printf ("（%s）", numbers[number % 10]); break;
    case 3: label = g_strdup_printf ("%u.", number + 1); break;
    default: label = g_strdup_printf ("（%u）", number + 1); break;
    }
  block = hui_block_new_heading (level, label, text->str, NULL);
  hui_report_append_block (report, block);
}

static HuiReport *
make_report (GRand *rand,
             guint  index)
{
  HuiReport *report = hui_report_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *org = g_strdup_printf ("第%u调研组", index / 3 + 1);
  g_autofree char *date = g_strdup_printf ("2024-%02u-%02u", index % 12 + 1, index % 28 + 1);
  guint sections = g_rand_int_range (rand, 2, 5);

  /* A serial number keeps every title unique for tests that look for it. */
  g_string_append_printf (title, "第%u篇", index + 1);
  append_words (title, rand, g_rand_int_range (rand, 4, 12));
  hui_report_set_title (report, title->str);
  if (index % 7 != 3)
    hui_report_set_organization (report, org);
  hui_report_set_date (report, date);

  add_paragraphs (report, rand, 2);
  for (guint s = 0; s < sections; s++)
    {
      add_heading (report, rand, 1, s);
      add_paragraphs (report, rand, 1);
      for (guint k = 0; k < 2; k++)
        {
          add_heading (report, rand, 2, k);
          if (index % 5 == 0)
            add_heading (report, rand, 3, k);
          if (index % 10 == 0)
            add_heading (report, rand, 4, k);
          add_paragraphs (report, rand, g_rand_int_range (rand, 1, 3));
        }
    }

  return report;
}

static void
append_report_text (GString   *out,
                    HuiReport *report)
{
  g_autofree char *date = hui_typesetter_format_date (hui_report_get_date (report));

  g_string_append_printf (out, "\n%s\n", hui_report_get_title (report));
  if (hui_report_get_organization (report) != NULL)
    g_string_append_printf (out, "%s\n", hui_report_get_organization (report));
  g_string_append_printf (out, "%s\n\n", date);
  for (guint i = 0; i < hui_report_get_n_blocks (report); i++)
    {
      HuiBlock *block = hui_report_get_block (report, i);

      g_string_append_printf (out, "%s%s\n", hui_block_get_label (block) ?: "", hui_block_get_text (block));
    }
}

/* The bulletin as a compiled text with its 目录, as the importer's
 * --split reads it: the page numbers are the paginator's. */
static char *
bulletin_text (HuiBulletin *bulletin)
{
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, hui_bulletin_get_page_setup (bulletin));
  GString *out = g_string_new (NULL);
  const char *previous = NULL;

  g_string_append_printf (out, "%s\n%s\n\n目\t录\n", hui_bulletin_get_title (bulletin),
                          hui_bulletin_get_issue (bulletin));
  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);
      const char *org = hui_report_get_organization (report);

      if (org != NULL && g_strcmp0 (org, previous) != 0)
        g_string_append_printf (out, "%s：\n", org);
      previous = org;
      g_string_append_printf (out, "%s\t%u\n", hui_report_get_title (report), pagination->first_pages[i]);
    }
  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    append_report_text (out, hui_bulletin_get_report (bulletin, i));

  return g_string_free (out, FALSE);
}

/* A title, a date and paragraphs (or one paragraph) of about @bytes. One
 * paragraph is made of sentences numbered in quotes, as a long report's
 * often are: pango then measures it in many short runs, not one run of
 * millions of Han characters. */
static char *
report_text (GRand    *rand,
             gsize     bytes,
             gboolean  one_paragraph)
{
  GString *out = g_string_sized_new (bytes + 1024);
  guint sentences = 0;

  g_string_append (out, "关于推进调研成果转化工作的报告\n（2024年3月20日）\n\n");
  while (out->len < bytes)
    {
      /* A Han character is 3 bytes in UTF-8. */
      guint chars = one_paragraph ? 200 : (guint)g_rand_int_range (rand, 60, 420);
      g_autofree char *paragraph = make_paragraph (rand, chars);

      if (one_paragraph)
        {
          paragraph[strlen (paragraph) - strlen ("。")] = '\0';
          g_string_append_printf (out, "“第%u条”", ++sentences);
        }
      g_string_append (out, paragraph);
      g_string_append (out, one_paragraph ? "；" : "\n");
    }
  if (one_paragraph)
    g_string_append (out, "。\n");

  return g_string_free (out, FALSE);
}

static int
write_report_text (GRand      *rand,
                   gsize       bytes,
                   gboolean    one_paragraph,
                   const char *path)
{
  g_autofree char *text = report_text (rand, bytes, one_paragraph);
  g_autoptr(GError) error = NULL;

  if (path == NULL || !g_file_set_contents (path, text, -1, &error))
    {
      g_printerr ("hui-generate: %s\n", error ? error->message : "--text-bytes needs -t FILE");
      return error ? 2 : 1;
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  int reports = 200;
  int seed = 9704;
  gint64 text_bytes = 0;
  gboolean one_paragraph = FALSE;
  g_autofree char *output = NULL;
  g_autofree char *text_output = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "reports", 'n', 0, G_OPTION_ARG_INT, &reports, "Number of reports (200)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Project file to write", "FILE" },
    { "text", 't', 0, G_OPTION_ARG_FILENAME, &text_output, "Also write it as a compiled bulletin text", "FILE" },
    { "text-bytes", 0, 0, G_OPTION_ARG_INT64, &text_bytes, "Write one report of about BYTES as a text (-t) instead", "BYTES" },
    { "one-paragraph", 0, 0, G_OPTION_ARG_NONE, &one_paragraph, "With --text-bytes: all in one paragraph", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate a test bulletin");
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GFile) file = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (g_option_context_parse (context, &argc, &argv, &error) && text_bytes > 0)
    {
      rand = g_rand_new_with_seed (seed);
      return write_report_text (rand, text_bytes, one_paragraph, text_output);
    }
  if (error != NULL || output == NULL || reports < 1)
    {
      g_printerr ("hui-generate: %s\n", error ? error->message : "need -o FILE and N >= 1");
      return 1;
    }

  rand = g_rand_new_with_seed (seed);
  hui_bulletin_set_title (bulletin, "调研成果交流汇编");
  hui_bulletin_set_issue (bulletin, "第1期");
  for (int i = 0; i < reports; i++)
    {
      g_autoptr(HuiReport) report = make_report (rand, i);

      hui_bulletin_append_report (bulletin, report);
    }

  file = g_file_new_for_commandline_arg (output);
  if (!hui_project_save (bulletin, file, NULL, &error))
    {
      g_printerr ("hui-generate: %s\n", error->message);
      return 2;
    }
  if (text_output != NULL)
    {
      g_autofree char *text = bulletin_text (bulletin);

      if (!g_file_set_contents (text_output, text, -1, &error))
        {
          g_printerr ("hui-generate: %s\n", error->message);
          return 2;
        }
    }

  return 0;
}

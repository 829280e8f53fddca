/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "huibian-cli"

#include "config.h"

#include <math.h>
#include <string.h>

#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "export/hui-export.h"
#include "hui-json.h"
#include "import/hui-import.h"
#include "layout/hui-paginator.h"
#include "project/hui-project.h"
#include "support/hui-files.h"
#include "support/hui-i18n.h"

/* The command-line face of the core library: the contract that scripts
 * and tests rely on. Exit status 0 on success, 1 for usage errors, 2 when
 * an input cannot be read or parsed (the message names the file). */

#define NOT_GIVEN G_MININT

enum {
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_INPUT = 2,
};

typedef struct {
  gboolean          split;
  gboolean          json;
  char             *output;
  char             *format;
  HuiExportFormat   export_format; /* @format, checked with the options */
  char             *preset;
  int               lines_per_page;  /* NOT_GIVEN unless on the command line */
  int               chars_per_line;
  char             *body_size;
  char             *page_number_format;
  gboolean          no_toc;
  gboolean          no_front_page;
  char            **files;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->preset, g_free);
  g_clear_pointer (&options->body_size, g_free);
  g_clear_pointer (&options->page_number_format, g_free);
  g_clear_pointer (&options->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("huibian-cli: %s\n\n%s", message, help);
  return EXIT_USAGE;
}

static void
append_project (HuiBulletin *into,
                HuiBulletin *project)
{
  /* The first project read sets the page too. */
  if (hui_bulletin_get_n_reports (into) == 0 && hui_bulletin_get_title (into) == NULL)
    hui_bulletin_set_page_setup (into, hui_bulletin_get_page_setup (project));
  hui_bulletin_merge (into, project, G_MAXUINT);
  for (guint i = 0; i < hui_bulletin_get_warnings (project)->len; i++)
    hui_bulletin_add_warning (into, "%s", (char *)hui_bulletin_get_warnings (project)->pdata[i]);
}

/* Reads every input, project or file to import, into one bulletin. */
static HuiBulletin *
read_inputs (char     **files,
             gboolean   split,
             GError   **error)
{
  g_autoptr(HuiBulletin) bulletin = hui_bulletin_new ();

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      if (hui_project_is_project_file (file, NULL))
        {
          g_autoptr(HuiBulletin) project = hui_project_load (file, NULL, error);

          if (project == NULL)
            return NULL;
          append_project (bulletin, project);
        }
      else if (!hui_import_file (bulletin, file, split ? HUI_IMPORT_FLAGS_SPLIT : 0, NULL, error))
        return NULL;
    }

  return g_steal_pointer (&bulletin);
}

static void
print_summary (HuiBulletin *bulletin)
{
  g_print ("%s\n", hui_bulletin_get_title (bulletin) ?: _("Untitled bulletin"));
  for (guint i = 0; i < hui_bulletin_get_n_reports (bulletin); i++)
    {
      HuiReport *report = hui_bulletin_get_report (bulletin, i);
      g_autofree char *title = hui_report_dup_full_title (report);

      g_print ("%3u. %s\n", i + 1, title);
      if (hui_report_get_organization (report) || hui_report_get_date (report))
        g_print ("     %s %s\n", hui_report_get_organization (report) ?: "",
                 hui_report_get_date (report) ?: "");
      for (guint j = 0; j < hui_report_get_warnings (report)->len; j++)
        g_print ("     ! %s\n", (char *)hui_report_get_warnings (report)->pdata[j]);
    }
  for (guint j = 0; j < hui_bulletin_get_warnings (bulletin)->len; j++)
    g_print ("! %s\n", (char *)hui_bulletin_get_warnings (bulletin)->pdata[j]);
}

/* Adds where each report starts and how many pages it takes, as the
 * exports will print them. */
static void
add_pages_to_json (JsonNode            *root,
                   const HuiPagination *pagination)
{
  JsonArray *reports = json_object_get_array_member (json_node_get_object (root), "reports");

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);

      json_object_set_int_member (report, "first_page", pagination->first_pages[i]);
      json_object_set_int_member (report, "pages", pagination->page_counts[i]);
    }
  json_object_set_int_member (json_node_get_object (root), "pages", pagination->pages->len);
  json_object_set_int_member (json_node_get_object (root), "toc_pages", pagination->toc_pages->len);
}

static void
print_json (HuiBulletin        *bulletin,
            const HuiPageSetup *setup)
{
  g_autoptr(JsonNode) root = hui_json_from_bulletin (bulletin);
  g_autoptr(HuiPagination) pagination = hui_pagination_new (bulletin, setup);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  /* Only the page numbers are printed: the pages go before the JSON is
   * written, and it is streamed rather than built as one more copy. */
  add_pages_to_json (root, pagination);
  g_clear_pointer (&pagination, hui_pagination_free);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (json_generator_to_stream (generator, out, NULL, NULL))
    g_output_stream_write_all (out, "\n", 1, NULL, NULL, NULL);
}

static gboolean
check_grid_option (const char  *name,
                   int          value,
                   GError     **error)
{
  if (value == NOT_GIVEN || (value >= 5 && value <= 80))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s must be between 5 and 80"), name);
  return FALSE;
}

static gboolean
apply_grid (Options       *options,
            HuiPageSetup  *setup,
            GError       **error)
{
  if (!check_grid_option ("--lines-per-page", options->lines_per_page, error) ||
      !check_grid_option ("--chars-per-line", options->chars_per_line, error))
    return FALSE;
  if (options->lines_per_page == NOT_GIVEN && options->chars_per_line == NOT_GIVEN)
    return TRUE;

  return hui_page_setup_set_grid (setup,
                                  options->lines_per_page != NOT_GIVEN ? (guint)options->lines_per_page : setup->lines_per_page,
                                  options->chars_per_line != NOT_GIVEN ? (guint)options->chars_per_line : setup->chars_per_line,
                                  error);
}

/* Read as a string: GOption's doubles take "nan" and "inf", which no
 * range check catches and which a project cannot hold. */
static gboolean
apply_body_size (Options       *options,
                 HuiPageSetup  *setup,
                 GError       **error)
{
  char *end = NULL;
  double size;

  if (options->body_size == NULL)
    return TRUE;

  size = g_ascii_strtod (options->body_size, &end);
  if (end == options->body_size || *end != '\0' || !isfinite (size) || size < 6 || size > 48)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--body-size must be a number of points between 6 and 48"));
      return FALSE;
    }
  for (HuiFontRole role = HUI_FONT_BODY; role <= HUI_FONT_HEADING4; role++)
    if (role != HUI_FONT_TITLE)
      setup->fonts[role].size = size;

  return TRUE;
}

/* The page setup for a run: the project's own (or GB/T 9704), or the
 * preset named on the command line, with the grid and size options
 * applied on top. */
static HuiPageSetup *
page_setup_from_options (Options             *options,
                         const HuiPageSetup  *base,
                         GError             **error)
{
  g_autoptr(HuiPageSetup) setup = options->preset || base == NULL
    ? hui_page_setup_new_preset (options->preset ? options->preset : "gbt9704")
    : hui_page_setup_copy (base);

  if (setup == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown preset “%s” (known: gbt9704, compact)"), options->preset);
      return NULL;
    }
  if (!apply_grid (options, setup, error) || !apply_body_size (options, setup, error))
    return NULL;

  if (options->page_number_format != NULL)
    {
      g_free (setup->page_number_format);
      setup->page_number_format = g_strdup (options->page_number_format);
    }
  if (options->no_toc)
    setup->table_of_contents = FALSE;
  if (options->no_front_page)
    setup->front_page = FALSE;

  return g_steal_pointer (&setup);
}

static int
run_show (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = read_inputs (options->files, options->split, &error);
  g_autoptr(HuiPageSetup) setup = NULL;

  if (bulletin == NULL)
    {
      g_printerr ("huibian-cli: %s\n", error->message);
      return EXIT_INPUT;
    }
  setup = page_setup_from_options (options, hui_bulletin_get_page_setup (bulletin), NULL);

  if (options->json)
    print_json (bulletin, setup);
  else
    print_summary (bulletin);

  return EXIT_OK;
}

static int
run_import (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = read_inputs (options->files, options->split, &error);
  g_autoptr(GFile) output = NULL;
  g_autoptr(HuiPageSetup) setup = NULL;

  if (bulletin == NULL)
    {
      g_printerr ("huibian-cli: %s\n", error->message);
      return EXIT_INPUT;
    }
  setup = page_setup_from_options (options, hui_bulletin_get_page_setup (bulletin), NULL);
  hui_bulletin_set_page_setup (bulletin, setup);

  output = g_file_new_for_commandline_arg (options->output);
  if (!hui_project_save (bulletin, output, NULL, &error))
    {
      g_printerr ("huibian-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  return EXIT_OK;
}

static int
run_export (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiBulletin) bulletin = read_inputs (options->files, options->split, &error);
  g_autoptr(GFile) output = NULL;
  g_autoptr(HuiPageSetup) setup = NULL;

  if (bulletin == NULL)
    {
      g_printerr ("huibian-cli: %s\n", error->message);
      return EXIT_INPUT;
    }
  setup = page_setup_from_options (options, hui_bulletin_get_page_setup (bulletin), NULL);

  output = g_file_new_for_commandline_arg (options->output);
  if (!hui_export_to_file (bulletin, setup, options->export_format, output, NULL, &error))
    {
      g_printerr ("huibian-cli: %s\n", error->message);
      return EXIT_INPUT;
    }

  return EXIT_OK;
}

/* Writing over an input would destroy it before (or while) it is read. */
static gboolean
output_is_an_input (Options *options)
{
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (options->output);

  for (guint i = 0; options->files[i] != NULL; i++)
    {
      g_autoptr(GFile) input = g_file_new_for_commandline_arg (options->files[i]);

      if (hui_files_are_same (output, input))
        {
          g_printerr (_("huibian-cli: the output “%s” is also an input; choose another file to write\n"),
                      options->output);
          return TRUE;
        }
    }

  return FALSE;
}

static int
run_command (const char  *command,
             int          argc,
             char       **argv)
{
  g_auto(Options) options = { .lines_per_page = NOT_GIVEN, .chars_per_line = NOT_GIVEN };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuiPageSetup) setup = NULL;
  gboolean import = strcmp (command, "import") == 0;
  gboolean export = strcmp (command, "export") == 0;
  const GOptionEntry entries[] = {
    { "split", 's', 0, G_OPTION_ARG_NONE, &options.split,
      N_("Each input is a compiled bulletin: split it into its reports by its table of contents"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print the bulletin as JSON"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the project or the export to FILE"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("Export format: pdf, odt or docbook"), N_("FORMAT") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &options.preset,
      N_("Page setup preset: gbt9704 (default) or compact"), N_("NAME") },
    { "lines-per-page", 0, 0, G_OPTION_ARG_INT, &options.lines_per_page,
      N_("Lines per page of the grid"), N_("N") },
    { "chars-per-line", 0, 0, G_OPTION_ARG_INT, &options.chars_per_line,
      N_("Characters per line of the grid"), N_("N") },
    { "body-size", 0, 0, G_OPTION_ARG_STRING, &options.body_size,
      N_("Body and heading size in points"), N_("PT") },
    { "page-number-format", 0, 0, G_OPTION_ARG_STRING, &options.page_number_format,
      N_("Page number format; {n} is the number (default “— {n} —”)"), N_("FORMAT") },
    { "no-toc", 0, 0, G_OPTION_ARG_NONE, &options.no_toc,
      N_("Leave out the table of contents"), NULL },
    { "no-front-page", 0, 0, G_OPTION_ARG_NONE, &options.no_front_page,
      N_("Leave out the masthead (报头)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (import ? _("import [--split] -o PROJECT FILE…")
                                  : export ? _("export --format pdf|odt|docbook -o OUT PROJECT|FILE…")
                                  : _("show [--json] [--split] PROJECT|FILE…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (options.files == NULL || options.files[0] == NULL)
    return usage_error (context, _("no input file given"));
  if ((import || export) && options.output == NULL)
    return usage_error (context, _("-o FILE is required"));
  if (export && !hui_export_format_from_string (options.format, &options.export_format))
    return usage_error (context, _("--format must be pdf, odt or docbook"));
  /* Bad page-setup options are usage errors, caught before any input is
   * read; the setup itself is built on each bulletin's own. */
  setup = page_setup_from_options (&options, NULL, &error);
  if (setup == NULL)
    return usage_error (context, error->message);

  if ((import || export) && output_is_an_input (&options))
    return EXIT_USAGE;
  if (import)
    return run_import (&options);

  return export ? run_export (&options) : run_show (&options);
}

int
main (int    argc,
      char **argv)
{
  hui_i18n_init ();

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      g_printerr ("%s", _("Usage:\n"
                          "  huibian-cli import [--split] -o PROJECT FILE…\n"
                          "  huibian-cli show [--json] [--split] PROJECT|FILE…\n"
                          "  huibian-cli export --format pdf|odt|docbook [--split] -o OUT PROJECT|FILE…\n"
                          "Page setup (import, show, export): --preset NAME --lines-per-page N --chars-per-line N\n"
                          "  --body-size PT --no-toc --no-front-page\n"));
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("huibian-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (strcmp (argv[1], "import") != 0 && strcmp (argv[1], "show") != 0 &&
      strcmp (argv[1], "export") != 0)
    {
      g_printerr (_("huibian-cli: unknown command “%s”\n"), argv[1]);
      return EXIT_USAGE;
    }

  return run_command (argv[1], argc - 1, argv + 1);
}

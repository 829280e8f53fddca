/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-report-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hui-report-row.h"

/* One report in the list: its title, its organisation and the pages it
 * takes in the bulletin as it will print. */
struct _HuiReportRow
{
  GtkWidget      parent_instance;

  HuiReport     *report;
  GBindingGroup *bindings;

  GtkLabel      *title_label;
  GtkLabel      *organization_label;
  GtkLabel      *pages_label;
};

G_DEFINE_FINAL_TYPE (HuiReportRow, hui_report_row, GTK_TYPE_WIDGET)

static void
hui_report_row_dispose (GObject *object)
{
  HuiReportRow *self = (HuiReportRow *)object;
  GtkWidget *child;

  g_clear_object (&self->bindings);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUI_TYPE_REPORT_ROW);
  /* The template's unnamed box is this widget's own child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (hui_report_row_parent_class)->dispose (object);
}

static void
hui_report_row_class_init (HuiReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hui_report_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/huibian/Huibian/ui/hui-report-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HuiReportRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HuiReportRow, organization_label);
  gtk_widget_class_bind_template_child (widget_class, HuiReportRow, pages_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The title shown is both parts, as the table of contents prints it. */
static gboolean
full_title_cb (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  HuiReport *report = HUI_REPORT (g_binding_dup_source (binding));

  g_value_take_string (to, hui_report_dup_full_title (report));
  g_object_unref (report);
  return TRUE;
}

static void
hui_report_row_init (HuiReportRow *self)
{
  g_autoptr(PangoAttrList) chinese = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Simplified Chinese glyphs, whatever language the interface is in. */
  pango_attr_list_insert (chinese, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  pango_attr_list_insert (chinese, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (self->title_label, chinese);
  pango_attr_list_change (chinese, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (self->organization_label, chinese);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "title", self->title_label, "label",
                             G_BINDING_SYNC_CREATE, full_title_cb, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "subtitle", self->title_label, "label",
                             G_BINDING_SYNC_CREATE, full_title_cb, NULL, NULL, NULL);
  g_binding_group_bind (self->bindings, "organization", self->organization_label, "label",
                        G_BINDING_SYNC_CREATE);
}

HuiReportRow *
hui_report_row_new (void)
{
  return g_object_new (HUI_TYPE_REPORT_ROW, NULL);
}

void
hui_report_row_set_report (HuiReportRow *self,
                           HuiReport    *report)
{
  g_return_if_fail (HUI_IS_REPORT_ROW (self));

  if (g_set_object (&self->report, report))
    g_binding_group_set_source (self->bindings, report);
}

/* "p. 7" or "pp. 7–9"; nothing until the bulletin has been paginated. */
void
hui_report_row_set_pages (HuiReportRow *self,
                          guint         first,
                          guint         count)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HUI_IS_REPORT_ROW (self));

  if (first == 0)
    text = g_strdup ("");
  else if (count <= 1)
    text = g_strdup_printf (_("p. %u"), first);
  else
    text = g_strdup_printf (_("pp. %u–%u"), first, first + count - 1);

  gtk_label_set_label (self->pages_label, text);
}

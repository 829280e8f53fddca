/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hui-page-preview"

#include "config.h"

#include "export/hui-pdf-exporter.h"
#include "hui-page-preview.h"

/* The pages as they will print: the table of contents and the numbered
 * pages, drawn by the same code as the PDF from the paginator's pages, one
 * under the other, scaled to the preview's width. Only the pages in view
 * are drawn, so a 1,400-page bulletin scrolls as easily as a short one.
 * Clicking a page activates it (the window selects its report). */
struct _HuiPagePreview
{
  GtkWidget      parent_instance;

  HuiPagination *pagination;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define GAP 12.0

G_DEFINE_FINAL_TYPE_WITH_CODE (HuiPagePreview, hui_page_preview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
n_pages (HuiPagePreview *self)
{
  return self->pagination ? self->pagination->toc_pages->len + self->pagination->pages->len : 0;
}

static const HuiPage *
nth_page (HuiPagePreview *self,
          guint           i)
{
  GPtrArray *toc = self->pagination->toc_pages;

  return i < toc->len ? toc->pdata[i] : self->pagination->pages->pdata[i - toc->len];
}

static double
page_width_pt (HuiPagePreview *self)
{
  return self->pagination ? HUI_MM_TO_PT (self->pagination->setup->paper_width) : 595;
}

static double
page_height_pt (HuiPagePreview *self)
{
  return self->pagination ? HUI_MM_TO_PT (self->pagination->setup->paper_height) : 842;
}

static double
scale_of (HuiPagePreview *self)
{
  return MAX (0.05, (gtk_widget_get_width (GTK_WIDGET (self)) - 2 * GAP) / page_width_pt (self));
}

static double
stride (HuiPagePreview *self)
{
  return page_height_pt (self) * scale_of (self) + GAP;
}

static void
update_adjustments (HuiPagePreview *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double total = n_pages (self) * stride (self) + GAP;
  double value;

  if (self->vadjustment == NULL)
    return;

  value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, total - height));
  gtk_adjustment_configure (self->vadjustment, value, 0, MAX (total, height),
                            stride (self) / 4, height * 0.9, height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                              1, 1, gtk_widget_get_width (GTK_WIDGET (self)));
}

static void
draw_page (HuiPagePreview *self,
           cairo_t        *cr,
           guint           i,
           double          y)
{
  double scale = scale_of (self);

  cairo_save (cr);
  cairo_translate (cr, GAP, y);
  cairo_rectangle (cr, 0, 0, page_width_pt (self) * scale, page_height_pt (self) * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_scale (cr, scale, scale);
  hui_pdf_exporter_render_page (cr, self->pagination, nth_page (self, i));
  cairo_restore (cr);
}

static void
hui_page_preview_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HuiPagePreview *self = HUI_PAGE_PREVIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double offset = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  guint first, last;
  cairo_t *cr;

  if (n_pages (self) == 0)
    return;

  first = (guint)MAX (0, (offset - GAP) / stride (self));
  last = MIN (n_pages (self), (guint)((offset + height) / stride (self)) + 1);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = first; i < last; i++)
    draw_page (self, cr, i, GAP + i * stride (self) - offset);
  cairo_destroy (cr);
}

static void
hui_page_preview_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  update_adjustments (HUI_PAGE_PREVIEW (widget));
}

static void
value_changed_cb (HuiPagePreview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (HuiPagePreview  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, value_changed_cb, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  update_adjustments (self);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HuiPagePreview  *self)
{
  double offset = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  guint i = (guint)MAX (0, (y + offset - GAP / 2) / stride (self));
  const HuiPage *page;

  if (i >= n_pages (self))
    return;
  page = nth_page (self, i);
  if (page->report >= 0)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, (guint)page->report);
}

static void
hui_page_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HuiPagePreview *self = HUI_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_page_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HuiPagePreview *self = HUI_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hui_page_preview_dispose (GObject *object)
{
  HuiPagePreview *self = (HuiPagePreview *)object;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, value_changed_cb, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->pagination, hui_pagination_free);

  G_OBJECT_CLASS (hui_page_preview_parent_class)->dispose (object);
}

static void
hui_page_preview_class_init (HuiPagePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hui_page_preview_dispose;
  object_class->get_property = hui_page_preview_get_property;
  object_class->set_property = hui_page_preview_set_property;
  widget_class->snapshot = hui_page_preview_snapshot;
  widget_class->size_allocate = hui_page_preview_size_allocate;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* A page of a report was clicked; the argument is the report's index. */
  signals[PAGE_ACTIVATED] = g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hui_page_preview_init (HuiPagePreview *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Takes ownership of @pagination. */
void
hui_page_preview_set_pagination (HuiPagePreview *self,
                                 HuiPagination  *pagination)
{
  g_return_if_fail (HUI_IS_PAGE_PREVIEW (self));

  g_clear_pointer (&self->pagination, hui_pagination_free);
  self->pagination = pagination;
  update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
hui_page_preview_get_n_pages (HuiPagePreview *self)
{
  g_return_val_if_fail (HUI_IS_PAGE_PREVIEW (self), 0);

  return n_pages (self);
}

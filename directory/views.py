"""Admin report: directory services whose "review by" date has passed."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from .models import Service


class ServicesToReviewView(ReportView):
    """Outdated entries: a review date in the past, or none at all.

    Only the default-language versions are listed: they hold the numbers and
    hours (see `Service.canonical`).
    """

    model = Service
    page_title = _("Services to review")
    header_icon = "calendar-alt"
    index_url_name = "directory_review_due"
    index_results_url_name = "directory_review_due_results"
    any_permission_required = ["change"]
    list_export = ["name", "organisation", "review_by", "status_string"]
    export_headings = {
        "name": _("Service"),
        "organisation": _("Organisation"),
        "review_by": _("Review by"),
        "status_string": _("Status"),
    }
    columns = [
        TitleColumn(
            "name",
            label=_("Service"),
            url_name="wagtailsnippets_directory_service:edit",
        ),
        Column("organisation", label=_("Organisation")),
        DateColumn("review_by", label=_("Review by")),
        Column("status_string", label=_("Status")),
    ]

    def get_queryset(self):
        overdue = Service.objects.filter(review_by__lt=timezone.localdate())
        missing = Service.objects.filter(review_by__isnull=True)
        return (
            (overdue | missing)
            .filter(locale=Locale.get_default())
            .select_related("organisation")
            .order_by("review_by", "name")
        )

"""Admin report: paths whose "review by" date has passed."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView

from .models import PathPage


class PathsToReviewView(PageReportView):
    page_title = _("Paths to review")
    header_icon = "calendar-alt"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    index_url_name = "paths_review_due"
    index_results_url_name = "paths_review_due_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "locale", "last_reviewed", "review_by", "status_string"]
    export_headings = {
        "last_reviewed": _("Last reviewed"),
        "review_by": _("Review by"),
        "status_string": _("Status"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Path"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("locale", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("review_by", label=_("Review by")),
        Column("status_string", label=_("Status")),
    ]

    def get_queryset(self):
        return (
            PathPage.objects.filter(review_by__lt=timezone.localdate())
            .select_related("locale")
            .order_by("review_by", "title")
        )

"""Admin report: paths (and their steps) due for a content review.

A path is listed when its "review by" date has passed or when it has none (it
was never given one: never reviewed on schedule). Its steps are listed right
after it, since a path's review covers its steps (steps have no dates of
their own).
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .models import PathPage, PathStepPage


def _due_reason(path, today):
    if path.review_by is None:
        if path.last_reviewed is None:
            return _("Never reviewed: no review date")
        return _("No review date")
    if path.review_by < today:
        return _("Review date passed")
    return None


def review_reason(page):
    """Why the page is in the report (a step: its path's reason)."""
    today = timezone.localdate()
    if isinstance(page, PathStepPage):
        parent = page.get_parent().specific
        reason = _due_reason(parent, today) if isinstance(parent, PathPage) else None
        return _("Step of a path to review: %(reason)s") % {"reason": reason}
    return _due_reason(page, today)


def _path_of(page):
    if isinstance(page, PathStepPage):
        return page.get_parent().get_admin_display_title()
    return ""


class PathsToReviewView(PageReportView):
    page_title = _("Paths to review")
    header_icon = "calendar-alt"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    index_url_name = "paths_admin:review_due"
    index_results_url_name = "paths_admin:review_due_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "title",
        "path_of",
        "locale",
        "last_reviewed",
        "review_by",
        "reason",
        "status_string",
    ]
    export_headings = {
        "path_of": _("Path"),
        "reason": _("Why it is listed"),
        "last_reviewed": _("Last reviewed"),
        "review_by": _("Review by"),
        "status_string": _("Status"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Path or step"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("path_of", label=_("Path"), accessor=_path_of),
        Column("locale", label=_("Language")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("review_by", label=_("Review by")),
        Column("reason", label=_("Why it is listed"), accessor=review_reason),
        Column("status_string", label=_("Status")),
    ]

    def to_row_dict(self, item):
        # Steps have no dates of their own; the computed columns are functions.
        computed = {"path_of": _path_of, "reason": review_reason}
        return {
            field: (
                computed[field](item)
                if field in computed
                else getattr(item, field, None)
            )
            for field in self.list_export
        }

    def get_queryset(self):
        today = timezone.localdate()
        due = PathPage.objects.filter(
            Q(review_by__lt=today) | Q(review_by__isnull=True)
        ).values_list("path", flat=True)
        steps = Q()
        for tree_path in due:
            steps |= Q(path__startswith=tree_path, depth=len(tree_path) // 4 + 1)
        pages = Q(pk__in=PathPage.objects.filter(path__in=due).values("pk"))
        if steps:
            pages |= Q(steps, content_type__model="pathsteppage")
        return (
            Page.objects.filter(pages)
            .select_related("locale")
            .order_by("path")
            .specific()
        )

"""Directory views: the admin's review report, the municipality question."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from . import local
from .models import Municipality, Service


class ServicesToReviewView(ReportView):
    """Outdated entries: a review date in the past, or none at all.

    Only the default-language versions are listed: they hold the numbers and
    hours (see `Service.canonical`).
    """

    model = Service
    page_title = _("Services to review")
    header_icon = "calendar-alt"
    index_url_name = "directory_admin:review_due"
    index_results_url_name = "directory_admin:review_due_results"
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


def choose_municipality(request):
    """Where do you live? Asked once, never required; kept on this device.

    GET shows the question (for a page with no form of its own, e.g. a
    self-check result); POST keeps the answer and goes back where the person
    was. "Not now" keeps an empty answer so that we do not ask again.
    """

    language = get_language() or "fi"
    places = [(m.code, m.localized_name(language)) for m in Municipality.objects.all()]
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if request.method == "POST":
        code = request.POST.get("municipality", "")
        if request.POST.get("skip"):
            code = ""
        elif code not in dict(places):
            return render(
                request,
                "400.html",
                {"message": gettext_now("Choose a municipality from the list.")},
                status=400,
            )
        response = HttpResponseRedirect(next_url or f"/{language}/")
        local.remember(request, response, code)
        return response
    return render(
        request,
        "directory/choose_municipality.html",
        {
            "places": places,
            "chosen": local.chosen_municipality(request),
            "next": next_url,
        },
    )

"""The managers' dashboard in the Wagtail admin, and its CSV/XLSX exports.

Managers (`referrals.view_all_aggregates`) see every table; referring staff
see the rows of their own organisation's services. Nothing here reads a
personal row: only `evidence.Count`, through `evidence.report`.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Min
from django.http import Http404
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from referrals.models import ReferralLink
from referrals.staff import published_paths, staff_services

from .models import AggregationRun, Count
from .months import add_months, last_whole_month, months_between
from .report import AtLeast, Report

# How far back the month selects reach when there are no older counts.
MONTHS_OFFERED = 36


def month_choices(last):
    """Whole months, newest first, from the oldest month with counts (at
    least three years, at most ten back) to the last whole month."""
    oldest = Count.objects.aggregate(oldest=Min("month"))["oldest"]
    first = add_months(last, 1 - MONTHS_OFFERED)
    if oldest is not None:
        first = max(min(first, oldest.replace(day=1)), add_months(last, -119))
    return [
        (month.strftime("%Y-%m"), formats.date_format(month, "YEAR_MONTH_FORMAT"))
        for month in reversed(months_between(first, last))
    ]


class Columns(models.TextChoices):
    """How the dashboard's tables split the period."""

    MONTH = "month", gettext_lazy("months")
    QUARTER = "quarter", gettext_lazy("quarters")


class PeriodForm(forms.Form):
    path = forms.ChoiceField(label=gettext_lazy("Path"))
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        initial="fi",
    )
    # Selects of whole months, labelled by the server in the active language
    # ("kesäkuu 2026"), not the browser's own month picker; the values stay
    # YYYY-MM so that a hand-written address still works (and a garbled one
    # gets the translated message, not "select a valid choice").
    start = forms.CharField(label=gettext_lazy("First month"), widget=forms.Select)
    end = forms.CharField(label=gettext_lazy("Last month"), widget=forms.Select)
    by = forms.ChoiceField(
        label=gettext_lazy("Columns"),
        choices=Columns.choices,
        initial=Columns.MONTH,
    )

    def __init__(self, data, paths):
        last = last_whole_month()
        defaults = {
            "path": str(paths[0].path_key) if paths else "",
            "language": "fi",
            "start": add_months(last, -5).strftime("%Y-%m"),
            "end": last.strftime("%Y-%m"),
            "by": "month",
        }
        merged = {**defaults, **{k: v for k, v in data.items() if k in defaults and v}}
        super().__init__(merged)
        self.fields["path"].choices = [(str(p.path_key), p.title) for p in paths]
        choices = month_choices(last)
        self.fields["start"].widget.choices = choices
        self.fields["end"].widget.choices = choices

    @staticmethod
    def _month(value):
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                _("Give a month as YYYY-MM."), code="invalid"
            ) from None

    def clean_start(self):
        return self._month(self.cleaned_data["start"])

    def clean_end(self):
        end = self._month(self.cleaned_data["end"])
        if end > last_whole_month():
            raise forms.ValidationError(
                _("Only whole months can be shown: the last one is %(month)s.")
                % {"month": last_whole_month().strftime("%Y-%m")}
            )
        return end

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("The first month is after the last."))
            if add_months(start, 36) <= end:
                raise forms.ValidationError(_("Choose at most 36 months."))
        return data


def _scope(request):
    """(sees everything, the service ids and link ids a staff member sees)."""
    user = request.user
    if user.has_perm("referrals.view_all_aggregates"):
        return True, None, None
    if not user.has_perm("referrals.add_referrallink"):
        raise PermissionDenied
    services = set(staff_services(user).values_list("pk", flat=True))
    links = set(
        ReferralLink.objects.filter(created_by=user).values_list("pk", flat=True)
    )
    return False, services, links


def build(request):
    """The form, and the report when the form is valid."""
    sees_all, services, links = _scope(request)
    paths = list(published_paths())
    form = PeriodForm(request.GET, paths)
    if not paths or not form.is_valid():
        return form, None, sees_all, services, links
    data = form.cleaned_data
    page = next(p for p in paths if str(p.path_key) == data["path"])
    report = Report(
        page.path_key,
        data["language"],
        data["start"],
        data["end"],
        by=data["by"],
        steps=page.get_steps(),
    )
    report.page = page
    return form, report, sees_all, services, links


def dashboard(request):
    form, report, sees_all, services, links = build(request)
    context = {"form": form, "report": report, "sees_all": sees_all}
    if report is not None:
        context["service_rows"] = report.by_service(None if sees_all else services)
        if sees_all:
            funnel = report.funnel()
            context.update(
                funnel=funnel,
                chart=_funnel_chart(report, funnel),
                age_rows=report.by_age(),
                nps=report.nps()[0],
                nps_n=report.nps()[1],
                helpful_rows=report.helpful(),
                reminders=report.reminders(),
                service_chart=_bar_chart(
                    [(row["label"], row["started"]) for row in context["service_rows"]]
                ),
            )
        else:
            context["link_rows"] = report.by_link(links)
    context["last_run"] = AggregationRun.objects.order_by("-finished_at").first()
    context["query"] = request.GET.urlencode()
    status = 400 if form.errors else 200
    return render(request, "evidence/dashboard.html", context, status=status)


BAR_WIDTH = 480


def _bar_chart(items):
    """Horizontal bars, server-rendered; hidden numbers get no bar at all."""
    largest = max([n for _label, n in items if n] or [1])
    bars = []
    for index, (label, n) in enumerate(items):
        bars.append(
            {
                "label": label,
                "n": n,
                "y": index * 36,
                "width": 0 if not n else max(2, round(BAR_WIDTH * n / largest)),
            }
        )
    # 220 for the labels on the left, 70 for the longest bar's number.
    return {"bars": bars, "height": len(items) * 36 + 4, "width": BAR_WIDTH + 290}


def _funnel_chart(report, funnel):
    items = [
        (row["label"], row["cells"][-1])
        for row in funnel
        if row["kind"] in ("started", "completed", "completed_path")
    ]
    return _bar_chart(items)


HIDDEN = gettext_lazy("fewer than 5")


class ExportView(SpreadsheetExportMixin, View):
    """Every dashboard table as CSV or XLSX, hidden cells as in the page."""

    tables = ("funnel", "age", "services", "helpful", "links")

    def get(self, request, table):
        if table not in self.tables or not self.is_export:
            raise Http404
        form, report, sees_all, services, links = build(request)
        if report is None:
            return render(
                request, "evidence/dashboard.html", {"form": form}, status=400
            )
        if not sees_all and table not in ("services", "links"):
            raise PermissionDenied
        rows, columns = self._table(table, report, sees_all, services, links)
        self.list_export = [key for key, _label in columns]
        self.export_headings = dict(columns)
        self.export_filename = (
            f"polku-{table}-{report.months[0]:%Y-%m}-{report.months[-1]:%Y-%m}"
        )
        return self.as_spreadsheet(rows, request.GET.get("export"))

    def to_row_dict(self, item):
        def cell(value):
            if value is None:
                return str(HIDDEN)
            return str(value) if isinstance(value, AtLeast) else value

        return {key: cell(item.get(key)) for key in self.list_export}

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def _table(self, table, report, sees_all, services, links):
        bucket_columns = [
            (f"b{i}", label) for i, (label, _m) in enumerate(report.buckets)
        ]
        if table == "funnel":
            rows = []
            for row in report.funnel():
                item = {"label": row["label"]}
                for i, value in enumerate(row["cells"][:-1]):
                    item[f"b{i}"] = value
                item["total"] = row["cells"][-1]
                rows.append(item)
            return rows, [
                ("label", _("Stage")),
                *bucket_columns,
                ("total", _("Period")),
            ]
        if table == "age":
            return report.by_age(), [
                ("label", _("Age band")),
                ("started", _("Started")),
                ("completed", _("Completed")),
                ("answers", _("Answers")),
                ("nps", _("NPS")),
            ]
        if table == "helpful":
            return report.helpful(), [
                ("label", _("Step")),
                ("answers", _("Answers")),
                ("yes", _("Helpful")),
                ("no", _("Not helpful")),
                ("share", _("Helpful %")),
            ]
        if table == "links":
            rows = [
                {**row, "code": row["link"].code, "service": str(row["link"].service)}
                for row in report.by_link(
                    links if not sees_all else {link.pk for link in report.links}
                )
            ]
            return rows, [
                ("code", _("Link")),
                ("service", _("Service")),
                ("opened", _("Opened")),
                ("started", _("Started")),
                ("completed", _("Completed")),
            ]
        return report.by_service(None if sees_all else services), [
            ("label", _("Referring service")),
            ("opened", _("Opened")),
            ("started", _("Started")),
            ("completed", _("Completed")),
        ]

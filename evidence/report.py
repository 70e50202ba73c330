"""The dashboard's tables, built from `Count` and passed through disclosure.

Every table is a list of rows whose cells are either a number that may be
shown or `None` (shown as "fewer than 5"). The cell system of one month is the
same whoever looks and whatever period they chose (docs/evidence.md); staff
get the rows of their own organisation's services cut out of it afterwards.
"""

from collections import defaultdict

from django.utils import formats
from django.utils.translation import gettext as _

from referrals.models import ReferralLink

from .cells import (
    AGE_BANDS,
    ENROLMENT_METRICS,
    FEEDBACK_METRICS,
    HELPFUL_N,
    NONE,
    NPS_N,
    month_system,
)
from .models import Count, Metric
from .months import add_months, last_whole_month, months_between, quarter_start


class AtLeast(int):
    """A period total of the shown months only: "at least" this many."""

    def __str__(self):
        return f"≥ {int(self)}"


class Report:
    """Published numbers of one path and language over whole months."""

    def __init__(self, path_key, language, first, last, by="month", steps=()):
        self.path_key, self.language, self.by = path_key, language, by
        self.steps = list(steps)
        step_keys = [step.step_key for step in self.steps]
        last = min(last, last_whole_month())
        if by == "quarter":
            first = first.replace(month=(first.month - 1) // 3 * 3 + 1)
        self.months = months_between(first, last)
        links = list(
            ReferralLink.objects.filter(path_key=path_key, language=language)
            .select_related("service", "service__organisation")
            .order_by("pk")
        )
        self.links = links
        rows = defaultdict(list)
        for row in Count.objects.filter(
            path_key=path_key,
            language__in=[language, ""],
            month__gte=self.months[0] if self.months else first,
            month__lte=last,
        ):
            if row.language == "" and row.metric in ENROLMENT_METRICS:
                continue
            if row.metric in FEEDBACK_METRICS:
                # Feedback is sparse: its cells are whole calendar quarters,
                # kept on the quarter's first month, and only quarters wholly
                # inside the period take part (docs/evidence.md).
                quarter = quarter_start(row.month)
                if quarter < self.months[0] or add_months(quarter, 2) > last:
                    continue
                row.month = quarter
            rows[row.month].append(row)
        self.cells = {}
        for month in self.months:
            month_end = add_months(month, 1)
            existing = [link for link in links if link.created_at.date() < month_end]
            holds_quarter = (
                month == quarter_start(month) and add_months(month, 2) <= last
            )
            self.cells[month] = month_system(
                month, rows[month], existing, step_keys, holds_quarter
            )
        self.buckets = self._buckets()

    def _buckets(self):
        if self.by != "quarter":
            return [
                (formats.date_format(m, "YEAR_MONTH_FORMAT"), [m]) for m in self.months
            ]
        buckets = {}
        for month in self.months:
            quarter = (month.month - 1) // 3 + 1
            label = _("Q%(quarter)s %(year)s") % {
                "quarter": quarter,
                "year": month.year,
            }
            buckets.setdefault(label, []).append(month)
        return list(buckets.items())

    def value(self, key, months):
        """A published number over `months`, or None when hidden or when
        `key` is not a cell in every one of them (a link that did not exist
        yet; feedback outside the month that carries its quarter)."""
        if not months or not all(self._shown(key, m) for m in months):
            return None
        return sum(self.cells[month].values.get(key, 0) for month in months)

    def _cell_months(self, key, months):
        return [m for m in months if key in self.cells[m].values]

    def _shown(self, key, month):
        cells = self.cells[month]
        return key in cells.values and key not in cells.hidden

    def total(self, key):
        """The period's number: exact when every month where `key` is a cell
        is shown, else the sum of the shown months as "at least" (a sum of
        shown numbers tells nothing new); None when no month is shown."""
        cell_months = self._cell_months(key, self.months)
        shown = [m for m in cell_months if self._shown(key, m)]
        n = sum(self.cells[m].values.get(key, 0) for m in shown)
        if shown and len(shown) == len(cell_months):
            return n
        return AtLeast(n) if n else None

    def joint(self, keys):
        """Sums of `keys` over the months where all of them are shown (for
        shares and scores), with the number of such months; None if none."""
        months = [m for m in self.months if all(self._shown(k, m) for k in keys)]
        if not months:
            return None
        return [sum(self.cells[m].values.get(k, 0) for m in months) for k in keys]

    def series(self, key):
        """One number per bucket, then the whole period."""
        return [self.value(key, months) for _label, months in self.buckets] + [
            self.total(key)
        ]

    # --- tables -------------------------------------------------------------

    def funnel(self):
        """Started, then per step reached / completed / drop-off, completed."""
        rows = [
            {
                "label": _("Started the path"),
                "kind": "started",
                "cells": self.series((Metric.STARTED, None, "all", None)),
            }
        ]
        reached = rows[0]["cells"]
        for number, step in enumerate(self.steps, start=1):
            completed = self.series((Metric.STEP_COMPLETED, step.step_key, "all", None))
            rows.append(
                {
                    "label": _("Step %(number)s reached: %(title)s")
                    % {"number": number, "title": step.title},
                    "kind": "reached",
                    "cells": reached,
                }
            )
            rows.append(
                {
                    "label": _("Step %(number)s completed") % {"number": number},
                    "kind": "completed",
                    "cells": completed,
                }
            )
            rows.append(
                {
                    "label": _(
                        "Step %(number)s drop-off (share of those who reached it)"
                    )
                    % {"number": number},
                    "kind": "dropoff",
                    # A share, not a count: arithmetic on two shown numbers.
                    "cells": [
                        None
                        if a is None or b is None or not a
                        else f"{round(100 * (a - b) / a)} %"
                        for a, b in zip(reached, completed, strict=True)
                    ],
                }
            )
            reached = completed
        rows.append(
            {
                "label": _("Completed the path"),
                "kind": "completed_path",
                "cells": self.series((Metric.COMPLETED, None, "all", None)),
            }
        )
        return rows

    def by_age(self):
        rows = []
        for band in AGE_BANDS:
            label = band.replace("-", "–")
            rows.append(
                {
                    "label": label,
                    "started": self.total((Metric.STARTED, None, "age", band)),
                    "completed": self.total((Metric.COMPLETED, None, "age", band)),
                    "answers": self.nps(("age", band))[1],
                    "nps": self.nps(("age", band))[0],
                }
            )
        return rows

    def by_service(self, services=None):
        """Rows per referring service (and no referral); staff pass their own."""
        seen = {}
        for link in self.links:
            seen.setdefault(link.service_id, link.service)
        rows = []
        for service_id, service in seen.items():
            if services is not None and service_id not in services:
                continue
            rows.append(
                self._service_row(service_id, f"{service.organisation} – {service}")
            )
        if services is None:
            rows.append(self._service_row(NONE, _("No referral link")))
        return rows

    def _service_row(self, service_id, label):
        def total(metric):
            return self.total((metric, None, "svc", service_id))

        return {
            "label": label,
            "opened": "–" if service_id == NONE else total(Metric.OPENED),
            "started": total(Metric.STARTED),
            "completed": total(Metric.COMPLETED),
            "no_link": service_id == NONE,
        }

    def by_link(self, link_ids):
        rows = []
        for link in self.links:
            if link.pk not in link_ids:
                continue

            def total(metric, pk=link.pk):
                return self.total((metric, None, "link", pk))

            rows.append(
                {
                    "link": link,
                    "opened": total(Metric.OPENED),
                    "started": total(Metric.STARTED),
                    "completed": total(Metric.COMPLETED),
                }
            )
        return rows

    def nps(self, scope=("all", None)):
        """(NPS, n) over the months where n, promoters and detractors are all
        shown, or (None, None)."""
        sums = self.joint(
            [(key, None, *scope) for key in (NPS_N, Metric.PROMOTER, Metric.DETRACTOR)]
        )
        if not sums or not sums[0]:
            return None, None
        n, promoters, detractors = sums
        return round(100 * (promoters - detractors) / n), n

    def helpful(self):
        rows = []
        for number, step in enumerate(self.steps, start=1):
            keys = [
                (metric, step.step_key, "all", None)
                for metric in (HELPFUL_N, Metric.HELPFUL_YES, Metric.HELPFUL_NO)
            ]
            sums = self.joint(keys) or [None, None, None]
            n, yes, no = sums
            rows.append(
                {
                    "label": _("Step %(number)s: %(title)s")
                    % {"number": number, "title": step.title},
                    "answers": n or None,
                    "yes": yes if n else None,
                    "no": no if n else None,
                    "share": f"{round(100 * yes / n)} %" if n else None,
                }
            )
        return rows

    def _rate(self, numerator, denominator):
        sums = self.joint(
            [(numerator, None, "all", None), (denominator, None, "all", None)]
        )
        if not sums or not sums[1]:
            return None, None, None
        return sums[0], sums[1], f"{round(100 * sums[0] / sums[1])} %"

    def reminders(self):
        opted, started, opt_in_rate = self._rate(Metric.REMINDER_OPT_IN, Metric.STARTED)
        returned, reminded, return_rate = self._rate(Metric.RETURNED, Metric.REMINDED)
        return {
            "started": started,
            "opted_in": opted,
            "opt_in_rate": opt_in_rate,
            "reminded": reminded,
            "returned": returned,
            "return_rate": return_rate,
        }


def link_numbers(links, months=12):
    """Opened, started and completed per link over the last whole months, as
    published (the same cells as the dashboard's, so nothing new is told)."""
    last = last_whole_month()
    first = add_months(last, 1 - months)
    groups = defaultdict(list)
    for link in links:
        groups[(link.path_key, link.language)].append(link)
    rows = {}
    for (path_key, language), group in groups.items():
        report = Report(path_key, language, first, last)
        for row in report.by_link({link.pk for link in group}):
            rows[row["link"].pk] = row
    return [rows[link.pk] for link in links if link.pk in rows]

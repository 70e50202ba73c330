"""The cell system of one month: every number the dashboard could show for one
path, language and month, the relations between them (a total and its parts)
and which cells disclosure hides (docs/evidence.md)."""

from collections import defaultdict
from dataclasses import dataclass, field

from .disclosure import suppress
from .models import Metric

AGE_BANDS = ["13-15", "16-17"]
NONE = "none"
ENROLMENT_METRICS = {
    Metric.STARTED,
    Metric.STEP_COMPLETED,
    Metric.COMPLETED,
    Metric.REMINDER_OPT_IN,
    Metric.REMINDED,
    Metric.RETURNED,
}
NPS_METRICS = [Metric.PROMOTER, Metric.PASSIVE, Metric.DETRACTOR]
HELPFUL_METRICS = [Metric.HELPFUL_YES, Metric.HELPFUL_NO]
FEEDBACK_METRICS = {*NPS_METRICS, *HELPFUL_METRICS}
# Synthetic totals that exist only as cells: answers to a question.
NPS_N = "nps_n"
HELPFUL_N = "helpful_n"


@dataclass
class MonthCells:
    """The cells of one path, language and month, and which are hidden."""

    values: dict = field(default_factory=lambda: defaultdict(int))
    relations: list = field(default_factory=list)
    hidden: set = field(default_factory=set)


def month_system(month, rows, links, step_keys, holds_quarter=False):
    """Cells and relations of one month; `links` are those existing by then.

    Feedback cells exist only in a month that `holds_quarter`: the first
    month of a calendar quarter lying wholly inside the period, which carries
    that quarter's feedback. Elsewhere there is no feedback cell at all (not
    a hidden zero), so a period that holds no quarter publishes nothing an
    attacker could set against a quarter shown in another period.
    """
    cells = MonthCells()
    values = cells.values
    for row in rows:
        metric, step = row.metric, row.step_key
        values[(metric, step, "all", None)] += row.n
        if row.age_band in AGE_BANDS and metric != Metric.OPENED:
            values[(metric, step, "age", row.age_band)] += row.n
        if metric in ENROLMENT_METRICS or metric == Metric.OPENED:
            values[(metric, step, "svc", row.service_id or NONE)] += row.n
        if row.link_id:
            values[(metric, step, "link", row.link_id)] += row.n
        if metric in NPS_METRICS:
            values[(NPS_N, None, "all", None)] += row.n
            if row.age_band in AGE_BANDS:
                values[(NPS_N, None, "age", row.age_band)] += row.n
        if metric in HELPFUL_METRICS:
            values[(HELPFUL_N, step, "all", None)] += row.n

    services = defaultdict(list)
    for link in links:
        services[link.service_id].append(link.pk)
    relations = cells.relations
    enrolment = [
        (Metric.STARTED, None),
        (Metric.COMPLETED, None),
        (Metric.REMINDER_OPT_IN, None),
        (Metric.REMINDED, None),
        (Metric.RETURNED, None),
        *((Metric.STEP_COMPLETED, step) for step in step_keys),
    ]
    for metric, step in [*enrolment, (Metric.OPENED, None)]:
        total = (metric, step, "all", None)
        if metric != Metric.OPENED:
            relations.append(
                (total, [(metric, step, "age", band) for band in AGE_BANDS])
            )
        service_parts = [(metric, step, "svc", pk) for pk in services]
        if metric != Metric.OPENED:
            service_parts.append((metric, step, "svc", NONE))
        relations.append((total, service_parts))
        for service_id, link_ids in services.items():
            relations.append(
                (
                    (metric, step, "svc", service_id),
                    [(metric, step, "link", pk) for pk in link_ids],
                )
            )
    if holds_quarter:
        relations.extend(feedback_relations(step_keys))
    # Every cell of the relations exists, zero or not.
    for total, parts in relations:
        for key in (total, *parts):
            values[key] += 0
    cells.hidden = suppress(values, relations)
    return cells


def feedback_relations(step_keys):
    relations = []
    for scope in [("all", None), *(("age", band) for band in AGE_BANDS)]:
        relations.append(
            ((NPS_N, None, *scope), [(metric, None, *scope) for metric in NPS_METRICS])
        )
    for metric in [NPS_N, *NPS_METRICS]:
        relations.append(
            (
                (metric, None, "all", None),
                [(metric, None, "age", band) for band in AGE_BANDS],
            )
        )
    for step in step_keys:
        relations.append(
            (
                (HELPFUL_N, step, "all", None),
                [(metric, step, "all", None) for metric in HELPFUL_METRICS],
            )
        )
    return relations

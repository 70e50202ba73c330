"""Evidence for the county: nightly counts, the dashboard, and an attacker
who tries to work out the hidden small numbers."""

import datetime
import io
import itertools
import re
from fractions import Fraction
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management import call_command
from django.utils import formats, timezone, translation

from accounts.factories import UserFactory
from accounts.models import User
from evidence import aggregate
from evidence.cells import AGE_BANDS, NONE, NPS_N
from evidence.models import Count
from evidence.months import add_months, last_whole_month, months_between
from evidence.report import Report
from progress.factories import EnrolmentFactory, StepCompletionFactory
from progress.models import Feedback
from referrals.factories import ReferralLinkFactory
from referrals.models import ReferralLink, ReferralOpening, ReferredEnrolment

from .directory_helpers import demo_service
from .paths_helpers import a_path
from .staff import PASSWORD, make_staff, sign_in

HELSINKI = ZoneInfo("Europe/Helsinki")


class Span:
    """The linear span of 0/1 vectors, exactly (Gaussian elimination over the
    rationals; written out because numpy's float rank is not exact)."""

    def __init__(self):
        self.rows = {}  # pivot index -> row with 1 at the pivot

    def reduce(self, vector):
        vector = [Fraction(x) for x in vector]
        for pivot, row in self.rows.items():
            if vector[pivot]:
                factor = vector[pivot]
                vector = [x - factor * y for x, y in zip(vector, row, strict=True)]
        return vector

    def add(self, vector):
        vector = self.reduce(vector)
        pivot = next((i for i, x in enumerate(vector) if x), None)
        if pivot is None:
            return
        vector = [x / vector[pivot] for x in vector]
        for other, row in self.rows.items():
            if row[pivot]:
                factor = row[pivot]
                self.rows[other] = [
                    x - factor * y for x, y in zip(row, vector, strict=True)
                ]
        self.rows[pivot] = vector

    def contains(self, vector):
        return not any(self.reduce(vector))


@pytest.fixture(autouse=True)
def demo_data(db):
    """Demo content and groups in a rolled-back transaction."""
    call_command("load_demo", verbosity=0)


_people = itertools.count(1)


def enrol(path, month, age, link=None, completed=False, steps=0):
    """One young person of `age` who started `path` in `month` (via `link`)."""
    started = datetime.datetime.combine(
        month.replace(day=14), datetime.time(12), tzinfo=HELSINKI
    )
    user = UserFactory(
        username=f"evidence{next(_people)}",
        is_young_person=True,
        turns_18_on=started.date().replace(year=started.year + 18 - age),
    )
    enrolment = EnrolmentFactory(
        user=user,
        path=path,
        language="fi",
        started_at=started,
        completed_at=started + datetime.timedelta(days=3) if completed else None,
    )
    for step in path.get_steps()[:steps]:
        StepCompletionFactory(
            enrolment=enrolment, step_key=step.step_key, completed_at=started
        )
    if link is not None:
        ReferredEnrolment.objects.create(enrolment=enrolment, link=link)
    return enrolment


def link_for(path, service, staff_user, created):
    return ReferralLinkFactory(
        path=path,
        service=service,
        language="fi",
        created_by=staff_user,
        created_at=created,
    )


def months_ago(count):
    return add_months(last_whole_month(), -count)


def test_nightly_counts_come_from_what_is_recorded():
    """The counts table holds starts, step completions, completions, openings
    and feedback per month and age band, without any person in it."""
    path = a_path()
    nurse, _ = make_staff("th", "Referring staff")
    service = demo_service("kouluterveydenhuolto")
    link = link_for(path, service, nurse, timezone.now() - datetime.timedelta(days=400))
    month = months_ago(1)
    for _ in range(3):
        enrol(path, month, 15, link=link, completed=True, steps=2)
    enrol(path, month, 17)
    ReferralOpening.objects.create(link=link, month=month, n=4)
    Feedback.objects.create(
        path_key=path.path_key, recommend_score=10, age_band="13-15", day=month
    )
    assert aggregate.rebuild() > 0
    counts = {
        (c.metric, c.age_band, c.link_id, str(c.step_key) if c.step_key else None): c.n
        for c in Count.objects.filter(month=month)
    }
    step1 = str(path.get_steps()[0].step_key)
    assert counts[("started", "13-15", link.pk, None)] == 3
    assert counts[("started", "16-17", None, None)] == 1
    assert counts[("completed", "13-15", link.pk, None)] == 3
    assert counts[("step_completed", "13-15", link.pk, step1)] == 3
    assert counts[("opened", "", link.pk, None)] == 4
    assert counts[("promoter", "13-15", None, None)] == 1
    assert not any(f.name in ("user", "enrolment") for f in Count._meta.fields)


# --- the attacker -----------------------------------------------------------

METRICS = ["started", "completed", "opened", "promoter", "passive", "detractor"]
FEEDBACK = {"promoter", "passive", "detractor"}


def _atoms(months, links):
    """Every elementary count the attacker reasons about (true value unknown)."""
    atoms = []
    for month, metric in itertools.product(months, METRICS):
        if metric == "opened":
            atoms += [(month, metric, "", link.pk) for link in links]
        elif metric in FEEDBACK:
            atoms += [(month, metric, age, NONE) for age in AGE_BANDS]
        else:
            atoms += [
                (month, metric, age, src)
                for age in AGE_BANDS
                for src in [*(link.pk for link in links), NONE]
            ]
    return {atom: index for index, atom in enumerate(atoms)}


def _coverage(key, months, atoms, links):
    """Which atoms a published number adds up (what its label says)."""
    metric, _step, dim, value = key
    metrics = {"promoter", "passive", "detractor"} if metric == NPS_N else {metric}
    service_of = {link.pk: link.service_id for link in links}
    if metric in FEEDBACK or metric in (NPS_N,):
        # Feedback cells are whole quarters, kept on the quarter's first month.
        months = [
            add_months(m, k) for m in months if m.month % 3 == 1 for k in range(3)
        ]
    vector = [0] * len(atoms)
    for (month, m, age, src), index in atoms.items():
        if month not in months or m not in metrics:
            continue
        if dim == "age" and age != value:
            continue
        if dim == "svc" and (service_of.get(src, NONE) != value):
            continue
        if dim == "link" and src != value:
            continue
        vector[index] = 1
    return vector


def attack(path, first, last):
    """Everything any user can see for any period and granularity; returns the
    hidden numbers the attacker can still work out (should be none)."""
    links = list(ReferralLink.objects.filter(path_key=path.path_key).order_by("pk"))
    months = months_between(first, last)
    # Quarters may reach back before `first`: those months are atoms too.
    atoms = _atoms(months_between(add_months(first, -2), last), links)
    visible, values, hidden = [], [], []
    for start, end in itertools.combinations_with_replacement(months, 2):
        for by in ("month", "quarter"):
            report = Report(path.path_key, "fi", start, end, by=by)
            keys = set()
            for cells in report.cells.values():
                keys |= {k for k in cells.values if k[0] in [*METRICS, NPS_N]}
            spans = [m for _label, m in report.buckets] + [report.months]
            spans += [[m] for m in report.months]
            for key in keys:
                # Period totals of the shown months ("at least"): sums too.
                total = report.total(key)
                if total is not None:
                    shown = [m for m in report.months if report._shown(key, m)]
                    visible.append(_coverage(key, shown, atoms, links))
                    values.append(int(total))
            for key, span in itertools.product(keys, spans):
                published = report.value(key, span)
                vector = _coverage(key, span, atoms, links)
                if published is None:
                    # Only real cells: a quarter's feedback is not a cell of
                    # a period that does not hold the whole quarter.
                    if all(key in report.cells[m].values for m in span):
                        hidden.append((key, tuple(span), vector))
                else:
                    visible.append(vector)
                    values.append(published)
    # The attacker's model is right: every shown number is the sum it claims.
    truth = _true_values(atoms, path)
    known = Span()
    for vector, value in zip(visible, values, strict=True):
        assert sum(x * t for x, t in zip(vector, truth, strict=True)) == value
    for vector in {tuple(v) for v in visible}:
        known.add(vector)
    recovered = set()
    for key, span, vector in hidden:
        if any(vector) and known.contains(vector):
            total = sum(x * t for x, t in zip(vector, truth, strict=True))
            recovered.add((key, span, total))
    return sorted(recovered, key=str)


def _true_values(atoms, path):
    truth = [0] * len(atoms)
    for count in Count.objects.filter(path_key=path.path_key, step_key=None):
        src = count.link_id or NONE
        atom = (count.month, count.metric, count.age_band, src)
        if atom in atoms:
            truth[atoms[atom]] += count.n
    return truth


def test_attacker_cannot_work_out_a_hidden_count():
    """Link 1 at 5 starts and a service total of 6 no longer tells the nurse
    that the one pupil given link 2 started: no hidden number can be worked
    out from the shown ones, other breakdowns, quarters or other periods."""
    path = a_path()
    long_ago = timezone.now() - datetime.timedelta(days=800)
    nurse, _ = make_staff("nurse", "Referring staff")
    colleague, _ = make_staff("colleague", "Referring staff")
    youth_worker, _ = make_staff("youthworker", "Referring staff")
    school = demo_service("kouluterveydenhuolto")
    ohjaamo = demo_service("ohjaamo-kouvola")
    link1 = link_for(path, school, nurse, long_ago)
    link2 = link_for(path, school, colleague, long_ago)
    link3 = link_for(path, ohjaamo, youth_worker, long_ago)
    a, b, c, d = months_ago(3), months_ago(2), months_ago(1), months_ago(0)
    # Month a: the case (link 1: 5, link 2: 1), Ohjaamo 6, no link 7.
    for _ in range(5):
        enrol(path, a, 15, link=link1, completed=True)
    enrol(path, a, 16, link=link2)
    for _ in range(6):
        enrol(path, a, 17, link=link3)
    for age in (13, 14, 15, 16, 17, 15, 16):
        enrol(path, a, age, completed=age < 16)
    # Month b: one start in all, and one age band alone.
    enrol(path, b, 14, link=link1)
    # Month c: big enough in total, small per age band and link.
    for age in (13, 13, 13, 13, 13, 13, 17, 17):
        enrol(path, c, age, completed=True)
    for _ in range(7):
        enrol(path, c, 16, link=link3)
    enrol(path, c, 14, link=link2)
    # Month d: everything large except one link.
    for _ in range(9):
        enrol(path, d, 14, link=link1, completed=True)
    for _ in range(2):
        enrol(path, d, 17, link=link2, completed=True)
    for _ in range(12):
        enrol(path, d, 16)
    for month, n in [(a, 5), (b, 1), (c, 3), (d, 11)]:
        ReferralOpening.objects.create(link=link1, month=month, n=n)
    ReferralOpening.objects.create(link=link2, month=a, n=1)
    ReferralOpening.objects.create(link=link3, month=c, n=9)
    for month, scores in [(a, [10, 10, 9, 9, 9, 3]), (c, [10, 7, 2]), (d, [9] * 7)]:
        for index, score in enumerate(scores):
            Feedback.objects.create(
                path_key=path.path_key,
                recommend_score=score,
                age_band=AGE_BANDS[index % 2],
                day=month,
            )
    aggregate.rebuild()

    recovered = attack(path, a, d)
    assert recovered == [], "\n".join(map(str, recovered))
    # And what the nurse sees of the case: neither number alone.
    report = Report(path.path_key, "fi", a, a)
    shown = [
        report.value(("started", None, "link", link1.pk), [a]),
        report.value(("started", None, "link", link2.pk), [a]),
    ]
    assert None in shown and shown.count(None) == 2 or shown == [None, None]


# --- the dashboard ----------------------------------------------------------

COUNT_COLUMNS = {"Started", "Completed", "Answers", "Opened", "Helpful", "Not helpful"}


def shown_counts(html):
    """Every number in a count cell of the dashboard's tables."""

    numbers = []
    for table in re.findall(
        r'<table class="listing" data-table="(?:funnel|age|services|helpful|links)"'
        r".*?</table>",
        html,
        re.S,
    ):
        # Counts only: NPS cells (<td data-score>) are scores, not counts.
        for cell in re.findall(r"<td>(.*?)</td>", table, re.S):
            text = re.sub(r"<[^>]+>", "", cell).strip()
            match = re.fullmatch(r"(?:≥ )?(\d+)", text)
            if match:
                numbers.append(int(match.group(1)))
    return numbers


@pytest.fixture
def demo_history(settings):
    """`make run`'s demo: staff logins and six months of generated history."""
    settings.DEMO_ADMIN_PASSWORD = "demo-password-for-tests"
    call_command("load_demo", verbosity=0)


def test_manager_sees_funnel_nps_and_age_bands_and_exports(demo_history):
    """The manager sees the funnel, NPS with its n and the age bands of a demo
    path, can download every table as CSV and XLSX, and no count under 5."""

    manager = sign_in("manager", make_staff("manager", "Managers")[1])
    query = "language=fi"  # the dashboard's first path: the demo's main one
    response = manager.get(f"/admin/evidence/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-table="funnel"' in html and "NPS" in html and "13–15" in html
    assert "<svg" in html and 'role="img"' in html
    counts = shown_counts(html)
    assert counts and min(counts) >= 5
    for table in ("funnel", "age", "services", "helpful"):
        csv = manager.get(f"/admin/evidence/export/{table}/?{query}&export=csv")
        assert csv.status_code == 200 and csv["Content-Type"] == "text/csv"
        assert len(b"".join(csv.streaming_content).decode().splitlines()) > 1
        xlsx = manager.get(f"/admin/evidence/export/{table}/?{query}&export=xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx))).active
        numbers = [
            cell
            for row in sheet.iter_rows(min_row=2, min_col=2, values_only=True)
            for cell in row
            if isinstance(cell, int)
        ]
        if table != "helpful":
            assert numbers and min(numbers) >= 5, table


def test_staff_see_their_organisation_and_bad_input_is_a_4xx(demo_history):
    """A school nurse sees only her organisation's services and links, not the
    county's funnel; a garbled period is a translated 400, not an error page."""
    user = User.objects.get(username="terveydenhoitaja")

    user.set_password(PASSWORD)
    user.save()
    Authenticator.objects.filter(user=user).delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    nurse = sign_in("terveydenhoitaja", secret)
    path = a_path()
    html = nurse.get(f"/admin/evidence/?path={path.path_key}").content.decode()
    assert 'data-table="funnel"' not in html
    assert "Kouluterveydenhuolto" in html and "Ohjaamo Kouvola" not in html
    # Refused either way Wagtail answers a PermissionDenied: 403, or a
    # redirect to the admin's home with a message; never the county's rows.
    export = nurse.get(
        f"/admin/evidence/export/funnel/?path={path.path_key}&export=csv"
    )
    assert export.status_code in (302, 403)
    assert "text/csv" not in export.get("Content-Type", "")
    bad = nurse.get("/admin/evidence/?start=2026-13&end=soon")
    assert bad.status_code == 400 and "VVVV-KK" in bad.content.decode()


def test_period_is_chosen_from_finnish_month_lists(demo_history):
    """The first and last month are lists of whole months the server names in
    Finnish ("marraskuu 2026"), usable without JavaScript; the browser's own
    English month picker is gone."""

    manager = sign_in("manager", make_staff("manager", "Managers")[1])
    html = manager.get("/admin/evidence/").content.decode()
    last = last_whole_month()
    with translation.override("fi"):
        label = formats.date_format(last, "YEAR_MONTH_FORMAT")
        older = formats.date_format(add_months(last, -5), "YEAR_MONTH_FORMAT")
    assert 'type="month"' not in html
    assert '<select name="start"' in html and '<select name="end"' in html
    assert f'<option value="{last:%Y-%m}" selected>{label}</option>' in html
    assert (
        f'<option value="{add_months(last, -5):%Y-%m}" selected>{older}</option>'
        in html
    )
    assert label.split()[0] != last.strftime("%B")  # a Finnish month name
    # Choosing from the lists is a plain GET of YYYY-MM values.
    chosen = manager.get(
        f"/admin/evidence/?start={add_months(last, -2):%Y-%m}&end={last:%Y-%m}&by=month"
    )
    assert chosen.status_code == 200
    assert chosen.content.decode().count('data-table="funnel"') == 1

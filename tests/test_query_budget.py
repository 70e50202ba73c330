"""Query budget: public pages and identified steps cost few, constant queries.

Whatever the content (every block kind, answered self-checks recommending
several services, contact cards, help boxes), the number of saved answers and
enrolments, and the hour (a closed chat looks for an open alternative), a page
costs the same number of SQL queries. The clock is frozen in this process only
(the Django test client serves in-process).
"""

import datetime as dt
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model

from directory.models import (
    ContactChannel,
    Organisation,
    Service,
    ServiceFinderPage,
)
from home.models import ContentPage
from paths.factories import PathStepPageFactory, every_step_block
from paths.models import PathPage, PathStepPage
from progress import enrolments as progress

from .journey import build_path
from .paths_helpers import BLOCK_KINDS, open_all_steps, young_person

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
ANONYMOUS_BUDGET = 8
STEP_BUDGET = 12
HOURS = [dt.time(3, 30), dt.time(15, 0)]


def _at(time):
    """Today (a Wednesday-independent date) at `time` in Helsinki."""
    today = dt.datetime.now(HELSINKI).date()
    return dt.datetime.combine(today, time, tzinfo=HELSINKI)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response.content.decode()


def _png():

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b5c55").save(buffer, format="PNG")
    return buffer.getvalue()


def _service(name, organisation, *channels, fallback=None, help_box=None):
    service = Service.objects.create(
        name=name,
        organisation=organisation,
        description="Voit ottaa yhteyttä.",
        languages=["fi"],
        fallback=fallback,
        help_box_order=help_box,
    )
    for kind, value, fields in channels:
        ContactChannel.objects.create(service=service, kind=kind, value=value, **fields)
    return service


DAYTIME = {
    "hours": [
        (
            "period",
            {"days": list("0123456"), "opens": dt.time(14), "closes": dt.time(16)},
        )
    ],
    "public_holidays": "regular",
}


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


@pytest.fixture
def services():
    """Three services: a day chat that falls back to a night line, and a phone."""
    organisation = Organisation.objects.create(name="Järjestö", kind="ngo")
    night = _service(
        "Yölinja",
        organisation,
        ("chat", "https://example.org/yo", {"always_open": True}),
    )
    day = _service(
        "Päivächat",
        organisation,
        ("chat", "https://example.org/paiva", DAYTIME),
        ("sms", "040 000 0001", DAYTIME),
        fallback=night,
    )
    phone = _service(
        "Puhelin", organisation, ("phone", "040 000 0002", {"always_open": True})
    )
    return [day, night, phone]


def _blocks(kind, image, services, home):
    day, _night, phone = services
    blocks = every_step_block(image, phone, home, band_services=[day.pk, phone.pk])
    return dict(blocks)[kind]


KINDS = [*BLOCK_KINDS, "help_box"]
ANSWERS = {
    "reflection": {"text": "vastaus"},
    "checklist": {"checked": [0], "own": "oma"},
    "self_check": {"choices": [1], "score": 1, "band": 0},
}


def _step_of_every_kind(path, slug, count, image, services, home):
    body = [
        {"type": kind, "value": _blocks(kind, image, services, home)}
        for kind in KINDS
        for _ in range(count)
    ]
    step = PathStepPageFactory(
        parent=path, title=slug.capitalize(), slug=slug, body=body
    )
    return PathStepPage.objects.get(pk=step.pk)


def _answer_everything(enrolment, step):
    for block_id, block_type, _value in step.answerable_blocks():
        progress.save_answer(enrolment, step.step_key, block_id, ANSWERS[block_type])


@pytest.fixture
def heavy_steps(services):
    """A path with a step of one block of every kind and one of five of each."""
    image = get_image_model().objects.create(
        title="Kuva", file=ContentFile(_png(), name="kuva.png")
    )
    path = build_path(order_mode="free", steps=1)
    home = path.get_parent().get_parent()
    small = _step_of_every_kind(path, "kaikki-1", 1, image, services, home)
    large = _step_of_every_kind(path, "kaikki-5", 5, image, services, home)
    return path, small, large


def test_public_pages_stay_within_the_budget_at_any_hour(demo):
    """Home, a path intro, a content page and the finder: ≤ 8 queries, day and night."""
    path = PathPage.objects.live().filter(locale__language_code="fi").first()
    content = ContentPage.objects.live().filter(locale__language_code="fi").first()
    finder = ServiceFinderPage.objects.live().filter(locale__language_code="fi")
    urls = ["/fi/", path.url, content.url, finder.first().url, "/sv/"]
    client = Client()
    counts = {}
    for time in HOURS:
        with time_machine.travel(_at(time), tick=False):
            for url in urls:
                client.get(url)  # the first request of a process builds caches
            for url in urls:
                counts[time, url] = _count(client, url)[0]
    assert max(counts.values()) <= ANONYMOUS_BUDGET, counts


def test_identified_step_costs_the_same_with_1_or_5_blocks_of_every_kind(
    heavy_steps,
):
    """An answered step of every block kind: ≤ 12 queries, 1 or 5 of each, any hour."""
    path, small, large = heavy_steps
    counts = {}
    for time in HOURS:
        with time_machine.travel(_at(time), tick=False):
            # Identified at this hour: a session never starts in the future.
            person = young_person(username=f"nuori-{time.hour}")
            enrolment = open_all_steps(person, path)
            _answer_everything(enrolment, small)
            _answer_everything(enrolment, large)
            client = Client()
            client.force_login(person)
            client.get(small.url)
            client.get(large.url)
            for step in (small, large):
                counts[time, step.slug], html = _count(client, step.url)
        # The answered self-check shows its recommended services with the
        # hour's state: at night the day chat is closed and names the night line.
        assert "Päivächat" in html and "Puhelin" in html
        assert ("Yölinja" in html) == (time.hour == 3)
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= STEP_BUDGET, counts


def test_step_costs_the_same_with_more_enrolments_and_answers(heavy_steps):
    """Enrolments on other paths and answers on other steps cost nothing."""
    path, small, large = heavy_steps
    person = young_person()
    enrolment = open_all_steps(person, path)
    client = Client()
    client.force_login(person)
    client.get(small.url)
    before = _count(client, small.url)[0]
    _answer_everything(enrolment, small)
    _answer_everything(enrolment, large)
    for steps in (2, 3, 4):
        open_all_steps(person, build_path(steps=steps))
    client.get(small.url)  # new pages were published: caches are built again
    after, html = _count(client, small.url)
    assert after == before
    # No Wagtail userbar (nor its permission queries) for a young person.
    assert "wagtail-userbar" not in html


def test_my_paths_costs_the_same_with_one_or_three_enrolments():
    """The "my paths" page does not grow with the number of paths started."""
    paths = [build_path(steps=steps) for steps in (1, 2, 3)]
    for number, path in enumerate(paths):
        path.title = f"Polku numero {number}"
        path.save_revision().publish()
    person = young_person()
    client = Client()
    client.force_login(person)
    open_all_steps(person, paths[0])
    with translation.override("fi"):
        url = reverse("progress:my_paths")
    client.get(url)
    one = _count(client, url)[0]
    for path in paths[1:]:
        open_all_steps(person, path)
    three, html = _count(client, url)
    assert all(path.title in html for path in paths)
    assert three == one, (one, three)

"""The young person's own pages in Chromium at 375 px and 1280 px: axe-core
clean, neutral titles, and the help page on hiding a visit in three languages."""

import time

import pytest
from django.conf import settings
from django.test import Client

from progress import enrolments

from .conftest import axe_violations
from .journey import build_path, young_person

pytestmark = pytest.mark.browser


def _signed_in(page, live_server, person):
    """This person's session, freshly identified, in the browser."""
    client = Client()
    client.force_login(person)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "socialaccount", "provider": "strongid", "at": time.time()}
    ]
    session["account_authentication_methods_user"] = str(person.pk)
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_personal_pages_are_accessible_and_discreet(request, live_server, viewport):
    """Home with "continue", my paths, my data, the readable download, the
    deletion confirmation, the summary and a step: zero axe violations, and
    the personal ones titled just "Polku"."""
    page = request.getfixturevalue(viewport)
    path = build_path(order_mode="free")
    person = young_person()
    enrolment, _ = enrolments.enrol(person, path.path_key)
    step = path.get_steps()[0]
    block_id = step.answerable_blocks()[0][0]
    enrolments.save_answer(enrolment, step.step_key, block_id, {"text": "Mietin"})
    enrolments.complete_step(enrolment, step.step_key)
    _signed_in(page, live_server, person)

    page.goto(f"{live_server.url}/fi/")
    assert page.get_by_role("heading", name="Jatka siitä, mihin jäit").is_visible()
    assert axe_violations(page) == [], page.url
    personal = [
        "/fi/omat-polut/",
        "/fi/omat-tiedot/",
        "/fi/omat-tiedot/yhteenveto/",
        f"/fi/omat-tiedot/unohda/{enrolment.public_id}/",
        f"/fi/yhteenveto/{path.path_key}/",
        step.url,
        "/fi/piilota-kayntisi/",
    ]
    for url in personal:
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, url
        assert page.title() == "Polku", url
        assert axe_violations(page) == [], url
    for url, heading in (
        ("/sv/dolj-ditt-besok/", "Så döljer du ditt besök"),
        ("/en/hide-your-visit/", "How to hide your visit"),
    ):
        page.goto(f"{live_server.url}{url}")
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert axe_violations(page) == [], url
    if viewport == "phone":
        page.goto(f"{live_server.url}/fi/yhteenveto/{path.path_key}/")
        page.screenshot(path="/tmp/shots-issue-11/summary-open-375.png", full_page=True)
        page.goto(f"{live_server.url}/fi/omat-tiedot/yhteenveto/")
        page.screenshot(path="/tmp/shots-issue-11/export-375.png", full_page=True)
        page.goto(f"{live_server.url}{step.url}")
        page.screenshot(path="/tmp/shots-issue-11/step-375.png", full_page=True)

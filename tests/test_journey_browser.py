"""The whole journey of a young person on a phone, in a real Chromium."""

import json

import pytest
from django.db import connection

from paths.models import PathPage

from .conftest import assert_accessible, phone_context
from .strongid import code_for_age, identify_in_browser

pytestmark = pytest.mark.browser
ANSWER = "Huomenna kerron kuraattorille, miltä tuntuu."


def _answer_step(page):
    """Answer what the step asks (reflection, self-check), then mark it done."""
    reflection = page.locator(".reflection textarea")
    if reflection.count():
        reflection.first.fill(ANSWER)
        with page.expect_navigation():
            page.locator(".reflection button[type=submit]").first.tap()
        assert_accessible(page)
    self_check = page.locator(".self-check")
    if self_check.count():
        for fieldset in self_check.first.locator("fieldset").all():
            fieldset.locator("input[type=radio]").first.check()
        with page.expect_navigation():
            self_check.first.locator("button[type=submit]").tap()
        assert page.locator(".self-check__result").count()
        assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Valmis").first.tap()


@pytest.mark.django_db(transaction=True)
def test_the_whole_journey_on_a_phone(
    browser, live_server, demo_site, identity_provider
):
    """Identify, be gated, answer, leave, return elsewhere, finish, give feedback,
    download, delete, and find nothing left: every page free of axe violations."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = PathPage.objects.live().filter(locale__language_code="fi").first()
    steps = path.get_steps()
    code = code_for_age(15)

    context, page = phone_context(browser)
    page.goto(f"{portal}{path.url}")
    assert_accessible(page)
    identify_in_browser(page, identity_provider, code, start="Aloita polku")
    page.wait_for_url(f"{portal}{steps[0].url}")
    assert_accessible(page)

    page.goto(f"{portal}{steps[2].url}")
    assert page.url == f"{portal}{steps[0].url}"
    assert page.get_by_text("Vaiheet avautuvat järjestyksessä").is_visible()

    answered_step = None
    for step in steps[:3]:
        page.goto(f"{portal}{step.url}")
        if page.locator(".reflection").count() and answered_step is None:
            answered_step = step
        _answer_step(page)
    context.close()

    # Another day, another device: continue where you left off.
    context, page = phone_context(browser)
    page.goto(f"{portal}{path.url}")
    identify_in_browser(page, identity_provider, code, start="Tunnistaudu")
    page.wait_for_url(f"{portal}{path.url}")
    with page.expect_navigation():
        page.get_by_role("link", name="Jatka vaiheesta 4").tap()
    assert page.url == f"{portal}{steps[3].url}"
    if answered_step is not None:
        page.goto(f"{portal}{answered_step.url}")
        assert ANSWER in page.locator(".reflection textarea").first.input_value()
    for step in steps[3:]:
        page.goto(f"{portal}{step.url}")
        _answer_step(page)

    assert "/yhteenveto/" in page.url
    assert_accessible(page)
    page.get_by_label("9", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Lähetä palaute").tap()
    assert page.get_by_text("Kiitos palautteestasi!").is_visible()

    page.goto(f"{portal}/fi/omat-tiedot/")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa tiedostona (JSON)").tap()
    data = json.loads(open(download.value.path()).read())
    assert data["paths"][0]["completed"]

    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM progress_answer")
        stored = " ".join(row[0] for row in cursor.fetchall())
    assert stored and ANSWER not in stored

    with page.expect_navigation():
        page.get_by_role("link", name="Poista koko tilini").tap()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Poista kaikki").tap()
    context.close()

    # The same person identifies again: a new, empty account.
    context, page = phone_context(browser)
    page.goto(f"{portal}/fi/")
    identify_in_browser(page, identity_provider, code, start="Tunnistaudu")
    page.wait_for_url(f"{portal}/fi/")
    page.goto(f"{portal}/fi/omat-polut/")
    assert page.get_by_text("Et ole vielä aloittanut polkua.").is_visible()
    context.close()

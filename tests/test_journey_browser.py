"""The whole journey of a young person on a phone, in a real Chromium."""

import json

import pytest
from django.db import connection

from paths.models import PathPage

from .conftest import PHONE, axe_violations
from .strongid import code_for_age

pytestmark = pytest.mark.browser
ANSWER = "Huomenna kerron kuraattorille, miltä tuntuu."


def _context(browser):
    context = browser.new_context(
        viewport=PHONE, locale="fi-FI", has_touch=True, is_mobile=True
    )
    return context, context.new_page()


def _clean(page):
    violations = axe_violations(page)
    assert violations == [], (page.url, violations)


def _identify(page, idp, code):
    page.wait_for_url(f"{idp}/authorize**")
    page.get_by_label("Henkilötunnus").fill(code)
    page.get_by_role("button", name="Tunnistaudu").tap()


def _answer_step(page):
    """Answer what the step asks (reflection, self-check), then mark it done."""
    reflection = page.locator(".reflection textarea")
    if reflection.count():
        reflection.first.fill(ANSWER)
        with page.expect_navigation():
            page.locator(".reflection button[type=submit]").first.tap()
        _clean(page)
    self_check = page.locator(".self-check")
    if self_check.count():
        for fieldset in self_check.first.locator("fieldset").all():
            fieldset.locator("input[type=radio]").first.check()
        with page.expect_navigation():
            self_check.first.locator("button[type=submit]").tap()
        assert page.locator(".self-check__result").count()
        _clean(page)
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

    context, page = _context(browser)
    page.goto(f"{portal}{path.url}")
    _clean(page)
    page.get_by_role("button", name="Aloita polku").tap()
    _identify(page, identity_provider, code)
    page.wait_for_url(f"{portal}{steps[0].url}")
    _clean(page)

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
    context, page = _context(browser)
    page.goto(f"{portal}{path.url}")
    page.get_by_role("button", name="Tunnistaudu").tap()
    _identify(page, identity_provider, code)
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
    _clean(page)
    page.get_by_label("9", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Lähetä palaute").tap()
    assert page.get_by_text("Kiitos palautteestasi!").is_visible()

    page.goto(f"{portal}/fi/omat-tiedot/")
    _clean(page)
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
    _clean(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Poista kaikki").tap()
    context.close()

    # The same person identifies again: a new, empty account.
    context, page = _context(browser)
    page.goto(f"{portal}/fi/")
    page.get_by_role("button", name="Tunnistaudu").tap()
    _identify(page, identity_provider, code)
    page.wait_for_url(f"{portal}/fi/")
    page.goto(f"{portal}/fi/omat-polut/")
    assert page.get_by_text("Et ole vielä aloittanut polkua.").is_visible()
    context.close()

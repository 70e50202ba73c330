"""Coming back on a phone: a reminder link after the session has ended, the
staff login kept apart, Chromium at 375 px through the real test IdP."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from paths.models import PathPage
from progress.models import Enrolment

from .conftest import assert_accessible, phone_context
from .journey import build_path
from .strongid import code_for_age, identify_in_browser

pytestmark = pytest.mark.browser
SHOTS = "/tmp/shots-issue-11"


@pytest.mark.django_db(transaction=True)
def test_signed_out_reminder_link_leads_through_identification_to_the_step(
    browser, live_server, demo_site, identity_provider
):
    """A reminder opened after the session ended asks for identification (not a
    staff password) in Finnish, then opens exactly the step the person is on."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = PathPage.objects.live().filter(locale__language_code="fi").first()
    steps = path.get_steps()
    code = code_for_age(15)

    context, page = phone_context(browser)
    page.goto(f"{portal}{path.url}")
    identify_in_browser(page, identity_provider, code, start="Aloita polku")
    page.wait_for_url(f"{portal}{steps[0].url}")
    with page.expect_navigation():
        page.get_by_role("button", name="Valmis").first.tap()
    assert page.url == f"{portal}{steps[1].url}"
    context.close()

    enrolment = Enrolment.objects.get()
    reminder = f"{portal}/fi/reminders/{enrolment.public_id}/open/"
    assert path.slug not in reminder
    context, page = phone_context(browser)
    page.goto(reminder)
    assert "/fi/tunnistaudu/" in page.url
    assert page.get_by_role("heading", name="Tunnistaudu jatkaaksesi").is_visible()
    assert page.get_by_text("Salasana").count() == 0
    page.screenshot(path=f"{SHOTS}/identify-375.png", full_page=True)
    assert_accessible(page)
    page.get_by_role("main").get_by_role("button", name="Tunnistaudu").tap()
    identify_in_browser(page, identity_provider, code)
    page.wait_for_url(f"{portal}{steps[1].url}")
    context.close()


@pytest.mark.django_db(transaction=True)
def test_staff_login_is_its_own_translated_page_without_sign_up(
    browser, live_server, demo_site
):
    """Staff sign in on their own page, in Finnish, with no sign-up link and
    no identification button meant for young people."""
    context, page = phone_context(browser)
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.get_by_role("heading", name="Henkilökunnan kirjautuminen").is_visible()
    body = page.locator("main").inner_text()
    assert "rekisteröidy" not in body.lower() and "sign up" not in body.lower()
    assert "Strong identification" not in body
    page.screenshot(path=f"{SHOTS}/staff-login-375.png", full_page=True)
    assert_accessible(page)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_anonymous_visitor_reads_steps_and_identifies_only_to_save(
    browser, live_server, demo_site, identity_provider
):
    """Without identifying, a visitor reads steps 1 and 2 of a demo path (fields
    shown but closed); only "identify to answer" leads to the IdP, and after
    identification the step opens ready for answers."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = PathPage.objects.live().filter(locale__language_code="fi").first()
    steps = path.get_steps()
    context, page = phone_context(browser)
    page.goto(f"{portal}{steps[0].url}")
    assert page.url == f"{portal}{steps[0].url}"
    assert page.get_by_role("heading", level=1).inner_text() == steps[0].title
    assert page.title() == "Polku"
    assert_accessible(page)
    with page.expect_navigation():
        page.locator(".step-nav__next").tap()
    assert page.url == f"{portal}{steps[1].url}"
    assert page.get_by_role("heading", level=1).inner_text() == steps[1].title
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/anonymous-step2-375.png", full_page=True)
    assert "/authorize" not in page.url
    with page.expect_navigation():
        page.locator(".step-nav__previous").tap()
    identify_in_browser(
        page, identity_provider, code_for_age(15), start="Tunnistaudu ja vastaa"
    )
    page.wait_for_url(f"{portal}{steps[0].url}")
    assert page.locator("form.step-form").count() == 1
    context.close()


@pytest.mark.django_db(transaction=True)
def test_printed_summary_holds_only_the_summary(
    browser, live_server, identity_provider
):
    """The summary printed (Chromium's PDF of the print media) shows the
    headings and answers, and no header, exit bar, buttons or messages."""

    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = build_path(order_mode="free")
    steps = path.get_steps()
    context, page = phone_context(browser)
    page.goto(f"{portal}{path.url}")
    identify_in_browser(page, identity_provider, code_for_age(15), start="Aloita polku")
    page.wait_for_url(f"{portal}{steps[0].url}")
    page.locator("form.step-form textarea").first.fill("Haluan nukkua paremmin")
    with page.expect_navigation():
        page.get_by_role("button", name="Valmis ja seuraava").tap()
    page.goto(f"{portal}/fi/yhteenveto/{path.path_key}/")
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/summary-375.png", full_page=True)
    page.emulate_media(media="print")
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(page.pdf())).pages)
    assert "Oma yhteenveto" in text and "Haluan nukkua paremmin" in text
    assert "Vaihe 1" in text and "Mikä sinua huolettaa?" in text
    for absent in (
        "Poistu sivulta",
        "Kirjaudu ulos",
        "Tarvitsetko apua heti",
        "Jatka",
        "Etusivu",
        "Omat tiedot",
    ):
        assert absent not in text, absent
    context.close()

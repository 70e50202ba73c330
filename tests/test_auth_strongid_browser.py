"""Strong identification in a real Chromium on a phone-sized screen."""

from pathlib import Path

import pytest

from core.models import SiteSettings

from .conftest import axe_violations
from .strongid import code_for_age, identify_in_browser

pytestmark = pytest.mark.browser


def test_fifteen_year_old_identifies_on_a_phone_and_returns(
    phone, live_server, demo_site, identity_provider
):
    """On a 375 px phone, identification returns to the page where it started."""
    start = f"{live_server.url.replace('localhost', '127.0.0.1')}/fi/apua-heti/"
    phone.goto(start)
    identify_in_browser(phone, identity_provider, code_for_age(15), start="Tunnistaudu")
    phone.wait_for_url(start)
    assert phone.get_by_text("Kirjautunut", exact=True).is_visible()
    assert axe_violations(phone) == []


def test_age_refusal_page_is_accessible(
    phone, live_server, demo_site, identity_provider
):
    """The kind refusal page for a 12-year-old has no axe-core violations."""
    phone.goto(f"{live_server.url.replace('localhost', '127.0.0.1')}/fi/")
    identify_in_browser(phone, identity_provider, code_for_age(12), start="Tunnistaudu")
    phone.wait_for_url("**/accounts/strongid/login/callback/**")
    assert "13–17" in phone.content()
    assert axe_violations(phone) == []


def test_shared_phone_quick_exit_then_identify_asks_for_a_login_again(
    phone, live_server, demo_site, identity_provider
):
    """On a shared phone: after sign-in and quick exit, pressing "Tunnistaudu"
    again shows the broker's login form; the previous person is not signed in."""

    shots = Path("/tmp/shots-issue-10b")
    shots.mkdir(exist_ok=True)
    base = live_server.url.replace("localhost", "127.0.0.1")
    # The neutral page lies outside this machine (and Playwright does not
    # route redirects): a local stand-in at the end of the redirect chain.
    exit_url = f"{base}/robots.txt"
    SiteSettings.objects.update(quick_exit_url=exit_url)
    start = f"{base}/fi/apua-heti/"
    phone.goto(start)
    identify_in_browser(phone, identity_provider, code_for_age(15), start="Tunnistaudu")
    phone.wait_for_url(start)
    assert phone.get_by_text("Kirjautunut", exact=True).is_visible()
    phone.get_by_role("link", name="Poistu sivulta").tap()
    phone.wait_for_url(exit_url)
    phone.goto(start)
    assert not phone.get_by_text("Kirjautunut", exact=True).is_visible()
    phone.screenshot(path=str(shots / "shared-phone-after-exit.png"))
    phone.get_by_role("button", name="Tunnistaudu").tap()
    phone.wait_for_url(f"{identity_provider}/authorize**")
    assert phone.get_by_label("Henkilötunnus").is_visible()
    assert phone.get_by_label("Henkilötunnus").input_value() == ""
    phone.screenshot(path=str(shots / "shared-phone-idp-asks-again.png"))

"""The service finder in a real Chromium: accessibility, phones, no JavaScript."""

import pytest

from .conftest import PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("finder")]

PAGES = {"fi": "/fi/palvelut/", "sv": "/sv/tjanster/"}


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_finder_has_no_axe_violations(request, live_server, viewport):
    """The finder, filtered and not, passes axe-core at 375 px and 1280 px in
    Finnish and Swedish, and nothing overflows sideways."""
    page = request.getfixturevalue(viewport)
    for language, path in PAGES.items():
        for query in ("", "?municipality=kotka&theme=paihteet"):
            page.goto(f"{live_server.url}{path}{query}")
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator(".service-card").count() > 5
            assert axe_violations(page) == [], f"{language} {query}"
            overflow = page.evaluate(
                "document.documentElement.scrollWidth"
                " - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{language} {query} scrolls sideways"


def test_finder_works_without_javascript(browser, live_server):
    """With JavaScript off, on a phone, a young person picks a municipality and
    "open now", sends the form and gets open services with call links."""
    context = browser.new_context(
        viewport=PHONE, locale="fi-FI", java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/fi/palvelut/")
        page.get_by_label("Kunta").select_option("kotka")
        page.get_by_label("Aihe").select_option("paihteet")
        page.get_by_label("Vain juuri nyt auki olevat").check()
        page.get_by_role("button", name="Näytä palvelut").click()
        page.wait_for_url("**open_now=on**")
        names = page.locator(".service-card__name").all_inner_texts()
        assert "Aina auki -testilinja" in names
        assert "Tänään kiinni -testichat" not in names
        assert "Haminan testipalvelu" not in names
        call = page.get_by_role("link", name="Soita 05 9999 0001")
        assert call.get_attribute("href") == "tel:0599990001"
    finally:
        context.close()

"""The public shell in a real Chromium: accessibility, quick exit, privacy."""

from urllib.parse import urlsplit

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.browser

EXIT_URL = "https://yle.fi/saa"


def _stub_exit_site(page):
    """The quick exit's target lies outside this machine: answer it locally."""
    page.route(
        "https://yle.fi/**",
        lambda route: route.fulfill(
            body="<title>Sää</title>", content_type="text/html"
        ),
    )


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_home_page_has_no_axe_violations(
    request, live_server, demo_site, lang, viewport
):
    """The home page passes axe-core at 375 px and 1280 px in fi, sv and en."""
    page = request.getfixturevalue(viewport)
    page.goto(f"{live_server.url}/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    assert axe_violations(page) == []


def test_content_page_has_no_axe_violations(phone, live_server, demo_site):
    """A content page (help right now) passes axe-core on a phone."""
    phone.goto(f"{live_server.url}/fi/apua-heti/")
    assert axe_violations(phone) == []


def test_quick_exit_leaves_with_one_tap(phone, live_server, demo_site):
    """One tap on the quick exit leaves, and Back shows no portal page, not
    even the one visited before it."""
    _stub_exit_site(phone)
    phone.goto(f"{live_server.url}/fi/")
    phone.goto(f"{live_server.url}/fi/apua-heti/")
    assert not phone.locator(".quick-exit__hint").is_visible()  # no keyboard
    phone.get_by_role("link", name="Poistu sivulta").tap()
    phone.wait_for_url(f"{EXIT_URL}**")
    phone.go_back()
    phone.wait_for_url(f"{EXIT_URL}**")
    assert urlsplit(phone.url).netloc == "yle.fi"


def test_quick_exit_with_shift_three_times_but_not_esc_while_typing(
    desktop, live_server, demo_site
):
    """Esc and capital letters while typing keep you on the page; Shift
    pressed three times in a row leaves it (and the hint says so)."""
    _stub_exit_site(desktop)
    desktop.goto(f"{live_server.url}/fi/search/")
    assert desktop.get_by_text("tai paina Shift-näppäintä 3 kertaa").is_visible()
    field = desktop.get_by_role("searchbox").first
    field.click()
    field.type("apua")
    desktop.keyboard.press("Escape")
    for letter in "ABC":
        desktop.keyboard.press(f"Shift+{letter}")
    desktop.wait_for_timeout(300)
    assert urlsplit(desktop.url).path == "/fi/search/"
    for _ in range(3):
        desktop.keyboard.press("Shift")
    desktop.wait_for_url(f"{EXIT_URL}**")


def test_keyboard_reaches_skip_link_first(desktop, live_server, demo_site):
    """The first Tab focuses the skip link, which moves focus to the content."""
    desktop.goto(f"{live_server.url}/fi/")
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("document.activeElement.id") == "main"


def test_pages_reflow_at_200_percent_zoom(browser, live_server, demo_site):
    """At 200 % zoom of a 640 px window nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 480})
    page = context.new_page()
    for path in ("/fi/", "/fi/apua-heti/", "/fi/search/?query=apua"):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()


def test_pages_make_no_third_party_requests(phone, live_server, demo_site):
    """Loading public pages asks nothing of any host but the portal itself."""
    hosts = set()
    phone.on("request", lambda req: hosts.add(urlsplit(req.url).netloc))
    for path in ("/fi/", "/sv/", "/en/help-now/", "/fi/search/?query=apua"):
        phone.goto(f"{live_server.url}{path}")
    assert hosts == {urlsplit(live_server.url).netloc}

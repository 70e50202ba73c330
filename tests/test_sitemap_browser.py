"""Every page the sitemap lists, in a real Chromium: axe-core and small screens."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from paths.models import PathPage

from .conftest import axe_violations
from .paths_helpers import young_person_in_browser

pytestmark = pytest.mark.browser

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(page, base):
    """The path of every page /sitemap.xml lists (its host is the site's, not ours)."""
    response = page.request.get(f"{base}/sitemap.xml")
    assert response.ok, response.status
    root = ElementTree.fromstring(response.body())
    paths = [
        urlsplit(loc.text.strip()).path
        for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)
    ]
    assert len(paths) > 10, paths  # the demo site in three languages
    return paths


def test_every_sitemap_page_passes_axe_at_375_and_1280(browser, live_server, demo_site):
    """axe-core finds no violation on any page of the sitemap on a phone and on a
    desktop screen."""
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    found = []
    paths = sitemap_paths(page, live_server.url)
    for width, height in [(375, 812), (1280, 900)]:
        page.set_viewport_size({"width": width, "height": height})
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.ok, (path, response.status)
            found += [f"{width} px {path} {line}" for line in axe_violations(page)]
    context.close()
    assert found == []


def small_phone(browser):
    """A 320 × 640 touch phone in Finnish, the smallest screen we design for."""
    return browser.new_context(
        viewport={"width": 320, "height": 640},
        locale="fi-FI",
        has_touch=True,
        is_mobile=True,
    )


def test_no_page_scrolls_sideways_at_320(browser, live_server, demo_site):
    """At 320 px no sitemap page, and not its navigation, is wider than the
    screen: nothing has to be scrolled sideways to be seen."""
    context = small_phone(browser)
    page = context.new_page()
    wide = []
    for path in sitemap_paths(page, live_server.url):
        page.goto(f"{live_server.url}{path}")
        overflow = page.evaluate(
            """() => {
                const out = [];
                const doc = document.scrollingElement;
                if (doc.scrollWidth > doc.clientWidth) {
                    out.push(`page ${doc.scrollWidth}px`);
                }
                for (const el of document.querySelectorAll('.site-header *')) {
                    if (el.scrollWidth > el.clientWidth + 1 &&
                        ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) {
                        out.push(`${el.className || el.tagName} ${el.scrollWidth}px`);
                    }
                }
                return out;
            }"""
        )
        wide += [f"{path}: {item}" for item in overflow]
    context.close()
    assert wide == []


def test_signed_in_navigation_stays_one_row_at_320(browser, live_server, demo_site):
    """Signed in on a 320 px phone, the header keeps to a quarter of the screen in
    every language: the person's own links fold under "More", which opens."""
    context = small_phone(browser)
    page = context.new_page()
    path = PathPage.objects.get(locale__language_code="fi", slug="huoli-ja-alakulo")
    young_person_in_browser(page, live_server, path)
    for lang, more, mine in [
        ("fi", "Lisää", "Omat polut"),
        ("sv", "Mer", "Mina stigar"),
        ("en", "More", "My paths"),
    ]:
        page.goto(f"{live_server.url}/{lang}/")
        header = page.locator(".site-header").bounding_box()
        assert header["y"] + header["height"] <= 640 / 4, lang
        assert page.evaluate("document.scrollingElement.scrollWidth") == 320, lang
        mine_link = page.locator(".site-nav").get_by_role("link", name=mine)
        assert not mine_link.is_visible()
        page.locator(".site-nav").get_by_text(more, exact=True).tap()
        mine_link.wait_for(state="visible")
    context.close()

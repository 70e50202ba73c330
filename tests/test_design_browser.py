"""The first screen on a phone: a compact header, the step and the start button."""

import pytest

from paths.models import PathPage

from .strongid import code_for_age, identify_in_browser

pytestmark = pytest.mark.browser

SCREENS = [(375, 812), (320, 640)]


def bottom(page, selector):
    return (
        page.locator(selector).first.bounding_box()["y"]
        + (page.locator(selector).first.bounding_box()["height"])
    )


@pytest.mark.django_db(transaction=True)
def test_first_screen_of_intro_and_step_on_small_phones(
    browser, live_server, demo_site, identity_provider
):
    """At 375×812 and 320×640 the header and exit bar take at most a quarter of the
    screen, "Aloita polku" is on the intro's first screen, a step's heading and
    first content are visible without scrolling, and the last step does not
    congratulate before the path is finished."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = PathPage.objects.live().filter(locale__language_code="fi").first()
    PathPage.objects.filter(pk=path.pk).update(order_mode="free")
    steps = path.get_steps()
    for width, height in SCREENS:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale="fi-FI",
            has_touch=True,
            is_mobile=True,
        )
        page = context.new_page()
        page.goto(f"{portal}{path.url}")
        assert bottom(page, ".site-header") <= height / 4, (width, "intro header")
        start = page.get_by_role("button", name="Aloita polku").first
        assert bottom(page, ".path-cta button") <= height, (width, "start button")
        start.tap()
        identify_in_browser(page, identity_provider, code_for_age(15))
        page.wait_for_url(f"{portal}{steps[0].url}")
        assert bottom(page, ".site-header") <= height / 4, (width, "step header")
        assert bottom(page, ".step h1") <= height, width
        first = page.locator(".step h1 ~ *").first
        assert first.bounding_box()["y"] < height, (width, "first content")
        page.screenshot(path=f"/tmp/shots-issue-14/step-{width}.png")
        page.goto(f"{portal}{steps[-1].url}")
        assert "Hienoa, kävit polun läpi" not in page.content()
        context.close()

"""A demo path on a 375 px phone in Chromium: axe-core clean, no sideways
scrolling, and the breathing timer working with and without reduced motion."""

import pytest

from paths.models import PathPage

from .conftest import axe_violations
from .paths_helpers import young_person_in_browser

pytestmark = pytest.mark.browser


def assert_fits_phone(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_demo_path_intro_and_every_step_are_accessible_on_a_phone(
    live_server, demo_site, phone
):
    """Intro and all steps of a demo path: zero axe violations at 375 px."""
    path = PathPage.objects.get(locale__language_code="fi", slug="huoli-ja-alakulo")
    phone.goto(live_server.url + path.url)
    assert phone.locator("h1").inner_text() == path.title
    assert axe_violations(phone) == []
    assert_fits_phone(phone)

    young_person_in_browser(phone, live_server, path)
    steps = path.get_steps()
    for step in steps:
        phone.goto(live_server.url + step.url)
        assert phone.locator("h1").inner_text() == step.title
        assert (
            f"{step.number}/{len(steps)}"
            in phone.locator(".step__progress").inner_text()
        )
        assert phone.locator("[data-quick-exit]").is_visible()
        assert axe_violations(phone) == [], step.url
        assert_fits_phone(phone)

    # 200 % zoom on a 640 px wide window: 320 CSS pixels, still no sideways scroll.
    phone.set_viewport_size({"width": 320, "height": 640})
    for url in (path.url, *(step.url for step in steps)):
        phone.goto(live_server.url + url)
        assert_fits_phone(phone)


def test_breathing_timer_runs_and_respects_reduced_motion(
    live_server, demo_site, phone
):
    """The timer appears with JavaScript, paces the phases, and keeps still if asked."""
    path = PathPage.objects.get(locale__language_code="fi", slug="huoli-ja-alakulo")
    step = next(
        s for s in path.get_steps() if "breathing" in [b.block_type for b in s.body]
    )
    young_person_in_browser(phone, live_server, path)
    for motion in ("no-preference", "reduce"):
        phone.emulate_media(reduced_motion=motion)
        phone.goto(live_server.url + step.url)
        timer = phone.locator("[data-breathing-timer]")
        assert timer.is_visible()
        timer.locator("button").click()
        phase = timer.locator("[data-breathing-phase]")
        phase.wait_for(state="visible")
        assert "1/" in phase.inner_text()
        circle_phase = timer.locator(".breathing__circle").get_attribute("data-phase")
        if motion == "reduce":
            assert not circle_phase
        else:
            assert circle_phase == "in"
        assert timer.locator("button").get_attribute("aria-pressed") == "true"

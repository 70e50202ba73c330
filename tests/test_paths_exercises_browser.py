"""The exercises in a real Chromium: urge surfing's timer walks through the
stages, reduced motion keeps the wave still, and without JavaScript every
exercise is there as plain text."""

import pytest

from accounts.models import User
from paths.models import PathPage

from .paths_helpers import open_all_steps, young_person_in_browser

pytestmark = pytest.mark.browser


def step_with(path, kind):
    return next(s for s in path.get_steps() if kind in [b.block_type for b in s.body])


def wave_motion(page):
    """The wave's rolling animation and its swell, as the browser computes them."""
    return page.evaluate(
        """() => {
            const style = (css) => getComputedStyle(document.querySelector(css));
            return {
                roll: style('.urge__water').animationName,
                swell: style('.urge__swell').transform,
            };
        }"""
    )


def test_urge_surfing_timer_walks_through_the_stages(live_server, demo_site, phone):
    """Starting urge surfing counts down from five minutes, shows the first stage,
    reaches the peak and the end, and says when the time is up."""
    path = PathPage.objects.get(locale__language_code="fi", slug="paihteet-vahemmalle")
    young_person_in_browser(phone, live_server, path)
    phone.clock.install()
    phone.goto(live_server.url + step_with(path, "urge_surfing").url)
    urge = phone.locator("[data-urge]")
    stages = urge.locator(".urge__stages > li")
    assert stages.count() == 5
    clock = urge.locator("[data-urge-clock]")
    assert clock.inner_text() == "5:00"
    button = urge.get_by_role("button", name="Käynnistä ajastin")
    button.click()
    now = urge.locator("[data-urge-stage]")
    assert now.inner_text() == stages.nth(0).inner_text()
    assert stages.nth(0).get_attribute("aria-current") == "step"
    assert wave_motion(phone)["roll"] == "urge-roll"

    phone.clock.run_for("02:31")
    assert clock.inner_text() == "2:29"
    assert now.inner_text() == stages.nth(2).inner_text()  # the peak
    assert stages.nth(0).get_attribute("aria-current") is None
    phone.clock.run_for("02:30")
    assert now.inner_text() == "Aika on täynnä. Hienosti tehty!"
    assert clock.inner_text() == "5:00"
    assert button.get_attribute("aria-pressed") == "false"
    assert wave_motion(phone)["roll"] == "none"


def test_reduced_motion_keeps_the_wave_and_the_circle_still(
    live_server, demo_site, phone
):
    """With reduced motion the timers run but the wave neither rolls nor swells
    and the breathing circle does not grow."""
    path = PathPage.objects.get(locale__language_code="fi", slug="paihteet-vahemmalle")
    young_person_in_browser(phone, live_server, path)
    phone.emulate_media(reduced_motion="reduce")
    phone.goto(live_server.url + step_with(path, "urge_surfing").url)
    phone.locator("[data-urge-start]").click()
    phone.locator("[data-urge-stage]").wait_for(state="visible")
    assert wave_motion(phone) == {"roll": "none", "swell": "none"}
    phone.locator("[data-breathing-start]").click()
    phone.locator("[data-breathing-phase]").wait_for(state="visible")
    circle = phone.locator(".breathing__circle")
    assert circle.evaluate("el => getComputedStyle(el).transform") == "none"


def test_without_javascript_every_exercise_is_plain_text(
    browser, live_server, demo_site
):
    """Without JavaScript urge surfing, breathing and grounding are written out in
    full and no button that would do nothing is shown."""
    context = browser.new_context(
        viewport={"width": 375, "height": 812},
        locale="fi-FI",
        java_script_enabled=False,
    )
    page = context.new_page()
    path = PathPage.objects.get(locale__language_code="fi", slug="paihteet-vahemmalle")
    young_person_in_browser(page, live_server, path)
    page.goto(live_server.url + step_with(path, "urge_surfing").url)
    urge = page.locator("[data-urge]")
    assert urge.locator(".urge__stages > li").nth(0).is_visible()
    assert urge.locator(".urge__stages > li").nth(4).is_visible()
    assert "Varaa tähän 5 minuuttia." in urge.inner_text()
    assert not urge.locator("[data-urge-controls]").is_visible()
    assert "Hengitä sisään nenän kautta 4 sekunnin ajan." in page.inner_text(
        "[data-breathing]"
    )
    assert not page.locator("[data-breathing-timer]").is_visible()

    mind = PathPage.objects.get(locale__language_code="fi", slug="huoli-ja-alakulo")
    open_all_steps(User.objects.get(username="nuori"), mind)
    page.goto(live_server.url + step_with(mind, "grounding").url)
    prompts = page.locator(".grounding__prompts > li")
    assert prompts.count() == 5
    assert all(prompts.nth(i).is_visible() for i in range(5))
    assert not page.locator("[data-grounding-next]").is_visible()
    context.close()

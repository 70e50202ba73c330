"""Nothing typed is lost on a phone, with and without JavaScript: Chromium at
375 px, signed in through the real login at the test IdP."""

import time

import pytest

from progress.models import Answer

from .conftest import PHONE, axe_violations, phone_context
from .journey import build_path
from .strongid import code_for_age, identify_in_browser

pytestmark = pytest.mark.browser


def _sign_in(page, portal, idp, path, code):
    page.goto(f"{portal}{path.url}")
    identify_in_browser(page, idp, code, start="Aloita polku")
    page.wait_for_url(f"{portal}{path.get_steps()[0].url}")


def _saved(text, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(a.value.get("text") == text for a in Answer.objects.all()):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_typed_answers_survive_done_links_and_plan_ticks(
    browser, live_server, identity_provider
):
    """Typing then tapping "Valmis" at once, typing then following a link, and
    ticking a plan item then "Valmis" all keep what was entered; at 200 % zoom
    the sticky exit bar never covers a focused field."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = build_path(order_mode="free")
    steps = path.get_steps()
    context, page = phone_context(browser)
    _sign_in(page, portal, identity_provider, path, code_for_age(15))
    answer = page.locator("form.step-form textarea").first

    answer.fill("Valmis heti kirjoittamisen jälkeen")
    with page.expect_navigation():
        page.get_by_role("button", name="Valmis ja seuraava").tap()
    assert page.url == f"{portal}{steps[1].url}"
    page.goto(f"{portal}{steps[0].url}")
    assert answer.input_value() == "Valmis heti kirjoittamisen jälkeen"
    assert page.get_by_text("Tallennettu klo").first.is_visible()

    answer.fill("Lähdin linkistä")
    with page.expect_navigation():
        page.locator(".step__path a").tap()
    assert _saved("Lähdin linkistä")
    page.goto(f"{portal}{steps[0].url}")
    assert answer.input_value() == "Lähdin linkistä"

    page.goto(f"{portal}{steps[1].url}")
    page.get_by_label("Puhun jollekulle").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Valmis ja seuraava").tap()
    page.goto(f"{portal}{steps[1].url}")
    assert page.get_by_label("Puhun jollekulle").is_checked()
    assert not page.get_by_label("Menen ajoissa nukkumaan").is_checked()
    violations = axe_violations(page)
    assert violations == [], violations

    # 200 % zoom of a 640 × 960 window: no focused field hides under the bar.
    page.set_viewport_size({"width": 320, "height": 480})
    for step in steps[:3]:
        page.goto(f"{portal}{step.url}")
        for _ in range(40):
            page.keyboard.press("Tab")
            hidden = page.evaluate(
                """() => {
                  const el = document.activeElement;
                  if (!el || !el.closest("form.step-form")) return null;
                  const bar = document.querySelector(".quick-exit")
                    .getBoundingClientRect();
                  const box = el.getBoundingClientRect();
                  return box.top < bar.bottom - 1 ? el.outerHTML.slice(0, 80) : "";
                }"""
            )
            assert not hidden, (step.url, hidden)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_save_without_javascript_shows_the_question_and_the_time(
    browser, live_server, identity_provider
):
    """With JavaScript off, "Save my answer" comes back to the question, in view
    below the sticky exit bar, says when it was saved, and keeps the text."""
    portal = live_server.url.replace("localhost", "127.0.0.1")
    path = build_path(order_mode="free")
    context, page = phone_context(browser, javascript=False)
    _sign_in(page, portal, identity_provider, path, code_for_age(15))
    page.locator("form.step-form textarea").first.fill("Ilman skriptejä")
    with page.expect_navigation():
        page.get_by_role("button", name="Tallenna vastaukseni").tap()
    assert "#block-" in page.url
    status = page.locator(".reflection .answer-form__status")
    assert status.inner_text().startswith("Tallennettu klo")
    bar = page.locator(".quick-exit").bounding_box()
    question = page.locator(".reflection .answer-form__question").bounding_box()
    assert question["y"] >= bar["y"] + bar["height"], (question, bar)
    assert question["y"] < PHONE["height"]
    page.screenshot(path="/tmp/shots-issue-11/nojs-saved-375.png")
    page.reload()
    assert page.locator("form.step-form textarea").first.input_value() == (
        "Ilman skriptejä"
    )
    context.close()

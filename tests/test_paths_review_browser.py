"""A whole path goes through the review in one submission, in the real Wagtail
admin in Chromium at 1280 px: the editor submits the path once, each reviewer
sees the intro and the changed steps on one screen and approves them together,
and every page is published once, after both tasks."""

import re

import pytest
from wagtail.models import PageLogEntry, WorkflowState

from paths import workflows
from paths.factories import PathStepPageFactory

from .admin_browser import admin_browser, make_path_with_step, shoot, submit

pytestmark = pytest.mark.browser


def publish_count(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()


def make_path_with_steps():
    """A live path of three live steps; the intro and steps 1 and 3 have drafts."""
    path, first = make_path_with_step(
        "<h2>Ensimmäinen vaihe</h2><p>Hengitä rauhassa.</p>"
    )
    steps = [first]
    for number, title in ((2, "Toinen vaihe"), (3, "Kolmas vaihe")):
        step = PathStepPageFactory(
            parent=path,
            title=title,
            slug=f"vaihe-{number}",
            body=[("text", f"<p>{title}.</p>")],
        )
        steps.append(step)
    path.summary = "Kun huoli painaa, tässä apua."
    path.save_revision()
    for step, summary in ((steps[0], "Rauhoitu ensin."), (steps[2], "Lopuksi.")):
        step.summary = summary
        step.save_revision()
    return path, steps


def state_of(page):
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related("current_task_state__task")
        .first()
    )


def review_whole_path(page, live_server, path, expected_pages, shot):
    """From the dashboard to the path review screen, check it, approve all."""
    page.goto(f"{live_server.url}/admin/")
    row = page.locator(f"[data-path-awaiting-review='{path.pk}']")
    row.wait_for()
    shoot(page, f"{shot}-dashboard")
    row.locator("a.button").click()
    page.wait_for_url(re.compile(rf"/admin/paths/{path.pk}/review/"))
    cards = page.locator("[data-path-review-page]")
    assert cards.count() == len(expected_pages)
    for index, title in enumerate(expected_pages):
        card = cards.nth(index)
        assert title in card.locator("h2").inner_text()
        frame = card.frame_locator("iframe")
        frame.locator("h1").wait_for(timeout=20000)
        assert title in frame.locator("h1").inner_text()
    shoot(page, shot)
    with page.expect_navigation():
        page.locator("button[name='action'][value='approve']").click()
    assert "ei odota" not in page.locator("body").inner_text()


def test_a_whole_path_goes_through_review_in_one_submission(browser, live_server):
    """One submission, one decision per reviewer, each page published once."""
    path, steps = make_path_with_steps()
    before = {page.pk: publish_count(page) for page in [path, *steps]}
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(3)
    ]
    try:
        editor, content, safe = (ctx.new_page() for ctx in contexts)
        admin_browser(editor, live_server, "editor", workflows.EDITORS)
        admin_browser(content, live_server, "content", workflows.CONTENT_REVIEWERS)
        admin_browser(safe, live_server, "safe", workflows.SAFEGUARDING_REVIEWERS)

        submit(editor, live_server, path)
        shoot(editor, "path-submitted")
        for page in (path, steps[0], steps[2]):
            assert state_of(page) is not None, page.title
        assert state_of(steps[1]) is None  # unchanged: not part of the review

        expected = [path.title, steps[0].title, steps[2].title]
        review_whole_path(content, live_server, path, expected, "path-review-content")
        shoot(content, "path-review-content-done")
        for page in (path, steps[0], steps[2]):
            state = state_of(page)
            assert state.current_task_state.task.name == workflows.TASKS[1][0]
            assert publish_count(page) == before[page.pk]

        review_whole_path(safe, live_server, path, expected, "path-review-safeguarding")
        shoot(safe, "path-review-safeguarding-done")
        for page in (path, steps[0], steps[2]):
            page.refresh_from_db()
            assert state_of(page) is None
            assert publish_count(page) == before[page.pk] + 1, page.title
            assert page.live_revision_id == page.latest_revision_id
        assert path.specific.summary == "Kun huoli painaa, tässä apua."
        assert publish_count(steps[1]) == before[steps[1].pk]
    finally:
        for ctx in contexts:
            ctx.close()


def test_a_reviewer_sends_a_whole_path_back_from_the_page_listing(browser, live_server):
    """From the page listing's menu, one "request changes" sends back the path
    and its changed steps with the reviewer's comment; nothing is published."""
    path, steps = make_path_with_steps()
    before = {page.pk: publish_count(page) for page in [path, *steps]}
    path.get_workflow().start(path, None)
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900})]
    try:
        content = contexts[0].new_page()
        admin_browser(content, live_server, "content", workflows.CONTENT_REVIEWERS)
        content.goto(f"{live_server.url}/admin/pages/{path.get_parent().pk}/")
        row = content.locator("tr", has_text=path.title).first
        row.locator("[data-w-dropdown-target='toggle']").first.click()
        shoot(content, "path-review-listing-menu")
        row.locator("[data-path-review-button]").click()
        content.wait_for_url(re.compile(rf"/admin/paths/{path.pk}/review/"))
        content.locator("#path-review-comment").fill("Vaihe 1: lyhennä.")
        with content.expect_navigation():
            content.locator("button[name='action'][value='reject']").click()
        shoot(content, "path-review-sent-back")
        for page in (path, steps[0], steps[2]):
            state = WorkflowState.objects.for_instance(page).active().get()
            assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
            assert state.current_task_state.comment == "Vaihe 1: lyhennä."
        assert all(publish_count(p) == before[p.pk] for p in [path, *steps])
    finally:
        for ctx in contexts:
            ctx.close()

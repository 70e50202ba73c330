"""Editors and reviewers in the real Wagtail admin in Chromium at 1280 px: the
phone preview and the accessibility checker show the real step, and approving
from the edit view publishes once, after both reviews."""

import re

import pytest
from wagtail.models import PageLogEntry, WorkflowState

from paths import workflows

from .admin_browser import admin_browser, make_path_with_step, shoot, submit

pytestmark = pytest.mark.browser


def preview_frame(page):
    """The iframe of Wagtail's preview panel, once it has loaded the page."""
    page.locator('[data-side-panel-toggle="preview"]').click()
    frame_element = page.locator("iframe[data-w-preview-target='iframe']").first
    frame_element.wait_for(state="attached")
    return page.frame_locator("iframe[data-w-preview-target='iframe']").first


def test_the_phone_preview_in_the_editor_shows_the_step(desktop, live_server):
    """The preview panel shows the step itself (not a blank frame) at every size."""
    _path, step = make_path_with_step()
    admin_browser(desktop, live_server, "editor", workflows.EDITORS)
    desktop.goto(f"{live_server.url}/admin/pages/{step.pk}/edit/")
    frame = preview_frame(desktop)
    heading = frame.locator("h1")
    heading.wait_for(timeout=15000)
    assert "Rauhoitu hetkeksi" in heading.inner_text()
    shoot(desktop, "preview-phone")
    sizes = desktop.locator("input[name='preview-size']")
    assert sizes.count() >= 3
    for index in range(sizes.count()):
        sizes.nth(index).check(force=True)
        desktop.wait_for_timeout(300)
        assert "Rauhoitu hetkeksi" in frame.locator("h1").inner_text()
    shoot(desktop, "preview-desktop-size")
    # The public step keeps the site's own policy: nobody may frame it.
    response = desktop.request.get(f"{live_server.url}{step.url}")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_the_preview_opens_in_a_new_tab(desktop, live_server):
    """ "Preview in new tab" opens the step's own page with its heading."""
    _path, step = make_path_with_step()
    admin_browser(desktop, live_server, "editor", workflows.EDITORS)
    desktop.goto(f"{live_server.url}/admin/pages/{step.pk}/edit/")
    desktop.locator('[data-side-panel-toggle="preview"]').click()
    with desktop.context.expect_page() as new_tab:
        desktop.locator("a[data-w-preview-target='newTab']").first.click()
    tab = new_tab.value
    tab.wait_for_load_state()
    assert "Rauhoitu hetkeksi" in tab.locator("h1").inner_text()


def test_the_accessibility_checker_reports_an_empty_heading_in_a_draft(
    desktop, live_server
):
    """A draft with an empty heading: the editor's checker reports it."""
    _path, step = make_path_with_step()
    step.body = [("text", "<h2></h2><p>Hengitä rauhassa.</p>")]
    step.save_revision()
    admin_browser(desktop, live_server, "editor", workflows.EDITORS)
    desktop.goto(f"{live_server.url}/admin/pages/{step.pk}/edit/")
    desktop.locator('[data-side-panel-toggle="checks"]').click()
    count = desktop.locator("[data-content-checker-count]")
    # The checker fills its count and the content metrics one after the other,
    # after the preview has loaded: wait for both (slow under load).
    desktop.wait_for_function(
        "() => {"
        " const count = document.querySelector('[data-content-checker-count]');"
        " const words = document.querySelector('[data-content-word-count]');"
        " return count && words && count.textContent.trim() !== '0'"
        " && !['', '-', '0'].includes(words.textContent.trim()); }",
        timeout=60000,
    )
    words = desktop.locator("[data-content-word-count]").inner_text()
    assert words.strip() not in ("", "-", "0")
    assert int(count.inner_text()) >= 1
    names = desktop.locator("[data-content-checker-name]").all_inner_texts()
    assert any(re.search("otsake|otsik|heading", name, re.I) for name in names), names
    shoot(desktop, "checker-empty-heading")


# --- Approving from the edit view ----------------------------------------


def approve_in_edit_view(page, live_server, step, typo_fix=None):
    page.goto(f"{live_server.url}/admin/pages/{step.pk}/edit/")
    if typo_fix:
        page.locator("#id_summary").fill(typo_fix)
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.locator(
            "button[data-workflow-action-name='approve']"
            ":not([data-workflow-action-modal-url])"
        ).click()
    page.wait_for_load_state()
    body = page.locator("body").inner_text()
    assert "ei ole pääsyä" not in body
    assert "access" not in body.lower()


def publish_count(page_obj):

    return PageLogEntry.objects.filter(page=page_obj, action="wagtail.publish").count()


@pytest.mark.parametrize("with_edit", [False, True], ids=["as-is", "typo-fixed"])
def test_approving_from_the_edit_view_publishes_once_after_both_reviews(
    browser, live_server, with_edit
):
    """Both reviewers approve on the edit page (one fixes a typo): published once."""
    path, step = make_path_with_step()
    editor_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    content_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    safe_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        editor, content, safe = (
            editor_ctx.new_page(),
            content_ctx.new_page(),
            safe_ctx.new_page(),
        )
        admin_browser(editor, live_server, "editor", workflows.EDITORS)
        admin_browser(content, live_server, "content", workflows.CONTENT_REVIEWERS)
        admin_browser(safe, live_server, "safe", workflows.SAFEGUARDING_REVIEWERS)

        step.summary = "Hengittämisen harjotus."
        step.save_revision(user=None)
        before = publish_count(step)
        submit(editor, live_server, step)
        state = WorkflowState.objects.for_instance(step).get(
            status=WorkflowState.STATUS_IN_PROGRESS
        )
        approve_in_edit_view(
            content,
            live_server,
            step,
            typo_fix="Hengittämisen harjoitus." if with_edit else None,
        )
        shoot(content, f"approved-content-{'edit' if with_edit else 'plain'}")
        step.refresh_from_db()
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.current_task_state.task.name == workflows.TASKS[1][0]
        assert step.summary == ""  # still the live version
        assert publish_count(step) == before

        approve_in_edit_view(safe, live_server, step)
        shoot(safe, f"approved-safeguarding-{'edit' if with_edit else 'plain'}")
        step.refresh_from_db()
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert publish_count(step) == before + 1
        expected = (
            "Hengittämisen harjoitus." if with_edit else "Hengittämisen harjotus."
        )
        assert step.summary == expected
        assert step.live_revision_id == step.latest_revision_id
        approved = set(
            state.task_states.filter(status="approved").values_list(
                "revision_id", flat=True
            )
        )
        assert step.live_revision_id in approved
    finally:
        for ctx in (editor_ctx, content_ctx, safe_ctx):
            ctx.close()

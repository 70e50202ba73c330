"""The two-step review in the admin that nobody can publish around: approving
from the dashboard or the edit view, re-review after an edit, translations,
scheduled publishing by Celery beat and the report of paths past review."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, Workflow

from accounts.models import User
from paths import workflows
from paths.models import PathIndexPage, PathPage, PathStepPage

from .paths_helpers import (
    approve,
    make_index,
    make_path,
    path_form,
    staff,
    task_state,
)


def submitted_for_review():
    """A new path an editor has submitted, with the editor and both reviewers."""
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    content = staff("content", workflows.CONTENT_REVIEWERS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)
    response = editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {**path_form(), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    return PathPage.objects.get(slug="uni"), editor, content, safeguarding


@pytest.mark.django_db
def test_a_path_is_published_only_after_content_and_safeguarding_review():
    """Editor submits; content review, then safeguarding review publishes it."""
    path, editor, content, safeguarding = submitted_for_review()
    assert not path.live
    assert approve(content, path) == workflows.TASKS[0][0]
    path.refresh_from_db()
    assert not path.live
    assert approve(safeguarding, path) == workflows.TASKS[1][0]
    path.refresh_from_db()
    assert path.live
    logged = set(
        PageLogEntry.objects.filter(page=path).values_list("action", flat=True)
    )
    assert {
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= (logged)


@pytest.mark.django_db
def test_nobody_publishes_a_path_around_the_review():
    """Publish buttons of editors, reviewers and even superusers do not publish."""
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)
    boss = staff("boss", superuser=True)

    response = editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {**path_form(), "action-publish": "1"},
    )
    assert response.status_code == 302
    path = PathPage.objects.get(slug="uni")
    assert not path.live
    for client in (editor, safeguarding, boss):
        response = client.post(
            f"/admin/pages/{path.pk}/edit/",
            {**path_form(summary="Muutettu."), "action-publish": "1"},
        )
        assert response.status_code in (200, 302, 403)
        path.refresh_from_db()
        assert not path.live
    edit_page = boss.get(f"/admin/pages/{path.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page
    # The bulk action does not publish it either.
    bulk = boss.post(f"/admin/bulk/wagtailcore/page/publish/?id={path.pk}", {})
    assert bulk.status_code in (200, 302, 403)
    path.refresh_from_db()
    assert not path.live


@pytest.mark.django_db
def test_a_live_path_edited_after_review_needs_a_new_review():
    """Changes to an approved path wait for both reviews before going live."""
    path, editor, content, safeguarding = submitted_for_review()
    approve(content, path)
    approve(safeguarding, path)
    editor.post(
        f"/admin/pages/{path.pk}/edit/",
        {**path_form(summary="Uusi teksti."), "action-publish": "1"},
    )
    path.refresh_from_db()
    assert path.summary == "Kun väsyttää."
    safeguarding.post(
        f"/admin/pages/{path.pk}/edit/",
        {**path_form(summary="Uusi teksti."), "action-publish": "1"},
    )
    path.refresh_from_db()
    assert path.summary == "Kun väsyttää."


@pytest.mark.django_db(transaction=True)
def test_celery_beat_publishes_a_scheduled_path(celery_beat):
    """A reviewed path with a go-live time appears when beat's task runs."""
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    content = staff("content", workflows.CONTENT_REVIEWERS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)
    go_live = timezone.localtime() + datetime.timedelta(seconds=10)
    response = editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {
            **path_form(go_live_at=go_live.strftime("%Y-%m-%d %H:%M:%S")),
            "action-submit": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    path = PathPage.objects.get(slug="uni")
    approve(content, path)
    approve(safeguarding, path)
    path.refresh_from_db()
    assert not path.live
    assert path.scheduled_revision is not None
    deadline = time.monotonic() + 60
    while not path.live and time.monotonic() < deadline:
        time.sleep(1)
        path.refresh_from_db()
    assert path.live
    assert timezone.now() >= go_live


@pytest.mark.django_db
def test_report_lists_paths_past_their_review_date():
    """Paths whose "review by" date has passed appear in the admin report."""
    index = make_index()
    today = timezone.localdate()
    make_path(index, title="Vanha", slug="vanha", review_by=today.replace(year=2020))
    make_path(
        index,
        title="Tuore",
        slug="tuore",
        review_by=today + datetime.timedelta(days=30),
    )
    editor = staff("editor", workflows.EDITORS)
    html = editor.get("/admin/reports/paths-to-review/").content.decode()
    assert "Vanha" in html
    assert "Tuore" not in html


@pytest.mark.django_db
def test_a_new_path_index_gets_the_review_even_if_it_was_deleted():
    """A path index created after the workflow was removed still gets the review."""

    Workflow.objects.filter(name=workflows.WORKFLOW_NAME).update(active=False)
    Group.objects.filter(name=workflows.EDITORS).delete()
    index = make_index()
    assert index.get_workflow().name == workflows.WORKFLOW_NAME
    assert index.get_workflow().active
    editors = Group.objects.get(name=workflows.EDITORS)
    assert editors.page_permissions.filter(page=index).exists()


def approve_in_edit_view(client, page, **changes):
    """ "Approve" on the page's edit view: the form is saved, then approved."""
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            **path_form(**changes),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"comment": ""}',
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]


@pytest.mark.django_db
@pytest.mark.parametrize("typo_fix", [None, "Kun väsyttää paljon."])
def test_reviewers_approve_from_the_edit_view_and_it_is_published_once(typo_fix):
    """Approving on the edit page (a typo fixed or not) publishes once, after both."""
    path, editor, content, safeguarding = submitted_for_review()
    fix = {"summary": typo_fix} if typo_fix else {}
    approve_in_edit_view(content, path, **fix)
    path.refresh_from_db()
    assert not path.live
    assert task_state(path).task.name == workflows.TASKS[1][0]
    approve_in_edit_view(safeguarding, path, **fix)
    path.refresh_from_db()
    assert path.live
    assert path.summary == (typo_fix or "Kun väsyttää.")
    assert path.live_revision_id == path.latest_revision_id
    assert PageLogEntry.objects.filter(page=path, action="wagtail.publish").count() == 1


@pytest.mark.django_db
def test_an_edit_by_the_last_reviewer_goes_back_to_content_review():
    """A safeguarding reviewer's change goes back to content review first."""
    path, editor, content, safeguarding = submitted_for_review()
    approve(content, path)
    approve_in_edit_view(safeguarding, path, summary="Toisin sanottu.")
    path.refresh_from_db()
    assert not path.live
    assert task_state(path).task.name == workflows.TASKS[0][0]
    assert approve(content, path) == workflows.TASKS[0][0]
    path.refresh_from_db()
    assert path.live
    assert path.summary == "Toisin sanottu."


@pytest.mark.django_db
@pytest.mark.parametrize("subtree", [False, True], ids=["path", "with-steps"])
def test_a_new_translation_is_not_live_before_its_own_review(subtree):
    """ "Translate this page" on a live path makes Swedish drafts, nothing live."""

    index = make_index()
    path = make_path(index)
    step = PathStepPage(title="Vaihe", slug="vaihe", body=[("text", "<p>Hei</p>")])
    path.add_child(instance=step)
    step.save_revision().publish()
    boss = staff("boss", superuser=True)
    swedish = Locale.objects.get(language_code="sv")
    data = {"locales": [swedish.pk]}
    if subtree:
        data["include_subtree"] = "on"
    response = boss.post(f"/admin/localize/submit/page/{path.pk}/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    translated = PathPage.objects.get(locale=swedish, translation_key=path.path_key)
    assert not translated.live
    assert not PathStepPage.objects.filter(locale=swedish, live=True).exists()
    assert not PathIndexPage.objects.filter(locale=swedish, live=True).exists()
    assert Client().get("/sv/polut/huoli/").status_code == 404
    assert Client().get("/sv/polut/huoli/vaihe/").status_code == 404
    # The translated tree is whole: the path's child count matches its steps.
    translated.refresh_from_db()
    assert translated.numchild == translated.get_children().count()
    assert translated.numchild == (1 if subtree else 0)
    # Publishing it needs the review, in its own language.
    assert not translated.permissions_for_user(
        User.objects.get(username="boss")
    ).can_publish()

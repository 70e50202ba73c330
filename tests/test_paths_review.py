"""A path (intro + steps) is reviewed as one piece: submitting the path takes
its changed steps along, and each reviewer's decision on the path applies to
the steps waiting in the same task."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from accounts.models import User
from paths import workflows
from paths.factories import PathStepPageFactory
from paths.models import PathPage, PathStepPage

from .paths_helpers import approve, make_index, make_path, staff

pytestmark = pytest.mark.django_db


def state_of(page):
    return (
        WorkflowState.objects.for_instance(page)
        .active()
        .select_related("current_task_state__task")
        .first()
    )


def publishes(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()


@pytest.fixture
def path_with_steps():
    """A live path with three live steps; a new fourth step is a draft."""
    index = make_index()
    path = make_path(index)
    steps = []
    for number in (1, 2, 3):
        step = PathStepPageFactory(
            parent=path,
            title=f"Vaihe {number}",
            slug=f"vaihe-{number}",
            body=[("text", f"<p>Vaihe {number}.</p>")],
        )
        steps.append(step)
    new = PathStepPageFactory(
        parent=path, title="Uusi vaihe", slug="uusi", live=False, body=[]
    )
    new.save_revision()
    steps[0].summary = "Muutettu."
    steps[0].save_revision()
    return path, steps, new


@pytest.fixture
def people():
    return {
        "editor": staff("editor", workflows.EDITORS),
        "content": staff("content", workflows.CONTENT_REVIEWERS),
        "safe": staff("safe", workflows.SAFEGUARDING_REVIEWERS),
    }


def submit_path(path, username="editor"):
    """The editor submits the path (what "Submit for review" does)."""
    path.save_revision(user=User.objects.get(username=username))
    path.get_workflow().start(path, User.objects.get(username=username))


def decide(client, path, action, comment=""):
    return client.post(
        f"/admin/paths/{path.pk}/review/", {"action": action, "comment": comment}
    )


def test_submitting_a_path_takes_its_changed_and_new_steps_along(
    path_with_steps, people
):
    """Changed and new steps enter the review with the path; unchanged stay out."""
    path, steps, new = path_with_steps
    submit_path(path)
    assert state_of(path) is not None
    assert state_of(steps[0]) is not None
    assert state_of(new) is not None
    assert state_of(steps[1]) is None and state_of(steps[2]) is None
    assert state_of(steps[0]).requested_by.username == "editor"


def test_approving_the_path_from_the_dashboard_approves_its_steps(
    path_with_steps, people
):
    """Wagtail's own approve on the path (dashboard, listing) carries the steps."""
    path, steps, new = path_with_steps
    submit_path(path)
    before = publishes(steps[0])
    assert approve(people["content"], path) == workflows.TASKS[0][0]
    assert state_of(steps[0]).current_task_state.task.name == workflows.TASKS[1][0]
    assert state_of(new).current_task_state.task.name == workflows.TASKS[1][0]
    assert publishes(steps[0]) == before
    approve(people["safe"], path)
    for page in (path, steps[0], new):
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
        assert state_of(page) is None
    assert publishes(steps[0]) == before + 1
    assert publishes(new) == 1


def test_requesting_changes_to_the_path_sends_back_all_its_steps(
    path_with_steps, people
):
    """One "request changes" with a comment sends the path and its steps back;
    the editor's next submission of the path resumes them all."""
    path, steps, new = path_with_steps
    submit_path(path)
    response = decide(people["content"], path, "reject")
    assert response.status_code == 302
    assert state_of(path).status == WorkflowState.STATUS_IN_PROGRESS  # no comment
    response = decide(people["content"], path, "reject", "Vaihe 1 on liian pitkä.")
    assert response.status_code == 302
    for page in (path, steps[0], new):
        state = state_of(page)
        assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
        assert state.current_task_state.comment == "Vaihe 1 on liian pitkä."
    new.refresh_from_db()
    assert not new.live

    state_of(path).resume(User.objects.get(username="editor"))
    for page in (path, steps[0], new):
        state = state_of(page)
        assert state.status == WorkflowState.STATUS_IN_PROGRESS, page.title
        assert state.current_task_state.task.name == workflows.TASKS[0][0]


def test_the_path_review_screen_shows_the_intro_and_the_waiting_steps(
    path_with_steps, people
):
    """The reviewer's screen lists the intro and the changed steps in order,
    each with a frameable preview; the editor cannot open it."""
    path, steps, new = path_with_steps
    submit_path(path)
    response = people["content"].get(f"/admin/paths/{path.pk}/review/")
    assert response.status_code == 200
    titles = [item["page"].title for item in response.context["items"]]
    assert titles == [path.title, steps[0].title, new.title]
    frame = people["content"].get(f"/admin/paths/{path.pk}/review/frame/{steps[0].pk}/")
    assert frame.status_code == 200
    assert frame["X-Frame-Options"] == "SAMEORIGIN"
    assert b"Vaihe 1" in frame.content
    home = people["content"].get("/admin/")
    assert f'data-path-awaiting-review="{path.pk}"'.encode() in home.content

    assert people["editor"].get(f"/admin/paths/{path.pk}/review/").status_code == 302
    refused = people["editor"].get(
        f"/admin/paths/{path.pk}/review/frame/{steps[0].pk}/"
    )
    assert refused.status_code in (302, 403)
    assert b"Vaihe 1" not in refused.content
    assert b"data-path-awaiting-review" not in people["editor"].get("/admin/").content


def test_approving_on_the_path_review_screen_publishes_each_page_once(
    path_with_steps, people
):
    """Two decisions on the path review screen publish the intro and steps once."""
    path, steps, new = path_with_steps
    submit_path(path)
    before = {page.pk: publishes(page) for page in (path, steps[0], new)}
    assert decide(people["content"], path, "approve").status_code == 302
    assert all(publishes(p) == before[p.pk] for p in (path, steps[0], new))
    assert decide(people["safe"], path, "approve").status_code == 302
    assert all(publishes(p) == before[p.pk] + 1 for p in (path, steps[0], new))
    assert decide(people["safe"], path, "approve").status_code == 302  # not waiting
    assert all(publishes(p) == before[p.pk] + 1 for p in (path, steps[0], new))


ENGLISH_NAMES = [
    "Path review",
    "Content review",
    "Safeguarding review",
    "Path editors",
    "Content reviewers",
    "Safeguarding reviewers",
]


def test_the_finnish_admin_shows_the_review_names_in_finnish(path_with_steps):
    """A Finnish reviewer sees the workflow, task and group names in Finnish."""

    path, steps, _new = path_with_steps
    staff("editor", workflows.EDITORS)
    reviewer = staff("content", workflows.CONTENT_REVIEWERS)
    superuser = staff("root", superuser=True)
    for username in ("content", "root"):
        profile = UserProfile.get_for_user(User.objects.get(username=username))
        profile.preferred_language = "fi"
        profile.save()
    submit_path(path)
    pages = [
        reviewer.get("/admin/").content.decode(),
        reviewer.get(f"/admin/pages/{steps[0].pk}/edit/").content.decode(),
        reviewer.get(f"/admin/pages/{path.pk}/workflow_history/").content.decode(),
        superuser.get("/admin/workflows/list/").content.decode(),
        superuser.get("/admin/workflows/tasks/index/").content.decode(),
        superuser.get("/admin/groups/").content.decode(),
    ]
    text = "\n".join(pages)
    assert "Sisällön tarkastus" in pages[0]
    assert workflows.WORKFLOW_NAME in pages[3]
    assert "Turvallisuustarkastus" in pages[4]
    for group in ("Polkujen toimittajat", "Sisällön tarkastajat"):
        assert group in pages[5]
    for english in ENGLISH_NAMES:
        assert english not in text, english


def test_publish_immediately_on_sync_translations_publishes_no_path_page():
    """wagtail-localize's "Publish immediately" on "Sync translated pages" is
    refused for paths: the Swedish path stays a draft, not live."""

    index = make_index()
    path = make_path(index)
    boss = staff("boss", superuser=True)
    swedish = Locale.objects.get(language_code="sv")
    response = boss.post(
        f"/admin/localize/submit/page/{path.pk}/", {"locales": [swedish.pk]}
    )
    assert response.status_code == 302
    translated = PathPage.objects.get(locale=swedish, translation_key=path.path_key)
    assert not translated.live
    path.summary = "Uusi tiivistelmä."
    path.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(path)
    form = boss.get(f"/admin/localize/update/{source.pk}/")
    assert form.status_code == 200
    assert b'type="checkbox" name="publish_translations"' not in form.content
    response = boss.post(
        f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}
    )
    assert response.status_code == 302
    translated.refresh_from_db()
    assert not translated.live
    assert Client().get("/sv/polut/huoli/").status_code == 404


def test_the_review_report_lists_undated_paths_and_the_steps_of_due_paths():
    """ "Paths to review" lists paths never given a review date and the steps
    of every listed path; a path reviewed on schedule stays out with its steps."""

    index = make_index()
    today = timezone.localdate()
    undated = make_path(index, title="Päivätön", slug="paivaton")
    late = make_path(
        index, title="Myöhässä", slug="myohassa", review_by=today.replace(year=2020)
    )
    fresh = make_path(
        index,
        title="Tuore",
        slug="tuore",
        last_reviewed=today,
        review_by=today + datetime.timedelta(days=30),
    )
    for path, title in (
        (undated, "Päivättömän vaihe"),
        (late, "Myöhästyneen vaihe"),
        (fresh, "Tuoreen vaihe"),
    ):
        step = PathStepPage(title=title, slug="vaihe", body=[])
        path.add_child(instance=step)
        step.save_revision().publish()
    editor = staff("editor", workflows.EDITORS)
    html = editor.get("/admin/reports/paths-to-review/").content.decode()
    for listed in ("Päivätön", "Päivättömän vaihe", "Myöhässä", "Myöhästyneen vaihe"):
        assert listed in html, listed
    assert "Tuore" not in html and "Tuoreen vaihe" not in html
    assert "Never reviewed: no review date" in html
    assert html.index("Myöhässä") < html.index("Myöhästyneen vaihe")
    export = editor.get("/admin/reports/paths-to-review/?export=csv")
    assert export.status_code == 200
    assert "Päivättömän vaihe" in b"".join(export.streaming_content).decode()

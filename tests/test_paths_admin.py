"""Editors in the admin: every block through the forms, the two-step review that
nobody can publish around, scheduled publishing by Celery beat, the report."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from accounts.models import User
from home import demo as home_demo
from paths import workflows
from paths.blocks import StepStreamBlock
from paths.factories import PathIndexPageFactory, PathPageFactory, every_step_block
from paths.models import PathIndexPage, PathPage, PathStepPage

from .paths_helpers import form_value, listblock
from .staff import staff_client


def staff(username, *groups, superuser=False):
    """A staff member with TOTP, signed in through allauth and its MFA step."""
    # The admin in English, so that the assertions read its messages.
    return staff_client(username, *groups, superuser=superuser, language="en")


def make_index():
    return PathIndexPageFactory(parent=home_demo.load()["fi"])


def make_path(index, **fields):
    fields.setdefault("intro", "<p>Polku huolesta.</p>")
    fields.setdefault("completion_message", "<p>Hienoa!</p>")
    return PathPageFactory(parent=index, **fields)


def path_form(**overrides):
    data = {
        "title": "Uni ja jaksaminen",
        "slug": "uni",
        "summary": "Kun väsyttää.",
        "age_min": "13",
        "age_max": "17",
        "duration_minutes": "20",
        "order_mode": "sequential",
        "intro": rich_text("<p>Polku unesta.</p>"),
        "who_sees_what": rich_text("<p>Vain sinä näet vastauksesi.</p>"),
        "completion_message": rich_text("<p>Valmista!</p>"),
    }
    data.update(overrides)
    return nested_form_data(data)


def every_block(image, document, service):
    """One of each step block, as the admin form posts it."""
    stream = StepStreamBlock()
    page = PathIndexPage.objects.first()
    return [
        (kind, form_value(stream.child_blocks[kind], value))
        for kind, value in every_step_block(image, service, page, document=document)
    ]


def self_check_form(licence="own", instrument="Omat kysymykset", bands=None):
    options = listblock(
        [{"label": "Ei", "score": "0"}, {"label": "Kyllä", "score": "1"}]
    )
    return {
        "title": "Miten menee?",
        "introduction": rich_text(""),
        "questions": listblock([{"question": "Nukutko hyvin?", "options": options}]),
        "bands": listblock(
            bands
            or [
                {
                    "min_score": "0",
                    "max_score": "1",
                    "title": "Kaikki",
                    "feedback": rich_text("<p>Puhu jollekulle.</p>"),
                    "services": listblock([]),
                }
            ]
        ),
        "instrument_name": instrument,
        "instrument_source": "",
        "licence": licence,
        "licence_note": "",
    }


@pytest.fixture
def media():
    image = get_image_model().objects.create(
        title="Kukkula",
        file=ContentFile(_png(), name="kukkula.png"),
    )
    document = get_document_model().objects.create(
        title="Video", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="v.mp4")
    )
    return image, document


def _png():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b5c55").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def service():
    from directory.models import Organisation, Service

    organisation = Organisation.objects.create(name="Ohjaamo Kotka", kind="ngo")
    return Service.objects.create(
        name="Ohjaamo Kotka",
        organisation=organisation,
        description="Neuvoa nuorille.",
        languages=["fi"],
    )


def post_step(client, path, blocks, action=None, **fields):
    data = nested_form_data(
        {
            "title": fields.get("title", "Vaihe"),
            "slug": fields.get("slug", "vaihe"),
            "summary": "",
            "estimated_minutes": "",
            "body": streamfield(blocks),
        }
    )
    if action:
        data[action] = "1"
    return client.post(f"/admin/pages/add/paths/pathsteppage/{path.pk}/", data)


@pytest.mark.django_db
def test_every_block_type_can_be_created_through_the_admin(media, service):
    """An editor composes a step of every block type with the admin's own form."""
    index = make_index()
    path = make_path(index)
    editor = staff("editor", workflows.EDITORS)
    response = post_step(
        editor, path, every_block(*media, service), action="action-submit"
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    step = PathStepPage.objects.get(slug="vaihe")
    assert [
        child.block_type for child in step.get_latest_revision_as_object().body
    ] == list(StepStreamBlock.base_blocks)
    assert not step.live
    assert step.workflow_in_progress


@pytest.mark.django_db
def test_the_editor_is_stopped_from_using_an_instrument_forbidden_online(media):
    """A self-check with the SDQ, or a licence forbidding online use, is refused."""
    path = make_path(make_index())
    editor = staff("editor", workflows.EDITORS)
    for licence, instrument in (("own", "SDQ (Goodman)"), ("no_electronic", "X")):
        response = post_step(
            editor, path, [("self_check", self_check_form(licence, instrument))]
        )
        assert response.status_code == 200
        assert "forbids electronic use" in response.content.decode()
    assert not PathStepPage.objects.exists()


@pytest.mark.django_db
def test_score_bands_must_cover_every_score(media):
    """A self-check whose bands leave a score without feedback is refused."""
    path = make_path(make_index())
    editor = staff("editor", workflows.EDITORS)
    gap = [
        {
            "min_score": "1",
            "max_score": "1",
            "title": "Yksi",
            "feedback": rich_text("<p>Palaute.</p>"),
            "services": listblock([]),
        }
    ]
    response = post_step(editor, path, [("self_check", self_check_form(bands=gap))])
    assert response.status_code == 200
    assert "must cover every possible score" in response.content.decode()


@pytest.mark.django_db
def test_images_need_alternative_text(media, service):
    """An image block without alternative text is refused."""
    path = make_path(make_index())
    editor = staff("editor", workflows.EDITORS)
    image, _ = media
    response = post_step(
        editor,
        path,
        [
            (
                "image",
                {
                    "image": {"image": image.pk, "decorative": False, "alt_text": ""},
                    "caption": "",
                },
            )
        ],
        action="action-submit",
    )
    assert response.status_code == 200
    assert not PathStepPage.objects.exists()


def task_state(page):
    state = WorkflowState.objects.for_instance(page).get(
        status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def approve(client, page):
    current = task_state(page)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{current.pk}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    return current.task.name


@pytest.mark.django_db
def test_a_path_is_published_only_after_content_and_safeguarding_review():
    """Editor submits; content review, then safeguarding review publishes it."""
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    content = staff("content", workflows.CONTENT_REVIEWERS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)

    response = editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {**path_form(), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    path = PathPage.objects.get(slug="uni")
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
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    content = staff("content", workflows.CONTENT_REVIEWERS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)
    editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {**path_form(), "action-submit": "1"},
    )
    path = PathPage.objects.get(slug="uni")
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
def test_path_and_step_previews_open_at_phone_width():
    """The preview of a path and of a step offers a 375 px phone first."""
    index = make_index()
    path = make_path(index)
    step = PathStepPage(title="Vaihe", slug="vaihe", body=[("text", "<p>Hei</p>")])
    path.add_child(instance=step)
    editor = staff("editor", workflows.EDITORS)
    for page in (path, step):
        html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        assert "375" in html
        response = editor.get(f"/admin/pages/{page.pk}/edit/preview/")
        assert response.status_code == 200


@pytest.mark.django_db
def test_a_new_path_index_gets_the_review_even_if_it_was_deleted():
    """A path index created after the workflow was removed still gets the review."""
    from wagtail.models import Workflow

    Workflow.objects.filter(name=workflows.WORKFLOW_NAME).update(active=False)
    Group.objects.filter(name=workflows.EDITORS).delete()
    index = make_index()
    assert index.get_workflow().name == workflows.WORKFLOW_NAME
    assert index.get_workflow().active
    editors = Group.objects.get(name=workflows.EDITORS)
    assert editors.page_permissions.filter(page=index).exists()


@pytest.mark.django_db
def test_every_step_block_has_a_preview_in_the_block_picker(media, service):
    """Each block has an icon, a group, a description and a rendered preview."""
    make_index()
    service.save_revision().publish()
    editor = staff("editor", workflows.EDITORS)
    for name, block in StepStreamBlock.base_blocks.items():
        assert block.meta.icon and block.meta.group and block.get_description(), name
        assert block.is_previewable, name
        response = editor.get(f"/admin/block-preview/?id={block.definition_prefix}")
        assert response.status_code == 200, name
        assert "paths.css" in response.content.decode()


@pytest.mark.django_db
def test_editors_manage_themes_in_the_admin():
    """A path editor adds a theme as a snippet; the index lists it."""
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    response = editor.post(
        "/admin/snippets/paths/theme/add/",
        {
            "name": "Koulu",
            "slug": "koulu",
            "description": "",
            "sort_order": "3",
            "locale": str(index.locale_id),
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert editor.get("/admin/snippets/paths/theme/").status_code == 200
    from paths.models import Theme

    assert Theme.objects.filter(slug="koulu").exists()


@pytest.mark.django_db
def test_path_form_offers_each_theme_once():
    """The path form lists the default-language themes, not every translation."""
    from wagtail.models import Locale

    from paths.models import Theme

    index = make_index()
    mieli = Theme.objects.create(name="Mieli", slug="mieli", locale=index.locale)
    sv = mieli.copy_for_translation(Locale.objects.get(language_code="sv"))
    sv.name, sv.slug = "Psyket", "psyke"
    sv.save()
    editor = staff("editor", workflows.EDITORS)
    html = editor.get(f"/admin/pages/add/paths/pathpage/{index.pk}/").content.decode()
    assert "Mieli" in html
    assert "Psyket" not in html


@pytest.mark.django_db
def test_a_copied_step_gets_new_question_ids():
    """Copying a step in the admin gives its blocks new ids, page and revisions."""
    index = make_index()
    path = make_path(index)
    step = PathStepPage(
        title="Vaihe",
        slug="vaihe",
        body=[("reflection", {"question": "Mikä auttaa?", "help_text": ""})],
    )
    path.add_child(instance=step)
    step.save_revision()
    editor = staff("editor", workflows.EDITORS)
    response = editor.post(
        f"/admin/pages/{step.pk}/copy/",
        {"new_title": "Kopio", "new_slug": "kopio", "new_parent_page": path.pk},
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    copy = PathStepPage.objects.get(slug="kopio")
    original_id = step.body[0].id
    assert copy.body[0].id != original_id
    assert copy.step_key != step.step_key
    draft = copy.get_latest_revision_as_object()
    assert draft.body[0].id == copy.body[0].id
    step.refresh_from_db()
    assert step.body[0].id == original_id


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
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    content = staff("content", workflows.CONTENT_REVIEWERS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)
    editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {**path_form(), "action-submit": "1"},
    )
    path = PathPage.objects.get(slug="uni")
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
    index = make_index()
    editor = staff("editor", workflows.EDITORS)
    content = staff("content", workflows.CONTENT_REVIEWERS)
    safeguarding = staff("safe", workflows.SAFEGUARDING_REVIEWERS)
    editor.post(
        f"/admin/pages/add/paths/pathpage/{index.pk}/",
        {**path_form(), "action-submit": "1"},
    )
    path = PathPage.objects.get(slug="uni")
    approve(content, path)
    approve_in_edit_view(safeguarding, path, summary="Toisin sanottu.")
    path.refresh_from_db()
    assert not path.live
    assert task_state(path).task.name == workflows.TASKS[0][0]
    assert approve(content, path) == workflows.TASKS[0][0]
    path.refresh_from_db()
    assert path.live
    assert path.summary == "Toisin sanottu."


def _emptied(block, data, trail=()):
    """Every (trail, form data) with one required child of `block` left empty."""
    from wagtail import blocks as wagtail_blocks

    if isinstance(block, wagtail_blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if name not in data:
                continue
            if getattr(child, "required", True) and not isinstance(
                child, wagtail_blocks.ListBlock | wagtail_blocks.StructBlock
            ):
                # An empty Draftail editor posts "null".
                empty = (
                    "null" if isinstance(child, wagtail_blocks.RichTextBlock) else ""
                )
                yield (*trail, name), {**data, name: empty}
            for sub_trail, sub in _emptied(child, data[name], (*trail, name)):
                yield sub_trail, {**data, name: sub}
    elif isinstance(block, wagtail_blocks.ListBlock):
        if data.get("count") and block.meta.min_num:
            yield (*trail, "no items"), {"count": "0"}
        first = data.get("0")
        if first is not None:
            for sub_trail, sub in _emptied(block.child_block, first["value"], trail):
                yield (
                    (*trail, *sub_trail[len(trail) :]),
                    {
                        **data,
                        "0": {**first, "value": sub},
                    },
                )


@pytest.mark.django_db
def test_a_half_filled_block_is_a_validation_error_never_a_500(media, service):
    """Any required part of any block left empty: a draft saves, submitting
    shows an error, and neither (nor the preview) is a server error."""
    path = make_path(make_index())
    editor = staff("editor", workflows.EDITORS)
    stream = StepStreamBlock()
    tried = 0
    for block_type, data in every_block(*media, service):
        block = stream.child_blocks[block_type]
        for trail, half_filled in _emptied(block, data):
            where = f"{block_type}: {' / '.join(trail)}"
            slug = f"vaihe-{tried}"
            # Wagtail saves drafts without the required checks.
            draft = post_step(editor, path, [(block_type, half_filled)], slug=slug)
            assert draft.status_code in (200, 302), where
            step = PathStepPage.objects.filter(slug=slug).first()
            if step:
                preview = editor.get(f"/admin/pages/{step.pk}/edit/preview/")
                assert preview.status_code == 200, where
            submitted = post_step(
                editor,
                path,
                [(block_type, half_filled)],
                action="action-submit",
                slug=f"{slug}-submitted",
            )
            assert submitted.status_code == 200, where
            assert "error" in submitted.content.decode(), where
            tried += 1
    assert tried > 30
    assert not PathStepPage.objects.filter(live=True).exists()
    assert not PathStepPage.objects.filter(slug__endswith="-submitted").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("subtree", [False, True], ids=["path", "with-steps"])
def test_a_new_translation_is_not_live_before_its_own_review(subtree):
    """ "Translate this page" on a live path makes Swedish drafts, nothing live."""
    from wagtail.models import Locale

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


def test_a_new_score_band_starts_without_an_empty_service_row():
    """A new score band offers "add a service", not an empty required row."""
    self_check = StepStreamBlock().child_blocks["self_check"]
    band = self_check.child_blocks["bands"].child_block
    assert list(band.child_blocks["services"].get_default()) == []
    assert all(
        not list(default["services"])
        for default in self_check.child_blocks["bands"].get_default()
    )


@pytest.mark.django_db
def test_the_finnish_admin_translates_the_checks_and_the_translation_editor():
    """In Finnish the checker's texts are Finnish and "Unpublish" is not "Piilota"."""
    index = make_index()
    path = make_path(index)
    editor = staff("editor", workflows.EDITORS)
    profile = UserProfile.get_for_user(User.objects.get(username="editor"))
    profile.preferred_language = "fi"
    profile.save()
    html = editor.get(f"/admin/pages/{path.pk}/edit/").content.decode()
    assert "Sisällön mittarit" in html
    assert "Content metrics" not in html
    catalog = editor.get("/admin/localize/jsi18n/").content.decode()
    assert "Poista julkaisusta" in catalog
    assert '"Piilota"' not in catalog

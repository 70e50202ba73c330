"""Editors in the admin: every block through the forms, its checks (licences,
score bands, alternative text, half-filled blocks), previews, themes and copies."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from wagtail import blocks as wagtail_blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from accounts.models import User
from directory.models import Organisation, Service
from paths import workflows
from paths.blocks import StepStreamBlock
from paths.factories import ThemeFactory, every_step_block
from paths.models import PathIndexPage, PathStepPage, Theme

from .paths_helpers import form_value, listblock, make_index, make_path, staff


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

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#0b5c55").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def service():

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

    assert Theme.objects.filter(slug="koulu").exists()


@pytest.mark.django_db
def test_path_form_offers_each_theme_once():
    """The path form lists the default-language themes, not every translation."""

    index = make_index()
    mieli = ThemeFactory(name="Mieli", slug="mieli", locale=index.locale)
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


def _emptied(block, data, trail=()):
    """Every (trail, form data) with one required child of `block` left empty."""

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

"""Step images: Wagtail's ImageBlock with a caption, and the migration to it."""

import importlib
import json
from io import BytesIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator

from home import demo as home_demo
from paths.blocks import StepStreamBlock
from paths.models import PathIndexPage, PathPage, PathStepPage

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module(
    "paths.migrations.0010_step_image_is_wagtail_image_block"
)
LOCALIZE_MIGRATION = importlib.import_module(
    "paths.migrations.0012_localize_sources_step_images"
)
ALT = "Vihreät kukkulat ja keltainen aurinko."
CAPTION = "Maisema, joka rauhoittaa."
ALT_SV = "Gröna kullar och en gul sol."
CAPTION_SV = "Ett landskap som lugnar."


def _png():
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "#0b5c55").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def step_and_image():
    homes = home_demo.load()
    index = PathIndexPage(title="Polut", slug="polut")
    homes["fi"].add_child(instance=index)
    index.save_revision().publish()
    path = PathPage(
        title="Huoli",
        slug="huoli",
        summary="Tiivistelmä.",
        intro="<p>Johdanto.</p>",
        who_sees_what="<p>Vastauksesi näet vain sinä.</p>",
        completion_message="<p>Valmista!</p>",
    )
    index.add_child(instance=path)
    path.save_revision().publish()
    step = PathStepPage(title="Eka", slug="eka", body=[("text", "<p>Hei</p>")])
    path.add_child(instance=step)
    step.save_revision().publish()
    image = get_image_model().objects.create(
        title="Kuva", file=ContentFile(_png(), name="kuva.png")
    )
    return step, image


def _write_old_body(step, body):
    """Store `body` as it was saved before ImageBlock, in the page and a revision."""
    raw = json.dumps(body)
    with connection.cursor() as cursor:
        cursor.execute(
            "update paths_pathsteppage set body = %s where page_ptr_id = %s",
            [raw, step.pk],
        )
    revision = step.latest_revision
    revision.content["body"] = raw
    revision.save(update_fields=["content"])


def _run_migration():
    operation = MIGRATION.Migration.operations[-1]
    operation.code(apps, None)


def test_old_image_keeps_its_image_alt_text_and_caption(step_and_image):
    """A step saved with the old image block shows the same image, alt text and
    caption after the migration, in the live page and in its latest revision."""
    step, image = step_and_image
    old = {"image": image.pk, "alt_text": ALT, "caption": CAPTION}
    _write_old_body(step, [{"type": "image", "value": old, "id": "kuva-1"}])
    _run_migration()
    _run_migration()  # a second run leaves migrated values alone

    step = PathStepPage.objects.get(pk=step.pk)
    value = step.body[0].value
    assert step.body[0].id == "kuva-1"
    assert value["image"].pk == image.pk
    assert value["image"].contextual_alt_text == ALT
    assert value["image"].decorative is False
    assert value["caption"] == CAPTION
    revised = step.latest_revision.as_object().body[0].value
    assert revised["image"].contextual_alt_text == ALT
    assert revised["caption"] == CAPTION

    html = Client().get(step.url).content.decode()
    assert f'alt="{ALT}"' in html
    assert f"<figcaption>{CAPTION}</figcaption>" in html


def test_decorative_image_renders_with_empty_alt(step_and_image):
    """An image marked decorative is hidden from screen readers with alt=""."""
    step, image = step_and_image
    decorative = {"image": image.pk, "decorative": True, "alt_text": ""}
    step.body = [{"type": "image", "value": {"image": decorative, "caption": ""}}]
    step.save_revision().publish()
    html = Client().get(step.url).content.decode()
    figure = html[html.index('<figure class="block-image">') :]
    figure = figure[: figure.index("</figure>")]
    assert 'alt=""' in figure
    assert "<figcaption>" not in figure


def test_the_finnish_image_form_labels_the_chooser_in_finnish():
    """A Finnish editor sees "Kuva" above the image chooser, not Wagtail's "Image"."""
    chooser = StepStreamBlock.base_blocks["image"].child_blocks["image"]
    with translation.override("fi"):
        assert str(chooser.child_blocks["image"].label) == "Kuva"


def _as_before_image_block(step, block_id):
    """Put wagtail-localize's copy of `step` back as a sync before 0010 left it:
    the old image value, the alt text and image segments at their old paths."""
    source = TranslationSource.objects.get(
        object_id=step.translation_key, locale=step.locale
    )
    content = json.loads(source.content_json)
    stream = LOCALIZE_MIGRATION._stream(content["body"])
    block = next(block for block in stream if block["id"] == block_id)
    image = block["value"]["image"]
    block["value"] = {
        "image": image["image"],
        "alt_text": image["alt_text"],
        "caption": block["value"]["caption"],
    }
    content["body"] = json.dumps(stream) if isinstance(content["body"], str) else stream
    source.content_json = json.dumps(content)
    source.save(update_fields=["content_json"])
    for part in ("alt_text", "image"):
        old = f"body.{block_id}.{part}"
        TranslationContext.objects.filter(
            object_id=step.translation_key, path=f"body.{block_id}.image.{part}"
        ).update(
            path=old,
            path_id=TranslationContext._get_path_id(old),
            field_path=f"body.image.{part}",
        )
    return source


def test_a_translation_synced_before_image_block_still_publishes(step_and_image):
    """A step sent for Swedish translation before the image block changed is
    published in Swedish after the upgrade, with the Swedish alternative text."""
    step, image = step_and_image
    step.body = [
        {
            "type": "image",
            "id": "kuva-1",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": ALT},
                "caption": CAPTION,
            },
        }
    ]
    step.save_revision().publish()
    sv = Locale.objects.get(language_code="sv")
    creator = TranslationCreator(None, [sv])
    for page in [*step.get_ancestors()[2:], step]:  # the index, the path, the step
        creator.create_translations(page.specific)
    source = _as_before_image_block(step, "kuva-1")
    translation_ = Translation.objects.get(source=source, target_locale=sv)
    for text, swedish in ((ALT, ALT_SV), (CAPTION, CAPTION_SV)):
        segment = StringSegment.objects.get(source=source, string__data=text)
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=sv,
            context=segment.context,
            data=swedish,
        )

    LOCALIZE_MIGRATION.forwards(apps, None)
    translation_.save_target(publish=True)

    swedish_step = PathStepPage.objects.get(
        locale=sv, translation_key=step.translation_key
    )
    value = swedish_step.body[0].value
    assert value["image"].pk == image.pk
    assert value["image"].contextual_alt_text == ALT_SV
    assert value["caption"] == CAPTION_SV


def test_an_alt_text_too_long_to_listen_to_is_refused(step_and_image):
    """An editor is stopped at 250 characters of alternative text, as before
    the image block changed: a screen reader would read out all of it."""
    _step, image = step_and_image
    block = StepStreamBlock().child_blocks["image"]

    def value(alt):
        return block.to_python(
            {"image": {"image": image.pk, "decorative": False, "alt_text": alt}}
        )

    block.clean(value("a" * 250))
    with pytest.raises(ValidationError):
        block.clean(value("a" * 251))
